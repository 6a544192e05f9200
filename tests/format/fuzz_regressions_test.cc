// Inputs the fuzz targets (tests/fuzz/, docs/fuzzing.md) once crashed on:
// tests/data/fuzz/regressions/<short-name>.tflite, each listed in EXPECTED.txt
// there as `<file>\t<status code name>\t<message substring>` (code OK and an
// empty substring for a valid model that used to crash while running). Each
// goes through the fuzzers' own load → Interpreter::Create → AllocateTensors
// → Invoke with zeroed inputs and limits (fuzz/fuzz_common.h), so a fix that
// regresses fails here in the native, ASan and aarch64 suites. To add one:
// drop the minimized file in the directory and add its line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "fuzz/fuzz_common.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

const char kDir[] = "tests/data/fuzz/regressions";

struct Expectation {
  std::string file, code, text;
};

std::string RegressionPath(const std::string& file) {
  return testing::SourcePath(std::string(kDir) + "/" + file);
}

std::vector<Expectation> ReadExpected() {
  std::vector<Expectation> out;
  std::ifstream f(RegressionPath("EXPECTED.txt"));
  EXPECT_TRUE(f.good()) << "cannot read " << RegressionPath("EXPECTED.txt");
  std::string line;
  int line_no = 0;
  while (std::getline(f, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('\t');
    const size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos || line.find('\t', b + 1) != std::string::npos) {
      ADD_FAILURE() << "EXPECTED.txt:" << line_no
                    << ": want <file>\\t<code>\\t<text>, got: " << line;
      continue;
    }
    out.push_back(
        {line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return out;
}

std::vector<std::string> FilesOnDisk() {
  std::vector<std::string> files;
  std::error_code ec;  // no exceptions
  for (const auto& entry : std::filesystem::directory_iterator(
           testing::SourcePath(kDir), ec)) {
    if (entry.path().extension() == ".tflite") {
      files.push_back(entry.path().filename().string());
    }
  }
  EXPECT_FALSE(ec) << testing::SourcePath(kDir) << ": " << ec.message();
  return files;
}

TEST(FuzzRegressions, EveryFileIsListedOnce) {
  std::set<std::string> listed;
  for (const Expectation& e : ReadExpected()) {
    EXPECT_TRUE(listed.insert(e.file).second) << e.file << " is listed twice";
  }
  const std::vector<std::string> files = FilesOnDisk();
  EXPECT_EQ(listed, std::set<std::string>(files.begin(), files.end()))
      << "every " << kDir << "/*.tflite needs a line in EXPECTED.txt";
}

TEST(FuzzRegressions, EveryFileGivesItsExpectedStatus) {
  const std::vector<Expectation> expected = ReadExpected();
  for (const Expectation& e : expected) {
    SCOPED_TRACE(e.file);
    std::ifstream f(RegressionPath(e.file), std::ios::binary);
    ASSERT_TRUE(f.good()) << "cannot read " << RegressionPath(e.file);
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(f)),
                                     std::istreambuf_iterator<char>());
    const Status s = fuzz::LoadAndRun(bytes.data(), bytes.size());
    EXPECT_EQ(StatusCodeName(s.code()), e.code) << s.message();
    EXPECT_NE(s.message().find(e.text), std::string::npos)
        << "message: " << s.message() << "\nwant: " << e.text;
  }
  std::printf("[ fuzz ] %zu regression input(s) in %s\n", expected.size(),
              kDir);
}

}  // namespace
}  // namespace edgelite
