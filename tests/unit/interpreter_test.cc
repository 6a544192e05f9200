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
  // A 24-byte tensor fits, but not two of them live at once.
  EXPECT_NE(s.message().find("more than the limit of 32 bytes"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("needs an arena of "), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("(lower bound 64)"), std::string::npos)
      << s.message();

  // Exactly the planned size is allowed; one byte less is refused with both
  // numbers.
  ASSERT_TRUE(testing::MakeInterpreter(ReshapeChain(), &interp).ok());
  const size_t needed = interp->arena_bytes();
  options.max_arena_bytes = needed;
  EXPECT_TRUE(testing::MakeInterpreter(ReshapeChain(), &interp, options).ok());
  options.max_arena_bytes = needed - 1;
  s = testing::MakeInterpreter(ReshapeChain(), &interp, options);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(
      s.message(),
      StrFormat("model needs an arena of %zu bytes (lower bound 64), more "
                "than the limit of %zu bytes",
                needed, needed - 1));

  // A single buffer over the limit is named: an op's output as soon as its
  // Prepare computes the shape (before the op can size anything by it).
  options.max_arena_bytes = 16;
  s = testing::MakeInterpreter(ReshapeChain(), &interp, options);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(),
            "op 0 (RESHAPE v1): output 0 (tensor 1 'mid'): computed shape [3, "
            "2] needs 24 bytes, more than the arena limit of 16 bytes");
}

// x[1,1024] float → MEAN(axis 0) → y[1024]: MEAN asks for a 4 KiB
// accumulator scratch buffer, which lives in the arena and counts towards the
// limit like the tensors do.
std::vector<uint8_t> MeanWithScratch() {
  ModelBuilder b;
  const int x = b.AddActivation("x", DataType::kFloat32, {1, 1024});
  const int axes =
      b.AddConstant("axes", DataType::kInt32, {1}, std::vector<int32_t>{0});
  const int y = b.AddActivation("y", DataType::kFloat32, {1024});
  OperatorSpec op;
  op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::MEAN);
  op.version = 2;
  op.options_type = tfl::BuiltinOptions::ReducerOptions;
  op.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateReducerOptions(fbb, false).Union();
  };
  op.inputs = {x, axes};
  op.outputs = {y};
  b.AddOperator(op);
  b.SetInputs({x});
  b.SetOutputs({y});
  return b.Build();
}

TEST(Interpreter, ArenaLimitCoversScratch) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(MeanWithScratch(), &interp).ok());
  size_t scratch = 0;
  for (const PlannedBuffer& b : interp->plan()) {
    if (b.tensor < 0) {
      EXPECT_EQ(b.node, 0);
      scratch += b.bytes;
    }
  }
  EXPECT_EQ(scratch, 4096u);
  // Input, output and scratch are all live during op 0.
  EXPECT_EQ(interp->arena_lower_bound(), 3u * 4096u);

  // Room for the two tensors but not for the scratch as well.
  InterpreterOptions options;
  options.max_arena_bytes = 2 * 4096 + 64;
  Status s = testing::MakeInterpreter(MeanWithScratch(), &interp, options);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.message().find(
                "(lower bound 12288), more than the limit of 8256 bytes"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
