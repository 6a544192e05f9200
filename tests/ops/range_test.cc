// RANGE: int32/int64/float32, negative deltas, float accumulation.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

template <typename T>
SingleOpModel RangeModel(DataType type, T start, T limit, T delta, int32_t n) {
  return OpModel(tfl::BuiltinOperator::RANGE, 1,
                 {Const("start", type, {}, std::vector<T>{start}),
                  Const("limit", type, {}, std::vector<T>{limit}),
                  Const("delta", type, {}, std::vector<T>{delta})},
                 {Var("y", type, {n})});
}

TEST(RangeOp, Int32UpAndDown) {
  OpResult up = RunOp(RangeModel<int32_t>(DataType::kInt32, 0, 10, 3, 4));
  ASSERT_TRUE(up.status.ok()) << up.status.message();
  EXPECT_EQ(up.Out<int32_t>(), (std::vector<int32_t>{0, 3, 6, 9}));
  OpResult down = RunOp(RangeModel<int32_t>(DataType::kInt32, 5, -1, -2, 3));
  ASSERT_TRUE(down.status.ok()) << down.status.message();
  EXPECT_EQ(down.Out<int32_t>(), (std::vector<int32_t>{5, 3, 1}));
  OpResult empty = RunOp(RangeModel<int32_t>(DataType::kInt32, 4, 4, 1, 0));
  ASSERT_TRUE(empty.status.ok()) << empty.status.message();
  EXPECT_EQ(empty.shapes[0], Shape({0}));
}

TEST(RangeOp, Int64NearTheLimits) {
  // Size ceil((2^62 - (2^62 - 5)) / 2) = 3; values must not overflow.
  const int64_t top = int64_t{1} << 62;
  OpResult r = RunOp(RangeModel<int64_t>(DataType::kInt64, top - 5, top, 2, 3));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int64_t>(),
            (std::vector<int64_t>{top - 5, top - 3, top - 1}));
}

TEST(RangeOp, FloatAccumulates) {
  // Size ceil(|1 - 0| / 0.25) = 4, exact values.
  OpResult q = RunOp(RangeModel<float>(DataType::kFloat32, 0, 1, 0.25f, 4));
  ASSERT_TRUE(q.status.ok()) << q.status.message();
  EXPECT_EQ(q.Out<float>(), (std::vector<float>{0, 0.25f, 0.5f, 0.75f}));
  // 0.1 steps up to 0.75: 8 elements; element i is the float sum of i deltas
  // (TFLite adds), which from i = 7 on differs from 0.1f * i (0.700000048
  // against 0.699999988).
  OpResult t = RunOp(RangeModel<float>(DataType::kFloat32, 0, 0.75f, 0.1f, 8));
  ASSERT_TRUE(t.status.ok()) << t.status.message();
  ASSERT_EQ(t.shapes[0], Shape({8}));
  std::vector<float> want(8);
  float v = 0;
  for (float& w : want) {
    w = v;
    v += 0.1f;
  }
  EXPECT_EQ(t.Out<float>(), want);
  EXPECT_NE(want[7], 0.1f * 7);
}

TEST(RangeOp, Rejections) {
  EXPECT_TRUE(
      Fails(RunOp(RangeModel<int32_t>(DataType::kInt32, 0, 5, 0, 1)).status,
            StatusCode::kInvalidModel,
            "op 0 (RANGE v1): start, limit and delta do not describe a "
            "range"));
  EXPECT_TRUE(
      Fails(RunOp(RangeModel<int32_t>(DataType::kInt32, 0, 5, -1, 1)).status,
            StatusCode::kInvalidModel, "do not describe a range"));
  SingleOpModel m = RangeModel<int32_t>(DataType::kInt32, 0, 5, 1, 5);
  m.inputs[1] = Var("limit", DataType::kInt32, {});
  EXPECT_TRUE(Fails(RunOp(m).status, StatusCode::kUnsupported,
                    "input 1 (tensor 1 'limit'): a non-constant start, limit "
                    "or delta is not supported"));
  m = RangeModel<int32_t>(DataType::kInt32, 0, 5, 1, 5);
  m.inputs[2] = Const("delta", DataType::kInt64, {}, std::vector<int64_t>{1});
  EXPECT_TRUE(Fails(RunOp(m).status, StatusCode::kInvalidModel,
                    "input 2 (tensor 2 'delta'): expected type int32, got "
                    "int64"));
}

}  // namespace
}  // namespace edgelite
