// RELU: hand-computed cases for float32, int8 and uint8, with equal and
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

std::vector<uint8_t> ReluModel(const TensorSpec& in, const TensorSpec& out) {
  SingleOpModel m;
  m.inputs = {in};
  m.outputs = {out};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::RELU);
  return m.Build();
}

template <typename T>
std::vector<T> RunRelu(const std::vector<uint8_t>& model,
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

TEST(ReluTest, Float) {
  // max(0, x) with max(a, b) = a < b ? b : a: -0 and NaN become +0.
  const float inf = std::numeric_limits<float>::infinity();
  const auto model = ReluModel(Var("x", DataType::kFloat32, {2, 4}),
                               Var("y", DataType::kFloat32, {2, 4}));
  const std::vector<float> x = {
      -1.0f, 0.0f, 0.5f, 7.0f, -0.0f, std::numeric_limits<float>::quiet_NaN(),
      -inf,  inf};
  EXPECT_EQ(Bits(RunRelu(model, x)),
            Bits({0.0f, 0.0f, 0.5f, 7.0f, 0.0f, 0.0f, 0.0f, inf}));
}

TEST(ReluTest, Int8SameQuantization) {
  // scale 0.5, zero point -10 in and out: the multiplier is exactly 1.0
  // (2^30, shift 1) so values pass unchanged; lower bound
  // max(-128, -10 + roundf(0 / 0.5)) = -10.
  const auto model = ReluModel(Var("x", DataType::kInt8, {5}, {0.5f}, {-10}),
                               Var("y", DataType::kInt8, {5}, {0.5f}, {-10}));
  const std::vector<int8_t> x = {-128, -11, -10, -9, 127};
  const std::vector<int8_t> want = {-10, -10, -10, -9, 127};
  EXPECT_EQ(RunRelu(model, x), want);
  EXPECT_EQ(RunRelu(model, x, QuantArithmetic::kMicro), want);
}

TEST(ReluTest, Uint8SameQuantization) {
  const auto model = ReluModel(Var("x", DataType::kUInt8, {5}, {0.02f}, {128}),
                               Var("y", DataType::kUInt8, {5}, {0.02f}, {128}));
  EXPECT_EQ(RunRelu<uint8_t>(model, {0, 127, 128, 200, 255}),
            (std::vector<uint8_t>{128, 128, 128, 200, 255}));
}

TEST(ReluTest, Int8DifferentQuantizationDiffersBetweenModes) {
  // in (0.7, 0) → out (0.2, -128), lower bound -128 + 0 = -128.
  // kTflite: ratio f32(0.7f / 0.2f) = 3.49999988 rounds to exactly 3.5 in
  //   float; QuantizeMultiplier(3.5) = (0.875 * 2^31 = 1879048192, shift 2);
  //   x*3.5 exactly, halves rounded up by the high multiply:
  //   x=1 → 4 → -124; x=3 → 10.5 → 11 → -117; x=36 → 126 → -2;
  //   x=37 → 129.5 → 130 → 2; x=100 → 350 → 222 → 127; x=-1 → -3 → -128.
  // kMicro: ratio in double 3.4999998882 → (1879048132, shift 2):
  //   x=1 → 3.4999999 → 3 → -125; x=3 → 10.4999997 → 10 → -118;
  //   x=36 → 125.999996 → 126 → -2; x=37 → 129.4999959 → 129 → 1.
  const auto model = ReluModel(Var("x", DataType::kInt8, {7}, {0.7f}, {0}),
                               Var("y", DataType::kInt8, {7}, {0.2f}, {-128}));
  const std::vector<int8_t> x = {-1, 0, 1, 3, 36, 37, 100};
  EXPECT_EQ(RunRelu(model, x),
            (std::vector<int8_t>{-128, -128, -124, -117, -2, 2, 127}));
  EXPECT_EQ(RunRelu(model, x, QuantArithmetic::kMicro),
            (std::vector<int8_t>{-128, -128, -125, -118, -2, 1, 127}));
}

TEST(ReluTest, Uint8DifferentQuantization) {
  // in (0.5, 100) → out (0.25, 50): ratio 2 exactly, (2^30, shift 2).
  //   x=101 → 2 → 52; x=99 → -2 → 48 → lower bound 50; x=200 → 200 → 250;
  //   x=255 → 310 → 360 → 255.
  const auto model = ReluModel(Var("x", DataType::kUInt8, {4}, {0.5f}, {100}),
                               Var("y", DataType::kUInt8, {4}, {0.25f}, {50}));
  const std::vector<uint8_t> x = {101, 99, 200, 255};
  const std::vector<uint8_t> want = {52, 50, 250, 255};
  EXPECT_EQ(RunRelu(model, x), want);
  EXPECT_EQ(RunRelu(model, x, QuantArithmetic::kMicro), want);
}

TEST(ReluTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  ReluModel(Var("x", DataType::kInt8, {7}, {0.7f}, {0}),
                            Var("y", DataType::kInt8, {7}, {0.2f}, {-128})),
                  &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ---- errors ----

TEST(ReluTest, RejectsInt16AsUnsupported) {
  const Status s =
      PrepareStatus(ReluModel(Var("x", DataType::kInt16, {2}, {0.5f}, {0}),
                              Var("y", DataType::kInt16, {2}, {0.5f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (RELU v1): input 0 (tensor 0 'x'): "
                       "int16 is not supported"))
      << s.message();
}

TEST(ReluTest, RejectsBool) {
  const Status s = PrepareStatus(ReluModel(Var("x", DataType::kBool, {2}),
                                           Var("y", DataType::kBool, {2})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(), "type bool is not supported"))
      << s.message();
}

TEST(ReluTest, RejectsMixedTypes) {
  const Status s =
      PrepareStatus(ReluModel(Var("x", DataType::kInt8, {2}, {0.5f}, {0}),
                              Var("y", DataType::kUInt8, {2}, {0.5f}, {128})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "type uint8 differs from input 0 type "
                       "int8"))
      << s.message();
}

TEST(ReluTest, RejectsUnquantizedOutput) {
  const Status s =
      PrepareStatus(ReluModel(Var("x", DataType::kInt8, {2}, {0.5f}, {0}),
                              Var("y", DataType::kInt8, {2})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "output 0 (tensor 1 'y'): int8 tensor "
                       "must be quantized"))
      << s.message();
}

TEST(ReluTest, RejectsScaleRatioThatWouldOverflow) {
  // Ratio 2^24 needs a left shift of 25 bits; 255 << 25 overflows int32.
  const Status s = PrepareStatus(
      ReluModel(Var("x", DataType::kInt8, {2}, {16777216.0f}, {0}),
                Var("y", DataType::kInt8, {2}, {1.0f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "scale ratio 1.67772e+07 is too large"))
      << s.message();
}

}  // namespace
}  // namespace edgelite
