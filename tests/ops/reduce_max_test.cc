// REDUCE_MAX and REDUCE_MIN: float and integer types over axis sets, TFLite's
// start values (lowest()/max(), so all -inf reduces to -FLT_MAX), quantized
// same-scale requirement, empty inputs. Expected values read off the inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel MaxModel(TensorSpec in, std::vector<int32_t> axes, TensorSpec out,
                       bool keep_dims = false) {
  return ReduceModel(tfl::BuiltinOperator::REDUCE_MAX, std::move(in),
                     std::move(axes), std::move(out), keep_dims);
}
SingleOpModel MinModel(TensorSpec in, std::vector<int32_t> axes, TensorSpec out,
                       bool keep_dims = false) {
  return ReduceModel(tfl::BuiltinOperator::REDUCE_MIN, std::move(in),
                     std::move(axes), std::move(out), keep_dims);
}

const std::vector<float> kX = {1, -5, 3, 4, 0, -2};  // [[1,-5,3],[4,0,-2]]

TEST(ReduceMaxOp, FloatAxes) {
  Shape shape;
  EXPECT_EQ(RunOp<float>(MaxModel(Var("x", DataType::kFloat32, {2, 3}), {0},
                                  Var("y", DataType::kFloat32, {})),
                         kX, &shape),
            (std::vector<float>{4, 0, 3}));
  EXPECT_EQ(shape, Shape({3}));
  EXPECT_EQ(RunOp<float>(MaxModel(Var("x", DataType::kFloat32, {2, 3}), {-1},
                                  Var("y", DataType::kFloat32, {}), true),
                         kX, &shape),
            (std::vector<float>{3, 4}));
  EXPECT_EQ(shape, Shape({2, 1}));
}

TEST(ReduceMinOp, FloatAxes) {
  EXPECT_EQ(RunOp<float>(MinModel(Var("x", DataType::kFloat32, {2, 3}), {0},
                                  Var("y", DataType::kFloat32, {})),
                         kX),
            (std::vector<float>{1, -5, -2}));
  EXPECT_EQ(RunOp<float>(MinModel(Var("x", DataType::kFloat32, {2, 3}), {1, 0},
                                  Var("y", DataType::kFloat32, {})),
                         kX),
            (std::vector<float>{-5}));
}

TEST(ReduceMaxOp, AllNegativeInfinityGivesLowestFloat) {
  const float inf = std::numeric_limits<float>::infinity();
  EXPECT_EQ(RunOp<float>(MaxModel(Var("x", DataType::kFloat32, {2}), {0},
                                  Var("y", DataType::kFloat32, {})),
                         std::vector<float>{-inf, -inf}),
            (std::vector<float>{std::numeric_limits<float>::lowest()}));
}

TEST(ReduceMaxOp, IntegerTypes) {
  EXPECT_EQ(
      RunOp<int8_t>(MaxModel(Var("x", DataType::kInt8, {2, 2}, {0.5f}, {3}),
                             {1}, Var("y", DataType::kInt8, {}, {0.5f}, {3})),
                    std::vector<int8_t>{-128, -100, 7, 127}),
      (std::vector<int8_t>{-100, 127}));
  EXPECT_EQ(
      RunOp<uint8_t>(MinModel(Var("x", DataType::kUInt8, {3}, {1.0f}, {0}), {0},
                              Var("y", DataType::kUInt8, {}, {1.0f}, {0})),
                     std::vector<uint8_t>{200, 3, 255}),
      (std::vector<uint8_t>{3}));
  EXPECT_EQ(
      RunOp<int16_t>(MinModel(Var("x", DataType::kInt16, {2}, {1.0f}, {0}), {0},
                              Var("y", DataType::kInt16, {}, {1.0f}, {0})),
                     std::vector<int16_t>{-300, 300}),
      (std::vector<int16_t>{-300}));
  EXPECT_EQ(RunOp<int32_t>(MaxModel(Var("x", DataType::kInt32, {3}), {0},
                                    Var("y", DataType::kInt32, {})),
                           std::vector<int32_t>{-7, -9, -8}),
            (std::vector<int32_t>{-7}));
  EXPECT_EQ(RunOp<int64_t>(MinModel(Var("x", DataType::kInt64, {2, 1}), {1},
                                    Var("y", DataType::kInt64, {})),
                           std::vector<int64_t>{int64_t{1} << 50, -1}),
            (std::vector<int64_t>{int64_t{1} << 50, -1}));
}

TEST(ReduceMaxOp, EmptyInputGivesStartValues) {
  EXPECT_EQ(
      RunOp<int8_t>(MaxModel(Var("x", DataType::kInt8, {0, 2}, {1.0f}, {0}),
                             {0}, Var("y", DataType::kInt8, {}, {1.0f}, {0})),
                    std::vector<int8_t>{}),
      (std::vector<int8_t>{-128, -128}));
  EXPECT_EQ(RunOp<float>(MinModel(Var("x", DataType::kFloat32, {0}), {0},
                                  Var("y", DataType::kFloat32, {})),
                         std::vector<float>{}),
            (std::vector<float>{std::numeric_limits<float>::max()}));
}

TEST(ReduceMaxOp, Rejections) {
  EXPECT_PREPARE_ERROR(
      MaxModel(Var("x", DataType::kInt8, {2}, {0.5f}, {0}), {0},
               Var("y", DataType::kInt8, {}, {0.25f}, {0})),
      StatusCode::kInvalidModel,
      "quantization (scale 0.25, zero point 0) must equal the input's (scale "
      "0.5, zero point 0)");
  EXPECT_PREPARE_ERROR(MinModel(Var("x", DataType::kBool, {2}), {0},
                                Var("y", DataType::kBool, {})),
                       StatusCode::kUnsupported,
                       "REDUCE_MIN of bool is not supported");
  EXPECT_PREPARE_ERROR(MaxModel(Var("x", DataType::kFloat32, {2}), {-2},
                                Var("y", DataType::kFloat32, {})),
                       StatusCode::kInvalidModel,
                       "axis -2 is out of range for input shape [2]");
}

TEST(ReduceMaxOp, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(MaxModel(Var("x", DataType::kFloat32, {2, 3}), {1},
                                 Var("y", DataType::kFloat32, {})));
}

}  // namespace
}  // namespace edgelite
