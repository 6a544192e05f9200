// PAD and PADV2: constant padding of every dtype as byte copies, the pad
// value rules (zero, output zero point, constant_values), ranks 1..5, empty
// inputs, and the rejected configurations. Expected values are written out
// from the definition of padding.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

template <typename P>
SingleOpModel PadModel(TensorSpec in, std::vector<int32_t> pshape,
                       std::vector<P> pads, TensorSpec out,
                       DataType ptype = DataType::kInt32) {
  return OpModel(tfl::BuiltinOperator::PAD, 1,
                 {std::move(in), Const("paddings", ptype, pshape, pads)},
                 {std::move(out)});
}

TEST(PadOp, Float2D) {
  // [[1,2,3],[4,5,6]] with one row before and two columns after.
  SingleOpModel m =
      PadModel<int32_t>(Var("x", DataType::kFloat32, {2, 3}), {2, 2},
                        {1, 0, 0, 2}, Var("y", DataType::kFloat32, {3, 5}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(m, std::vector<float>{1, 2, 3, 4, 5, 6}, &shape),
            (std::vector<float>{0, 0, 0, 0, 0,  //
                                1, 2, 3, 0, 0,  //
                                4, 5, 6, 0, 0}));
  EXPECT_EQ(shape, Shape({3, 5}));
}

TEST(PadOp, QuantizedInt8PadsWithZeroPoint) {
  SingleOpModel m =
      PadModel<int32_t>(Var("x", DataType::kInt8, {2}, {0.5f}, {-3}), {1, 2},
                        {2, 1}, Var("y", DataType::kInt8, {5}, {0.5f}, {-3}));
  EXPECT_EQ(RunOp<int8_t>(m, std::vector<int8_t>{1, 2}),
            (std::vector<int8_t>{-3, -3, 1, 2, -3}));
}

TEST(PadOp, Uint8PadsWithZeroPointInt16WithZero) {
  SingleOpModel u8 =
      PadModel<int32_t>(Var("x", DataType::kUInt8, {1}, {1.0f}, {128}), {1, 2},
                        {1, 1}, Var("y", DataType::kUInt8, {3}, {1.0f}, {128}));
  EXPECT_EQ(RunOp<uint8_t>(u8, std::vector<uint8_t>{7}),
            (std::vector<uint8_t>{128, 7, 128}));
  SingleOpModel i16 =
      PadModel<int32_t>(Var("x", DataType::kInt16, {1}, {0.25f}, {0}), {1, 2},
                        {0, 2}, Var("y", DataType::kInt16, {3}, {0.25f}, {0}));
  EXPECT_EQ(RunOp<int16_t>(i16, std::vector<int16_t>{-300}),
            (std::vector<int16_t>{-300, 0, 0}));
}

TEST(PadOp, Int64PaddingsRank5Int32Data) {
  // [1,1,1,1,2] padded by one before the last dim and one after dim 3.
  SingleOpModel m =
      PadModel<int64_t>(Var("x", DataType::kInt32, {1, 1, 1, 1, 2}), {5, 2},
                        {0, 0, 0, 0, 0, 0, 0, 1, 1, 0},
                        Var("y", DataType::kInt32, {}), DataType::kInt64);
  Shape shape;
  EXPECT_EQ(RunOp<int32_t>(m, std::vector<int32_t>{-5, 9}, &shape),
            (std::vector<int32_t>{0, -5, 9, 0, 0, 0}));
  EXPECT_EQ(shape, Shape({1, 1, 1, 2, 3}));
}

TEST(PadOp, EmptyInputGivesOnlyPadding) {
  SingleOpModel m =
      PadModel<int32_t>(Var("x", DataType::kFloat32, {0, 2}), {2, 2},
                        {1, 1, 0, 0}, Var("y", DataType::kFloat32, {2, 2}));
  EXPECT_EQ(RunOp<float>(m, std::vector<float>{}),
            (std::vector<float>{0, 0, 0, 0}));
}

TEST(PadOp, ImageStylePadding) {
  // [1,2,2,1] padded by 1 on H and W: a 4x4 frame of zeros around 1 2 / 3 4.
  SingleOpModel m = PadModel<int32_t>(
      Var("x", DataType::kFloat32, {1, 2, 2, 1}), {4, 2},
      {0, 0, 1, 1, 1, 1, 0, 0}, Var("y", DataType::kFloat32, {1, 4, 4, 1}));
  EXPECT_EQ(RunOp<float>(m, std::vector<float>{1, 2, 3, 4}),
            (std::vector<float>{0, 0, 0, 0,  //
                                0, 1, 2, 0,  //
                                0, 3, 4, 0,  //
                                0, 0, 0, 0}));
}

SingleOpModel PadV2Model(TensorSpec in, std::vector<int32_t> pads,
                         TensorSpec value, TensorSpec out) {
  const int32_t rank = static_cast<int32_t>(pads.size() / 2);
  return OpModel(
      tfl::BuiltinOperator::PADV2, 1,
      {std::move(in), Const("paddings", DataType::kInt32, {rank, 2}, pads),
       std::move(value)},
      {std::move(out)});
}

TEST(PadV2Op, FloatConstantValue) {
  SingleOpModel m = PadV2Model(
      Var("x", DataType::kFloat32, {2}), {1, 1},
      Const("value", DataType::kFloat32, {}, std::vector<float>{9.5f}),
      Var("y", DataType::kFloat32, {4}));
  EXPECT_EQ(RunOp<float>(m, std::vector<float>{1, 2}),
            (std::vector<float>{9.5f, 1, 2, 9.5f}));
}

TEST(PadV2Op, NonConstantValueIsReadAtInvoke) {
  SingleOpModel m = PadV2Model(Var("x", DataType::kInt32, {1}), {2, 0},
                               Var("value", DataType::kInt32, {1}),
                               Var("y", DataType::kInt32, {3}));
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(Make(m, &interp).ok());
  testing::SetInput(interp.get(), 0, std::vector<int32_t>{5});
  testing::SetInput(interp.get(), 1, std::vector<int32_t>{-8});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0),
            (std::vector<int32_t>{-8, -8, 5}));
}

TEST(PadV2Op, QuantizedConstantIsCopiedRaw) {
  SingleOpModel m =
      PadV2Model(Var("x", DataType::kInt8, {1}, {0.5f}, {4}), {1, 1},
                 Const("value", DataType::kInt8, {1}, std::vector<int8_t>{-100},
                       {0.5f}, {4}),
                 Var("y", DataType::kInt8, {3}, {0.5f}, {4}));
  EXPECT_EQ(RunOp<int8_t>(m, std::vector<int8_t>{3}),
            (std::vector<int8_t>{-100, 3, -100}));
}

TEST(PadOp, Rejections) {
  EXPECT_PREPARE_ERROR(
      OpModel(tfl::BuiltinOperator::PAD, 1,
              {Var("x", DataType::kFloat32, {2}),
               Var("paddings", DataType::kInt32, {1, 2})},
              {Var("y", DataType::kFloat32, {2})}),
      StatusCode::kUnsupported,
      "input 1 (tensor 1 'paddings'): a non-constant paddings tensor is not "
      "supported; edgelite plans memory before Invoke");
  EXPECT_PREPARE_ERROR(
      PadModel<int32_t>(Var("x", DataType::kFloat32, {2, 2}), {1, 2}, {1, 1},
                        Var("y", DataType::kFloat32, {2, 2})),
      StatusCode::kInvalidModel, "paddings must have shape [2, 2], got [1, 2]");
  EXPECT_PREPARE_ERROR(
      PadModel<int32_t>(Var("x", DataType::kFloat32, {2}), {1, 2}, {0, -1},
                        Var("y", DataType::kFloat32, {2})),
      StatusCode::kInvalidModel,
      "paddings[0][1] is -1; it must be in [0, 2^31)");
  EXPECT_PREPARE_ERROR(
      PadModel<float>(Var("x", DataType::kFloat32, {2}), {1, 2}, {0.f, 1.f},
                      Var("y", DataType::kFloat32, {2}), DataType::kFloat32),
      StatusCode::kInvalidModel,
      "paddings must be int32 or int64, got float32");
  EXPECT_PREPARE_ERROR(
      PadModel<int32_t>(Var("x", DataType::kFloat32, {1, 1, 1, 1, 1, 1}),
                        {6, 2}, std::vector<int32_t>(12, 0),
                        Var("y", DataType::kFloat32, {1, 1, 1, 1, 1, 1})),
      StatusCode::kUnsupported, "rank 6 exceeds 5, TFLite's limit for this op");
  EXPECT_PREPARE_ERROR(
      PadModel<int32_t>(Var("x", DataType::kFloat32, {2}), {1, 2}, {0, 0},
                        Var("y", DataType::kInt8, {2})),
      StatusCode::kInvalidModel, "type int8 differs from input 0 type float32");
  EXPECT_PREPARE_ERROR(
      PadV2Model(Var("x", DataType::kFloat32, {2}), {0, 0},
                 Const("value", DataType::kInt32, {1}, std::vector<int32_t>{1}),
                 Var("y", DataType::kFloat32, {2})),
      StatusCode::kInvalidModel,
      "constant_values type int32 differs from the input's float32");
  EXPECT_PREPARE_ERROR(
      PadV2Model(
          Var("x", DataType::kFloat32, {2}), {0, 0},
          Const("value", DataType::kFloat32, {2}, std::vector<float>{1, 2}),
          Var("y", DataType::kFloat32, {2})),
      StatusCode::kInvalidModel,
      "constant_values must hold exactly one value, got shape [2]");
  EXPECT_PREPARE_ERROR(
      PadV2Model(Var("x", DataType::kInt8, {2}, {0.5f}, {0}), {0, 0},
                 Const("value", DataType::kInt8, {1}, std::vector<int8_t>{1},
                       {0.25f}, {0}),
                 Var("y", DataType::kInt8, {2}, {0.5f}, {0})),
      StatusCode::kInvalidModel,
      "quantization (scale 0.25, zero point 0) must equal the output's "
      "(scale 0.5, zero point 0)");
}

TEST(PadOp, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(
      PadModel<int32_t>(Var("x", DataType::kFloat32, {2, 3}), {2, 2},
                        {1, 0, 0, 2}, Var("y", DataType::kFloat32, {3, 5})));
}

}  // namespace
}  // namespace edgelite
