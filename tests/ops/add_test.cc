// ADD: float/int32 semantics, broadcasting, and the two quantized
// arithmetics (XNNPACK fixed point for kTflite, TFLite reference for kMicro
// and for scales XNNPACK refuses). Expected values are derived by hand in the
// comments.
#include <gtest/gtest.h>

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
namespace tfl = ::edgelite::tfl;

SingleOpModel AddModel(
    TensorSpec a, TensorSpec b, TensorSpec out,
    tfl::ActivationFunctionType act = tfl::ActivationFunctionType::NONE,
    int version = 1) {
  SingleOpModel m;
  m.inputs = {std::move(a), std::move(b)};
  m.outputs = {std::move(out)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::ADD);
  m.op.version = version;
  m.op.options_type = tfl::BuiltinOptions::AddOptions;
  m.op.options = [act](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateAddOptions(fbb, act).Union();
  };
  return m;
}

Status Make(const SingleOpModel& m, std::unique_ptr<Interpreter>* interp,
            QuantArithmetic arith = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = arith;
  return testing::MakeInterpreter(m.Build(), interp, options);
}

// Runs a two-input model and returns output 0.
template <typename T>
std::vector<T> Run2(const SingleOpModel& m, const std::vector<T>& a,
                    const std::vector<T>& b,
                    QuantArithmetic arith = QuantArithmetic::kTflite,
                    Shape* out_shape = nullptr) {
  std::unique_ptr<Interpreter> interp;
  Status s = Make(m, &interp, arith);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, a);
  testing::SetInput(interp.get(), 1, b);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  if (out_shape) *out_shape = interp->output(0)->shape;
  return testing::GetOutput<T>(*interp, 0);
}

Status PrepareError(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return Make(m, &interp);
}

// ---------------------------------------------------------------- float

TEST(AddOp, FloatSameShapeRelu6) {
  // [1, -2, 3.5, 7] + [0.5, 1, 3, 0] = [1.5, -1, 6.5, 7] -> relu6.
  SingleOpModel m = AddModel(Var("a", DataType::kFloat32, {2, 2}),
                             Var("b", DataType::kFloat32, {2, 2}),
                             Var("y", DataType::kFloat32, {2, 2}),
                             tfl::ActivationFunctionType::RELU6);
  EXPECT_EQ(Run2<float>(m, {1, -2, 3.5f, 7}, {0.5f, 1, 3, 0}),
            (std::vector<float>{1.5f, 0, 6, 6}));
}

TEST(AddOp, FloatRank4PlusRank1Broadcast) {
  // a = 0..11 in [1,2,2,3]; b = [10, 20, 30] adds along the last axis.
  SingleOpModel m = AddModel(Var("a", DataType::kFloat32, {1, 2, 2, 3}),
                             Var("b", DataType::kFloat32, {3}),
                             Var("y", DataType::kFloat32, {1, 2, 2, 3}));
  std::vector<float> a(12);
  std::vector<float> want(12);
  for (int i = 0; i < 12; ++i) {
    a[i] = static_cast<float>(i);
    want[i] = static_cast<float>(i + 10 * (i % 3 + 1));
  }
  Shape shape;
  EXPECT_EQ(Run2<float>(m, a, {10, 20, 30}, QuantArithmetic::kTflite, &shape),
            want);
  EXPECT_EQ(shape, Shape({1, 2, 2, 3}));
}

TEST(AddOp, FloatScalarBroadcastBothOrders) {
  // A rank-0 operand on either side adds to every element.
  SingleOpModel m1 = AddModel(Var("a", DataType::kFloat32, {2, 3}),
                              Var("b", DataType::kFloat32, {}),
                              Var("y", DataType::kFloat32, {2, 3}));
  EXPECT_EQ(Run2<float>(m1, {0, 1, 2, 3, 4, 5}, {0.5f}),
            (std::vector<float>{0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f}));
  SingleOpModel m2 = AddModel(Var("a", DataType::kFloat32, {1}),
                              Var("b", DataType::kFloat32, {3}),
                              Var("y", DataType::kFloat32, {3}));
  EXPECT_EQ(Run2<float>(m2, {-1}, {1, 2, 3}), (std::vector<float>{0, 1, 2}));
}

TEST(AddOp, FloatBroadcastsBothInputs) {
  // [2,1,3] + [4,1] -> [2,4,3]: y[i][j][k] = a[i][0][k] + b[j][0].
  SingleOpModel m = AddModel(Var("a", DataType::kFloat32, {2, 1, 3}),
                             Var("b", DataType::kFloat32, {4, 1}),
                             Var("y", DataType::kFloat32, {2, 4, 3}));
  const std::vector<float> a = {1, 2, 3, 4, 5, 6};
  const std::vector<float> b = {0, 10, 20, 30};
  std::vector<float> want;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 4; ++j)
      for (int k = 0; k < 3; ++k) want.push_back(a[i * 3 + k] + b[j]);
  Shape shape;
  EXPECT_EQ(Run2<float>(m, a, b, QuantArithmetic::kTflite, &shape), want);
  EXPECT_EQ(shape, Shape({2, 4, 3}));
}

TEST(AddOp, FloatRank6Broadcast) {
  // [2,1,1,1,1,2] + [1,1,1,1,2,1] -> [2,1,1,1,2,2].
  SingleOpModel m = AddModel(Var("a", DataType::kFloat32, {2, 1, 1, 1, 1, 2}),
                             Var("b", DataType::kFloat32, {1, 1, 1, 1, 2, 1}),
                             Var("y", DataType::kFloat32, {2, 1, 1, 1, 2, 2}));
  EXPECT_EQ(Run2<float>(m, {1, 2, 3, 4}, {10, 20}),
            (std::vector<float>{11, 12, 21, 22, 13, 14, 23, 24}));
}

// ---------------------------------------------------------------- int32

TEST(AddOp, Int32WithRelu) {
  // [5, -7, 100] + [1, 2, -200] = [6, -5, -100] -> relu [6, 0, 0].
  SingleOpModel m = AddModel(
      Var("a", DataType::kInt32, {3}), Var("b", DataType::kInt32, {3}),
      Var("y", DataType::kInt32, {3}), tfl::ActivationFunctionType::RELU);
  EXPECT_EQ(Run2<int32_t>(m, {5, -7, 100}, {1, 2, -200}),
            (std::vector<int32_t>{6, 0, 0}));
}

TEST(AddOp, Int32ReluN1To1AndBroadcast) {
  SingleOpModel m = AddModel(Var("a", DataType::kInt32, {2, 2}),
                             Var("b", DataType::kInt32, {2}),
                             Var("y", DataType::kInt32, {2, 2}),
                             tfl::ActivationFunctionType::RELU_N1_TO_1);
  // [[3, -3], [0, 1]] + [-2, 1] = [[1, -2], [-2, 2]] -> clamp [-1, 1].
  EXPECT_EQ(Run2<int32_t>(m, {3, -3, 0, 1}, {-2, 1}),
            (std::vector<int32_t>{1, -1, -1, 1}));
}

// ------------------------------------------------------------ int8/uint8

// int8, a: scale 0.5 zp 0; b: scale 0.25 zp 10; out: scale 1 zp -5.
// XNNPACK (kTflite): a_mul = 0.5, b_mul = 0.25; max 0.5 = 2^-1 so
//   shift = 20 - (-1) = 21; a_m = 0.5 * 2^21 = 1048576, b_m = 524288;
//   bias = 2^20 - 524288 * 10 = -4194304.
//   y = floor((bias + a*a_m + b*b_m) / 2^21) - 5 = floor(v + 0.5) - 5 with
//   v = a/2 + (b-10)/4 (ties go up).
// TFLite reference (kMicro): twice_max = 1; a: 0.5 -> (2^30, 0);
//   b: 0.25 -> (2^30, -1); out: 1 / 2^20 -> (2^30, -19); each step rounds
//   half away from zero, so v = -0.5 ends at -1 instead of 0.
//   (a, b)       v       kTflite  kMicro
//   (3, 12)      2.0     -3       -3
//   (1, 10)      0.5     -4       -4      tie, positive: both round up
//   (-1, 10)    -0.5     -5       -6      tie, negative: up vs away
//   (127, 127)  92.75    88       88
//   (-128,-128) -98.5   -103     -104     tie, negative
//   (0, -7)     -4.25    -9       -9
TEST(AddOp, Int8XnnpackVersusMicroTies) {
  SingleOpModel m = AddModel(Var("a", DataType::kInt8, {6}, {0.5f}, {0}),
                             Var("b", DataType::kInt8, {6}, {0.25f}, {10}),
                             Var("y", DataType::kInt8, {6}, {1.0f}, {-5}),
                             tfl::ActivationFunctionType::NONE, 2);
  const std::vector<int8_t> a = {3, 1, -1, 127, -128, 0};
  const std::vector<int8_t> b = {12, 10, 10, 127, -128, -7};
  EXPECT_EQ(Run2<int8_t>(m, a, b, QuantArithmetic::kTflite),
            (std::vector<int8_t>{-3, -4, -5, 88, -103, -9}));
  EXPECT_EQ(Run2<int8_t>(m, a, b, QuantArithmetic::kMicro),
            (std::vector<int8_t>{-3, -4, -6, 88, -104, -9}));
}

// The activation range is quantized differently: XNNPACK lrintf(6 / 12 + 0)
// = lrintf(0.5) = 0 (half to even), TFLite round_half_away(0.5) = 1. With
// all scales 12 and zero points 0 both arithmetics compute a + b exactly, so
// 1 + 0 = 1 is clamped to [0, 0] by kTflite and to [0, 1] by kMicro.
TEST(AddOp, Int8Relu6RangeRounding) {
  SingleOpModel m = AddModel(Var("a", DataType::kInt8, {3}, {12.0f}, {0}),
                             Var("b", DataType::kInt8, {3}, {12.0f}, {0}),
                             Var("y", DataType::kInt8, {3}, {12.0f}, {0}),
                             tfl::ActivationFunctionType::RELU6, 2);
  EXPECT_EQ(Run2<int8_t>(m, {1, -3, 5}, {0, 1, 0}, QuantArithmetic::kTflite),
            (std::vector<int8_t>{0, 0, 0}));
  EXPECT_EQ(Run2<int8_t>(m, {1, -3, 5}, {0, 1, 0}, QuantArithmetic::kMicro),
            (std::vector<int8_t>{1, 0, 1}));
}

// uint8 with scales that are not powers of two, broadcast [2,3] + [3].
// a: 0.1 zp 128, b: 0.2 zp 100, out: 0.3 zp 120.
// XNNPACK: a_mul = f32(0.1)/f32(0.3) = 0.33333331, b_mul = 0.66666663;
//   max in [0.5, 1): exponent -1, shift 21;
//   a_m = lrint(699050.625) = 699051, b_m = lrint(1398101.25) = 1398101.
// y = (0.1 (a-128) + 0.2 (b-100)) / 0.3 + 120 rounded, pairs (a, b):
//   (0,100)    77.33 -> 77      (128,100) 120     (200,0)   77.33 -> 77
//   (255,100) 162.33 -> 162     (17,100)  83      (90,0)    40.67 -> 41
// No ties, so the TFLite reference gives the same bytes.
TEST(AddOp, Uint8BroadcastXnnpack) {
  SingleOpModel m = AddModel(Var("a", DataType::kUInt8, {2, 3}, {0.1f}, {128}),
                             Var("b", DataType::kUInt8, {3}, {0.2f}, {100}),
                             Var("y", DataType::kUInt8, {2, 3}, {0.3f}, {120}),
                             tfl::ActivationFunctionType::NONE, 2);
  const std::vector<uint8_t> a = {0, 128, 200, 255, 17, 90};
  const std::vector<uint8_t> b = {100, 100, 0};
  const std::vector<uint8_t> want = {77, 120, 77, 162, 83, 41};
  EXPECT_EQ(Run2<uint8_t>(m, a, b, QuantArithmetic::kTflite), want);
  EXPECT_EQ(Run2<uint8_t>(m, a, b, QuantArithmetic::kMicro), want);
}

TEST(AddOp, Uint8ClampsToTypeRange) {
  // (255-128)*0.1 + (255-100)*0.2 = 43.7 -> /0.3 = 145.67 + 120 -> 255;
  // (0-128)*0.1 + (0-100)*0.2 = -32.8 -> /0.3 = -109.33 + 120 = 10.67 -> 11.
  SingleOpModel m = AddModel(Var("a", DataType::kUInt8, {1}, {0.1f}, {128}),
                             Var("b", DataType::kUInt8, {1}, {0.2f}, {100}),
                             Var("y", DataType::kUInt8, {1}, {0.3f}, {120}),
                             tfl::ActivationFunctionType::NONE, 2);
  EXPECT_EQ(Run2<uint8_t>(m, {255}, {255}), (std::vector<uint8_t>{255}));
  EXPECT_EQ(Run2<uint8_t>(m, {0}, {0}), (std::vector<uint8_t>{11}));
}

// a_scale / out_scale = 0.001 / 2 = 0.0005 < 2^-10: TFLite's XNNPACK
// delegate refuses the node and TFLite's built-in kernel runs it, so kTflite
// computes the reference arithmetic too. For b = -1, a = 0 the exact value is
// -0.5: the built-in kernel gives -1 (XNNPACK would give 0).
//   reference: twice_max = 2; b: 1/2 -> (2^30, 0); out: 2^-20 -> (2^30, -19)
//   (-1 << 20) * 0.5 = -2^19; * 2^-20 = -0.5 -> round away -> -1.
TEST(AddOp, Int8ScaleRatioOutsideXnnpackRangeUsesBuiltin) {
  SingleOpModel m = AddModel(Var("a", DataType::kInt8, {5}, {0.001f}, {0}),
                             Var("b", DataType::kInt8, {5}, {1.0f}, {0}),
                             Var("y", DataType::kInt8, {5}, {2.0f}, {0}),
                             tfl::ActivationFunctionType::NONE, 2);
  // Exact values: 0.5, -0.5, 1.55, -1.55, 0.025.
  const std::vector<int8_t> a = {0, 0, 100, -100, 50};
  const std::vector<int8_t> b = {1, -1, 3, -3, 0};
  const std::vector<int8_t> want = {1, -1, 2, -2, 0};
  EXPECT_EQ(Run2<int8_t>(m, a, b, QuantArithmetic::kTflite), want);
  EXPECT_EQ(Run2<int8_t>(m, a, b, QuantArithmetic::kMicro), want);
}

TEST(AddOp, QuantizedInvokeAllocatesNothing) {
  SingleOpModel m = AddModel(Var("a", DataType::kInt8, {2, 3}, {0.5f}, {0}),
                             Var("b", DataType::kInt8, {3}, {0.25f}, {10}),
                             Var("y", DataType::kInt8, {2, 3}, {1.0f}, {-5}),
                             tfl::ActivationFunctionType::NONE, 2);
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(Make(m, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ---------------------------------------------------------------- errors

TEST(AddOp, RejectsMismatchedInputTypes) {
  Status s = PrepareError(AddModel(Var("a", DataType::kFloat32, {2}),
                                   Var("b", DataType::kInt32, {2}),
                                   Var("y", DataType::kFloat32, {2})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("input 1 (tensor 1 'b'): type int32 differs "
                             "from input 0 type float32"),
            std::string::npos)
      << s.message();
}

TEST(AddOp, RejectsOutputTypeMismatch) {
  Status s = PrepareError(AddModel(Var("a", DataType::kInt8, {2}, {0.5f}, {0}),
                                   Var("b", DataType::kInt8, {2}, {0.5f}, {0}),
                                   Var("y", DataType::kUInt8, {2}, {0.5f}, {0}),
                                   tfl::ActivationFunctionType::NONE, 2));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("type uint8 differs from input 0 type int8"),
            std::string::npos)
      << s.message();
}

TEST(AddOp, RejectsMissingQuantization) {
  Status s = PrepareError(AddModel(Var("a", DataType::kInt8, {2}, {0.5f}, {0}),
                                   Var("b", DataType::kInt8, {2}),
                                   Var("y", DataType::kInt8, {2}, {0.5f}, {0}),
                                   tfl::ActivationFunctionType::NONE, 2));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("input 1 (tensor 1 'b'): int8 tensor must be "
                             "quantized"),
            std::string::npos)
      << s.message();
}

// int16, power-of-two path (pot_scale_int16 default true, zero points 0):
// a and out at 2^-10, b at 2^-12: y = sat16(a + RoundingDivideByPOT(b, 2)),
// halves away from zero: 6 -> 2, -6 -> -2.
TEST(AddOp, Int16PowerOfTwoPath) {
  SingleOpModel m =
      AddModel(Var("a", DataType::kInt16, {4}, {1.0f / 1024}, {0}),
               Var("b", DataType::kInt16, {4}, {1.0f / 4096}, {0}),
               Var("y", DataType::kInt16, {4}, {1.0f / 1024}, {0}),
               tfl::ActivationFunctionType::NONE, 3);
  EXPECT_EQ(Run2<int16_t>(m, {100, 100, 32767, -32768}, {6, -6, 32767, -32768}),
            (std::vector<int16_t>{102, 98, 32767, -32768}));
}

TEST(AddOp, Int16PowerOfTwoDoesNotBroadcast) {
  Status s = PrepareError(
      AddModel(Var("a", DataType::kInt16, {2, 3}, {1.0f / 1024}, {0}),
               Var("b", DataType::kInt16, {3}, {1.0f / 4096}, {0}),
               Var("y", DataType::kInt16, {2, 3}, {1.0f / 1024}, {0}),
               tfl::ActivationFunctionType::NONE, 3));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("int16 ADD with power-of-two scales "
                             "(pot_scale_int16) of shapes [2, 3] and [3]"),
            std::string::npos)
      << s.message();
}

// int16 with scales that are not powers of two: TFLite's general path,
// left_shift 15. a, b at 0.75·2^-10 (twice_max = 1.5·2^-10, multipliers
// 0.5 -> (2^30, 0)), out at 1.5·2^-10: real_out = 2^-15 -> (2^30, -14):
// sa = a·2^14, y = RDBPOT(2^13 (a + b), 14) = (a + b) / 2, halves away.
TEST(AddOp, Int16GeneralPath) {
  const float s = 0.75f / 1024, o = 1.5f / 1024;
  SingleOpModel m = AddModel(Var("a", DataType::kInt16, {3}, {s}, {0}),
                             Var("b", DataType::kInt16, {3}, {s}, {0}),
                             Var("y", DataType::kInt16, {3}, {o}, {0}),
                             tfl::ActivationFunctionType::NONE, 3);
  EXPECT_EQ(Run2<int16_t>(m, {1, -1, 1000}, {0, 0, 2001}),
            (std::vector<int16_t>{1, -1, 1501}));
}

TEST(AddOp, Int64AndPlainInt16Wrap) {
  SingleOpModel m64 = AddModel(
      Var("a", DataType::kInt64, {2}), Var("b", DataType::kInt64, {1}),
      Var("y", DataType::kInt64, {2}), tfl::ActivationFunctionType::NONE, 4);
  EXPECT_EQ(Run2<int64_t>(m64, {INT64_MAX, -5}, {1}),
            (std::vector<int64_t>{INT64_MIN, -4}));
  SingleOpModel m16 = AddModel(
      Var("a", DataType::kInt16, {2}), Var("b", DataType::kInt16, {2}),
      Var("y", DataType::kInt16, {2}), tfl::ActivationFunctionType::RELU, 5);
  EXPECT_EQ(Run2<int16_t>(m16, {32767, -3}, {1, 1}),
            (std::vector<int16_t>{0, 0}));
}

TEST(AddOp, RejectsIncompatibleShapes) {
  Status s = PrepareError(AddModel(Var("a", DataType::kFloat32, {2, 3}),
                                   Var("b", DataType::kFloat32, {4}),
                                   Var("y", DataType::kFloat32, {2, 3})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("cannot broadcast shapes [2, 3] and [4]"),
            std::string::npos)
      << s.message();
}

TEST(AddOp, RejectsBroadcastAboveRank6) {
  Status s = PrepareError(
      AddModel(Var("a", DataType::kFloat32, {2, 1, 1, 1, 1, 1, 3}),
               Var("b", DataType::kFloat32, {3}),
               Var("y", DataType::kFloat32, {2, 1, 1, 1, 1, 1, 3})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("needs rank 7; at most 6"), std::string::npos)
      << s.message();
}

TEST(AddOp, RejectsTanhActivation) {
  Status s = PrepareError(AddModel(
      Var("a", DataType::kFloat32, {2}), Var("b", DataType::kFloat32, {2}),
      Var("y", DataType::kFloat32, {2}), tfl::ActivationFunctionType::TANH));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("ADD v1): fused activation TANH"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
