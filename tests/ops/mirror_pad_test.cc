// MIRROR_PAD: REFLECT and SYMMETRIC on 1-D and 2-D inputs, byte copies of
// several dtypes, the padding limits of each mode. Expected values are
// written out from the definition.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel MirrorModel(DataType type, std::vector<int32_t> in_shape,
                          std::vector<int32_t> pads, int mode) {
  const int32_t rank = static_cast<int32_t>(in_shape.size());
  return OpModel(tfl::BuiltinOperator::MIRROR_PAD, 1,
                 {Var("x", type, in_shape),
                  Const("paddings", DataType::kInt32, {rank, 2}, pads)},
                 {Var("y", type, {})}, tfl::BuiltinOptions::MirrorPadOptions,
                 [mode](flatbuffers::FlatBufferBuilder& fbb) {
                   return tfl::CreateMirrorPadOptions(
                              fbb, static_cast<tfl::MirrorPadMode>(mode))
                       .Union();
                 });
}

TEST(MirrorPadOp, Reflect1D) {
  // REFLECT leaves the border out: 3 2 [1 2 3] 2 1.
  Shape shape;
  EXPECT_EQ(RunOp<float>(MirrorModel(DataType::kFloat32, {3}, {2, 2}, 0),
                         std::vector<float>{1, 2, 3}, &shape),
            (std::vector<float>{3, 2, 1, 2, 3, 2, 1}));
  EXPECT_EQ(shape, Shape({7}));
}

TEST(MirrorPadOp, Symmetric1D) {
  // SYMMETRIC repeats the border: 2 1 [1 2 3] 3 2; padding may reach the size.
  EXPECT_EQ(RunOp<int8_t>(MirrorModel(DataType::kInt8, {3}, {2, 2}, 1),
                          std::vector<int8_t>{1, 2, 3}),
            (std::vector<int8_t>{2, 1, 1, 2, 3, 3, 2}));
  EXPECT_EQ(RunOp<int64_t>(MirrorModel(DataType::kInt64, {3}, {3, 0}, 1),
                           std::vector<int64_t>{1, 2, 3}),
            (std::vector<int64_t>{3, 2, 1, 1, 2, 3}));
}

TEST(MirrorPadOp, Reflect2D) {
  // Rows map to input rows 1 0 1 0; columns to 2 1 0 1 2 1 0.
  EXPECT_EQ(
      RunOp<int16_t>(MirrorModel(DataType::kInt16, {2, 3}, {1, 1, 2, 2}, 0),
                     std::vector<int16_t>{1, 2, 3, 4, 5, 6}),
      (std::vector<int16_t>{6, 5, 4, 5, 6, 5, 4,  //
                            3, 2, 1, 2, 3, 2, 1,  //
                            6, 5, 4, 5, 6, 5, 4,  //
                            3, 2, 1, 2, 3, 2, 1}));
}

TEST(MirrorPadOp, ZeroPaddingIsACopy) {
  EXPECT_EQ(
      RunOp<uint8_t>(MirrorModel(DataType::kUInt8, {1, 2}, {0, 0, 0, 0}, 0),
                     std::vector<uint8_t>{200, 7}),
      (std::vector<uint8_t>{200, 7}));
}

TEST(MirrorPadOp, Rejections) {
  EXPECT_PREPARE_ERROR(
      MirrorModel(DataType::kFloat32, {3}, {3, 0}, 0),
      StatusCode::kInvalidModel,
      "paddings [3, 0] of dim 0 exceed what REFLECT can mirror from size 3 "
      "(at most 2)");
  EXPECT_PREPARE_ERROR(
      MirrorModel(DataType::kFloat32, {2, 3}, {0, 3, 0, 0}, 1),
      StatusCode::kInvalidModel,
      "paddings [0, 3] of dim 0 exceed what SYMMETRIC can mirror from size 2 "
      "(at most 2)");
  EXPECT_PREPARE_ERROR(MirrorModel(DataType::kBool, {3}, {0, 0}, 0),
                       StatusCode::kUnsupported,
                       "MIRROR_PAD of bool is not supported");
}

TEST(MirrorPadOp, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(
      MirrorModel(DataType::kFloat32, {2, 3}, {1, 1, 2, 2}, 0));
}

}  // namespace
}  // namespace edgelite
