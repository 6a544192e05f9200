// TRANSPOSE_CONV golden cases, each derived by hand in its comment from
// TFLite's definition (kernels/transpose_conv.cc, reference TransposeConv):
// every input pixel (iy, ix) adds x·w(oc, ky, kx, c) to output pixel
// (iy·sh − pad_h + ky, ix·sw − pad_w + kx), the padding being CONV_2D's for
// the output size. Quantized: acc = bias + Σ (x − x_zp)(w − w_zp); kTflite
// requantizes like XNNPACK (f32 scale, ties to even) unless the node would
// run on TFLite's built-in kernel (an int32 bias without quantization
// parameters, or SAME padding with a filter smaller than the stride), which
// like kMicro uses the double-rounding fixed-point multiplier. int16: the
// 64-bit multiply with a 15-bit multiplier.
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

using testing::Const;
using testing::ExpectError;
using testing::Ints;
using testing::TensorSpec;
using testing::Var;
using Act = tfl::ActivationFunctionType;

constexpr DataType kF32 = DataType::kFloat32;
constexpr DataType kI8 = DataType::kInt8;
constexpr DataType kU8 = DataType::kUInt8;
constexpr DataType kI16 = DataType::kInt16;
constexpr DataType kI32 = DataType::kInt32;
constexpr DataType kI64 = DataType::kInt64;

TensorSpec OutShape(std::vector<int32_t> dims) {
  return Const<int32_t>("output_shape", kI32, {4}, dims);
}

struct TcOpts {
  tfl::Padding padding = tfl::Padding::VALID;
  int32_t stride_w = 1, stride_h = 1;
  Act act = Act::NONE;
};

// Inputs in TFLite's order: output_shape, weights, input(, bias).
std::vector<uint8_t> TcModel(std::vector<TensorSpec> inputs,
                             const TensorSpec& out, const TcOpts& o = {}) {
  testing::SingleOpModel m;
  m.inputs = std::move(inputs);
  m.outputs = {out};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::TRANSPOSE_CONV);
  m.op.version = 4;
  m.op.options_type = tfl::BuiltinOptions::TransposeConvOptions;
  m.op.options = [o](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateTransposeConvOptions(fbb, o.padding, o.stride_w,
                                           o.stride_h, o.act)
        .Union();
  };
  return m.Build();
}

template <typename T, typename In>
std::vector<T> RunOp(const std::vector<uint8_t>& model,
                     const std::vector<In>& input,
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
  return testing::GetOutput<T>(*interp, 0);
}

// ---------------------------------------------------------------- float32

TEST(TransposeConv, FloatStride2SpreadsEachPixelOverABlock) {
  // Input 2x2 (1,2,3,4), a 2x2 filter of ones, stride 2, VALID (padding 0):
  // every input pixel fills its own 2x2 block of the 4x4 output.
  auto model =
      TcModel({OutShape({1, 4, 4, 1}),
               Const<float>("w", kF32, {1, 2, 2, 1}, {1, 1, 1, 1}),
               Var("x", kF32, {1, 2, 2, 1})},
              Var("y", kF32, {1, 4, 4, 1}), {tfl::Padding::VALID, 2, 2});
  EXPECT_EQ(
      RunOp<float>(model, std::vector<float>{1, 2, 3, 4}),
      (std::vector<float>{1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}));
}

TEST(TransposeConv, FloatSamePaddingWithBias) {
  // 1-D: x = (1, 2, 3), w = (1, 10, 100), stride 1, SAME: pad 1, so
  // out[o] = Σ x[i]·w[o − i + 1]: 1·10 + 2·1 = 12; 1·100 + 2·10 + 3 = 123;
  // 2·100 + 3·10 = 230; plus the bias 0.5.
  auto model = TcModel(
      {OutShape({1, 1, 3, 1}),
       Const<float>("w", kF32, {1, 1, 3, 1}, {1, 10, 100}),
       Var("x", kF32, {1, 1, 3, 1}), Const<float>("b", kF32, {1}, {0.5f})},
      Var("y", kF32, {1, 1, 3, 1}), {tfl::Padding::SAME, 1, 1});
  EXPECT_EQ(RunOp<float>(model, std::vector<float>{1, 2, 3}),
            (std::vector<float>{12.5f, 123.5f, 230.5f}));
}

TEST(TransposeConv, FloatChannelsAndActivation) {
  // 1x1 filter, 2 input and 2 output channels: out = W·x per pixel with
  // W = [[1, 2], [−1, 3]]; x = (1, 1) → (3, 2), x = (2, −1) → (0, −5);
  // RELU6 clamps: (3, 2), (0, 0).
  TcOpts o;
  o.act = Act::RELU6;
  auto model = TcModel({OutShape({1, 1, 2, 2}),
                        Const<float>("w", kF32, {2, 1, 1, 2}, {1, 2, -1, 3}),
                        Var("x", kF32, {1, 1, 2, 2})},
                       Var("y", kF32, {1, 1, 2, 2}), o);
  EXPECT_EQ(RunOp<float>(model, std::vector<float>{1, 1, 2, -1}),
            (std::vector<float>{3, 2, 0, 0}));
}

// ---------------------------------------------------------------- int8

TEST(TransposeConv, Int8PerChannel) {
  // x = (4, −2) scale 0.5 (reals 2, −1); 1x1 weights (2, −3) with per-channel
  // scales (0.25, 0.5) (reals 0.5, −1.5); out scale 0.5: reals (1, −3) and
  // (−0.5, 1.5) → (2, −6, −1, 3). acc·(0.5·w_s/0.5): 8·0.25, −12·0.5, …
  TensorSpec w =
      Const<int8_t>("w", kI8, {2, 1, 1, 1}, {2, -3}, {0.25f, 0.5f}, {0, 0});
  auto model = TcModel(
      {OutShape({1, 1, 2, 2}), w, Var("x", kI8, {1, 1, 2, 1}, {0.5f}, {0})},
      Var("y", kI8, {1, 1, 2, 2}, {0.5f}, {0}));
  for (QuantArithmetic mode :
       {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
    EXPECT_EQ(Ints(RunOp<int8_t>(model, std::vector<int8_t>{4, -2}, mode)),
              (std::vector<int>{2, -6, -1, 3}));
  }
}

// x = 1 (scale 0.5), w = 2 (scale 0.25), out scale 0.5: acc 2 × 0.25 = 0.5,
// a tie. XNNPACK: rint → 0. Built-in: Q31 multiplier 2^30 with shift −1,
// SRDHM(2, 2^30) = 1, then RoundingDivideByPOT(1, 1) = 1.
std::vector<uint8_t> TieModel(bool bias, bool bias_quantized,
                              const TcOpts& o = {}, int32_t width = 1) {
  std::vector<TensorSpec> in = {
      OutShape({1, 1, width, 1}),
      Const<int8_t>("w", kI8, {1, 1, 1, 1}, {2}, {0.25f}, {0}),
      Var("x", kI8, {1, 1, 1, 1}, {0.5f}, {0})};
  if (bias) {
    in.push_back(bias_quantized
                     ? Const<int32_t>("b", kI32, {1}, {0}, {0.125f}, {0})
                     : Const<int32_t>("b", kI32, {1}, {0}));
  }
  return TcModel(in, Var("y", kI8, {1, 1, width, 1}, {0.5f}, {0}), o);
}

TEST(TransposeConv, Int8TieFollowsWhoRunsTheNode) {
  // XNNPACK runs it without a bias or with a quantized one: 0. An int32 bias
  // without quantization parameters sends it to the built-in kernel: 1.
  // kMicro: 1 always.
  const std::vector<int8_t> x = {1};
  EXPECT_EQ(Ints(RunOp<int8_t>(TieModel(false, false), x)),
            (std::vector<int>{0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(TieModel(true, true), x)),
            (std::vector<int>{0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(TieModel(true, false), x)),
            (std::vector<int>{1}));
  EXPECT_EQ(
      Ints(RunOp<int8_t>(TieModel(false, false), x, QuantArithmetic::kMicro)),
      (std::vector<int>{1}));
}

TEST(TransposeConv, Int8SamePaddingWithFilterSmallerThanStrideIsBuiltin) {
  // Width 1 → 2 with stride 2 and a 1x1 filter, SAME: pad 0; the pixel lands
  // on output 0, output 1 gets nothing (0). XNNPACK refuses SAME with a
  // filter smaller than the stride, so the tie rounds the built-in way: 1.
  TcOpts o;
  o.padding = tfl::Padding::SAME;
  o.stride_w = 2;
  EXPECT_EQ(
      Ints(RunOp<int8_t>(TieModel(false, false, o, 2), std::vector<int8_t>{1})),
      (std::vector<int>{1, 0}));
}

// ---------------------------------------------------------------- uint8

TEST(TransposeConv, Uint8WithZeroPoints) {
  // x = (130, 126) zp 128 scale 0.5 (reals 1, −1), w = (132, 120) zp 128
  // scale 0.25 (reals 1, −2), out scale 0.5 zp 100: acc = 2·4 + (−2)(−8) =
  // 24, × 0.25 = 6 → 106 (real 1 + 2 = 3).
  auto model = TcModel(
      {OutShape({1, 1, 1, 1}),
       Const<uint8_t>("w", kU8, {1, 1, 1, 2}, {132, 120}, {0.25f}, {128}),
       Var("x", kU8, {1, 1, 1, 2}, {0.5f}, {128})},
      Var("y", kU8, {1, 1, 1, 1}, {0.5f}, {100}));
  EXPECT_EQ(Ints(RunOp<uint8_t>(model, std::vector<uint8_t>{130, 126})),
            (std::vector<int>{106}));
}

// ---------------------------------------------------------------- int16

TEST(TransposeConv, Int16WithInt64Bias) {
  // x = 1000 scale 0.001, w = 50 scale 0.01, bias 500, out scale 0.01:
  // acc = 50500, real multiplier 0.001 = 0.512·2^−9 → Q31 1099511628,
  // reduced (q + 2^15) >> 16 = 16777, shift 15 + 9 = 24:
  // (50500·16777 + 2^23) >> 24 = 855627108 >> 24 = 50 (the exact 50.5
  // would round to 51; the 15-bit multiplier is a little small).
  auto model =
      TcModel({OutShape({1, 1, 1, 1}),
               Const<int8_t>("w", kI8, {1, 1, 1, 1}, {50}, {0.01f}, {0}),
               Var("x", kI16, {1, 1, 1, 1}, {0.001f}, {0}),
               Const<int64_t>("b", kI64, {1}, {500}, {1e-5f}, {0})},
              Var("y", kI16, {1, 1, 1, 1}, {0.01f}, {0}));
  EXPECT_EQ(Ints(RunOp<int16_t>(model, std::vector<int16_t>{1000})),
            (std::vector<int>{50}));
}

// ---------------------------------------------------------------- errors

TEST(TransposeConv, RejectsBadOutputShape) {
  TensorSpec shape_input = Var("output_shape", kI32, {4});
  ExpectError(TcModel({shape_input, Const<float>("w", kF32, {1, 1, 1, 1}, {1}),
                       Var("x", kF32, {1, 1, 1, 1})},
                      Var("y", kF32, {1, 1, 1, 1})),
              StatusCode::kUnsupported,
              "input 0 (tensor 0 'output_shape'): a non-constant output shape "
              "is not supported");
  ExpectError(TcModel({Const<int32_t>("output_shape", kI32, {3}, {1, 1, 1}),
                       Const<float>("w", kF32, {1, 1, 1, 1}, {1}),
                       Var("x", kF32, {1, 1, 1, 1})},
                      Var("y", kF32, {1, 1, 1, 1})),
              StatusCode::kInvalidModel,
              "must be an int32 tensor of 4 values, got int32 [3]");
  ExpectError(TcModel({OutShape({2, 1, 1, 1}),
                       Const<float>("w", kF32, {1, 1, 1, 1}, {1}),
                       Var("x", kF32, {1, 1, 1, 1})},
                      Var("y", kF32, {2, 1, 1, 1})),
              StatusCode::kInvalidModel,
              "output shape [2, 1, 1, 1] must have the input's batch 1 and "
              "the weights' output channels 1");
}

TEST(TransposeConv, RejectsInconsistentTensors) {
  ExpectError(TcModel({OutShape({1, 1, 1, 1}),
                       Const<float>("w", kF32, {1, 1, 1, 2}, {1, 1}),
                       Var("x", kF32, {1, 1, 1, 3})},
                      Var("y", kF32, {1, 1, 1, 1})),
              StatusCode::kInvalidModel,
              "weights have 2 input channels, the input [1, 1, 1, 3] has 3");
  ExpectError(
      TcModel(
          {OutShape({1, 1, 1, 1}), Const<float>("w", kF32, {1, 1, 1, 1}, {1}),
           Var("x", kF32, {1, 1, 1, 1}), Const<float>("b", kF32, {2}, {1, 2})},
          Var("y", kF32, {1, 1, 1, 1})),
      StatusCode::kInvalidModel,
      "bias shape [2] has 2 values != output channels 1");
  ExpectError(
      TcModel(
          {OutShape({1, 1, 1, 1}), Const<float>("w", kF32, {1, 1, 1, 1}, {1}),
           Var("x", kF32, {1, 1, 1, 1})},
          Var("y", kF32, {1, 1, 1, 1}), {tfl::Padding::VALID, 0, 1}),
      StatusCode::kInvalidModel, "builtin option stride_w = 0 must be >= 1");
  ExpectError(TcModel({OutShape({1, 1, 1, 1}),
                       Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {0}),
                       Var("x", kF32, {1, 1, 1, 1})},
                      Var("y", kF32, {1, 1, 1, 1})),
              StatusCode::kInvalidModel,
              "float32 input needs float32 weights, got int8");
  ExpectError(TcModel({OutShape({1, 1, 1, 1}),
                       Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {0}),
                       Var("x", kI16, {1, 1, 1, 1}, {1.0f}, {3})},
                      Var("y", kI16, {1, 1, 1, 1}, {1.0f}, {0})),
              StatusCode::kInvalidModel,
              "int16 input and output zero points must be 0, got 3 and 0");
  ExpectError(TcModel({OutShape({1, 1, 1, 1}),
                       Const<int8_t>("w", kI8, {1, 1, 1, 1}, {1}, {1.0f}, {0}),
                       Var("x", kI8, {1, 1, 1, 1}, {1.0f}, {0}),
                       Const<float>("b", kF32, {1}, {1})},
                      Var("y", kI8, {1, 1, 1, 1}, {1.0f}, {0})),
              StatusCode::kInvalidModel,
              "bias must be int32 for int8 input, got float32");
}

// ------------------------------------------------------------ allocations

TEST(TransposeConv, InvokeAllocatesNothing) {
  auto model = TcModel(
      {OutShape({1, 5, 5, 3}),
       Const<int8_t>("w", kI8, {3, 3, 3, 2}, std::vector<int8_t>(54, 7), {0.5f},
                     {0}),
       Var("x", kI8, {1, 3, 3, 2}, {0.5f}, {1}),
       Const<int32_t>("b", kI32, {3}, {1, 2, 3}, {0.25f}, {0})},
      Var("y", kI8, {1, 5, 5, 3}, {2.0f}, {0}), {tfl::Padding::SAME, 2, 2});
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

}  // namespace
}  // namespace edgelite
