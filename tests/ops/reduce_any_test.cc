// REDUCE_ANY and REDUCE_ALL over bool tensors: axis sets, keep_dims, empty
// inputs (false / true start values), non-bool rejected.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel BoolModel(bool any, std::vector<int32_t> shape,
                        std::vector<int32_t> axes, bool keep_dims = false) {
  return ReduceModel(
      any ? tfl::BuiltinOperator::REDUCE_ANY : tfl::BuiltinOperator::REDUCE_ALL,
      Var("x", DataType::kBool, shape), std::move(axes),
      Var("y", DataType::kBool, {}), keep_dims);
}

TEST(ReduceAnyOp, Rows) {
  // [[0,1,0],[0,0,0]]
  const std::vector<uint8_t> x = {0, 1, 0, 0, 0, 0};
  Shape shape;
  EXPECT_EQ(RunOp<uint8_t>(BoolModel(true, {2, 3}, {1}), x, &shape),
            (std::vector<uint8_t>{1, 0}));
  EXPECT_EQ(shape, Shape({2}));
  EXPECT_EQ(RunOp<uint8_t>(BoolModel(true, {2, 3}, {0}, true), x, &shape),
            (std::vector<uint8_t>{0, 1, 0}));
  EXPECT_EQ(shape, Shape({1, 3}));
}

TEST(ReduceAllOp, Rows) {
  // [[1,1,1],[1,0,1]]
  const std::vector<uint8_t> x = {1, 1, 1, 1, 0, 1};
  EXPECT_EQ(RunOp<uint8_t>(BoolModel(false, {2, 3}, {-1}), x),
            (std::vector<uint8_t>{1, 0}));
  EXPECT_EQ(RunOp<uint8_t>(BoolModel(false, {2, 3}, {0, 1}), x),
            (std::vector<uint8_t>{0}));
}

TEST(ReduceAnyAllOps, EmptyInput) {
  EXPECT_EQ(
      RunOp<uint8_t>(BoolModel(true, {0, 2}, {0}), std::vector<uint8_t>{}),
      (std::vector<uint8_t>{0, 0}));
  EXPECT_EQ(
      RunOp<uint8_t>(BoolModel(false, {0, 2}, {0}), std::vector<uint8_t>{}),
      (std::vector<uint8_t>{1, 1}));
}

TEST(ReduceAnyAllOps, Rejections) {
  EXPECT_PREPARE_ERROR(ReduceModel(tfl::BuiltinOperator::REDUCE_ANY,
                                   Var("x", DataType::kFloat32, {2}), {0},
                                   Var("y", DataType::kFloat32, {})),
                       StatusCode::kInvalidModel,
                       "REDUCE_ANY needs a bool input, got float32");
}

TEST(ReduceAnyAllOps, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(BoolModel(false, {2, 3}, {1}));
}

}  // namespace
}  // namespace edgelite
