// Decoding of each supported format, and refusal of everything else.
#include <gtest/gtest.h>

#include "api/image.h"
#include "cli/test_files.h"

namespace edgelite {
namespace {

using testing::ReadBytes;
using testing::TestData;

// 2x2 RGB PNG: red, green / blue, white (made with zlib, filter 0).
const uint8_t kPngRgb2x2[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
    0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
    0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a, 0x73,
    0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63,
    0xf8, 0xcf, 0xc0, 0xc0, 0x00, 0xc2, 0x0c, 0xff, 0x81, 0x00, 0x00,
    0x1f, 0xee, 0x05, 0xfb, 0xf1, 0xab, 0xba, 0x77, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

// 2x1 8-bit grayscale PNG: 10, 200.
const uint8_t kPngGray2x1[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x00, 0x00, 0x00, 0x00, 0xd1, 0x49, 0x20, 0x56, 0x00, 0x00, 0x00,
    0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xe0, 0x3a, 0x01, 0x00,
    0x00, 0xdf, 0x00, 0xd3, 0xd8, 0x85, 0xd2, 0xae, 0x00, 0x00, 0x00, 0x00,
    0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

void Put32(std::vector<uint8_t>* v, size_t at, uint32_t x) {
  for (int i = 0; i < 4; ++i) (*v)[at + i] = static_cast<uint8_t>(x >> (8 * i));
}

// A 24-bit BMP (BITMAPINFOHEADER, bottom-up rows of BGR padded to 4 bytes).
// `rows_top_down` holds RGB triples.
std::vector<uint8_t> MakeBmp(int w, int h,
                             const std::vector<uint8_t>& rows_top_down) {
  const int stride = (w * 3 + 3) & ~3;
  std::vector<uint8_t> b(54 + static_cast<size_t>(stride) * h, 0);
  b[0] = 'B';
  b[1] = 'M';
  Put32(&b, 2, static_cast<uint32_t>(b.size()));
  Put32(&b, 10, 54);
  Put32(&b, 14, 40);
  Put32(&b, 18, static_cast<uint32_t>(w));
  Put32(&b, 22, static_cast<uint32_t>(h));
  b[26] = 1;   // planes
  b[28] = 24;  // bits per pixel
  for (int y = 0; y < h; ++y) {
    uint8_t* row = &b[54 + static_cast<size_t>(stride) * (h - 1 - y)];
    for (int x = 0; x < w; ++x) {
      const uint8_t* rgb = &rows_top_down[(static_cast<size_t>(y) * w + x) * 3];
      row[x * 3 + 0] = rgb[2];
      row[x * 3 + 1] = rgb[1];
      row[x * 3 + 2] = rgb[0];
    }
  }
  return b;
}

TEST(DecodeImageTest, Png) {
  Image im;
  Status s = DecodeImage(kPngRgb2x2, sizeof(kPngRgb2x2), &im);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(im.width, 2);
  EXPECT_EQ(im.height, 2);
  EXPECT_EQ(im.channels, 3);
  EXPECT_EQ(im.pixels, (std::vector<uint8_t>{255, 0, 0, 0, 255, 0, 0, 0, 255,
                                             255, 255, 255}));
}

TEST(DecodeImageTest, GrayscalePngBecomesRgb) {
  Image im;
  ASSERT_TRUE(DecodeImage(kPngGray2x1, sizeof(kPngGray2x1), &im).ok());
  EXPECT_EQ(im.channels, 3);
  EXPECT_EQ(im.pixels, (std::vector<uint8_t>{10, 10, 10, 200, 200, 200}));
}

TEST(DecodeImageTest, SyntheticBmp) {
  const std::vector<uint8_t> rgb = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  const std::vector<uint8_t> bmp = MakeBmp(2, 2, rgb);
  Image im;
  Status s = DecodeImage(bmp.data(), bmp.size(), &im);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(im.width, 2);
  EXPECT_EQ(im.height, 2);
  EXPECT_EQ(im.pixels, rgb);
}

TEST(DecodeImageTest, JpegFromTestData) {
  const std::vector<uint8_t> bytes = ReadBytes(TestData("images/burger.jpg"));
  ASSERT_FALSE(bytes.empty()) << "missing tests/data/images/burger.jpg";
  Image im;
  Status s = DecodeImage(bytes.data(), bytes.size(), &im);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(im.width, 0);
  EXPECT_GT(im.height, 0);
  EXPECT_EQ(im.pixels.size(), static_cast<size_t>(im.width) * im.height * 3);
}

TEST(DecodeImageTest, BmpFromTestData) {
  for (const char* name : {"cat.bmp", "grace_hopper.bmp", "person.bmp"}) {
    const std::vector<uint8_t> bytes =
        ReadBytes(TestData(std::string("images/") + name));
    ASSERT_FALSE(bytes.empty()) << "missing tests/data/images/" << name;
    Image im;
    Status s = DecodeImage(bytes.data(), bytes.size(), &im);
    ASSERT_TRUE(s.ok()) << name << ": " << s.message();
    EXPECT_EQ(im.channels, 3) << name;
    EXPECT_EQ(im.pixels.size(), static_cast<size_t>(im.width) * im.height * 3);
  }
}

TEST(DecodeImageTest, PersonBmpIs96x96) {
  const std::vector<uint8_t> bytes = ReadBytes(TestData("images/person.bmp"));
  ASSERT_FALSE(bytes.empty());
  Image im;
  ASSERT_TRUE(DecodeImage(bytes.data(), bytes.size(), &im).ok());
  EXPECT_EQ(im.width, 96);
  EXPECT_EQ(im.height, 96);
}

TEST(DecodeImageTest, GarbageIsInvalidArgument) {
  const uint8_t garbage[] = "this is plainly not an image, just some text";
  Image im;
  Status s = DecodeImage(garbage, sizeof(garbage), &im);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("not a JPEG, PNG or BMP image"), std::string::npos)
      << s.message();
  EXPECT_EQ(DecodeImage(nullptr, 0, &im).code(), StatusCode::kInvalidArgument);
}

TEST(DecodeImageTest, EveryTruncationFailsCleanly) {
  // Each prefix of a valid PNG and BMP must fail with a status, never crash.
  // (A PNG cut inside its final 12-byte IEND chunk still holds every pixel;
  // decoders accept it.)
  const std::vector<uint8_t> bmp = MakeBmp(3, 3, std::vector<uint8_t>(27, 9));
  for (size_t n = 1; n < sizeof(kPngRgb2x2) - 12; ++n) {
    Image im;
    EXPECT_FALSE(DecodeImage(kPngRgb2x2, n, &im).ok()) << "png prefix " << n;
  }
  for (size_t n = 1; n < bmp.size(); ++n) {
    Image im;
    EXPECT_FALSE(DecodeImage(bmp.data(), n, &im).ok()) << "bmp prefix " << n;
  }
}

TEST(DecodeImageTest, TruncatedJpegDoesNotCrash) {
  const std::vector<uint8_t> bytes = ReadBytes(TestData("images/burger.jpg"));
  ASSERT_FALSE(bytes.empty());
  // stb may accept a truncated JPEG (filling the rest); it must not crash.
  for (size_t n : {size_t{2}, size_t{100}, size_t{1000}, bytes.size() / 2}) {
    Image im;
    DecodeImage(bytes.data(), n, &im).IgnoreError();  // either outcome is fine
  }
}

TEST(DecodeImageTest, OversizedHeaderIsRefusedBeforeDecoding) {
  // A 54-byte BMP header claiming 20000 x 20000 pixels and no pixel data.
  std::vector<uint8_t> bmp = MakeBmp(1, 1, {0, 0, 0});
  Put32(&bmp, 18, 20000);
  Put32(&bmp, 22, 20000);
  Image im;
  Status s = DecodeImage(bmp.data(), bmp.size(), &im);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  // A smaller configured limit applies too.
  std::vector<uint8_t> ok = MakeBmp(4, 4, std::vector<uint8_t>(48, 1));
  ImageLimits limits;
  limits.max_side = 3;
  s = DecodeImage(ok.data(), ok.size(), &im, limits);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("4 x 4"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace edgelite
