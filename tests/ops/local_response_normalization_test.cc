// LOCAL_RESPONSE_NORMALIZATION golden cases derived by hand from TFLite's
// (optimized, inclusive-window) definition: out[c] = x[c] · (bias + alpha ·
// Σ_{|j−c|≤r} x[j]²)^(−beta) along the last dimension.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"
#include "support/op_test_util.h"

namespace edgelite {
namespace {

using testing::TensorSpec;
using testing::Var;

std::vector<uint8_t> LrnModel(const TensorSpec& in, int32_t radius, float bias,
                              float alpha, float beta) {
  testing::SingleOpModel m;
  m.inputs = {in};
  TensorSpec out = in;
  out.name = "y";
  m.outputs = {out};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::LOCAL_RESPONSE_NORMALIZATION);
  m.op.options_type = tfl::BuiltinOptions::LocalResponseNormalizationOptions;
  m.op.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateLocalResponseNormalizationOptions(fbb, radius, bias,
                                                        alpha, beta)
        .Union();
  };
  return m.Build();
}

std::vector<float> RunOp(const std::vector<uint8_t>& model,
                         const std::vector<float>& input) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, input);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<float>(*interp, 0);
}

void ExpectNear(const std::vector<float>& got, const std::vector<float>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_FLOAT_EQ(got[i], want[i]) << i;
}

constexpr DataType kF32 = DataType::kFloat32;

TEST(LocalResponseNormalization, RadiusOneBetaOne) {
  // x = (1, 2, 3), r 1, bias 1, alpha 1: windows {1,2}, {1,2,3}, {2,3}:
  // squares 5, 14, 13 → 1/6, 2/15, 3/14.
  auto model = LrnModel(Var("x", kF32, {1, 1, 1, 3}), 1, 1.0f, 1.0f, 1.0f);
  ExpectNear(RunOp(model, {1, 2, 3}), {1.0f / 6, 2.0f / 15, 3.0f / 14});
}

TEST(LocalResponseNormalization, BetaHalfAndGeneralBeta) {
  // r 0: only x[c]² — bias 2, alpha 0.5: x = 2 → 2 + 2 = 4; x = −1 → 2.5.
  // beta 0.5: 2/√4 = 1, −1/√2.5; beta 0.75: 2·4^−0.75, −2.5^−0.75.
  auto half = LrnModel(Var("x", kF32, {1, 1, 2, 1}), 0, 2.0f, 0.5f, 0.5f);
  ExpectNear(RunOp(half, {2, -1}), {1.0f, -1.0f / std::sqrt(2.5f)});
  auto general = LrnModel(Var("x", kF32, {1, 1, 2, 1}), 0, 2.0f, 0.5f, 0.75f);
  ExpectNear(RunOp(general, {2, -1}),
             {2.0f * std::pow(4.0f, -0.75f), -std::pow(2.5f, -0.75f)});
}

TEST(LocalResponseNormalization, RadiusWiderThanTheRow) {
  // r 5 over 2 values: both see x0² + x1² = 9 + 16 = 25; bias 0, alpha 1,
  // beta 1 → (3/25, 4/25); the second row (0, 1) → (0, 1).
  auto model = LrnModel(Var("x", kF32, {1, 2, 1, 2}), 5, 0.0f, 1.0f, 1.0f);
  ExpectNear(RunOp(model, {3, 4, 0, 1}), {3.0f / 25, 4.0f / 25, 0, 1});
}

TEST(LocalResponseNormalization, Rejects) {
  auto expect = [](const std::vector<uint8_t>& model, StatusCode code,
                   const std::string& fragment) {
    std::unique_ptr<Interpreter> interp;
    Status s = testing::MakeInterpreter(model, &interp);
    EXPECT_EQ(s.code(), code) << s.message();
    EXPECT_NE(s.message().find(fragment), std::string::npos) << s.message();
  };
  expect(LrnModel(Var("x", kF32, {1, 1, 3}), 1, 1, 1, 1),
         StatusCode::kInvalidModel,
         "input 0 (tensor 0 'x'): expected rank 4, got shape [1, 1, 3]");
  expect(LrnModel(Var("x", kF32, {1, 1, 1, 3}), -1, 1, 1, 1),
         StatusCode::kInvalidModel, "radius -1 is negative");
  TensorSpec q = Var("x", DataType::kInt8, {1, 1, 1, 3});
  q.scales = {1.0f};
  q.zero_points = {0};
  expect(LrnModel(q, 1, 1, 1, 1), StatusCode::kUnsupported,
         "type int8 is not supported (float32 only, as TFLite)");
}

TEST(LocalResponseNormalization, InvokeAllocatesNothing) {
  auto model = LrnModel(Var("x", kF32, {1, 2, 2, 7}), 2, 1.0f, 0.1f, 0.75f);
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(model, &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

}  // namespace
}  // namespace edgelite
