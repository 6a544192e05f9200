// MUL: float/int semantics, and the quantized arithmetics: XNNPACK's fp32
// requantization (kTflite when the product/output ratio is in [2^-16, 2^8)),
// TFLite's MultiplyByQuantizedMultiplier (kMicro, kTflite outside the window,
// int16). Expected values derived by hand in the comments.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel MulModel(TensorSpec a, TensorSpec b, TensorSpec out,
                       ActFn act = ActFn::NONE, int version = 1) {
  return OpModel(tfl::BuiltinOperator::MUL, version, {a, b}, {out},
                 tfl::BuiltinOptions::MulOptions, MulOpts(act));
}

TEST(MulOp, FloatBroadcastReluN1To1) {
  // [[0.5, -3], [2, 0.25]] * [1, 0.5] = [[0.5, -1.5], [2, 0.125]].
  SingleOpModel m = MulModel(
      Var("a", DataType::kFloat32, {2, 2}), Var("b", DataType::kFloat32, {2}),
      Var("y", DataType::kFloat32, {2, 2}), ActFn::RELU_N1_TO_1);
  EXPECT_EQ((Run2<float, float>(m, {0.5f, -3, 2, 0.25f}, {1, 0.5f})),
            (std::vector<float>{0.5f, -1, 1, 0.125f}));
}

TEST(MulOp, Int32AndInt64Wrap) {
  // 46341^2 = 2147488281 wraps to 2147488281 - 2^32 = -2147479015.
  SingleOpModel m =
      MulModel(Var("a", DataType::kInt32, {3}), Var("b", DataType::kInt32, {3}),
               Var("y", DataType::kInt32, {3}));
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {65536, 46341, -7}, {65536, 46341, 6})),
            (std::vector<int32_t>{0, -2147479015, -42}));
  SingleOpModel m64 =
      MulModel(Var("a", DataType::kInt64, {2}), Var("b", DataType::kInt64, {1}),
               Var("y", DataType::kInt64, {2}), ActFn::RELU, 5);
  EXPECT_EQ((Run2<int64_t, int64_t>(m64, {int64_t{1} << 40, -3}, {1000})),
            (std::vector<int64_t>{int64_t{1000} << 40, 0}));
}

TEST(MulOp, Int16PlainWrapsThenClamps) {
  // 300 * 300 = 90000 -> 24464; -300 * 300 = -90000 -> -24464 -> RELU 0.
  SingleOpModel m =
      MulModel(Var("a", DataType::kInt16, {2}), Var("b", DataType::kInt16, {2}),
               Var("y", DataType::kInt16, {2}), ActFn::RELU, 7);
  EXPECT_EQ((Run2<int16_t, int16_t>(m, {300, -300}, {300, 300})),
            (std::vector<int16_t>{24464, 0}));
}

// int8, a scale 0.5, b and out scale 1, zero points 0: y = a·b / 2.
// XNNPACK (kTflite): f32(a·b) · 0.5 rounded half to even.
// TFLite (kMicro): MBQM(a·b, 2^30, 0) = SaturatingRoundingDoublingHighMul,
//   which rounds half up (its negative nudge 1 - 2^30 truncates toward 0):
//   a·b:      1     -1     3     5     -3     -5
//   kTflite:  0      0     2     2     -2     -2   (measured on both peers)
//   kMicro:   1      0     2     3     -1     -2
TEST(MulOp, Int8XnnpackHalfEvenVersusReference) {
  SingleOpModel m =
      MulModel(QSpec("a", DataType::kInt8, {6}, 0.5f, 0),
               QSpec("b", DataType::kInt8, {6}, 1.0f, 0),
               QSpec("y", DataType::kInt8, {6}, 1.0f, 0), ActFn::NONE, 2);
  const std::vector<int8_t> a = {1, -1, 3, 5, -3, -5};
  const std::vector<int8_t> b = {1, 1, 1, 1, 1, 1};
  EXPECT_EQ((Run2<int8_t, int8_t>(m, a, b, QuantArithmetic::kTflite)),
            (std::vector<int8_t>{0, 0, 2, 2, -2, -2}));
  EXPECT_EQ((Run2<int8_t, int8_t>(m, a, b, QuantArithmetic::kMicro)),
            (std::vector<int8_t>{1, 0, 2, 3, -1, -2}));
}

// The XNNPACK window, measured on LiteRT.js with a RELU6 bound of 6/12 = 0.5
// (XNNPACK: lrintf -> 0, TFLite: round half away -> 1). uint8, zero points 0,
// a scale 1, out scale 12.
//   low edge: b scale 12·2^-16·f, a = b = 255 (≈0.99 before the clamp):
//     f = 0.999 -> built-in -> 1;  f = 1 -> XNNPACK -> 0.
//   high edge: b scale 12·256·f, a = b = 1: f = 0.999 -> 0;  f = 1 -> 1.
TEST(MulOp, Uint8XnnpackWindowEdges) {
  auto model = [](float b_scale) {
    return MulModel(QSpec("a", DataType::kUInt8, {1}, 1.0f, 0),
                    QSpec("b", DataType::kUInt8, {1}, b_scale, 0),
                    QSpec("y", DataType::kUInt8, {1}, 12.0f, 0), ActFn::RELU6);
  };
  const float lo = 12.0f / 65536.0f;
  EXPECT_EQ((Run2<uint8_t, uint8_t>(model(lo * 0.999f), {255}, {255})),
            (std::vector<uint8_t>{1}));
  EXPECT_EQ((Run2<uint8_t, uint8_t>(model(lo), {255}, {255})),
            (std::vector<uint8_t>{0}));
  EXPECT_EQ((Run2<uint8_t, uint8_t>(model(12.0f * 256 * 0.999f), {1}, {1})),
            (std::vector<uint8_t>{0}));
  EXPECT_EQ((Run2<uint8_t, uint8_t>(model(12.0f * 256), {1}, {1})),
            (std::vector<uint8_t>{1}));
}

// uint8 with zero points: a (0.5, 128), b (0.25, 100), out (0.125, 10).
// y = (a-128)(b-100)·0.5·0.25/0.125 + 10 = (a-128)(b-100) + 10 exactly.
TEST(MulOp, Uint8ZeroPointsBroadcast) {
  SingleOpModel m = MulModel(QSpec("a", DataType::kUInt8, {2, 2}, 0.5f, 128),
                             QSpec("b", DataType::kUInt8, {2}, 0.25f, 100),
                             QSpec("y", DataType::kUInt8, {2, 2}, 0.125f, 10));
  // (1)(2)+10=12, (-2)(-1)+10=12, (20)(2)+10=50, (-20)(-1)+10=30.
  EXPECT_EQ((Run2<uint8_t, uint8_t>(m, {129, 126, 148, 108}, {102, 99})),
            (std::vector<uint8_t>{12, 12, 50, 30}));
}

// int16 (never XNNPACK): scales 2^-8 -> ratio 2^-8 -> (2^30, -7):
//   16·8 = 128 -> SRDHM 64 -> RDBPOT(64, 7) = 0.5 -> 1 (away);
//   -16·8 -> -1;  100·100 = 10000 / 256 = 39.06 -> 39.
TEST(MulOp, Int16Quantized) {
  SingleOpModel m = MulModel(QSpec("a", DataType::kInt16, {3}, 1.0f / 256, 0),
                             QSpec("b", DataType::kInt16, {3}, 1.0f / 256, 0),
                             QSpec("y", DataType::kInt16, {3}, 1.0f / 256, 0),
                             ActFn::NONE, 4);
  for (QuantArithmetic arith :
       {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
    EXPECT_EQ((Run2<int16_t, int16_t>(m, {16, -16, 100}, {8, 8, 100}, arith)),
              (std::vector<int16_t>{1, -1, 39}));
  }
}

TEST(MulOp, MicroInt16NeedsZeroZeroPoints) {
  ExpectPrepareError(
      MulModel(QSpec("a", DataType::kInt16, {2}, 0.01f, 3),
               QSpec("b", DataType::kInt16, {2}, 0.01f, 0),
               QSpec("y", DataType::kInt16, {2}, 0.01f, 0), ActFn::NONE, 4),
      StatusCode::kUnsupported, "int16 MUL with non-zero zero points",
      QuantArithmetic::kMicro);
}

TEST(MulOp, RejectsQuantizedInt32AndStrings) {
  ExpectPrepareError(MulModel(QSpec("a", DataType::kInt32, {2}, 0.5f, 0),
                              Var("b", DataType::kInt32, {2}),
                              Var("y", DataType::kInt32, {2})),
                     StatusCode::kUnsupported, "quantized int32 MUL");
  ExpectPrepareError(
      MulModel(Var("a", DataType::kBool, {2}), Var("b", DataType::kBool, {2}),
               Var("y", DataType::kBool, {2})),
      StatusCode::kUnsupported, "MUL of bool is not supported");
}

TEST(MulOp, ZeroSizeOutput) {
  SingleOpModel m = MulModel(Var("a", DataType::kFloat32, {0, 3}),
                             Var("b", DataType::kFloat32, {3}),
                             Var("y", DataType::kFloat32, {0, 3}));
  Shape shape;
  EXPECT_TRUE(
      (Run2<float, float>(m, {}, {1, 2, 3}, QuantArithmetic::kTflite, &shape))
          .empty());
  EXPECT_EQ(shape, Shape({0, 3}));
}

TEST(MulOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      MulModel(QSpec("a", DataType::kInt8, {2, 3}, 0.5f, 1),
               QSpec("b", DataType::kInt8, {1, 3}, 0.25f, -3),
               QSpec("y", DataType::kInt8, {2, 3}, 0.1f, 0), ActFn::NONE, 2));
}

}  // namespace
}  // namespace edgelite
