// BATCH_MATMUL golden cases, each derived by hand in its comment from
// TFLite's definition (kernels/batch_matmul.cc, reference/batch_matmul.h):
// out[..., m, n] = Σ_k x[..., m, k]·y[..., k, n] with broadcast batch
// dimensions; adj_x / adj_y read x / y transposed. int8: acc = Σ (x − x_zp)·
// (y − y_zp); kTflite requantizes like XNNPACK (f32 scale, ties to even) when
// y's zero point is 0 and like TFLite's built-in kernel (double-rounding
// fixed point) otherwise; kMicro always the latter. int16: 64-bit
// accumulator and multiplier. Hybrid: XNNPACK's per-row qd8 quantization.
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

constexpr DataType kF32 = DataType::kFloat32;
constexpr DataType kI8 = DataType::kInt8;
constexpr DataType kI16 = DataType::kInt16;
constexpr DataType kI32 = DataType::kInt32;

std::vector<uint8_t> BmmModel(const TensorSpec& x, const TensorSpec& y,
                              const TensorSpec& out, bool adj_x = false,
                              bool adj_y = false, bool asym = false) {
  testing::SingleOpModel m;
  m.inputs = {x, y};
  m.outputs = {out};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::BATCH_MATMUL);
  m.op.version = 1;
  m.op.options_type = tfl::BuiltinOptions::BatchMatMulOptions;
  m.op.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateBatchMatMulOptions(fbb, adj_x, adj_y, asym).Union();
  };
  return m.Build();
}

// Runs with the given graph inputs (raw bytes) and returns output 0.
template <typename T>
std::vector<T> RunOp(const std::vector<uint8_t>& model,
                     const std::vector<std::vector<uint8_t>>& inputs,
                     QuantArithmetic mode = QuantArithmetic::kTflite,
                     Shape* shape = nullptr) {
  InterpreterOptions options;
  options.arithmetic = mode;
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp, options);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  for (size_t i = 0; i < inputs.size(); ++i) {
    testing::SetInput(interp.get(), static_cast<int>(i), inputs[i]);
  }
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  if (shape != nullptr) *shape = interp->output(0)->shape;
  return testing::GetOutput<T>(*interp, 0);
}

// ---------------------------------------------------------------- float32

TEST(BatchMatMul, FloatMatrixProduct) {
  // [[1,2,3],[4,5,6]] · [[1,0],[0,1],[1,1]] = [[1+3, 2+3], [4+6, 5+6]].
  auto model = BmmModel(Var("x", kF32, {2, 3}), Var("y", kF32, {3, 2}),
                        Var("out", kF32, {2, 2}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(model,
                         {testing::Bytes<float>({1, 2, 3, 4, 5, 6}),
                          testing::Bytes<float>({1, 0, 0, 1, 1, 1})},
                         QuantArithmetic::kTflite, &shape),
            (std::vector<float>{4, 5, 10, 11}));
  EXPECT_EQ(shape, Shape({2, 2}));
}

TEST(BatchMatMul, FloatAdjointsReadTransposedOperands) {
  // The same product with x stored as [3,2] (adj_x) and y as [2,3] (adj_y).
  auto model = BmmModel(Var("x", kF32, {3, 2}), Var("y", kF32, {2, 3}),
                        Var("out", kF32, {2, 2}), /*adj_x=*/true,
                        /*adj_y=*/true);
  EXPECT_EQ(RunOp<float>(model, {testing::Bytes<float>({1, 4, 2, 5, 3, 6}),
                                 testing::Bytes<float>({1, 0, 1, 0, 1, 1})}),
            (std::vector<float>{4, 5, 10, 11}));
}

TEST(BatchMatMul, FloatBroadcastsBatchDimensions) {
  // x [2,1,1,2]: rows (1,2) and (3,4); y [1,3,2,1]: columns (j+1, 1) for
  // j = 0..2. out[b, j] = x_b·(j+1) + x_b' → (3, 4, 5), (7, 10, 13); shape
  // [2,3,1,1]. y constant.
  auto model =
      BmmModel(Var("x", kF32, {2, 1, 1, 2}),
               Const<float>("y", kF32, {1, 3, 2, 1}, {1, 1, 2, 1, 3, 1}),
               Var("out", kF32, {2, 3, 1, 1}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(model, {testing::Bytes<float>({1, 2, 3, 4})},
                         QuantArithmetic::kTflite, &shape),
            (std::vector<float>{3, 4, 5, 7, 10, 13}));
  EXPECT_EQ(shape, Shape({2, 3, 1, 1}));
}

TEST(BatchMatMul, FloatLowerRankYBroadcastsOverRank5X) {
  // x [1,1,2,1,2] (two rows (1,2), (3,4) in batches), y [2,1] = (1, 10):
  // 21, 43 → [1,1,2,1,1].
  auto model = BmmModel(Var("x", kF32, {1, 1, 2, 1, 2}),
                        Const<float>("y", kF32, {2, 1}, {1, 10}),
                        Var("out", kF32, {1, 1, 2, 1, 1}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(model, {testing::Bytes<float>({1, 2, 3, 4})},
                         QuantArithmetic::kTflite, &shape),
            (std::vector<float>{21, 43}));
  EXPECT_EQ(shape, Shape({1, 1, 2, 1, 1}));
}

TEST(BatchMatMul, FloatEmptySumGivesZeros) {
  // K = 0: every output is the empty sum 0.
  auto model = BmmModel(Var("x", kF32, {2, 0}), Var("y", kF32, {0, 3}),
                        Var("out", kF32, {2, 3}));
  EXPECT_EQ(RunOp<float>(model, {{}, {}}), std::vector<float>(6, 0.0f));
}

// ---------------------------------------------------------------- int8

TEST(BatchMatMul, Int8WithZeroPoints) {
  // x = (3, −1) zp 1 scale 0.5, y = (2, 4)ᵀ zp 0 scale 0.25, out scale 0.25
  // zp 0: acc = 2·2 + (−2)·4 = −4, × 0.5·0.25/0.25 = −2.
  auto model = BmmModel(Var("x", kI8, {1, 2}, {0.5f}, {1}),
                        Const<int8_t>("y", kI8, {2, 1}, {2, 4}, {0.25f}, {0}),
                        Var("out", kI8, {1, 1}, {0.25f}, {0}));
  for (QuantArithmetic mode :
       {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
    EXPECT_EQ(
        Ints(RunOp<int8_t>(model, {testing::Bytes<int8_t>({3, -1})}, mode)),
        (std::vector<int>{-2}));
  }
}

TEST(BatchMatMul, Int8TieRoundingDependsOnYZeroPoint) {
  // x = 2 zp 1 (→ 1), scale 0.5; y scale 0.5; out scale 0.5 zp 3: the real
  // multiplier is 0.5 and acc = 1, a tie at 0.5.
  //  y = 1 zp 0 (acc 1): kTflite = XNNPACK, rint(0.5) = 0 → 3; kMicro:
  //    SRDHM(1, 2^30) = 1 → 4.
  //  y = 2 zp 1 (acc 1): TFLite's built-in kernel in both modes → 4.
  auto zero_zp = BmmModel(Var("x", kI8, {1, 1}, {0.5f}, {1}),
                          Const<int8_t>("y", kI8, {1, 1}, {1}, {0.5f}, {0}),
                          Var("out", kI8, {1, 1}, {0.5f}, {3}));
  EXPECT_EQ(Ints(RunOp<int8_t>(zero_zp, {testing::Bytes<int8_t>({2})})),
            (std::vector<int>{3}));
  EXPECT_EQ(Ints(RunOp<int8_t>(zero_zp, {testing::Bytes<int8_t>({2})},
                               QuantArithmetic::kMicro)),
            (std::vector<int>{4}));
  auto nonzero_zp = BmmModel(Var("x", kI8, {1, 1}, {0.5f}, {1}),
                             Const<int8_t>("y", kI8, {1, 1}, {2}, {0.5f}, {1}),
                             Var("out", kI8, {1, 1}, {0.5f}, {3}));
  EXPECT_EQ(Ints(RunOp<int8_t>(nonzero_zp, {testing::Bytes<int8_t>({2})})),
            (std::vector<int>{4}));
}

TEST(BatchMatMul, Int8SaturatesAndTransposesVariableY) {
  // y an input stored [N=2, K=2] (adj_y): columns (100, 100) and (−100, 1).
  // x = (100, 100), scales 1, out scale 1: 20000 → 127; −9900 → −128.
  auto model = BmmModel(Var("x", kI8, {1, 2}, {1.0f}, {0}),
                        Var("y", kI8, {2, 2}, {1.0f}, {0}),
                        Var("out", kI8, {1, 2}, {1.0f}, {0}),
                        /*adj_x=*/false, /*adj_y=*/true);
  EXPECT_EQ(
      Ints(RunOp<int8_t>(model, {testing::Bytes<int8_t>({100, 100}),
                                 testing::Bytes<int8_t>({100, 100, -100, 1})})),
      (std::vector<int>{127, -128}));
}

TEST(BatchMatMul, Int8ToInt32IsTheRawProduct) {
  // TFLite's EvalInt8Int32 ignores the zero points: (3, −2)·(4, 1)ᵀ = 10.
  auto model = BmmModel(Var("x", kI8, {1, 2}, {0.5f}, {5}),
                        Const<int8_t>("y", kI8, {2, 1}, {4, 1}, {0.5f}, {7}),
                        Var("out", kI32, {1, 1}));
  EXPECT_EQ(RunOp<int32_t>(model, {testing::Bytes<int8_t>({3, -2})}),
            (std::vector<int32_t>{10}));
}

// ---------------------------------------------------------------- int16

TEST(BatchMatMul, Int16UsesTheReducedMultiplier) {
  // x = (1000, −300) scale 0.01, y = (200, 100)ᵀ scale 0.02, out scale 0.5:
  // acc = 200000 − 30000 = 170000; real 0.0004 = 0.8192·2^−11 → Q31
  // 1759218604, reduced to 15 bits (q + 2^15) >> 16 = 26844; shift 15 + 11
  // = 26: (170000·26844 + 2^25) >> 26 = 4597034432 >> 26 = 68.
  auto model =
      BmmModel(Var("x", kI16, {1, 2}, {0.01f}, {0}),
               Const<int16_t>("y", kI16, {2, 1}, {200, 100}, {0.02f}, {0}),
               Var("out", kI16, {1, 1}, {0.5f}, {0}));
  EXPECT_EQ(
      Ints(RunOp<int16_t>(model, {testing::Bytes<int16_t>({1000, -300})})),
      (std::vector<int>{68}));
}

TEST(BatchMatMul, Int16Saturates) {
  // 32767·32767·2 · (1·1/1) far beyond int16 → 32767; the negative → −32768.
  auto model =
      BmmModel(Var("x", kI16, {2, 2}, {1.0f}, {0}),
               Const<int16_t>("y", kI16, {2, 1}, {32767, 32767}, {1.0f}, {0}),
               Var("out", kI16, {2, 1}, {1.0f}, {0}));
  EXPECT_EQ(
      Ints(RunOp<int16_t>(
          model, {testing::Bytes<int16_t>({32767, 32767, -32767, -32767})})),
      (std::vector<int>{32767, -32768}));
}

// ---------------------------------------------------------------- hybrid

TEST(BatchMatMul, HybridQuantizesEachRow) {
  // Row (1.0, −0.5): XNNPACK qd8 scale = 255/1.5 = 170, zero point −43
  // (−128 + 85), q = (127, −128), step f32(1/170). y = (10, 10)ᵀ scale 0.1:
  // acc = 170·10 − 85·10 = 850; 850·f32(1/170) rounds to 5.0f, ×0.1f → 0.5f
  // (= 1·1 − 0.5·1). Row (0, 0): acc 0 → 0. Same for both
  // asymmetric_quantize_inputs values (XNNPACK ignores it).
  for (bool asym : {false, true}) {
    auto model =
        BmmModel(Var("x", kF32, {2, 2}),
                 Const<int8_t>("y", kI8, {2, 1}, {10, 10}, {0.1f}, {0}),
                 Var("out", kF32, {2, 1}), false, false, asym);
    EXPECT_EQ(RunOp<float>(model, {testing::Bytes<float>({1.0f, -0.5f, 0, 0})}),
              (std::vector<float>{0.5f, 0.0f}))
        << asym;
  }
}

TEST(BatchMatMul, HybridPerChannelAlongN) {
  // y [K=2, N=2] = [[10, 20], [10, −20]] with scales (0.1, 0.05) along N.
  // Row (1.0, −0.5) as above: column 0 → 0.5; column 1: acc = 170·20 +
  // 85·20 = 5100, ·f32(1/170) → 30.0f, ·0.05f → 1.5f (= 1·1 + 0.5·1).
  TensorSpec y =
      Const<int8_t>("y", kI8, {2, 2}, {10, 20, 10, -20}, {0.1f, 0.05f}, {0, 0});
  y.quantized_dimension = 1;
  auto model = BmmModel(Var("x", kF32, {1, 2}), y, Var("out", kF32, {1, 2}));
  EXPECT_EQ(RunOp<float>(model, {testing::Bytes<float>({1.0f, -0.5f})}),
            (std::vector<float>{0.5f, 1.5f}));
}

TEST(BatchMatMul, HybridAdjXGathersTheRow) {
  // x stored [K=2, M=1] with adj_x: the same row (1.0, −0.5) as above.
  auto model = BmmModel(Var("x", kF32, {2, 1}),
                        Const<int8_t>("y", kI8, {2, 1}, {10, 10}, {0.1f}, {0}),
                        Var("out", kF32, {1, 1}), /*adj_x=*/true);
  EXPECT_EQ(RunOp<float>(model, {testing::Bytes<float>({1.0f, -0.5f})}),
            (std::vector<float>{0.5f}));
}

// ---------------------------------------------------------------- errors

TEST(BatchMatMul, RejectsBadShapes) {
  ExpectError(BmmModel(Var("x", kF32, {3}), Var("y", kF32, {3, 2}),
                       Var("out", kF32, {2})),
              StatusCode::kInvalidModel,
              "input 0 (tensor 0 'x'): expected rank 2 to 5, got shape [3]");
  ExpectError(BmmModel(Var("x", kF32, {1, 1, 1, 1, 2, 3}),
                       Var("y", kF32, {3, 2}), Var("out", kF32, {2, 2})),
              StatusCode::kInvalidModel, "expected rank 2 to 5");
  ExpectError(BmmModel(Var("x", kF32, {2, 3}), Var("y", kF32, {4, 2}),
                       Var("out", kF32, {2, 2})),
              StatusCode::kInvalidModel,
              "x [2, 3] and y [4, 2] do not agree on the summed dimension "
              "(3 vs 4)");
  ExpectError(BmmModel(Var("x", kF32, {2, 1, 3}), Var("y", kF32, {3, 3, 2}),
                       Var("out", kF32, {3, 1, 2})),
              StatusCode::kInvalidModel,
              "batch dimensions of x [2, 1, 3] and y [3, 3, 2] do not "
              "broadcast (2 vs 3)");
}

TEST(BatchMatMul, RejectsBadTypes) {
  ExpectError(BmmModel(Var("x", kI8, {1, 1}, {1.0f}, {0}),
                       Var("y", kF32, {1, 1}), Var("out", kF32, {1, 1})),
              StatusCode::kInvalidModel,
              "int8 x with float32 y: the inputs must be float32, int8 or "
              "int16 alike, or float32 x with int8 y (hybrid)");
  ExpectError(BmmModel(Var("x", kF32, {1, 1}), Var("y", kF32, {1, 1}),
                       Var("out", kI8, {1, 1}, {1.0f}, {0})),
              StatusCode::kInvalidModel,
              "output 0 (tensor 2 'out'): type must be float32 for float32 "
              "inputs, got int8");
  ExpectError(BmmModel(Var("x", kI16, {1, 1}, {1.0f}, {2}),
                       Var("y", kI16, {1, 1}, {1.0f}, {0}),
                       Var("out", kI16, {1, 1}, {1.0f}, {0})),
              StatusCode::kInvalidModel,
              "int16 zero points must be 0, got x 2, y 0, output 0");
  ExpectError(
      BmmModel(Var("x", kI8, {1, 1}), Var("y", kI8, {1, 1}, {1.0f}, {0}),
               Var("out", kI8, {1, 1}, {1.0f}, {0})),
      StatusCode::kInvalidModel,
      "input 0 (tensor 0 'x'): int8 tensor must be quantized");
}

TEST(BatchMatMul, RejectsHybridConfigurationsTfliteRunsElsewhere) {
  ExpectError(
      BmmModel(Var("x", kF32, {1, 2}), Var("y", kI8, {2, 1}, {0.1f}, {0}),
               Var("out", kF32, {1, 1})),
      StatusCode::kUnsupported,
      "input 1 (tensor 1 'y'): hybrid int8 y must be constant");
  // Per-channel scales must run along N (dimension 1 here), not K.
  TensorSpec along_k =
      Const<int8_t>("y", kI8, {2, 2}, {1, 2, 3, 4}, {0.1f, 0.2f}, {0, 0});
  along_k.quantized_dimension = 0;
  ExpectError(
      BmmModel(Var("x", kF32, {1, 2}), along_k, Var("out", kF32, {1, 2})),
      StatusCode::kInvalidModel,
      "per-channel quantization with 2 scales along dimension 0, "
      "expected 2 along dimension 1 (N)");
  ExpectError(BmmModel(Var("x", kF32, {1, 2}),
                       Const<int8_t>("y", kI8, {2, 1}, {1, 2}, {0.1f}, {3}),
                       Var("out", kF32, {1, 1})),
              StatusCode::kInvalidModel,
              "hybrid int8 y needs zero point 0, got 3");
}

// ------------------------------------------------------------ allocations

TEST(BatchMatMul, InvokeAllocatesNothing) {
  auto run = [](const std::vector<uint8_t>& model,
                const std::vector<std::vector<uint8_t>>& inputs) {
    std::unique_ptr<Interpreter> interp;
    ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
    for (size_t i = 0; i < inputs.size(); ++i) {
      testing::SetInput(interp.get(), static_cast<int>(i), inputs[i]);
    }
    ASSERT_TRUE(interp->Invoke().ok());
    const int64_t before = testing::AllocationCount();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_EQ(testing::AllocationCount(), before);
  };
  // int8 with both operands transposed through scratch, and a hybrid case.
  run(BmmModel(Var("x", kI8, {2, 3, 2}, {0.5f}, {1}),
               Var("y", kI8, {2, 3, 4}, {0.5f}, {2}),
               Var("out", kI8, {2, 2, 4}, {1.0f}, {0}), /*adj_x=*/true),
      {std::vector<uint8_t>(12, 3), std::vector<uint8_t>(24, 5)});
  run(BmmModel(Var("x", kF32, {3, 2}),
               Const<int8_t>("y", kI8, {2, 2}, {1, 2, 3, 4}, {0.1f}, {0}),
               Var("out", kF32, {3, 2})),
      {testing::Bytes<float>({1, 2, 3, 4, 5, 6})});
}

}  // namespace
}  // namespace edgelite
