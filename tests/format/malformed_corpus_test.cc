// The committed corpus of malformed models, tests/data/malformed/: every file
// listed in EXPECTED.txt (`<file>\t<status code name>\t<message substring>`)
// must be refused with that code and words, loaded the way an application
// would (ByteSource::FromFile → ModelView::Create → Interpreter::Create →
// AllocateTensors → Invoke).
//
// The corpus is generated from the catalogue in malformed_models.h:
//   ./build/dev/edgelite_tests --gtest_also_run_disabled_tests
//       --gtest_filter=MalformedCorpus.DISABLED_Regenerate
// and MalformedCorpus.FilesMatchTheCatalogue keeps the two in step.
#include <flatbuffers/base.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "format/malformed_models.h"
#include "format/model_view.h"
#include "support/expectations.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

namespace mf = testing::malformed;

const char kCorpusDir[] = "tests/data/malformed";

using Expectation = testing::FileExpectation;

std::string CorpusPath(const std::string& file) {
  return testing::SourcePath(std::string(kCorpusDir) + "/" + file);
}

std::vector<Expectation> ReadExpected() {
  return testing::ReadExpectations(kCorpusDir);
}

std::string ExpectedLine(const mf::Case& c) {
  return c.file + "\t" + StatusCodeName(c.code) + "\t" + c.message;
}

Status LoadCorpusFile(const std::string& path) {
  std::shared_ptr<const ByteSource> bytes;
  EDGELITE_RETURN_IF_ERROR(ByteSource::FromFile(path, &bytes));
  return mf::LoadAndRun(std::move(bytes));
}

TEST(MalformedCorpus, EveryFileFailsWithItsExpectedMessage) {
  const std::vector<Expectation> expected = ReadExpected();
  EXPECT_GE(expected.size(), 30u);
  for (const Expectation& e : expected) {
    SCOPED_TRACE(e.file);
    const Status s = LoadCorpusFile(CorpusPath(e.file));
    EXPECT_FALSE(s.ok()) << e.file << " loaded and ran";
    EXPECT_EQ(StatusCodeName(s.code()), e.code) << s.message();
    EXPECT_NE(s.message().find(e.text), std::string::npos)
        << "message: " << s.message() << "\nwant: " << e.text;
  }
}

TEST(MalformedCorpus, EveryFileIsListedOnceAndTheCorpusIsSmall) {
  std::set<std::string> listed;
  for (const Expectation& e : ReadExpected()) {
    EXPECT_TRUE(listed.insert(e.file).second) << e.file << " is listed twice";
  }
  uintmax_t total = 0;
  const std::vector<std::string> files =
      testing::TfliteFilesIn(kCorpusDir, &total);
  const std::set<std::string> on_disk(files.begin(), files.end());
  EXPECT_EQ(listed, on_disk);
  EXPECT_LT(total, 1u << 20) << "keep the corpus under 1 MB";
}

// The committed files are what the catalogue makes today (so a change to the
// catalogue, or a message, must regenerate the corpus). The bytes depend on
// the FlatBuffers builder and on the order the compiler evaluates the
// builder calls in argument lists (unspecified in C++; GCC on aarch64 differs
// from x86-64): the corpus was generated on x86-64 with FlatBuffers 2.0.8,
// and elsewhere only the messages are checked (file sizes in them aside).
TEST(MalformedCorpus, FilesMatchTheCatalogue) {
  const std::vector<uint8_t> hello = mf::HelloWorldInt8();
  ASSERT_FALSE(hello.empty())
      << "missing tests/data/models/hello_world_int8.tflite";
  const std::vector<mf::Case> cases = mf::AllCases(hello);
  std::map<std::string, std::string> lines;
  for (const Expectation& e : ReadExpected()) {
    lines[e.file] = e.file + "\t" + e.code + "\t" + e.text;
  }
#if defined(__x86_64__)
  constexpr bool kSameArch = true;
#else
  constexpr bool kSameArch = false;
#endif
  const bool same_builder = kSameArch && FLATBUFFERS_VERSION_MAJOR == 2 &&
                            FLATBUFFERS_VERSION_MINOR == 0 &&
                            FLATBUFFERS_VERSION_REVISION == 8;
  // Messages that quote the file size quote a builder-dependent number.
  const auto comparable = [same_builder](std::string line) {
    if (same_builder) return line;
    const size_t at = line.find("-byte file");
    if (at == std::string::npos) return line;
    size_t start = at;
    while (start > 0 && line[start - 1] >= '0' && line[start - 1] <= '9') {
      --start;
    }
    return line.replace(start, at - start, "N");
  };
  EXPECT_EQ(lines.size(), cases.size());
  for (const mf::Case& c : cases) {
    SCOPED_TRACE(c.file);
    EXPECT_EQ(comparable(lines[c.file]), comparable(ExpectedLine(c)));
    if (same_builder) {
      EXPECT_TRUE(testing::ReadFile(CorpusPath(c.file)) == c.bytes)
          << c.file << " differs from the catalogue: regenerate the corpus";
    }
  }
}

// Writes the corpus. Run by hand (see the top of this file).
TEST(MalformedCorpus, DISABLED_Regenerate) {
  const std::vector<uint8_t> hello = mf::HelloWorldInt8();
  ASSERT_FALSE(hello.empty())
      << "missing tests/data/models/hello_world_int8.tflite";
  const std::string dir = testing::SourcePath(kCorpusDir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  ASSERT_FALSE(ec) << ec.message();
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".tflite") {
      std::error_code rm;
      std::filesystem::remove(entry.path(), rm);
    }
  }
  std::ofstream expected(dir + "/EXPECTED.txt", std::ios::binary);
  for (const mf::Case& c : mf::AllCases(hello)) {
    std::ofstream f(dir + "/" + c.file, std::ios::binary);
    f.write(reinterpret_cast<const char*>(c.bytes.data()),
            static_cast<std::streamsize>(c.bytes.size()));
    ASSERT_TRUE(f.good()) << c.file;
    expected << ExpectedLine(c) << "\n";
  }
  ASSERT_TRUE(expected.good());
}

// Each catalogue case fails in memory as it does from disk.
TEST(MalformedCorpus, EveryCatalogueCaseFailsInMemory) {
  const std::vector<uint8_t> hello = mf::HelloWorldInt8();
  ASSERT_FALSE(hello.empty());
  for (const mf::Case& c : mf::AllCases(hello)) {
    SCOPED_TRACE(c.file);
    if (c.code == StatusCode::kIoError) continue;  // only a file can be empty
    const Status s = mf::LoadAndRun(c.bytes);
    EXPECT_EQ(s.code(), c.code) << s.message();
    EXPECT_NE(s.message().find(c.message), std::string::npos)
        << "message: " << s.message() << "\nwant: " << c.message;
  }
}

}  // namespace
}  // namespace edgelite
