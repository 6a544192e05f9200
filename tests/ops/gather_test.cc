// GATHER: axes, batch_dims, index types, and out-of-range indices failing
// Invoke with the index named.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel GatherModel(TensorSpec params, TensorSpec indices,
                          std::vector<int32_t> out_shape, int32_t axis,
                          int32_t batch_dims = 0) {
  const DataType type = params.type;
  return OpModel(
      tfl::BuiltinOperator::GATHER, 1, {std::move(params), std::move(indices)},
      {Var("y", type, std::move(out_shape))},
      tfl::BuiltinOptions::GatherOptions,
      [axis, batch_dims](flatbuffers::FlatBufferBuilder& fbb) {
        return tfl::CreateGatherOptions(fbb, axis, batch_dims).Union();
      });
}

TensorSpec Idx(std::vector<int32_t> shape, std::vector<int32_t> v) {
  return Const("idx", DataType::kInt32, std::move(shape), v);
}

TEST(GatherOp, RowsAndColumns) {
  // p[3,2] = 0..5.
  OpResult rows = RunOp(GatherModel(Var("p", DataType::kFloat32, {3, 2}),
                                    Idx({2}, {2, 0}), {2, 2}, 0),
                        {Bytes(Iota(6))});
  ASSERT_TRUE(rows.status.ok()) << rows.status.message();
  EXPECT_EQ(rows.Out<float>(), (std::vector<float>{4, 5, 0, 1}));
  // axis -1 with 2-D indices: y[i][a][b] = p[i][idx[a][b]].
  OpResult cols = RunOp(GatherModel(Var("p", DataType::kFloat32, {3, 2}),
                                    Idx({2, 2}, {1, 1, 0, 1}), {3, 2, 2}, -1),
                        {Bytes(Iota(6))});
  ASSERT_TRUE(cols.status.ok()) << cols.status.message();
  EXPECT_EQ(cols.shapes[0], Shape({3, 2, 2}));
  EXPECT_EQ(cols.Out<float>(),
            (std::vector<float>{1, 1, 0, 1, 3, 3, 2, 3, 5, 5, 4, 5}));
}

TEST(GatherOp, ScalarIndexDropsTheAxis) {
  OpResult r = RunOp(
      GatherModel(Var("p", DataType::kInt8, {2, 3}), Idx({}, {1}), {3}, 0),
      {Bytes(std::vector<int8_t>{1, 2, 3, 4, 5, 6})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({3}));
  EXPECT_EQ(r.Out<int8_t>(), (std::vector<int8_t>{4, 5, 6}));
}

TEST(GatherOp, BatchDims) {
  // p[2,3]: batch b picks p[b][idx[b][k]]; idx = [[2,0],[1,1]].
  OpResult r = RunOp(GatherModel(Var("p", DataType::kFloat32, {2, 3}),
                                 Idx({2, 2}, {2, 0, 1, 1}), {2, 2}, 1, 1),
                     {Bytes(Iota(6))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{2, 0, 4, 4}));
  // batch_dims -1 is 1 for 2-D indices.
  OpResult n = RunOp(GatherModel(Var("p", DataType::kFloat32, {2, 3}),
                                 Idx({2, 2}, {2, 0, 1, 1}), {2, 2}, 1, -1),
                     {Bytes(Iota(6))});
  ASSERT_TRUE(n.status.ok()) << n.status.message();
  EXPECT_EQ(n.Out<float>(), (std::vector<float>{2, 0, 4, 4}));
}

TEST(GatherOp, Int64AndInt16RunTimeIndices) {
  SingleOpModel m64 = GatherModel(Var("p", DataType::kInt64, {4}),
                                  Var("idx", DataType::kInt64, {3}), {3}, 0);
  std::vector<int64_t> p = {10, 11, 12, 13};
  OpResult r = RunOp(m64, {Bytes(p), Bytes(std::vector<int64_t>{3, 3, 0})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int64_t>(), (std::vector<int64_t>{13, 13, 10}));
  SingleOpModel m16 = GatherModel(Var("p", DataType::kInt64, {4}),
                                  Var("idx", DataType::kInt16, {1}), {1}, 0);
  OpResult r16 = RunOp(m16, {Bytes(p), Bytes(std::vector<int16_t>{2})});
  ASSERT_TRUE(r16.status.ok()) << r16.status.message();
  EXPECT_EQ(r16.Out<int64_t>(), (std::vector<int64_t>{12}));
}

TEST(GatherOp, OutOfRangeIndicesFailInvoke) {
  SingleOpModel m = GatherModel(Var("p", DataType::kFloat32, {3, 2}),
                                Var("idx", DataType::kInt32, {2}), {2, 2}, 0);
  EXPECT_TRUE(Fails(
      RunOp(m, {Bytes(Iota(6)), Bytes(std::vector<int32_t>{0, 3})}).status,
      StatusCode::kInvalidArgument,
      "op 0 (GATHER v1): input 1 (tensor 1 'idx'): index 3 at position 1 is "
      "out of range [0, 3)"));
  // TFLite refuses negative indices too.
  EXPECT_TRUE(Fails(
      RunOp(m, {Bytes(Iota(6)), Bytes(std::vector<int32_t>{-1, 0})}).status,
      StatusCode::kInvalidArgument, "index -1 at position 0 is out of range"));
}

TEST(GatherOp, Rejections) {
  EXPECT_TRUE(Fails(RunOp(GatherModel(Var("p", DataType::kFloat32, {3, 2}),
                                      Idx({1}, {0}), {1, 2}, 2))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (GATHER v1): axis 2 is out of range for params shape "
                    "[3, 2]"));
  EXPECT_TRUE(
      Fails(RunOp(GatherModel(Var("p", DataType::kFloat32, {3, 2}),
                              Idx({2, 1}, {0, 0}), {3, 1}, 1, 1))
                .status,
            StatusCode::kInvalidModel,
            "op 0 (GATHER v1): batch_dims 1 does not fit axis 1, params "
            "shape [3, 2] and indices shape [2, 1]"));
  EXPECT_TRUE(Fails(RunOp(GatherModel(Var("p", DataType::kFloat32, {3}),
                                      Const("idx", DataType::kFloat32, {1},
                                            std::vector<float>{0}),
                                      {1}, 0))
                        .status,
                    StatusCode::kInvalidModel,
                    "input 1 (tensor 1 'idx'): must be int16, int32 or int64, "
                    "got float32"));
}

}  // namespace
}  // namespace edgelite
