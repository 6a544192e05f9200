// REVERSE_SEQUENCE: per-batch prefix reversal along seq_dim (both orders of
// the two dims), lengths 0/1/full, a too-long length at Eval, refusals.
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

std::vector<uint8_t> Model(DataType type, std::vector<int32_t> shape,
                           int32_t n_lens, int seq_dim, int batch_dim) {
  SingleOpModel m;
  m.inputs = {Var("x", type, shape), Var("lens", DataType::kInt32, {n_lens})};
  m.outputs = {Var("y", type, shape)};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::REVERSE_SEQUENCE);
  m.op.options_type = tfl::BuiltinOptions::ReverseSequenceOptions;
  m.op.options = [seq_dim, batch_dim](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateReverseSequenceOptions(fbb, seq_dim, batch_dim).Union();
  };
  return m.Build();
}

template <typename T>
Status RunOp(const std::vector<uint8_t>& model, const std::vector<T>& x,
             const std::vector<int32_t>& lens, std::vector<T>* y) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp);
  if (!s.ok()) return s;
  testing::SetInput(interp.get(), 0, x);
  testing::SetInput(interp.get(), 1, lens);
  s = interp->Invoke();
  *y = testing::GetOutput<T>(*interp, 0);
  return s;
}

// [3 batches, 4 steps]: lengths 4, 2, 0.
TEST(ReverseSequenceTest, BatchDimZeroSeqDimOne) {
  std::vector<float> y;
  ASSERT_TRUE(RunOp<float>(Model(DataType::kFloat32, {3, 4}, 3, 1, 0),
                           {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {4, 2, 0},
                           &y)
                  .ok());
  EXPECT_EQ(y, (std::vector<float>{4, 3, 2, 1, 6, 5, 7, 8, 9, 10, 11, 12}));
}

// [3 steps, 2 batches, 1]: seq_dim 0, batch_dim 1; lengths 3 and 1.
TEST(ReverseSequenceTest, SeqDimBeforeBatchDim) {
  std::vector<int32_t> y;
  ASSERT_TRUE(RunOp<int32_t>(Model(DataType::kInt32, {3, 2, 1}, 2, 0, 1),
                             {1, 10, 2, 20, 3, 30}, {3, 1}, &y)
                  .ok());
  EXPECT_EQ(y, (std::vector<int32_t>{3, 10, 2, 20, 1, 30}));
}

TEST(ReverseSequenceTest, TooLongLengthFailsEval) {
  std::vector<float> y;
  const Status s = RunOp<float>(Model(DataType::kFloat32, {2, 2}, 2, 1, 0),
                                {1, 2, 3, 4}, {2, 3}, &y);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("seq_lengths[1] = 3 exceeds the seq_dim size 2"),
            std::string::npos)
      << s.message();
}

TEST(ReverseSequenceTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Model(DataType::kFloat32, {2, 5, 3}, 2, 1, 0), &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(ReverseSequenceTest, RejectsSameDims) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(DataType::kFloat32, {2, 2}, 2, 1, 1), &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("seq_dim 1 and batch_dim 1 must be different "
                             "dimensions in [0, 2)"),
            std::string::npos)
      << s.message();
}

TEST(ReverseSequenceTest, RejectsInt8) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(DataType::kInt8, {2, 2}, 2, 1, 0), &interp);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
}

}  // namespace
}  // namespace edgelite
