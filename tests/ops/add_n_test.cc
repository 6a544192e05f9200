// ADD_N: sums in input order, float32 and wrapping int32, no broadcasting.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel AddN(DataType t, int n, std::vector<int32_t> shape) {
  std::vector<TensorSpec> ins;
  for (int i = 0; i < n; ++i)
    ins.push_back(Var("x" + std::to_string(i), t, shape));
  return OpModel(tfl::BuiltinOperator::ADD_N, 1, ins, {Var("y", t, shape)});
}

TEST(AddNOp, FloatInInputOrder) {
  // 1e8 + 1 - 1e8 in order is 0 in float32 (the 1 is lost), and -0 + -0
  // starts from +0.
  SingleOpModel m = AddN(DataType::kFloat32, 3, {2});
  const std::vector<float> y =
      RunBytes<float>(m, {Bytes(std::vector<float>{1e8f, -0.0f}),
                          Bytes(std::vector<float>{1, -0.0f}),
                          Bytes(std::vector<float>{-1e8f, -0.0f})});
  ASSERT_EQ(y.size(), 2u);
  EXPECT_EQ(y[0], 0.0f);
  EXPECT_FALSE(std::signbit(y[1]));
}

TEST(AddNOp, Int32Wraps) {
  SingleOpModel m = AddN(DataType::kInt32, 2, {2, 1});
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {INT32_MAX, 5}, {1, -7})),
            (std::vector<int32_t>{INT32_MIN, -2}));
}

TEST(AddNOp, Errors) {
  ExpectPrepareError(OpModel(tfl::BuiltinOperator::ADD_N, 1,
                             {Var("x0", DataType::kFloat32, {2}),
                              Var("x1", DataType::kFloat32, {1})},
                             {Var("y", DataType::kFloat32, {2})}),
                     StatusCode::kInvalidModel,
                     "input 1 (tensor 1 'x1'): shape [1] differs from input 0 "
                     "shape [2] (ADD_N does not broadcast)");
  ExpectPrepareError(AddN(DataType::kFloat32, 1, {2}),
                     StatusCode::kInvalidModel,
                     "expects at least 2 inputs, has 1");
  ExpectPrepareError(AddN(DataType::kInt8, 2, {2}), StatusCode::kUnsupported,
                     "ADD_N of int8 is not supported");
}

TEST(AddNOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(AddN(DataType::kFloat32, 4, {3, 5}));
}

}  // namespace
}  // namespace edgelite
