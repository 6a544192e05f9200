// TANH: float32, int8/uint8 lookup tables, both int16 paths (gemmlowp fixed
// point for power-of-two input scales, TFLite's sigmoid table otherwise),
// tflite-micro's int8 fixed point, and the rejected configurations.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

std::vector<uint8_t> TanhModel(const TensorSpec& in, const TensorSpec& out) {
  return Model(OpOf(tfl::BuiltinOperator::TANH, 2), in, out);
}

TEST(TanhTest, Float) {
  const float inf = std::numeric_limits<float>::infinity();
  const auto model = TanhModel(Var("x", DataType::kFloat32, {6}),
                               Var("y", DataType::kFloat32, {6}));
  const auto y = RunUnary<float>(
      model, std::vector<float>{0.0f, 0.5f, -1.0f, 3.0f, -inf, inf});
  ASSERT_EQ(y.size(), 6u);
  EXPECT_EQ(y[0], 0.0f);
  EXPECT_NEAR(y[1], 0.46211715726f, 1e-7);
  EXPECT_NEAR(y[2], -0.76159415595f, 1e-7);
  EXPECT_NEAR(y[3], 0.99505475368f, 1e-7);
  EXPECT_EQ(y[4], -1.0f);
  EXPECT_EQ(y[5], 1.0f);
}

TEST(TanhTest, Int8Table) {
  // x = q/16, y = round_half_away(tanh(x) · 128):
  //   q=16: tanh(1) = 0.76159 → 97.48 → 97;  q=8: tanh(0.5) → 59.15 → 59;
  //   q=4: tanh(0.25) = 0.24492 → 31.35 → 31; q=127: 127.99996 → 128 → 127;
  //   q=-128: tanh(-8) → -127.99996 → -128.
  const auto model =
      TanhModel(Var("x", DataType::kInt8, {8}, {1.0f / 16}, {0}),
                Var("y", DataType::kInt8, {8}, {1.0f / 128}, {0}));
  EXPECT_EQ(RunUnary<int8_t>(
                model, std::vector<int8_t>{0, 16, 8, 4, -16, -4, 127, -128}),
            (std::vector<int8_t>{0, 97, 59, 31, -97, -31, 127, -128}));
}

TEST(TanhTest, Uint8Table) {
  // As above around zero point 128 on both sides.
  const auto model =
      TanhModel(Var("x", DataType::kUInt8, {5}, {1.0f / 16}, {128}),
                Var("y", DataType::kUInt8, {5}, {1.0f / 128}, {128}));
  EXPECT_EQ(
      RunUnary<uint8_t>(model, std::vector<uint8_t>{128, 144, 112, 255, 0}),
      (std::vector<uint8_t>{128, 225, 31, 255, 0}));
}

TEST(TanhTest, Int8MicroIgnoresOutputQuantization) {
  // Output scale 1/64, zero point 10. kTflite: tanh(1) · 64 = 48.74 → 49,
  // + 10 = 59. kMicro (tflite-micro's fixed point) always produces Q0.7:
  // input multiplier (1/16)·2^27 = 2^23 → (2^30, shift 24), radius
  // 15·2^27/2^24 = 120; q=16 → 1.0 in Q4.27 → tanh = 0.76159·2^31, / 2^24
  // → 97.48 → 97. q=127 ≥ radius → 127; q=-120 ≤ -radius → -128.
  const auto model =
      TanhModel(Var("x", DataType::kInt8, {3}, {1.0f / 16}, {0}),
                Var("y", DataType::kInt8, {3}, {1.0f / 64}, {10}));
  const std::vector<int8_t> x = {16, 127, -120};
  EXPECT_EQ(RunUnary<int8_t>(model, x), (std::vector<int8_t>{59, 74, -54}));
  EXPECT_EQ(RunUnary<int8_t>(model, x, QuantArithmetic::kMicro),
            (std::vector<int8_t>{97, 127, -128}));
}

TEST(TanhTest, Int16SigmoidTable) {
  // Input scale 1/3072 is no power of two: TFLite rescales to the table's
  // input scale 1/(3·4096) with multiplier f32(1/3072)·12288 = 4.0000001,
  // doubled 12 times past 16383.5 → 16384, shift 12; so v = 4x exactly.
  //   x=3072 (1.0): v=12288, uh=48, ut=0 → table[48]=57724 → 57724·256
  //     − 2^23 + 128 = 6388864 → >> 8 = 24956 (tanh(1)·2^15 = 24956.4);
  //   x=-3072: −14777344 + 2^23 + 127 = −6388609 → >> 8 = −24956;
  //   x=100: v = (1638400 + 2048) >> 12 = 400, uh=1, ut=144:
  //     33451·256 + 144·(34133 − 33451) = 8661664 → 273184 → 1067.
  const auto model =
      TanhModel(Var("x", DataType::kInt16, {4}, {1.0f / 3072}, {0}),
                Var("y", DataType::kInt16, {4}, {1.0f / 32768}, {0}));
  const std::vector<int16_t> x = {0, 100, 3072, -3072};
  const std::vector<int16_t> want = {0, 1067, 24956, -24956};
  EXPECT_EQ(RunUnary<int16_t>(model, x), want);
  EXPECT_EQ(RunUnary<int16_t>(model, x, QuantArithmetic::kMicro), want);
}

TEST(TanhTest, Int16PowerOfTwoScaleUsesFixedPoint) {
  // Scale 2^-12: the input is Q3.12 as is. gemmlowp's int16 tanh works on
  // 16-bit intermediates and is only good to about 2^-12 (TFLite's outputs
  // show the same: 24964 for tanh(1), not 24956): exactly odd, 0 at 0,
  // saturating at 8. The conformance suite checks its exact bits.
  const auto model =
      TanhModel(Var("x", DataType::kInt16, {6}, {1.0f / 4096}, {0}),
                Var("y", DataType::kInt16, {6}, {1.0f / 32768}, {0}));
  const auto y = RunUnary<int16_t>(
      model, std::vector<int16_t>{0, 4096, -4096, 2048, 32767, -32767});
  ASSERT_EQ(y.size(), 6u);
  EXPECT_EQ(y[0], 0);
  EXPECT_NEAR(y[1], 24956.4, 16.0);  // tanh(1) · 2^15
  EXPECT_EQ(y[2], -y[1]);
  EXPECT_NEAR(y[3], 15148.6, 16.0);  // tanh(0.5) · 2^15
  EXPECT_GE(y[4], 32766);
  EXPECT_EQ(y[5], -y[4]);
}

TEST(TanhTest, Int16RejectsOutputScaleOtherThanTwoToMinus15) {
  const Status s = PrepareStatus(
      TanhModel(Var("x", DataType::kInt16, {2}, {1.0f / 4096}, {0}),
                Var("y", DataType::kInt16, {2}, {1.0f / 1000}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (TANH v2): output 0 (tensor 1 'y'): TANH of "
                       "int16 needs the output scale 2^-15, got 0.001"))
      << s.message();
}

TEST(TanhTest, Int16RejectsNonzeroZeroPoint) {
  const Status s = PrepareStatus(
      TanhModel(Var("x", DataType::kInt16, {2}, {1.0f / 4096}, {3}),
                Var("y", DataType::kInt16, {2}, {1.0f / 32768}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "TANH of int16 needs zero points 0, got input 3, "
                       "output 0"))
      << s.message();
}

TEST(TanhTest, RejectsUnsupportedType) {
  const Status s = PrepareStatus(TanhModel(Var("x", DataType::kInt32, {2}),
                                           Var("y", DataType::kInt32, {2})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(
      Contains(s.message(),
               "op 0 (TANH v2): input 0 (tensor 0 'x'): TANH of int32 "
               "is not supported (supported: float32, int8, uint8, int16)"))
      << s.message();
}

TEST(TanhTest, RejectsUnquantizedInt8) {
  const Status s = PrepareStatus(
      TanhModel(Var("x", DataType::kInt8, {2}),
                Var("y", DataType::kInt8, {2}, {1.0f / 128}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(), "int8 tensor must be quantized"))
      << s.message();
}

TEST(TanhTest, RejectsMixedTypes) {
  const Status s = PrepareStatus(
      TanhModel(Var("x", DataType::kFloat32, {2}),
                Var("y", DataType::kInt8, {2}, {1.0f / 128}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "type int8 differs from input 0 type "
                       "float32"))
      << s.message();
}

TEST(TanhTest, EmptyAndScalarTensors) {
  const auto empty = TanhModel(Var("x", DataType::kInt8, {0}, {0.1f}, {0}),
                               Var("y", DataType::kInt8, {0}, {0.1f}, {0}));
  EXPECT_TRUE(RunUnary<int8_t>(empty, std::vector<int8_t>{}).empty());
  const auto scalar = TanhModel(Var("x", DataType::kFloat32, {}),
                                Var("y", DataType::kFloat32, {}));
  EXPECT_EQ(RunUnary<float>(scalar, std::vector<float>{0.0f}),
            std::vector<float>{0.0f});
}

TEST(TanhTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      TanhModel(Var("x", DataType::kInt16, {9}, {1.0f / 3072}, {0}),
                Var("y", DataType::kInt16, {9}, {1.0f / 32768}, {0})));
  ExpectInvokeAllocatesNothing(
      TanhModel(Var("x", DataType::kInt8, {9}, {0.1f}, {3}),
                Var("y", DataType::kInt8, {9}, {1.0f / 128}, {0})));
}

}  // namespace
}  // namespace edgelite
