// RELU_N1_TO_1 and RELU_0_TO_1 (relu_common.cc): float32 clamps and TFLite's
// quantized ReluX (requantize, then clamp to zp + roundf(bound / scale)).
#include <gtest/gtest.h>

#include <limits>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

TEST(ReluN1To1Test, Float) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const auto model = Model(OpOf(tfl::BuiltinOperator::RELU_N1_TO_1),
                           Var("x", DataType::kFloat32, {5}),
                           Var("y", DataType::kFloat32, {5}));
  // NaN compares false and becomes the lower bound.
  EXPECT_EQ(
      RunUnary<float>(model, std::vector<float>{-2.0f, 0.5f, 3.0f, -1.0f, nan}),
      (std::vector<float>{-1.0f, 0.5f, 1.0f, -1.0f, -1.0f}));
}

TEST(ReluN1To1Test, Int8SameQuantization) {
  // scale 1/64, zero point 0: bounds 0 + roundf(∓1 · 64) = ∓64.
  const auto model = Model(OpOf(tfl::BuiltinOperator::RELU_N1_TO_1),
                           Var("x", DataType::kInt8, {4}, {1.0f / 64}, {0}),
                           Var("y", DataType::kInt8, {4}, {1.0f / 64}, {0}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{-128, -10, 100, 64}),
            (std::vector<int8_t>{-64, -10, 64, 64}));
}

TEST(ReluN1To1Test, Uint8Requantized) {
  // in (1/32, 128) → out (1/64, 128): multiplier 2; bounds 128 ∓ 64.
  const auto model = Model(OpOf(tfl::BuiltinOperator::RELU_N1_TO_1),
                           Var("x", DataType::kUInt8, {4}, {1.0f / 32}, {128}),
                           Var("y", DataType::kUInt8, {4}, {1.0f / 64}, {128}));
  EXPECT_EQ(RunUnary<uint8_t>(model, std::vector<uint8_t>{138, 88, 180, 128}),
            (std::vector<uint8_t>{148, 64, 192, 128}));
}

TEST(Relu0To1Test, Float) {
  const auto model = Model(OpOf(tfl::BuiltinOperator::RELU_0_TO_1),
                           Var("x", DataType::kFloat32, {4}),
                           Var("y", DataType::kFloat32, {4}));
  EXPECT_EQ(Bits(RunUnary<float>(
                model, std::vector<float>{-2.0f, 0.25f, 3.0f, -0.0f})),
            Bits({0.0f, 0.25f, 1.0f, 0.0f}));
}

TEST(Relu0To1Test, Int8) {
  // (1/100, −100) in and out: bounds −100 and −100 + roundf(100) = 0.
  const auto model = Model(OpOf(tfl::BuiltinOperator::RELU_0_TO_1),
                           Var("x", DataType::kInt8, {4}, {0.01f}, {-100}),
                           Var("y", DataType::kInt8, {4}, {0.01f}, {-100}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{-128, -50, 20, 0}),
            (std::vector<int8_t>{-100, -50, 0, 0}));
}

TEST(Relu0To1Test, RejectsInt16) {
  const Status s =
      PrepareStatus(Model(OpOf(tfl::BuiltinOperator::RELU_0_TO_1),
                          Var("x", DataType::kInt16, {2}, {0.01f}, {0}),
                          Var("y", DataType::kInt16, {2}, {0.01f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "int16 is not supported")) << s.message();
}

TEST(Relu0To1Test, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      Model(OpOf(tfl::BuiltinOperator::RELU_0_TO_1),
            Var("x", DataType::kUInt8, {5}, {0.01f}, {3}),
            Var("y", DataType::kUInt8, {5}, {0.02f}, {0})));
}

}  // namespace
}  // namespace edgelite
