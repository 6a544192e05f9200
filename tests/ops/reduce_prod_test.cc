// REDUCE_PROD: float and wrapping integer products, and TFLite's quantized
// product (each step rescaled by in_scale / out_scale^(1/N) with the int64
// MultiplyByQuantizedMultiplier). Expected values derived in the comments.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "spatial_test_util.h"

namespace edgelite {
namespace {

using namespace spatial_test;  // NOLINT

SingleOpModel ProdModel(TensorSpec in, std::vector<int32_t> axes,
                        TensorSpec out, bool keep_dims = false) {
  return ReduceModel(tfl::BuiltinOperator::REDUCE_PROD, std::move(in),
                     std::move(axes), std::move(out), keep_dims);
}

TEST(ReduceProdOp, Float) {
  // [[1,2,3],[4,5,6]]: rows 6 and 120, columns 4, 10, 18.
  EXPECT_EQ(RunOp<float>(ProdModel(Var("x", DataType::kFloat32, {2, 3}), {1},
                                   Var("y", DataType::kFloat32, {})),
                         Iota(6, 1)),
            (std::vector<float>{6, 120}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(ProdModel(Var("x", DataType::kFloat32, {2, 3}), {0},
                                   Var("y", DataType::kFloat32, {}), true),
                         Iota(6, 1), &shape),
            (std::vector<float>{4, 10, 18}));
  EXPECT_EQ(shape, Shape({1, 3}));
}

TEST(ReduceProdOp, IntegersWrap) {
  EXPECT_EQ(RunOp<int32_t>(ProdModel(Var("x", DataType::kInt32, {2}), {0},
                                     Var("y", DataType::kInt32, {})),
                           std::vector<int32_t>{65536, 65536}),
            (std::vector<int32_t>{0}));
  EXPECT_EQ(RunOp<int64_t>(ProdModel(Var("x", DataType::kInt64, {3}), {0},
                                     Var("y", DataType::kInt64, {})),
                           std::vector<int64_t>{-3, 1 << 20, 1 << 20}),
            (std::vector<int64_t>{-3 * (int64_t{1} << 40)}));
}

TEST(ReduceProdOp, QuantizedInt8) {
  // in (0.5, zp 0), out (1, zp 0), N = 2: scaling 0.5 → multiplier 2^30,
  // shift 0; the int64 path rounds it to 16384 and shifts by 15:
  //   MBQM64(v) = floor((v * 16384 + 16384) / 32768) = floor(v / 2 + 0.5).
  // [2, 4]: 2, then MBQM64(8) = 4, final MBQM64(4) = 2.
  // [3, -6]: 3, then MBQM64(-18) = -9, final MBQM64(-9) = floor(-4) = -4.
  EXPECT_EQ(
      RunOp<int8_t>(ProdModel(Var("x", DataType::kInt8, {2, 2}, {0.5f}, {0}),
                              {1}, Var("y", DataType::kInt8, {}, {1.0f}, {0})),
                    std::vector<int8_t>{2, 4, 3, -6}),
      (std::vector<int8_t>{2, -4}));
}

TEST(ReduceProdOp, QuantizedZeroPointsAndClamp) {
  // in (1, zp 10), out (1, zp -20), N = 1 (axis of size 1): scaling 1 →
  // multiplier 2^30, shift 1: MBQM64(v) = floor((v * 16384 + 8192) / 16384)
  // = v. x = 50 → 40 → 40 - 20 = 20; x = 127 → 117 - 20 = 97;
  // x = -128 → -138 - 20 = -158 → clamped to -128.
  EXPECT_EQ(RunOp<int8_t>(
                ProdModel(Var("x", DataType::kInt8, {3, 1}, {1.0f}, {10}), {1},
                          Var("y", DataType::kInt8, {}, {1.0f}, {-20})),
                std::vector<int8_t>{50, 127, -128}),
            (std::vector<int8_t>{20, 97, -128}));
}

TEST(ReduceProdOp, QuantizedInt16) {
  // in 0.5 → out 0.25, N = 2: scaling 0.5 / 0.5 = 1 → MBQM64 is exact:
  // 100 * 300 = 30000, final 30000 (real 50 * 150 = 7500 = 30000 * 0.25).
  EXPECT_EQ(RunOp<int16_t>(
                ProdModel(Var("x", DataType::kInt16, {2}, {0.5f}, {0}), {0},
                          Var("y", DataType::kInt16, {}, {0.25f}, {0})),
                std::vector<int16_t>{100, 300}),
            (std::vector<int16_t>{30000}));
}

TEST(ReduceProdOp, Rejections) {
  EXPECT_PREPARE_ERROR(ProdModel(Var("x", DataType::kInt8, {2}), {0},
                                 Var("y", DataType::kInt8, {})),
                       StatusCode::kUnsupported,
                       "REDUCE_PROD of non-quantized int8 is not supported");
  EXPECT_PREPARE_ERROR(
      ProdModel(Var("x", DataType::kUInt8, {2}, {1.0f}, {0}), {0},
                Var("y", DataType::kUInt8, {}, {1.0f}, {0})),
      StatusCode::kUnsupported, "REDUCE_PROD of uint8 is not supported");
  EXPECT_PREPARE_ERROR(
      ProdModel(Var("x", DataType::kInt16, {2}, {1.0f}, {2}), {0},
                Var("y", DataType::kInt16, {}, {1.0f}, {0})),
      StatusCode::kInvalidModel, "int16 REDUCE_PROD needs zero points 0");
}

TEST(ReduceProdOp, InvokeAllocatesNothing) {
  ExpectNoAllocInInvoke(
      ProdModel(Var("x", DataType::kInt8, {2, 2}, {0.5f}, {0}), {1},
                Var("y", DataType::kInt8, {}, {1.0f}, {0})));
}

}  // namespace
}  // namespace edgelite
