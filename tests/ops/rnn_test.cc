// RNN and UNIDIRECTIONAL_SEQUENCE_RNN (float32): hand-computed steps, the
// hidden state carried across Invokes, both time layouts, refusals.
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

TensorSpec Const(const std::string& name, std::vector<int32_t> shape,
                 const std::vector<float>& v) {
  TensorSpec s = Var(name, DataType::kFloat32, std::move(shape));
  s.data = testing::Bytes(v);
  return s;
}

// One unit, one input: W_in = [[w_in]], W_rec = [[w_rec]], bias [b].
SingleOpModel Model(bool sequence, std::vector<int32_t> in_shape,
                    std::vector<int32_t> out_shape, int32_t batch, float w_in,
                    float w_rec, float b, Act act, bool time_major = false,
                    DataType state_type = DataType::kFloat32) {
  SingleOpModel m;
  TensorSpec state = Var("h", state_type, {batch, 1});
  state.is_variable = true;
  m.inputs = {Var("x", DataType::kFloat32, std::move(in_shape)),
              Const("w_in", {1, 1}, {w_in}), Const("w_rec", {1, 1}, {w_rec}),
              Const("bias", {1}, {b}), state};
  m.outputs = {Var("y", DataType::kFloat32, std::move(out_shape))};
  if (sequence) {
    m.op.builtin_code =
        static_cast<int32_t>(tfl::BuiltinOperator::UNIDIRECTIONAL_SEQUENCE_RNN);
    m.op.options_type = tfl::BuiltinOptions::SequenceRNNOptions;
    m.op.options = [act, time_major](flatbuffers::FlatBufferBuilder& fbb) {
      return tfl::CreateSequenceRNNOptions(fbb, time_major, act).Union();
    };
  } else {
    m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::RNN);
    m.op.options_type = tfl::BuiltinOptions::RNNOptions;
    m.op.options = [act](flatbuffers::FlatBufferBuilder& fbb) {
      return tfl::CreateRNNOptions(fbb, act).Union();
    };
  }
  return m;
}

std::vector<std::vector<float>> RunSteps(
    const SingleOpModel& m, const std::vector<std::vector<float>>& xs) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(m.Build(), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  std::vector<std::vector<float>> out;
  if (!s.ok()) return out;
  for (const auto& x : xs) {
    testing::SetInput(interp.get(), 0, x);
    s = interp->Invoke();
    EXPECT_TRUE(s.ok()) << s.message();
    out.push_back(testing::GetOutput<float>(*interp, 0));
  }
  return out;
}

// y = 1 + 2x + 0.5h: x = 1 -> 3; x = -1 -> 1 - 2 + 1.5 = 0.5;
// x = 0 -> 1 + 0.25 = 1.25.
TEST(RnnTest, StateCarriesAcrossInvokes) {
  const auto out = RunSteps(
      Model(false, {1, 1}, {1, 1}, 1, 2, 0.5f, 1, Act::NONE), {{1}, {-1}, {0}});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], (std::vector<float>{3}));
  EXPECT_EQ(out[1], (std::vector<float>{0.5f}));
  EXPECT_EQ(out[2], (std::vector<float>{1.25f}));
}

// RELU on the output also resets the state: x = 1 -> 3; x = -3 -> -3.5 -> 0;
// x = 0 -> 1 + 0 = 1.
TEST(RnnTest, ReluFeedsClampedState) {
  const auto out = RunSteps(
      Model(false, {1, 1}, {1, 1}, 1, 2, 0.5f, 1, Act::RELU), {{1}, {-3}, {0}});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1], (std::vector<float>{0}));
  EXPECT_EQ(out[2], (std::vector<float>{1}));
}

// y_t = x_t + h: a running sum per batch row.
TEST(UnidirectionalSequenceRnnTest, BatchMajorRunningSum) {
  const auto out =
      RunSteps(Model(true, {2, 2, 1}, {2, 2, 1}, 2, 1, 1, 0, Act::NONE, false),
               {{1, 2, 10, 20}, {1, 2, 10, 20}});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], (std::vector<float>{1, 3, 10, 30}));
  EXPECT_EQ(out[1], (std::vector<float>{4, 6, 40, 60}));
}

TEST(UnidirectionalSequenceRnnTest, TimeMajorRunningSum) {
  const auto out =
      RunSteps(Model(true, {2, 2, 1}, {2, 2, 1}, 2, 1, 1, 0, Act::NONE, true),
               {{1, 10, 2, 20}});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0], (std::vector<float>{1, 10, 3, 30}));
}

TEST(UnidirectionalSequenceRnnTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(Model(true, {3, 2, 1}, {3, 2, 1}, 2, 1,
                                             0.5f, 0, Act::TANH, true)
                                           .Build(),
                                       &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(RnnTest, RejectsWrongStateShape) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(false, {2, 1}, {2, 1}, 1, 1, 1, 0, Act::NONE).Build(), &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("op 0 (RNN v1): input 4 (tensor 4 'h'): "
                             "hidden_state must have shape [2, 1], got [1, 1]"),
            std::string::npos)
      << s.message();
}

TEST(RnnTest, RejectsNonFloatState) {
  std::unique_ptr<Interpreter> interp;
  const Status s =
      testing::MakeInterpreter(Model(false, {1, 1}, {1, 1}, 1, 1, 1, 0,
                                     Act::NONE, false, DataType::kInt32)
                                   .Build(),
                               &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("must be float32 like the input, got int32"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
