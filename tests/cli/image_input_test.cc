// FillInputTensor: pixels into uint8 / int8 / float32 / grayscale inputs.
#include <gtest/gtest.h>

#include <cstring>

#include "api/image.h"

namespace edgelite {
namespace {

// A 2x1 RGB image: (0, 128, 255) and (10, 20, 30).
Image TwoPixels() {
  Image im;
  im.width = 2;
  im.height = 1;
  im.channels = 3;
  im.pixels = {0, 128, 255, 10, 20, 30};
  return im;
}

struct TestTensor {
  Tensor t;
  std::vector<uint8_t> storage;
  TestTensor(DataType type, Shape shape) {
    t.name = "input";
    t.type = type;
    t.shape = shape;
    t.bytes = static_cast<size_t>(shape.NumElements()) * DataTypeSize(type);
    storage.assign(t.bytes, 0xEE);
    t.data = storage.data();
    t.storage = TensorStorage::kArena;
  }
};

TEST(FillInputTensorTest, Uint8IsRawPixels) {
  TestTensor in(DataType::kUInt8, Shape{1, 1, 2, 3});
  ASSERT_TRUE(FillInputTensor(TwoPixels(), NormalizationParams(), &in.t).ok());
  EXPECT_EQ(in.storage, (std::vector<uint8_t>{0, 128, 255, 10, 20, 30}));
}

TEST(FillInputTensorTest, Int8IsPixelMinus128) {
  TestTensor in(DataType::kInt8, Shape{1, 1, 2, 3});
  ASSERT_TRUE(FillInputTensor(TwoPixels(), NormalizationParams(), &in.t).ok());
  const int8_t* v = in.t.Data<int8_t>();
  const int8_t expected[6] = {-128, 0, 127, -118, -108, -98};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(v[i], expected[i]) << i;
}

TEST(FillInputTensorTest, Float32DefaultMapsToMinusOneOne) {
  TestTensor in(DataType::kFloat32, Shape{1, 1, 2, 3});
  ASSERT_TRUE(FillInputTensor(TwoPixels(), NormalizationParams(), &in.t).ok());
  const float* v = in.t.Data<float>();
  // (p - 127.5) / 127.5
  EXPECT_FLOAT_EQ(v[0], -1.0f);
  EXPECT_FLOAT_EQ(v[1], 0.5f / 127.5f);
  EXPECT_FLOAT_EQ(v[2], 1.0f);
  EXPECT_FLOAT_EQ(v[3], (10 - 127.5f) / 127.5f);
}

TEST(FillInputTensorTest, Float32PerChannelMeanStd) {
  TestTensor in(DataType::kFloat32, Shape{1, 1, 2, 3});
  NormalizationParams norm;
  norm.mean = {0.0f, 100.0f, 200.0f};
  norm.std = {1.0f, 2.0f, 5.0f};
  ASSERT_TRUE(FillInputTensor(TwoPixels(), norm, &in.t).ok());
  const float* v = in.t.Data<float>();
  const float expected[6] = {0.0f, 14.0f, 11.0f, 10.0f, -40.0f, -34.0f};
  for (int i = 0; i < 6; ++i) EXPECT_FLOAT_EQ(v[i], expected[i]) << i;
}

TEST(FillInputTensorTest, Float32RejectsBadNormalization) {
  TestTensor in(DataType::kFloat32, Shape{1, 1, 2, 3});
  NormalizationParams norm;
  norm.std = {0.0f};
  EXPECT_EQ(FillInputTensor(TwoPixels(), norm, &in.t).code(),
            StatusCode::kInvalidArgument);
  norm.mean = {1.0f, 2.0f};  // neither 1 nor 3 values
  norm.std = {1.0f};
  EXPECT_EQ(FillInputTensor(TwoPixels(), norm, &in.t).code(),
            StatusCode::kInvalidArgument);
}

// BT.601 luma, rounded: (299 R + 587 G + 114 B + 500) / 1000
//   (0, 128, 255):   (0 + 75136 + 29070 + 500) / 1000 = 104706/1000 → 104
//   (10, 20, 30):    (2990 + 11740 + 3420 + 500) / 1000 = 18650/1000 → 18
TEST(FillInputTensorTest, GrayscaleUsesRoundedLuma) {
  TestTensor u8(DataType::kUInt8, Shape{1, 1, 2, 1});
  ASSERT_TRUE(FillInputTensor(TwoPixels(), NormalizationParams(), &u8.t).ok());
  EXPECT_EQ(u8.storage, (std::vector<uint8_t>{104, 18}));

  TestTensor i8(DataType::kInt8, Shape{1, 1, 2, 1});
  ASSERT_TRUE(FillInputTensor(TwoPixels(), NormalizationParams(), &i8.t).ok());
  EXPECT_EQ(i8.t.Data<int8_t>()[0], 104 - 128);
  EXPECT_EQ(i8.t.Data<int8_t>()[1], 18 - 128);
}

TEST(FillInputTensorTest, WrongShapeNamesTheShape) {
  TestTensor in(DataType::kUInt8, Shape{1, 2, 3});
  Status s = FillInputTensor(TwoPixels(), NormalizationParams(), &in.t);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("[1, 2, 3]"), std::string::npos) << s.message();

  TestTensor four(DataType::kUInt8, Shape{1, 1, 2, 4});
  EXPECT_EQ(FillInputTensor(TwoPixels(), NormalizationParams(), &four.t).code(),
            StatusCode::kInvalidArgument);
}

TEST(FillInputTensorTest, WrongImageSizeIsAnError) {
  TestTensor in(DataType::kUInt8, Shape{1, 2, 2, 3});
  Status s = FillInputTensor(TwoPixels(), NormalizationParams(), &in.t);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("2 x 1"), std::string::npos) << s.message();
}

TEST(FillInputTensorTest, OtherDtypesAreUnsupported) {
  TestTensor in(DataType::kInt16, Shape{1, 1, 2, 3});
  Status s = FillInputTensor(TwoPixels(), NormalizationParams(), &in.t);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("int16"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace edgelite
