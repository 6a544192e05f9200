// FULLY_CONNECTED golden cases, each derived by hand in its comment from
// TFLite's definition (kernels/fully_connected.cc, reference/fully_connected.h,
// reference/integer_ops/fully_connected.h): the input is read as rows of IC
// values, out[n, oc] = act(bias[oc] + Σ_k x[n,k]·w[oc,k]). Quantized: acc =
// bias + Σ (x − x_zp)(w − w_zp); kTflite: y = lrint(f32(acc)·f32(in_s·w_s/
// out_s)) + out_zp clamped to the XNNPACK activation range (lrintf(f/s + zp));
// kMicro: MultiplyByQuantizedMultiplier and TFLite's range (zp + round(f/s),
// ties away from zero).
#include <gtest/gtest.h>

#include <climits>
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

struct FcOpts {
  Act act = Act::NONE;
  bool keep_num_dims = false;
  tfl::FullyConnectedOptionsWeightsFormat format =
      tfl::FullyConnectedOptionsWeightsFormat::DEFAULT;
};

std::vector<uint8_t> FcModel(std::vector<TensorSpec> inputs,
                             const TensorSpec& out, const FcOpts& o = {}) {
  testing::SingleOpModel m;
  m.inputs = std::move(inputs);
  m.outputs = {out};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::FULLY_CONNECTED);
  m.op.version = 5;
  m.op.options_type = tfl::BuiltinOptions::FullyConnectedOptions;
  m.op.options = [o](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateFullyConnectedOptions(fbb, o.act, o.format,
                                            o.keep_num_dims)
        .Union();
  };
  return m.Build();
}

constexpr DataType kF32 = DataType::kFloat32;
constexpr DataType kI8 = DataType::kInt8;
constexpr DataType kU8 = DataType::kUInt8;
constexpr DataType kI32 = DataType::kInt32;

// ---------------------------------------------------------------- float32

TEST(FullyConnected, FloatWithBias) {
  // x (1,2,3); w rows (1,0,−1), (2,1,0); bias (0.5, −5):
  // 1 − 3 + 0.5 = −1.5; 2 + 2 − 5 = −1.
  auto model = FcModel({Var("x", kF32, {1, 3}),
                        Const<float>("w", kF32, {2, 3}, {1, 0, -1, 2, 1, 0}),
                        Const<float>("b", kF32, {2}, {0.5f, -5})},
                       Var("y", kF32, {1, 2}));
  EXPECT_EQ(RunOp<float>(model, {1, 2, 3}), (std::vector<float>{-1.5f, -1}));
}

TEST(FullyConnected, FloatFlattensInputToRows) {
  // Input [2,1,4] with IC 2 → 4 rows (1,2) (3,4) (5,6) (7,8); w (1,10), no
  // bias: 21, 43, 65, 87; output [4, 1].
  auto model = FcModel({Var("x", kF32, {2, 1, 4}),
                        Const<float>("w", kF32, {1, 2}, {1, 10}), Absent()},
                       Var("y", kF32, {4, 1}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(model, {1, 2, 3, 4, 5, 6, 7, 8},
                         QuantArithmetic::kTflite, &shape),
            (std::vector<float>{21, 43, 65, 87}));
  EXPECT_EQ(shape, Shape({4, 1}));
}

TEST(FullyConnected, FloatKeepNumDims) {
  // Input [2,1,3] rows (1,2,3), (4,5,6); w (1,1,1), (1,0,−1); no bias input
  // at all: (6, −2), (15, −2); output keeps [2,1,·] → [2,1,2].
  FcOpts o;
  o.keep_num_dims = true;
  auto model = FcModel({Var("x", kF32, {2, 1, 3}),
                        Const<float>("w", kF32, {2, 3}, {1, 1, 1, 1, 0, -1})},
                       Var("y", kF32, {2, 1, 2}), o);
  Shape shape;
  EXPECT_EQ(
      RunOp<float>(model, {1, 2, 3, 4, 5, 6}, QuantArithmetic::kTflite, &shape),
      (std::vector<float>{6, -2, 15, -2}));
  EXPECT_EQ(shape, Shape({2, 1, 2}));
}

TEST(FullyConnected, FloatEachActivation) {
  // Five rows of one value through w = 1.
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
    FcOpts o;
    o.act = c.act;
    auto model =
        FcModel({Var("x", kF32, {5, 1}), Const<float>("w", kF32, {1, 1}, {1})},
                Var("y", kF32, {5, 1}), o);
    EXPECT_EQ(RunOp<float>(model, x), c.want) << static_cast<int>(c.act);
  }
}

TEST(FullyConnected, FloatManyOutputsUseTheBlockedPath) {
  // 6 outputs (a block of 4 plus 2 singles), w[oc] = (oc, 1), x = (2, 3):
  // 2·oc + 3 + bias oc·0.5.
  std::vector<float> w, b, want;
  for (int oc = 0; oc < 6; ++oc) {
    w.push_back(static_cast<float>(oc));
    w.push_back(1);
    b.push_back(0.5f * oc);
    want.push_back(2.0f * oc + 3 + 0.5f * oc);
  }
  auto model =
      FcModel({Var("x", kF32, {1, 2}), Const<float>("w", kF32, {6, 2}, w),
               Const<float>("b", kF32, {6}, b)},
              Var("y", kF32, {1, 6}));
  EXPECT_EQ(RunOp<float>(model, {2, 3}), want);
}

// ------------------------------------------------------------------- int8

// x: scale 0.5, zp 2, rows (4,0,2), (2,5,−3) → x − zp: (2,−2,0), (0,3,−5).
// w per-channel (dim 0) scales (0.5, 0.25): (1,2,3), (−2,1,4); bias (3, −6).
// out: scale 0.3, zp −1.
// acc: r0 (3 + 2 − 4 + 0 = 1, −6 − 4 − 2 + 0 = −12),
//      r1 (3 + 0 + 6 − 15 = −6, −6 + 0 + 3 − 20 = −23).
// scale c0 = f32(0.25/0.3) ≈ 0.833333, c1 = f32(0.125/0.3) ≈ 0.416667:
// 0.83 → 1, −5.0 → −5, −5.0 → −5, −9.58 → −10 (no value near a tie, so
// both modes agree); + zp: 0, −6, −6, −11.
const std::vector<int8_t> kPcX = {4, 0, 2, 2, 5, -3};
const std::vector<int8_t> kPcW = {1, 2, 3, -2, 1, 4};
const std::vector<int> kPcWant = {0, -6, -6, -11};

TEST(FullyConnected, Int8PerChannelBatch2OddDepth) {
  auto model =
      FcModel({Var("x", kI8, {2, 3}, {0.5f}, {2}),
               Const<int8_t>("w", kI8, {2, 3}, kPcW, {0.5f, 0.25f}, {0, 0}, 0),
               Const<int32_t>("b", kI32, {2}, {3, -6})},
              Var("y", kI8, {2, 2}, {0.3f}, {-1}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, kPcX)), kPcWant);
  EXPECT_EQ(Ints(RunOp<int8_t>(model, kPcX, QuantArithmetic::kMicro)), kPcWant);
}

TEST(FullyConnected, Int8NonConstantWeights) {
  // The same case with the weights fed as a model input: TFLite allows it,
  // and the input-zero-point folding then runs during Invoke.
  auto model =
      FcModel({Var("x", kI8, {2, 3}, {0.5f}, {2}),
               [] {
                 TensorSpec w = Var("w", kI8, {2, 3}, {0.5f, 0.25f}, {0, 0});
                 w.quantized_dimension = 0;
                 return w;
               }(),
               Const<int32_t>("b", kI32, {2}, {3, -6})},
              Var("y", kI8, {2, 2}, {0.3f}, {-1}));
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  testing::SetInput(interp.get(), 0, kPcX);
  testing::SetInput(interp.get(), 1, kPcW);
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(Ints(testing::GetOutput<int8_t>(*interp, 0)), kPcWant);
  const int64_t before = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(FullyConnected, Int8FusedActivations) {
  // x scale 1 zp 0, six rows of one value, w = 1 (scale 1), out scale 0.5:
  // y = 2·x. Ranges: RELU [0,127], RELU6 [0,12], RELU_N1_TO_1 [−2,2].
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
    FcOpts o;
    o.act = c.act;
    auto model = FcModel({Var("x", kI8, {6, 1}, {1.0f}, {0}),
                          Const<int8_t>("w", kI8, {1, 1}, {1}, {1.0f}, {0})},
                         Var("y", kI8, {6, 1}, {0.5f}, {0}), o);
    for (QuantArithmetic mode :
         {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
      EXPECT_EQ(Ints(RunOp<int8_t>(model, x, mode)), c.want)
          << static_cast<int>(c.act);
    }
  }
}

TEST(FullyConnected, Int8TieDiffersBetweenTfliteAndMicro) {
  // x scale 1, w per-tensor scale 0.5, out scale 1: y = acc/2. Rows x = 1 and
  // x = 3, w = (5, −5, 1): acc (5, −5, 1), (15, −15, 3), all ties.
  // kTflite (half to even): 2, −2, 0, 8, −8, 2.
  // kMicro ((acc·2^30 + nudge)/2^31 truncated; ties up for acc ≥ 0, toward
  // zero below): 3, −2, 1, 8, −7, 2.
  auto model =
      FcModel({Var("x", kI8, {2, 1}, {1.0f}, {0}),
               Const<int8_t>("w", kI8, {3, 1}, {5, -5, 1}, {0.5f}, {0})},
              Var("y", kI8, {2, 3}, {1.0f}, {0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {1, 3})),
            (std::vector<int>{2, -2, 0, 8, -8, 2}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {1, 3}, QuantArithmetic::kMicro)),
            (std::vector<int>{3, -2, 1, 8, -7, 2}));
}

TEST(FullyConnected, Int8Relu6RangeTieDiffersBetweenTfliteAndMicro) {
  // out scale 12, zp 0, RELU6: the top of the range is 6/12 = 0.5 exactly.
  // XNNPACK: lrintf(0.5) = 0; TFLite: 0 + round(0.5) = 1. acc = 100 ·1·1
  // (y ≈ 8.3) clamps to it.
  FcOpts o;
  o.act = Act::RELU6;
  auto model = FcModel({Var("x", kI8, {1, 1}, {1.0f}, {0}),
                        Const<int8_t>("w", kI8, {1, 1}, {100}, {1.0f}, {0})},
                       Var("y", kI8, {1, 1}, {12.0f}, {0}), o);
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {1})), (std::vector<int>{0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {1}, QuantArithmetic::kMicro)),
            (std::vector<int>{1}));
}

// ------------------------------------------------------------------ uint8

TEST(FullyConnected, UInt8FilterZeroPointEachActivation) {
  // x: scale 0.5 zp 128, (130,120,128,140) → (2,−8,0,12).
  // w: scale 0.25 zp 120, rows (121,119,200,122) → (1,−1,80,2),
  //    (110,130,120,118) → (−10,10,0,−2); bias (11, −10). out: scale 1 zp 100.
  // acc0 = 2 + 8 + 0 + 24 + 11 = 45; acc1 = −20 − 80 + 0 − 24 − 10 = −134.
  // scale 0.125: 5.625 → 6, −16.75 → −17; + 100 → 106, 83.
  // Ranges (zp 100, scale 1): RELU [100,255], RELU6 [100,106],
  // RELU_N1_TO_1 [99,101].
  struct Case {
    Act act;
    std::vector<int> want;
  };
  const Case cases[] = {
      {Act::NONE, {106, 83}},
      {Act::RELU, {106, 100}},
      {Act::RELU6, {106, 100}},
      {Act::RELU_N1_TO_1, {101, 99}},
  };
  const std::vector<uint8_t> x = {130, 120, 128, 140};
  for (const Case& c : cases) {
    FcOpts o;
    o.act = c.act;
    auto model =
        FcModel({Var("x", kU8, {1, 4}, {0.5f}, {128}),
                 Const<uint8_t>("w", kU8, {2, 4},
                                {121, 119, 200, 122, 110, 130, 120, 118},
                                {0.25f}, {120}),
                 Const<int32_t>("b", kI32, {2}, {11, -10})},
                Var("y", kU8, {1, 2}, {1.0f}, {100}), o);
    for (QuantArithmetic mode :
         {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
      EXPECT_EQ(Ints(RunOp<uint8_t>(model, x, mode)), c.want)
          << static_cast<int>(c.act);
    }
  }
}

// ------------------------------------------------------------ allocations

TEST(FullyConnected, InvokeAllocatesNothing) {
  auto model =
      FcModel({Var("x", kU8, {3, 7}, {0.5f}, {128}),
               Const<uint8_t>("w", kU8, {5, 7}, std::vector<uint8_t>(35, 140),
                              {0.25f}, {120}),
               Const<int32_t>("b", kI32, {5}, {1, 2, 3, 4, 5})},
              Var("y", kU8, {3, 5}, {0.7f}, {1}));
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(FullyConnected, AccumulatorWrapsInsteadOfOverflowing) {
  // A hostile bias of INT32_MAX plus one product of 1: TFLite's int32
  // accumulator would overflow (undefined behaviour in C++); we wrap modulo
  // 2^32 like XNNPACK's SIMD code, giving INT32_MIN, which requantizes to the
  // bottom of the range. Under UBSan this proves no signed overflow occurs.
  auto model = FcModel({Var("x", kI8, {1, 1}, {1.0f}, {0}),
                        Const<int8_t>("w", kI8, {1, 1}, {1}, {1.0f}, {0}),
                        Const<int32_t>("b", kI32, {1}, {INT32_MAX})},
                       Var("y", kI8, {1, 1}, {1.0f}, {0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {1})), (std::vector<int>{-128}));
  // kMicro's fixed-point multiply of INT32_MIN is equally meaningless; it
  // only has to run.
  EXPECT_EQ(RunOp<int8_t>(model, {1}, QuantArithmetic::kMicro).size(), 1u);
}

// ----------------------------------------------------------------- errors

TEST(FullyConnected, RejectsPerChannelCountMismatch) {
  // 3 scales along the input dimension of [2, 3] weights.
  auto model = FcModel({Var("x", kI8, {1, 3}, {1.0f}, {0}),
                        Const<int8_t>("w", kI8, {2, 3}, {1, 2, 3, 4, 5, 6},
                                      {0.1f, 0.2f, 0.3f}, {0, 0, 0}, 1)},
                       Var("y", kI8, {1, 2}, {1.0f}, {0}));
  ExpectError(model, StatusCode::kInvalidModel,
              "input 1 (tensor 1 'w'): per-channel scale count 3 != output "
              "channels 2");
}

TEST(FullyConnected, RejectsMissingQuantization) {
  auto model = FcModel({Var("x", kI8, {1, 1}),
                        Const<int8_t>("w", kI8, {1, 1}, {1}, {1.0f}, {0})},
                       Var("y", kI8, {1, 1}, {1.0f}, {0}));
  ExpectError(model, StatusCode::kInvalidModel,
              "int8 tensor must be quantized (no scale given)");
}

TEST(FullyConnected, RejectsInt8FilterZeroPoint) {
  auto model = FcModel({Var("x", kI8, {1, 1}, {1.0f}, {0}),
                        Const<int8_t>("w", kI8, {1, 1}, {1}, {1.0f}, {7})},
                       Var("y", kI8, {1, 1}, {1.0f}, {0}));
  ExpectError(model, StatusCode::kInvalidModel,
              "int8 weights need zero point 0, got 7");
}

TEST(FullyConnected, RejectsUint8HybridAndShuffledWeights) {
  // Hybrid int8 weights run (tests/ops/hybrid_test.cc); uint8 ones do not.
  auto hybrid = FcModel({Var("x", kF32, {1, 2}),
                         Const<uint8_t>("w", kU8, {1, 2}, {1, 2}, {1.0f}, {0})},
                        Var("y", kF32, {1, 1}));
  ExpectError(hybrid, StatusCode::kUnsupported,
              "input 1 (tensor 1 'w'): hybrid float32 input with uint8 "
              "weights is not supported (int8 weights are)");
  FcOpts o;
  o.format = tfl::FullyConnectedOptionsWeightsFormat::SHUFFLED4x16INT8;
  auto shuffled =
      FcModel({Var("x", kU8, {1, 2}, {1.0f}, {0}),
               Const<uint8_t>("w", kU8, {1, 2}, {1, 2}, {1.0f}, {0})},
              Var("y", kU8, {1, 1}, {1.0f}, {0}), o);
  ExpectError(shuffled, StatusCode::kUnsupported,
              "weights_format 1 (SHUFFLED4x16INT8) is not supported");
  auto int16_out =
      FcModel({Var("x", kU8, {1, 2}, {1.0f}, {0}),
               Const<uint8_t>("w", kU8, {1, 2}, {1, 2}, {1.0f}, {0})},
              Var("y", DataType::kInt16, {1, 1}, {1.0f}, {0}));
  ExpectError(int16_out, StatusCode::kUnsupported,
              "uint8 input with int16 output is not supported");
}

TEST(FullyConnected, RejectsRequantizationScaleOutOfRange) {
  // 1e30 · 1e30 / 1e-30 overflows float32 (kTflite) and is far beyond a
  // Q31 multiplier with shift <= 31 (kMicro).
  auto model = FcModel({Var("x", kI8, {1, 1}, {1e30f}, {0}),
                        Const<int8_t>("w", kI8, {1, 1}, {1}, {1e30f}, {0})},
                       Var("y", kI8, {1, 1}, {1e-30f}, {0}));
  ExpectError(model, StatusCode::kUnsupported, "is not finite in float32");
  InterpreterOptions micro;
  micro.arithmetic = QuantArithmetic::kMicro;
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp, micro);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported) << s.message();
  EXPECT_NE(s.message().find("too large for a fixed-point multiplier"),
            std::string::npos)
      << s.message();
}

TEST(FullyConnected, RejectsInconsistentShapes) {
  auto rows =
      FcModel({Var("x", kF32, {1, 5}), Const<float>("w", kF32, {1, 2}, {1, 2})},
              Var("y", kF32, {2, 1}));
  ExpectError(rows, StatusCode::kInvalidModel,
              "shape [1, 5] (5 values) is not a whole number of rows of 2");
  FcOpts o;
  o.keep_num_dims = true;
  auto keep = FcModel(
      {Var("x", kF32, {2, 2}), Const<float>("w", kF32, {1, 4}, {1, 2, 3, 4})},
      Var("y", kF32, {2, 1}), o);
  ExpectError(keep, StatusCode::kInvalidModel,
              "with keep_num_dims the last dimension of [2, 2] must equal the "
              "weights' input size 4");
  auto bias_len =
      FcModel({Var("x", kF32, {1, 2}), Const<float>("w", kF32, {1, 2}, {1, 2}),
               Const<float>("b", kF32, {2}, {1, 2})},
              Var("y", kF32, {1, 1}));
  ExpectError(bias_len, StatusCode::kInvalidModel,
              "bias shape [2] has 2 values != output channels 1");
  auto rank = FcModel(
      {Var("x", kF32, {1, 2}), Const<float>("w", kF32, {1, 1, 2}, {1, 2})},
      Var("y", kF32, {1, 1}));
  ExpectError(rank, StatusCode::kInvalidModel, "expected rank 2");
}

}  // namespace
}  // namespace edgelite
