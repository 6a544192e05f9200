// MATRIX_DIAG and MATRIX_SET_DIAG: batched, non-square, int8 bytes, refusals.
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

std::vector<uint8_t> DiagModel(DataType type, std::vector<int32_t> in,
                               std::vector<int32_t> out) {
  SingleOpModel m;
  m.inputs = {Var("x", type, in)};
  m.outputs = {Var("y", type, out)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::MATRIX_DIAG);
  return m.Build();
}

std::vector<uint8_t> SetDiagModel(DataType type, std::vector<int32_t> in,
                                  std::vector<int32_t> diag) {
  SingleOpModel m;
  m.inputs = {Var("x", type, in), Var("d", type, diag)};
  m.outputs = {Var("y", type, in)};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::MATRIX_SET_DIAG);
  return m.Build();
}

// Two batches of [1, 2] and [3, 4] -> [[1,0],[0,2]], [[3,0],[0,4]].
TEST(MatrixDiagTest, Batched) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  DiagModel(DataType::kFloat32, {2, 2}, {2, 2, 2}), &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<float>{1, 2, 3, 4});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{1, 0, 0, 2, 3, 0, 0, 4}));
  const int64_t before = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(MatrixDiagTest, Int8ZerosAreZeroBytes) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(DiagModel(DataType::kInt8, {3}, {3, 3}), &interp)
          .ok());
  testing::SetInput(interp.get(), 0, std::vector<int8_t>{-1, 5, 127});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int8_t>(*interp, 0),
            (std::vector<int8_t>{-1, 0, 0, 0, 5, 0, 0, 0, 127}));
}

// [2, 3] input (wide): the diagonal has 2 elements.
TEST(MatrixSetDiagTest, WideMatrix) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  SetDiagModel(DataType::kInt32, {2, 3}, {2}), &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<int32_t>{1, 2, 3, 4, 5, 6});
  testing::SetInput(interp.get(), 1, std::vector<int32_t>{-1, -5});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0),
            (std::vector<int32_t>{-1, 2, 3, 4, -5, 6}));
}

// Two tall [3, 2] matrices.
TEST(MatrixSetDiagTest, BatchedTall) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  SetDiagModel(DataType::kFloat32, {2, 3, 2}, {2, 2}), &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<float>(12, 7.0f));
  testing::SetInput(interp.get(), 1, std::vector<float>{1, 2, 3, 4});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{1, 7, 7, 2, 7, 7, 3, 7, 7, 4, 7, 7}));
}

TEST(MatrixSetDiagTest, RejectsWrongDiagonalShape) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      SetDiagModel(DataType::kFloat32, {2, 3}, {3}), &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("diagonal must have shape [2] for an input of "
                             "[2, 3], got [3]"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
