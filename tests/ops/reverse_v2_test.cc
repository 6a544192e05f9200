// REVERSE_V2: one or several axes, negative axes, axes known only at run
// time.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel ReverseModel(TensorSpec axes) {
  return OpModel(tfl::BuiltinOperator::REVERSE_V2, 1,
                 {Var("x", DataType::kFloat32, {2, 3}), std::move(axes)},
                 {Var("y", DataType::kFloat32, {2, 3})});
}

TensorSpec Axes(std::vector<int32_t> a) {
  return Const("axes", DataType::kInt32, {static_cast<int32_t>(a.size())}, a);
}

std::vector<float> Reverse(const SingleOpModel& m,
                           std::vector<std::vector<uint8_t>> extra = {}) {
  std::vector<std::vector<uint8_t>> in = {Bytes(Iota(6))};
  in.insert(in.end(), extra.begin(), extra.end());
  OpResult r = RunOp(m, in);
  EXPECT_TRUE(r.status.ok()) << r.status.message();
  return r.status.ok() ? r.Out<float>() : std::vector<float>{};
}

TEST(ReverseV2Op, SingleAxes) {
  // x = [[0,1,2],[3,4,5]].
  EXPECT_EQ(Reverse(ReverseModel(Axes({1}))),
            (std::vector<float>{2, 1, 0, 5, 4, 3}));
  EXPECT_EQ(Reverse(ReverseModel(Axes({-2}))),
            (std::vector<float>{3, 4, 5, 0, 1, 2}));
}

TEST(ReverseV2Op, BothAxesInt64) {
  EXPECT_EQ(Reverse(ReverseModel(Const("axes", DataType::kInt64, {2},
                                       std::vector<int64_t>{0, 1}))),
            (std::vector<float>{5, 4, 3, 2, 1, 0}));
}

TEST(ReverseV2Op, RunTimeAxes) {
  SingleOpModel m = ReverseModel(Var("axes", DataType::kInt32, {1}));
  EXPECT_EQ(Reverse(m, {Bytes(std::vector<int32_t>{0})}),
            (std::vector<float>{3, 4, 5, 0, 1, 2}));
  EXPECT_TRUE(
      Fails(RunOp(m, {Bytes(Iota(6)), Bytes(std::vector<int32_t>{2})}).status,
            StatusCode::kInvalidArgument,
            "op 0 (REVERSE_V2 v1): input 1 (tensor 1 'axes'): axis 2 is out of "
            "range or repeated for input shape [2, 3]"));
}

TEST(ReverseV2Op, Rejections) {
  EXPECT_TRUE(Fails(RunOp(ReverseModel(Axes({1, -1}))).status,
                    StatusCode::kInvalidModel,
                    "op 0 (REVERSE_V2 v1): input 1 (tensor 1 'axes'): axis -1 "
                    "is out of range or repeated for input shape [2, 3]"));
  EXPECT_TRUE(Fails(RunOp(ReverseModel(Axes({0, 1, 0}))).status,
                    StatusCode::kInvalidModel,
                    "must be a vector of at most 2 axes, got shape [3]"));
}

}  // namespace
}  // namespace edgelite
