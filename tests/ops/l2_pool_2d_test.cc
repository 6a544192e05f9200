// L2_POOL_2D (float32): sqrt of the mean of squares over clipped windows,
// VALID and SAME padding, fused activation, int8 rejected.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel L2Model(
    DataType type, std::vector<int32_t> shape, tfl::Padding padding, int stride,
    int filter,
    tfl::ActivationFunctionType act = tfl::ActivationFunctionType::NONE) {
  return OpModel(tfl::BuiltinOperator::L2_POOL_2D, 1, {Var("x", type, shape)},
                 {Var("y", type, {})}, tfl::BuiltinOptions::Pool2DOptions,
                 [=](flatbuffers::FlatBufferBuilder& fbb) {
                   return tfl::CreatePool2DOptions(fbb, padding, stride, stride,
                                                   filter, filter, act)
                       .Union();
                 });
}

TEST(L2Pool2DOp, Valid) {
  // sqrt((1 + 4 + 9 + 16) / 4) = sqrt(7.5).
  Shape shape;
  EXPECT_EQ(RunOp<float>(L2Model(DataType::kFloat32, {1, 2, 2, 1},
                                 tfl::Padding::VALID, 2, 2),
                         Iota(4, 1), &shape),
            (std::vector<float>{std::sqrt(7.5f)}));
  EXPECT_EQ(shape, Shape({1, 1, 1, 1}));
}

TEST(L2Pool2DOp, SameClipsWindows) {
  // [[1,2,3],[4,5,6]], 2x2 windows, stride 1, SAME (padding at the end):
  // (0,0): 1,2,4,5 → 46/4; (0,1): 2,3,5,6 → 74/4; (0,2): 3,6 → 45/2;
  // (1,0): 4,5 → 41/2; (1,1): 5,6 → 61/2; (1,2): 6 → 36.
  Shape shape;
  EXPECT_EQ(
      RunOp<float>(
          L2Model(DataType::kFloat32, {1, 2, 3, 1}, tfl::Padding::SAME, 1, 2),
          Iota(6, 1), &shape),
      (std::vector<float>{std::sqrt(11.5f), std::sqrt(18.5f), std::sqrt(22.5f),
                          std::sqrt(20.5f), std::sqrt(30.5f), 6.0f}));
  EXPECT_EQ(shape, Shape({1, 2, 3, 1}));
}

TEST(L2Pool2DOp, ChannelsAndRelu6) {
  // Two channels: c0 holds ±10 → sqrt(100) = 10 → clamped to 6; c1 holds
  // ±3 → 3.
  EXPECT_EQ(RunOp<float>(
                L2Model(DataType::kFloat32, {1, 2, 2, 2}, tfl::Padding::VALID,
                        1, 2, tfl::ActivationFunctionType::RELU6),
                std::vector<float>{10, 3, -10, -3, 10, 3, -10, 3}),
            (std::vector<float>{6, 3}));
}

TEST(L2Pool2DOp, Rejections) {
  EXPECT_PREPARE_ERROR(
      L2Model(DataType::kInt8, {1, 2, 2, 1}, tfl::Padding::VALID, 2, 2),
      StatusCode::kUnsupported, "L2_POOL_2D of int8 is not supported");
}

TEST(L2Pool2DOp, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(
      L2Model(DataType::kFloat32, {1, 4, 4, 3}, tfl::Padding::SAME, 2, 3));
}

}  // namespace
}  // namespace edgelite
