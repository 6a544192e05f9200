// CAST: the conversions whose results depend on TFLite's choices (float32
// clamps, saturation, wrapping, NaN, float16 rounding), between every type.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

constexpr float kNan = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

std::vector<uint8_t> CastModel(DataType from, DataType to, int n) {
  return Model(OpOf(tfl::BuiltinOperator::CAST), Var("x", from, {n}),
               Var("y", to, {n}));
}

TEST(CastTest, Float32ToInt32Saturates) {
  // Above 2^31 − 128 and NaN → INT32_MAX; below −2^31 → INT32_MIN.
  const std::vector<float> x = {2.7f, -2.7f, 3e9f, -3e9f, kNan, kInf, -kInf};
  EXPECT_EQ(
      RunUnary<int32_t>(CastModel(DataType::kFloat32, DataType::kInt32, 7), x),
      (std::vector<int32_t>{2, -2, INT32_MAX, INT32_MIN, INT32_MAX, INT32_MAX,
                            INT32_MIN}));
}

TEST(CastTest, Float32ToInt16AndUint8Clamp) {
  const std::vector<float> x = {40000.5f, -40000.5f, 300.7f, -5.5f, kNan};
  EXPECT_EQ(
      RunUnary<int16_t>(CastModel(DataType::kFloat32, DataType::kInt16, 5), x),
      (std::vector<int16_t>{32767, -32768, 300, -5, 0}));
  EXPECT_EQ(
      RunUnary<uint8_t>(CastModel(DataType::kFloat32, DataType::kUInt8, 5), x),
      (std::vector<uint8_t>{255, 0, 255, 0, 0}));
}

TEST(CastTest, Float32ToInt8KeepsLowByteOfSaturatedInt32) {
  // 300.5 → 300 → 0x2C = 44; 128.5 → 128 → −128; −129.5 → −129 → 127;
  // 3e9 → INT32_MAX → −1; −inf → INT32_MIN → 0; NaN → 0.
  const std::vector<float> x = {300.5f, 128.5f, -129.5f, 3e9f, -kInf, kNan};
  EXPECT_EQ(
      RunUnary<int8_t>(CastModel(DataType::kFloat32, DataType::kInt8, 6), x),
      (std::vector<int8_t>{44, -128, 127, -1, 0, 0}));
}

TEST(CastTest, Float32ToInt64AndBool) {
  const std::vector<float> x = {-2.5f, 1e19f, kNan, 0.0f, -0.0f};
  EXPECT_EQ(
      RunUnary<int64_t>(CastModel(DataType::kFloat32, DataType::kInt64, 5), x),
      (std::vector<int64_t>{-2, INT64_MAX, 0, 0, 0}));
  EXPECT_EQ(
      RunUnary<uint8_t>(CastModel(DataType::kFloat32, DataType::kBool, 5), x),
      (std::vector<uint8_t>{1, 1, 1, 0, 0}));
}

TEST(CastTest, IntegersWrapAndRound) {
  EXPECT_EQ(RunUnary<int8_t>(CastModel(DataType::kInt32, DataType::kInt8, 3),
                             std::vector<int32_t>{300, -300, 127}),
            (std::vector<int8_t>{44, -44, 127}));
  EXPECT_EQ(RunUnary<uint8_t>(CastModel(DataType::kInt32, DataType::kUInt8, 2),
                              std::vector<int32_t>{-1, 256}),
            (std::vector<uint8_t>{255, 0}));
  EXPECT_EQ(RunUnary<int32_t>(CastModel(DataType::kInt64, DataType::kInt32, 2),
                              std::vector<int64_t>{(int64_t{1} << 40) + 5, -1}),
            (std::vector<int32_t>{5, -1}));
  // 2^24 + 1 is not a float: rounds to even.
  EXPECT_EQ(RunUnary<float>(CastModel(DataType::kInt32, DataType::kFloat32, 1),
                            std::vector<int32_t>{16777217}),
            std::vector<float>{16777216.0f});
  EXPECT_EQ(RunUnary<int16_t>(CastModel(DataType::kUInt8, DataType::kInt16, 1),
                              std::vector<uint8_t>{200}),
            std::vector<int16_t>{200});
  EXPECT_EQ(RunUnary<uint8_t>(CastModel(DataType::kInt16, DataType::kBool, 3),
                              std::vector<int16_t>{0, -3, 256}),
            (std::vector<uint8_t>{0, 1, 1}));
}

TEST(CastTest, BoolToNumbers) {
  EXPECT_EQ(RunUnary<float>(CastModel(DataType::kBool, DataType::kFloat32, 2),
                            std::vector<uint8_t>{1, 0}),
            (std::vector<float>{1.0f, 0.0f}));
  EXPECT_EQ(RunUnary<int64_t>(CastModel(DataType::kBool, DataType::kInt64, 2),
                              std::vector<uint8_t>{0, 1}),
            (std::vector<int64_t>{0, 1}));
}

TEST(CastTest, Float32ToFloat16RoundsToNearestEven) {
  // 1 → 0x3C00; 65519 → max 0x7BFF; 65520 → inf; 2^-24 → smallest
  // subnormal 0x0001; 1e-8 → 0; 1 + 2^-11 (a tie) → 0x3C00 (even);
  // NaN → 0x7E00; −2 → 0xC000.
  const std::vector<float> x = {1.0f,  65519.0f,       65520.0f, 5.9604645e-8f,
                                1e-8f, 1.00048828125f, kNan,     -2.0f};
  EXPECT_EQ(RunUnary<uint16_t>(
                CastModel(DataType::kFloat32, DataType::kFloat16, 8), x),
            (std::vector<uint16_t>{0x3C00, 0x7BFF, 0x7C00, 0x0001, 0x0000,
                                   0x3C00, 0x7E00, 0xC000}));
}

TEST(CastTest, Float16ToOthers) {
  // 0x3555 = 0.333251953125; 0x5CB0 = 300; 0xD640 = −100.
  const std::vector<uint16_t> x = {0x3555, 0x5CB0, 0xD640};
  EXPECT_EQ(
      RunUnary<float>(CastModel(DataType::kFloat16, DataType::kFloat32, 3), x),
      (std::vector<float>{0.333251953125f, 300.0f, -100.0f}));
  // No clamping from float16 (only float32 sources are clamped): 300 keeps
  // its low byte; −100 → uint8 saturates at 0, → int8 stays −100.
  EXPECT_EQ(
      RunUnary<uint8_t>(CastModel(DataType::kFloat16, DataType::kUInt8, 3), x),
      (std::vector<uint8_t>{0, 44, 0}));
  EXPECT_EQ(
      RunUnary<int8_t>(CastModel(DataType::kFloat16, DataType::kInt8, 3), x),
      (std::vector<int8_t>{0, 44, -100}));
}

TEST(CastTest, SameTypeCopies) {
  EXPECT_EQ(RunUnary<int32_t>(CastModel(DataType::kInt32, DataType::kInt32, 2),
                              std::vector<int32_t>{-9, 12}),
            (std::vector<int32_t>{-9, 12}));
}

TEST(CastTest, RejectsStringAtLoad) {
  // String tensors never reach CAST: the model loader refuses them.
  const Status s =
      PrepareStatus(CastModel(DataType::kFloat32, DataType::kString, 2));
  EXPECT_TRUE(Contains(s.message(),
                       "tensor 1 'y': element type STRING is not supported"))
      << s.message();
}

TEST(CastTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      CastModel(DataType::kFloat16, DataType::kInt64, 4));
}

}  // namespace
}  // namespace edgelite
