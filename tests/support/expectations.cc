#include "support/expectations.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/model_builder.h"

namespace edgelite {
namespace testing {

std::vector<FileExpectation> ReadExpectations(const std::string& dir) {
  const std::string path = SourcePath(dir + "/EXPECTED.txt");
  std::vector<FileExpectation> out;
  std::ifstream f(path);
  EXPECT_TRUE(f.good()) << "cannot read " << path;
  std::string line;
  int line_no = 0;
  while (std::getline(f, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('\t');
    const size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos || line.find('\t', b + 1) != std::string::npos) {
      ADD_FAILURE() << path << ":" << line_no
                    << ": want <file>\\t<code>\\t<text>, got: " << line;
      continue;
    }
    out.push_back(
        {line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return out;
}

std::vector<std::string> TfliteFilesIn(const std::string& dir,
                                       uintmax_t* total_bytes) {
  std::vector<std::string> files;
  uintmax_t total = 0;
  std::error_code ec;  // the tests build without exceptions in mind
  for (const auto& entry :
       std::filesystem::directory_iterator(SourcePath(dir), ec)) {
    if (entry.path().extension() != ".tflite") continue;
    files.push_back(entry.path().filename().string());
    total += entry.file_size(ec);
  }
  EXPECT_FALSE(ec) << SourcePath(dir) << ": " << ec.message();
  if (total_bytes != nullptr) *total_bytes = total;
  return files;
}

}  // namespace testing
}  // namespace edgelite
