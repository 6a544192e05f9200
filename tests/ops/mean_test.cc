// MEAN: float means over axis sets, and the three quantized arithmetics
// (XNNPACK global average pooling, TFLite's optimized 4-D mean, the
// reference QuantizedMeanOrSum). Expected values are derived in comments.
#include <gtest/gtest.h>

#include <cmath>
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
namespace tfl = ::edgelite::tfl;

TensorSpec Axes(std::vector<int32_t> axes) {
  TensorSpec s =
      Var("axes", DataType::kInt32, {static_cast<int32_t>(axes.size())});
  s.data = testing::Bytes(axes);
  return s;
}

SingleOpModel MeanModel(TensorSpec in, TensorSpec axes, TensorSpec out,
                        bool keep_dims) {
  SingleOpModel m;
  m.inputs = {std::move(in), std::move(axes)};
  m.outputs = {std::move(out)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::MEAN);
  m.op.version = 2;
  m.op.options_type = tfl::BuiltinOptions::ReducerOptions;
  m.op.options = [keep_dims](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateReducerOptions(fbb, keep_dims).Union();
  };
  return m;
}

Status Make(const SingleOpModel& m, std::unique_ptr<Interpreter>* interp,
            QuantArithmetic arith = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = arith;
  return testing::MakeInterpreter(m.Build(), interp, options);
}

template <typename T>
std::vector<T> RunMean(const SingleOpModel& m, const std::vector<T>& x,
                       QuantArithmetic arith = QuantArithmetic::kTflite,
                       Shape* out_shape = nullptr) {
  std::unique_ptr<Interpreter> interp;
  Status s = Make(m, &interp, arith);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, x);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  if (out_shape) *out_shape = interp->output(0)->shape;
  return testing::GetOutput<T>(*interp, 0);
}

std::vector<float> Iota(int n) {
  std::vector<float> v(n);
  for (int i = 0; i < n; ++i) v[i] = static_cast<float>(i);
  return v;
}

// ---------------------------------------------------------------- float

// x = 0..11 in [1,2,2,3]: channel c holds c, 3+c, 6+c, 9+c, so its mean
// over H and W is (18 + 4c) / 4 = 4.5 + c.
TEST(MeanOp, FloatSpatialKeepDims) {
  SingleOpModel m =
      MeanModel(Var("x", DataType::kFloat32, {1, 2, 2, 3}), Axes({1, 2}),
                Var("y", DataType::kFloat32, {1, 1, 1, 3}),
                /*keep_dims=*/true);
  Shape shape;
  EXPECT_EQ(RunMean<float>(m, Iota(12), QuantArithmetic::kTflite, &shape),
            (std::vector<float>{4.5f, 5.5f, 6.5f}));
  EXPECT_EQ(shape, Shape({1, 1, 1, 3}));
}

TEST(MeanOp, FloatSpatialDropDims) {
  SingleOpModel m =
      MeanModel(Var("x", DataType::kFloat32, {1, 2, 2, 3}), Axes({2, 1}),
                Var("y", DataType::kFloat32, {1, 3}),
                /*keep_dims=*/false);
  Shape shape;
  EXPECT_EQ(RunMean<float>(m, Iota(12), QuantArithmetic::kTflite, &shape),
            (std::vector<float>{4.5f, 5.5f, 6.5f}));
  EXPECT_EQ(shape, Shape({1, 3}));
}

// [[0,1,2],[3,4,5]]: row means 1 and 4; column means 1.5, 2.5, 3.5.
TEST(MeanOp, FloatNegativeAxis) {
  SingleOpModel m = MeanModel(Var("x", DataType::kFloat32, {2, 3}), Axes({-1}),
                              Var("y", DataType::kFloat32, {2}), false);
  Shape shape;
  EXPECT_EQ(RunMean<float>(m, Iota(6), QuantArithmetic::kTflite, &shape),
            (std::vector<float>{1, 4}));
  EXPECT_EQ(shape, Shape({2}));
}

// An empty axes tensor written with no bytes (what converters emit for []):
// nothing produces it, so the loader treats it as an empty constant, and
// MEAN over no axes is the identity, as in TFLite.
TEST(MeanOp, EmptyAxesWithoutBytesIsTheIdentity) {
  testing::ModelBuilder b;
  const int x = b.AddActivation("x", DataType::kFloat32, {2, 3});
  const int axes = b.AddActivation("axes", DataType::kInt32, {0});
  const int y = b.AddActivation("y", DataType::kFloat32, {2, 3});
  testing::OperatorSpec op;
  op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::MEAN);
  op.inputs = {x, axes};
  op.outputs = {y};
  b.AddOperator(op);
  b.SetInputs({x});
  b.SetOutputs({y});
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(b.Build(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(interp->tensor(axes)->is_constant());
  testing::SetInput(interp.get(), 0, Iota(6));
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0), Iota(6));
}

// Same quantization, reduced dims {0, 2} with dim 1 kept between them:
// LiteRT.js rounds exact ties half up there (seed 3 case 67: -15.5 -> -15).
// int8 [2,2,2] axes [0,2]: output j sums x[a][j][k]; j = 0: -1-2-1-2 = -6,
// mean -1.5 -> -1 (half up; half to even would give -2); j = 1: 1+2+1+1 = 5,
// 1.25 -> 1.
TEST(MeanOp, Int8SameQuantizationSplitAxesRoundTiesUp) {
  SingleOpModel m =
      MeanModel(Var("x", DataType::kInt8, {2, 2, 2}, {0.1f}, {3}), Axes({0, 2}),
                Var("y", DataType::kInt8, {2}, {0.1f}, {3}), false);
  EXPECT_EQ(RunMean<int8_t>(m, {-1, -2, 1, 2, -1, -2, 1, 1}),
            (std::vector<int8_t>{-1, 1}));
}

TEST(MeanOp, FloatSingleLeadingAxis) {
  SingleOpModel m = MeanModel(Var("x", DataType::kFloat32, {2, 3}), Axes({0}),
                              Var("y", DataType::kFloat32, {1, 3}), true);
  Shape shape;
  EXPECT_EQ(RunMean<float>(m, Iota(6), QuantArithmetic::kTflite, &shape),
            (std::vector<float>{1.5f, 2.5f, 3.5f}));
  EXPECT_EQ(shape, Shape({1, 3}));
}

TEST(MeanOp, FloatDuplicateAxesCountOnce) {
  // [1, 1, -1] on rank 2 is axis 1 once: the row means again.
  SingleOpModel m =
      MeanModel(Var("x", DataType::kFloat32, {2, 3}), Axes({1, 1, -1}),
                Var("y", DataType::kFloat32, {2}), false);
  EXPECT_EQ(RunMean<float>(m, Iota(6)), (std::vector<float>{1, 4}));
}

TEST(MeanOp, FloatAllAxesAndMiddleAxis) {
  // [2,3,2] = 0..11. All axes: 66 / 12 = 5.5.
  SingleOpModel all =
      MeanModel(Var("x", DataType::kFloat32, {2, 3, 2}), Axes({0, 1, 2}),
                Var("y", DataType::kFloat32, {}), false);
  Shape shape;
  EXPECT_EQ(RunMean<float>(all, Iota(12), QuantArithmetic::kTflite, &shape),
            (std::vector<float>{5.5f}));
  EXPECT_EQ(shape.rank, 0);
  // Axis 1: y[i][k] = mean of x[i][0..2][k] = 6i + k + 2.
  SingleOpModel mid =
      MeanModel(Var("x", DataType::kFloat32, {2, 3, 2}), Axes({1}),
                Var("y", DataType::kFloat32, {2, 2}), false);
  EXPECT_EQ(RunMean<float>(mid, Iota(12)), (std::vector<float>{2, 3, 8, 9}));
}

// ------------------------------------------------------------ int8/uint8

// int8 [1,2,2,1] = [1,1,0,0], in and out scale 0.5, zero points 0, N = 4.
// XNNPACK (axes [1,2], kTflite): scale = 0.5 / (0.5 * 4) = 0.25;
//   acc = 2; 2 * 0.25 = 0.5 -> lrintf -> 0.
// Reference (kMicro): scale 1, bias 0; mean = 2/4 = 0.5 -> round away -> 1.
TEST(MeanOp, Int8XnnpackVersusMicroTie) {
  SingleOpModel m = MeanModel(
      Var("x", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {0}), Axes({1, 2}),
      Var("y", DataType::kInt8, {1, 1, 1, 1}, {0.5f}, {0}), true);
  EXPECT_EQ(RunMean<int8_t>(m, {1, 1, 0, 0}, QuantArithmetic::kTflite),
            (std::vector<int8_t>{0}));
  EXPECT_EQ(RunMean<int8_t>(m, {1, 1, 0, 0}, QuantArithmetic::kMicro),
            (std::vector<int8_t>{1}));
}

// Axes written [-3, -2] name the same dims as [1, 2], and LiteRT's XNNPACK
// delegate normalizes them, so the node is delegated: in 0.5, out 0.25,
// N = 4: scale = 0.5 / (0.25 * 4) = 0.5; acc = 1 -> 0.5 -> lrintf -> 0.
// (TFLite's builtin 4-D path would give MBQM(1, 2^30, 0) = 1; the
// reference (kMicro): mean 0.25 * 2 = 0.5 -> round away -> 1.)
TEST(MeanOp, Int8NegativeSpatialAxesAreDelegated) {
  SingleOpModel m = MeanModel(
      Var("x", DataType::kInt8, {1, 2, 2, 1}, {0.5f}, {0}), Axes({-3, -2}),
      Var("y", DataType::kInt8, {1, 1, 1, 1}, {0.25f}, {0}), true);
  EXPECT_EQ(RunMean<int8_t>(m, {1, 0, 0, 0}, QuantArithmetic::kTflite),
            (std::vector<int8_t>{0}));
  EXPECT_EQ(RunMean<int8_t>(m, {1, 0, 0, 0}, QuantArithmetic::kMicro),
            (std::vector<int8_t>{1}));
}

// Input and output quantization identical: the raw values' mean, rounded
// half to even. uint8 [4,4] over axis 0, columns sum to 417, 439, 625, 650
// (LiteRT.js, seed 1 case 52 of the conformance suite): 104.25, 109.75,
// 156.25, 162.5 -> 104, 110, 156, 162 (zero point 161 plays no part: with
// it subtracted, 162.5 - 161 = 1.5 would round to 2 -> 163).
TEST(MeanOp, Uint8SameQuantizationRoundsTheRawMeanHalfToEven) {
  SingleOpModel m =
      MeanModel(Var("x", DataType::kUInt8, {4, 4}, {0.08f}, {161}), Axes({0}),
                Var("y", DataType::kUInt8, {4}, {0.08f}, {161}), false);
  const std::vector<uint8_t> x = {100, 100, 150, 160, 100, 110, 150, 160,
                                  100, 110, 150, 160, 117, 119, 175, 170};
  EXPECT_EQ(RunMean<uint8_t>(m, x, QuantArithmetic::kTflite),
            (std::vector<uint8_t>{104, 110, 156, 162}));
}

// int8 [1,1,4,1] = [-10, 0, 10, 20]; in 0.1 zp -10, out 0.05 zp 3; N = 4.
// XNNPACK (axis [2], global average pooling 1-D):
//   scale = f32(0.1) / (f32(0.05) * 4) = 0.5; acc = 20 - 4 * (-10) = 60;
//   60 * 0.5 = 30 -> 30 + 3 = 33.
// Reference: scale = 2, bias = 10 * 2 = 20; mean 5; 5 * 2 + 20 = 30 -> 33.
TEST(MeanOp, Int8SingleSpatialAxisWithZeroPoints) {
  SingleOpModel m = MeanModel(
      Var("x", DataType::kInt8, {1, 1, 4, 1}, {0.1f}, {-10}), Axes({2}),
      Var("y", DataType::kInt8, {1, 1, 1}, {0.05f}, {3}), false);
  EXPECT_EQ(RunMean<int8_t>(m, {-10, 0, 10, 20}, QuantArithmetic::kTflite),
            (std::vector<int8_t>{33}));
  EXPECT_EQ(RunMean<int8_t>(m, {-10, 0, 10, 20}, QuantArithmetic::kMicro),
            (std::vector<int8_t>{33}));
}

// uint8 [1,3,3,2], axes [2,1], keep_dims false -> [1,2]. in 0.02 zp 128,
// out 0.01 zp 100, N = 9.
// XNNPACK: scale = f32(0.02) / (f32(0.01) * 9) = 0.22222222.
//   channel 0 sums to 1575: acc = 1575 - 9*128 = 423; 423 * 0.2222 = 94.0
//     -> 94 + 100 = 194.
//   channel 1 sums to 1261: acc = 109; 109 * 0.2222 = 24.22 -> 24 + 100 = 124.
// Exact: (sum/9 - 128) * 2 + 100 = 194.0 and 124.22; the reference agrees.
TEST(MeanOp, Uint8SpatialDropDims) {
  SingleOpModel m = MeanModel(
      Var("x", DataType::kUInt8, {1, 3, 3, 2}, {0.02f}, {128}), Axes({2, 1}),
      Var("y", DataType::kUInt8, {1, 2}, {0.01f}, {100}), false);
  const std::vector<int> c0 = {130, 140, 150, 160, 170, 180, 190, 200, 255};
  const std::vector<int> c1 = {100, 110, 120, 130, 140, 150, 160, 170, 181};
  std::vector<uint8_t> x;
  for (int i = 0; i < 9; ++i) {
    x.push_back(static_cast<uint8_t>(c0[i]));
    x.push_back(static_cast<uint8_t>(c1[i]));
  }
  Shape shape;
  EXPECT_EQ(RunMean<uint8_t>(m, x, QuantArithmetic::kTflite, &shape),
            (std::vector<uint8_t>{194, 124}));
  EXPECT_EQ(shape, Shape({1, 2}));
  EXPECT_EQ(RunMean<uint8_t>(m, x, QuantArithmetic::kMicro),
            (std::vector<uint8_t>{194, 124}));
}

// A non-spatial axis is never delegated: reference arithmetic in both modes.
// int8 [2,2] = [[1, 2], [-3, -4]], axis 1, scale 1 zp 0 both sides:
// means 1.5 and -3.5 -> round half away -> 2 and -4.
TEST(MeanOp, Int8LastAxisReference) {
  SingleOpModel m =
      MeanModel(Var("x", DataType::kInt8, {2, 2}, {1.0f}, {0}), Axes({1}),
                Var("y", DataType::kInt8, {2}, {1.0f}, {0}), false);
  EXPECT_EQ(RunMean<int8_t>(m, {1, 2, -3, -4}, QuantArithmetic::kTflite),
            (std::vector<int8_t>{2, -4}));
  EXPECT_EQ(RunMean<int8_t>(m, {1, 2, -3, -4}, QuantArithmetic::kMicro),
            (std::vector<int8_t>{2, -4}));
}

TEST(MeanOp, Int8OutputClampsToTypeRange) {
  // in scale 1, out scale 0.5: mean 100 -> 200 -> clamp 127; -100 -> -128.
  SingleOpModel m = MeanModel(
      Var("x", DataType::kInt8, {1, 2, 1, 2}, {1.0f}, {0}), Axes({1, 2}),
      Var("y", DataType::kInt8, {1, 1, 1, 2}, {0.5f}, {0}), true);
  const std::vector<int8_t> x = {100, -100, 100, -100};
  EXPECT_EQ(RunMean<int8_t>(m, x, QuantArithmetic::kTflite),
            (std::vector<int8_t>{127, -128}));
  EXPECT_EQ(RunMean<int8_t>(m, x, QuantArithmetic::kMicro),
            (std::vector<int8_t>{127, -128}));
}

TEST(MeanOp, InvokeAllocatesNothing) {
  SingleOpModel m = MeanModel(
      Var("x", DataType::kUInt8, {1, 3, 3, 2}, {0.02f}, {128}), Axes({1, 2}),
      Var("y", DataType::kUInt8, {1, 2}, {0.01f}, {100}), false);
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(Make(m, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ---------------------------------------------------------------- errors

Status PrepareError(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return Make(m, &interp);
}

TEST(MeanOp, RejectsAxisOutOfRange) {
  Status s = PrepareError(
      MeanModel(Var("x", DataType::kFloat32, {1, 2, 2, 3}), Axes({4}),
                Var("y", DataType::kFloat32, {1, 2, 2, 3}), false));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("axis 4 is out of range for input shape "
                             "[1, 2, 2, 3]"),
            std::string::npos)
      << s.message();
}

TEST(MeanOp, RejectsRuntimeAxis) {
  Status s = PrepareError(MeanModel(Var("x", DataType::kFloat32, {2, 3}),
                                    Var("axes", DataType::kInt32, {1}),
                                    Var("y", DataType::kFloat32, {2}), false));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("axis computed at run time"), std::string::npos)
      << s.message();
}

TEST(MeanOp, RejectsMissingQuantization) {
  Status s =
      PrepareError(MeanModel(Var("x", DataType::kInt8, {2, 3}, {0.5f}, {0}),
                             Axes({1}), Var("y", DataType::kInt8, {2}), false));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("output 0 (tensor 2 'y'): int8 tensor must be "
                             "quantized"),
            std::string::npos)
      << s.message();
}

TEST(MeanOp, RejectsTypeMismatchAndInt16) {
  Status s = PrepareError(
      MeanModel(Var("x", DataType::kInt8, {2, 3}, {0.5f}, {0}), Axes({1}),
                Var("y", DataType::kFloat32, {2}), false));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("type float32 differs from input 0 type int8"),
            std::string::npos)
      << s.message();
  s = PrepareError(
      MeanModel(Var("x", DataType::kInt16, {2, 3}, {0.5f}, {0}), Axes({1}),
                Var("y", DataType::kInt16, {2}, {0.5f}, {0}), false));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("MEAN of int16 is not supported"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
