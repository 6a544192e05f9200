// DYNAMIC_UPDATE_SLICE: in-range and clamped starts (negative and too large),
// int64 starts, refusals.
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

std::vector<uint8_t> Model(DataType type, std::vector<int32_t> operand,
                           std::vector<int32_t> update,
                           DataType start_type = DataType::kInt32) {
  SingleOpModel m;
  const int32_t rank = static_cast<int32_t>(operand.size());
  m.inputs = {Var("operand", type, operand), Var("update", type, update),
              Var("start", start_type, {rank})};
  m.outputs = {Var("y", type, operand)};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::DYNAMIC_UPDATE_SLICE);
  return m.Build();
}

template <typename T, typename S>
std::vector<T> RunOp(const std::vector<uint8_t>& model, const std::vector<T>& a,
                     const std::vector<T>& u, const std::vector<S>& start) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, a);
  testing::SetInput(interp.get(), 1, u);
  testing::SetInput(interp.get(), 2, start);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<T>(*interp, 0);
}

// 3x4 zeros, a 2x2 block of 1..4 at (1, 1).
TEST(DynamicUpdateSliceTest, FloatBlock) {
  const auto y =
      RunOp<float, int32_t>(Model(DataType::kFloat32, {3, 4}, {2, 2}),
                            std::vector<float>(12, 0.0f), {1, 2, 3, 4}, {1, 1});
  EXPECT_EQ(y, (std::vector<float>{0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0}));
}

// Starts (-5, 9) clamp to (0, 4 - 2 = 2).
TEST(DynamicUpdateSliceTest, StartsAreClamped) {
  const auto y =
      RunOp<int8_t, int32_t>(Model(DataType::kInt8, {2, 4}, {1, 2}),
                             std::vector<int8_t>(8, 0), {7, 8}, {-5, 9});
  EXPECT_EQ(y, (std::vector<int8_t>{0, 0, 7, 8, 0, 0, 0, 0}));
}

TEST(DynamicUpdateSliceTest, Int64Starts) {
  const auto y = RunOp<int32_t, int64_t>(
      Model(DataType::kInt32, {5}, {2}, DataType::kInt64), {1, 2, 3, 4, 5},
      {-1, -2}, {3});
  EXPECT_EQ(y, (std::vector<int32_t>{1, 2, 3, -1, -2}));
}

TEST(DynamicUpdateSliceTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Model(DataType::kFloat32, {2, 3, 4}, {1, 2, 2}), &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(DynamicUpdateSliceTest, RejectsOversizedUpdate) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(DataType::kFloat32, {2, 2}, {3, 1}), &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("input 1 (tensor 1 'update'): shape [3, 1] does "
                             "not fit into the operand's [2, 2]"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
