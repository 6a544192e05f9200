// HARD_SWISH: float32 and TFLite's 16-bit fixed-point int8/uint8 kernel.
#include <gtest/gtest.h>

#include <cmath>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

std::vector<uint8_t> HardSwishModel(const TensorSpec& in,
                                    const TensorSpec& out) {
  return Model(OpOf(tfl::BuiltinOperator::HARD_SWISH), in, out);
}

TEST(HardSwishTest, Float) {
  const auto model = HardSwishModel(Var("x", DataType::kFloat32, {5}),
                                    Var("y", DataType::kFloat32, {5}));
  const auto y = RunUnary<float>(
      model, std::vector<float>{-4.0f, -3.0f, -1.0f, 1.0f, 5.0f});
  ASSERT_EQ(y.size(), 5u);
  EXPECT_EQ(y[0], 0.0f);
  EXPECT_EQ(std::fabs(y[1]), 0.0f);
  EXPECT_NEAR(y[2], -1.0f / 3, 1e-7);  // -1 · 2 / 6
  EXPECT_NEAR(y[3], 2.0f / 3, 1e-7);   // 1 · 4 / 6
  EXPECT_EQ(y[4], 5.0f);
}

TEST(HardSwishTest, Int8FixedPoint) {
  // in scale 1/16, out scale 1/32, zero points 0. Prepare: hires input scale
  // 2^-11; output multiplier 2^-11 / 2^-5 = 2^-6 → Q15 16384, exponent −5;
  // reluish multiplier f32(2^-11 / (3/32768)) = 5.3333335 → Q31 1431655808
  // → Q15 21845, exponent 3.
  //  q=16 (x=1): hires 2048; preshift SRDHM(2048, 16384) = 1024; reluish
  //    2048 << 2 = 8192, SRDHM(8192, 21845) = 5461, << 1 = 10922, (10922 +
  //    32768) >> 1 = 21845; SDHM(21845, 1024) = 682; 682 / 32 → 21.
  //  q=-16 (x=-1): preshift −1024; reluish −5461 → −10922 → 10923;
  //    SDHM(10923, −1024) = −341; RoundingDivideByPOT(−341, 5) = −11.
  //  q=48 (x=3): reluish saturates to 32767; SDHM(32767, 3072) = 3071 → 96.
  //  q=-48 (x=-3): reluish −32768 → 0 → 0.   q=127: 7.9375·32 → 127.
  const auto model =
      HardSwishModel(Var("x", DataType::kInt8, {6}, {1.0f / 16}, {0}),
                     Var("y", DataType::kInt8, {6}, {1.0f / 32}, {0}));
  EXPECT_EQ(
      RunUnary<int8_t>(model, std::vector<int8_t>{16, -16, 48, -48, 0, 127}),
      (std::vector<int8_t>{21, -11, 96, 0, 0, 127}));
}

TEST(HardSwishTest, Uint8) {
  // The int8 case shifted by zero points 128 (in) and 20 (out).
  const auto model =
      HardSwishModel(Var("x", DataType::kUInt8, {4}, {1.0f / 16}, {128}),
                     Var("y", DataType::kUInt8, {4}, {1.0f / 32}, {20}));
  EXPECT_EQ(RunUnary<uint8_t>(model, std::vector<uint8_t>{144, 112, 176, 0}),
            (std::vector<uint8_t>{41, 9, 116, 20}));
}

TEST(HardSwishTest, RejectsOutputScale128TimesFiner) {
  // in/out = 128: the output multiplier (in/128)/out = 1 has a positive
  // exponent, which TFLite's Prepare refuses.
  const Status s = PrepareStatus(
      HardSwishModel(Var("x", DataType::kInt8, {2}, {1.0f}, {0}),
                     Var("y", DataType::kInt8, {2}, {1.0f / 128}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(
      Contains(s.message(),
               "op 0 (HARD_SWISH v1): HARD_SWISH: input/output scale "
               "ratio 128 is 128 or more (TFLite requires it below 128)"))
      << s.message();
}

TEST(HardSwishTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      HardSwishModel(Var("x", DataType::kInt8, {7}, {1.0f / 16}, {3}),
                     Var("y", DataType::kInt8, {7}, {1.0f / 32}, {-3})));
}

}  // namespace
}  // namespace edgelite
