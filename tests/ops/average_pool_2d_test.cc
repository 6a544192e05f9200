// AVERAGE_POOL_2D: hand-computed cases. Every window average is derived in a
// comment from TFLite's reference semantics (sum of the in-bounds elements
// divided by their count; integers round half away from zero).
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
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::AVERAGE_POOL_2D);
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

// The 3x3 grid used by several cases (one channel):
//   [  1   2  -3 ]
//   [  3  -4  -6 ]
//   [  5   6 127 ]
// 2x2 filter, stride 1, SAME: out 3x3, total padding (3-1)*1 + 2 - 3 = 1, all
// of it after the last row/column (TFLite puts the odd pixel at the end). So
// output (y, x) averages rows [y, y+2) and columns [x, x+2) clipped to 0..2:
// count 4 inside, 2 on the last row/column, 1 in the corner.
//   (0,0)  1+2+3-4 = 2,  /4 =  0.5
//   (0,1)  2-3-4-6 = -11,/4 = -2.75
//   (0,2) -3-6     = -9, /2 = -4.5
//   (1,0)  3-4+5+6 = 10, /4 =  2.5
//   (1,1) -4-6+6+127 = 123, /4 = 30.75
//   (1,2) -6+127   = 121,/2 = 60.5
//   (2,0)  5+6     = 11, /2 =  5.5
//   (2,1)  6+127   = 133,/2 = 66.5
//   (2,2)  127          /1 = 127
const std::vector<float> kGridF = {1, 2, -3, 3, -4, -6, 5, 6, 127};
const std::vector<int8_t> kGridQ = {1, 2, -3, 3, -4, -6, 5, 6, 127};

PoolConfig Same2x2() {
  PoolConfig c;
  c.filter_h = c.filter_w = 2;
  return c;
}

TEST(AveragePool2DTest, FloatSamePaddingCountsOnlyInputElements) {
  const auto model =
      PoolModel(Var("x", DataType::kFloat32, {1, 3, 3, 1}),
                Var("y", DataType::kFloat32, {1, 3, 3, 1}), Same2x2());
  EXPECT_EQ(RunPool<float>(model, kGridF),
            (std::vector<float>{0.5f, -2.75f, -4.5f, 2.5f, 30.75f, 60.5f, 5.5f,
                                66.5f, 127.0f}));
}

TEST(AveragePool2DTest, FloatFusedRelu6) {
  PoolConfig c = Same2x2();
  c.activation = tfl::ActivationFunctionType::RELU6;
  const auto model = PoolModel(Var("x", DataType::kFloat32, {1, 3, 3, 1}),
                               Var("y", DataType::kFloat32, {1, 3, 3, 1}), c);
  // The averages above clamped to [0, 6].
  EXPECT_EQ(RunPool<float>(model, kGridF),
            (std::vector<float>{0.5f, 0.0f, 0.0f, 2.5f, 6.0f, 6.0f, 5.5f, 6.0f,
                                6.0f}));
}

TEST(AveragePool2DTest, FloatBatchOddChannelsValidStride2) {
  // x[b][y][x][c] = 100*b + 10*(2*y + x) + c, shape [2, 2, 2, 3]; one 2x2
  // VALID window per batch: mean = 100*b + 10*(0+1+2+3)/4 + c = 100b + 15 + c.
  std::vector<float> x;
  for (int b = 0; b < 2; ++b) {
    for (int p = 0; p < 4; ++p) {
      for (int c = 0; c < 3; ++c) x.push_back(100.0f * b + 10.0f * p + c);
    }
  }
  PoolConfig c;
  c.padding = tfl::Padding::VALID;
  c.filter_h = c.filter_w = 2;
  c.stride_h = c.stride_w = 2;
  const auto model = PoolModel(Var("x", DataType::kFloat32, {2, 2, 2, 3}),
                               Var("y", DataType::kFloat32, {2, 1, 1, 3}), c);
  EXPECT_EQ(RunPool<float>(model, x),
            (std::vector<float>{15, 16, 17, 115, 116, 117}));
}

TEST(AveragePool2DTest, Int8SamePaddingRoundsHalfAwayFromZero) {
  // Same windows as the float case; integer averages round half away from
  // zero: (s > 0 ? s + n/2 : s - n/2) / n with truncating division.
  //   0.5 → 1, -2.75 → -3, -4.5 → -5, 2.5 → 3, 30.75 → 31, 60.5 → 61,
  //   5.5 → 6, 66.5 → 67, 127 → 127.
  const std::vector<int8_t> want = {1, -3, -5, 3, 31, 61, 6, 67, 127};
  const auto model = PoolModel(
      Var("x", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {0}),
      Var("y", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {0}), Same2x2());
  EXPECT_EQ(RunPool<int8_t>(model, kGridQ), want);
  // tflite-micro uses the same reference kernel: identical bytes, ties
  // included.
  EXPECT_EQ(RunPool<int8_t>(model, kGridQ, QuantArithmetic::kMicro), want);
}

TEST(AveragePool2DTest, Int8TiesOfFiveOverTwo) {
  // [1, 1, 2, 2] (two pixels, two channels): pixel 0 = (2, -2), pixel 1 =
  // (3, -3). Filter 1x2, stride 1, SAME: out width 2, padding 1 after the
  // last column. Output 0 averages both pixels: 5/2 = 2.5 → 3 and
  // -5/2 = -2.5 → -3; output 1 sees only pixel 1: 3 and -3.
  PoolConfig c;
  c.filter_h = 1;
  c.filter_w = 2;
  const auto model =
      PoolModel(Var("x", DataType::kInt8, {1, 1, 2, 2}, {1.0f}, {0}),
                Var("y", DataType::kInt8, {1, 1, 2, 2}, {1.0f}, {0}), c);
  const std::vector<int8_t> x = {2, -2, 3, -3};
  const std::vector<int8_t> want = {3, -3, 3, -3};
  EXPECT_EQ(RunPool<int8_t>(model, x), want);
  EXPECT_EQ(RunPool<int8_t>(model, x, QuantArithmetic::kMicro), want);
}

TEST(AveragePool2DTest, Int8SameStride2Filter3) {
  // 3x3 filter, stride 2, SAME on 3x3: out 2x2, total padding
  // (2-1)*2 + 3 - 3 = 2 → one row/column before and one after.
  //   (0,0) rows 0..1, cols 0..1: 1+2+3-4 = 2, /4 = 0.5 → 1
  //   (0,1) rows 0..1, cols 1..2: 2-3-4-6 = -11, /4 = -2.75 → -3
  //   (1,0) rows 1..2, cols 0..1: 3-4+5+6 = 10, /4 = 2.5 → 3
  //   (1,1) rows 1..2, cols 1..2: -4-6+6+127 = 123, /4 = 30.75 → 31
  PoolConfig c;
  c.filter_h = c.filter_w = 3;
  c.stride_h = c.stride_w = 2;
  const auto model =
      PoolModel(Var("x", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {3}),
                Var("y", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {3}), c);
  EXPECT_EQ(RunPool<int8_t>(model, kGridQ),
            (std::vector<int8_t>{1, -3, 3, 31}));
}

TEST(AveragePool2DTest, Int8FusedRelu) {
  // Zero point 0: RELU clamps below at 0 + round(0 / 0.5) = 0.
  PoolConfig c = Same2x2();
  c.activation = tfl::ActivationFunctionType::RELU;
  const auto model =
      PoolModel(Var("x", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {0}),
                Var("y", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {0}), c);
  EXPECT_EQ(RunPool<int8_t>(model, kGridQ),
            (std::vector<int8_t>{1, 0, 0, 3, 31, 61, 6, 67, 127}));
}

// uint8 4x4 grid, 2x2 filter, stride 2, VALID (every window has 4 elements):
//   [  0  1  2   3 ]
//   [  4  5  6   7 ]
//   [  8  9 10  11 ]
//   [ 12 13 14 255 ]
//   (0,0) 0+1+4+5 = 10 → 2.5 → 3      (0,1) 2+3+6+7 = 18 → 4.5 → 5
//   (1,0) 8+9+12+13 = 42 → 10.5 → 11  (1,1) 10+11+14+255 = 290 → 72.5 → 73
const std::vector<uint8_t> kGridU8 = {0, 1, 2,  3,  4,  5,  6,  7,
                                      8, 9, 10, 11, 12, 13, 14, 255};

PoolConfig Valid2x2Stride2() {
  PoolConfig c;
  c.padding = tfl::Padding::VALID;
  c.filter_h = c.filter_w = 2;
  c.stride_h = c.stride_w = 2;
  return c;
}

TEST(AveragePool2DTest, Uint8ValidStride2) {
  const auto model =
      PoolModel(Var("x", DataType::kUInt8, {1, 4, 4, 1}, {0.5f}, {10}),
                Var("y", DataType::kUInt8, {1, 2, 2, 1}, {0.5f}, {10}),
                Valid2x2Stride2());
  const std::vector<uint8_t> want = {3, 5, 11, 73};
  EXPECT_EQ(RunPool<uint8_t>(model, kGridU8), want);
  EXPECT_EQ(RunPool<uint8_t>(model, kGridU8, QuantArithmetic::kMicro), want);
}

TEST(AveragePool2DTest, Uint8FusedRelu6) {
  // Scale 0.5, zero point 10: RELU6 range [10 + round(0/0.5), 10 +
  // round(6/0.5)] = [10, 22]. Averages 3, 5, 11, 73 → 10, 10, 11, 22.
  PoolConfig c = Valid2x2Stride2();
  c.activation = tfl::ActivationFunctionType::RELU6;
  const auto model =
      PoolModel(Var("x", DataType::kUInt8, {1, 4, 4, 1}, {0.5f}, {10}),
                Var("y", DataType::kUInt8, {1, 2, 2, 1}, {0.5f}, {10}), c);
  EXPECT_EQ(RunPool<uint8_t>(model, kGridU8),
            (std::vector<uint8_t>{10, 10, 11, 22}));
}

TEST(AveragePool2DTest, GlobalPoolFilterLargerThanInputSame) {
  // 1x1 input, 3x3 filter, SAME: out 1x1, padding 1 on each side; the only
  // in-bounds element is the input itself (count 1).
  PoolConfig c;
  c.filter_h = c.filter_w = 3;
  const auto model =
      PoolModel(Var("x", DataType::kInt8, {1, 1, 1, 3}, {1.0f}, {0}),
                Var("y", DataType::kInt8, {1, 1, 1, 3}, {1.0f}, {0}), c);
  EXPECT_EQ(RunPool<int8_t>(model, {-7, 0, 9}),
            (std::vector<int8_t>{-7, 0, 9}));
}

TEST(AveragePool2DTest, ValidFilterLargerThanInputGivesEmptyOutput) {
  // VALID, 3x3 filter on 2x2: out size (2 + 1 - 3) / 1 = 0 in both axes.
  PoolConfig c;
  c.padding = tfl::Padding::VALID;
  c.filter_h = c.filter_w = 3;
  const auto model = PoolModel(Var("x", DataType::kFloat32, {1, 2, 2, 1}),
                               Var("y", DataType::kFloat32, {1, 2, 2, 1}), c);
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(interp->output(0)->shape, Shape({1, 0, 0, 1}));
  EXPECT_TRUE(interp->Invoke().ok());
}

TEST(AveragePool2DTest, InvokeAllocatesNothing) {
  const auto model = PoolModel(
      Var("x", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {0}),
      Var("y", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {0}), Same2x2());
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ---- errors ----

TEST(AveragePool2DTest, RejectsDifferentOutputScale) {
  const Status s = PrepareStatus(PoolModel(
      Var("x", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {0}),
      Var("y", DataType::kInt8, {1, 3, 3, 1}, {0.25f}, {0}), Same2x2()));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (AVERAGE_POOL_2D v1): output 0 (tensor 1 'y'): "
                       "quantization (scale 0.25, zero point 0) differs from "
                       "the input's (scale 0.5, zero point 0)"))
      << s.message();
}

TEST(AveragePool2DTest, RejectsDifferentOutputZeroPoint) {
  const Status s = PrepareStatus(PoolModel(
      Var("x", DataType::kUInt8, {1, 3, 3, 1}, {0.5f}, {128}),
      Var("y", DataType::kUInt8, {1, 3, 3, 1}, {0.5f}, {127}), Same2x2()));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "zero point 127) differs")) << s.message();
}

TEST(AveragePool2DTest, RejectsMissingQuantization) {
  const Status s = PrepareStatus(PoolModel(
      Var("x", DataType::kInt8, {1, 3, 3, 1}),
      Var("y", DataType::kInt8, {1, 3, 3, 1}, {0.5f}, {0}), Same2x2()));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "input 0 (tensor 0 'x'): int8 tensor must "
                       "be quantized"))
      << s.message();
}

TEST(AveragePool2DTest, RejectsPerChannelQuantization) {
  TensorSpec in =
      Var("x", DataType::kInt8, {1, 1, 1, 2}, {0.5f, 0.25f}, {0, 0});
  in.quantized_dimension = 3;
  const Status s = PrepareStatus(PoolModel(
      in, Var("y", DataType::kInt8, {1, 1, 1, 2}, {0.5f}, {0}), PoolConfig()));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "expected per-tensor quantization, got 2 "
                       "scales"))
      << s.message();
}

TEST(AveragePool2DTest, RejectsRank3Input) {
  const Status s = PrepareStatus(
      PoolModel(Var("x", DataType::kFloat32, {3, 3, 1}),
                Var("y", DataType::kFloat32, {3, 3, 1}), Same2x2()));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(), "expected rank 4, got shape [3, 3, 1]"))
      << s.message();
}

TEST(AveragePool2DTest, RejectsInt16AsUnsupported) {
  const Status s = PrepareStatus(PoolModel(
      Var("x", DataType::kInt16, {1, 2, 2, 1}, {0.5f}, {0}),
      Var("y", DataType::kInt16, {1, 2, 2, 1}, {0.5f}, {0}), Same2x2()));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "int16 pooling is not supported"))
      << s.message();
}

TEST(AveragePool2DTest, RejectsInt32) {
  const Status s = PrepareStatus(
      PoolModel(Var("x", DataType::kInt32, {1, 2, 2, 1}),
                Var("y", DataType::kInt32, {1, 2, 2, 1}), Same2x2()));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(), "type int32 cannot be pooled"))
      << s.message();
}

TEST(AveragePool2DTest, RejectsMixedTypes) {
  const Status s = PrepareStatus(PoolModel(
      Var("x", DataType::kFloat32, {1, 2, 2, 1}),
      Var("y", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {0}), Same2x2()));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "type int8 differs from input 0 type "
                       "float32"))
      << s.message();
}

TEST(AveragePool2DTest, RejectsMissingOptions) {
  PoolConfig c;
  c.with_options = false;
  const Status s =
      PrepareStatus(PoolModel(Var("x", DataType::kFloat32, {1, 2, 2, 1}),
                              Var("y", DataType::kFloat32, {1, 2, 2, 1}), c));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(), "missing Pool2DOptions")) << s.message();
}

TEST(AveragePool2DTest, RejectsTanhActivation) {
  PoolConfig c = Same2x2();
  c.activation = tfl::ActivationFunctionType::TANH;
  const Status s =
      PrepareStatus(PoolModel(Var("x", DataType::kFloat32, {1, 2, 2, 1}),
                              Var("y", DataType::kFloat32, {1, 2, 2, 1}), c));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (AVERAGE_POOL_2D v1): fused "
                       "activation TANH is not supported"))
      << s.message();
}

}  // namespace
}  // namespace edgelite
