// SUB: float/int semantics with broadcasting and activations, and the
// quantized arithmetics: XNNPACK's fixed-point add with b negated (kTflite,
// scale ratios in [2^-10, 2^8)), TFLite's reference (kMicro, and kTflite
// outside that window), int16's power-of-two and general paths. Expected
// values are derived by hand in the comments.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel SubModel(TensorSpec a, TensorSpec b, TensorSpec out,
                       ActFn act = ActFn::NONE, int version = 1,
                       bool pot = true) {
  return OpModel(tfl::BuiltinOperator::SUB, version, {a, b}, {out},
                 tfl::BuiltinOptions::SubOptions, SubOpts(act, pot));
}

TEST(SubOp, FloatBroadcastRelu) {
  // [[1, 2, 3], [4, 5, 6]] - [2, 2, 7] = [[-1, 0, -4], [2, 3, -1]] -> relu.
  SingleOpModel m = SubModel(Var("a", DataType::kFloat32, {2, 3}),
                             Var("b", DataType::kFloat32, {3}),
                             Var("y", DataType::kFloat32, {2, 3}), ActFn::RELU);
  Shape shape;
  EXPECT_EQ((Run2<float, float>(m, {1, 2, 3, 4, 5, 6}, {2, 2, 7},
                                QuantArithmetic::kTflite, &shape)),
            (std::vector<float>{0, 0, 0, 2, 3, 0}));
  EXPECT_EQ(shape, Shape({2, 3}));
}

TEST(SubOp, FloatScalarMinusTensor) {
  SingleOpModel m = SubModel(Var("a", DataType::kFloat32, {}),
                             Var("b", DataType::kFloat32, {4}),
                             Var("y", DataType::kFloat32, {4}));
  EXPECT_EQ((Run2<float, float>(m, {10}, {1, 2.5f, -3, 10})),
            (std::vector<float>{9, 7.5f, 13, 0}));
}

TEST(SubOp, Int32WrapsAndClamps) {
  // INT32_MIN - 1 wraps to INT32_MAX; RELU6 then clamps it to 6.
  SingleOpModel m =
      SubModel(Var("a", DataType::kInt32, {3}), Var("b", DataType::kInt32, {3}),
               Var("y", DataType::kInt32, {3}), ActFn::RELU6);
  EXPECT_EQ((Run2<int32_t, int32_t>(m, {INT32_MIN, 3, 10}, {1, 5, 7})),
            (std::vector<int32_t>{6, 0, 3}));
}

TEST(SubOp, Int64Broadcast) {
  SingleOpModel m = SubModel(
      Var("a", DataType::kInt64, {2, 1}), Var("b", DataType::kInt64, {3}),
      Var("y", DataType::kInt64, {2, 3}), ActFn::NONE, 4);
  const int64_t big = int64_t{1} << 40;
  EXPECT_EQ((Run2<int64_t, int64_t>(m, {big, -1}, {1, 2, 3})),
            (std::vector<int64_t>{big - 1, big - 2, big - 3, -2, -3, -4}));
}

// int8, all scales 0.5 except the output's 1, zero points 0:
// y = (a - b) / 2.
// XNNPACK (kTflite): a_mul = b_mul = 0.5 -> shift 21, a_m = 2^20,
//   b_m = -2^20, bias = 2^20: y = floor((2^20 (1 + a - b)) / 2^21), i.e.
//   (a - b)/2 with ties rounded up.
// TFLite reference (kMicro): twice_max = 1, a/b multipliers 0.5 -> (2^30, 0)
//   (b negated), out 2^-20 -> (2^30, -19): the last RoundingDivideByPOT
//   rounds ties away from zero.
//   a - b:     1     -1     3     -3     4    -4
//   kTflite:   1      0     2     -1     2    -2
//   kMicro:    1     -1     2     -2     2    -2
TEST(SubOp, Int8XnnpackTiesRoundUpReferenceAway) {
  SingleOpModel m =
      SubModel(QSpec("a", DataType::kInt8, {6}, 0.5f, 0),
               QSpec("b", DataType::kInt8, {6}, 0.5f, 0),
               QSpec("y", DataType::kInt8, {6}, 1.0f, 0), ActFn::NONE, 2);
  const std::vector<int8_t> a = {1, 0, 3, 0, 4, -4};
  const std::vector<int8_t> b = {0, 1, 0, 3, 0, 0};
  EXPECT_EQ((Run2<int8_t, int8_t>(m, a, b, QuantArithmetic::kTflite)),
            (std::vector<int8_t>{1, 0, 2, -1, 2, -2}));
  EXPECT_EQ((Run2<int8_t, int8_t>(m, a, b, QuantArithmetic::kMicro)),
            (std::vector<int8_t>{1, -1, 2, -2, 2, -2}));
}

// Measured on LiteRT.js and tfjs-tflite (uint8): a_scale / out_scale = 2^-10
// is XNNPACK's (a - b = -0.5 -> 0), 2^-11 the built-in kernel's (-> -1).
// a = 0, b = 1 (scale 0.5), out scale 1 zero point 10; b = 3: -1.5.
TEST(SubOp, Uint8ScaleWindowPicksThePath) {
  auto model = [](float a_scale) {
    return SubModel(QSpec("a", DataType::kUInt8, {2}, a_scale, 0),
                    QSpec("b", DataType::kUInt8, {2}, 0.5f, 0),
                    QSpec("y", DataType::kUInt8, {2}, 1.0f, 10));
  };
  EXPECT_EQ((Run2<uint8_t, uint8_t>(model(1.0f / 1024), {0, 0}, {1, 3})),
            (std::vector<uint8_t>{10, 9}));
  EXPECT_EQ((Run2<uint8_t, uint8_t>(model(1.0f / 2048), {0, 0}, {1, 3})),
            (std::vector<uint8_t>{9, 8}));
  // a_scale / out_scale = 256: built-in again (measured 9, 8), 128: XNNPACK.
  EXPECT_EQ((Run2<uint8_t, uint8_t>(model(256.0f), {0, 0}, {1, 3})),
            (std::vector<uint8_t>{9, 8}));
  EXPECT_EQ((Run2<uint8_t, uint8_t>(model(128.0f), {0, 0}, {1, 3})),
            (std::vector<uint8_t>{10, 9}));
}

// XNNPACK quantizes the RELU6 bound with lrintf: 6 / 12 = 0.5 -> 0; TFLite
// rounds half away -> 1 (kMicro). (LiteRT.js measured 0.)
TEST(SubOp, Int8Relu6BoundRounding) {
  SingleOpModel m =
      SubModel(QSpec("a", DataType::kInt8, {2}, 12.0f, 0),
               QSpec("b", DataType::kInt8, {2}, 12.0f, 0),
               QSpec("y", DataType::kInt8, {2}, 12.0f, 0), ActFn::RELU6, 2);
  EXPECT_EQ(
      (Run2<int8_t, int8_t>(m, {3, -2}, {1, 0}, QuantArithmetic::kTflite)),
      (std::vector<int8_t>{0, 0}));
  EXPECT_EQ((Run2<int8_t, int8_t>(m, {3, -2}, {1, 0}, QuantArithmetic::kMicro)),
            (std::vector<int8_t>{1, 0}));
}

// int16, power-of-two path: a and out at 2^-10, b at 2^-12 (zero points 0):
// y = sat16(a - RoundingDivideByPOT(b, 2)), ties away from zero.
//   b = 6 -> 1.5 -> 2;  b = -6 -> -2;  b = 5 -> 1.25 -> 1.
TEST(SubOp, Int16PowerOfTwoPath) {
  SingleOpModel m = SubModel(QSpec("a", DataType::kInt16, {5}, 1.0f / 1024, 0),
                             QSpec("b", DataType::kInt16, {5}, 1.0f / 4096, 0),
                             QSpec("y", DataType::kInt16, {5}, 1.0f / 1024, 0),
                             ActFn::NONE, 5);
  EXPECT_EQ((Run2<int16_t, int16_t>(m, {100, 100, 100, -32768, 32767},
                                    {6, -6, 5, 32767, -32768})),
            (std::vector<int16_t>{98, 102, 99, -32768, 32767}));
}

// int16, general path (pot_scale_int16 false): left_shift 15; a at 2^-10,
// b at 2^-11, out 2^-10: twice_max = 2^-9, multipliers 0.5 -> (2^30, 0) and
// 0.25 -> (2^30, -1), out 2^-14 -> (2^30, -13):
//   sa = a·2^14, sb = -b·2^13, y = RDBPOT(2^12 (2a - b), 13) = (2a - b) / 2
//   rounded half away: (0, 1) -> -1, (0, -1) -> 1, (3, 1) -> 3 (2.5 -> 3).
TEST(SubOp, Int16GeneralPath) {
  SingleOpModel m = SubModel(QSpec("a", DataType::kInt16, {3}, 1.0f / 1024, 0),
                             QSpec("b", DataType::kInt16, {3}, 1.0f / 2048, 0),
                             QSpec("y", DataType::kInt16, {3}, 1.0f / 1024, 0),
                             ActFn::NONE, 5, /*pot=*/false);
  EXPECT_EQ((Run2<int16_t, int16_t>(m, {0, 0, 3}, {1, -1, 1})),
            (std::vector<int16_t>{-1, 1, 3}));
}

TEST(SubOp, Int16PowerOfTwoNeedsOneShiftlessInput) {
  // a's scale is twice the output's: TFLite's kernel refuses (a left shift).
  ExpectPrepareError(SubModel(QSpec("a", DataType::kInt16, {2}, 1.0f / 512, 0),
                              QSpec("b", DataType::kInt16, {2}, 1.0f / 2048, 0),
                              QSpec("y", DataType::kInt16, {2}, 1.0f / 1024, 0),
                              ActFn::NONE, 5),
                     StatusCode::kUnsupported,
                     "power-of-two scales 2^-9, 2^-11 -> 2^-10");
  // The same scales with pot_scale_int16 false take the general path.
  EXPECT_TRUE(
      PrepareStatus(SubModel(QSpec("a", DataType::kInt16, {2}, 1.0f / 512, 0),
                             QSpec("b", DataType::kInt16, {2}, 1.0f / 2048, 0),
                             QSpec("y", DataType::kInt16, {2}, 1.0f / 1024, 0),
                             ActFn::NONE, 5, false))
          .ok());
}

TEST(SubOp, RejectsUnquantizedInt16AndMixedTypes) {
  ExpectPrepareError(
      SubModel(Var("a", DataType::kInt16, {2}), Var("b", DataType::kInt16, {2}),
               Var("y", DataType::kInt16, {2})),
      StatusCode::kInvalidModel,
      "input 0 (tensor 0 'a'): int16 tensor must be quantized");
  ExpectPrepareError(SubModel(Var("a", DataType::kFloat32, {2}),
                              Var("b", DataType::kInt32, {2}),
                              Var("y", DataType::kFloat32, {2})),
                     StatusCode::kInvalidModel,
                     "input 1 (tensor 1 'b'): type int32 differs from input 0 "
                     "type float32");
  ExpectPrepareError(
      SubModel(Var("a", DataType::kBool, {2}), Var("b", DataType::kBool, {2}),
               Var("y", DataType::kBool, {2})),
      StatusCode::kUnsupported, "SUB of bool is not supported");
}

TEST(SubOp, RejectsIncompatibleShapes) {
  ExpectPrepareError(SubModel(Var("a", DataType::kFloat32, {2, 3}),
                              Var("b", DataType::kFloat32, {2}),
                              Var("y", DataType::kFloat32, {2, 3})),
                     StatusCode::kInvalidModel,
                     "SUB v1): cannot broadcast shapes [2, 3] and [2]");
}

TEST(SubOp, QuantizedInvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      SubModel(QSpec("a", DataType::kUInt8, {2, 3}, 0.1f, 128),
               QSpec("b", DataType::kUInt8, {3}, 0.2f, 100),
               QSpec("y", DataType::kUInt8, {2, 3}, 0.3f, 120)));
}

}  // namespace
}  // namespace edgelite
