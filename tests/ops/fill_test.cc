// FILL: one value broadcast to a constant shape, any element type.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel FillModel(TensorSpec dims, TensorSpec value,
                        std::vector<int32_t> out_shape,
                        std::vector<float> scales = {},
                        std::vector<int64_t> zps = {}) {
  const DataType type = value.type;
  return OpModel(tfl::BuiltinOperator::FILL, 1,
                 {std::move(dims), std::move(value)},
                 {Var("y", type, std::move(out_shape), std::move(scales),
                      std::move(zps))});
}

TensorSpec Dims(std::vector<int32_t> d) {
  return Const("dims", DataType::kInt32, {static_cast<int32_t>(d.size())}, d);
}

TEST(FillOp, FloatFromRuntimeValue) {
  OpResult r =
      RunOp(FillModel(Dims({2, 3}), Var("v", DataType::kFloat32, {}), {2, 3}),
            {Bytes(std::vector<float>{1.5f})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({2, 3}));
  EXPECT_EQ(r.Out<float>(), std::vector<float>(6, 1.5f));
}

TEST(FillOp, Int64DimsAndOtherTypes) {
  TensorSpec dims64 =
      Const("dims", DataType::kInt64, {1}, std::vector<int64_t>{5});
  OpResult b = RunOp(FillModel(
      dims64, Const("v", DataType::kBool, {}, std::vector<uint8_t>{1}), {5}));
  ASSERT_TRUE(b.status.ok()) << b.status.message();
  EXPECT_EQ(b.Out<uint8_t>(), std::vector<uint8_t>(5, 1));
  OpResult i = RunOp(FillModel(
      dims64, Const("v", DataType::kInt64, {}, std::vector<int64_t>{-7}), {5}));
  ASSERT_TRUE(i.status.ok()) << i.status.message();
  EXPECT_EQ(i.Out<int64_t>(), std::vector<int64_t>(5, -7));
}

TEST(FillOp, QuantizedInt8AndEmptyOutput) {
  OpResult r = RunOp(FillModel(
      Dims({3}),
      Const("v", DataType::kInt8, {}, std::vector<int8_t>{-5}, {0.25f}, {2}),
      {3}, {0.25f}, {2}));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int8_t>(), std::vector<int8_t>(3, -5));
  // dims [0]: an empty vector.
  OpResult s = RunOp(FillModel(
      Const("dims", DataType::kInt32, {1}, std::vector<int32_t>{0}),
      Const("v", DataType::kInt32, {}, std::vector<int32_t>{9}), {0}));
  ASSERT_TRUE(s.status.ok()) << s.status.message();
  EXPECT_EQ(s.shapes[0], Shape({0}));
}

TEST(FillOp, Rejections) {
  EXPECT_TRUE(Fails(
      RunOp(FillModel(Dims({3}),
                      Const("v", DataType::kInt8, {}, std::vector<int8_t>{1},
                            {0.5f}, {0}),
                      {3}, {0.25f}, {0}))
          .status,
      StatusCode::kInvalidModel,
      "op 0 (FILL v1): output 0 (tensor 2 'y'): quantization (scale 0.25, "
      "zero point 0) differs from input 1 (scale 0.5, zero point 0); TFLite "
      "requires them equal here"));
  EXPECT_TRUE(Fails(RunOp(FillModel(Dims({3}),
                                    Const("v", DataType::kInt16, {},
                                          std::vector<int16_t>{1}, {0.5f}, {1}),
                                    {3}, {0.5f}, {1}))
                        .status,
                    StatusCode::kInvalidModel,
                    "int16 zero point must be 0, got 1"));
  EXPECT_TRUE(Fails(
      RunOp(FillModel(Dims({2, -1}), Var("v", DataType::kFloat32, {}), {2, 1}))
          .status,
      StatusCode::kInvalidModel,
      "op 0 (FILL v1): input 0 (tensor 0 'dims'): dimension 1 "
      "is -1"));
  EXPECT_TRUE(Fails(RunOp(FillModel(Var("dims", DataType::kInt32, {2}),
                                    Var("v", DataType::kFloat32, {}), {2, 1}))
                        .status,
                    StatusCode::kUnsupported,
                    "a non-constant dims tensor is not supported"));
  EXPECT_TRUE(
      Fails(RunOp(FillModel(Dims({2}), Var("v", DataType::kFloat32, {1}), {2}))
                .status,
            StatusCode::kInvalidModel,
            "input 1 (tensor 1 'v'): expected rank 0, got shape [1]"));
}

}  // namespace
}  // namespace edgelite
