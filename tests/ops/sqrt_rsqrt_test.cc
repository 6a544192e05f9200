// SQRT and RSQRT: float32, int8 (SQRT in float with truncation, RSQRT in
// TFLite's fixed point), int16 (SQRT per element, RSQRT interpolated table),
// and the data-dependent refusal of inputs below the zero point.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

TEST(SqrtTest, Float) {
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::SQRT), Var("x", DataType::kFloat32, {3}),
            Var("y", DataType::kFloat32, {3}));
  const auto y = RunUnary<float>(model, std::vector<float>{4.0f, 2.0f, -1.0f});
  ASSERT_EQ(y.size(), 3u);
  EXPECT_EQ(y[0], 2.0f);
  EXPECT_EQ(y[1], 1.41421354f);  // sqrt is correctly rounded
  EXPECT_TRUE(std::isnan(y[2]));
}

TEST(SqrtTest, Int8TruncatesTowardZero) {
  // in (0.25, −100), out (0.1, −128); y = (int)(sqrtf(x) / 0.1f) − 128:
  //   q=-100 → 0 → −128;  q=-96 → x=1 → 10 → −118;
  //   q=-90 → x=2.5 → 15.81 → 15 (not 16) → −113;  q=-84 → x=4 → 20 → −108;
  //   q=127 → x=56.75 → 75.33 → 75 → −53.
  const auto model = Model(OpOf(tfl::BuiltinOperator::SQRT, 2),
                           Var("x", DataType::kInt8, {5}, {0.25f}, {-100}),
                           Var("y", DataType::kInt8, {5}, {0.1f}, {-128}));
  EXPECT_EQ(
      RunUnary<int8_t>(model, std::vector<int8_t>{-100, -96, -90, -84, 127}),
      (std::vector<int8_t>{-128, -118, -113, -108, -53}));
}

TEST(SqrtTest, Int16) {
  // in 2^-8, out 2^-10: 1.0 → 1024; 4.0 → 2048; 2.0 → 1448.15 → 1448.
  const auto model = Model(OpOf(tfl::BuiltinOperator::SQRT, 2),
                           Var("x", DataType::kInt16, {3}, {1.0f / 256}, {0}),
                           Var("y", DataType::kInt16, {3}, {1.0f / 1024}, {0}));
  EXPECT_EQ(RunUnary<int16_t>(model, std::vector<int16_t>{256, 1024, 512}),
            (std::vector<int16_t>{1024, 2048, 1448}));
}

TEST(SqrtTest, Int8RefusesInputBelowZeroPoint) {
  const auto model = Model(OpOf(tfl::BuiltinOperator::SQRT, 2),
                           Var("x", DataType::kInt8, {3}, {0.25f}, {-100}),
                           Var("y", DataType::kInt8, {3}, {0.1f}, {-128}));
  const Status s = InvokeStatus(model, std::vector<int8_t>{-100, -101, 0});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (SQRT v2): input 0 (tensor 0 'x'): element 1 is "
                       "-101, below the zero point -100: SQRT is only defined "
                       "for non-negative values"))
      << s.message();
}

TEST(RsqrtTest, Float) {
  const auto model = Model(OpOf(tfl::BuiltinOperator::RSQRT),
                           Var("x", DataType::kFloat32, {3}),
                           Var("y", DataType::kFloat32, {3}));
  const auto y = RunUnary<float>(model, std::vector<float>{4.0f, 0.0f, 0.25f});
  EXPECT_EQ(y, (std::vector<float>{0.5f, std::numeric_limits<float>::infinity(),
                                   2.0f}));
}

TEST(RsqrtTest, Int8FixedPoint) {
  // in (0.25, 0), out (1/64, −128): 1/sqrt(q/4)·64 − 128: q=4 → 64 → −64;
  // q=16 → 32 → −96; q=1 → 128 → 0; q=0 (the zero point) → the maximum 127.
  const auto model = Model(OpOf(tfl::BuiltinOperator::RSQRT, 2),
                           Var("x", DataType::kInt8, {4}, {0.25f}, {0}),
                           Var("y", DataType::kInt8, {4}, {1.0f / 64}, {-128}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{4, 16, 1, 0}),
            (std::vector<int8_t>{-64, -96, 0, 127}));
}

TEST(RsqrtTest, Int16Table) {
  // in 2^-8, out 2^-12: 1/sqrt(1)·4096 = 4096, 1/sqrt(4)·4096 = 2048, to
  // within the table's interpolation: its segments are 0.5 wide, and each
  // sample is lowered by half the (convex) curve's midpoint error, about 24
  // steps at x = 1.
  const auto model = Model(OpOf(tfl::BuiltinOperator::RSQRT, 3),
                           Var("x", DataType::kInt16, {2}, {1.0f / 256}, {0}),
                           Var("y", DataType::kInt16, {2}, {1.0f / 4096}, {0}));
  const auto y = RunUnary<int16_t>(model, std::vector<int16_t>{256, 1024});
  ASSERT_EQ(y.size(), 2u);
  EXPECT_NEAR(y[0], 4096 - 24, 4);
  EXPECT_NEAR(y[1], 2048, 8);
}

TEST(RsqrtTest, Int16RefusesNegativeInput) {
  const auto model = Model(OpOf(tfl::BuiltinOperator::RSQRT, 3),
                           Var("x", DataType::kInt16, {2}, {1.0f / 256}, {0}),
                           Var("y", DataType::kInt16, {2}, {1.0f / 4096}, {0}));
  const Status s = InvokeStatus(model, std::vector<int16_t>{5, -7});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(s.message(),
                       "element 1 is -7, below the zero point 0: "
                       "RSQRT is only defined for non-negative "
                       "values"))
      << s.message();
}

TEST(RsqrtTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      Model(OpOf(tfl::BuiltinOperator::RSQRT, 2),
            Var("x", DataType::kInt8, {4}, {0.25f}, {-128}),
            Var("y", DataType::kInt8, {4}, {1.0f / 64}, {-128})));
}

}  // namespace
}  // namespace edgelite
