// RESIZE_BILINEAR on images: expected values are worked out by hand from
// TFLite's definition (see api/image.h), not produced by the implementation.
#include <gtest/gtest.h>

#include "api/image.h"

namespace edgelite {
namespace {

Image Gray(int w, int h, std::vector<uint8_t> px) {
  Image im;
  im.width = w;
  im.height = h;
  im.channels = 1;
  im.pixels = std::move(px);
  return im;
}

std::vector<uint8_t> Resize(const Image& in, int w, int h,
                            ResizeOptions opt = ResizeOptions()) {
  Image out;
  Status s = ResizeBilinear(in, w, h, opt, &out);
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(out.width, w);
  EXPECT_EQ(out.height, h);
  EXPECT_EQ(out.channels, in.channels);
  return out.pixels;
}

// 2x2 → 3x3: scale = 2/3. Source rows/cols 0, 2/3, 4/3 (the last clamps to
// index 1 on both neighbours).
//   in  = [[0, 100], [200, 255]]
//   row 0: 0 | 100*(2/3) = 66.67 → 67 | 100
//   row 1: 200*(2/3) = 133.33 → 133
//          (0*1 + 100*2 + 200*2 + 255*4)/9 = 1620/9 = 180 → 180
//          100/3 + 255*2/3 = 203.33 → 203
//   row 2: 200 | 200/3 + 255*2/3 = 236.67 → 237 | 255
TEST(ResizeBilinearTest, Upscale2x2To3x3) {
  EXPECT_EQ(Resize(Gray(2, 2, {0, 100, 200, 255}), 3, 3),
            (std::vector<uint8_t>{0, 67, 100, 133, 180, 203, 200, 237, 255}));
}

// Every channel is interpolated independently with the same weights.
TEST(ResizeBilinearTest, ChannelsAreIndependent) {
  Image rgb;
  rgb.width = 2;
  rgb.height = 2;
  rgb.channels = 3;
  // channel 0 = the case above, channel 1 = 255 - it, channel 2 constant 7.
  rgb.pixels = {0, 255, 7, 100, 155, 7, 200, 55, 7, 255, 0, 7};
  const std::vector<uint8_t> out = Resize(rgb, 3, 3);
  const uint8_t ch0[9] = {0, 67, 100, 133, 180, 203, 200, 237, 255};
  // 255 - v before rounding: 188.33 → 188, 121.67 → 122, 75, 51.67 → 52,
  // 18.33 → 18.
  const uint8_t ch1[9] = {255, 188, 155, 122, 75, 52, 55, 18, 0};
  for (int i = 0; i < 9; ++i) {
    EXPECT_EQ(out[i * 3 + 0], ch0[i]) << i;
    EXPECT_EQ(out[i * 3 + 1], ch1[i]) << i;
    EXPECT_EQ(out[i * 3 + 2], 7) << i;
  }
}

// 4x4 → 2x2: scale = 2, sources 0 and 2 exactly: plain subsampling.
// in(x, y) = 10*y + x.
Image Ramp4x4() {
  std::vector<uint8_t> px;
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) px.push_back(static_cast<uint8_t>(10 * y + x));
  return Gray(4, 4, px);
}

TEST(ResizeBilinearTest, Downscale4x4To2x2) {
  EXPECT_EQ(Resize(Ramp4x4(), 2, 2), (std::vector<uint8_t>{0, 2, 20, 22}));
}

// half_pixel_centers: source = (i + 0.5) * 2 - 0.5 = 0.5, 2.5 → each output
// is the mean of a 2x2 block, all weights 1/4:
//   (0+1+10+11)/4 = 5.5 → 6,  (2+3+12+13)/4 = 7.5 → 8,
//   (20+21+30+31)/4 = 25.5 → 26, (22+23+32+33)/4 = 27.5 → 28.
// TFLite's reference kernel truncates instead: 5, 7, 25, 27.
TEST(ResizeBilinearTest, Downscale4x4To2x2HalfPixelCenters) {
  ResizeOptions opt;
  opt.half_pixel_centers = true;
  EXPECT_EQ(Resize(Ramp4x4(), 2, 2, opt), (std::vector<uint8_t>{6, 8, 26, 28}));
  opt.rounding = ResizeOptions::Rounding::kTfliteReference;
  EXPECT_EQ(Resize(Ramp4x4(), 2, 2, opt), (std::vector<uint8_t>{5, 7, 25, 27}));
}

// align_corners: scale = (4-1)/(2-1) = 3 → the four corners.
TEST(ResizeBilinearTest, Downscale4x4To2x2AlignCorners) {
  ResizeOptions opt;
  opt.align_corners = true;
  EXPECT_EQ(Resize(Ramp4x4(), 2, 2, opt), (std::vector<uint8_t>{0, 3, 30, 33}));
}

// Non-square, different scale per axis: 2x1 [0, 255] → 4x2.
//   x: scale 2/4 = 0.5 → sources 0, 0.5, 1, 1.5 (clamped to 1):
//      0, 127.5 → 128 (round half up), 255, 255
//   y: scale 1/2 → sources 0 and 0.5, both rows clamp to row 0.
TEST(ResizeBilinearTest, NonSquareUpscale) {
  EXPECT_EQ(Resize(Gray(2, 1, {0, 255}), 4, 2),
            (std::vector<uint8_t>{0, 128, 255, 255, 0, 128, 255, 255}));
}

// Reference rounding truncates 127.5 to 127.
TEST(ResizeBilinearTest, NonSquareUpscaleReferenceTruncates) {
  ResizeOptions opt;
  opt.rounding = ResizeOptions::Rounding::kTfliteReference;
  EXPECT_EQ(Resize(Gray(2, 1, {0, 255}), 4, 1, opt),
            (std::vector<uint8_t>{0, 127, 255, 255}));
}

// half_pixel_centers, 2 → 4: source = (x + 0.5) * 0.5 - 0.5
//   = -0.25 (both neighbours clamp to 0; weights 1.25 and -0.25 on the
//     same pixel) → 0
//   = 0.25 → 255 * 0.25 = 63.75 → 64
//   = 0.75 → 191.25 → 191
//   = 1.25 (both neighbours clamp to 1) → 255
TEST(ResizeBilinearTest, HalfPixelCentersUpscale) {
  ResizeOptions opt;
  opt.half_pixel_centers = true;
  EXPECT_EQ(Resize(Gray(2, 1, {0, 255}), 4, 1, opt),
            (std::vector<uint8_t>{0, 64, 191, 255}));
}

// align_corners, 2 → 4: scale = 1/3 → sources 0, 1/3, 2/3, 1:
//   0, 85, 170, 255.
TEST(ResizeBilinearTest, AlignCornersUpscale) {
  ResizeOptions opt;
  opt.align_corners = true;
  EXPECT_EQ(Resize(Gray(2, 1, {0, 255}), 4, 1, opt),
            (std::vector<uint8_t>{0, 85, 170, 255}));
}

TEST(ResizeBilinearTest, SameSizeIsIdentity) {
  Image in = Ramp4x4();
  EXPECT_EQ(Resize(in, 4, 4), in.pixels);
}

TEST(ResizeBilinearTest, RejectsBadArguments) {
  Image out;
  EXPECT_FALSE(ResizeBilinear(Ramp4x4(), 0, 2, &out).ok());
  EXPECT_FALSE(ResizeBilinear(Image(), 2, 2, &out).ok());
  ResizeOptions both;
  both.align_corners = both.half_pixel_centers = true;
  EXPECT_FALSE(ResizeBilinear(Ramp4x4(), 2, 2, both, &out).ok());
}

// 5x4 with fraction 0.5: crop floor(2.5) = 2 wide at x = (5-2)/2 = 1,
// 2 high at y = 1.
TEST(CenterCropTest, KeepsTheMiddle) {
  std::vector<uint8_t> px;
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 5; ++x) px.push_back(static_cast<uint8_t>(10 * y + x));
  Image out;
  ASSERT_TRUE(CenterCrop(Gray(5, 4, px), 0.5f, &out).ok());
  EXPECT_EQ(out.width, 2);
  EXPECT_EQ(out.height, 2);
  EXPECT_EQ(out.pixels, (std::vector<uint8_t>{11, 12, 21, 22}));
  EXPECT_FALSE(CenterCrop(Gray(5, 4, px), 0.0f, &out).ok());
  EXPECT_FALSE(CenterCrop(Gray(5, 4, px), 1.5f, &out).ok());
}

}  // namespace
}  // namespace edgelite
