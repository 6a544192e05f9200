// SVDF: float and full-integer steps computed by hand over several Invokes
// (the state persists), rank > 1, and the Prepare refusals.
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
using Act = tfl::ActivationFunctionType;

template <typename T>
TensorSpec Const(TensorSpec s, const std::vector<T>& v) {
  s.data = testing::Bytes(v);
  return s;
}

TensorSpec Variable(TensorSpec s) {
  s.is_variable = true;
  return s;
}

std::vector<uint8_t> SvdfModel(std::vector<TensorSpec> inputs, TensorSpec out,
                               int rank, Act act, int version = 1) {
  SingleOpModel m;
  m.inputs = std::move(inputs);
  m.outputs = {std::move(out)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::SVDF);
  m.op.version = version;
  m.op.options_type = tfl::BuiltinOptions::SVDFOptions;
  m.op.options = [rank, act](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateSVDFOptions(fbb, rank, act).Union();
  };
  return m.Build();
}

TensorSpec Absent() {
  TensorSpec s;
  s.shape = {-1};
  return s;
}

// input_size 2, two filters, memory 2: filter 0 sees x0, filter 1 sees x1;
// time weights [1, 10] and [2, 20] (oldest, newest).
std::vector<uint8_t> FloatModel(int rank, std::vector<float> bias, Act act) {
  const int units = 2 / rank;
  return SvdfModel(
      {Var("x", DataType::kFloat32, {1, 2}),
       Const(Var("wf", DataType::kFloat32, {2, 2}),
             std::vector<float>{1, 0, 0, 1}),
       Const(Var("wt", DataType::kFloat32, {2, 2}),
             std::vector<float>{1, 10, 2, 20}),
       bias.empty() ? Absent()
                    : Const(Var("bias", DataType::kFloat32, {units}), bias),
       Variable(Var("state", DataType::kFloat32, {1, 4}))},
      Var("y", DataType::kFloat32, {1, units}), rank, act);
}

template <typename T>
std::vector<std::vector<T>> RunSteps(const std::vector<uint8_t>& model,
                                     const std::vector<std::vector<T>>& xs) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  std::vector<std::vector<T>> out;
  if (!s.ok()) return out;
  for (const auto& x : xs) {
    testing::SetInput(interp.get(), 0, x);
    s = interp->Invoke();
    EXPECT_TRUE(s.ok()) << s.message();
    out.push_back(testing::GetOutput<T>(*interp, 0));
  }
  return out;
}

// Step 1, x = [1, 2]: states [0, 1], [0, 2] -> 10, 40.
// Step 2, x = [3, 4]: states [1, 3], [2, 4] -> 1 + 30 = 31, 4 + 80 = 84.
// Step 3, x = [0, 0]: states [3, 0], [4, 0] -> 3, 8.
TEST(SvdfTest, FloatStatePersistsAcrossInvokes) {
  const auto out = RunSteps<float>(FloatModel(1, {0.5f, -0.5f}, Act::NONE),
                                   {{1, 2}, {3, 4}, {0, 0}});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], (std::vector<float>{10.5f, 39.5f}));
  EXPECT_EQ(out[1], (std::vector<float>{31.5f, 83.5f}));
  EXPECT_EQ(out[2], (std::vector<float>{3.5f, 7.5f}));
}

// Rank 2: one unit sums both filters (50 at step 1); RELU6 clamps to [0, 6].
TEST(SvdfTest, FloatRankTwoNoBiasRelu6) {
  const auto out = RunSteps<float>(FloatModel(2, {}, Act::RELU6),
                                   {{1, 2}, {-3, -4}, {0, 0}});
  ASSERT_EQ(out.size(), 3u);
  // Step 2: states [1, -3], [2, -4] -> 1 - 30 + 4 - 80 = -105 -> 0.
  // Step 3: states [-3, 0], [-4, 0] -> -3 - 8 = -11 -> 0.
  EXPECT_EQ(out[0], (std::vector<float>{6.0f}));
  EXPECT_EQ(out[1], (std::vector<float>{0.0f}));
  EXPECT_EQ(out[2], (std::vector<float>{0.0f}));
}

// Full integer: s1 = 0.5 * 0.25 / 0.125 = 1, s2 = 0.125 / 64 / 0.125 = 1/64.
// wf = [2, -1], wt = [16, 64], bias 32, input zp 1, output zp -3.
//   x = [5, 3]:   feature 2*4 - 2 = 6, state [0, 6], time 384 + 32 = 416,
//                 416 / 64 = 6.5 -> 7 (half away), -3 -> 4.
//   x = [-10, 1]: feature -22, state [6, -22], time 96 - 1408 + 32 = -1280,
//                 -20 -> -23.
//   x = [1, 1]:   feature 0, state [-22, 0], time -352 + 32 = -320, -5 -> -8.
TEST(SvdfTest, Int8StatePersistsAcrossInvokes) {
  const auto model = SvdfModel(
      {Var("x", DataType::kInt8, {1, 2}, {0.5f}, {1}),
       Const(Var("wf", DataType::kInt8, {1, 2}, {0.25f}, {0}),
             std::vector<int8_t>{2, -1}),
       Const(Var("wt", DataType::kInt16, {1, 2}, {1.0f / 64}, {0}),
             std::vector<int16_t>{16, 64}),
       Const(Var("bias", DataType::kInt32, {1}), std::vector<int32_t>{32}),
       Variable(Var("state", DataType::kInt16, {1, 2}, {0.125f}, {0}))},
      Var("y", DataType::kInt8, {1, 1}, {0.125f}, {-3}), 1, Act::RELU, 3);
  const auto out = RunSteps<int8_t>(model, {{5, 3}, {-10, 1}, {1, 1}});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], (std::vector<int8_t>{4}));
  EXPECT_EQ(out[1], (std::vector<int8_t>{-23}));
  EXPECT_EQ(out[2], (std::vector<int8_t>{-8}));
}

TEST(SvdfTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(FloatModel(1, {1, 2}, Act::TANH), &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

Status PrepareStatus(const std::vector<uint8_t>& model) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(model, &interp);
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(SvdfTest, RejectsRankNotDividingFilters) {
  const auto model = SvdfModel(
      {Var("x", DataType::kFloat32, {1, 2}),
       Const(Var("wf", DataType::kFloat32, {3, 2}), std::vector<float>(6)),
       Const(Var("wt", DataType::kFloat32, {3, 2}), std::vector<float>(6)),
       Absent(), Variable(Var("state", DataType::kFloat32, {1, 6}))},
      Var("y", DataType::kFloat32, {1, 1}), 2, Act::NONE);
  const Status s = PrepareStatus(model);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (SVDF v1): rank 2 must be positive and divide "
                       "the 3 filters (weights_feature dimension 0)"))
      << s.message();
}

TEST(SvdfTest, RejectsWrongStateShape) {
  const auto model = SvdfModel(
      {Var("x", DataType::kFloat32, {1, 2}),
       Const(Var("wf", DataType::kFloat32, {2, 2}), std::vector<float>(4)),
       Const(Var("wt", DataType::kFloat32, {2, 2}), std::vector<float>(4)),
       Absent(), Variable(Var("state", DataType::kFloat32, {1, 2}))},
      Var("y", DataType::kFloat32, {1, 2}), 1, Act::NONE);
  const Status s = PrepareStatus(model);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "input 4 (tensor 3 'state'): state must have shape "
                       "[1, 4], got [1, 2]"))
      << s.message();
}

TEST(SvdfTest, RejectsHybrid) {
  const auto model = SvdfModel(
      {Var("x", DataType::kFloat32, {1, 2}),
       Const(Var("wf", DataType::kInt8, {2, 2}, {0.1f}, {0}),
             std::vector<int8_t>(4)),
       Const(Var("wt", DataType::kFloat32, {2, 2}), std::vector<float>(4)),
       Absent(), Variable(Var("state", DataType::kFloat32, {1, 4}))},
      Var("y", DataType::kFloat32, {1, 2}), 1, Act::NONE, 2);
  const Status s = PrepareStatus(model);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "hybrid SVDF (float32 input, int8 weights) is not "
                       "supported yet"))
      << s.message();
}

TEST(SvdfTest, RejectsInt8WithoutRelu) {
  const auto model = SvdfModel(
      {Var("x", DataType::kInt8, {1, 2}, {0.5f}, {0}),
       Const(Var("wf", DataType::kInt8, {1, 2}, {0.25f}, {0}),
             std::vector<int8_t>(2)),
       Const(Var("wt", DataType::kInt16, {1, 2}, {0.01f}, {0}),
             std::vector<int16_t>(2)),
       Absent(), Variable(Var("state", DataType::kInt16, {1, 2}, {0.1f}, {0}))},
      Var("y", DataType::kInt8, {1, 1}, {0.1f}, {0}), 1, Act::NONE, 3);
  const Status s = PrepareStatus(model);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "an int8 SVDF needs fused activation RELU (as TFLite)"))
      << s.message();
}

}  // namespace
}  // namespace edgelite
