// SUM: float/int sums over axis sets (negative, duplicate, keep_dims, scalar,
// empty input), wrapping integer sums, and TFLite's quantized sum arithmetic
// (float requantization, round half away from zero, clamping). Expected
// values are derived in the comments.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel SumModel(TensorSpec in, std::vector<int32_t> axes, TensorSpec out,
                       bool keep_dims = false) {
  return ReduceModel(tfl::BuiltinOperator::SUM, std::move(in), std::move(axes),
                     std::move(out), keep_dims);
}

TEST(SumOp, FloatAxes) {
  // [[0,1,2],[3,4,5]]: row sums 3, 12; column sums 3, 5, 7.
  Shape shape;
  EXPECT_EQ(RunOp<float>(SumModel(Var("x", DataType::kFloat32, {2, 3}), {1},
                                  Var("y", DataType::kFloat32, {})),
                         Iota(6), &shape),
            (std::vector<float>{3, 12}));
  EXPECT_EQ(shape, Shape({2}));
  EXPECT_EQ(RunOp<float>(SumModel(Var("x", DataType::kFloat32, {2, 3}), {-1},
                                  Var("y", DataType::kFloat32, {}), true),
                         Iota(6), &shape),
            (std::vector<float>{3, 12}));
  EXPECT_EQ(shape, Shape({2, 1}));
  // -2 and 0 are the same axis: counted once.
  EXPECT_EQ(RunOp<float>(SumModel(Var("x", DataType::kFloat32, {2, 3}), {-2, 0},
                                  Var("y", DataType::kFloat32, {})),
                         Iota(6), &shape),
            (std::vector<float>{3, 5, 7}));
  EXPECT_EQ(shape, Shape({3}));
}

TEST(SumOp, FloatMiddleAndAllAxes) {
  // [2,3,2] = 0..11: axis 1 gives y[i][k] = 3 * (6i + k + 2).
  Shape shape;
  EXPECT_EQ(RunOp<float>(SumModel(Var("x", DataType::kFloat32, {2, 3, 2}), {1},
                                  Var("y", DataType::kFloat32, {})),
                         Iota(12), &shape),
            (std::vector<float>{6, 9, 24, 27}));
  EXPECT_EQ(
      RunOp<float>(SumModel(Var("x", DataType::kFloat32, {2, 3, 2}), {2, 0, 1},
                            Var("y", DataType::kFloat32, {}), true),
                   Iota(12), &shape),
      (std::vector<float>{66}));
  EXPECT_EQ(shape, Shape({1, 1, 1}));
}

TEST(SumOp, ScalarInputIgnoresAxes) {
  Shape shape;
  EXPECT_EQ(RunOp<float>(SumModel(Var("x", DataType::kFloat32, {}), {0},
                                  Var("y", DataType::kFloat32, {})),
                         std::vector<float>{2.5f}, &shape),
            (std::vector<float>{2.5f}));
  EXPECT_EQ(shape.rank, 0);
}

TEST(SumOp, EmptyInputGivesZeros) {
  EXPECT_EQ(RunOp<float>(SumModel(Var("x", DataType::kFloat32, {0, 3}), {0},
                                  Var("y", DataType::kFloat32, {})),
                         std::vector<float>{}),
            (std::vector<float>{0, 0, 0}));
}

TEST(SumOp, IntegersWrap) {
  const int32_t big = std::numeric_limits<int32_t>::max();
  EXPECT_EQ(RunOp<int32_t>(SumModel(Var("x", DataType::kInt32, {2}), {0},
                                    Var("y", DataType::kInt32, {})),
                           std::vector<int32_t>{big, 1}),
            (std::vector<int32_t>{std::numeric_limits<int32_t>::min()}));
  EXPECT_EQ(RunOp<int64_t>(SumModel(Var("x", DataType::kInt64, {3}), {0},
                                    Var("y", DataType::kInt64, {})),
                           std::vector<int64_t>{int64_t{1} << 40, -5, 7}),
            (std::vector<int64_t>{(int64_t{1} << 40) + 2}));
}

TEST(SumOp, QuantizedInt8) {
  // in (0.5, zp 1), out (1, zp -2): scale 0.5, N 2, bias (-1 * 0.5) * 2 = -1.
  // Row [3,5]: 8 * 0.5 - 1 = 3 → 3 - 2 = 1. Row [-1,7]: 6 * 0.5 - 1 = 2 → 0.
  EXPECT_EQ(
      RunOp<int8_t>(SumModel(Var("x", DataType::kInt8, {2, 2}, {0.5f}, {1}),
                             {1}, Var("y", DataType::kInt8, {}, {1.0f}, {-2})),
                    std::vector<int8_t>{3, 5, -1, 7}),
      (std::vector<int8_t>{1, 0}));
}

TEST(SumOp, QuantizedRoundsHalfAwayFromZero) {
  // scale 0.25: 2 * 0.25 = 0.5 → 1 and -2 * 0.25 = -0.5 → -1.
  EXPECT_EQ(
      RunOp<int8_t>(SumModel(Var("x", DataType::kInt8, {2, 2}, {0.25f}, {0}),
                             {1}, Var("y", DataType::kInt8, {}, {1.0f}, {0})),
                    std::vector<int8_t>{1, 1, -1, -1}),
      (std::vector<int8_t>{1, -1}));
}

TEST(SumOp, QuantizedClamps) {
  // 100 + 100 = 200 does not fit int8: clamped to 127 (current TFLite).
  EXPECT_EQ(
      RunOp<int8_t>(SumModel(Var("x", DataType::kInt8, {2}, {1.0f}, {0}), {0},
                             Var("y", DataType::kInt8, {}, {1.0f}, {0})),
                    std::vector<int8_t>{100, 100}),
      (std::vector<int8_t>{127}));
}

TEST(SumOp, QuantizedUint8AndInt16) {
  // uint8 in (1, 128), out (2, 128): acc 420, scale 0.5,
  // bias (-128 * 0.5) * 3 = -192: 210 - 192 = 18 → 146.
  EXPECT_EQ(RunOp<uint8_t>(
                SumModel(Var("x", DataType::kUInt8, {3}, {1.0f}, {128}), {0},
                         Var("y", DataType::kUInt8, {}, {2.0f}, {128})),
                std::vector<uint8_t>{130, 140, 150}),
            (std::vector<uint8_t>{146}));
  // int16 (0.5) → (0.25): scale 2; 1000 + 3000 → 8000.
  EXPECT_EQ(RunOp<int16_t>(
                SumModel(Var("x", DataType::kInt16, {1, 2}, {0.5f}, {0}), {1},
                         Var("y", DataType::kInt16, {}, {0.25f}, {0})),
                std::vector<int16_t>{1000, 3000}),
            (std::vector<int16_t>{8000}));
}

TEST(SumOp, MicroArithmeticRoundsTwice) {
  // int8 0.1 → 0.3 (zero points 0), x = [-128, -128], acc = -256.
  // kTflite: -256 * f32(0.1f / 0.3f) = -85.33 → -85.
  // kMicro: QuantizeMultiplier(1/3) = (round(2/3 * 2^31), -1);
  // SaturatingRoundingDoublingHighMul(-256, m) = round(-170.67) = -171, then
  // RoundingDivideByPOT(-171, 1) = -85.5 → -86 (the double rounding).
  const SingleOpModel m =
      SumModel(Var("x", DataType::kInt8, {2}, {0.1f}, {0}), {0},
               Var("y", DataType::kInt8, {}, {0.3f}, {0}));
  const std::vector<int8_t> x = {-128, -128};
  EXPECT_EQ(RunOp<int8_t>(m, x, nullptr, QuantArithmetic::kTflite),
            (std::vector<int8_t>{-85}));
  EXPECT_EQ(RunOp<int8_t>(m, x, nullptr, QuantArithmetic::kMicro),
            (std::vector<int8_t>{-86}));
  // With a zero point: uint8 (0.5, zp 10) → (1, zp 0), x = [11, 12]:
  // (23 - 20) * 0.5 = 1.5 → 2 in both modes.
  const SingleOpModel u =
      SumModel(Var("x", DataType::kUInt8, {2}, {0.5f}, {10}), {0},
               Var("y", DataType::kUInt8, {}, {1.0f}, {0}));
  for (QuantArithmetic a :
       {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
    EXPECT_EQ(RunOp<uint8_t>(u, std::vector<uint8_t>{11, 12}, nullptr, a),
              (std::vector<uint8_t>{2}));
  }
}

TEST(SumOp, QuantizedEmptyInputGivesRawZeros) {
  EXPECT_EQ(
      RunOp<int8_t>(SumModel(Var("x", DataType::kInt8, {0, 2}, {1.0f}, {3}),
                             {0}, Var("y", DataType::kInt8, {}, {1.0f}, {3})),
                    std::vector<int8_t>{}),
      (std::vector<int8_t>{0, 0}));
}

TEST(SumOp, Rejections) {
  EXPECT_PREPARE_ERROR(
      SumModel(Var("x", DataType::kFloat32, {2, 3}), {2},
               Var("y", DataType::kFloat32, {})),
      StatusCode::kInvalidModel,
      "input 1 (tensor 1 'axis'): axis 2 is out of range for input shape "
      "[2, 3]");
  EXPECT_PREPARE_ERROR(OpModel(tfl::BuiltinOperator::SUM, 1,
                               {Var("x", DataType::kFloat32, {2}),
                                Var("axis", DataType::kInt32, {1})},
                               {Var("y", DataType::kFloat32, {})}),
                       StatusCode::kUnsupported,
                       "a non-constant axis tensor is not supported");
  EXPECT_PREPARE_ERROR(
      SumModel(Var("x", DataType::kInt16, {2}, {1.0f}, {1}), {0},
               Var("y", DataType::kInt16, {}, {1.0f}, {1})),
      StatusCode::kInvalidModel, "int16 SUM needs zero points 0");
  EXPECT_PREPARE_ERROR(SumModel(Var("x", DataType::kBool, {2}), {0},
                                Var("y", DataType::kBool, {})),
                       StatusCode::kUnsupported,
                       "SUM of bool is not supported");
  EXPECT_PREPARE_ERROR(SumModel(Var("x", DataType::kInt8, {2}), {0},
                                Var("y", DataType::kInt8, {})),
                       StatusCode::kInvalidModel,
                       "int8 tensor must be quantized");
}

TEST(SumOp, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(SumModel(Var("x", DataType::kInt8, {2, 3}, {0.5f}, {1}),
                                 {1},
                                 Var("y", DataType::kInt8, {}, {1.0f}, {0})));
  ExpectNoAllocInInvoke(SumModel(Var("x", DataType::kFloat32, {2, 3}), {0},
                                 Var("y", DataType::kFloat32, {})));
}

}  // namespace
}  // namespace edgelite
