// ABS and NEG over every type they take: float32, quantized int8/int16,
// plain int16/int32/int64 (wrapping at the minimum, as TFLite does).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

TEST(AbsTest, Float) {
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::ABS), Var("x", DataType::kFloat32, {3}),
            Var("y", DataType::kFloat32, {3}));
  EXPECT_EQ(
      Bits(RunUnary<float>(model, std::vector<float>{-2.5f, -0.0f, 3.0f})),
      Bits({2.5f, 0.0f, 3.0f}));
}

TEST(AbsTest, Int8SameScale) {
  // (0.5, 10) → (0.5, −20): |q − 10| − 20; q=-128 → 138 − 20 = 118.
  const auto model = Model(OpOf(tfl::BuiltinOperator::ABS, 2),
                           Var("x", DataType::kInt8, {4}, {0.5f}, {10}),
                           Var("y", DataType::kInt8, {4}, {0.5f}, {-20}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{4, 20, -128, 127}),
            (std::vector<int8_t>{-14, -10, 118, 97}));
}

TEST(AbsTest, Int8Rescaled) {
  // (0.5, 10) → (0.25, 0): 2·|q − 10|, clamped.
  const auto model = Model(OpOf(tfl::BuiltinOperator::ABS, 2),
                           Var("x", DataType::kInt8, {3}, {0.5f}, {10}),
                           Var("y", DataType::kInt8, {3}, {0.25f}, {0}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{4, 11, -128}),
            (std::vector<int8_t>{12, 2, 127}));
}

TEST(AbsTest, Int16QuantizedAndPlain) {
  const auto quantized =
      Model(OpOf(tfl::BuiltinOperator::ABS, 3),
            Var("x", DataType::kInt16, {2}, {1.0f / 1024}, {0}),
            Var("y", DataType::kInt16, {2}, {1.0f / 2048}, {0}));
  EXPECT_EQ(RunUnary<int16_t>(quantized, std::vector<int16_t>{-100, 20000}),
            (std::vector<int16_t>{200, 32767}));
  const auto plain =
      Model(OpOf(tfl::BuiltinOperator::ABS, 5), Var("x", DataType::kInt16, {3}),
            Var("y", DataType::kInt16, {3}));
  EXPECT_EQ(RunUnary<int16_t>(plain, std::vector<int16_t>{-7, 9, -32768}),
            (std::vector<int16_t>{7, 9, -32768}));
}

TEST(AbsTest, Int32) {
  const int32_t min = std::numeric_limits<int32_t>::min();
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::ABS, 4), Var("x", DataType::kInt32, {3}),
            Var("y", DataType::kInt32, {3}));
  EXPECT_EQ(RunUnary<int32_t>(model, std::vector<int32_t>{-5, 6, min}),
            (std::vector<int32_t>{5, 6, min}));
}

TEST(AbsTest, RejectsUint8) {
  const Status s =
      PrepareStatus(Model(OpOf(tfl::BuiltinOperator::ABS),
                          Var("x", DataType::kUInt8, {2}, {0.5f}, {10}),
                          Var("y", DataType::kUInt8, {2}, {0.5f}, {10})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "ABS of uint8 is not supported (supported: "
                       "float32, int8, int16, int32)"))
      << s.message();
}

TEST(NegTest, FloatFlipsSignBit) {
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::NEG), Var("x", DataType::kFloat32, {3}),
            Var("y", DataType::kFloat32, {3}));
  EXPECT_EQ(Bits(RunUnary<float>(model, std::vector<float>{0.0f, -1.5f, 2.0f})),
            Bits({-0.0f, 1.5f, -2.0f}));
}

TEST(NegTest, Int8NegatesRawValuesIgnoringQuantization) {
  // What LiteRT.js computes: −q wrapped to int8, whatever the zero points.
  const auto model = Model(OpOf(tfl::BuiltinOperator::NEG),
                           Var("x", DataType::kInt8, {4}, {0.1f}, {10}),
                           Var("y", DataType::kInt8, {4}, {0.2f}, {-3}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{5, -128, 127, 0}),
            (std::vector<int8_t>{-5, -128, -127, 0}));
}

TEST(NegTest, Int32AndInt64Wrap) {
  const auto m32 =
      Model(OpOf(tfl::BuiltinOperator::NEG), Var("x", DataType::kInt32, {2}),
            Var("y", DataType::kInt32, {2}));
  const int32_t min32 = std::numeric_limits<int32_t>::min();
  EXPECT_EQ(RunUnary<int32_t>(m32, std::vector<int32_t>{7, min32}),
            (std::vector<int32_t>{-7, min32}));
  const auto m64 =
      Model(OpOf(tfl::BuiltinOperator::NEG), Var("x", DataType::kInt64, {2}),
            Var("y", DataType::kInt64, {2}));
  const int64_t min64 = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(
      RunUnary<int64_t>(m64, std::vector<int64_t>{int64_t{1} << 40, min64}),
      (std::vector<int64_t>{-(int64_t{1} << 40), min64}));
}

TEST(NegTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(Model(OpOf(tfl::BuiltinOperator::NEG),
                                     Var("x", DataType::kInt64, {3}),
                                     Var("y", DataType::kInt64, {3})));
}

}  // namespace
}  // namespace edgelite
