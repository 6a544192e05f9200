// EXP and LOG: float32, the int8 tables and the int16 interpolated tables
// (TFLite LUTPopulate<int16_t> + LUTLookup).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

TEST(ExpTest, Float) {
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::EXP), Var("x", DataType::kFloat32, {4}),
            Var("y", DataType::kFloat32, {4}));
  const auto y =
      RunUnary<float>(model, std::vector<float>{0.0f, 1.0f, -2.0f, 100.0f});
  ASSERT_EQ(y.size(), 4u);
  EXPECT_EQ(y[0], 1.0f);
  EXPECT_NEAR(y[1], 2.7182818f, 1e-6);
  EXPECT_NEAR(y[2], 0.13533528f, 1e-7);
  EXPECT_EQ(y[3], std::numeric_limits<float>::infinity());
}

TEST(ExpTest, Int8Table) {
  // in (1/16, 0) → out (1/16, −128): q=0 → 16 − 128 = −112; q=16 → e·16 =
  // 43.49 → −85; q=-16 → 5.89 → 6 → −122; q=32 → 118.2 → −10; q=127 → 127.
  const auto model = Model(OpOf(tfl::BuiltinOperator::EXP, 2),
                           Var("x", DataType::kInt8, {5}, {1.0f / 16}, {0}),
                           Var("y", DataType::kInt8, {5}, {1.0f / 16}, {-128}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{0, 16, -16, 32, 127}),
            (std::vector<int8_t>{-112, -85, -122, -10, 127}));
}

TEST(ExpTest, Int8OverflowSaturates) {
  // in scale 1: q=127 is x=255, expf overflows to +inf; the rescaled value
  // converts with saturation (as the peers' WebAssembly does) → 127.
  const auto model = Model(OpOf(tfl::BuiltinOperator::EXP, 2),
                           Var("x", DataType::kInt8, {2}, {1.0f}, {-128}),
                           Var("y", DataType::kInt8, {2}, {0.5f}, {0}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{127, -128}),
            (std::vector<int8_t>{127, 2}));
}

TEST(ExpTest, Int16Table) {
  // in 2^-12 (±8), out 2^-4: the table interpolates exp closely;
  // exp(0)·16 = 16, exp(1)·16 = 43.49, exp(-8) ≈ 0.
  const auto model = Model(OpOf(tfl::BuiltinOperator::EXP, 2),
                           Var("x", DataType::kInt16, {3}, {1.0f / 4096}, {0}),
                           Var("y", DataType::kInt16, {3}, {1.0f / 16}, {0}));
  const auto y =
      RunUnary<int16_t>(model, std::vector<int16_t>{0, 4096, -32768});
  ASSERT_EQ(y.size(), 3u);
  EXPECT_EQ(y[0], 16);
  EXPECT_NEAR(y[1], 43.49, 1.0);
  EXPECT_EQ(y[2], 0);
}

TEST(LogTest, Float) {
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::LOG), Var("x", DataType::kFloat32, {4}),
            Var("y", DataType::kFloat32, {4}));
  const auto y =
      RunUnary<float>(model, std::vector<float>{1.0f, 10.0f, 0.0f, -1.0f});
  ASSERT_EQ(y.size(), 4u);
  EXPECT_EQ(y[0], 0.0f);
  EXPECT_NEAR(y[1], 2.3025851f, 1e-6);
  EXPECT_EQ(y[2], -std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(y[3]));
}

TEST(LogTest, Int8Table) {
  // in (0.1, −128): x = 0.1·(q + 128); out (0.05, 0). q=-128 → x=0 → the
  // output's lowest value; q=-118 → x=1 → 0; q=-98 → x=3 → 1.0986/0.05 =
  // 21.97 → 22; q=-127 → x=0.1 → −46.05 → −46; q=127 → x=25.5 → 64.77 → 65.
  const auto model = Model(OpOf(tfl::BuiltinOperator::LOG, 2),
                           Var("x", DataType::kInt8, {5}, {0.1f}, {-128}),
                           Var("y", DataType::kInt8, {5}, {0.05f}, {0}));
  EXPECT_EQ(
      RunUnary<int8_t>(model, std::vector<int8_t>{-128, -118, -98, -127, 127}),
      (std::vector<int8_t>{-128, 0, 22, -46, 65}));
}

TEST(LogTest, Int16Table) {
  // in 2^-8 (x in [-128, 128)), out 2^-12. The table has 512 segments of
  // width 0.5 with each sample biased by half the interpolation error at
  // the segment's midpoint, so values near the steep start of log are off:
  //   x=16 (q=4096): log(16)·4096 = 11357 (log is flat there);
  //   x=1 (q=256): sample 0, biased up by about (914 − 830)/2 → a small
  //     positive value instead of 0;
  //   x<=0: the lowest output, −32768, blended into the biased first
  //     segment (sample −32768 + ~6000), so q=-100 lands near −31400.
  const auto model = Model(OpOf(tfl::BuiltinOperator::LOG, 2),
                           Var("x", DataType::kInt16, {3}, {1.0f / 256}, {0}),
                           Var("y", DataType::kInt16, {3}, {1.0f / 4096}, {0}));
  const auto y =
      RunUnary<int16_t>(model, std::vector<int16_t>{256, 4096, -100});
  ASSERT_EQ(y.size(), 3u);
  EXPECT_GT(y[0], 0);
  EXPECT_LT(y[0], 64);
  EXPECT_NEAR(y[1], 11357, 2);
  EXPECT_NEAR(y[2], -31400, 200);
}

TEST(LogTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      Model(OpOf(tfl::BuiltinOperator::LOG, 2),
            Var("x", DataType::kInt16, {3}, {1.0f / 256}, {0}),
            Var("y", DataType::kInt16, {3}, {1.0f / 4096}, {0})));
}

}  // namespace
}  // namespace edgelite
