// PRELU: float with per-channel / spatial alpha, and TFLite's quantized
// kernel (two MultiplyByQuantizedMultiplier paths), goldens measured on
// LiteRT.js 2.5.3 and tfjs-tflite and derived by hand below.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel Prelu(TensorSpec in, TensorSpec alpha, TensorSpec out) {
  return OpModel(tfl::BuiltinOperator::PRELU, 1, {in, alpha}, {out});
}

TEST(PreluOp, FloatPerChannelAlpha) {
  // Measured on both peers: [[-1, -2, 3], [-0, -4, 5]] with alpha
  // [0.5, 0.25, 2] -> [[-0.5, -0.5, 3], [-0, -1, 5]].
  SingleOpModel m = Prelu(Var("x", DataType::kFloat32, {2, 3}),
                          Var("a", DataType::kFloat32, {3}),
                          Var("y", DataType::kFloat32, {2, 3}));
  EXPECT_EQ(
      (Run2<float, float>(m, {-1, -2, 3, -0.0f, -4, 5}, {0.5f, 0.25f, 2})),
      (std::vector<float>{-0.5f, -0.5f, 3, 0, -1, 5}));
}

TEST(PreluOp, FloatConstantSpatialAlpha) {
  SingleOpModel m = Prelu(Var("x", DataType::kFloat32, {1, 2, 2, 1}),
                          Const(Var("a", DataType::kFloat32, {2, 2, 1}),
                                std::vector<float>{0.1f, 0.2f, 0.3f, 0.4f}),
                          Var("y", DataType::kFloat32, {1, 2, 2, 1}));
  EXPECT_EQ(RunBytes<float>(m, {Bytes(std::vector<float>{-10, 10, -10, -1})}),
            (std::vector<float>{-10 * 0.1f, 10, -10 * 0.3f, -1 * 0.4f}));
}

// uint8: x (1, 128), alpha (0.5, 0) holding 1 (= 0.5), out (1, 128).
// m1 = 1 -> identity; m2 = 0.5 -> (2^30, 0): MBQM(v·1, 2^30, 0) =
// SaturatingRoundingDoublingHighMul, halves rounding up:
//   x - 128:  -1    -3    -5    -7    1    72   -128   127
//   y - 128:   0    -1    -2    -3    1    72    -64   127
// alpha 0.25 (scale 0.25) -> (2^30, -1): the final RoundingDivideByPOT
// rounds halves away from zero: -2 -> -0.5 -> -1, -6 -> -2, -10 -> -3.
// (Both measured on LiteRT.js and tfjs-tflite.)
TEST(PreluOp, Uint8TfliteRounding) {
  SingleOpModel m = Prelu(QSpec("x", DataType::kUInt8, {8}, 1.0f, 128),
                          Const(QSpec("a", DataType::kUInt8, {1}, 0.5f, 0),
                                std::vector<uint8_t>{1}),
                          QSpec("y", DataType::kUInt8, {8}, 1.0f, 128));
  EXPECT_EQ(RunBytes<uint8_t>(m, {B({127, 125, 123, 121, 129, 200, 0, 255})}),
            B({128, 127, 126, 125, 129, 200, 64, 255}));
  SingleOpModel q = Prelu(QSpec("x", DataType::kUInt8, {4}, 1.0f, 128),
                          QSpec("a", DataType::kUInt8, {1}, 0.25f, 0),
                          QSpec("y", DataType::kUInt8, {4}, 1.0f, 128));
  for (QuantArithmetic arith :
       {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
    EXPECT_EQ((Run2<uint8_t, uint8_t>(q, {126, 122, 118, 130}, {1}, arith)),
              B({127, 126, 125, 130}));
  }
}

// int8 with a per-channel alpha and different output scale: x (0.5, -10),
// alpha (0.01, 0) = [25, 50] (0.25, 0.5), out (0.25, 5).
// Positive: m1 = 2 -> (2^30, 2): y = 2 (x + 10) + 5.
// Negative: m2 = f32(0.5·0.01)/0.25 = 0.02 -> y = round((x+10)·alpha·0.02) + 5.
//   x = -30 (v = -20), alpha 25: -20·25·0.02 = -10 -> -5.
//   x = -11 (v = -1), alpha 50: -1·50·0.02 = -1 -> 4.
TEST(PreluOp, Int8ChannelAlpha) {
  SingleOpModel m = Prelu(QSpec("x", DataType::kInt8, {2, 2}, 0.5f, -10),
                          QSpec("a", DataType::kInt8, {2}, 0.01f, 0),
                          QSpec("y", DataType::kInt8, {2, 2}, 0.25f, 5));
  EXPECT_EQ((Run2<int8_t, int8_t>(m, {-30, -11, 0, 50}, {25, 50})),
            (std::vector<int8_t>{-5, 4, 25, 125}));
}

TEST(PreluOp, Errors) {
  ExpectPrepareError(Prelu(Var("x", DataType::kFloat32, {3}),
                           Var("a", DataType::kFloat32, {2, 3}),
                           Var("y", DataType::kFloat32, {3})),
                     StatusCode::kInvalidModel,
                     "alpha shape [2, 3] broadcasts the input [3] to [2, 3]");
  ExpectPrepareError(
      Prelu(Var("x", DataType::kInt32, {3}), Var("a", DataType::kInt32, {3}),
            Var("y", DataType::kInt32, {3})),
      StatusCode::kUnsupported, "PRELU of int32 is not supported");
}

TEST(PreluOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      Prelu(QSpec("x", DataType::kInt8, {2, 3}, 0.5f, 1),
            QSpec("a", DataType::kInt8, {3}, 0.01f, 0),
            QSpec("y", DataType::kInt8, {2, 3}, 0.5f, 1)));
}

}  // namespace
}  // namespace edgelite
