// SPLIT (axis is input 0) and SPLIT_V (sizes with one -1).
#include <gtest/gtest.h>

#include <climits>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel SplitModel(TensorSpec axis, TensorSpec in,
                         std::vector<TensorSpec> outs, int32_t num = -1) {
  const int32_t n = num >= 0 ? num : static_cast<int32_t>(outs.size());
  return OpModel(tfl::BuiltinOperator::SPLIT, 1,
                 {std::move(axis), std::move(in)}, std::move(outs),
                 tfl::BuiltinOptions::SplitOptions,
                 [n](flatbuffers::FlatBufferBuilder& fbb) {
                   return tfl::CreateSplitOptions(fbb, n).Union();
                 });
}

TensorSpec Axis(int32_t a) {
  return Const("axis", DataType::kInt32, {}, std::vector<int32_t>{a});
}

TEST(SplitOp, ThreeWaysAlongColumns) {
  // x[2,6] = 0..11; pieces of two columns.
  OpResult r = RunOp(SplitModel(Axis(1), Var("x", DataType::kFloat32, {2, 6}),
                                {Var("a", DataType::kFloat32, {2, 2}),
                                 Var("b", DataType::kFloat32, {2, 2}),
                                 Var("c", DataType::kFloat32, {2, 2})}),
                     {Bytes(Iota(12))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[2], Shape({2, 2}));
  EXPECT_EQ(r.Out<float>(0), (std::vector<float>{0, 1, 6, 7}));
  EXPECT_EQ(r.Out<float>(1), (std::vector<float>{2, 3, 8, 9}));
  EXPECT_EQ(r.Out<float>(2), (std::vector<float>{4, 5, 10, 11}));
}

TEST(SplitOp, NegativeInt64AxisAndRows) {
  OpResult r = RunOp(
      SplitModel(Const("axis", DataType::kInt64, {1}, std::vector<int64_t>{-2}),
                 Var("x", DataType::kInt8, {2, 3}),
                 {Var("a", DataType::kInt8, {1, 3}),
                  Var("b", DataType::kInt8, {1, 3})}),
      {Bytes(std::vector<int8_t>{1, 2, 3, 4, 5, 6})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int8_t>(1), (std::vector<int8_t>{4, 5, 6}));
}

TEST(SplitOp, Rejections) {
  EXPECT_TRUE(
      Fails(RunOp(SplitModel(Axis(1), Var("x", DataType::kFloat32, {2, 5}),
                             {Var("a", DataType::kFloat32, {2, 2}),
                              Var("b", DataType::kFloat32, {2, 2})}))
                .status,
            StatusCode::kInvalidModel,
            "op 0 (SPLIT v1): dimension 1 of input shape [2, 5] (size "
            "5) does not split evenly into 2"));
  EXPECT_TRUE(
      Fails(RunOp(SplitModel(Axis(2), Var("x", DataType::kFloat32, {2, 4}),
                             {Var("a", DataType::kFloat32, {2, 2}),
                              Var("b", DataType::kFloat32, {2, 2})}))
                .status,
            StatusCode::kInvalidModel,
            "op 0 (SPLIT v1): input 0 (tensor 0 'axis'): axis [2] is "
            "not one axis of input shape [2, 4]"));
  EXPECT_TRUE(Fails(RunOp(SplitModel(Var("axis", DataType::kInt32, {}),
                                     Var("x", DataType::kFloat32, {2, 4}),
                                     {Var("a", DataType::kFloat32, {2, 2}),
                                      Var("b", DataType::kFloat32, {2, 2})}))
                        .status,
                    StatusCode::kUnsupported,
                    "a non-constant axis tensor is not supported"));
  EXPECT_TRUE(Fails(RunOp(SplitModel(Axis(0), Var("x", DataType::kFloat32, {2}),
                                     {Var("a", DataType::kFloat32, {1}),
                                      Var("b", DataType::kFloat32, {1})},
                                     3))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (SPLIT v1): num_splits 3 must be positive and equal "
                    "the 2 outputs"));
}

SingleOpModel SplitVModel(TensorSpec sizes, int32_t axis,
                          std::vector<TensorSpec> outs) {
  const int32_t n = static_cast<int32_t>(outs.size());
  return OpModel(
      tfl::BuiltinOperator::SPLIT_V, 1,
      {Var("x", DataType::kInt32, {6, 2}), std::move(sizes), Axis(axis)},
      std::move(outs), tfl::BuiltinOptions::SplitVOptions,
      [n](flatbuffers::FlatBufferBuilder& fbb) {
        return tfl::CreateSplitVOptions(fbb, n).Union();
      });
}

TEST(SplitVOp, SizesWithRest) {
  // x[6,2] rows r_i = (2i, 2i+1); sizes 1, -1 (= 3), 2.
  std::vector<int32_t> x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  OpResult r = RunOp(SplitVModel(Const("sizes", DataType::kInt32, {3},
                                       std::vector<int32_t>{1, -1, 2}),
                                 0,
                                 {Var("a", DataType::kInt32, {1, 2}),
                                  Var("b", DataType::kInt32, {3, 2}),
                                  Var("c", DataType::kInt32, {2, 2})}),
                     {Bytes(x)});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[1], Shape({3, 2}));
  EXPECT_EQ(r.Out<int32_t>(0), (std::vector<int32_t>{0, 1}));
  EXPECT_EQ(r.Out<int32_t>(1), (std::vector<int32_t>{2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(r.Out<int32_t>(2), (std::vector<int32_t>{8, 9, 10, 11}));
}

TEST(SplitVOp, Int64SizesAlongLastAxisWithEmptyPiece) {
  std::vector<int32_t> x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  OpResult r = RunOp(
      SplitVModel(
          Const("sizes", DataType::kInt64, {2}, std::vector<int64_t>{0, 2}), -1,
          {Var("a", DataType::kInt32, {6, 0}),
           Var("b", DataType::kInt32, {6, 2})}),
      {Bytes(x)});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({6, 0}));
  EXPECT_EQ(r.Out<int32_t>(1), x);
}

TEST(SplitVOp, Rejections) {
  EXPECT_TRUE(Fails(RunOp(SplitVModel(Const("sizes", DataType::kInt32, {2},
                                            std::vector<int32_t>{2, 3}),
                                      0,
                                      {Var("a", DataType::kInt32, {2, 2}),
                                       Var("b", DataType::kInt32, {3, 2})}))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (SPLIT_V v1): input 1 (tensor 1 'sizes'): sizes [2, "
                    "3] do not split dimension 0 of input shape [6, 2] (size "
                    "6)"));
  EXPECT_TRUE(Fails(RunOp(SplitVModel(Const("sizes", DataType::kInt32, {2},
                                            std::vector<int32_t>{-1, -1}),
                                      0,
                                      {Var("a", DataType::kInt32, {3, 2}),
                                       Var("b", DataType::kInt32, {3, 2})}))
                        .status,
                    StatusCode::kInvalidModel, "sizes [-1, -1] do not split"));
  // Sizes that would overflow a 64-bit sum.
  EXPECT_TRUE(
      Fails(RunOp(SplitVModel(Const("sizes", DataType::kInt64, {2},
                                    std::vector<int64_t>{INT64_MAX, INT64_MAX}),
                              0,
                              {Var("a", DataType::kInt32, {3, 2}),
                               Var("b", DataType::kInt32, {3, 2})}))
                .status,
            StatusCode::kInvalidModel, "do not split dimension 0"));
  EXPECT_TRUE(Fails(RunOp(SplitVModel(Const("sizes", DataType::kInt32, {1},
                                            std::vector<int32_t>{6}),
                                      0,
                                      {Var("a", DataType::kInt32, {3, 2}),
                                       Var("b", DataType::kInt32, {3, 2})}))
                        .status,
                    StatusCode::kInvalidModel, "has 1 sizes for 2 outputs"));
}

}  // namespace
}  // namespace edgelite
