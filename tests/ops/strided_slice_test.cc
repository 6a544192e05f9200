// STRIDED_SLICE: every mask, negative strides, clamping, offset=true, and
// the configurations of dilated_conv.tflite.
#include <gtest/gtest.h>

#include <climits>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

struct Masks {
  int32_t begin = 0, end = 0, ellipsis = 0, new_axis = 0, shrink = 0;
  bool offset = false;
};

TensorSpec I32(const std::string& name, std::vector<int32_t> v) {
  return Const(name, DataType::kInt32, {static_cast<int32_t>(v.size())}, v);
}

SingleOpModel SsModel(TensorSpec in, TensorSpec begin, TensorSpec end,
                      TensorSpec strides, std::vector<int32_t> out_shape,
                      Masks m = {}) {
  const DataType type = in.type;
  return OpModel(
      tfl::BuiltinOperator::STRIDED_SLICE, 1,
      {std::move(in), std::move(begin), std::move(end), std::move(strides)},
      {Var("y", type, std::move(out_shape))},
      tfl::BuiltinOptions::StridedSliceOptions,
      [m](flatbuffers::FlatBufferBuilder& fbb) {
        return tfl::CreateStridedSliceOptions(fbb, m.begin, m.end, m.ellipsis,
                                              m.new_axis, m.shrink, m.offset)
            .Union();
      });
}

// Runs a float slice of 0..n-1 shaped `in_shape` with int32 index vectors.
OpResult Slice(std::vector<int32_t> in_shape, std::vector<int32_t> b,
               std::vector<int32_t> e, std::vector<int32_t> s, Masks m = {},
               std::vector<int32_t> out_shape = {}) {
  int n = 1;
  for (int32_t d : in_shape) n *= d;
  return RunOp(SsModel(Var("x", DataType::kFloat32, in_shape), I32("begin", b),
                       I32("end", e), I32("strides", s), out_shape, m),
               {Bytes(Iota(n))});
}

TEST(StridedSliceOp, DilatedConvConfigurations) {
  // strided_slice(shape, [1], [2], [1], shrink_axis_mask=1) on int32 [4].
  OpResult r =
      RunOp(SsModel(Var("shape", DataType::kInt32, {4}), I32("begin", {1}),
                    I32("end", {2}), I32("strides", {1}), {}, {0, 0, 0, 0, 1}),
            {Bytes(std::vector<int32_t>{1, 7, 9, 3})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0].rank, 0);
  EXPECT_EQ(r.Out<int32_t>(), (std::vector<int32_t>{7}));
  // begin_mask = end_mask = 2 on int32 [2,2]: [0:2, :] is everything.
  OpResult all =
      RunOp(SsModel(Var("p", DataType::kInt32, {2, 2}), I32("begin", {0, 0}),
                    I32("end", {2, 2}), I32("strides", {1, 1}), {2, 2}, {2, 2}),
            {Bytes(std::vector<int32_t>{0, 6, 0, 3})});
  ASSERT_TRUE(all.status.ok()) << all.status.message();
  EXPECT_EQ(all.Out<int32_t>(), (std::vector<int32_t>{0, 6, 0, 3}));
}

TEST(StridedSliceOp, StepsAndNegativeStrides) {
  OpResult odd = Slice({7}, {1}, {6}, {2});
  ASSERT_TRUE(odd.status.ok()) << odd.status.message();
  EXPECT_EQ(odd.Out<float>(), (std::vector<float>{1, 3, 5}));
  // [-1::-1] (end_mask) reverses; [3:0:-2] gives 3, 1.
  OpResult rev = Slice({5}, {-1}, {0}, {-1}, {0, 1});
  ASSERT_TRUE(rev.status.ok()) << rev.status.message();
  EXPECT_EQ(rev.Out<float>(), (std::vector<float>{4, 3, 2, 1, 0}));
  OpResult back = Slice({5}, {3}, {0}, {-2});
  ASSERT_TRUE(back.status.ok()) << back.status.message();
  EXPECT_EQ(back.Out<float>(), (std::vector<float>{3, 1}));
  // Rows reversed, columns every other one: x[3,4] = 0..11.
  OpResult both = Slice({3, 4}, {2, 0}, {-4, 4}, {-1, 2});
  ASSERT_TRUE(both.status.ok()) << both.status.message();
  EXPECT_EQ(both.shapes[0], Shape({3, 2}));
  EXPECT_EQ(both.Out<float>(), (std::vector<float>{8, 10, 4, 6, 0, 2}));
}

TEST(StridedSliceOp, ClampingAndEmpty) {
  // begin -100 clamps to 0, end 100 to 5.
  OpResult wide = Slice({5}, {-100}, {100}, {1});
  ASSERT_TRUE(wide.status.ok()) << wide.status.message();
  EXPECT_EQ(wide.Out<float>(), Iota(5));
  // start after end: no elements.
  OpResult none = Slice({5}, {3}, {1}, {1});
  ASSERT_TRUE(none.status.ok()) << none.status.message();
  EXPECT_EQ(none.shapes[0], Shape({0}));
  // Negative stride clamps the end to -1: [10:-100:-2] on 5 → 4, 2, 0.
  OpResult down = Slice({5}, {10}, {-100}, {-2});
  ASSERT_TRUE(down.status.ok()) << down.status.message();
  EXPECT_EQ(down.Out<float>(), (std::vector<float>{4, 2, 0}));
}

TEST(StridedSliceOp, ShrinkWithNegativeIndexAndImplicitAxes) {
  // x[3,4]: [-1] with shrink → the last row; the column axis is implicit.
  OpResult r = Slice({3, 4}, {-1}, {0}, {1}, {0, 0, 0, 0, 1});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({4}));
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{8, 9, 10, 11}));
  // Shrink with a negative stride takes the element at begin.
  OpResult s = Slice({3, 4}, {0, 2}, {3, 0}, {1, -1}, {0, 0, 0, 0, 2});
  ASSERT_TRUE(s.status.ok()) << s.status.message();
  EXPECT_EQ(s.Out<float>(), (std::vector<float>{2, 6, 10}));
}

TEST(StridedSliceOp, EllipsisAndNewAxis) {
  // x[2,3,4]; x[..., 1:3] → [2,3,2].
  OpResult e = Slice({2, 3, 4}, {0, 1}, {0, 3}, {1, 1}, {0, 0, 1});
  ASSERT_TRUE(e.status.ok()) << e.status.message();
  EXPECT_EQ(e.shapes[0], Shape({2, 3, 2}));
  EXPECT_EQ(e.Out<float>(),
            (std::vector<float>{1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22}));
  // x[3]; x[newaxis, :] → [1,3].
  OpResult n = Slice({3}, {0, 0}, {0, 0}, {1, 1}, {2, 2, 0, 1});
  ASSERT_TRUE(n.status.ok()) << n.status.message();
  EXPECT_EQ(n.shapes[0], Shape({1, 3}));
  EXPECT_EQ(n.Out<float>(), Iota(3));
  // x[2,3]; x[:, newaxis, 2] (shrink on the last) → [2,1].
  OpResult ns = Slice({2, 3}, {0, 0, 2}, {0, 0, 3}, {1, 1, 1}, {1, 1, 0, 2, 4});
  ASSERT_TRUE(ns.status.ok()) << ns.status.message();
  EXPECT_EQ(ns.shapes[0], Shape({2, 1}));
  EXPECT_EQ(ns.Out<float>(), (std::vector<float>{2, 5}));
}

TEST(StridedSliceOp, Rank6) {
  // x[2,1,1,1,1,3] = 0..5; [1:2, ..., ::-1] via full index vectors.
  OpResult r = Slice({2, 1, 1, 1, 1, 3}, {1, 0, 0, 0, 0, -1},
                     {2, 1, 1, 1, 1, -4}, {1, 1, 1, 1, 1, -1});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({1, 1, 1, 1, 1, 3}));
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{5, 4, 3}));
}

TEST(StridedSliceOp, OffsetWithConstantAndRunTimeBegin) {
  Masks off;
  off.offset = true;
  // end holds sizes: [2, +3) on [6].
  OpResult c = Slice({6}, {2}, {3}, {1}, off);
  ASSERT_TRUE(c.status.ok()) << c.status.message();
  EXPECT_EQ(c.Out<float>(), (std::vector<float>{2, 3, 4}));
  SingleOpModel m = SsModel(Var("x", DataType::kFloat32, {6}),
                            Var("begin", DataType::kInt32, {1}),
                            I32("end", {3}), I32("strides", {1}), {3}, off);
  OpResult r = RunOp(m, {Bytes(Iota(6)), Bytes(std::vector<int32_t>{3})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{3, 4, 5}));
  EXPECT_TRUE(Fails(
      RunOp(m, {Bytes(Iota(6)), Bytes(std::vector<int32_t>{4})}).status,
      StatusCode::kInvalidArgument,
      "op 0 (STRIDED_SLICE v1): input 1 (tensor 1 'begin'): begin[0] = 4: "
      "the window of 3 elements (stride 1) runs outside axis 0 (size 6)"));
  EXPECT_TRUE(Fails(Slice({6}, {5}, {3}, {1}, off).status,
                    StatusCode::kInvalidModel, "begin[0] = 5: the window"));
}

TEST(StridedSliceOp, Int64IndicesAndInt8) {
  OpResult r = RunOp(
      SsModel(Var("x", DataType::kInt8, {4}, {0.5f}, {1}),
              Const("begin", DataType::kInt64, {1}, std::vector<int64_t>{1}),
              Const("end", DataType::kInt64, {1}, std::vector<int64_t>{4}),
              Const("strides", DataType::kInt64, {1}, std::vector<int64_t>{2}),
              {2}),
      {Bytes(std::vector<int8_t>{-1, -2, -3, -4})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int8_t>(), (std::vector<int8_t>{-2, -4}));
}

TEST(StridedSliceOp, ExtremeInt64IndicesClampLikeInt32) {
  // begin INT64_MIN and end INT64_MAX clamp to the whole axis; a stride of
  // INT64_MAX takes the first element only.
  const int64_t lo = INT64_MIN, hi = INT64_MAX;
  OpResult r = RunOp(
      SsModel(
          Var("x", DataType::kFloat32, {2, 3}),
          Const("begin", DataType::kInt64, {2}, std::vector<int64_t>{lo, lo}),
          Const("end", DataType::kInt64, {2}, std::vector<int64_t>{hi, hi}),
          Const("strides", DataType::kInt64, {2}, std::vector<int64_t>{1, hi}),
          {2, 1}),
      {Bytes(Iota(6))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({2, 1}));
  EXPECT_EQ(r.Out<float>(), (std::vector<float>{0, 3}));
}

TEST(StridedSliceOp, Rejections) {
  EXPECT_TRUE(Fails(Slice({4}, {0}, {4}, {0}).status, StatusCode::kInvalidModel,
                    "op 0 (STRIDED_SLICE v1): input 3 (tensor 3 'strides'): "
                    "strides[0] is 0"));
  EXPECT_TRUE(Fails(Slice({4}, {4}, {5}, {1}, {0, 0, 0, 0, 1}).status,
                    StatusCode::kInvalidModel,
                    "op 0 (STRIDED_SLICE v1): input 1 (tensor 1 'begin'): "
                    "begin[0] = 4 is outside axis 0 (size 4), which "
                    "shrink_axis_mask removes"));
  EXPECT_TRUE(Fails(Slice({4}, {0, 0}, {1, 1}, {1, 1}, {0, 0, 3}).status,
                    StatusCode::kInvalidModel,
                    "ellipsis_mask 0x3 has more than one bit"));
  EXPECT_TRUE(
      Fails(RunOp(SsModel(Var("x", DataType::kFloat32, {4}), I32("begin", {0}),
                          Var("end", DataType::kInt32, {1}),
                          I32("strides", {1}), {4}))
                .status,
            StatusCode::kUnsupported,
            "input 2 (tensor 2 'end'): a non-constant end tensor is "
            "not supported"));
  EXPECT_TRUE(Fails(RunOp(SsModel(Var("x", DataType::kFloat32, {4}),
                                  Var("begin", DataType::kInt32, {1}),
                                  I32("end", {4}), I32("strides", {1}), {4}))
                        .status,
                    StatusCode::kUnsupported,
                    "a non-constant begin tensor is not supported (unless "
                    "offset is true)"));
  EXPECT_TRUE(Fails(
      RunOp(SsModel(Var("x", DataType::kFloat32, {4}), I32("begin", {0, 0}),
                    I32("end", {1}), I32("strides", {1}), {4}))
          .status,
      StatusCode::kInvalidModel,
      "input 2 (tensor 2 'end'): begin, end and strides must be "
      "vectors of one length"));
}

}  // namespace
}  // namespace edgelite
