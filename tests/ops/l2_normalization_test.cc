// L2_NORMALIZATION golden cases derived by hand from TFLite's definition
// (kernels/l2norm.cc, reference l2normalization.h and integer_ops): each row
// along the last dimension divided by max(‖row‖₂, 1e-6). Quantized outputs
// have scale 1/128 (int8 zero point 0, uint8 128), computed with TFLite's
// fixed-point 1/√acc, so y ≈ round(128 · x / ‖x‖) clamped. The same in both
// QuantArithmetic modes (tflite-micro runs the same reference code).
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

using testing::ExpectError;
using testing::Ints;
using testing::RunOp;
using testing::TensorSpec;
using testing::Var;
using Act = tfl::ActivationFunctionType;

constexpr DataType kF32 = DataType::kFloat32;
constexpr DataType kI8 = DataType::kInt8;
constexpr DataType kU8 = DataType::kUInt8;

std::vector<uint8_t> L2Model(const TensorSpec& in, const TensorSpec& out,
                             Act act = Act::NONE) {
  testing::SingleOpModel m;
  m.inputs = {in};
  m.outputs = {out};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::L2_NORMALIZATION);
  m.op.version = 2;
  m.op.options_type = tfl::BuiltinOptions::L2NormOptions;
  m.op.options = [act](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateL2NormOptions(fbb, act).Union();
  };
  return m.Build();
}

TEST(L2Normalization, FloatRows) {
  // (3, 4)/5 = (0.6, 0.8); (0, −2)/2 = (0, −1); (0, 0) / 1e-6 = (0, 0).
  auto model = L2Model(Var("x", kF32, {3, 2}), Var("y", kF32, {3, 2}));
  const std::vector<float> y = RunOp<float>(model, {3, 4, 0, -2, 0, 0});
  const std::vector<float> want = {3.0f / 5.0f, 4.0f / 5.0f, 0, -1, 0, 0};
  ASSERT_EQ(y.size(), want.size());
  for (size_t i = 0; i < y.size(); ++i) EXPECT_FLOAT_EQ(y[i], want[i]) << i;
}

TEST(L2Normalization, FloatTinyRowIsDividedByEpsilon) {
  // ‖(1e-7, 0)‖ = 1e-7 < 1e-6: divided by 1e-6 → (0.1, 0).
  auto model = L2Model(Var("x", kF32, {1, 2}), Var("y", kF32, {1, 2}));
  const std::vector<float> y = RunOp<float>(model, {1e-7f, 0});
  EXPECT_FLOAT_EQ(y[0], 0.1f);
  EXPECT_EQ(y[1], 0.0f);
}

TEST(L2Normalization, Int8) {
  // Row (3, 4) − zp 2 = (5−2, 6−2): acc 25, 1/√25 = 0.2: 128·(0.6, 0.8) =
  // (76.8, 102.4) → (77, 102). Row (2+1, 2+0): acc 1 → multiplier INT32_MAX
  // (≈1), 128·1 = 128 → clamped to 127, and 0. Row all zp: 0, 0.
  for (QuantArithmetic mode :
       {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
    auto model = L2Model(Var("x", kI8, {3, 2}, {0.1f}, {2}),
                         Var("y", kI8, {3, 2}, {1.0f / 128}, {0}));
    EXPECT_EQ(Ints(RunOp<int8_t>(model, {5, 6, 3, 2, 2, 2}, mode)),
              (std::vector<int>{77, 102, 127, 0, 0, 0}));
  }
}

TEST(L2Normalization, Int8NegativeSaturatesAtMinus128) {
  // (−1, 0) with zp 0: acc 1 → −128, 0.
  auto model = L2Model(Var("x", kI8, {1, 2}, {0.1f}, {0}),
                       Var("y", kI8, {1, 2}, {1.0f / 128}, {0}));
  EXPECT_EQ(Ints(RunOp<int8_t>(model, {-1, 0})), (std::vector<int>{-128, 0}));
}

TEST(L2Normalization, Uint8) {
  // zp 100: (103, 104) → (3, 4): 128 + 128·(0.6, 0.8) = (204.8, 230.4) →
  // (205, 230). (101, 100): acc 1 → 128 + 128 = 256 → 255, 128. All zp:
  // 128, 128.
  auto model = L2Model(Var("x", kU8, {3, 2}, {0.5f}, {100}),
                       Var("y", kU8, {3, 2}, {1.0f / 128}, {128}));
  EXPECT_EQ(Ints(RunOp<uint8_t>(model, {103, 104, 101, 100, 100, 100})),
            (std::vector<int>{205, 230, 255, 128, 128, 128}));
}

TEST(L2Normalization, RankOneAndFour) {
  // A single row of rank 1, and [1,1,2,1] (rows of one value: ±1 or 0).
  auto r1 = L2Model(Var("x", kF32, {2}), Var("y", kF32, {2}));
  const std::vector<float> y1 = RunOp<float>(r1, {-6, 8});
  EXPECT_FLOAT_EQ(y1[0], -0.6f);
  EXPECT_FLOAT_EQ(y1[1], 0.8f);
  auto r4 = L2Model(Var("x", kF32, {1, 1, 2, 1}), Var("y", kF32, {1, 1, 2, 1}));
  EXPECT_EQ(RunOp<float>(r4, {-3, 0.5f}), (std::vector<float>{-1, 1}));
}

TEST(L2Normalization, Rejects) {
  ExpectError(
      L2Model(Var("x", kF32, {1, 2}), Var("y", kF32, {1, 2}), Act::RELU),
      StatusCode::kInvalidModel,
      "fused activation RELU is not allowed (TFLite's kernel supports "
      "none)");
  ExpectError(L2Model(Var("x", kI8, {1, 2}, {0.1f}, {0}),
                      Var("y", kI8, {1, 2}, {0.01f}, {0})),
              StatusCode::kInvalidModel,
              "output 0 (tensor 1 'y'): int8 output must have scale 1/128 and "
              "zero point 0, got 0.01 and 0");
  ExpectError(L2Model(Var("x", kU8, {1, 2}, {0.1f}, {0}),
                      Var("y", kU8, {1, 2}, {1.0f / 128}, {0})),
              StatusCode::kInvalidModel,
              "uint8 output must have scale 1/128 and zero point 128");
  ExpectError(
      L2Model(Var("x", kF32, {1, 1, 1, 1, 2}), Var("y", kF32, {1, 1, 1, 1, 2})),
      StatusCode::kInvalidModel, "expected rank 1 to 4");
  ExpectError(L2Model(Var("x", DataType::kInt16, {1, 2}, {0.1f}, {0}),
                      Var("y", DataType::kInt16, {1, 2}, {0.1f}, {0})),
              StatusCode::kUnsupported,
              "type int16 is not supported (float32, int8, uint8)");
}

TEST(L2Normalization, InvokeAllocatesNothing) {
  auto model = L2Model(Var("x", kU8, {4, 9}, {0.5f}, {120}),
                       Var("y", kU8, {4, 9}, {1.0f / 128}, {128}));
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

}  // namespace
}  // namespace edgelite
