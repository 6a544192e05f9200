// SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND: 4-D and 3-D inputs, padding with
// zero / the zero point, crops, and rejected configurations. The expected
// layouts follow TensorFlow's definition (out batch = spatial offset *
// in batch + batch), written out by hand.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel Model(bool to_batch, TensorSpec in, std::vector<int32_t> block,
                    std::vector<int32_t> pads, TensorSpec out) {
  const int32_t m = static_cast<int32_t>(block.size());
  return OpModel(to_batch ? tfl::BuiltinOperator::SPACE_TO_BATCH_ND
                          : tfl::BuiltinOperator::BATCH_TO_SPACE_ND,
                 1,
                 {std::move(in), Const("block", DataType::kInt32, {m}, block),
                  Const(to_batch ? "paddings" : "crops", DataType::kInt32,
                        {static_cast<int32_t>(pads.size() / 2), 2}, pads)},
                 {std::move(out)});
}

TEST(SpaceToBatchNdOp, Float4D) {
  Shape shape;
  EXPECT_EQ(RunOp<float>(
                Model(true, Var("x", DataType::kFloat32, {1, 4, 4, 1}), {2, 2},
                      {0, 0, 0, 0}, Var("y", DataType::kFloat32, {})),
                Iota(16, 1), &shape),
            (std::vector<float>{1, 3, 9, 11, 2, 4, 10, 12,  //
                                5, 7, 13, 15, 6, 8, 14, 16}));
  EXPECT_EQ(shape, Shape({4, 2, 2, 1}));
}

TEST(SpaceToBatchNdOp, PaddingUsesZeroPoint) {
  // [[1,2],[3,4]] padded to 4x4 by one on every side, then split by parity.
  const std::vector<int8_t> x = {1, 2, 3, 4};
  Shape shape;
  EXPECT_EQ(
      RunOp<int8_t>(
          Model(true, Var("x", DataType::kInt8, {1, 2, 2, 1}, {0.1f}, {5}),
                {2, 2}, {1, 1, 1, 1},
                Var("y", DataType::kInt8, {}, {0.1f}, {5})),
          x, &shape),
      (std::vector<int8_t>{5, 5, 5, 4, 5, 5, 3, 5, 5, 2, 5, 5, 1, 5, 5, 5}));
  EXPECT_EQ(shape, Shape({4, 2, 2, 1}));
}

TEST(SpaceToBatchNdOp, ThreeDimensional) {
  Shape shape;
  EXPECT_EQ(
      RunOp<int32_t>(Model(true, Var("x", DataType::kInt32, {1, 4, 2}), {2},
                           {0, 0}, Var("y", DataType::kInt32, {})),
                     std::vector<int32_t>{1, 2, 3, 4, 5, 6, 7, 8}, &shape),
      (std::vector<int32_t>{1, 2, 5, 6, 3, 4, 7, 8}));
  EXPECT_EQ(shape, Shape({2, 2, 2}));
}

TEST(BatchToSpaceNdOp, InvertsSpaceToBatch) {
  Shape shape;
  EXPECT_EQ(RunOp<float>(
                Model(false, Var("x", DataType::kFloat32, {4, 2, 2, 1}), {2, 2},
                      {0, 0, 0, 0}, Var("y", DataType::kFloat32, {})),
                std::vector<float>{1, 3, 9, 11, 2, 4, 10, 12, 5, 7, 13, 15, 6,
                                   8, 14, 16},
                &shape),
            Iota(16, 1));
  EXPECT_EQ(shape, Shape({1, 4, 4, 1}));
}

TEST(BatchToSpaceNdOp, Crops) {
  // Batches 1..4 fill [[1,2],[3,4]]; crop the bottom row and the left column.
  Shape shape;
  EXPECT_EQ(RunOp<int64_t>(
                Model(false, Var("x", DataType::kInt64, {4, 1, 1, 1}), {2, 2},
                      {0, 1, 1, 0}, Var("y", DataType::kInt64, {})),
                std::vector<int64_t>{1, 2, 3, 4}, &shape),
            (std::vector<int64_t>{2}));
  EXPECT_EQ(shape, Shape({1, 1, 1, 1}));
}

TEST(BatchToSpaceNdOp, ThreeDimensionalUint8) {
  EXPECT_EQ(RunOp<uint8_t>(Model(false, Var("x", DataType::kUInt8, {2, 2, 1}),
                                 {2}, {0, 1}, Var("y", DataType::kUInt8, {})),
                           std::vector<uint8_t>{10, 20, 30, 40}),
            (std::vector<uint8_t>{10, 30, 20}));
}

TEST(SpaceBatchOps, Rejections) {
  EXPECT_PREPARE_ERROR(
      Model(true, Var("x", DataType::kFloat32, {1, 3, 3, 1}), {2, 2},
            {0, 0, 0, 0}, Var("y", DataType::kFloat32, {})),
      StatusCode::kInvalidModel,
      "padded spatial dim 0 (3) is not a multiple of block_shape[0] = 2");
  EXPECT_PREPARE_ERROR(
      Model(true, Var("x", DataType::kFloat32, {1, 2, 2, 1}), {2}, {0, 0},
            Var("y", DataType::kFloat32, {})),
      StatusCode::kInvalidModel,
      "block_shape must have shape [2] for a rank-4 input, got [1]");
  EXPECT_PREPARE_ERROR(
      Model(true, Var("x", DataType::kFloat32, {1, 2, 2, 1, 1}), {1, 1, 1},
            {0, 0, 0, 0, 0, 0}, Var("y", DataType::kFloat32, {})),
      StatusCode::kInvalidModel,
      "expected rank 3 to 4, got shape [1, 2, 2, 1, 1]");
  EXPECT_PREPARE_ERROR(
      Model(false, Var("x", DataType::kFloat32, {2, 1, 1, 1}), {2, 2},
            {0, 0, 0, 0}, Var("y", DataType::kFloat32, {})),
      StatusCode::kInvalidModel,
      "batch 2 is not a multiple of the block_shape product 4");
  EXPECT_PREPARE_ERROR(
      Model(false, Var("x", DataType::kFloat32, {4, 1, 1, 1}), {2, 0},
            {0, 0, 0, 0}, Var("y", DataType::kFloat32, {})),
      StatusCode::kInvalidModel, "block_shape[1] is 0; it must be >= 1");
  EXPECT_PREPARE_ERROR(
      Model(false, Var("x", DataType::kFloat32, {4, 1, 1, 1}), {2, 2},
            {2, 1, 0, 0}, Var("y", DataType::kFloat32, {})),
      StatusCode::kInvalidModel,
      "crops [2, 1] of spatial dim 0 exceed its size 2");
  EXPECT_PREPARE_ERROR(
      Model(false, Var("x", DataType::kInt8, {4, 1, 1, 1}, {0.5f}, {0}), {2, 2},
            {0, 0, 0, 0}, Var("y", DataType::kInt8, {}, {0.5f}, {1})),
      StatusCode::kInvalidModel,
      "quantization (scale 0.5, zero point 1) must equal the input's");
}

TEST(SpaceBatchOps, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(Model(true, Var("x", DataType::kFloat32, {1, 2, 2, 1}),
                              {2, 2}, {1, 1, 1, 1},
                              Var("y", DataType::kFloat32, {})));
  ExpectNoAllocInInvoke(Model(false, Var("x", DataType::kFloat32, {4, 2, 2, 1}),
                              {2, 2}, {0, 1, 1, 0},
                              Var("y", DataType::kFloat32, {})));
}

}  // namespace
}  // namespace edgelite
