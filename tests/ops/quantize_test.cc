// QUANTIZE: hand-computed cases for both QuantArithmetic modes.
//  kTflite: float32 → int8/uint8 and same-type int8/uint8 requantization in
//           the delegate's scale range run XNNPACK's converts; the rest runs
//           TFLite's reference AffineQuantize / Requantize.
//  kMicro:  TFLite's reference AffineQuantize / Requantize everywhere.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"
#include "support/op_test_util.h"

namespace edgelite {
namespace {

using testing::SingleOpModel;
using testing::TensorSpec;
using testing::Var;

std::vector<uint8_t> QuantizeModel(const TensorSpec& in,
                                   const TensorSpec& out) {
  SingleOpModel m;
  m.inputs = {in};
  m.outputs = {out};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::QUANTIZE);
  return m.Build();
}

template <typename Out, typename In>
std::vector<Out> RunQuantize(const std::vector<uint8_t>& model,
                             const std::vector<In>& input,
                             QuantArithmetic mode) {
  InterpreterOptions options;
  options.arithmetic = mode;
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp, options);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  EXPECT_EQ(interp->input(0)->bytes, input.size() * sizeof(In));
  testing::SetInput(interp.get(), 0, input);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<Out>(*interp, 0);
}

Status PrepareStatus(const std::vector<uint8_t>& model) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(model, &interp);
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

constexpr QuantArithmetic kTflite = QuantArithmetic::kTflite;
constexpr QuantArithmetic kMicro = QuantArithmetic::kMicro;

// ---- float32 → int8 / uint8 ----

TEST(QuantizeTest, FloatToInt8TiesRoundToEvenInTfliteAwayInMicro) {
  // Scale 0.5, zero point 0: inv = 1 / 0.5f = 2 exactly, so x * inv and
  // x / 0.5 agree and only the tie rule differs.
  //   x:       0.25  0.75  -0.25  -0.75  1.25   100  -100   0
  //   x/0.5:   0.5   1.5   -0.5   -1.5   2.5    200  -200   0
  //   kTflite (half to even, clamp [-128, 127]):
  //            0     2      0     -2     2      127  -128   0
  //   kMicro  (half away from zero):
  //            1     2     -1     -2     3      127  -128   0
  const auto model = QuantizeModel(Var("x", DataType::kFloat32, {8}),
                                   Var("q", DataType::kInt8, {8}, {0.5f}, {0}));
  const std::vector<float> x = {0.25f, 0.75f,  -0.25f,  -0.75f,
                                1.25f, 100.0f, -100.0f, 0.0f};
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kTflite),
            (std::vector<int8_t>{0, 2, 0, -2, 2, 127, -128, 0}));
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kMicro),
            (std::vector<int8_t>{1, 2, -1, -2, 3, 127, -128, 0}));
}

TEST(QuantizeTest, FloatToInt8ZeroPointAndClampBeforeRounding) {
  // Scale 0.5, zero point 10. kTflite clamps x*2 to [-138, 117] in float,
  // rounds half to even, adds 10; kMicro rounds x/0.5 half away, adds 10,
  // clamps to [-128, 127].
  //   x = 0.25  → 0.5   → kTflite 0+10 = 10,     kMicro 1+10 = 11
  //   x = 58.25 → 116.5 → kTflite 116+10 = 126,  kMicro 117+10 = 127
  //   x = 58.75 → 117.5 → kTflite 117+10 = 127,  kMicro 118+10 → 127
  //   x = -69   → -138  → both -128
  //   x = -70   → -140  → both -128
  const auto model =
      QuantizeModel(Var("x", DataType::kFloat32, {5}),
                    Var("q", DataType::kInt8, {5}, {0.5f}, {10}));
  const std::vector<float> x = {0.25f, 58.25f, 58.75f, -69.0f, -70.0f};
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kTflite),
            (std::vector<int8_t>{10, 126, 127, -128, -128}));
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kMicro),
            (std::vector<int8_t>{11, 127, 127, -128, -128}));
}

TEST(QuantizeTest, FloatToInt8MultipliesByTheFloatInverse) {
  // Scale 0.3f (0.300000011920929). kTflite: inv = f32(1 / 0.3f) =
  // 3.33333325386 (0x40555555); x = -35.25: x * inv = -117.4999972, which
  // rounds (float product) to exactly -117.5, a tie → even → -118.
  // kMicro: x / 0.3f = -117.49999533 → float -117.499992, not a tie → -117.
  const auto model = QuantizeModel(Var("x", DataType::kFloat32, {1}),
                                   Var("q", DataType::kInt8, {1}, {0.3f}, {0}));
  EXPECT_EQ(RunQuantize<int8_t>(model, std::vector<float>{-35.25f}, kTflite),
            (std::vector<int8_t>{-118}));
  EXPECT_EQ(RunQuantize<int8_t>(model, std::vector<float>{-35.25f}, kMicro),
            (std::vector<int8_t>{-117}));
}

TEST(QuantizeTest, FloatToUint8) {
  // Scale 0.25, zero point 128 (inv = 4 exactly); range after the zero point
  // [-128, 127].
  //   x = 0.125  → 0.5   → kTflite 0+128 = 128, kMicro 1+128 = 129
  //   x = 31.625 → 126.5 → kTflite 126+128 = 254, kMicro 127+128 = 255
  //   x = 31.875 → 127.5 → kTflite clamp 127 → 255, kMicro 128+128 → 255
  //   x = -32    → -128  → both 0;  x = -40 → -160 → both 0
  const auto model =
      QuantizeModel(Var("x", DataType::kFloat32, {5}),
                    Var("q", DataType::kUInt8, {5}, {0.25f}, {128}));
  const std::vector<float> x = {0.125f, 31.625f, 31.875f, -32.0f, -40.0f};
  EXPECT_EQ(RunQuantize<uint8_t>(model, x, kTflite),
            (std::vector<uint8_t>{128, 254, 255, 0, 0}));
  EXPECT_EQ(RunQuantize<uint8_t>(model, x, kMicro),
            (std::vector<uint8_t>{129, 255, 255, 0, 0}));
}

TEST(QuantizeTest, FloatInfinitiesClampAndNanGoesToTheMinimum) {
  // +inf/-inf saturate; NaN has no defined result in TFLite (XNNPACK's
  // result depends on the ISA); edgelite maps it to the type minimum in both
  // modes, like XNNPACK's scalar kernel.
  const auto model =
      QuantizeModel(Var("x", DataType::kFloat32, {3}),
                    Var("q", DataType::kUInt8, {3}, {0.25f}, {128}));
  const std::vector<float> x = {std::numeric_limits<float>::infinity(),
                                -std::numeric_limits<float>::infinity(),
                                std::numeric_limits<float>::quiet_NaN()};
  EXPECT_EQ(RunQuantize<uint8_t>(model, x, kTflite),
            (std::vector<uint8_t>{255, 0, 0}));
  EXPECT_EQ(RunQuantize<uint8_t>(model, x, kMicro),
            (std::vector<uint8_t>{255, 0, 0}));
}

// ---- float32 → int16 (not delegated: TFLite's AffineQuantize) ----

TEST(QuantizeTest, FloatToInt16RoundsHalfAwayInBothModes) {
  //   x/0.5: 0.5 → 1, -0.5 → -1, 1.5 → 2, 40000 → 32767, -40000 → -32768
  const auto model =
      QuantizeModel(Var("x", DataType::kFloat32, {5}),
                    Var("q", DataType::kInt16, {5}, {0.5f}, {0}));
  const std::vector<float> x = {0.25f, -0.25f, 0.75f, 20000.0f, -20000.0f};
  const std::vector<int16_t> want = {1, -1, 2, 32767, -32768};
  EXPECT_EQ(RunQuantize<int16_t>(model, x, kTflite), want);
  EXPECT_EQ(RunQuantize<int16_t>(model, x, kMicro), want);
}

TEST(QuantizeTest, FloatToInt16DividesInDouble) {
  // TFLite's AffineQuantize keeps the scale as a double: x / scale is a
  // double division. 31.6645450592041 / 0.0431103408337 = 734.49999343 in
  // double (→ 734), but exactly 734.5f in float32 (→ 735 half away).
  const auto model =
      QuantizeModel(Var("x", DataType::kFloat32, {1}),
                    Var("q", DataType::kInt16, {1}, {0.0431103408337f}, {0}));
  const std::vector<float> x = {31.6645450592041f};
  EXPECT_EQ(RunQuantize<int16_t>(model, x, kTflite), std::vector<int16_t>{734});
  EXPECT_EQ(RunQuantize<int16_t>(model, x, kMicro), std::vector<int16_t>{734});
}

// ---- uint8 ↔ int8 (not delegated: TFLite's Requantize) ----

TEST(QuantizeTest, Tf2MobilenetInputUint8ToInt8FlipsTheSignBit) {
  // tf2_mobilenet_v2_1.0_224_ptq op 0: uint8 (0.00784313772, 127) → int8
  // (0.00784313772, -1). Same scale: multiplier 2^30, shift 1; the zero
  // points differ by 128, so TFLite XORs 0x80: q - 127 + (-1) = q - 128.
  const auto model = QuantizeModel(
      Var("input", DataType::kUInt8, {5}, {0.00784313772f}, {127}),
      Var("tfl.quantize", DataType::kInt8, {5}, {0.00784313772f}, {-1}));
  const std::vector<uint8_t> x = {0, 1, 127, 128, 255};
  const std::vector<int8_t> want = {-128, -127, -1, 0, 127};
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kTflite), want);
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kMicro), want);
}

TEST(QuantizeTest, Tf2MobilenetOutputInt8ToUint8FlipsTheSignBit) {
  // tf2_mobilenet_v2_1.0_224_ptq op 67: int8 (0.00390625, -128) → uint8
  // (0.00390625, 0): q + 128.
  const auto model = QuantizeModel(
      Var("Identity1", DataType::kInt8, {4}, {0.00390625f}, {-128}),
      Var("Identity", DataType::kUInt8, {4}, {0.00390625f}, {0}));
  const std::vector<int8_t> x = {-128, -1, 0, 127};
  const std::vector<uint8_t> want = {0, 127, 128, 255};
  EXPECT_EQ(RunQuantize<uint8_t>(model, x, kTflite), want);
  EXPECT_EQ(RunQuantize<uint8_t>(model, x, kMicro), want);
}

TEST(QuantizeTest, Uint8ToInt8WithScaleChange) {
  // uint8 (0.5, 128) → int8 (1.0, 0): ratio 0.5 → QuantizeMultiplier gives
  // (2^30, shift 0); MultiplyByQuantizedMultiplier(d, 2^30, 0) =
  // SaturatingRoundingDoublingHighMul(d, 2^30), which rounds halves up
  // (toward +inf).
  //   q=131: d=3 → 1.5 → 2      q=125: d=-3 → -1.5 → -1
  //   q=255: d=127 → 63.5 → 64  q=0: d=-128 → -64
  const auto model =
      QuantizeModel(Var("x", DataType::kUInt8, {4}, {0.5f}, {128}),
                    Var("q", DataType::kInt8, {4}, {1.0f}, {0}));
  const std::vector<uint8_t> x = {131, 125, 255, 0};
  const std::vector<int8_t> want = {2, -1, 64, -64};
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kTflite), want);
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kMicro), want);
}

// ---- int8 → int8, uint8 → uint8 ----

TEST(QuantizeTest, Int8ToInt8ScaleChangeXnnpackVsReference) {
  // int8 (0.25, 0) → int8 (1.0, 0): ratio 0.25.
  // kTflite (XNNPACK qs8 convert): m = lrintf(256 * 0.25) = 64;
  //   q = (d*64 + 128) >> 8 (floor): ties go toward +inf.
  //   d=-6: -256>>8 = -1   d=-2: 0>>8 = 0   d=1: 192>>8 = 0
  //   d=2: 256>>8 = 1      d=6: 512>>8 = 2
  //   d=-128: -8064>>8 = -32 (floor of -31.5)   d=127: 8256>>8 = 32
  // kMicro (Requantize): QuantizeMultiplier(0.25) = (2^30, shift -1):
  //   high-mul rounds d/2 (halves up), then RoundingDivideByPOT(., 1) rounds
  //   half away from zero — two roundings.
  //   d=-6: -3 → -1.5 → -2    d=-2: -1 → -0.5 → -1   d=1: 0.5 → 1 → 0.5 → 1
  //   d=2: 1 → 1              d=6: 3 → 2
  //   d=-128: -64 → -32       d=127: 63.5 → 64 → 32
  const auto model = QuantizeModel(Var("x", DataType::kInt8, {7}, {0.25f}, {0}),
                                   Var("q", DataType::kInt8, {7}, {1.0f}, {0}));
  const std::vector<int8_t> x = {-6, -2, 1, 2, 6, -128, 127};
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kTflite),
            (std::vector<int8_t>{-1, 0, 0, 1, 2, -32, 32}));
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kMicro),
            (std::vector<int8_t>{-2, -1, 1, 1, 2, -32, 32}));
}

TEST(QuantizeTest, Uint8ToUint8DeeplabRequantization) {
  // deeplabv3_mnv2_dm05_pascal_quant op 65: uint8 (0.0122983968, 0) → uint8
  // (0.0290829986, 0). Ratio f32(0.0122983968 / 0.0290829986) = 0.422872365,
  // inside XNNPACK's [2^-8, 2^7].
  // kTflite: m = lrintf(256 * 0.422872365) = lrintf(108.255) = 108;
  //   q=1: (108+128)>>8 = 0        q=13: (1404+128)>>8 = 5
  //   q=255: (27540+128)>>8 = 108
  // kMicro: QuantizeMultiplier(0.4228723...) = (round(0.845744731 * 2^31),
  //   shift -1). q=1: high-mul 0.8457 → 1, then 1/2 = 0.5 → 1 (the double
  //   rounding). q=13: 13*0.8457 = 10.99 → 11, 11/2 = 5.5 → 6.
  //   q=255: 215.66 → 216 → 108.
  const auto model = QuantizeModel(
      Var("ResizeBilinear", DataType::kUInt8, {3}, {0.0122983968f}, {0}),
      Var("ResizeBilinear1", DataType::kUInt8, {3}, {0.0290829986f}, {0}));
  const std::vector<uint8_t> x = {1, 13, 255};
  EXPECT_EQ(RunQuantize<uint8_t>(model, x, kTflite),
            (std::vector<uint8_t>{0, 5, 108}));
  EXPECT_EQ(RunQuantize<uint8_t>(model, x, kMicro),
            (std::vector<uint8_t>{1, 6, 108}));
}

TEST(QuantizeTest, Int8ToInt8OutsideXnnpackRangeUsesReference) {
  // int8 (1/300, -128) → int8 (1.0, 0): ratio 0.00333 < 2^-8, which the
  // XNNPACK delegate declines, so kTflite also runs Requantize.
  // QuantizeMultiplier(0.003333) = (round(0.853333 * 2^31), shift -8).
  //   q=0:   d=128: high-mul 109.2 → 109, 109/256 = 0.43 → 0
  //          (XNNPACK with m = lrintf(0.853) = 1 would give (128+128)>>8 = 1)
  //   q=127: d=255: 217.6 → 218, 218/256 = 0.85 → 1
  //   q=-128: d=0 → 0
  const auto model =
      QuantizeModel(Var("x", DataType::kInt8, {3}, {1.0f / 300.0f}, {-128}),
                    Var("q", DataType::kInt8, {3}, {1.0f}, {0}));
  const std::vector<int8_t> x = {0, 127, -128};
  const std::vector<int8_t> want = {0, 1, 0};
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kTflite), want);
  EXPECT_EQ(RunQuantize<int8_t>(model, x, kMicro), want);
}

// ---- int16 input ----

TEST(QuantizeTest, Int16ToInt8AndInt16) {
  // int16 (0.5, 0) → int8 (1.0, 0): ratio 0.5, (2^30, shift 0), high-mul
  // rounds halves up: 3 → 1.5 → 2, -3 → -1.5 → -1, 1 → 0.5 → 1,
  // -1 → -0.5 → 0, 1000 → 500 → 127, -1000 → -500 → -128.
  const auto to_int8 =
      QuantizeModel(Var("x", DataType::kInt16, {6}, {0.5f}, {0}),
                    Var("q", DataType::kInt8, {6}, {1.0f}, {0}));
  const std::vector<int16_t> x = {3, -3, 1, -1, 1000, -1000};
  EXPECT_EQ(RunQuantize<int8_t>(to_int8, x, kTflite),
            (std::vector<int8_t>{2, -1, 1, 0, 127, -128}));
  // int16 (0.5, 0) → int16 (0.25, 0): ratio 2, (2^30, shift 2):
  // 100 → 200, -7 → -14, 20000 → 40000 → 32767.
  const auto to_int16 =
      QuantizeModel(Var("x", DataType::kInt16, {3}, {0.5f}, {0}),
                    Var("q", DataType::kInt16, {3}, {0.25f}, {0}));
  const std::vector<int16_t> y = {100, -7, 20000};
  EXPECT_EQ(RunQuantize<int16_t>(to_int16, y, kMicro),
            (std::vector<int16_t>{200, -14, 32767}));
  EXPECT_EQ(RunQuantize<int16_t>(to_int16, y, kTflite),
            (std::vector<int16_t>{200, -14, 32767}));
}

TEST(QuantizeTest, InvokeAllocatesNothing) {
  const auto model = QuantizeModel(Var("x", DataType::kFloat32, {8}),
                                   Var("q", DataType::kInt8, {8}, {0.5f}, {0}));
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ---- errors ----

TEST(QuantizeTest, RejectsPerChannelOutput) {
  TensorSpec out = Var("q", DataType::kInt8, {2}, {0.5f, 0.25f}, {0, 0});
  const Status s =
      PrepareStatus(QuantizeModel(Var("x", DataType::kFloat32, {2}), out));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (QUANTIZE v1): output 0 (tensor 1 'q'): "
                       "per-channel output quantization (2 scales) is not "
                       "supported"))
      << s.message();
}

TEST(QuantizeTest, RejectsUnquantizedOutput) {
  const Status s = PrepareStatus(QuantizeModel(
      Var("x", DataType::kFloat32, {2}), Var("q", DataType::kInt8, {2})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "output 0 (tensor 1 'q'): int8 output has no "
                       "quantization parameters"))
      << s.message();
}

TEST(QuantizeTest, RejectsUnquantizedInput) {
  const Status s =
      PrepareStatus(QuantizeModel(Var("x", DataType::kInt8, {2}),
                                  Var("q", DataType::kInt8, {2}, {0.5f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "input 0 (tensor 0 'x'): int8 tensor must "
                       "be quantized"))
      << s.message();
}

TEST(QuantizeTest, RejectsUnsupportedTypeCombinations) {
  Status s = PrepareStatus(QuantizeModel(Var("x", DataType::kFloat32, {2}),
                                         Var("q", DataType::kFloat32, {2})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "float32 -> float32 is not supported"))
      << s.message();
  s = PrepareStatus(
      QuantizeModel(Var("x", DataType::kInt8, {2}, {0.5f}, {0}),
                    Var("q", DataType::kInt16, {2}, {0.5f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "int8 -> int16 is not supported"))
      << s.message();
}

TEST(QuantizeTest, RejectsScaleRatioThatWouldOverflow) {
  // int8 → uint8 always runs Requantize; a ratio of 2^25 needs a left shift
  // of 26 bits, and |x - zp| = 128 shifted by 26 does not fit in int32.
  const Status s = PrepareStatus(
      QuantizeModel(Var("x", DataType::kInt8, {2}, {33554432.0f}, {0}),
                    Var("q", DataType::kUInt8, {2}, {1.0f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "scale ratio 3.35544e+07 is too large"))
      << s.message();
}

}  // namespace
}  // namespace edgelite
