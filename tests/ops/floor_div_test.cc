// FLOOR_DIV: floor of the double quotient for float32 and the integer types,
// saturating/wrapping conversions, and the "Division by 0" error (also for
// float32, as TFLite).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel FloorDiv(DataType t, std::vector<int32_t> a,
                       std::vector<int32_t> b, std::vector<int32_t> out) {
  return OpModel(tfl::BuiltinOperator::FLOOR_DIV, 1,
                 {Var("a", t, a), Var("b", t, b)}, {Var("y", t, out)});
}

TEST(FloorDivOp, Int32) {
  // Measured on LiteRT.js: INT32_MIN // -1 saturates to INT32_MAX.
  SingleOpModel m = FloorDiv(DataType::kInt32, {6}, {6}, {6});
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {7, -7, 7, -7, INT32_MIN, 5},
                                    {2, 2, -2, -2, -1, 5})),
            (std::vector<int32_t>{3, -4, -4, 3, INT32_MAX, 1}));
}

TEST(FloorDivOp, Int8AndInt16Broadcast) {
  SingleOpModel m8 = FloorDiv(DataType::kInt8, {2, 2}, {2}, {2, 2});
  // -128 // -1 = 128 wraps to -128.
  EXPECT_EQ((Run2<int8_t, int8_t>(m8, {-128, 127, -5, 5}, {-1, 3})),
            (std::vector<int8_t>{-128, 42, 5, 1}));
  SingleOpModel m16 = FloorDiv(DataType::kInt16, {3}, {}, {3});
  EXPECT_EQ((Run2<int16_t, int16_t>(m16, {-32768, 1000, -1000}, {7})),
            (std::vector<int16_t>{-4682, 142, -143}));
}

TEST(FloorDivOp, Float) {
  SingleOpModel m = FloorDiv(DataType::kFloat32, {4}, {4}, {4});
  EXPECT_EQ((Run2<float, float>(m, {7.5f, -7.5f, 1, -0.5f}, {2, 2, 3, 4})),
            (std::vector<float>{3, -4, 0, -1}));
}

TEST(FloorDivOp, ZeroDivisorFailsInvokeForEveryType) {
  for (DataType t : {DataType::kInt32, DataType::kFloat32}) {
    SingleOpModel m = FloorDiv(t, {2}, {2}, {2});
    Status s;
    std::vector<uint8_t> zeros(8, 0);
    std::vector<uint8_t> b = t == DataType::kInt32
                                 ? Bytes(std::vector<int32_t>{1, 0})
                                 : Bytes(std::vector<float>{1, -0.0f});
    RunBytes<uint8_t>(m, {zeros, b}, QuantArithmetic::kTflite, nullptr, &s);
    EXPECT_EQ(s.code(), StatusCode::kRuntimeError);
    EXPECT_NE(s.message().find("division by zero at element 1"),
              std::string::npos)
        << s.message();
  }
}

TEST(FloorDivOp, RejectsInt64) {
  ExpectPrepareError(FloorDiv(DataType::kInt64, {2}, {2}, {2}),
                     StatusCode::kUnsupported,
                     "FLOOR_DIV of int64 is not supported");
}

TEST(FloorDivOp, InvokeAllocatesNothing) {
  // Inputs left as the arena has them (zeros would fail): float32 with a
  // constant divisor.
  ExpectInvokeAllocatesNothing(OpModel(
      tfl::BuiltinOperator::FLOOR_DIV, 2,
      {Var("a", DataType::kFloat32, {2, 3}),
       Const(Var("b", DataType::kFloat32, {3}), std::vector<float>{1, 2, 3})},
      {Var("y", DataType::kFloat32, {2, 3})}));
}

}  // namespace
}  // namespace edgelite
