// RANK: the number of dimensions as an int32 scalar.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel RankModel(TensorSpec in, DataType out_type = DataType::kInt32) {
  return OpModel(tfl::BuiltinOperator::RANK, 1, {std::move(in)},
                 {Var("r", out_type, {})});
}

TEST(RankOp, CountsDimensions) {
  OpResult r = RunOp(RankModel(Var("x", DataType::kUInt8, {2, 1, 3})),
                     {std::vector<uint8_t>(6)});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0].rank, 0);
  EXPECT_EQ(r.Out<int32_t>(), (std::vector<int32_t>{3}));
  OpResult s = RunOp(RankModel(Var("x", DataType::kFloat32, {})),
                     {std::vector<uint8_t>(4)});
  ASSERT_TRUE(s.status.ok()) << s.status.message();
  EXPECT_EQ(s.Out<int32_t>(), (std::vector<int32_t>{0}));
}

TEST(RankOp, RejectsNonInt32Output) {
  EXPECT_TRUE(Fails(
      RunOp(RankModel(Var("x", DataType::kFloat32, {2}), DataType::kInt64))
          .status,
      StatusCode::kInvalidModel,
      "op 0 (RANK v1): output 0 (tensor 1 'r'): must be int32, got int64"));
}

}  // namespace
}  // namespace edgelite
