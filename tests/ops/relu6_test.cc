// RELU6: hand-computed cases for float32, int8 and uint8, with equal and
// different input/output quantization, in both QuantArithmetic modes.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
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

std::vector<uint8_t> Relu6Model(const TensorSpec& in, const TensorSpec& out) {
  SingleOpModel m;
  m.inputs = {in};
  m.outputs = {out};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::RELU6);
  return m.Build();
}

template <typename T>
std::vector<T> RunRelu6(const std::vector<uint8_t>& model,
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

std::vector<uint32_t> Bits(const std::vector<float>& v) {
  std::vector<uint32_t> out(v.size());
  if (!v.empty()) std::memcpy(out.data(), v.data(), v.size() * sizeof(float));
  return out;
}

Status PrepareStatus(const std::vector<uint8_t>& model) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(model, &interp);
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(Relu6Test, Float) {
  // min(max(0, x), 6): NaN and -0 become +0, +inf becomes 6.
  const float inf = std::numeric_limits<float>::infinity();
  const auto model = Relu6Model(Var("x", DataType::kFloat32, {7}),
                                Var("y", DataType::kFloat32, {7}));
  const std::vector<float> x = {
      -1.0f, 3.0f, 6.0f, 7.5f, -0.0f, std::numeric_limits<float>::quiet_NaN(),
      inf};
  EXPECT_EQ(Bits(RunRelu6(model, x)),
            Bits({0.0f, 3.0f, 6.0f, 6.0f, 0.0f, 0.0f, 6.0f}));
}

TEST(Relu6Test, Int8SameQuantization) {
  // scale 0.5, zero point -10 in and out: bounds [-10, -10 + roundf(6/0.5)]
  // = [-10, 2]; values pass unchanged in between. tflite-micro clamps the
  // raw input to [in_zp, round(6/in_scale) + in_zp] = the same bounds.
  const auto model = Relu6Model(Var("x", DataType::kInt8, {6}, {0.5f}, {-10}),
                                Var("y", DataType::kInt8, {6}, {0.5f}, {-10}));
  const std::vector<int8_t> x = {-128, -10, 0, 2, 3, 127};
  const std::vector<int8_t> want = {-10, -10, 0, 2, 2, 2};
  EXPECT_EQ(RunRelu6(model, x), want);
  EXPECT_EQ(RunRelu6(model, x, QuantArithmetic::kMicro), want);
}

TEST(Relu6Test, UpperBoundRoundsHalfAwayFromZero) {
  // int8 scale 12, zero point 0: 6/12 = 0.5 → roundf → 1 (half to even
  // would give 0). Bounds [0, 1].
  const auto int8_model =
      Relu6Model(Var("x", DataType::kInt8, {4}, {12.0f}, {0}),
                 Var("y", DataType::kInt8, {4}, {12.0f}, {0}));
  EXPECT_EQ(RunRelu6<int8_t>(int8_model, {-5, 0, 1, 5}),
            (std::vector<int8_t>{0, 0, 1, 1}));
  EXPECT_EQ(
      RunRelu6<int8_t>(int8_model, {-5, 0, 1, 5}, QuantArithmetic::kMicro),
      (std::vector<int8_t>{0, 0, 1, 1}));
  // uint8 scale 4, zero point 100: 6/4 = 1.5 → 2; bounds [100, 102].
  const auto uint8_model =
      Relu6Model(Var("x", DataType::kUInt8, {5}, {4.0f}, {100}),
                 Var("y", DataType::kUInt8, {5}, {4.0f}, {100}));
  EXPECT_EQ(RunRelu6<uint8_t>(uint8_model, {90, 101, 102, 103, 255}),
            (std::vector<uint8_t>{100, 101, 102, 102, 102}));
}

TEST(Relu6Test, Int8DifferentQuantizationDiffersBetweenModes) {
  // in (0.7, 0) → out (0.2, -128).
  // kTflite (TFLite's QuantizedReluX): requantize by 3.5 (f32(0.7f/0.2f) is
  //   exactly 3.5: multiplier 1879048192, shift 2; halves round up), then
  //   clamp to [-128, -128 + roundf(6/0.2f)]; 6/0.2f = 29.9999996 rounds to
  //   the float 30.0 → upper bound -98.
  //   x=-1 → -3 → -131 → -128; x=0 → -128; x=1 → 4 → -124;
  //   x=3 → 10.5 → 11 → -117; x=8 → 28 → -100; x=9 → 31.5 → 32 → -96 → -98;
  //   x=127 → -98.
  // kMicro (tflite-micro Relu6): no requantization; clamp the raw input to
  //   [in_zp, round(6/0.7f) + in_zp] = [0, round(8.571) = 9].
  const auto model = Relu6Model(Var("x", DataType::kInt8, {7}, {0.7f}, {0}),
                                Var("y", DataType::kInt8, {7}, {0.2f}, {-128}));
  const std::vector<int8_t> x = {-1, 0, 1, 3, 8, 9, 127};
  EXPECT_EQ(RunRelu6(model, x),
            (std::vector<int8_t>{-128, -128, -124, -117, -100, -98, -98}));
  EXPECT_EQ(RunRelu6(model, x, QuantArithmetic::kMicro),
            (std::vector<int8_t>{0, 0, 1, 3, 8, 9, 9}));
}

TEST(Relu6Test, Uint8DifferentQuantizationSameInBothModes) {
  // in (0.5, 100) → out (0.25, 50): ratio 2, bounds [50, 50 + 24 = 74].
  // tflite-micro has no uint8 RELU6, so kMicro uses TFLite's arithmetic.
  //   x=101 → 52; x=99 → 48 → 50; x=111 → 72; x=112 → 74; x=113 → 76 → 74.
  const auto model = Relu6Model(Var("x", DataType::kUInt8, {5}, {0.5f}, {100}),
                                Var("y", DataType::kUInt8, {5}, {0.25f}, {50}));
  const std::vector<uint8_t> x = {101, 99, 111, 112, 113};
  const std::vector<uint8_t> want = {52, 50, 72, 74, 74};
  EXPECT_EQ(RunRelu6(model, x), want);
  EXPECT_EQ(RunRelu6(model, x, QuantArithmetic::kMicro), want);
}

TEST(Relu6Test, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Relu6Model(Var("x", DataType::kUInt8, {5}, {0.5f}, {100}),
                             Var("y", DataType::kUInt8, {5}, {0.25f}, {50})),
                  &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ---- errors ----

TEST(Relu6Test, RejectsInt16AsUnsupported) {
  const Status s =
      PrepareStatus(Relu6Model(Var("x", DataType::kInt16, {2}, {0.5f}, {0}),
                               Var("y", DataType::kInt16, {2}, {0.5f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (RELU6 v1): input 0 (tensor 0 "
                       "'x'): int16 is not supported"))
      << s.message();
}

TEST(Relu6Test, RejectsPerChannelInput) {
  TensorSpec in = Var("x", DataType::kInt8, {2}, {0.5f, 0.25f}, {0, 0});
  const Status s = PrepareStatus(
      Relu6Model(in, Var("y", DataType::kInt8, {2}, {0.5f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "expected per-tensor quantization, got 2 "
                       "scales"))
      << s.message();
}

}  // namespace
}  // namespace edgelite
