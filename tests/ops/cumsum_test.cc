// CUMSUM: inclusive/exclusive, forward/reverse, axes (negative, constant and
// computed at run time), wrapping integers, rejected configurations.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel CumsumModel(TensorSpec in, TensorSpec axis, bool exclusive,
                          bool reverse) {
  return OpModel(
      tfl::BuiltinOperator::CUMSUM, 1, {std::move(in), std::move(axis)},
      {Var("y", DataType::kFloat32, {})}, tfl::BuiltinOptions::CumsumOptions,
      [exclusive, reverse](flatbuffers::FlatBufferBuilder& fbb) {
        return tfl::CreateCumsumOptions(fbb, exclusive, reverse).Union();
      });
}

SingleOpModel FloatModel(int32_t axis, bool exclusive, bool reverse) {
  SingleOpModel m = CumsumModel(
      Var("x", DataType::kFloat32, {2, 3}),
      Const("axis", DataType::kInt32, {}, std::vector<int32_t>{axis}),
      exclusive, reverse);
  return m;
}

TEST(CumsumOp, FourModesAlongRows) {
  // [[1,2,3],[4,5,6]] along axis 1.
  const std::vector<float> x = Iota(6, 1);
  EXPECT_EQ(RunOp<float>(FloatModel(1, false, false), x),
            (std::vector<float>{1, 3, 6, 4, 9, 15}));
  EXPECT_EQ(RunOp<float>(FloatModel(1, true, false), x),
            (std::vector<float>{0, 1, 3, 0, 4, 9}));
  EXPECT_EQ(RunOp<float>(FloatModel(-1, false, true), x),
            (std::vector<float>{6, 5, 3, 15, 11, 6}));
  EXPECT_EQ(RunOp<float>(FloatModel(1, true, true), x),
            (std::vector<float>{5, 3, 0, 11, 6, 0}));
}

TEST(CumsumOp, AlongColumns) {
  Shape shape;
  EXPECT_EQ(RunOp<float>(FloatModel(0, false, false), Iota(6, 1), &shape),
            (std::vector<float>{1, 2, 3, 5, 7, 9}));
  EXPECT_EQ(shape, Shape({2, 3}));
}

TEST(CumsumOp, IntegersWrapInt64Axis) {
  SingleOpModel m =
      CumsumModel(Var("x", DataType::kInt32, {3}),
                  Const("axis", DataType::kInt64, {1}, std::vector<int64_t>{0}),
                  false, false);
  m.outputs[0].type = DataType::kInt32;
  const int32_t big = std::numeric_limits<int32_t>::max();
  EXPECT_EQ(RunOp<int32_t>(m, std::vector<int32_t>{big, 1, 1}),
            (std::vector<int32_t>{big, std::numeric_limits<int32_t>::min(),
                                  std::numeric_limits<int32_t>::min() + 1}));
}

TEST(CumsumOp, AxisComputedAtRunTime) {
  SingleOpModel m =
      CumsumModel(Var("x", DataType::kInt64, {2, 2}),
                  Var("axis", DataType::kInt32, {}), false, false);
  m.outputs[0].type = DataType::kInt64;
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(Make(m, &interp).ok());
  testing::SetInput(interp.get(), 0, std::vector<int64_t>{1, 2, 3, 4});
  testing::SetInput(interp.get(), 1, std::vector<int32_t>{0});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int64_t>(*interp, 0),
            (std::vector<int64_t>{1, 2, 4, 6}));
  testing::SetInput(interp.get(), 1, std::vector<int32_t>{1});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int64_t>(*interp, 0),
            (std::vector<int64_t>{1, 3, 3, 7}));
  testing::SetInput(interp.get(), 1, std::vector<int32_t>{2});
  const Status s = interp->Invoke();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("axis 2 is out of range for input shape [2, 2]"),
            std::string::npos)
      << s.message();
}

TEST(CumsumOp, Rejections) {
  EXPECT_PREPARE_ERROR(FloatModel(2, false, false), StatusCode::kInvalidModel,
                       "axis 2 is out of range for input shape [2, 3]");
  SingleOpModel int8 = FloatModel(0, false, false);
  int8.inputs[0] = Var("x", DataType::kInt8, {2, 3}, {1.0f}, {0});
  int8.outputs[0] = Var("y", DataType::kInt8, {}, {1.0f}, {0});
  EXPECT_PREPARE_ERROR(int8, StatusCode::kUnsupported,
                       "CUMSUM of int8 is not supported");
  SingleOpModel two = CumsumModel(
      Var("x", DataType::kFloat32, {2}),
      Const("axis", DataType::kInt32, {2}, std::vector<int32_t>{0, 0}), false,
      false);
  EXPECT_PREPARE_ERROR(two, StatusCode::kInvalidModel,
                       "axis must hold exactly one value, got shape [2]");
}

TEST(CumsumOp, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(FloatModel(1, true, true));
}

}  // namespace
}  // namespace edgelite
