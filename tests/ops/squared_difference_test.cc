// SQUARED_DIFFERENCE: float and int32, and TFLite's int8 kernel (left shift
// 7, three MultiplyByQuantizedMultiplierSmallerThanOneExp steps; goldens
// measured on LiteRT.js 2.5.3 and tfjs-tflite and derived below).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel SqDiff(TensorSpec a, TensorSpec b, TensorSpec out) {
  return OpModel(tfl::BuiltinOperator::SQUARED_DIFFERENCE, 1, {a, b}, {out});
}

TEST(SquaredDifferenceOp, FloatAndInt32) {
  EXPECT_EQ((Run2<float, float>(SqDiff(Var("a", DataType::kFloat32, {3}),
                                       Var("b", DataType::kFloat32, {1}),
                                       Var("y", DataType::kFloat32, {3})),
                                {1.5f, -2, 0}, {0.5f})),
            (std::vector<float>{1, 6.25f, 0.25f}));
  // (50000 - -50000)^2 = 10^10 wraps to 10^10 - 2·2^32 = 1410065408.
  EXPECT_EQ((Run2<int32_t, int32_t>(SqDiff(Var("a", DataType::kInt32, {2}),
                                           Var("b", DataType::kInt32, {2}),
                                           Var("y", DataType::kInt32, {2})),
                                    {50000, 3}, {-50000, 7})),
            (std::vector<int32_t>{1410065408, 16}));
}

// int8, a and b scale 1, out scale 2, zero points 0: twice_max = 2;
// input multipliers 0.5 -> (2^30, 0): s = MBQM(q·128) = 64 q;
// out multiplier 4 / (2^14 · 2) = 2^-13 -> (2^30, -12):
// y = RDBPOT(SRDHM(4096 d², 2^30) = 2048 d², 12) = d² / 2, halves away
// from zero: d = 1 -> 1, 3 -> 5 (4.5), 5 -> 13 (12.5), 7 -> 25 (24.5).
TEST(SquaredDifferenceOp, Int8TiesRoundAway) {
  SingleOpModel m = SqDiff(QSpec("a", DataType::kInt8, {6}, 1.0f, 0),
                           QSpec("b", DataType::kInt8, {1}, 1.0f, 0),
                           QSpec("y", DataType::kInt8, {6}, 2.0f, 0));
  for (QuantArithmetic arith :
       {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
    EXPECT_EQ((Run2<int8_t, int8_t>(m, {1, 3, 5, 0, 7, -7}, {0}, arith)),
              (std::vector<int8_t>{1, 5, 13, 0, 25, 25}));
  }
}

TEST(SquaredDifferenceOp, Int8ZeroPointsAndSaturation) {
  // a (0.5, 10), b (0.5, -10), out (1, -128): d = (a - 10 - b - 10) / 2.
  // twice_max = 1: multipliers 0.5 -> 64 q; out 1 / 2^14 -> y = d² exactly
  // for these, then + (-128), clamped at 127.
  SingleOpModel m = SqDiff(QSpec("a", DataType::kInt8, {3}, 0.5f, 10),
                           QSpec("b", DataType::kInt8, {3}, 0.5f, -10),
                           QSpec("y", DataType::kInt8, {3}, 1.0f, -128));
  // d = (14 - 10 - (-6 + 10)) / 2 = 0;  (30 - 10 - (-30 + 10)) / 2 = 20 -> 400
  // -> 272 clamped to 127;  (20 - 10 - (-12 + 10)) / 2 = 6 -> 36 - 128.
  EXPECT_EQ((Run2<int8_t, int8_t>(m, {14, 30, 20}, {-6, -30, -12})),
            (std::vector<int8_t>{-128, 127, -92}));
}

TEST(SquaredDifferenceOp, Errors) {
  ExpectPrepareError(SqDiff(QSpec("a", DataType::kInt8, {2}, 1.0f, 0),
                            QSpec("b", DataType::kInt8, {2}, 1.0f, 0),
                            QSpec("y", DataType::kInt8, {2}, 1e-4f, 0)),
                     StatusCode::kUnsupported, "is not below 1");
  ExpectPrepareError(SqDiff(QSpec("a", DataType::kUInt8, {2}, 1.0f, 0),
                            QSpec("b", DataType::kUInt8, {2}, 1.0f, 0),
                            QSpec("y", DataType::kUInt8, {2}, 1.0f, 0)),
                     StatusCode::kUnsupported,
                     "SQUARED_DIFFERENCE of uint8 is not supported");
}

TEST(SquaredDifferenceOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      SqDiff(QSpec("a", DataType::kInt8, {2, 3}, 0.5f, 1),
             QSpec("b", DataType::kInt8, {3}, 0.25f, 0),
             QSpec("y", DataType::kInt8, {2, 3}, 1.0f, -128)));
}

}  // namespace
}  // namespace edgelite
