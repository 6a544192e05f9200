// CONV_2D golden cases. Every expected value is derived by hand in the
// comment above it from TFLite's definition (kernels/conv.cc,
// reference/conv.h, reference/integer_ops/conv.h):
//   out(n,oy,ox,oc) = act(bias[oc] + Σ x(n, oy·sh − pad_h + ky·dh,
//                                        ox·sw − pad_w + kx·dw,
//                                        ic)·w(oc,ky,kx,ic))
// with SAME padding pad = total / 2 (the odd pixel at the bottom/right).
// Quantized: acc = bias + Σ (x − x_zp)(w − w_zp); kTflite: y = lrint(f32(acc) ·
// f32(in_s·w_s/out_s)) + out_zp; kMicro: MultiplyByQuantizedMultiplier (two
// roundings: round(acc·m / 2^31) ties up, then a rounding right shift).
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

struct ConvOpts {
  tfl::Padding padding = tfl::Padding::VALID;
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  Act act = Act::NONE;
};

std::vector<uint8_t> ConvModel(std::vector<TensorSpec> inputs,
                               const TensorSpec& out, const ConvOpts& o = {}) {
  testing::SingleOpModel m;
  m.inputs = std::move(inputs);
  m.outputs = {out};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::CONV_2D);
  m.op.version = 3;
  m.op.options_type = tfl::BuiltinOptions::Conv2DOptions;
  m.op.options = [o](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateConv2DOptions(fbb, o.padding, o.stride_w, o.stride_h,
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

TEST(Conv2D, FloatValid2x2) {
  // x = [[1,2,3],[4,5,6],[7,8,9]], w = [[1,2],[3,4]], bias 10:
  // (0,0): 1+4+12+20 = 37 → 47; (0,1): 2+6+15+24 = 47 → 57;
  // (1,0): 4+10+21+32 = 67 → 77; (1,1): 5+12+24+36 = 77 → 87.
  auto model = ConvModel({Var("x", kF32, {1, 3, 3, 1}),
                          Const<float>("w", kF32, {1, 2, 2, 1}, {1, 2, 3, 4}),
                          Const<float>("b", kF32, {1}, {10})},
                         Var("y", kF32, {1, 2, 2, 1}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(model, {1, 2, 3, 4, 5, 6, 7, 8, 9},
                         QuantArithmetic::kTflite, &shape),
            (std::vector<float>{47, 57, 77, 87}));
  EXPECT_EQ(shape, Shape({1, 2, 2, 1}));
}

TEST(Conv2D, FloatSameStride2PutsOddPaddingAtTheEnd) {
  // 4x4 input x[i][j] = 4i + j + 1, 3x3 ones, stride 2, SAME: out 2x2,
  // total padding (2−1)·2 + 3 − 4 = 1 → 0 before, 1 after. No bias.
  // (0,0): rows 0-2 × cols 0-2 = 6 + 18 + 30 = 54
  // (0,1): rows 0-2 × cols 2-3 = 7 + 15 + 23 = 45
  // (1,0): rows 2-3 × cols 0-2 = 30 + 42 = 72
  // (1,1): rows 2-3 × cols 2-3 = 23 + 31 = 54
  ConvOpts o;
  o.padding = tfl::Padding::SAME;
  o.stride_h = o.stride_w = 2;
  auto model = ConvModel(
      {Var("x", kF32, {1, 4, 4, 1}),
       Const<float>("w", kF32, {1, 3, 3, 1}, std::vector<float>(9, 1.0f)),
       Absent()},
      Var("y", kF32, {1, 2, 2, 1}), o);
  std::vector<float> x(16);
  for (int i = 0; i < 16; ++i) x[i] = static_cast<float>(i + 1);
  EXPECT_EQ(RunOp<float>(model, x), (std::vector<float>{54, 45, 72, 54}));
}

TEST(Conv2D, FloatSameStride1PadsBothSides) {
  // 3x3 input 1..9, 3x3 ones, SAME stride 1: padding 1 on every side, so
  // each output is the sum of its 3x3 neighbourhood inside the image.
  // Corners: 1+2+4+5 = 12, 2+3+5+6 = 16, 4+5+7+8 = 24, 5+6+8+9 = 28;
  // edges: 1+2+3+4+5+6 = 21, 1+2+4+5+7+8 = 27, 2+3+5+6+8+9 = 33,
  // 4+5+6+7+8+9 = 39; centre 45.
  ConvOpts o;
  o.padding = tfl::Padding::SAME;
  auto model = ConvModel(
      {Var("x", kF32, {1, 3, 3, 1}),
       Const<float>("w", kF32, {1, 3, 3, 1}, std::vector<float>(9, 1.0f))},
      Var("y", kF32, {1, 3, 3, 1}), o);
  EXPECT_EQ(RunOp<float>(model, {1, 2, 3, 4, 5, 6, 7, 8, 9}),
            (std::vector<float>{12, 21, 16, 27, 45, 33, 24, 39, 28}));
}

TEST(Conv2D, FloatDilation2) {
  // 5x5 input x[i][j] = 5i + j + 1, 2x2 w = [[1,2],[3,4]], dilation 2, VALID:
  // effective 3x3 → out 3x3, out(oy,ox) = x[oy][ox] + 2x[oy][ox+2]
  //   + 3x[oy+2][ox] + 4x[oy+2][ox+2] = 10·(5oy + ox) + (1 + 6 + 33 + 52).
  ConvOpts o;
  o.dilation_h = o.dilation_w = 2;
  auto model = ConvModel({Var("x", kF32, {1, 5, 5, 1}),
                          Const<float>("w", kF32, {1, 2, 2, 1}, {1, 2, 3, 4})},
                         Var("y", kF32, {1, 3, 3, 1}), o);
  std::vector<float> x(25);
  for (int i = 0; i < 25; ++i) x[i] = static_cast<float>(i + 1);
  EXPECT_EQ(RunOp<float>(model, x),
            (std::vector<float>{92, 102, 112, 142, 152, 162, 192, 202, 212}));
}

TEST(Conv2D, FloatPointwiseBatch2OddChannelsRelu) {
  // 1x1 conv, IC 2 → OC 3, batch 2, RELU.
  // w: oc0 = (1,0), oc1 = (0,1), oc2 = (1,−1); bias (0, −1, 0.5).
  // b0 px0 (1,2):     1, 2−1 = 1, 1−2+0.5 = −0.5 → 0
  // b0 px1 (−3,4):   −3 → 0, 3, −3−4+0.5 → 0
  // b1 px0 (0.5,−1):  0.5, −2 → 0, 0.5+1+0.5 = 2
  // b1 px1 (2,2):     2, 1, 0.5
  ConvOpts o;
  o.act = Act::RELU;
  auto model =
      ConvModel({Var("x", kF32, {2, 1, 2, 2}),
                 Const<float>("w", kF32, {3, 1, 1, 2}, {1, 0, 0, 1, 1, -1}),
                 Const<float>("b", kF32, {3}, {0, -1, 0.5f})},
                Var("y", kF32, {2, 1, 2, 3}), o);
  EXPECT_EQ(RunOp<float>(model, {1, 2, -3, 4, 0.5f, -1, 2, 2}),
            (std::vector<float>{1, 1, 0, 0, 3, 0, 0.5f, 0, 2, 2, 1, 0.5f}));
}

TEST(Conv2D, FloatEachActivation) {
  // Identity 1x1 conv; the activation alone shapes the output.
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
    ConvOpts o;
    o.act = c.act;
    auto model = ConvModel({Var("x", kF32, {1, 1, 5, 1}),
                            Const<float>("w", kF32, {1, 1, 1, 1}, {1})},
                           Var("y", kF32, {1, 1, 5, 1}), o);
    EXPECT_EQ(RunOp<float>(model, x), c.want) << static_cast<int>(c.act);
  }
}

TEST(Conv2D, FloatGrouped) {
  // Input channels 4, filter IC 2 → 2 groups, OC 4 (2 per group).
  // x = (1,2,3,4). Group 0 reads (1,2): oc0 w(1,1) = 3, oc1 w(2,0) = 2.
  // Group 1 reads (3,4): oc2 w(1,−1) = −1, oc3 w(0,3) = 12.
  auto model = ConvModel(
      {Var("x", kF32, {1, 1, 1, 4}),
       Const<float>("w", kF32, {4, 1, 1, 2}, {1, 1, 2, 0, 1, -1, 0, 3})},
      Var("y", kF32, {1, 1, 1, 4}));
  EXPECT_EQ(RunOp<float>(model, {1, 2, 3, 4}),
            (std::vector<float>{3, 2, -1, 12}));
}

// ------------------------------------------------------------------- int8

TEST(Conv2D, Int8PerChannelSameWithInputZeroPoint) {
  // x: scale 0.5, zp −1, q = [[3,−1],[5,1]] → x − zp = [[4,0],[6,2]].
  // w per-channel (dim 0) scales (0.25, 0.5): oc0 [[1,2],[3,4]],
  // oc1 [[−1,0],[1,2]]; bias (10, −4). out: scale 0.25, zp 3.
  // SAME 2x2 stride 1: padding 0 before, 1 after; padded taps add nothing.
  // acc:
  //  (0,0) oc0 10 + 4 + 0 + 18 + 8 = 40   oc1 −4 − 4 + 0 + 6 + 4 = 2
  //  (0,1) oc0 10 + 0·1 + 2·3 = 16        oc1 −4 + 0 + 2·1 = −2
  //  (1,0) oc0 10 + 6·1 + 2·2 = 20        oc1 −4 − 6 + 0 = −10
  //  (1,1) oc0 10 + 2·1 = 12              oc1 −4 − 2 = −6
  // scale oc0 = 0.5·0.25/0.25 = 0.5, oc1 = 1.0 (exact; no ties):
  //  oc0 → 20, 8, 10, 6; oc1 → 2, −2, −10, −6; plus zp 3.
  ConvOpts o;
  o.padding = tfl::Padding::SAME;
  auto model = ConvModel(
      {Var("x", kI8, {1, 2, 2, 1}, {0.5f}, {-1}),
       Const<int8_t>("w", kI8, {2, 2, 2, 1}, {1, 2, 3, 4, -1, 0, 1, 2},
                     {0.25f, 0.5f}, {0, 0}, 0),
       Const<int32_t>("b", kI32, {2}, {10, -4})},
      Var("y", kI8, {1, 2, 2, 2}, {0.25f}, {3}), o);
  const std::vector<int> want = {23, 5, 11, 1, 13, -7, 9, -3};
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {3, -1, 5, 1})), want);
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {3, -1, 5, 1}, QuantArithmetic::kMicro)),
            want);
}

TEST(Conv2D, Int8PerTensorStride2Dilation2Grouped) {
  // Per-tensor w scale 1, x scale 1 zp 0, out scale 1 zp 0: y = acc.
  // 5x5x2 input, 2 groups (filter IC 1), OC 2, 2x2 filter, dilation 2,
  // stride 2, VALID: effective 3 → out 2x2.
  // Channel 0 holds v = 5i + j (0..24), channel 1 holds −v.
  // Output (oy,ox) starts at input (2oy, 2ox); taps at +0 and +2.
  // oc0 (reads ch 0) w = [[1,0],[0,1]]: v(2oy,2ox) + v(2oy+2,2ox+2)
  //   = 20oy + 4ox + 12 → (0,0) 12, (0,1) 16, (1,0) 32, (1,1) 36.
  // oc1 (reads ch 1) w = [[0,1],[1,0]]: −(v(2oy,2ox+2) + v(2oy+2,2ox))
  //   = −(20oy + 4ox + 12) → −12, −16, −32, −36.
  ConvOpts o;
  o.stride_h = o.stride_w = 2;
  o.dilation_h = o.dilation_w = 2;
  auto model = ConvModel({Var("x", kI8, {1, 5, 5, 2}, {1.0f}, {0}),
                          Const<int8_t>("w", kI8, {2, 2, 2, 1},
                                        {1, 0, 0, 1, 0, 1, 1, 0}, {1.0f}, {0})},
                         Var("y", kI8, {1, 2, 2, 2}, {1.0f}, {0}), o);
  std::vector<int8_t> x(50);
  for (int v = 0; v < 25; ++v) {
    x[2 * v] = static_cast<int8_t>(v);
    x[2 * v + 1] = static_cast<int8_t>(-v);
  }
  EXPECT_EQ(Ints(RunOp<int8_t>(model, x)),
            (std::vector<int>{12, -12, 16, -16, 32, -32, 36, -36}));
}

TEST(Conv2D, Int8FusedActivations) {
  // 1x1, x scale 1 zp 0, w = 1 (scale 1), out scale 0.5 zp 0: y = 2·x.
  // Ranges (XNNPACK: lrintf(f/0.5 + 0)): RELU [0,127], RELU6 [0,12],
  // RELU_N1_TO_1 [−2,2].
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
    ConvOpts o;
    o.act = c.act;
    auto model =
        ConvModel({Var("x", kI8, {1, 1, 6, 1}, {1.0f}, {0}),
                   Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {0})},
                  Var("y", kI8, {1, 1, 6, 1}, {0.5f}, {0}), o);
    for (QuantArithmetic mode :
         {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
      EXPECT_EQ(Ints(RunOp<int8_t>(model, x, mode)), c.want)
          << static_cast<int>(c.act);
    }
  }
}

TEST(Conv2D, Int8TieDiffersBetweenTfliteAndMicro) {
  // 1x1, batch 2, x scale 1, w per-tensor scale 0.5, out scale 1: y = acc/2.
  // w = (5, −5, 7); x = 1 → acc (5, −5, 7); x = 3 → (15, −15, 21).
  // Exact values 2.5, −2.5, 3.5, 7.5, −7.5, 10.5 are all ties.
  // kTflite rounds half to even: 2, −2, 4, 8, −8, 10.
  // kMicro: m = 2^30, shift 0, y = (acc·2^30 + nudge) / 2^31 truncated, with
  // nudge 2^30 for acc ≥ 0 (ties up) and 1 − 2^30 below (ties toward zero):
  // 3, −2, 4, 8, −7, 11.
  auto model = ConvModel(
      {Var("x", kI8, {2, 1, 1, 1}, {1.0f}, {0}),
       Const<int8_t>("w", kI8, {3, 1, 1, 1}, {5, -5, 7}, {0.5f}, {0})},
      Var("y", kI8, {2, 1, 1, 3}, {1.0f}, {0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {1, 3})),
            (std::vector<int>{2, -2, 4, 8, -8, 10}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {1, 3}, QuantArithmetic::kMicro)),
            (std::vector<int>{3, -2, 4, 8, -7, 11}));
}

// ------------------------------------------------------------------ uint8

TEST(Conv2D, UInt8FilterZeroPointSameStride2) {
  // x: scale 0.5, zp 128, 1x3x2: px0 (130,126) → (2,−2), px1 (128,140) →
  // (0,12), px2 (138,120) → (10,−8).
  // w: [1,1,2,2], scale 0.5, zp 100: tap0 (103,98) → (3,−2),
  // tap1 (100,101) → (0,1). bias 9. out: scale 1, zp 10.
  // SAME, stride 2, width 3, kernel 2: out width 2, padding 0 before, 1 after.
  // ox0: 2·3 + (−2)(−2) + 0·0 + 12·1 + 9 = 31; ox1: 10·3 + (−8)(−2) + 9 = 55.
  // scale 0.5·0.5/1 = 0.25: 7.75 → 8, 13.75 → 14; + 10 → 18, 24.
  ConvOpts o;
  o.padding = tfl::Padding::SAME;
  o.stride_h = o.stride_w = 2;
  auto model = ConvModel({Var("x", kU8, {1, 1, 3, 2}, {0.5f}, {128}),
                          Const<uint8_t>("w", kU8, {1, 1, 2, 2},
                                         {103, 98, 100, 101}, {0.5f}, {100}),
                          Const<int32_t>("b", kI32, {1}, {9})},
                         Var("y", kU8, {1, 1, 2, 1}, {1.0f}, {10}), o);
  const std::vector<uint8_t> x = {130, 126, 128, 140, 138, 120};
  EXPECT_EQ(Ints(RunOp<uint8_t>(model, x)), (std::vector<int>{18, 24}));
  EXPECT_EQ(Ints(RunOp<uint8_t>(model, x, QuantArithmetic::kMicro)),
            (std::vector<int>{18, 24}));
}

TEST(Conv2D, UInt8NonConstantWeightsAreFoldedInEval) {
  // Same arithmetic as above but VALID (ox0 only) and the weights are a
  // model input, so the zero-point folding happens at Invoke time.
  testing::SingleOpModel m;
  m.inputs = {Var("x", kU8, {1, 1, 2, 2}, {0.5f}, {128}),
              Var("w", kU8, {1, 1, 2, 2}, {0.5f}, {100}),
              Const<int32_t>("b", kI32, {1}, {9})};
  m.outputs = {Var("y", kU8, {1, 1, 1, 1}, {1.0f}, {10})};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::CONV_2D);
  m.op.options_type = tfl::BuiltinOptions::Conv2DOptions;
  m.op.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateConv2DOptions(fbb, tfl::Padding::VALID, 1, 1).Union();
  };
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(m.Build(), &interp).ok());
  testing::SetInput<uint8_t>(interp.get(), 0, {130, 126, 128, 140});
  testing::SetInput<uint8_t>(interp.get(), 1, {103, 98, 100, 101});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(Ints(testing::GetOutput<uint8_t>(*interp, 0)),
            (std::vector<int>{18}));
}

// ------------------------------------------------------------ allocations

TEST(Conv2D, InvokeAllocatesNothing) {
  ConvOpts o;
  o.padding = tfl::Padding::SAME;
  auto model =
      ConvModel({Var("x", kI8, {1, 4, 4, 3}, {0.5f}, {-3}),
                 Const<int8_t>("w", kI8, {5, 3, 3, 3},
                               std::vector<int8_t>(135, 2), {0.25f}, {0}),
                 Const<int32_t>("b", kI32, {5}, {1, 2, 3, 4, 5})},
                Var("y", kI8, {1, 4, 4, 5}, {0.7f}, {1}), o);
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ----------------------------------------------------------------- errors

TEST(Conv2D, RejectsPerChannelCountMismatch) {
  // Scales along the filter's input-channel dimension (3 of them) instead of
  // its 2 output channels.
  auto model =
      ConvModel({Var("x", kI8, {1, 1, 1, 3}, {1.0f}, {0}),
                 Const<int8_t>("w", kI8, {2, 1, 1, 3}, {1, 2, 3, 4, 5, 6},
                               {0.1f, 0.2f, 0.3f}, {0, 0, 0}, 3)},
                Var("y", kI8, {1, 1, 1, 2}, {1.0f}, {0}));
  ExpectError(model, StatusCode::kInvalidModel,
              "per-channel scale count 3 != output channels 2");
}

TEST(Conv2D, RejectsMissingQuantization) {
  auto no_input_quant =
      ConvModel({Var("x", kI8, {1, 1, 1, 1}),
                 Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {0})},
                Var("y", kI8, {1, 1, 1, 1}, {1.0f}, {0}));
  ExpectError(no_input_quant, StatusCode::kInvalidModel,
              "input 0 (tensor 0 'x'): int8 tensor must be quantized");
  auto no_filter_quant = ConvModel({Var("x", kI8, {1, 1, 1, 1}, {1.0f}, {0}),
                                    Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1})},
                                   Var("y", kI8, {1, 1, 1, 1}, {1.0f}, {0}));
  ExpectError(no_filter_quant, StatusCode::kInvalidModel,
              "int8 weights must be quantized");
}

TEST(Conv2D, RejectsInt8FilterZeroPoint) {
  auto model = ConvModel(
      {Var("x", kI8, {1, 1, 1, 1}, {1.0f}, {0}),
       Const<int8_t>("w", kI8, {2, 1, 1, 1}, {1, 2}, {1.0f, 1.0f}, {0, 3}, 0)},
      Var("y", kI8, {1, 1, 1, 2}, {1.0f}, {0}));
  ExpectError(model, StatusCode::kInvalidModel,
              "int8 weights need zero point 0, got 3 (channel 1)");
}

TEST(Conv2D, RejectsHybridAndInt16AsUnsupported) {
  // Hybrid int8 weights run (tests/ops/hybrid_test.cc); uint8 ones do not.
  auto hybrid = ConvModel(
      {Var("x", kF32, {1, 1, 1, 1}),
       Const<uint8_t>("w", DataType::kUInt8, {1, 1, 1, 1}, {1}, {1.0f}, {0})},
      Var("y", kF32, {1, 1, 1, 1}));
  ExpectError(hybrid, StatusCode::kUnsupported,
              "hybrid float32 input with uint8 weights is not supported");
  auto int16 =
      ConvModel({Var("x", DataType::kInt16, {1, 1, 1, 1}, {1.0f}, {0}),
                 Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {0})},
                Var("y", DataType::kInt16, {1, 1, 1, 1}, {1.0f}, {0}));
  ExpectError(int16, StatusCode::kUnsupported, "int16 activations");
  auto f16 = ConvModel(
      {Var("x", kF32, {1, 1, 1, 1}),
       Const<uint16_t>("w", DataType::kFloat16, {1, 1, 1, 1}, {0x3c00})},
      Var("y", kF32, {1, 1, 1, 1}));
  ExpectError(f16, StatusCode::kUnsupported, "float16 weights");
}

TEST(Conv2D, RejectsInconsistentShapesAndTypes) {
  auto channels = ConvModel({Var("x", kF32, {1, 1, 1, 3}),
                             Const<float>("w", kF32, {1, 1, 1, 2}, {1, 2})},
                            Var("y", kF32, {1, 1, 1, 1}));
  ExpectError(channels, StatusCode::kInvalidModel,
              "input channels 3 are not a multiple of the filter's input "
              "channels 2");
  // Found by fuzz_mutate: zero input channels made zero groups (a division
  // by zero in Eval).
  auto no_channels = ConvModel({Var("x", kF32, {1, 2, 2, 0}),
                                Const<float>("w", kF32, {1, 1, 1, 1}, {1})},
                               Var("y", kF32, {1, 2, 2, 1}));
  ExpectError(no_channels, StatusCode::kInvalidModel,
              "input shape [1, 2, 2, 0] has no channels");
  auto groups =
      ConvModel({Var("x", kF32, {1, 1, 1, 4}),
                 Const<float>("w", kF32, {3, 1, 1, 2}, {1, 2, 3, 4, 5, 6})},
                Var("y", kF32, {1, 1, 1, 3}));
  ExpectError(groups, StatusCode::kInvalidModel,
              "output channels 3 are not divisible into 2 groups");
  auto bias_len = ConvModel({Var("x", kF32, {1, 1, 1, 1}),
                             Const<float>("w", kF32, {2, 1, 1, 1}, {1, 2}),
                             Const<float>("b", kF32, {3}, {1, 2, 3})},
                            Var("y", kF32, {1, 1, 1, 2}));
  ExpectError(bias_len, StatusCode::kInvalidModel,
              "bias shape [3] has 3 values != output channels 2");
  auto bias_type =
      ConvModel({Var("x", kI8, {1, 1, 1, 1}, {1.0f}, {0}),
                 Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {0}),
                 Const<float>("b", kF32, {1}, {1})},
                Var("y", kI8, {1, 1, 1, 1}, {1.0f}, {0}));
  ExpectError(bias_type, StatusCode::kInvalidModel,
              "bias must be int32 for int8 input, got float32");
  auto mixed =
      ConvModel({Var("x", kI8, {1, 1, 1, 1}, {1.0f}, {0}),
                 Const<uint8_t>("w", kU8, {1, 1, 1, 1}, {1}, {1.0f}, {0})},
                Var("y", kI8, {1, 1, 1, 1}, {1.0f}, {0}));
  ExpectError(mixed, StatusCode::kInvalidModel,
              "int8 input needs int8 weights, got uint8");
  auto uint8_per_channel = ConvModel(
      {Var("x", kU8, {1, 1, 1, 1}, {1.0f}, {0}),
       Const<uint8_t>("w", kU8, {2, 1, 1, 1}, {1, 2}, {1.0f, 2.0f}, {0, 0})},
      Var("y", kU8, {1, 1, 1, 2}, {1.0f}, {0}));
  ExpectError(uint8_per_channel, StatusCode::kUnsupported,
              "per-channel quantization of uint8 weights");
}

}  // namespace
}  // namespace edgelite
