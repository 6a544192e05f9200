// The `edgelite` executable as a user sees it: exit codes, the one-line error
// contract, and end-to-end classification once the runtime can run models.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/test_files.h"

#ifdef EDGELITE_CLI_PATH

namespace edgelite {
namespace {

using testing::FileExists;
using testing::SourcePath;
using testing::TestData;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const std::string& path) {
  const std::vector<uint8_t> b = testing::ReadBytes(path);
  return std::string(b.begin(), b.end());
}

// Runs the CLI with stdout/stderr captured in temporary files (no pipes, so
// large outputs cannot deadlock).
Result RunCli(const std::vector<std::string>& args) {
  char out_path[] = "/tmp/edgelite_cli_out_XXXXXX";
  char err_path[] = "/tmp/edgelite_cli_err_XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  Result r;
  if (out_fd < 0 || err_fd < 0) return r;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> argv;
    std::string exe = EDGELITE_CLI_PATH;
    argv.push_back(&exe[0]);
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(&a[0]);
    argv.push_back(nullptr);
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(out_fd);
  close(err_fd);
  r.exit_code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return r;
}

// The error contract: exactly one line, "edgelite: error: ...".
void ExpectOneErrorLine(const Result& r) {
  EXPECT_EQ(r.err.rfind("edgelite: error: ", 0), 0u) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

const std::string kHelloInt8 = TestData("models/hello_world_int8.tflite");

TEST(CliTest, HelpExitsZero) {
  Result r = RunCli({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("classify"), std::string::npos);
  EXPECT_NE(r.out.find("inspect"), std::string::npos);
  EXPECT_TRUE(r.err.empty());
}

TEST(CliTest, CommandHelpInBothSpellings) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"help", "classify"},
        std::vector<std::string>{"classify", "--help"}}) {
    Result r = RunCli(args);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Usage: edgelite classify"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("--labels"), std::string::npos);
  }
}

TEST(CliTest, Version) {
  Result r = RunCli({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("edgelite ", 0), 0u) << r.out;
}

TEST(CliTest, NoArgumentsIsUsageError) { EXPECT_EQ(RunCli({}).exit_code, 2); }

TEST(CliTest, UnknownCommandExitsTwo) {
  Result r = RunCli({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  ExpectOneErrorLine(r);
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos);
}

TEST(CliTest, UnknownFlagExitsTwo) {
  Result r = RunCli({"inspect", kHelloInt8, "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  ExpectOneErrorLine(r);
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos);
  r = RunCli({"classify", kHelloInt8, "x.jpg", "--top", "many"});
  EXPECT_EQ(r.exit_code, 2);
  ExpectOneErrorLine(r);
}

TEST(CliTest, MissingArgumentsExitTwo) {
  Result r = RunCli({"classify", kHelloInt8});
  EXPECT_EQ(r.exit_code, 2);
  ExpectOneErrorLine(r);
}

TEST(CliTest, MissingModelNamesThePath) {
  const std::string path = "/nonexistent/dir/model.tflite";
  for (const char* cmd : {"inspect", "c-array", "bench"}) {
    Result r = RunCli({cmd, path});
    EXPECT_EQ(r.exit_code, 1) << cmd;
    ExpectOneErrorLine(r);
    EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
  }
}

TEST(CliTest, ClassifyRejectsANonImage) {
  // The labels file is text: decoding must fail with a clear message. Only
  // meaningful once the runtime loads models (the model is loaded first).
  const std::string model =
      TestData("models/mobilenet_v1_0.25_128_quant.tflite");
  const std::string text = TestData("labels/imagenet_labels.txt");
  Result r = RunCli({"classify", model, text});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneErrorLine(r);
  EXPECT_NE(r.err.find("not a JPEG, PNG or BMP image"), std::string::npos)
      << r.err;
}

TEST(CliTest, ClassifyMissingImageNamesThePath) {
  const std::string model =
      TestData("models/mobilenet_v1_0.25_128_quant.tflite");
  Result r = RunCli({"classify", model, "/nonexistent/cat.jpg"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneErrorLine(r);
  EXPECT_NE(r.err.find("/nonexistent/cat.jpg"), std::string::npos) << r.err;
}

TEST(CliTest, BrokenModelIsAnErrorNotACArray) {
  const std::string text = TestData("labels/imagenet_labels.txt");
  Result r = RunCli({"c-array", text});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneErrorLine(r);
  EXPECT_TRUE(r.out.empty());
}

TEST(CliTest, CArrayHasTheFileSize) {
  const std::vector<uint8_t> model = testing::ReadBytes(kHelloInt8);
  ASSERT_FALSE(model.empty());
  Result r = RunCli({"c-array", kHelloInt8, "--name", "g_model"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("alignas(16) const unsigned char g_model[] = {"),
            std::string::npos);
  EXPECT_NE(r.out.find("const unsigned int g_model_len = " +
                       std::to_string(model.size()) + ";"),
            std::string::npos);
  // Count the bytes actually emitted and check the first and last.
  size_t count = 0;
  for (size_t p = r.out.find("0x"); p != std::string::npos;
       p = r.out.find("0x", p + 2)) {
    ++count;
  }
  // The sha256 in the header comment has no "0x"; every byte has one.
  EXPECT_EQ(count, model.size());
  char first[8];
  std::snprintf(first, sizeof(first), "0x%02x,", model[0]);
  EXPECT_NE(r.out.find(first), std::string::npos);
}

// The generated file compiles and exports NAME / NAME_len to other files.
TEST(CliTest, CArrayCompiles) {
  if (std::system("c++ --version > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "no C++ compiler";
  }
  Result r = RunCli({"c-array", kHelloInt8, "--name", "g_model"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  char dir[] = "/tmp/edgelite_carray_XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string d = dir;
  {
    std::FILE* f = std::fopen((d + "/model_data.cc").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fwrite(r.out.data(), 1, r.out.size(), f);
    std::fclose(f);
    f = std::fopen((d + "/main.cc").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "extern const unsigned char g_model[];\n"
        "extern const unsigned int g_model_len;\n"
        "int main() { return g_model_len == 2704 && g_model[4] == 'T' ? 0 : 1; "
        "}\n",
        f);
    std::fclose(f);
  }
  const std::string cmd = "cd " + d +
                          " && c++ -std=c++17 -Wall -Wextra -Werror main.cc "
                          "model_data.cc -o check && ./check";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::system(("rm -rf " + d).c_str());
}

TEST(CliTest, CArrayRejectsABadName) {
  Result r = RunCli({"c-array", kHelloInt8, "--name", "1bad-name"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneErrorLine(r);
}

TEST(CliTest, InspectHelloWorld) {
  Result r = RunCli({"inspect", kHelloInt8});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("FULLY_CONNECTED"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("int8 [1, 1]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("arena"), std::string::npos) << r.out;
  Result j = RunCli({"inspect", kHelloInt8, "--json", "--plan"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(j.out.rfind("{", 0), 0u);
  EXPECT_NE(j.out.find("\"lower_bound\""), std::string::npos) << j.out;
}

TEST(CliTest, InspectShowsMetadataNormalization) {
  Result r = RunCli(
      {"inspect", TestData("models/mobilenet_v1_0.25_224_quant.tflite")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("mean [127.5], std [127.5]"), std::string::npos)
      << r.out;
}

TEST(CliTest, RunChecksInputSize) {
  char path[] = "/tmp/edgelite_cli_in_XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, "abc", 3), 3);
  close(fd);
  Result r = RunCli({"run", kHelloInt8, "--input", path});
  unlink(path);
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneErrorLine(r);
  // hello_world_int8 takes one int8 [1, 1]: 1 byte.
  EXPECT_NE(r.err.find("needs 1 bytes"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("int8"), std::string::npos) << r.err;
}

TEST(CliTest, RunWritesRawOutputs) {
  char in_path[] = "/tmp/edgelite_cli_in_XXXXXX";
  const int fd = mkstemp(in_path);
  ASSERT_GE(fd, 0);
  const char q = static_cast<char>(-128);  // x = 0 for hello_world_int8
  ASSERT_EQ(write(fd, &q, 1), 1);
  close(fd);
  const std::string out_path = std::string(in_path) + ".out";
  Result r =
      RunCli({"run", kHelloInt8, "--input", in_path, "--output", out_path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::ReadBytes(out_path).size(), 1u);
  unlink(in_path);
  unlink(out_path.c_str());
}

TEST(CliTest, OpsListsTheRegistry) {
  Result r = RunCli({"ops"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("CONV_2D"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("v1-v8"), std::string::npos) << r.out;
  Result j = RunCli({"ops", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_NE(j.out.find("{\"name\": \"DEPTHWISE_CONV_2D\", \"custom\": false, "
                       "\"builtin_code\": 4, \"min_version\": 1"),
            std::string::npos)
      << j.out;
}

TEST(CliTest, ArithmeticFlagPicksTheMode) {
  const std::string model =
      TestData("models/mobilenet_v1_0.25_224_quant.tflite");
  Result bad = RunCli({"classify", model, TestData("images/burger.jpg"),
                       "--arithmetic", "fast"});
  EXPECT_EQ(bad.exit_code, 1);
  ExpectOneErrorLine(bad);
  EXPECT_NE(
      bad.err.find("--arithmetic must be 'tflite' or 'micro', got 'fast'"),
      std::string::npos)
      << bad.err;
  // tflite-micro's arithmetic differs from TFLite's by one on a few conv
  // outputs; the class does not change.
  Result r = RunCli({"classify", model, TestData("images/burger.jpg"),
                     "--labels", TestData("labels/imagenet_labels.txt"),
                     "--top", "1", "--arithmetic", "micro"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("934  cheeseburger"), std::string::npos) << r.out;
}

TEST(CliTest, BenchRuns) {
  Result r = RunCli({"bench", kHelloInt8, "--runs", "3", "--warmup", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("median"), std::string::npos) << r.out;
}

// End to end: TFLite's own expectation for this model and image.
TEST(CliTest, ClassifyGraceHopperIsMilitaryUniform) {
  const std::string model =
      SourcePath("models/tf2_mobilenet_v2_1.0_224_ptq.tflite");
  if (!FileExists(model)) GTEST_SKIP() << "missing " << model;
  Result r = RunCli({"classify", model, TestData("images/grace_hopper.bmp"),
                     "--labels", TestData("labels/imagenet_labels.txt"),
                     "--top", "3", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const size_t first = r.out.find("\"rank\": 1");
  ASSERT_NE(first, std::string::npos) << r.out;
  const std::string top1 = r.out.substr(first, 80);
  EXPECT_NE(top1.find("\"index\": 653"), std::string::npos) << r.out;
  EXPECT_NE(top1.find("\"label\": \"military uniform\""), std::string::npos)
      << r.out;
}

TEST(CliTest, ClassifyTextOutput) {
  const std::string model =
      TestData("models/mobilenet_v1_0.25_224_quant.tflite");
  Result r =
      RunCli({"classify", model, TestData("images/burger.jpg"), "--labels",
              TestData("labels/imagenet_labels.txt"), "--top", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // tflite-support: burger.jpg → 934 "cheeseburger".
  EXPECT_NE(r.out.find("934  cheeseburger"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ms"), std::string::npos);
}

// --save-input writes exactly the tensor classify fed the model; `run` on it
// reproduces the output TFLite (tfjs-tflite) gives for that tensor.
TEST(CliTest, ClassifySaveInputFeedsRun) {
  const std::string model = TestData("models/vww_96_int8.tflite");
  char base[] = "/tmp/edgelite_cli_save_XXXXXX";
  const int fd = mkstemp(base);
  ASSERT_GE(fd, 0);
  close(fd);
  const std::string in_path = base;
  Result r = RunCli({"classify", model, TestData("images/multi_objects.jpg"),
                     TestData("images/cat.bmp"), "--save-input", in_path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::ReadBytes(in_path).size(), 96u * 96u * 3u);
  EXPECT_EQ(testing::ReadBytes(in_path + ".1").size(), 96u * 96u * 3u);
  const std::string out_path = in_path + ".out";
  r = RunCli({"run", model, "--input", in_path, "--output", out_path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<uint8_t> out = testing::ReadBytes(out_path);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(static_cast<int8_t>(out[0]), -31);
  EXPECT_EQ(static_cast<int8_t>(out[1]), 31);
  unlink(in_path.c_str());
  unlink((in_path + ".1").c_str());
  unlink(out_path.c_str());
}

// The float VWW model wants pixel / 255 and has no metadata to say so.
TEST(CliTest, ClassifyMeanAndStdOverrideNormalization) {
  const std::string model = TestData("models/vww_96_float.tflite");
  const std::string image = TestData("images/multi_objects.jpg");
  Result r = RunCli({"classify", model, image, "--mean", "0", "--std", "255",
                     "--top", "1", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"index\": 1,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"score\": 0.6094"), std::string::npos) << r.out;
  r = RunCli({"classify", model, image, "--std", "0"});
  EXPECT_EQ(r.exit_code, 1);
  ExpectOneErrorLine(r);
  EXPECT_NE(r.err.find("--std must be positive"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace edgelite

#endif  // EDGELITE_CLI_PATH
