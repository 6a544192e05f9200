// TILE: repetitions along every axis, zero multiples.
#include <gtest/gtest.h>

#include <climits>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel TileModel(TensorSpec in, TensorSpec mult,
                        std::vector<int32_t> out_shape) {
  const DataType type = in.type;
  return OpModel(tfl::BuiltinOperator::TILE, 1,
                 {std::move(in), std::move(mult)},
                 {Var("y", type, std::move(out_shape))});
}

TEST(TileOp, BothAxes) {
  // x = [[0,1],[2,3]] tiled 2 × 3.
  OpResult r = RunOp(
      TileModel(Var("x", DataType::kFloat32, {2, 2}),
                Const("m", DataType::kInt32, {2}, std::vector<int32_t>{2, 3}),
                {4, 6}),
      {Bytes(Iota(4))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({4, 6}));
  std::vector<float> row0 = {0, 1, 0, 1, 0, 1}, row1 = {2, 3, 2, 3, 2, 3};
  std::vector<float> want;
  for (int k = 0; k < 2; ++k) {
    want.insert(want.end(), row0.begin(), row0.end());
    want.insert(want.end(), row1.begin(), row1.end());
  }
  EXPECT_EQ(r.Out<float>(), want);
}

TEST(TileOp, Int64MultiplesOnUInt8AndZero) {
  OpResult r = RunOp(
      TileModel(Var("x", DataType::kUInt8, {1, 3}),
                Const("m", DataType::kInt64, {2}, std::vector<int64_t>{2, 1}),
                {2, 3}),
      {std::vector<uint8_t>{7, 8, 9}});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<uint8_t>(), (std::vector<uint8_t>{7, 8, 9, 7, 8, 9}));
  OpResult z = RunOp(
      TileModel(Var("x", DataType::kUInt8, {1, 3}),
                Const("m", DataType::kInt32, {2}, std::vector<int32_t>{0, 2}),
                {0, 6}),
      {std::vector<uint8_t>{7, 8, 9}});
  ASSERT_TRUE(z.status.ok()) << z.status.message();
  EXPECT_EQ(z.shapes[0], Shape({0, 6}));
}

TEST(TileOp, Rejections) {
  EXPECT_TRUE(Fails(RunOp(TileModel(Var("x", DataType::kFloat32, {2, 2}),
                                    Const("m", DataType::kInt32, {2},
                                          std::vector<int32_t>{1, -1}),
                                    {2, 2}))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (TILE v1): input 1 (tensor 1 'm'): multiples [1, -1] "
                    "must be 2 non-negative values for input shape [2, 2]"));
  EXPECT_TRUE(Fails(RunOp(TileModel(Var("x", DataType::kFloat32, {2, 2}),
                                    Const("m", DataType::kInt32, {1},
                                          std::vector<int32_t>{2}),
                                    {4, 2}))
                        .status,
                    StatusCode::kInvalidModel, "multiples [2] must be 2"));
  EXPECT_TRUE(Fails(RunOp(TileModel(Var("x", DataType::kFloat32, {2}),
                                    Const("m", DataType::kInt64, {1},
                                          std::vector<int64_t>{INT64_MAX}),
                                    {2}))
                        .status,
                    StatusCode::kInvalidModel, "must be 1 non-negative"));
}

}  // namespace
}  // namespace edgelite
