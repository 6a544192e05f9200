// SCATTER_ND: element and slice scatters, duplicate indices adding up,
// out-of-output indices at Eval, refusals.
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

std::vector<uint8_t> Model(DataType type, std::vector<int32_t> indices,
                           std::vector<int32_t> updates,
                           std::vector<int32_t> shape,
                           bool shape_const = true) {
  SingleOpModel m;
  TensorSpec sh =
      Var("shape", DataType::kInt32, {static_cast<int32_t>(shape.size())});
  if (shape_const) sh.data = testing::Bytes(shape);
  m.inputs = {Var("indices", DataType::kInt32, indices),
              Var("updates", type, updates), sh};
  m.outputs = {Var("y", type, shape)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::SCATTER_ND);
  return m.Build();
}

template <typename T>
Status RunOp(const std::vector<uint8_t>& model, const std::vector<int32_t>& idx,
             const std::vector<T>& upd, std::vector<T>* y) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp);
  if (!s.ok()) return s;
  testing::SetInput(interp.get(), 0, idx);
  testing::SetInput(interp.get(), 1, upd);
  s = interp->Invoke();
  *y = testing::GetOutput<T>(*interp, 0);
  return s;
}

// Elements into [5]: index 1 gets 10 + 30 (duplicate), index 4 gets 20.
TEST(ScatterNdTest, ElementsWithDuplicates) {
  std::vector<float> y;
  ASSERT_TRUE(RunOp<float>(Model(DataType::kFloat32, {3, 1}, {3}, {5}),
                           {1, 4, 1}, {10, 20, 30}, &y)
                  .ok());
  EXPECT_EQ(y, (std::vector<float>{0, 40, 0, 0, 20}));
}

// Rows into [3, 2]: row 2 <- [1, 2], row 0 <- [3, 4].
TEST(ScatterNdTest, RowSlices) {
  std::vector<int32_t> y;
  ASSERT_TRUE(RunOp<int32_t>(Model(DataType::kInt32, {2, 1}, {2, 2}, {3, 2}),
                             {2, 0}, {1, 2, 3, 4}, &y)
                  .ok());
  EXPECT_EQ(y, (std::vector<int32_t>{3, 4, 0, 0, 1, 2}));
}

// int8 sums wrap: 100 + 100 = -56.
TEST(ScatterNdTest, Int8Wraps) {
  std::vector<int8_t> y;
  ASSERT_TRUE(RunOp<int8_t>(Model(DataType::kInt8, {2, 2}, {2}, {2, 2}),
                            {1, 1, 1, 1}, {100, 100}, &y)
                  .ok());
  EXPECT_EQ(y, (std::vector<int8_t>{0, 0, 0, -56}));
}

TEST(ScatterNdTest, OutsideOutputFailsEval) {
  std::vector<float> y;
  const Status s = RunOp<float>(
      Model(DataType::kFloat32, {1, 1}, {1, 2}, {2, 2}), {2}, {1, 2}, &y);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("index 4 (slice 0) lands outside the output"),
            std::string::npos)
      << s.message();
}

TEST(ScatterNdTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Model(DataType::kFloat32, {2, 1}, {2, 3}, {4, 3}), &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());  // indices 0, 0
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(ScatterNdTest, RejectsNonConstantShape) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(DataType::kFloat32, {1, 1}, {1}, {2}, false), &interp);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("input 2 (tensor 2 'shape'): a non-constant shape "
                             "tensor is not supported; edgelite plans memory "
                             "before Invoke"),
            std::string::npos)
      << s.message();
}

TEST(ScatterNdTest, RejectsMismatchedUpdates) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(DataType::kFloat32, {2, 1}, {2, 3}, {4, 2}), &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
}

}  // namespace
}  // namespace edgelite
