// Dynamic-range ("hybrid") FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D —
// float32 activations, int8 weights — and float16 weights fed through
// DEQUANTIZE. Expected values are derived by hand from the arithmetic TFLite
// runs (conv_common.h "Hybrid"): XNNPACK's qd8 quantization for FC/CONV, one
// zero point and step per row (FC, 1x1 stride-1 CONV) or per batch image
// (other CONV); TFLite's AsymmetricQuantizeFloats per batch image for
// DEPTHWISE; y = ((f32(acc)·step)·w_scale) + bias, clamped.
//
// The quantization used throughout: the values (1.0, −0.5) give rmin −0.5,
// rmax 1, scale 255/1.5 = 170 (step 1/170), zero point −128 + 85 = −43, and
// q = (127, −128), i.e. q − zp = (170, −85) exactly.
#include <gtest/gtest.h>

#include <cmath>
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
using testing::TensorSpec;
using testing::Var;
using Act = tfl::ActivationFunctionType;

constexpr DataType kF32 = DataType::kFloat32;
constexpr DataType kI8 = DataType::kInt8;

std::vector<uint8_t> FcModel(std::vector<TensorSpec> inputs,
                             const TensorSpec& out, bool asym = false,
                             Act act = Act::NONE) {
  testing::SingleOpModel m;
  m.inputs = std::move(inputs);
  m.outputs = {out};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::FULLY_CONNECTED);
  m.op.version = 9;
  m.op.options_type = tfl::BuiltinOptions::FullyConnectedOptions;
  m.op.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateFullyConnectedOptions(
               fbb, act, tfl::FullyConnectedOptionsWeightsFormat::DEFAULT,
               false, asym)
        .Union();
  };
  return m.Build();
}

std::vector<uint8_t> ConvModel(std::vector<TensorSpec> inputs,
                               const TensorSpec& out, bool depthwise,
                               tfl::Padding padding = tfl::Padding::VALID) {
  testing::SingleOpModel m;
  m.inputs = std::move(inputs);
  m.outputs = {out};
  m.op.builtin_code =
      static_cast<int32_t>(depthwise ? tfl::BuiltinOperator::DEPTHWISE_CONV_2D
                                     : tfl::BuiltinOperator::CONV_2D);
  m.op.version = depthwise ? 6 : 5;
  if (depthwise) {
    m.op.options_type = tfl::BuiltinOptions::DepthwiseConv2DOptions;
    m.op.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
      return tfl::CreateDepthwiseConv2DOptions(fbb, padding, 1, 1, 1).Union();
    };
  } else {
    m.op.options_type = tfl::BuiltinOptions::Conv2DOptions;
    m.op.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
      return tfl::CreateConv2DOptions(fbb, padding, 1, 1).Union();
    };
  }
  return m.Build();
}

std::vector<float> RunOp(const std::vector<uint8_t>& model,
                         const std::vector<float>& input,
                         QuantArithmetic mode = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = mode;
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp, options);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, input);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<float>(*interp, 0);
}

// ------------------------------------------------------------ FULLY_CONNECTED

TEST(Hybrid, FullyConnectedPerTensor) {
  // Row (1.0, −0.5), weights (10, 10) scale 0.1, bias 0.25: acc = 170·10 −
  // 85·10 = 850; 850·f32(1/170) = 5.0000001 → 5.0f; ·0.1f → 0.5f; + 0.25 =
  // 0.75. An all-zero row: scale 1, zp 127, q = 127, acc 0 → the bias.
  // asymmetric_quantize_inputs changes nothing (XNNPACK ignores it), nor
  // does kMicro (tflite-micro has no hybrid kernels).
  for (bool asym : {false, true}) {
    for (QuantArithmetic mode :
         {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
      auto model =
          FcModel({Var("x", kF32, {2, 2}),
                   Const<int8_t>("w", kI8, {1, 2}, {10, 10}, {0.1f}, {0}),
                   Const<float>("b", kF32, {1}, {0.25f})},
                  Var("y", kF32, {2, 1}), asym);
      EXPECT_EQ(RunOp(model, {1.0f, -0.5f, 0, 0}, mode),
                (std::vector<float>{0.75f, 0.25f}));
    }
  }
}

TEST(Hybrid, FullyConnectedPerChannelWithActivation) {
  // Channel 1 weights (20, −20) scale 0.05: acc = 170·20 + 85·20 = 5100;
  // 5100·f32(1/170) → 30.0f; ·0.05f → 1.5f (= 1·1 + 0.5·1). Channel 0 as
  // above without bias: 0.5. RELU_N1_TO_1 clamps 1.5 to 1. No bias input.
  auto model = FcModel({Var("x", kF32, {1, 2}),
                        Const<int8_t>("w", kI8, {2, 2}, {10, 10, 20, -20},
                                      {0.1f, 0.05f}, {0, 0}),
                        Absent()},
                       Var("y", kF32, {1, 2}), false, Act::RELU_N1_TO_1);
  EXPECT_EQ(RunOp(model, {1.0f, -0.5f}), (std::vector<float>{0.5f, 1.0f}));
}

TEST(Hybrid, FullyConnectedRejects) {
  ExpectError(FcModel({Var("x", kF32, {1, 2}), Var("w", kI8, {1, 2})},
                      Var("y", kF32, {1, 1})),
              StatusCode::kUnsupported,
              "input 1 (tensor 1 'w'): hybrid int8 weights must be constant");
  ExpectError(FcModel({Var("x", kF32, {1, 2}),
                       Const<int8_t>("w", kI8, {1, 2}, {1, 2}, {0.1f}, {4})},
                      Var("y", kF32, {1, 1})),
              StatusCode::kInvalidModel,
              "hybrid int8 weights need zero point 0, got 4 (channel 0)");
  ExpectError(FcModel({Var("x", kF32, {1, 2}),
                       Const<int8_t>("w", kI8, {1, 2}, {1, 2}, {0.1f}, {0})},
                      Var("y", kI8, {1, 1})),
              StatusCode::kInvalidModel,
              "float32 input with int8 output is not supported");
}

// ------------------------------------------------------------------ CONV_2D

TEST(Hybrid, Conv1x1QuantizesEachPixel) {
  // 1x1 stride 1: one row per pixel. Pixel 0 (1.0, −0.5) as in the FC case
  // → 0.5 + bias 0.25. Pixel 1 (0.001, 0): rmin 0, rmax 0.001, scale
  // 255/0.001, zp −128, q = (127, −128): acc = 255·10 = 2550;
  // 2550·f32(0.001/255)·0.1 ≈ 0.001 → + 0.25 ≈ 0.251. Quantizing the whole
  // image instead would round pixel 1 to nothing (0.25).
  auto model =
      ConvModel({Var("x", kF32, {1, 1, 2, 2}),
                 Const<int8_t>("w", kI8, {1, 1, 1, 2}, {10, 10}, {0.1f}, {0}),
                 Const<float>("b", kF32, {1}, {0.25f})},
                Var("y", kF32, {1, 1, 2, 1}), false);
  const std::vector<float> y = RunOp(model, {1.0f, -0.5f, 0.001f, 0.0f});
  EXPECT_EQ(y[0], 0.75f);
  EXPECT_NEAR(y[1], 0.251f, 1e-6f);
}

TEST(Hybrid, Conv3x3QuantizesTheImageWithZeroPointPadding) {
  // A 1x2 image (1.0, −0.5), one channel, 3x3 filter of 10s (scale 0.1),
  // SAME: both outputs see both pixels (the 4 padded taps read the zero
  // point and add nothing): acc = 170·10 − 85·10 = 850 → 0.5 each.
  auto model =
      ConvModel({Var("x", kF32, {1, 1, 2, 1}),
                 Const<int8_t>("w", kI8, {1, 3, 3, 1},
                               std::vector<int8_t>(9, 10), {0.1f}, {0}),
                 Const<float>("b", kF32, {1}, {0.0f})},
                Var("y", kF32, {1, 1, 2, 1}), false, tfl::Padding::SAME);
  EXPECT_EQ(RunOp(model, {1.0f, -0.5f}), (std::vector<float>{0.5f, 0.5f}));
}

TEST(Hybrid, ConvRequiresABias) {
  ExpectError(
      ConvModel({Var("x", kF32, {1, 1, 1, 1}),
                 Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {0.1f}, {0})},
                Var("y", kF32, {1, 1, 1, 1}), false),
      StatusCode::kUnsupported,
      "hybrid convolution (float32 input, int8 weights) without a "
      "bias is not supported");
}

// -------------------------------------------------------- DEPTHWISE_CONV_2D

TEST(Hybrid, DepthwisePerChannel) {
  // TFLite's AsymmetricQuantizeFloats of (1.0, −0.5): scale 1.5/255 in
  // double, zero point −43, q = round(−43 + x·f32(1/f32(scale))) =
  // (127, −128). Channel 0 weight 10 scale 0.1: acc 1700 → ≈ 1.0 + bias 0.5;
  // channel 1 weight 20 scale 0.05: acc −1700 → ≈ −0.5 + bias 0.
  auto model = ConvModel({Var("x", kF32, {1, 1, 1, 2}),
                          Const<int8_t>("w", kI8, {1, 1, 1, 2}, {10, 20},
                                        {0.1f, 0.05f}, {0, 0}, 3),
                          Const<float>("b", kF32, {2}, {0.5f, 0.0f})},
                         Var("y", kF32, {1, 1, 1, 2}), true);
  const std::vector<float> y = RunOp(model, {1.0f, -0.5f});
  EXPECT_NEAR(y[0], 1.5f, 1e-6f);
  EXPECT_NEAR(y[1], -0.5f, 1e-6f);
}

TEST(Hybrid, DepthwiseRejectsPerTensorWeightsForSeveralChannels) {
  ExpectError(
      ConvModel({Var("x", kF32, {1, 1, 1, 2}),
                 Const<int8_t>("w", kI8, {1, 1, 1, 2}, {10, 20}, {0.1f}, {0}),
                 Const<float>("b", kF32, {2}, {0.5f, 0.0f})},
                Var("y", kF32, {1, 1, 1, 2}), true),
      StatusCode::kUnsupported,
      "hybrid depthwise convolution needs per-channel weight scales (one per "
      "output channel, 2 here)");
}

// ------------------------------------------------------------ float16 weights

TEST(Hybrid, Float16WeightsThroughDequantizeAreFoldedAtPrepare) {
  // DEQUANTIZE(float16 (1, 0.5, −2)) → CONV_2D 1x1 float32 on (1, 2, 3):
  // 1 + 1 − 6 = −4, + bias 0.5. The DEQUANTIZE node has constant inputs
  // only, so the interpreter runs it once in AllocateTensors.
  testing::ModelBuilder b;
  const int x = b.AddActivation("x", kF32, {1, 1, 1, 3});
  const int wh = b.AddConstant<uint16_t>(
      "w_f16", DataType::kFloat16, {1, 1, 1, 3}, {0x3C00, 0x3800, 0xC000});
  const int w = b.AddActivation("w", kF32, {1, 1, 1, 3});
  const int bias = b.AddConstant<float>("b", kF32, {1}, {0.5f});
  const int y = b.AddActivation("y", kF32, {1, 1, 1, 1});
  testing::OperatorSpec deq;
  deq.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::DEQUANTIZE);
  deq.version = 3;
  deq.inputs = {wh};
  deq.outputs = {w};
  b.AddOperator(deq);
  testing::OperatorSpec conv;
  conv.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::CONV_2D);
  conv.inputs = {x, w, bias};
  conv.outputs = {y};
  conv.options_type = tfl::BuiltinOptions::Conv2DOptions;
  conv.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateConv2DOptions(fbb, tfl::Padding::VALID, 1, 1).Union();
  };
  b.AddOperator(conv);
  b.SetInputs({x});
  b.SetOutputs({y});
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(b.Build(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(interp->node_folded(0));
  EXPECT_FALSE(interp->node_folded(1));
  testing::SetInput(interp.get(), 0, std::vector<float>{1, 2, 3});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0), (std::vector<float>{-3.5f}));
}

// ------------------------------------------------------------ allocations

TEST(Hybrid, InvokeAllocatesNothing) {
  const std::vector<std::vector<uint8_t>> models = {
      FcModel({Var("x", kF32, {3, 4}),
               Const<int8_t>("w", kI8, {5, 4}, std::vector<int8_t>(20, 3),
                             {0.1f}, {0})},
              Var("y", kF32, {3, 5})),
      ConvModel(
          {Var("x", kF32, {2, 3, 3, 2}),
           Const<int8_t>("w", kI8, {2, 3, 3, 2}, std::vector<int8_t>(36, -4),
                         {0.1f, 0.2f}, {0, 0}),
           Const<float>("b", kF32, {2}, {1, 2})},
          Var("y", kF32, {2, 3, 3, 2}), false, tfl::Padding::SAME),
      ConvModel(
          {Var("x", kF32, {1, 3, 3, 2}),
           Const<int8_t>("w", kI8, {1, 2, 2, 2}, std::vector<int8_t>(8, 5),
                         {0.1f, 0.2f}, {0, 0}, 3),
           Const<float>("b", kF32, {2}, {1, 2})},
          Var("y", kF32, {1, 2, 2, 2}), true)};
  for (const auto& model : models) {
    std::unique_ptr<Interpreter> interp;
    ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
    ASSERT_TRUE(interp->Invoke().ok());
    const int64_t before = testing::AllocationCount();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_EQ(testing::AllocationCount(), before);
  }
}

}  // namespace
}  // namespace edgelite
