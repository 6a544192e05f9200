// SPACE_TO_DEPTH and DEPTH_TO_SPACE (TFLite's DCR order), byte copies of a
// few dtypes, and rejected configurations. Expected layouts written out from
// the definition: the 2x2 block of pixels (y, x) becomes channels
// ((y % 2) * 2 + x % 2) * c + k.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel Model(bool to_depth, DataType type, std::vector<int32_t> shape,
                    int block) {
  if (to_depth) {
    return OpModel(tfl::BuiltinOperator::SPACE_TO_DEPTH, 1,
                   {Var("x", type, shape)}, {Var("y", type, {})},
                   tfl::BuiltinOptions::SpaceToDepthOptions,
                   [block](flatbuffers::FlatBufferBuilder& fbb) {
                     return tfl::CreateSpaceToDepthOptions(fbb, block).Union();
                   });
  }
  return OpModel(tfl::BuiltinOperator::DEPTH_TO_SPACE, 1,
                 {Var("x", type, shape)}, {Var("y", type, {})},
                 tfl::BuiltinOptions::DepthToSpaceOptions,
                 [block](flatbuffers::FlatBufferBuilder& fbb) {
                   return tfl::CreateDepthToSpaceOptions(fbb, block).Union();
                 });
}

const std::vector<float> kDepthForm = {1, 2,  5,  6,  3,  4,  7,  8,
                                       9, 10, 13, 14, 11, 12, 15, 16};

TEST(SpaceToDepthOp, Float) {
  Shape shape;
  EXPECT_EQ(RunOp<float>(Model(true, DataType::kFloat32, {1, 4, 4, 1}, 2),
                         Iota(16, 1), &shape),
            kDepthForm);
  EXPECT_EQ(shape, Shape({1, 2, 2, 4}));
}

TEST(DepthToSpaceOp, Float) {
  Shape shape;
  EXPECT_EQ(RunOp<float>(Model(false, DataType::kFloat32, {1, 2, 2, 4}, 2),
                         kDepthForm, &shape),
            Iota(16, 1));
  EXPECT_EQ(shape, Shape({1, 4, 4, 1}));
}

TEST(DepthSpaceOps, TwoChannelsInt8AndInt64) {
  // [1,2,2,2]: pixels (0,0)=[1,2] (0,1)=[3,4] (1,0)=[5,6] (1,1)=[7,8]; the
  // single depth pixel lists them in block order, which is row-major here.
  const std::vector<int8_t> x = {1, 2, 3, 4, 5, 6, 7, 8};
  Shape shape;
  EXPECT_EQ(
      RunOp<int8_t>(Model(true, DataType::kInt8, {1, 2, 2, 2}, 2), x, &shape),
      x);
  EXPECT_EQ(shape, Shape({1, 1, 1, 8}));
  // Block 1 is the identity.
  const std::vector<int64_t> y = {-1, 5, 7};
  EXPECT_EQ(RunOp<int64_t>(Model(false, DataType::kInt64, {1, 1, 3, 1}, 1), y),
            y);
}

TEST(DepthToSpaceOp, BatchOfTwoUint8) {
  // Each batch [1,1,1,4] → [1,2,2,1] in order.
  EXPECT_EQ(RunOp<uint8_t>(Model(false, DataType::kUInt8, {2, 1, 1, 4}, 2),
                           std::vector<uint8_t>{1, 2, 3, 4, 5, 6, 7, 8}),
            (std::vector<uint8_t>{1, 2, 3, 4, 5, 6, 7, 8}));
}

TEST(DepthSpaceOps, Rejections) {
  EXPECT_PREPARE_ERROR(Model(true, DataType::kFloat32, {1, 2, 2, 1}, 0),
                       StatusCode::kInvalidModel,
                       "block_size is 0; it must be >= 1");
  EXPECT_PREPARE_ERROR(
      Model(true, DataType::kFloat32, {1, 3, 2, 1}, 2),
      StatusCode::kInvalidModel,
      "height 3 and width 2 must be multiples of block_size 2");
  EXPECT_PREPARE_ERROR(Model(false, DataType::kFloat32, {1, 1, 1, 3}, 2),
                       StatusCode::kInvalidModel,
                       "depth 3 must be a multiple of block_size^2 = 4");
  EXPECT_PREPARE_ERROR(Model(false, DataType::kInt16, {1, 1, 1, 4}, 2),
                       StatusCode::kUnsupported, "int16 is not supported");
  EXPECT_PREPARE_ERROR(Model(false, DataType::kFloat32, {1, 1, 4}, 2),
                       StatusCode::kInvalidModel, "expected rank 4");
}

TEST(DepthSpaceOps, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(Model(true, DataType::kFloat32, {1, 4, 4, 1}, 2));
  ExpectNoAllocInInvoke(Model(false, DataType::kFloat32, {1, 2, 2, 4}, 2));
}

}  // namespace
}  // namespace edgelite
