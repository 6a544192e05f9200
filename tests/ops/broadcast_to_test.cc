// BROADCAST_TO: leading axes and size-1 axes repeated.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel BroadcastModel(TensorSpec in, std::vector<int32_t> shape) {
  const DataType type = in.type;
  return OpModel(
      tfl::BuiltinOperator::BROADCAST_TO, 2,
      {std::move(in), Const("shape", DataType::kInt32,
                            {static_cast<int32_t>(shape.size())}, shape)},
      {Var("y", type, shape)});
}

TEST(BroadcastToOp, LeadingAxis) {
  OpResult r = RunOp(BroadcastModel(Var("x", DataType::kFloat32, {3}), {2, 3}),
                     {Bytes(Iota(3))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{0, 1, 2, 0, 1, 2}));
}

TEST(BroadcastToOp, InnerSizeOneAxis) {
  OpResult r = RunOp(BroadcastModel(Var("x", DataType::kInt32, {2, 1}), {2, 3}),
                     {Bytes(std::vector<int32_t>{4, 5})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int32_t>(), (std::vector<int32_t>{4, 4, 4, 5, 5, 5}));
}

TEST(BroadcastToOp, Rank8AndInt64Shape) {
  // Trailing axes align: [2] → [1,1,1,1,1,1,3,2].
  std::vector<int64_t> shape = {1, 1, 1, 1, 1, 1, 3, 2};
  OpResult r =
      RunOp(OpModel(tfl::BuiltinOperator::BROADCAST_TO, 2,
                    {Var("x", DataType::kInt8, {2}),
                     Const("shape", DataType::kInt64, {8}, shape)},
                    {Var("y", DataType::kInt8, {1, 1, 1, 1, 1, 1, 3, 2})}),
            {Bytes(std::vector<int8_t>{-1, 1})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({1, 1, 1, 1, 1, 1, 3, 2}));
  EXPECT_EQ(r.Out<int8_t>(), (std::vector<int8_t>{-1, 1, -1, 1, -1, 1}));
}

TEST(BroadcastToOp, Rejections) {
  EXPECT_TRUE(Fails(
      RunOp(BroadcastModel(Var("x", DataType::kFloat32, {2}), {3})).status,
      StatusCode::kInvalidModel,
      "op 0 (BROADCAST_TO v2): input 1 (tensor 1 'shape'): cannot broadcast "
      "input shape [2] to [3]"));
  EXPECT_TRUE(Fails(
      RunOp(BroadcastModel(Var("x", DataType::kFloat32, {2, 2}), {2})).status,
      StatusCode::kInvalidModel, "cannot broadcast input shape [2, 2] to [2]"));
}

}  // namespace
}  // namespace edgelite
