// Test-data paths and file reading for the CLI/api tests.
#ifndef EDGELITE_TESTS_CLI_TEST_FILES_H_
#define EDGELITE_TESTS_CLI_TEST_FILES_H_

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace edgelite {
namespace testing {

inline std::string SourcePath(const std::string& rel) {
  return std::string(EDGELITE_SOURCE_DIR) + "/" + rel;
}
inline std::string TestData(const std::string& rel) {
  return SourcePath("tests/data/" + rel);
}

inline bool FileExists(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return f.good();
}

inline std::vector<uint8_t> ReadBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f),
                              std::istreambuf_iterator<char>());
}

}  // namespace testing
}  // namespace edgelite

#endif  // EDGELITE_TESTS_CLI_TEST_FILES_H_
