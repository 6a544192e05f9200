// MAXIMUM and MINIMUM (one implementation): raw comparisons for every type,
// quantization ignored, std::max/std::min NaN and ±0 behaviour (measured on
// both peers).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel MaxMin(tfl::BuiltinOperator op, TensorSpec a, TensorSpec b,
                     TensorSpec out, int version = 1) {
  return OpModel(op, version, {a, b}, {out});
}

TEST(MaximumOp, FloatNanAndSignedZeros) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // max(NaN, 1) = NaN, max(1, NaN) = 1, max(-0, +0) = -0, max(+0, -0) = +0;
  // min likewise keeps the first input unless the second is smaller.
  for (auto op :
       {tfl::BuiltinOperator::MAXIMUM, tfl::BuiltinOperator::MINIMUM}) {
    SingleOpModel m = MaxMin(op, Var("a", DataType::kFloat32, {5}),
                             Var("b", DataType::kFloat32, {5}),
                             Var("y", DataType::kFloat32, {5}));
    const std::vector<float> y = Run2<float, float>(m, {nan, 1, -0.0f, 0.0f, 2},
                                                    {1, nan, 0.0f, -0.0f, 3});
    ASSERT_EQ(y.size(), 5u);
    EXPECT_TRUE(std::isnan(y[0]));
    EXPECT_EQ(y[1], 1.0f);
    EXPECT_TRUE(std::signbit(y[2]));
    EXPECT_FALSE(std::signbit(y[3]));
    EXPECT_EQ(y[4], op == tfl::BuiltinOperator::MAXIMUM ? 3.0f : 2.0f);
  }
}

TEST(MaximumOp, Int8IgnoresQuantization) {
  // Inputs at scale 0.5, output at scale 1: the raw maxima come out
  // unchanged (measured on both peers).
  SingleOpModel m = MaxMin(tfl::BuiltinOperator::MAXIMUM,
                           QSpec("a", DataType::kInt8, {4}, 0.5f, 0),
                           QSpec("b", DataType::kInt8, {1}, 0.25f, 3),
                           QSpec("y", DataType::kInt8, {4}, 1.0f, -7), 2);
  EXPECT_EQ((Run2<int8_t, int8_t>(m, {-8, 0, 5, 127}, {1})),
            (std::vector<int8_t>{1, 1, 5, 127}));
}

TEST(MinimumOp, IntegerTypesBroadcast) {
  SingleOpModel m16 = MaxMin(
      tfl::BuiltinOperator::MINIMUM, Var("a", DataType::kInt16, {2, 1}),
      Var("b", DataType::kInt16, {3}), Var("y", DataType::kInt16, {2, 3}), 4);
  EXPECT_EQ((Run2<int16_t, int16_t>(m16, {0, -300}, {-1, 5, -400})),
            (std::vector<int16_t>{-1, 0, -400, -300, -300, -400}));
  SingleOpModel m64 =
      MaxMin(tfl::BuiltinOperator::MINIMUM, Var("a", DataType::kInt64, {2}),
             Var("b", DataType::kInt64, {2}), Var("y", DataType::kInt64, {2}));
  EXPECT_EQ(
      (Run2<int64_t, int64_t>(m64, {INT64_MIN, 7}, {0, -(int64_t{1} << 50)})),
      (std::vector<int64_t>{INT64_MIN, -(int64_t{1} << 50)}));
  SingleOpModel mu8 = MaxMin(tfl::BuiltinOperator::MAXIMUM,
                             QSpec("a", DataType::kUInt8, {3}, 0.1f, 128),
                             QSpec("b", DataType::kUInt8, {3}, 0.1f, 128),
                             QSpec("y", DataType::kUInt8, {3}, 0.1f, 128));
  EXPECT_EQ((Run2<uint8_t, uint8_t>(mu8, {0, 200, 128}, {255, 100, 128})),
            (std::vector<uint8_t>{255, 200, 128}));
}

TEST(MaximumOp, RejectsBoolAndMismatchedOutput) {
  ExpectPrepareError(
      MaxMin(tfl::BuiltinOperator::MAXIMUM, Var("a", DataType::kBool, {2}),
             Var("b", DataType::kBool, {2}), Var("y", DataType::kBool, {2})),
      StatusCode::kUnsupported, "MAXIMUM of bool is not supported");
  ExpectPrepareError(
      MaxMin(tfl::BuiltinOperator::MINIMUM, Var("a", DataType::kFloat32, {2}),
             Var("b", DataType::kFloat32, {2}),
             Var("y", DataType::kInt32, {2})),
      StatusCode::kInvalidModel,
      "output 0 (tensor 2 'y'): type int32 differs from input 0 "
      "type float32");
}

TEST(MaximumOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(MaxMin(
      tfl::BuiltinOperator::MAXIMUM, Var("a", DataType::kFloat32, {2, 3}),
      Var("b", DataType::kFloat32, {3}), Var("y", DataType::kFloat32, {2, 3})));
}

}  // namespace
}  // namespace edgelite
