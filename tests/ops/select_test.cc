// SELECT (v1: same shapes, scalar condition, or one condition per row) and
// SELECT_V2 (NumPy broadcasting of all three inputs): bit copies for every
// element type.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel Select(bool v2, TensorSpec c, TensorSpec x, TensorSpec y,
                     TensorSpec out) {
  return OpModel(
      v2 ? tfl::BuiltinOperator::SELECT_V2 : tfl::BuiltinOperator::SELECT, 1,
      {c, x, y}, {out});
}

template <typename T>
std::vector<T> Run3(const SingleOpModel& m, const std::vector<uint8_t>& c,
                    const std::vector<T>& x, const std::vector<T>& y,
                    Shape* shape = nullptr) {
  return RunBytes<T>(m, {c, Bytes(x), Bytes(y)}, QuantArithmetic::kTflite,
                     shape);
}

TEST(SelectOp, V1SameShapeFloat) {
  SingleOpModel m = Select(false, Var("c", DataType::kBool, {2, 2}),
                           Var("x", DataType::kFloat32, {2, 2}),
                           Var("y", DataType::kFloat32, {2, 2}),
                           Var("o", DataType::kFloat32, {2, 2}));
  EXPECT_EQ(Run3<float>(m, {1, 0, 0, 1}, {1, 2, 3, 4}, {-1, -2, -3, -4}),
            (std::vector<float>{1, -2, -3, 4}));
}

TEST(SelectOp, V1RankOneConditionPicksRows) {
  // cond [3] against [3, 2]: row i from x when cond[i] — not NumPy's
  // alignment with the last dimension (which would not even fit here).
  SingleOpModel m = Select(
      false, Var("c", DataType::kBool, {3}), Var("x", DataType::kInt32, {3, 2}),
      Var("y", DataType::kInt32, {3, 2}), Var("o", DataType::kInt32, {3, 2}));
  EXPECT_EQ(
      Run3<int32_t>(m, {0, 1, 0}, {1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}),
      (std::vector<int32_t>{7, 8, 3, 4, 11, 12}));
  // [3] against [3, 3]: still rows.
  SingleOpModel sq = Select(
      false, Var("c", DataType::kBool, {3}), Var("x", DataType::kInt8, {3, 3}),
      Var("y", DataType::kInt8, {3, 3}), Var("o", DataType::kInt8, {3, 3}));
  EXPECT_EQ(Run3<int8_t>(sq, {1, 0, 0}, {1, 1, 1, 1, 1, 1, 1, 1, 1},
                         {0, 0, 0, 0, 0, 0, 0, 0, 0}),
            (std::vector<int8_t>{1, 1, 1, 0, 0, 0, 0, 0, 0}));
}

TEST(SelectOp, V1ScalarCondition) {
  SingleOpModel m = Select(
      false, Var("c", DataType::kBool, {}), Var("x", DataType::kInt64, {2}),
      Var("y", DataType::kInt64, {2}), Var("o", DataType::kInt64, {2}));
  EXPECT_EQ(Run3<int64_t>(m, {0}, {1, 2}, {int64_t{1} << 40, -5}),
            (std::vector<int64_t>{int64_t{1} << 40, -5}));
}

TEST(SelectOp, V2BroadcastsAllThree) {
  // cond [2, 1], x [3], y [] -> [2, 3].
  SingleOpModel m = Select(
      true, Var("c", DataType::kBool, {2, 1}), Var("x", DataType::kInt16, {3}),
      Var("y", DataType::kInt16, {}), Var("o", DataType::kInt16, {2, 3}));
  Shape shape;
  EXPECT_EQ(Run3<int16_t>(m, {1, 0}, {10, 20, 30}, {-1}, &shape),
            (std::vector<int16_t>{10, 20, 30, -1, -1, -1}));
  EXPECT_EQ(shape, Shape({2, 3}));
  // bool values and a broadcast condition on the last axis.
  SingleOpModel mb = Select(
      true, Var("c", DataType::kBool, {2}), Var("x", DataType::kBool, {2, 2}),
      Var("y", DataType::kBool, {1}), Var("o", DataType::kBool, {2, 2}));
  EXPECT_EQ(RunBytes<uint8_t>(mb, {B({1, 0}), B({1, 1, 0, 1}), B({0})}),
            B({1, 0, 0, 0}));
}

TEST(SelectOp, QuantizedValuesAreCopiedRaw) {
  SingleOpModel m = Select(true, Var("c", DataType::kBool, {2}),
                           QSpec("x", DataType::kUInt8, {2}, 0.5f, 10),
                           QSpec("y", DataType::kUInt8, {2}, 2.0f, 3),
                           QSpec("o", DataType::kUInt8, {2}, 1.0f, 0));
  EXPECT_EQ(Run3<uint8_t>(m, {1, 0}, {200, 201}, {7, 9}),
            (std::vector<uint8_t>{200, 9}));
}

TEST(SelectOp, Errors) {
  ExpectPrepareError(
      Select(false, Var("c", DataType::kBool, {2}),
             Var("x", DataType::kFloat32, {3, 2}),
             Var("y", DataType::kFloat32, {3, 2}),
             Var("o", DataType::kFloat32, {3, 2})),
      StatusCode::kInvalidModel,
      "condition shape [2] must equal the input shape [3, 2], be "
      "a scalar, or be rank 1 of size 3");
  ExpectPrepareError(Select(false, Var("c", DataType::kBool, {2}),
                            Var("x", DataType::kFloat32, {2}),
                            Var("y", DataType::kFloat32, {1}),
                            Var("o", DataType::kFloat32, {2})),
                     StatusCode::kInvalidModel, "SELECT does not broadcast");
  ExpectPrepareError(Select(true, Var("c", DataType::kInt32, {2}),
                            Var("x", DataType::kFloat32, {2}),
                            Var("y", DataType::kFloat32, {2}),
                            Var("o", DataType::kFloat32, {2})),
                     StatusCode::kInvalidModel,
                     "condition type int32 is not bool");
  ExpectPrepareError(
      Select(true, Var("c", DataType::kBool, {2}),
             Var("x", DataType::kFloat32, {2}), Var("y", DataType::kInt32, {2}),
             Var("o", DataType::kFloat32, {2})),
      StatusCode::kInvalidModel,
      "input 2 (tensor 2 'y'): type int32 differs from input 1");
  ExpectPrepareError(Select(true, Var("c", DataType::kBool, {2}),
                            Var("x", DataType::kFloat32, {3}),
                            Var("y", DataType::kFloat32, {1}),
                            Var("o", DataType::kFloat32, {3})),
                     StatusCode::kInvalidModel,
                     "cannot broadcast shapes [2], [3] and [1]");
}

TEST(SelectOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(Select(true, Var("c", DataType::kBool, {2, 1}),
                                      Var("x", DataType::kFloat32, {3}),
                                      Var("y", DataType::kFloat32, {2, 3}),
                                      Var("o", DataType::kFloat32, {2, 3})));
}

}  // namespace
}  // namespace edgelite
