// RESHAPE: where the target shape comes from (tensor, options, legacy [0]),
// -1 inference and the rejections.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

OptionsWriter NewShape(std::vector<int32_t> shape) {
  return [shape](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateReshapeOptions(fbb, fbb.CreateVector(shape)).Union();
  };
}

SingleOpModel ReshapeModel(std::vector<TensorSpec> inputs,
                           std::vector<int32_t> out_shape,
                           OptionsWriter options = nullptr) {
  return OpModel(
      tfl::BuiltinOperator::RESHAPE, 1, std::move(inputs),
      {Var("y", DataType::kFloat32, std::move(out_shape))},
      options ? tfl::BuiltinOptions::ReshapeOptions : tfl::BuiltinOptions::NONE,
      options);
}

TensorSpec X(std::vector<int32_t> shape = {2, 3}) {
  return Var("x", DataType::kFloat32, std::move(shape));
}

Shape RunShape(const SingleOpModel& m, int n = 6) {
  OpResult r = RunOp(m, {Bytes(Iota(n))});
  EXPECT_TRUE(r.status.ok()) << r.status.message();
  if (!r.status.ok()) return Shape();
  EXPECT_EQ(r.Out<float>(), Iota(n));
  return r.shapes[0];
}

TEST(ReshapeOp, FromOptions) {
  EXPECT_EQ(RunShape(ReshapeModel({X()}, {3, 2}, NewShape({3, 2}))),
            Shape({3, 2}));
  EXPECT_EQ(RunShape(ReshapeModel({X()}, {6}, NewShape({-1}))), Shape({6}));
}

TEST(ReshapeOp, FromInt32TensorWithInference) {
  EXPECT_EQ(RunShape(ReshapeModel({X(), Const("shape", DataType::kInt32, {3},
                                              std::vector<int32_t>{-1, 1, 2})},
                                  {3, 1, 2})),
            Shape({3, 1, 2}));
}

TEST(ReshapeOp, Int32TensorWinsOverOptions) {
  EXPECT_EQ(RunShape(ReshapeModel({X(), Const("shape", DataType::kInt32, {2},
                                              std::vector<int32_t>{1, 6})},
                                  {1, 6}, NewShape({6, 1}))),
            Shape({1, 6}));
}

TEST(ReshapeOp, Int64TensorUsedWithoutOptions) {
  EXPECT_EQ(RunShape(ReshapeModel({X(), Const("shape", DataType::kInt64, {2},
                                              std::vector<int64_t>{3, -1})},
                                  {3, 2})),
            Shape({3, 2}));
  // With options present TFLite ignores an int64 tensor; so does edgelite.
  EXPECT_EQ(RunShape(ReshapeModel({X(), Const("shape", DataType::kInt64, {2},
                                              std::vector<int64_t>{3, 2})},
                                  {6}, NewShape({6}))),
            Shape({6}));
}

TEST(ReshapeOp, ScalarTargets) {
  // The legacy [0] new_shape means a scalar, and so do no options at all.
  EXPECT_EQ(RunShape(ReshapeModel({X({1, 1})}, {}, NewShape({0})), 1).rank, 0);
  EXPECT_EQ(RunShape(ReshapeModel({X({1})}, {}), 1).rank, 0);
}

TEST(ReshapeOp, ZeroSized) {
  OpResult r = RunOp(ReshapeModel({X({0, 3})}, {3, 0}, NewShape({3, 0})), {{}});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({3, 0}));
}

TEST(ReshapeOp, Rejections) {
  EXPECT_TRUE(Fails(RunOp(ReshapeModel({X()}, {4}, NewShape({4}))).status,
                    StatusCode::kInvalidModel,
                    "op 0 (RESHAPE v1): cannot reshape [2, 3] (6 elements) to "
                    "[4]"));
  EXPECT_TRUE(Fails(RunOp(ReshapeModel({X()}, {6}, NewShape({-1, -1}))).status,
                    StatusCode::kInvalidModel,
                    "op 0 (RESHAPE v1): target shape has more than one -1 "
                    "dimension"));
  EXPECT_TRUE(Fails(RunOp(ReshapeModel({X()}, {6}, NewShape({4, -1}))).status,
                    StatusCode::kInvalidModel,
                    "cannot infer the -1 dimension: 6 elements into a "
                    "multiple of 4"));
  EXPECT_TRUE(Fails(RunOp(ReshapeModel({X()}, {6}, NewShape({-2, 3}))).status,
                    StatusCode::kInvalidModel, "target dimension 0 is -2"));
  EXPECT_TRUE(Fails(
      RunOp(ReshapeModel({X(), Var("shape", DataType::kInt32, {2})}, {3, 2}))
          .status,
      StatusCode::kUnsupported,
      "op 0 (RESHAPE v1): input 1 (tensor 1 'shape'): a non-constant shape "
      "tensor is not supported; edgelite plans memory before Invoke"));
}

}  // namespace
}  // namespace edgelite
