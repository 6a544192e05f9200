// DEPTHWISE_CONV_2D golden cases, each derived by hand in its comment from
// TFLite's definition (kernels/depthwise_conv.cc, reference/depthwiseconv_*.h,
// reference/integer_ops/depthwise_conv.h): with OC = C·M,
//   out(n,oy,ox,ic·M+m) = act(bias[oc] + Σ_{ky,kx} x(n, oy·sh − pad_h + ky·dh,
//                                  ox·sw − pad_w + kx·dw, ic) · w(0,ky,kx,oc))
// SAME padding puts the odd pixel at the bottom/right. Quantized: acc = bias +
// Σ (x − x_zp)(w − w_zp); kTflite: y = lrint(f32(acc)·f32(in_s·w_s/out_s)) +
// out_zp; kMicro: MultiplyByQuantizedMultiplier, which rounds twice — for a
// multiplier 0.5·2^−k it rounds acc/2 (ties up) and then rounds the shift.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"
#include "support/op_test_util.h"

namespace edgelite {
namespace {

using testing::Absent;
using testing::Const;
using testing::ExpectError;
using testing::Ints;
using testing::PrepareError;
using testing::RunOp;
using testing::TensorSpec;
using testing::Var;
using Act = tfl::ActivationFunctionType;

struct DwOpts {
  tfl::Padding padding = tfl::Padding::VALID;
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  int depth_multiplier = 0;  // newer converters write 0
  Act act = Act::NONE;
};

std::vector<uint8_t> DwModel(std::vector<TensorSpec> inputs,
                             const TensorSpec& out, const DwOpts& o = {}) {
  testing::SingleOpModel m;
  m.inputs = std::move(inputs);
  m.outputs = {out};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::DEPTHWISE_CONV_2D);
  m.op.version = 3;
  m.op.options_type = tfl::BuiltinOptions::DepthwiseConv2DOptions;
  m.op.options = [o](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateDepthwiseConv2DOptions(fbb, o.padding, o.stride_w,
                                             o.stride_h, o.depth_multiplier,
                                             o.act, o.dilation_w, o.dilation_h)
        .Union();
  };
  return m.Build();
}

constexpr DataType kF32 = DataType::kFloat32;
constexpr DataType kI8 = DataType::kInt8;
constexpr DataType kU8 = DataType::kUInt8;
constexpr DataType kI32 = DataType::kInt32;

// ---------------------------------------------------------------- float32

TEST(DepthwiseConv2D, FloatValidTwoChannels) {
  // x (2x2x2): (1,2) (3,4) / (5,6) (7,8); w taps (ky,kx): (0,0) (1,−1),
  // (0,1) (2,0), (1,0) (0,1), (1,1) (1,1); bias (0.5, −0.5).
  // c0: 1·1 + 3·2 + 5·0 + 7·1 = 14 → 14.5
  // c1: 2·(−1) + 4·0 + 6·1 + 8·1 = 12 → 11.5
  auto model =
      DwModel({Var("x", kF32, {1, 2, 2, 2}),
               Const<float>("w", kF32, {1, 2, 2, 2}, {1, -1, 2, 0, 0, 1, 1, 1}),
               Const<float>("b", kF32, {2}, {0.5f, -0.5f})},
              Var("y", kF32, {1, 1, 1, 2}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(model, {1, 2, 3, 4, 5, 6, 7, 8},
                         QuantArithmetic::kTflite, &shape),
            (std::vector<float>{14.5f, 11.5f}));
  EXPECT_EQ(shape, Shape({1, 1, 1, 2}));
}

TEST(DepthwiseConv2D, FloatDepthMultiplier2OddChannelsBatch2) {
  // C = 3, M = 2 (derived from OC 6; the option is 0), 1x1 filter
  // w = (1,2,3,4,5,6): out[ic·2+m] = x[ic]·w[ic·2+m].
  // b0 x (1,2,3): (1, 2, 6, 8, 15, 18); b1 x (4,5,6): (4, 8, 15, 20, 30, 36).
  auto model =
      DwModel({Var("x", kF32, {2, 1, 1, 3}),
               Const<float>("w", kF32, {1, 1, 1, 6}, {1, 2, 3, 4, 5, 6})},
              Var("y", kF32, {2, 1, 1, 6}));
  EXPECT_EQ(RunOp<float>(model, {1, 2, 3, 4, 5, 6}),
            (std::vector<float>{1, 2, 6, 8, 15, 18, 4, 8, 15, 20, 30, 36}));
  // The same with the (redundant) option written out.
  DwOpts o;
  o.depth_multiplier = 2;
  auto with_option =
      DwModel({Var("x", kF32, {2, 1, 1, 3}),
               Const<float>("w", kF32, {1, 1, 1, 6}, {1, 2, 3, 4, 5, 6})},
              Var("y", kF32, {2, 1, 1, 6}), o);
  EXPECT_EQ(RunOp<float>(with_option, {1, 2, 3, 4, 5, 6}),
            (std::vector<float>{1, 2, 6, 8, 15, 18, 4, 8, 15, 20, 30, 36}));
}

TEST(DepthwiseConv2D, FloatSameStride2PutsOddPaddingAtTheEnd) {
  // As for CONV_2D: 4x4 input 1..16, 3x3 ones, stride 2, SAME → padding 0
  // before, 1 after: 1+2+3+5+6+7+9+10+11 = 54, 3+4+7+8+11+12 = 45,
  // 9+10+11+13+14+15 = 72, 11+12+15+16 = 54.
  DwOpts o;
  o.padding = tfl::Padding::SAME;
  o.stride_h = o.stride_w = 2;
  auto model = DwModel(
      {Var("x", kF32, {1, 4, 4, 1}),
       Const<float>("w", kF32, {1, 3, 3, 1}, std::vector<float>(9, 1.0f)),
       Absent()},
      Var("y", kF32, {1, 2, 2, 1}), o);
  std::vector<float> x(16);
  for (int i = 0; i < 16; ++i) x[i] = static_cast<float>(i + 1);
  EXPECT_EQ(RunOp<float>(model, x), (std::vector<float>{54, 45, 72, 54}));
}

TEST(DepthwiseConv2D, FloatDilation2) {
  // 5x5x2, v = 5i + j + 1; channel 0 holds v, channel 1 holds 2v. 2x2 filter,
  // dilation 2, VALID → 3x3. Taps at (oy,ox), (oy,ox+2), (oy+2,ox),
  // (oy+2,ox+2).
  // c0 w (1,2,3,4): 10·(5oy + ox) + 92 (see Conv2D.FloatDilation2).
  // c1 w (−1,0,1,0): −2v(oy,ox) + 2v(oy+2,ox) = 2·10 = 20 everywhere.
  DwOpts o;
  o.dilation_h = o.dilation_w = 2;
  auto model = DwModel(
      {Var("x", kF32, {1, 5, 5, 2}),
       Const<float>("w", kF32, {1, 2, 2, 2}, {1, -1, 2, 0, 3, 1, 4, 0})},
      Var("y", kF32, {1, 3, 3, 2}), o);
  std::vector<float> x;
  for (int v = 1; v <= 25; ++v) {
    x.push_back(static_cast<float>(v));
    x.push_back(static_cast<float>(2 * v));
  }
  EXPECT_EQ(RunOp<float>(model, x),
            (std::vector<float>{92, 20, 102, 20, 112, 20, 142, 20, 152, 20, 162,
                                20, 192, 20, 202, 20, 212, 20}));
}

TEST(DepthwiseConv2D, FloatEachActivation) {
  const std::vector<float> x = {-2, -0.5f, 0.5f, 3, 7};
  struct Case {
    Act act;
    std::vector<float> want;
  };
  const Case cases[] = {
      {Act::NONE, {-2, -0.5f, 0.5f, 3, 7}},
      {Act::RELU, {0, 0, 0.5f, 3, 7}},
      {Act::RELU6, {0, 0, 0.5f, 3, 6}},
      {Act::RELU_N1_TO_1, {-1, -0.5f, 0.5f, 1, 1}},
  };
  for (const Case& c : cases) {
    DwOpts o;
    o.act = c.act;
    auto model = DwModel(
        {Var("x", kF32, {1, 1, 1, 5}),
         Const<float>("w", kF32, {1, 1, 1, 5}, std::vector<float>(5, 1.0f))},
        Var("y", kF32, {1, 1, 1, 5}), o);
    EXPECT_EQ(RunOp<float>(model, x), c.want) << static_cast<int>(c.act);
  }
}

// ------------------------------------------------------------------- int8

TEST(DepthwiseConv2D, Int8PerChannelSame) {
  // x: scale 0.5, zp 1, 2x2x2: (3,1) (5,−1) / (1,7) (−3,2)
  //   → x − zp: (2,0) (4,−2) / (0,6) (−4,1).
  // w per-channel along dim 3, scales (0.5, 0.25): taps (0,0) (1,2),
  // (0,1) (2,−4), (1,0) (−1,4), (1,1) (3,1); bias (5, −8).
  // out: scale 1, zp −2. SAME 2x2: padding 0 before, 1 after.
  // acc (c0, c1):
  //  (0,0) all taps: 5 + 2 + 8 + 0 − 12 = 3;   −8 + 0 + 8 + 24 + 1 = 25
  //  (0,1) taps (0,0),(1,0) on x(0,1),x(1,1): 5 + 4 + 4 = 13; −8 − 4 + 4 = −8
  //  (1,0) taps (0,0),(0,1) on x(1,0),x(1,1): 5 + 0 − 8 = −3; −8 + 12 − 4 = 0
  //  (1,1) tap (0,0) on x(1,1): 5 − 4 = 1;  −8 + 2 = −6
  // scale c0 = 0.5·0.5/1 = 0.25, c1 = 0.125.
  // kTflite: 0.75→1, 3.125→3, 3.25→3, −1, −0.75→−1, 0, 0.25→0, −0.75→−1;
  //   + zp: −1, 1, 1, −3, −3, −2, −2, −3.
  // kMicro (0.25 = 2^30 with shift −1: round(acc/2) ties up, then a rounding
  //   shift by 1): 3 → 2 → 1; 13 → 7 → 4; 1 → 1 → 1 (vs 0 and 3 above),
  //   the rest agree: −1, 1, 2, −3, −3, −2, −1, −3.
  auto model =
      DwModel({Var("x", kI8, {1, 2, 2, 2}, {0.5f}, {1}),
               Const<int8_t>("w", kI8, {1, 2, 2, 2}, {1, 2, 2, -4, -1, 4, 3, 1},
                             {0.5f, 0.25f}, {0, 0}, 3),
               Const<int32_t>("b", kI32, {2}, {5, -8})},
              Var("y", kI8, {1, 2, 2, 2}, {1.0f}, {-2}), [] {
                DwOpts o;
                o.padding = tfl::Padding::SAME;
                return o;
              }());
  const std::vector<int8_t> x = {3, 1, 5, -1, 1, 7, -3, 2};
  EXPECT_EQ(Ints(RunOp<int8_t>(model, x)),
            (std::vector<int>{-1, 1, 1, -3, -3, -2, -2, -3}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, x, QuantArithmetic::kMicro)),
            (std::vector<int>{-1, 1, 2, -3, -3, -2, -1, -3}));
}

TEST(DepthwiseConv2D, Int8DepthMultiplier2TwoChannels) {
  // C = 2, M = 2 (OC 4), 1x1, all scales 1, zero points 0: y = x[ic]·w[oc]
  // with ic = oc / 2. x = (3, −2), w = (1, 2, 3, 4): (3, 6, −6, −8).
  auto model = DwModel(
      {Var("x", kI8, {1, 1, 1, 2}, {1.0f}, {0}),
       Const<int8_t>("w", kI8, {1, 1, 1, 4}, {1, 2, 3, 4}, {1.0f}, {0})},
      Var("y", kI8, {1, 1, 1, 4}, {1.0f}, {0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {3, -2})),
            (std::vector<int>{3, 6, -6, -8}));
}

TEST(DepthwiseConv2D, Int8FusedActivations) {
  // 1x1, x scale 1 zp 0, w = 1 (scale 1), out scale 0.5 zp 0: y = 2·x.
  // Ranges: RELU [0,127], RELU6 [0,12], RELU_N1_TO_1 [−2,2].
  const std::vector<int8_t> x = {-4, -1, 1, 2, 5, 7};
  struct Case {
    Act act;
    std::vector<int> want;
  };
  const Case cases[] = {
      {Act::NONE, {-8, -2, 2, 4, 10, 14}},
      {Act::RELU, {0, 0, 2, 4, 10, 14}},
      {Act::RELU6, {0, 0, 2, 4, 10, 12}},
      {Act::RELU_N1_TO_1, {-2, -2, 2, 2, 2, 2}},
  };
  for (const Case& c : cases) {
    DwOpts o;
    o.act = c.act;
    auto model =
        DwModel({Var("x", kI8, {1, 1, 1, 6}, {1.0f}, {0}),
                 Const<int8_t>("w", kI8, {1, 1, 1, 6},
                               std::vector<int8_t>(6, 1), {1.0f}, {0})},
                Var("y", kI8, {1, 1, 1, 6}, {0.5f}, {0}), o);
    for (QuantArithmetic mode :
         {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
      EXPECT_EQ(Ints(RunOp<int8_t>(model, x, mode)), c.want)
          << static_cast<int>(c.act);
    }
  }
}

TEST(DepthwiseConv2D, Int8TieDiffersBetweenTfliteAndMicro) {
  // 1x1, C = 3, x scale 1, per-channel w scales (0.5, 0.5, 0.25), w = 1,
  // out scale 1: y = acc·scale with acc = x = (5, −5, 13).
  // Exact: 2.5, −2.5, 3.25. kTflite (half to even): 2, −2, 3.
  // kMicro: 5 → (5·2^30 + 2^30)/2^31 = 3; −5 → (−5·2^30 + 1 − 2^30)/2^31
  //   truncated = −2; 13 → round(13/2) = 7, then 7 >> 1 rounded = 4.
  auto model = DwModel({Var("x", kI8, {1, 1, 1, 3}, {1.0f}, {0}),
                        Const<int8_t>("w", kI8, {1, 1, 1, 3}, {1, 1, 1},
                                      {0.5f, 0.5f, 0.25f}, {0, 0, 0}, 3),
                        Const<int32_t>("b", kI32, {3}, {0, 0, 0})},
                       Var("y", kI8, {1, 1, 1, 3}, {1.0f}, {0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {5, -5, 13})),
            (std::vector<int>{2, -2, 3}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {5, -5, 13}, QuantArithmetic::kMicro)),
            (std::vector<int>{3, -2, 4}));
}

TEST(DepthwiseConv2D, NoBiasRunsTflitesBuiltinArithmetic) {
  // TFLite's XNNPACK delegate refuses a quantized depthwise convolution
  // without a bias input, so TFLite computes it with its builtin kernel's
  // fixed-point requantization: the same case as above without the bias
  // gives the kMicro numbers in both modes.
  auto model = DwModel({Var("x", kI8, {1, 1, 1, 3}, {1.0f}, {0}),
                        Const<int8_t>("w", kI8, {1, 1, 1, 3}, {1, 1, 1},
                                      {0.5f, 0.5f, 0.25f}, {0, 0, 0}, 3)},
                       Var("y", kI8, {1, 1, 1, 3}, {1.0f}, {0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {5, -5, 13})),
            (std::vector<int>{3, -2, 4}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {5, -5, 13}, QuantArithmetic::kMicro)),
            (std::vector<int>{3, -2, 4}));
}

// ------------------------------------------------------------------ uint8

TEST(DepthwiseConv2D, UInt8FilterZeroPointMultiplier2SameStride2) {
  // x: 1x3x1 uint8 scale 1 zp 100: (103, 98, 110) → (3, −2, 10).
  // w: [1,1,2,2] (M = 2) scale 1 zp 50: tap0 (52,47) → (2,−3),
  // tap1 (51,60) → (1,10). bias (1, 2). out: scale 4, zp 128.
  // SAME, stride 2, width 3, kernel 2: out width 2, padding 0 before, 1 after.
  // ox0: oc0 3·2 + (−2)·1 + 1 = 5;  oc1 3·(−3) + (−2)·10 + 2 = −27
  // ox1: oc0 10·2 + 1 = 21;         oc1 10·(−3) + 2 = −28
  // scale 0.25. kTflite: 1.25→1, −6.75→−7, 5.25→5, −7 → 129, 121, 133, 121.
  // kMicro: round(5/2) = 3 → 3>>1 rounded = 2; 21 → 11 → 6 (double
  //   rounding); −27 → −13 → −7; −28 → −14 → −7 → 130, 121, 134, 121.
  DwOpts o;
  o.padding = tfl::Padding::SAME;
  o.stride_h = o.stride_w = 2;
  auto model = DwModel(
      {Var("x", kU8, {1, 1, 3, 1}, {1.0f}, {100}),
       Const<uint8_t>("w", kU8, {1, 1, 2, 2}, {52, 47, 51, 60}, {1.0f}, {50}),
       Const<int32_t>("b", kI32, {2}, {1, 2})},
      Var("y", kU8, {1, 1, 2, 2}, {4.0f}, {128}), o);
  const std::vector<uint8_t> x = {103, 98, 110};
  EXPECT_EQ(Ints(RunOp<uint8_t>(model, x)),
            (std::vector<int>{129, 121, 133, 121}));
  EXPECT_EQ(Ints(RunOp<uint8_t>(model, x, QuantArithmetic::kMicro)),
            (std::vector<int>{130, 121, 134, 121}));
}

// ------------------------------------------------------------ allocations

TEST(DepthwiseConv2D, InvokeAllocatesNothing) {
  DwOpts o;
  o.padding = tfl::Padding::SAME;
  o.stride_h = o.stride_w = 2;
  auto model = DwModel({Var("x", kI8, {1, 5, 5, 3}, {0.5f}, {-3}),
                        Const<int8_t>("w", kI8, {1, 3, 3, 6},
                                      std::vector<int8_t>(54, 3), {0.25f}, {0}),
                        Const<int32_t>("b", kI32, {6}, {1, 2, 3, 4, 5, 6})},
                       Var("y", kI8, {1, 3, 3, 6}, {0.7f}, {1}), o);
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ----------------------------------------------------------------- errors

TEST(DepthwiseConv2D, RejectsPerChannelCountMismatch) {
  // 3 scales along dimension 1 (the filter height) of a 2-channel filter.
  auto model =
      DwModel({Var("x", kI8, {1, 3, 1, 2}, {1.0f}, {0}),
               Const<int8_t>("w", kI8, {1, 3, 1, 2}, {1, 2, 3, 4, 5, 6},
                             {0.1f, 0.2f, 0.3f}, {0, 0, 0}, 1)},
              Var("y", kI8, {1, 1, 1, 2}, {1.0f}, {0}));
  ExpectError(model, StatusCode::kInvalidModel,
              "per-channel scale count 3 != output channels 2");
}

TEST(DepthwiseConv2D, RejectsPerChannelAlongTheWrongDimension) {
  // 2 scales (= output channels) but along the filter height.
  auto model = DwModel({Var("x", kI8, {1, 2, 1, 2}, {1.0f}, {0}),
                        Const<int8_t>("w", kI8, {1, 2, 1, 2}, {1, 2, 3, 4},
                                      {0.1f, 0.2f}, {0, 0}, 1)},
                       Var("y", kI8, {1, 1, 1, 2}, {1.0f}, {0}));
  ExpectError(model, StatusCode::kInvalidModel,
              "per-channel quantization along dimension 1, expected the "
              "output-channel dimension 3");
}

TEST(DepthwiseConv2D, RejectsMissingQuantization) {
  auto model =
      DwModel({Var("x", kI8, {1, 1, 1, 1}, {1.0f}, {0}),
               Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {0})},
              Var("y", kI8, {1, 1, 1, 1}));
  ExpectError(model, StatusCode::kInvalidModel,
              "output 0 (tensor 2 'y'): int8 tensor must be quantized");
}

TEST(DepthwiseConv2D, RejectsInt8FilterZeroPoint) {
  auto model =
      DwModel({Var("x", kI8, {1, 1, 1, 1}, {1.0f}, {0}),
               Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {-5})},
              Var("y", kI8, {1, 1, 1, 1}, {1.0f}, {0}));
  ExpectError(model, StatusCode::kInvalidModel,
              "int8 weights need zero point 0, got -5 (channel 0)");
}

TEST(DepthwiseConv2D, RejectsHybridWithoutBias) {
  // Hybrid runs with a bias (tests/ops/hybrid_test.cc); TFLite needs one.
  auto model = DwModel(
      {Var("x", kF32, {1, 1, 1, 2}),
       Const<int8_t>("w", kI8, {1, 1, 1, 2}, {1, 2}, {1.0f, 1.0f}, {0, 0}, 3)},
      Var("y", kF32, {1, 1, 1, 2}));
  ExpectError(model, StatusCode::kUnsupported,
              "hybrid depthwise convolution (float32 input, int8 weights) "
              "without a bias is not supported");
}

TEST(DepthwiseConv2D, RejectsInconsistentShapes) {
  auto channels =
      DwModel({Var("x", kF32, {1, 1, 1, 2}),
               Const<float>("w", kF32, {1, 1, 1, 5}, {1, 2, 3, 4, 5})},
              Var("y", kF32, {1, 1, 1, 5}));
  ExpectError(channels, StatusCode::kInvalidModel,
              "output channels 5 are not a multiple of the input channels 2");
  auto leading = DwModel({Var("x", kF32, {1, 1, 1, 1}),
                          Const<float>("w", kF32, {2, 1, 1, 1}, {1, 2})},
                         Var("y", kF32, {1, 1, 1, 1}));
  ExpectError(leading, StatusCode::kInvalidModel,
              "must be [1, height, width, channels]");
  auto bias_len = DwModel({Var("x", kF32, {1, 1, 1, 2}),
                           Const<float>("w", kF32, {1, 1, 1, 2}, {1, 2}),
                           Const<float>("b", kF32, {1}, {1})},
                          Var("y", kF32, {1, 1, 1, 2}));
  ExpectError(bias_len, StatusCode::kInvalidModel,
              "bias shape [1] has 1 values != output channels 2");
}

}  // namespace
}  // namespace edgelite
