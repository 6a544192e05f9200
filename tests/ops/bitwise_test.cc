// RIGHT_SHIFT, BITWISE_XOR and BROADCAST_ARGS: hand-computed values,
// clamped shifts, broadcasting, refusals.
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

std::vector<uint8_t> Model(tfl::BuiltinOperator op, DataType type,
                           std::vector<int32_t> a, std::vector<int32_t> b,
                           std::vector<int32_t> out) {
  SingleOpModel m;
  m.inputs = {Var("a", type, a), Var("b", type, b)};
  m.outputs = {Var("y", type, out)};
  m.op.builtin_code = static_cast<int32_t>(op);
  return m.Build();
}

template <typename T>
std::vector<T> RunOp(const std::vector<uint8_t>& model, const std::vector<T>& a,
                     const std::vector<T>& b, Status* status = nullptr) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, a);
  testing::SetInput(interp.get(), 1, b);
  s = interp->Invoke();
  if (status)
    *status = s;
  else
    EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<T>(*interp, 0);
}

// -8 >> 1 = -4 (arithmetic), 100 >> -3 = 100 (clamped to 0),
// -128 >> 9 = -1 (clamped to 7), 127 >> 7 = 0.
TEST(RightShiftTest, Int8Clamps) {
  EXPECT_EQ(RunOp<int8_t>(Model(tfl::BuiltinOperator::RIGHT_SHIFT,
                                DataType::kInt8, {4}, {4}, {4}),
                          {-8, 100, -128, 127}, {1, -3, 9, 7}),
            (std::vector<int8_t>{-4, 100, -1, 0}));
}

// uint8 200 >> [1, 2, 8] broadcast: 100, 50, 1 (8 clamps to 7).
TEST(RightShiftTest, UInt8Broadcast) {
  EXPECT_EQ(RunOp<uint8_t>(Model(tfl::BuiltinOperator::RIGHT_SHIFT,
                                 DataType::kUInt8, {1}, {3}, {3}),
                           {200}, {1, 2, 8}),
            (std::vector<uint8_t>{100, 50, 1}));
}

// [2, 1] ^ [3]: rows 5 ^ [1, 2, 3] = 4, 7, 6 and -1 ^ [1, 2, 3] = -2, -3, -4.
TEST(BitwiseXorTest, Int32Broadcast2D) {
  std::unique_ptr<Interpreter> interp;
  const auto y = RunOp<int32_t>(Model(tfl::BuiltinOperator::BITWISE_XOR,
                                      DataType::kInt32, {2, 1}, {3}, {2, 3}),
                                {5, -1}, {1, 2, 3});
  EXPECT_EQ(y, (std::vector<int32_t>{4, 7, 6, -2, -3, -4}));
}

TEST(BitwiseXorTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Model(tfl::BuiltinOperator::BITWISE_XOR, DataType::kInt16,
                        {2, 1, 3}, {4, 1}, {2, 4, 3}),
                  &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(BitwiseXorTest, RejectsFloat) {
  std::unique_ptr<Interpreter> interp;
  const Status s =
      testing::MakeInterpreter(Model(tfl::BuiltinOperator::BITWISE_XOR,
                                     DataType::kFloat32, {2}, {2}, {2}),
                               &interp);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("type float32 is not supported (int8, uint8, "
                             "int16, int32)"),
            std::string::npos)
      << s.message();
}

TEST(RightShiftTest, RejectsRank5Broadcast) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(tfl::BuiltinOperator::RIGHT_SHIFT, DataType::kInt32,
            {2, 1, 1, 1, 2}, {2}, {2, 1, 1, 1, 2}),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
}

// [2, 1, 3] with [4, 1] -> [2, 4, 3]; [3] with [2] fails.
TEST(BroadcastArgsTest, Shapes) {
  const auto m = Model(tfl::BuiltinOperator::BROADCAST_ARGS, DataType::kInt32,
                       {3}, {2}, {3});
  EXPECT_EQ(RunOp<int32_t>(m, {2, 1, 3}, {4, 1}),
            (std::vector<int32_t>{2, 4, 3}));
  Status s;
  RunOp<int32_t>(m, {2, 1, 3}, {4, 2}, &s);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("shapes do not broadcast: dimension 2 is 3 and 2"),
            std::string::npos)
      << s.message();
}

TEST(BroadcastArgsTest, Int64) {
  EXPECT_EQ(RunOp<int64_t>(Model(tfl::BuiltinOperator::BROADCAST_ARGS,
                                 DataType::kInt64, {1}, {2}, {2}),
                           {5}, {1, 1}),
            (std::vector<int64_t>{1, 5}));
}

}  // namespace
}  // namespace edgelite
