// DIV: float (IEEE, ±inf), int32 (truncation; zero divisor and
// INT32_MIN / -1 fail the invoke), quantized uint8/int8 (TFLite's
// reciprocal-based fixed point). Quantized goldens measured on LiteRT.js
// 2.5.3 (and tfjs-tflite for uint8) are marked; one is derived by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel DivModel(TensorSpec a, TensorSpec b, TensorSpec out,
                       ActFn act = ActFn::NONE) {
  return OpModel(tfl::BuiltinOperator::DIV, 1, {a, b}, {out},
                 tfl::BuiltinOptions::DivOptions, DivOpts(act));
}

TEST(DivOp, FloatIncludingZeroDivisors) {
  SingleOpModel m = DivModel(Var("a", DataType::kFloat32, {4}),
                             Var("b", DataType::kFloat32, {4}),
                             Var("y", DataType::kFloat32, {4}));
  const std::vector<float> y =
      Run2<float, float>(m, {7, 1, -1, 0}, {2, 0, 0, 0});
  ASSERT_EQ(y.size(), 4u);
  EXPECT_EQ(y[0], 3.5f);
  EXPECT_EQ(y[1], std::numeric_limits<float>::infinity());
  EXPECT_EQ(y[2], -std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(y[3]));
  // RELU6 clamps the infinity.
  SingleOpModel r = DivModel(Var("a", DataType::kFloat32, {2}),
                             Var("b", DataType::kFloat32, {1}),
                             Var("y", DataType::kFloat32, {2}), ActFn::RELU6);
  EXPECT_EQ((Run2<float, float>(r, {1, -1}, {0})), (std::vector<float>{6, 0}));
}

TEST(DivOp, Int32TruncatesTowardZero) {
  // Measured on both peers: [7, -7, 7, -7] / [2, 2, -2, -2] = [3, -3, -3, 3].
  SingleOpModel m =
      DivModel(Var("a", DataType::kInt32, {4}), Var("b", DataType::kInt32, {4}),
               Var("y", DataType::kInt32, {4}));
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {7, -7, 7, -7}, {2, 2, -2, -2})),
            (std::vector<int32_t>{3, -3, -3, 3}));
}

TEST(DivOp, Int32ZeroDivisorAndOverflowFailInvoke) {
  SingleOpModel m =
      DivModel(Var("a", DataType::kInt32, {3}), Var("b", DataType::kInt32, {3}),
               Var("y", DataType::kInt32, {3}));
  Status s;
  RunBytes<int32_t>(m,
                    {Bytes(std::vector<int32_t>{1, 2, 3}),
                     Bytes(std::vector<int32_t>{1, 0, 3})},
                    QuantArithmetic::kTflite, nullptr, &s);
  EXPECT_EQ(s.code(), StatusCode::kRuntimeError);
  EXPECT_NE(s.message().find("input 1 (tensor 1 'b'): division by zero at "
                             "element 1"),
            std::string::npos)
      << s.message();
  RunBytes<int32_t>(m,
                    {Bytes(std::vector<int32_t>{5, INT32_MIN, 3}),
                     Bytes(std::vector<int32_t>{1, -1, 3})},
                    QuantArithmetic::kTflite, nullptr, &s);
  EXPECT_EQ(s.code(), StatusCode::kRuntimeError);
  EXPECT_NE(s.message().find("INT32_MIN / -1 overflows at output element 1"),
            std::string::npos)
      << s.message();
  // INT32_MIN and -1 in different positions are fine.
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {INT32_MIN, 4, 3}, {2, -1, 3})),
            (std::vector<int32_t>{INT32_MIN / 2, -4, 1}));
}

// Hand derivation for a = 1, b = 2 (scales 1, zero points 0, out scale 1):
// multiplier 1.0 -> (2^30, 1). GetReciprocal(2, 31): headroom+1 = 30,
// recip_shift 1, 1/(1 + 0) -> 2^31 - 1. headroom(1) = 30:
// q = SRDHM(2^30, 2^31 - 1) = 2^30; total shift = 1 - 1 - 30 = -30;
// SRDHM(2^30, 2^30) = 2^29, RDBPOT(2^29, 30) = 0.5 -> 1 (away from zero).
// For a = -1 the reciprocal being just below 1/2 leaves
// SRDHM(..) = -(2^30 - 1) and RDBPOT(-(2^30 - 1)/2^31 ≈ -0.49999) -> 0.
// The other values were measured (LiteRT.js and tfjs-tflite agree): exact
// halves go up, thirds round to nearest.
TEST(DivOp, Uint8TiesGoUp) {
  SingleOpModel m = DivModel(QSpec("a", DataType::kUInt8, {10}, 1.0f, 128),
                             QSpec("b", DataType::kUInt8, {10}, 1.0f, 0),
                             QSpec("y", DataType::kUInt8, {10}, 1.0f, 128));
  const std::vector<int> a = {1, 3, 5, -1, -3, -5, 7, 1, 2, -7};
  const std::vector<uint8_t> b = {2, 2, 2, 2, 2, 2, 2, 3, 3, 3};
  const std::vector<int> want = {1, 2, 3, 0, -1, -2, 4, 0, 1, -2};
  std::vector<uint8_t> qa, qwant;
  for (int v : a) qa.push_back(static_cast<uint8_t>(v + 128));
  for (int v : want) qwant.push_back(static_cast<uint8_t>(v + 128));
  EXPECT_EQ((Run2<uint8_t, uint8_t>(m, qa, b)), qwant);
  EXPECT_EQ((Run2<uint8_t, uint8_t>(m, qa, b, QuantArithmetic::kMicro)), qwant);
}

// A small output multiplier (1/8: shift -2) with a large headroom (x = 0 or
// 1) asks TFLite's RoundingDivideByPOT for a shift of 32 or more. TFLite
// shifts int32 by the count mod 32 and builds the rounding mask in int64, so
// 0 / y gives out_zp + 1 and 1 / 200 gives 255 (LiteRT.js 2.5.3 and
// tfjs-tflite agree): x = 0: mask = -1, remainder 0 > threshold -1 rounds up;
// x = 1, y = 200: exponent 39 (2 + 7 + 30), executed as a shift by 7.
TEST(DivOp, Uint8ShiftsBeyond31AsTflite) {
  SingleOpModel m = DivModel(QSpec("a", DataType::kUInt8, {4}, 1.0f, 10),
                             QSpec("b", DataType::kUInt8, {4}, 1.0f, 0),
                             QSpec("y", DataType::kUInt8, {4}, 8.0f, 0));
  const std::vector<uint8_t> a = {10, 26, 10, 11};
  const std::vector<uint8_t> b = {1, 1, 3, 200};
  const std::vector<uint8_t> want = {1, 2, 1, 255};
  EXPECT_EQ((Run2<uint8_t, uint8_t>(m, a, b)), want);
}

// int8 with unrelated scales: a (0.1, 3), b (0.07, -2), out (0.3, 5); the
// outputs as LiteRT.js 2.5.3 computed them (tfjs-tflite has no int8 DIV).
TEST(DivOp, Int8MeasuredOnLiteRt) {
  std::vector<int8_t> a, b;
  for (int i = 0; i < 40; ++i) {
    a.push_back(static_cast<int8_t>((i * 37) % 256 - 128));
    b.push_back(static_cast<int8_t>((i * 53 + 7) % 256 - 128));
  }
  const std::vector<int8_t> want = {
      10, 12, 26,  3, 6, 3, -3, 127, -4, 2, 6, 3, 59, 13, 0, 10, 11,  0, 7, 7,
      -1, 24, -13, 2, 5, 3, -9, 20,  -2, 8, 8, 8, 8,  8,  1, 15, 127, 1, 5, 3};
  SingleOpModel m = DivModel(QSpec("a", DataType::kInt8, {40}, 0.1f, 3),
                             QSpec("b", DataType::kInt8, {40}, 0.07f, -2),
                             QSpec("y", DataType::kInt8, {40}, 0.3f, 5));
  EXPECT_EQ((Run2<int8_t, int8_t>(m, a, b)), want);
}

TEST(DivOp, QuantizedZeroDivisorFailsInvoke) {
  // b == its zero point is a real zero; a raw 0 with zp 10 is not.
  SingleOpModel m = DivModel(QSpec("a", DataType::kUInt8, {2}, 0.5f, 100),
                             QSpec("b", DataType::kUInt8, {2}, 0.25f, 10),
                             QSpec("y", DataType::kUInt8, {2}, 0.5f, 128));
  // Measured (both peers): raw 0 -> (0 - 10)·0.25 = -2.5; 5 / -2.5 = -2 -> 124.
  EXPECT_EQ((Run2<uint8_t, uint8_t>(m, {110, 110}, {0, 14})),
            (std::vector<uint8_t>{124, 138}));
  Status s;
  RunBytes<uint8_t>(m,
                    {Bytes(std::vector<uint8_t>{110, 110}),
                     Bytes(std::vector<uint8_t>{14, 10})},
                    QuantArithmetic::kTflite, nullptr, &s);
  EXPECT_EQ(s.code(), StatusCode::kRuntimeError);
  EXPECT_NE(s.message().find("division by zero at element 1"),
            std::string::npos)
      << s.message();
}

TEST(DivOp, RejectsUnsupportedTypes) {
  ExpectPrepareError(DivModel(QSpec("a", DataType::kInt16, {2}, 0.5f, 0),
                              QSpec("b", DataType::kInt16, {2}, 0.5f, 0),
                              QSpec("y", DataType::kInt16, {2}, 0.5f, 0)),
                     StatusCode::kUnsupported, "DIV of int16 is not supported");
  ExpectPrepareError(DivModel(QSpec("a", DataType::kInt32, {2}, 0.5f, 0),
                              Var("b", DataType::kInt32, {2}),
                              Var("y", DataType::kInt32, {2})),
                     StatusCode::kUnsupported, "quantized int32 DIV");
}

TEST(DivOp, InvokeAllocatesNothing) {
  // (Inputs stay as the arena leaves them: float division never fails.)
  ExpectInvokeAllocatesNothing(DivModel(Var("a", DataType::kFloat32, {2, 2}),
                                        Var("b", DataType::kFloat32, {2}),
                                        Var("y", DataType::kFloat32, {2, 2})));
}

}  // namespace
}  // namespace edgelite
