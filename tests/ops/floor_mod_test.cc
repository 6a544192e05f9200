// FLOOR_MOD: the remainder with the divisor's sign for every integer type and
// float32; INT_MIN % -1; integer division by zero fails, float gives NaN.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel FloorMod(DataType t, std::vector<int32_t> a,
                       std::vector<int32_t> b, std::vector<int32_t> out) {
  return OpModel(tfl::BuiltinOperator::FLOOR_MOD, 1,
                 {Var("a", t, a), Var("b", t, b)}, {Var("y", t, out)});
}

TEST(FloorModOp, Int32MeasuredOnBothPeers) {
  SingleOpModel m = FloorMod(DataType::kInt32, {6}, {6}, {6});
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {7, -7, 7, -7, INT32_MIN, 5},
                                    {2, 2, -2, -2, -1, 5})),
            (std::vector<int32_t>{1, 1, -1, -1, 0, 0}));
}

TEST(FloorModOp, SmallAndWideIntegers) {
  SingleOpModel m8 = FloorMod(DataType::kInt8, {3}, {1}, {3});
  EXPECT_EQ((Run2<int8_t, int8_t>(m8, {-128, 127, -1}, {-3})),
            (std::vector<int8_t>{-2, -2, -1}));
  SingleOpModel m64 = FloorMod(DataType::kInt64, {2}, {2}, {2});
  EXPECT_EQ((Run2<int64_t, int64_t>(m64, {-(int64_t{1} << 40) - 1, INT64_MIN},
                                    {1000, -1})),
            (std::vector<int64_t>{
                (1000 - ((int64_t{1} << 40) + 1) % 1000) % 1000, 0}));
}

TEST(FloorModOp, FloatAndZeroDivisor) {
  // Measured on LiteRT.js: 7.5 mod -2 = -0.5, -7.5 mod -2 = -1.5, 1 mod 0 =
  // NaN.
  SingleOpModel m = FloorMod(DataType::kFloat32, {4}, {4}, {4});
  const std::vector<float> y =
      Run2<float, float>(m, {7.5f, -7.5f, 1, 5}, {-2, -2, 0, 3});
  ASSERT_EQ(y.size(), 4u);
  EXPECT_EQ(y[0], -0.5f);
  EXPECT_EQ(y[1], -1.5f);
  EXPECT_TRUE(std::isnan(y[2]));
  EXPECT_EQ(y[3], 2.0f);
}

TEST(FloorModOp, IntegerZeroDivisorFailsInvoke) {
  Status s;
  RunBytes<int16_t>(
      FloorMod(DataType::kInt16, {2}, {2}, {2}),
      {Bytes(std::vector<int16_t>{1, 2}), Bytes(std::vector<int16_t>{0, 3})},
      QuantArithmetic::kTflite, nullptr, &s);
  EXPECT_EQ(s.code(), StatusCode::kRuntimeError);
  EXPECT_NE(s.message().find("division by zero at element 0"),
            std::string::npos)
      << s.message();
}

TEST(FloorModOp, RejectsUInt8) {
  ExpectPrepareError(FloorMod(DataType::kUInt8, {2}, {2}, {2}),
                     StatusCode::kUnsupported,
                     "FLOOR_MOD of uint8 is not supported");
}

TEST(FloorModOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      FloorMod(DataType::kFloat32, {2, 3}, {3}, {2, 3}));
}

}  // namespace
}  // namespace edgelite
