// EMBEDDING_LOOKUP: row copies for float/int8, the hybrid int8 -> float
// dequantization, out-of-range ids at Eval, refusals.
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

template <typename T>
TensorSpec Const(TensorSpec s, const std::vector<T>& v) {
  s.data = testing::Bytes(v);
  return s;
}

std::vector<uint8_t> Model(TensorSpec value, TensorSpec out, int32_t n_ids) {
  SingleOpModel m;
  m.inputs = {Var("ids", DataType::kInt32, {n_ids}), std::move(value)};
  m.outputs = {std::move(out)};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::EMBEDDING_LOOKUP);
  return m.Build();
}

// Table [3, 2, 2] holding 0..11: row r is 4r .. 4r+3.
TEST(EmbeddingLookupTest, FloatRowsRepeatAndReorder) {
  std::vector<float> table(12);
  for (int i = 0; i < 12; ++i) table[i] = static_cast<float>(i);
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Model(Const(Var("v", DataType::kFloat32, {3, 2, 2}), table),
                        Var("y", DataType::kFloat32, {3, 2, 2}), 3),
                  &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<int32_t>{2, 0, 2});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11}));
  EXPECT_EQ(interp->output(0)->shape, Shape({3, 2, 2}));
}

TEST(EmbeddingLookupTest, Int8CopiesBytes) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Model(Const(Var("v", DataType::kInt8, {2, 3}, {0.5f}, {1}),
                              std::vector<int8_t>{-128, 0, 127, 5, 6, 7}),
                        Var("y", DataType::kInt8, {1, 3}, {0.5f}, {1}), 1),
                  &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<int32_t>{0});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int8_t>(*interp, 0),
            (std::vector<int8_t>{-128, 0, 127}));
}

// Hybrid: q * 0.25 -> -32, 0.25, 31.75 (zero point ignored, as TFLite).
TEST(EmbeddingLookupTest, HybridDequantizes) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Model(Const(Var("v", DataType::kInt8, {2, 3}, {0.25f}, {0}),
                              std::vector<int8_t>{1, 2, 3, -128, 1, 127}),
                        Var("y", DataType::kFloat32, {1, 3}), 1),
                  &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<int32_t>{1});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{-32.0f, 0.25f, 31.75f}));
}

TEST(EmbeddingLookupTest, OutOfRangeIdFailsEval) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(Model(Const(Var("v", DataType::kFloat32, {2, 1}),
                                           std::vector<float>{1, 2}),
                                     Var("y", DataType::kFloat32, {2, 1}), 2),
                               &interp)
          .ok());
  testing::SetInput(interp.get(), 0, std::vector<int32_t>{1, 2});
  const Status s = interp->Invoke();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("id 2 (ids[1]) is out of range [0, 2)"),
            std::string::npos)
      << s.message();
  testing::SetInput(interp.get(), 0, std::vector<int32_t>{-1, 0});
  EXPECT_EQ(interp->Invoke().code(), StatusCode::kInvalidArgument);
}

TEST(EmbeddingLookupTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(Model(Const(Var("v", DataType::kFloat32, {4, 3}),
                                           std::vector<float>(12, 1.0f)),
                                     Var("y", DataType::kFloat32, {5, 3}), 5),
                               &interp)
          .ok());
  ASSERT_TRUE(interp->Invoke().ok());  // ids are zero
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(EmbeddingLookupTest, RejectsRankOneTable) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(Const(Var("v", DataType::kFloat32, {4}), std::vector<float>(4)),
            Var("y", DataType::kFloat32, {1}), 1),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
}

TEST(EmbeddingLookupTest, RejectsUInt8Hybrid) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(Const(Var("v", DataType::kUInt8, {2, 2}, {0.5f}, {0}),
                  std::vector<uint8_t>(4)),
            Var("y", DataType::kFloat32, {1, 2}), 1),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("a float32 output of a uint8 table is not "
                             "supported (same type, or int8 -> float32)"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
