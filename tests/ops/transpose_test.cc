// TRANSPOSE: permutations up to rank 6 (beyond TFLite's 5-D helpers too).
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel TransposeModel(TensorSpec in, TensorSpec perm,
                             std::vector<int32_t> out_shape) {
  const DataType type = in.type;
  return OpModel(tfl::BuiltinOperator::TRANSPOSE, 1,
                 {std::move(in), std::move(perm)},
                 {Var("y", type, std::move(out_shape))});
}

TensorSpec Perm(std::vector<int32_t> p) {
  return Const("perm", DataType::kInt32, {static_cast<int32_t>(p.size())}, p);
}

TEST(TransposeOp, Matrix) {
  OpResult r = RunOp(TransposeModel(Var("x", DataType::kFloat32, {2, 3}),
                                    Perm({1, 0}), {3, 2}),
                     {Bytes(Iota(6))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({3, 2}));
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{0, 3, 1, 4, 2, 5}));
}

TEST(TransposeOp, NhwcToNchwInt16Int64Perm) {
  // x[1,2,2,3]: x[0][h][w][c] = 6h + 3w + c; y[0][c][h][w].
  std::vector<int16_t> x(12);
  for (int i = 0; i < 12; ++i) x[i] = static_cast<int16_t>(i);
  OpResult r = RunOp(TransposeModel(Var("x", DataType::kInt16, {1, 2, 2, 3}),
                                    Const("perm", DataType::kInt64, {4},
                                          std::vector<int64_t>{0, 3, 1, 2}),
                                    {1, 3, 2, 2}),
                     {Bytes(x)});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int16_t>(),
            (std::vector<int16_t>{0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11}));
}

TEST(TransposeOp, Rank6ReversedAxes) {
  // x[2,1,1,1,1,3] = 0..5 → y[3,1,1,1,1,2], y[c][...][a] = 3a + c.
  OpResult r =
      RunOp(TransposeModel(Var("x", DataType::kFloat32, {2, 1, 1, 1, 1, 3}),
                           Perm({5, 4, 3, 2, 1, 0}), {3, 1, 1, 1, 1, 2}),
            {Bytes(Iota(6))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{0, 3, 1, 4, 2, 5}));
}

TEST(TransposeOp, IdentityAndEmpty) {
  OpResult id =
      RunOp(TransposeModel(Var("x", DataType::kBool, {3}), Perm({0}), {3}),
            {std::vector<uint8_t>{1, 0, 1}});
  ASSERT_TRUE(id.status.ok()) << id.status.message();
  EXPECT_EQ(id.Out<uint8_t>(), (std::vector<uint8_t>{1, 0, 1}));
  OpResult empty = RunOp(TransposeModel(Var("x", DataType::kFloat32, {0, 2}),
                                        Perm({1, 0}), {2, 0}),
                         {{}});
  ASSERT_TRUE(empty.status.ok()) << empty.status.message();
  EXPECT_EQ(empty.shapes[0], Shape({2, 0}));
}

TEST(TransposeOp, Rejections) {
  EXPECT_TRUE(Fails(RunOp(TransposeModel(Var("x", DataType::kFloat32, {2, 3}),
                                         Perm({1, 1}), {3, 2}))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (TRANSPOSE v1): input 1 (tensor 1 'perm'): [1, 1] is "
                    "not a permutation of the 2 axes of input shape [2, 3]"));
  EXPECT_TRUE(Fails(RunOp(TransposeModel(Var("x", DataType::kFloat32, {2, 3}),
                                         Perm({-1, 0}), {3, 2}))
                        .status,
                    StatusCode::kInvalidModel, "[-1, 0] is not a permutation"));
  EXPECT_TRUE(Fails(RunOp(TransposeModel(Var("x", DataType::kFloat32, {2, 3}),
                                         Perm({0}), {3, 2}))
                        .status,
                    StatusCode::kInvalidModel, "[0] is not a permutation"));
  EXPECT_TRUE(Fails(
      RunOp(TransposeModel(Var("x", DataType::kFloat32, {2, 3}),
                           Var("perm", DataType::kInt32, {2}), {3, 2}))
          .status,
      StatusCode::kUnsupported, "a non-constant perm tensor is not supported"));
}

}  // namespace
}  // namespace edgelite
