// Prepare-time evaluation: nodes whose inputs are all constant run once in
// AllocateTensors(), their outputs become constants outside the arena, and
// Invoke() skips them.
#include <gtest/gtest.h>

#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

using testing::ModelBuilder;
using testing::OperatorSpec;

OperatorSpec Op(tfl::BuiltinOperator code, std::vector<int32_t> in,
                std::vector<int32_t> out) {
  OperatorSpec op;
  op.builtin_code = static_cast<int32_t>(code);
  op.inputs = std::move(in);
  op.outputs = std::move(out);
  return op;
}

// w = int8 [2,2] constant (scale 0.5) → DEQUANTIZE → RESHAPE [4] → wf;
// y = x + wf.
std::vector<uint8_t> FoldModel() {
  ModelBuilder b;
  const int w = b.AddConstant<int8_t>("w", DataType::kInt8, {2, 2},
                                      {2, -4, 6, 100}, {0.5f}, {0});
  const int wd = b.AddActivation("w_dequant", DataType::kFloat32, {2, 2});
  const int wf = b.AddActivation("w_flat", DataType::kFloat32, {4});
  const int x = b.AddActivation("x", DataType::kFloat32, {4});
  const int y = b.AddActivation("y", DataType::kFloat32, {4});
  b.AddOperator(Op(tfl::BuiltinOperator::DEQUANTIZE, {w}, {wd}));
  OperatorSpec reshape = Op(tfl::BuiltinOperator::RESHAPE, {wd}, {wf});
  reshape.options_type = tfl::BuiltinOptions::ReshapeOptions;
  reshape.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateReshapeOptions(fbb, fbb.CreateVector<int32_t>({4}))
        .Union();
  };
  b.AddOperator(reshape);
  b.AddOperator(Op(tfl::BuiltinOperator::ADD, {x, wf}, {y}));
  b.SetInputs({x});
  b.SetOutputs({y});
  return b.Build();
}

TEST(InterpreterFold, ConstantChainRunsOnceAtPrepare) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(FoldModel(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(interp->node_folded(0));
  EXPECT_TRUE(interp->node_folded(1));
  EXPECT_FALSE(interp->node_folded(2));
  EXPECT_EQ(interp->folded_bytes(), 32u);  // two float[4] tensors
  const Tensor* wf = interp->tensor(2);
  EXPECT_TRUE(wf->is_constant());
  // Only x and y are planned in the arena.
  for (const PlannedBuffer& b : interp->plan()) {
    EXPECT_TRUE(b.tensor == 3 || b.tensor == 4) << "tensor " << b.tensor;
  }
  testing::SetInput<float>(interp.get(), 0, {1, 1, 1, 1});
  const int64_t before = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{2, -1, 4, 51}));
  // Planning again folds again, with the same result.
  ASSERT_TRUE(interp->AllocateTensors().ok());
  EXPECT_EQ(interp->folded_bytes(), 32u);
  testing::SetInput<float>(interp.get(), 0, {0, 0, 0, 0});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{1, -2, 3, 50}));
}

TEST(InterpreterFold, FoldedBytesCountAgainstTheArenaLimit) {
  InterpreterOptions options;
  options.max_arena_bytes =
      20;  // the first folded tensor (16 B) fits, not both
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(FoldModel(), &interp, options);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(),
            "op 1 (RESHAPE v1): evaluating it at prepare time (all its inputs "
            "are constant) needs 16 bytes; with 16 already folded that exceeds "
            "the arena limit of 20 bytes");
}

// SHAPE reads only its input's shape, so it folds even when the input is the
// model input; what it feeds (here RESHAPE's shape) becomes a constant.
TEST(InterpreterFold, ShapeOfTheModelInputFolds) {
  ModelBuilder b;
  const int x = b.AddActivation("x", DataType::kFloat32, {2, 3});
  const int shape = b.AddActivation("shape", DataType::kInt32, {2});
  const int y = b.AddActivation("y", DataType::kFloat32, {2, 3});
  b.AddOperator(Op(tfl::BuiltinOperator::SHAPE, {x}, {shape}));
  b.AddOperator(Op(tfl::BuiltinOperator::RESHAPE, {x, shape}, {y}));
  b.SetInputs({x});
  b.SetOutputs({y});
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(b.Build(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(interp->node_folded(0));
  EXPECT_FALSE(interp->node_folded(1));
  EXPECT_TRUE(interp->tensor(shape)->is_constant());
  EXPECT_EQ(interp->tensor(shape)->Data<int32_t>()[1], 3);
  testing::SetInput<float>(interp.get(), 0, {1, 2, 3, 4, 5, 6});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(interp->output(0)->shape, Shape({2, 3}));
}

}  // namespace
}  // namespace edgelite
