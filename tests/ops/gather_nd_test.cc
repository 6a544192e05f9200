// GATHER_ND: element and slice gathers, coordinates checked per axis.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel GatherNdModel(TensorSpec params, TensorSpec indices,
                            std::vector<int32_t> out_shape) {
  const DataType type = params.type;
  return OpModel(tfl::BuiltinOperator::GATHER_ND, 1,
                 {std::move(params), std::move(indices)},
                 {Var("y", type, std::move(out_shape))});
}

TEST(GatherNdOp, ElementsAndRows) {
  // p[2,3] = 0..5.
  OpResult e = RunOp(GatherNdModel(Var("p", DataType::kFloat32, {2, 3}),
                                   Const("idx", DataType::kInt32, {2, 2},
                                         std::vector<int32_t>{1, 2, 0, 1}),
                                   {2}),
                     {Bytes(Iota(6))});
  ASSERT_TRUE(e.status.ok()) << e.status.message();
  EXPECT_EQ(e.Out<float>(), (std::vector<float>{5, 1}));
  OpResult r = RunOp(GatherNdModel(Var("p", DataType::kFloat32, {2, 3}),
                                   Const("idx", DataType::kInt64, {1, 1},
                                         std::vector<int64_t>{1}),
                                   {1, 3}),
                     {Bytes(Iota(6))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({1, 3}));
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{3, 4, 5}));
}

TEST(GatherNdOp, CoordinatesCheckedPerAxis) {
  SingleOpModel m = GatherNdModel(Var("p", DataType::kInt16, {2, 3}),
                                  Var("idx", DataType::kInt32, {1, 2}), {1});
  std::vector<int16_t> p = {0, 1, 2, 3, 4, 5};
  // [0, 4] flattens to 4, inside params, but 4 is outside axis 1.
  EXPECT_TRUE(Fails(
      RunOp(m, {Bytes(p), Bytes(std::vector<int32_t>{0, 4})}).status,
      StatusCode::kInvalidArgument,
      "op 0 (GATHER_ND v1): input 1 (tensor 1 'idx'): index 4 at position 1 "
      "is out of range [0, 3) for params axis 1"));
  OpResult ok = RunOp(m, {Bytes(p), Bytes(std::vector<int32_t>{1, 0})});
  ASSERT_TRUE(ok.status.ok()) << ok.status.message();
  EXPECT_EQ(ok.Out<int16_t>(), (std::vector<int16_t>{3}));
}

TEST(GatherNdOp, Rejections) {
  EXPECT_TRUE(Fails(RunOp(GatherNdModel(Var("p", DataType::kFloat32, {2}),
                                        Const("idx", DataType::kInt32, {1, 2},
                                              std::vector<int32_t>{0, 0}),
                                        {1}))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (GATHER_ND v1): indices shape [1, 2] does not index "
                    "params shape [2]"));
}

}  // namespace
}  // namespace edgelite
