// POW: powf for float32; int32 through double with saturation, and the
// negative-exponent error (goldens measured on LiteRT.js 2.5.3).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel Pow(DataType t, std::vector<int32_t> a, std::vector<int32_t> b,
                  std::vector<int32_t> out) {
  return OpModel(tfl::BuiltinOperator::POW, 1, {Var("a", t, a), Var("b", t, b)},
                 {Var("y", t, out)});
}

TEST(PowOp, Float) {
  const std::vector<float> y =
      Run2<float, float>(Pow(DataType::kFloat32, {5}, {5}, {5}),
                         {-2, 0, 1.5f, -8, 4}, {0.5f, -1, 2.2f, 3, 0.5f});
  ASSERT_EQ(y.size(), 5u);
  EXPECT_TRUE(std::isnan(y[0]));
  EXPECT_EQ(y[1], INFINITY);
  EXPECT_EQ(y[2], std::pow(1.5f, 2.2f));
  EXPECT_EQ(y[3], -512.0f);
  EXPECT_EQ(y[4], 2.0f);
}

TEST(PowOp, Int32SaturatesOutOfRange) {
  // Measured on LiteRT.js: 2^31 and 3^30 give INT32_MAX.
  SingleOpModel m = Pow(DataType::kInt32, {7}, {7}, {7});
  EXPECT_EQ(
      (Run2<int32_t, int32_t>(m, {2, -3, 0, 7, 2, 3, -2},
                              {10, 3, 0, 1, 31, 30, 31})),
      (std::vector<int32_t>{1024, -27, 1, 7, INT32_MAX, INT32_MAX, INT32_MIN}));
}

TEST(PowOp, Int32BroadcastExponent) {
  SingleOpModel m = Pow(DataType::kInt32, {2, 2}, {2}, {2, 2});
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {2, 3, -4, 5}, {2, 3})),
            (std::vector<int32_t>{4, 27, 16, 125}));
}

// A broadcast against a one-element integral exponent >= 1 takes TFLite's
// IntegerPow (recursive squaring, wrapping int32); measured on both peers.
TEST(PowOp, ScalarExponentBroadcastSquares) {
  SingleOpModel m = Pow(DataType::kInt32, {4}, {1}, {4});
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {38, -29, 2, 5}, {8})),
            (std::vector<int32_t>{1285234944, 2030206625, 256, 390625}));
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {2, 0, -3, 5}, {31})),
            (std::vector<int32_t>{INT32_MIN, 0, -1264544299, -2128439731}));
  // Exponent 0 is std::pow again: 0^0 = 1.
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {38, 0, -3, 5}, {0})),
            (std::vector<int32_t>{1, 1, 1, 1}));
  // Same shapes (no broadcast) keep std::pow and saturate.
  SingleOpModel same = Pow(DataType::kInt32, {1}, {1}, {1});
  EXPECT_EQ((Run2<int32_t, int32_t>(same, {2}, {31})),
            (std::vector<int32_t>{INT32_MAX}));
  // float: 3.000001 is within 1e-5 of 3, so (-3)^e = -27, and 1.3^e is
  // (1.3·1.3)·1.3 in float32.
  SingleOpModel f = Pow(DataType::kFloat32, {4}, {}, {4});
  const float b = 1.3f;
  EXPECT_EQ((Run2<float, float>(f, {b, 2, -3, 5}, {3.000001f})),
            (std::vector<float>{(b * b) * b, 8, -27, 125}));
}

TEST(PowOp, Int32NegativeExponentFailsInvoke) {
  Status s;
  RunBytes<int32_t>(
      Pow(DataType::kInt32, {2}, {2}, {2}),
      {Bytes(std::vector<int32_t>{2, 2}), Bytes(std::vector<int32_t>{1, -1})},
      QuantArithmetic::kTflite, nullptr, &s);
  EXPECT_EQ(s.code(), StatusCode::kRuntimeError);
  EXPECT_NE(s.message().find("negative int32 exponent -1 at element 1"),
            std::string::npos)
      << s.message();
}

TEST(PowOp, RejectsInt64) {
  ExpectPrepareError(Pow(DataType::kInt64, {2}, {2}, {2}),
                     StatusCode::kUnsupported,
                     "POW of int64 is not supported (float32, int32 are)");
}

TEST(PowOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(Pow(DataType::kFloat32, {2, 3}, {3}, {2, 3}));
}

}  // namespace
}  // namespace edgelite
