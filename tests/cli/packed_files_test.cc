// Files packed in a model's trailing zip archive.
#include "api/packed_files.h"

#include <gtest/gtest.h>

#include <string>

#include "cli/test_files.h"

namespace edgelite {
namespace {

void Put16(std::vector<uint8_t>* v, uint32_t x) {
  v->push_back(static_cast<uint8_t>(x));
  v->push_back(static_cast<uint8_t>(x >> 8));
}
void Put32(std::vector<uint8_t>* v, uint32_t x) {
  Put16(v, x & 0xFFFF);
  Put16(v, x >> 16);
}

// `prefix` (standing in for the model) followed by a zip archive of stored
// files whose offsets are relative to the archive, as tflite-support writes
// them. `method` 8 marks every entry as deflated.
std::vector<uint8_t> ModelWithZip(
    const std::string& prefix,
    const std::vector<std::pair<std::string, std::string>>& files,
    uint16_t method = 0) {
  std::vector<uint8_t> zip;
  std::vector<uint32_t> offsets;
  for (const auto& f : files) {
    offsets.push_back(static_cast<uint32_t>(zip.size()));
    Put32(&zip, 0x04034b50);
    Put16(&zip, 10);  // version
    Put16(&zip, 0);   // flags
    Put16(&zip, method);
    Put32(&zip, 0);  // time, date
    Put32(&zip, 0);  // crc (not checked)
    Put32(&zip, static_cast<uint32_t>(f.second.size()));
    Put32(&zip, static_cast<uint32_t>(f.second.size()));
    Put16(&zip, static_cast<uint32_t>(f.first.size()));
    Put16(&zip, 0);  // extra
    zip.insert(zip.end(), f.first.begin(), f.first.end());
    zip.insert(zip.end(), f.second.begin(), f.second.end());
  }
  const uint32_t dir_offset = static_cast<uint32_t>(zip.size());
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    Put32(&zip, 0x02014b50);
    Put16(&zip, 20);
    Put16(&zip, 10);
    Put16(&zip, 0);
    Put16(&zip, method);
    Put32(&zip, 0);
    Put32(&zip, 0);
    Put32(&zip, static_cast<uint32_t>(f.second.size()));
    Put32(&zip, static_cast<uint32_t>(f.second.size()));
    Put16(&zip, static_cast<uint32_t>(f.first.size()));
    Put16(&zip, 0);  // extra
    Put16(&zip, 0);  // comment
    Put16(&zip, 0);  // disk
    Put16(&zip, 0);  // internal attributes
    Put32(&zip, 0);  // external attributes
    Put32(&zip, offsets[i]);
    zip.insert(zip.end(), f.first.begin(), f.first.end());
  }
  const uint32_t dir_size = static_cast<uint32_t>(zip.size()) - dir_offset;
  Put32(&zip, 0x06054b50);
  Put16(&zip, 0);
  Put16(&zip, 0);
  Put16(&zip, static_cast<uint32_t>(files.size()));
  Put16(&zip, static_cast<uint32_t>(files.size()));
  Put32(&zip, dir_size);
  Put32(&zip, dir_offset);
  Put16(&zip, 0);
  std::vector<uint8_t> out(prefix.begin(), prefix.end());
  out.insert(out.end(), zip.begin(), zip.end());
  return out;
}

std::string Find(const std::vector<uint8_t>& model, const std::string& name,
                 Status* status) {
  const uint8_t* data = nullptr;
  size_t size = 0;
  *status = FindPackedFile(model.data(), model.size(), name, &data, &size);
  return status->ok() ? std::string(reinterpret_cast<const char*>(data), size)
                      : std::string();
}

TEST(PackedFilesTest, FindsStoredFilesAfterTheModel) {
  const auto model =
      ModelWithZip("TFL3 model bytes here",
                   {{"readme.txt", "hello"}, {"labels.txt", "a\nb\nc\n"}});
  Status s;
  EXPECT_EQ(Find(model, "labels.txt", &s), "a\nb\nc\n");
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Find(model, "readme.txt", &s), "hello");
  Find(model, "other.txt", &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("other.txt"), std::string::npos);
}

TEST(PackedFilesTest, CompressedEntriesAreUnsupported) {
  const auto model = ModelWithZip("x", {{"labels.txt", "abc"}}, 8);
  Status s;
  Find(model, "labels.txt", &s);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
}

TEST(PackedFilesTest, NoArchive) {
  const std::vector<uint8_t> plain(100, 7);
  Status s;
  Find(plain, "labels.txt", &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  const uint8_t* d = nullptr;
  size_t n = 0;
  EXPECT_FALSE(FindPackedFile(nullptr, 0, "x", &d, &n).ok());
}

TEST(PackedFilesTest, CorruptArchivesNeverReadOutOfRange) {
  const auto good = ModelWithZip("prefix", {{"labels.txt", "a\nb\n"}});
  for (size_t cut = 0; cut < good.size(); ++cut) {
    // Keep the copy exactly `cut` bytes long so ASan sees any overrun.
    std::vector<uint8_t> tail(good.begin() + static_cast<long>(cut),
                              good.end());
    Status s;
    Find(tail, "labels.txt", &s);
    std::vector<uint8_t> head(good.begin(),
                              good.begin() + static_cast<long>(cut));
    Find(head, "labels.txt", &s);
  }
  for (size_t i = 0; i < good.size(); ++i) {
    for (uint8_t x : {uint8_t{0}, uint8_t{0xFF}}) {
      std::vector<uint8_t> bad = good;
      bad[i] = x;
      Status s;
      Find(bad, "labels.txt", &s);
    }
  }
}

TEST(PackedFilesTest, RealModelCarriesItsLabels) {
  const std::vector<uint8_t> model = testing::ReadBytes(
      testing::TestData("models/mobilenet_v1_0.25_224_quant.tflite"));
  ASSERT_FALSE(model.empty());
  Status s;
  const std::string labels = Find(model, "labels.txt", &s);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(labels.rfind("background\ntench\n", 0), 0u);
}

}  // namespace
}  // namespace edgelite
