// ONE_HOT: on/off rows along an axis; invalid indices give all-off rows.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

template <typename V>
SingleOpModel OneHotModel(TensorSpec indices, int32_t depth, DataType type,
                          V on, V off, std::vector<int32_t> out_shape,
                          int32_t axis) {
  return OpModel(
      tfl::BuiltinOperator::ONE_HOT, 1,
      {std::move(indices),
       Const("depth", DataType::kInt32, {}, std::vector<int32_t>{depth}),
       Const("on", type, {}, std::vector<V>{on}),
       Const("off", type, {}, std::vector<V>{off})},
      {Var("y", type, std::move(out_shape))},
      tfl::BuiltinOptions::OneHotOptions,
      [axis](flatbuffers::FlatBufferBuilder& fbb) {
        return tfl::CreateOneHotOptions(fbb, axis).Union();
      });
}

TEST(OneHotOp, LastAxisWithInvalidIndices) {
  // 2 → third slot; -1 and 3 (≥ depth) → all off.
  OpResult r =
      RunOp(OneHotModel<float>(Var("i", DataType::kInt32, {4}), 3,
                               DataType::kFloat32, 1.0f, -0.5f, {4, 3}, -1),
            {Bytes(std::vector<int32_t>{0, 2, -1, 3})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({4, 3}));
  EXPECT_EQ(r.Out<float>(),
            (std::vector<float>{1, -0.5, -0.5, -0.5, -0.5, 1, -0.5, -0.5, -0.5,
                                -0.5, -0.5, -0.5}));
}

TEST(OneHotOp, FirstAxisInt64IndicesInt8) {
  // axis 0: y[j][k] = idx[k] == j.
  OpResult r = RunOp(OneHotModel<int8_t>(Var("i", DataType::kInt64, {3}), 2,
                                         DataType::kInt8, 5, -5, {2, 3}, 0),
                     {Bytes(std::vector<int64_t>{1, 0, 1})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int8_t>(), (std::vector<int8_t>{-5, 5, -5, 5, -5, 5}));
}

TEST(OneHotOp, Int64IndexTruncatesLikeTflite) {
  // 2^32 + 1 compares as 1.
  OpResult r = RunOp(OneHotModel<uint8_t>(Var("i", DataType::kInt64, {1}), 2,
                                          DataType::kBool, 1, 0, {1, 2}, -1),
                     {Bytes(std::vector<int64_t>{(int64_t{1} << 32) + 1})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<uint8_t>(), (std::vector<uint8_t>{0, 1}));
}

TEST(OneHotOp, Rejections) {
  EXPECT_TRUE(Fails(
      RunOp(OneHotModel<float>(Var("i", DataType::kInt32, {4}), -1,
                               DataType::kFloat32, 1.0f, 0.0f, {4, 0}, -1))
          .status,
      StatusCode::kInvalidModel,
      "op 0 (ONE_HOT v1): input 1 (tensor 1 'depth'): depth must "
      "be one non-negative value, got [-1]"));
  EXPECT_TRUE(
      Fails(RunOp(OneHotModel<float>(Var("i", DataType::kInt32, {4}), 2,
                                     DataType::kFloat32, 1.0f, 0.0f, {4, 2}, 2))
                .status,
            StatusCode::kInvalidModel,
            "op 0 (ONE_HOT v1): axis 2 is out of range for indices "
            "shape [4]"));
  SingleOpModel m =
      OneHotModel<float>(Var("i", DataType::kInt32, {4}), 2, DataType::kFloat32,
                         1.0f, 0.0f, {4, 2}, -1);
  m.inputs[1] = Var("depth", DataType::kInt32, {});
  EXPECT_TRUE(Fails(RunOp(m).status, StatusCode::kUnsupported,
                    "a non-constant depth tensor is not supported"));
}

}  // namespace
}  // namespace edgelite
