// EXPAND_DIMS: a size-1 axis inserted at a constant, possibly negative axis.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel ExpandModel(TensorSpec axis, std::vector<int32_t> out_shape) {
  return OpModel(tfl::BuiltinOperator::EXPAND_DIMS, 1,
                 {Var("x", DataType::kFloat32, {2, 3}), std::move(axis)},
                 {Var("y", DataType::kFloat32, std::move(out_shape))});
}

TEST(ExpandDimsOp, AxisPositions) {
  struct Case {
    int32_t axis;
    Shape want;
  } cases[] = {{0, Shape({1, 2, 3})},
               {1, Shape({2, 1, 3})},
               {2, Shape({2, 3, 1})},
               {-1, Shape({2, 3, 1})},
               {-3, Shape({1, 2, 3})}};
  for (const Case& c : cases) {
    OpResult r = RunOp(ExpandModel(Const("axis", DataType::kInt32, {1},
                                         std::vector<int32_t>{c.axis}),
                                   {2, 3}),
                       {Bytes(Iota(6))});
    ASSERT_TRUE(r.status.ok()) << c.axis << ": " << r.status.message();
    EXPECT_EQ(r.shapes[0], c.want) << c.axis;
    EXPECT_EQ(r.Out<float>(), Iota(6)) << c.axis;
  }
}

TEST(ExpandDimsOp, Int64ScalarAxis) {
  OpResult r = RunOp(
      ExpandModel(Const("axis", DataType::kInt64, {}, std::vector<int64_t>{1}),
                  {2, 1, 3}),
      {Bytes(Iota(6))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({2, 1, 3}));
}

TEST(ExpandDimsOp, Rejections) {
  EXPECT_TRUE(Fails(RunOp(ExpandModel(Const("axis", DataType::kInt32, {1},
                                            std::vector<int32_t>{3}),
                                      {2, 3}))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (EXPAND_DIMS v1): input 1 (tensor 1 'axis'): axis 3 "
                    "is out of range for an input of rank 2"));
  EXPECT_TRUE(Fails(RunOp(ExpandModel(Const("axis", DataType::kInt32, {1},
                                            std::vector<int32_t>{-4}),
                                      {2, 3}))
                        .status,
                    StatusCode::kInvalidModel, "axis -4 is out of range"));
  EXPECT_TRUE(Fails(
      RunOp(ExpandModel(Var("axis", DataType::kInt32, {1}), {2, 3})).status,
      StatusCode::kUnsupported,
      "op 0 (EXPAND_DIMS v1): input 1 (tensor 1 'axis'): a non-constant axis "
      "tensor is not supported; edgelite plans memory before Invoke"));
  EXPECT_TRUE(Fails(RunOp(ExpandModel(Const("axis", DataType::kFloat32, {1},
                                            std::vector<float>{0}),
                                      {2, 3}))
                        .status,
                    StatusCode::kInvalidModel,
                    "input 1 (tensor 1 'axis'): must be int32 or int64, got "
                    "float32"));
}

TEST(ExpandDimsOp, QuantizationMustMatch) {
  SingleOpModel m =
      OpModel(tfl::BuiltinOperator::EXPAND_DIMS, 1,
              {Var("x", DataType::kInt8, {2}, {0.5f}, {1}),
               Const("axis", DataType::kInt32, {1}, std::vector<int32_t>{0})},
              {Var("y", DataType::kInt8, {1, 2}, {0.5f}, {2})});
  EXPECT_TRUE(Fails(RunOp(m).status, StatusCode::kInvalidModel,
                    "op 0 (EXPAND_DIMS v1): output 0 (tensor 2 'y'): "
                    "quantization (scale 0.5, zero point 2) differs from input "
                    "0 (scale 0.5, zero point 1)"));
  m.outputs[0].zero_points = {1};
  OpResult r = RunOp(m, {Bytes(std::vector<int8_t>{-3, 4})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int8_t>(), (std::vector<int8_t>{-3, 4}));
}

}  // namespace
}  // namespace edgelite
