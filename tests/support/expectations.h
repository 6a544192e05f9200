// The EXPECTED.txt files of the test corpora (tests/data/malformed,
// tests/data/fuzz/regressions): one `<file>\t<status code name>\t<message
// substring>` line per model file; empty lines and lines starting with '#'
// are skipped. An ill-formed line is a test failure.
#ifndef EDGELITE_TESTS_SUPPORT_EXPECTATIONS_H_
#define EDGELITE_TESTS_SUPPORT_EXPECTATIONS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace edgelite {
namespace testing {

struct FileExpectation {
  std::string file;
  std::string code;
  std::string text;
};

// Reads `dir`/EXPECTED.txt (`dir` relative to the repository).
std::vector<FileExpectation> ReadExpectations(const std::string& dir);

// The *.tflite files in `dir` (relative to the repository), by file name;
// their total size in *total_bytes when given.
std::vector<std::string> TfliteFilesIn(const std::string& dir,
                                       uintmax_t* total_bytes = nullptr);

}  // namespace testing
}  // namespace edgelite

#endif  // EDGELITE_TESTS_SUPPORT_EXPECTATIONS_H_
