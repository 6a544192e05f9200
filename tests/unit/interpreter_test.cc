#include "core/interpreter.h"

#include <gtest/gtest.h>

#include "support/alloc_counter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

using testing::Bytes;
using testing::ModelBuilder;
using testing::OperatorSpec;

// x[2,3] → RESHAPE[3,2] → RESHAPE[6] → y, shapes from options.
std::vector<uint8_t> ReshapeChain(bool dynamic_batch = false) {
  ModelBuilder b;
  testing::TensorSpec x;
  x.name = "x";
  x.type = DataType::kFloat32;
  x.shape = {2, 3};
  if (dynamic_batch) x.shape_signature = {-1, 3};
  const int in = b.AddTensor(x);
  const int mid = b.AddActivation("mid", DataType::kFloat32, {3, 2});
  const int out = b.AddActivation("y", DataType::kFloat32, {6});
  auto reshape = [](std::vector<int32_t> shape) {
    OperatorSpec op;
    op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::RESHAPE);
    op.options_type = tfl::BuiltinOptions::ReshapeOptions;
    op.options = [shape](flatbuffers::FlatBufferBuilder& fbb) {
      return tfl::CreateReshapeOptions(fbb, fbb.CreateVector(shape)).Union();
    };
    return op;
  };
  OperatorSpec a = reshape({-1, 2});
  a.inputs = {in};
  a.outputs = {mid};
  OperatorSpec c = reshape({-1});
  c.inputs = {mid};
  c.outputs = {out};
  b.AddOperator(a);
  b.AddOperator(c);
  b.SetInputs({in});
  b.SetOutputs({out});
  return b.Build();
}

TEST(Interpreter, RunsAChainAndPlansTheArena) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(ReshapeChain(), &interp).ok());
  testing::SetInput<float>(interp.get(), 0, {1, 2, 3, 4, 5, 6});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(interp->output(0)->shape, Shape({6}));
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{1, 2, 3, 4, 5, 6}));
  // Three 24-byte tensors (32 aligned); at most two live at once.
  EXPECT_EQ(interp->arena_lower_bound(), 64u);
  EXPECT_GE(interp->arena_bytes(), interp->arena_lower_bound());
}

TEST(Interpreter, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(ReshapeChain(), &interp).ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(Interpreter, InvokeBeforeAllocateIsAnError) {
  std::shared_ptr<const ModelView> model;
  ASSERT_TRUE(testing::LoadModel(ReshapeChain(), &model).ok());
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(Interpreter::Create(model, InterpreterOptions(), &interp).ok());
  Status s = interp->Invoke();
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("AllocateTensors"), std::string::npos);
}

TEST(Interpreter, DynamicBatchResizeReplans) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(ReshapeChain(true), &interp).ok());
  ASSERT_TRUE(interp->ResizeInput(0, Shape({4, 3})).ok());
  EXPECT_EQ(interp->Invoke().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(interp->AllocateTensors().ok());
  std::vector<float> x(12);
  for (int i = 0; i < 12; ++i) x[i] = static_cast<float>(i);
  testing::SetInput(interp.get(), 0, x);
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(interp->output(0)->shape, Shape({12}));
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0), x);
}

TEST(Interpreter, ResizeOfFixedDimensionIsRejected) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(ReshapeChain(true), &interp).ok());
  Status s = interp->ResizeInput(0, Shape({2, 4}));
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("dimension 1 is fixed at 3"), std::string::npos)
      << s.message();
}

TEST(Interpreter, ArenaLimitIsEnforcedWithNumbers) {
  InterpreterOptions options;
  options.max_arena_bytes = 32;
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(ReshapeChain(), &interp, options);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.message().find("limit of 32 bytes"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace edgelite
