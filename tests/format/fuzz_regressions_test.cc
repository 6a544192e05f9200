// Inputs the fuzz targets (tests/fuzz/, docs/fuzzing.md) once crashed on:
// tests/data/fuzz/regressions/<short-name>.tflite, each listed in EXPECTED.txt
// there as `<file>\t<status code name>\t<message substring>` (code OK and an
// empty substring for a valid model that used to crash while running). Each
// goes through the fuzzers' own load → Interpreter::Create → AllocateTensors
// → Invoke with zeroed inputs and limits (fuzz/fuzz_common.h), so a fix that
// regresses fails here in the native, ASan and aarch64 suites. To add one:
// drop the minimized file in the directory and add its line.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "fuzz/fuzz_common.h"
#include "support/expectations.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

const char kDir[] = "tests/data/fuzz/regressions";

using Expectation = testing::FileExpectation;

std::string RegressionPath(const std::string& file) {
  return testing::SourcePath(std::string(kDir) + "/" + file);
}

std::vector<Expectation> ReadExpected() {
  return testing::ReadExpectations(kDir);
}

TEST(FuzzRegressions, EveryFileIsListedOnce) {
  std::set<std::string> listed;
  for (const Expectation& e : ReadExpected()) {
    EXPECT_TRUE(listed.insert(e.file).second) << e.file << " is listed twice";
  }
  const std::vector<std::string> files = testing::TfliteFilesIn(kDir);
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
