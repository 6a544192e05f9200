// SLICE: constant and run-time begin, size -1, and the out-of-range cases.
#include <gtest/gtest.h>

#include <climits>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel SliceModel(TensorSpec in, TensorSpec begin, TensorSpec size,
                         std::vector<int32_t> out_shape) {
  const DataType type = in.type;
  return OpModel(tfl::BuiltinOperator::SLICE, 1,
                 {std::move(in), std::move(begin), std::move(size)},
                 {Var("y", type, std::move(out_shape))});
}

TensorSpec I32(const std::string& name, std::vector<int32_t> v) {
  return Const(name, DataType::kInt32, {static_cast<int32_t>(v.size())}, v);
}

TEST(SliceOp, BoxWithSizeToTheEnd) {
  // x[3,4] = 0..11; rows 1..2, columns 1..3.
  OpResult r =
      RunOp(SliceModel(Var("x", DataType::kFloat32, {3, 4}),
                       I32("begin", {1, 1}), I32("size", {2, -1}), {2, 3}),
            {Bytes(Iota(12))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({2, 3}));
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{5, 6, 7, 9, 10, 11}));
}

TEST(SliceOp, Int64IndicesRank5) {
  // x[1,2,1,2,3] = 0..11; keep index 1 of axis 1 and columns 1..2.
  OpResult r =
      RunOp(SliceModel(Var("x", DataType::kInt8, {1, 2, 1, 2, 3}),
                       Const("begin", DataType::kInt64, {5},
                             std::vector<int64_t>{0, 1, 0, 0, 1}),
                       Const("size", DataType::kInt64, {5},
                             std::vector<int64_t>{1, 1, 1, 2, 2}),
                       {1, 1, 1, 2, 2}),
            {Bytes(std::vector<int8_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int8_t>(), (std::vector<int8_t>{7, 8, 10, 11}));
}

TEST(SliceOp, RunTimeBegin) {
  SingleOpModel m =
      SliceModel(Var("x", DataType::kInt32, {5}),
                 Var("begin", DataType::kInt32, {1}), I32("size", {2}), {2});
  std::vector<int32_t> x = {10, 11, 12, 13, 14};
  OpResult r = RunOp(m, {Bytes(x), Bytes(std::vector<int32_t>{3})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int32_t>(), (std::vector<int32_t>{13, 14}));
  EXPECT_TRUE(Fails(RunOp(m, {Bytes(x), Bytes(std::vector<int32_t>{4})}).status,
                    StatusCode::kInvalidArgument,
                    "op 0 (SLICE v1): input 1 (tensor 1 'begin'): begin[0] = 4 "
                    "puts the slice of size 2 outside dimension 0 of the input "
                    "(size 5)"));
  EXPECT_TRUE(
      Fails(RunOp(m, {Bytes(x), Bytes(std::vector<int32_t>{-1})}).status,
            StatusCode::kInvalidArgument, "begin[0] = -1 puts the slice"));
}

TEST(SliceOp, Rejections) {
  EXPECT_TRUE(
      Fails(RunOp(SliceModel(Var("x", DataType::kFloat32, {3, 4}),
                             I32("begin", {1, 3}), I32("size", {2, 2}), {2, 2}))
                .status,
            StatusCode::kInvalidModel,
            "op 0 (SLICE v1): begin [1, 3] and size [2, 2] do not fit "
            "input shape [3, 4]"));
  EXPECT_TRUE(Fails(
      RunOp(SliceModel(Var("x", DataType::kFloat32, {3, 4}),
                       I32("begin", {-1, 0}), I32("size", {1, 1}), {1, 1}))
          .status,
      StatusCode::kInvalidModel, "begin [-1, 0] and size"));
  // A huge int64 begin must not wrap around when added to the size.
  EXPECT_TRUE(Fails(RunOp(SliceModel(Var("x", DataType::kFloat32, {3}),
                                     Const("begin", DataType::kInt64, {1},
                                           std::vector<int64_t>{INT64_MAX}),
                                     Const("size", DataType::kInt64, {1},
                                           std::vector<int64_t>{2}),
                                     {2}))
                        .status,
                    StatusCode::kInvalidModel, "do not fit input shape [3]"));
  EXPECT_TRUE(Fails(RunOp(SliceModel(Var("x", DataType::kFloat32, {3, 4}),
                                     Var("begin", DataType::kInt32, {2}),
                                     I32("size", {1, -1}), {1, 4}))
                        .status,
                    StatusCode::kUnsupported,
                    "op 0 (SLICE v1): input 1 (tensor 1 'begin'): a "
                    "non-constant begin tensor with size -1 is not supported"));
  EXPECT_TRUE(Fails(RunOp(SliceModel(Var("x", DataType::kFloat32, {3, 4}),
                                     I32("begin", {0}), I32("size", {1}), {1}))
                        .status,
                    StatusCode::kInvalidModel,
                    "input 1 (tensor 1 'begin'): must be a vector of 2 values "
                    "(the input's rank), got shape [1]"));
}

}  // namespace
}  // namespace edgelite
