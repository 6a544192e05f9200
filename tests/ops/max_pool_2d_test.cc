// MAX_POOL_2D: hand-computed cases. Every window maximum is derived in a
// comment (TFLite reference semantics: the maximum over the in-bounds
// elements; padding is never a candidate).
#include <gtest/gtest.h>

#include <cstdint>
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

struct PoolConfig {
  tfl::Padding padding = tfl::Padding::SAME;
  int32_t stride_h = 1, stride_w = 1;
  int32_t filter_h = 1, filter_w = 1;
  tfl::ActivationFunctionType activation = tfl::ActivationFunctionType::NONE;
  bool with_options = true;
};

std::vector<uint8_t> PoolModel(const TensorSpec& in, const TensorSpec& out,
                               const PoolConfig& c) {
  SingleOpModel m;
  m.inputs = {in};
  m.outputs = {out};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::MAX_POOL_2D);
  if (c.with_options) {
    m.op.options_type = tfl::BuiltinOptions::Pool2DOptions;
    m.op.options = [c](flatbuffers::FlatBufferBuilder& fbb) {
      return tfl::CreatePool2DOptions(fbb, c.padding, c.stride_w, c.stride_h,
                                      c.filter_w, c.filter_h, c.activation)
          .Union();
    };
  }
  return m.Build();
}

template <typename T>
std::vector<T> RunPool(const std::vector<uint8_t>& model,
                       const std::vector<T>& input,
                       QuantArithmetic mode = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = mode;
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp, options);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  EXPECT_EQ(interp->input(0)->bytes, input.size() * sizeof(T));
  testing::SetInput(interp.get(), 0, input);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<T>(*interp, 0);
}

Status PrepareStatus(const std::vector<uint8_t>& model) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(model, &interp);
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(MaxPool2DTest, FloatSamePaddingIsNotAValue) {
  // All-negative 3x3 grid, 2x2 filter, stride 1, SAME (padding 1 after the
  // last row/column). If padding counted as 0 the border outputs would be 0.
  //   (0,0) max(-1,-2,-4,-5) = -1   (0,1) max(-2,-3,-5,-6) = -2
  //   (0,2) max(-3,-6) = -3         (1,0) max(-4,-5,-7,-8) = -4
  //   (1,1) max(-5,-6,-8,-9) = -5   (1,2) max(-6,-9) = -6
  //   (2,0) max(-7,-8) = -7         (2,1) max(-8,-9) = -8   (2,2) -9
  PoolConfig c;
  c.filter_h = c.filter_w = 2;
  const auto model = PoolModel(Var("x", DataType::kFloat32, {1, 3, 3, 1}),
                               Var("y", DataType::kFloat32, {1, 3, 3, 1}), c);
  EXPECT_EQ(RunPool<float>(model, {-1, -2, -3, -4, -5, -6, -7, -8, -9}),
            (std::vector<float>{-1, -2, -3, -4, -5, -6, -7, -8, -9}));
}

TEST(MaxPool2DTest, FloatFusedReluAndBatchOddChannels) {
  // [2, 1, 2, 3], filter 1x2, VALID: one window per batch, the per-channel
  // maximum of the two pixels, then RELU.
  //   batch 0: (1,-5,3) vs (2,-6,-3) → (2,-5,3) → (2,0,3)
  //   batch 1: (-1,0,7) vs (-2,0.5,7) → (-1,0.5,7) → (0,0.5,7)
  PoolConfig c;
  c.padding = tfl::Padding::VALID;
  c.filter_h = 1;
  c.filter_w = 2;
  c.activation = tfl::ActivationFunctionType::RELU;
  const auto model = PoolModel(Var("x", DataType::kFloat32, {2, 1, 2, 3}),
                               Var("y", DataType::kFloat32, {2, 1, 1, 3}), c);
  EXPECT_EQ(RunPool<float>(model, {1, -5, 3, 2, -6, -3, -1, 0, 7, -2, 0.5f, 7}),
            (std::vector<float>{2, 0, 3, 0, 0.5f, 7}));
}

// int8 4x4, 2x2 filter, stride 2, VALID:
//   [ -20  -15    1     0 ]
//   [ -12  -11   -5     3 ]
//   [ 100 -128    2     1 ]
//   [  -1    5  127  -128 ]
// maxima: (0,0) -11, (0,1) 3, (1,0) 100, (1,1) 127.
const std::vector<int8_t> kGridI8 = {-20, -15,  1, 0, -12, -11, -5,  3,
                                     100, -128, 2, 1, -1,  5,   127, -128};

PoolConfig Valid2x2Stride2() {
  PoolConfig c;
  c.padding = tfl::Padding::VALID;
  c.filter_h = c.filter_w = 2;
  c.stride_h = c.stride_w = 2;
  return c;
}

TEST(MaxPool2DTest, Int8ValidStride2) {
  const auto model =
      PoolModel(Var("x", DataType::kInt8, {1, 4, 4, 1}, {0.5f}, {-10}),
                Var("y", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {-10}),
                Valid2x2Stride2());
  const std::vector<int8_t> want = {-11, 3, 100, 127};
  EXPECT_EQ(RunPool<int8_t>(model, kGridI8), want);
  // Same kernel in tflite-micro: identical bytes.
  EXPECT_EQ(RunPool<int8_t>(model, kGridI8, QuantArithmetic::kMicro), want);
}

TEST(MaxPool2DTest, Int8FusedRelu6) {
  // Scale 0.5, zero point -10: RELU6 range [-10 + round(0/0.5),
  // -10 + round(6/0.5)] = [-10, 2]. Maxima -11, 3, 100, 127 → -10, 2, 2, 2.
  PoolConfig c = Valid2x2Stride2();
  c.activation = tfl::ActivationFunctionType::RELU6;
  const auto model =
      PoolModel(Var("x", DataType::kInt8, {1, 4, 4, 1}, {0.5f}, {-10}),
                Var("y", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {-10}), c);
  EXPECT_EQ(RunPool<int8_t>(model, kGridI8),
            (std::vector<int8_t>{-10, 2, 2, 2}));
}

TEST(MaxPool2DTest, Uint8SameStride2TwoChannels) {
  // 3x3x2, 3x3 filter, stride 2, SAME: out 2x2, total padding
  // (2-1)*2 + 3 - 3 = 2 → one before, one after. Windows: (0,0) rows/cols
  // 0..1; (0,1) rows 0..1, cols 1..2; (1,0) rows 1..2, cols 0..1; (1,1) 1..2.
  //   ch0 [10 20 30; 40 50 60; 70 80 90] → 50, 60, 80, 90
  //   ch1 [ 9  8  7;  6  5  4;  3  2  1] →  9,  8,  6,  5
  PoolConfig c;
  c.filter_h = c.filter_w = 3;
  c.stride_h = c.stride_w = 2;
  const auto model =
      PoolModel(Var("x", DataType::kUInt8, {1, 3, 3, 2}, {1.0f}, {128}),
                Var("y", DataType::kUInt8, {1, 2, 2, 2}, {1.0f}, {128}), c);
  const std::vector<uint8_t> x = {10, 9,  20, 8,  30, 7,  40, 6,  50,
                                  5,  60, 4,  70, 3,  80, 2,  90, 1};
  EXPECT_EQ(RunPool<uint8_t>(model, x),
            (std::vector<uint8_t>{50, 9, 60, 8, 80, 6, 90, 5}));
}

TEST(MaxPool2DTest, Uint8FusedReluUsesOutputZeroPoint) {
  // Zero point 128: RELU clamps below at 128. Same windows as above.
  PoolConfig c;
  c.filter_h = c.filter_w = 3;
  c.stride_h = c.stride_w = 2;
  c.activation = tfl::ActivationFunctionType::RELU;
  const auto model =
      PoolModel(Var("x", DataType::kUInt8, {1, 3, 3, 1}, {1.0f}, {128}),
                Var("y", DataType::kUInt8, {1, 2, 2, 1}, {1.0f}, {128}), c);
  // maxima of [100 200 50; 120 127 129; 0 1 2]: (0,0) 200, (0,1) 200,
  // (1,0) 127, (1,1) 129 → RELU at 128: 200, 200, 128, 129.
  EXPECT_EQ(RunPool<uint8_t>(model, {100, 200, 50, 120, 127, 129, 0, 1, 2}),
            (std::vector<uint8_t>{200, 200, 128, 129}));
}

TEST(MaxPool2DTest, InvokeAllocatesNothing) {
  const auto model =
      PoolModel(Var("x", DataType::kInt8, {1, 4, 4, 1}, {0.5f}, {-10}),
                Var("y", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {-10}),
                Valid2x2Stride2());
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ---- errors ----

TEST(MaxPool2DTest, RejectsDifferentOutputQuantization) {
  const Status s = PrepareStatus(PoolModel(
      Var("x", DataType::kInt8, {1, 4, 4, 1}, {0.5f}, {-10}),
      Var("y", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {0}), Valid2x2Stride2()));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (MAX_POOL_2D v1): output 0 (tensor 1 'y'): "
                       "quantization (scale 0.5, zero point 0) differs from "
                       "the input's (scale 0.5, zero point -10)"))
      << s.message();
}

TEST(MaxPool2DTest, AcceptsScalesWithinTfliteTolerance) {
  // TFLite's pooling Prepare allows |in_scale - out_scale| <= 1e-6.
  const auto model =
      PoolModel(Var("x", DataType::kInt8, {1, 4, 4, 1}, {0.5f}, {-10}),
                Var("y", DataType::kInt8, {1, 2, 2, 1}, {0.5000005f}, {-10}),
                Valid2x2Stride2());
  EXPECT_EQ(RunPool<int8_t>(model, kGridI8),
            (std::vector<int8_t>{-11, 3, 100, 127}));
}

TEST(MaxPool2DTest, RejectsInt16AsUnsupported) {
  const Status s = PrepareStatus(
      PoolModel(Var("x", DataType::kInt16, {1, 4, 4, 1}, {0.5f}, {0}),
                Var("y", DataType::kInt16, {1, 2, 2, 1}, {0.5f}, {0}),
                Valid2x2Stride2()));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "int16 pooling is not supported"))
      << s.message();
}

TEST(MaxPool2DTest, RejectsRank2Input) {
  const Status s = PrepareStatus(PoolModel(Var("x", DataType::kFloat32, {4, 4}),
                                           Var("y", DataType::kFloat32, {2, 2}),
                                           Valid2x2Stride2()));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(), "expected rank 4, got shape [4, 4]"))
      << s.message();
}

TEST(MaxPool2DTest, RejectsSignBitActivation) {
  PoolConfig c = Valid2x2Stride2();
  c.activation = tfl::ActivationFunctionType::SIGN_BIT;
  const Status s = PrepareStatus(
      PoolModel(Var("x", DataType::kInt8, {1, 4, 4, 1}, {0.5f}, {0}),
                Var("y", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {0}), c));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "fused activation SIGN_BIT is not "
                       "supported"))
      << s.message();
}

}  // namespace
}  // namespace edgelite
