// LOGICAL_AND and LOGICAL_OR (one implementation): bool inputs with
// broadcasting; any non-zero byte counts as true.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel Logical(tfl::BuiltinOperator op, std::vector<int32_t> a,
                      std::vector<int32_t> b, std::vector<int32_t> out,
                      DataType type = DataType::kBool) {
  return OpModel(op, 1, {Var("a", type, a), Var("b", type, b)},
                 {Var("y", type, out)});
}

TEST(LogicalOp, AndOrBroadcast) {
  // a [2, 1] = [1, 0], b [2] = [1, 0].
  EXPECT_EQ((Run2<uint8_t, uint8_t>(
                Logical(tfl::BuiltinOperator::LOGICAL_AND, {2, 1}, {2}, {2, 2}),
                {1, 0}, {1, 0})),
            B({1, 0, 0, 0}));
  EXPECT_EQ((Run2<uint8_t, uint8_t>(
                Logical(tfl::BuiltinOperator::LOGICAL_OR, {2, 1}, {2}, {2, 2}),
                {1, 0}, {1, 0})),
            B({1, 1, 1, 0}));
}

TEST(LogicalOp, NonZeroBytesAreTrue) {
  EXPECT_EQ((Run2<uint8_t, uint8_t>(
                Logical(tfl::BuiltinOperator::LOGICAL_AND, {3}, {3}, {3}),
                {2, 255, 0}, {7, 1, 9})),
            B({1, 1, 0}));
}

TEST(LogicalOp, RejectsNonBool) {
  ExpectPrepareError(
      Logical(tfl::BuiltinOperator::LOGICAL_OR, {2}, {2}, {2},
              DataType::kInt32),
      StatusCode::kInvalidModel,
      "input 0 (tensor 0 'a'): LOGICAL_OR needs bool inputs, got "
      "int32");
}

TEST(LogicalOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      Logical(tfl::BuiltinOperator::LOGICAL_AND, {4, 1}, {3}, {4, 3}));
}

}  // namespace
}  // namespace edgelite
