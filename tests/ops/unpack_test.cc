// UNPACK: one output per index of the unpacked axis.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel UnpackModel(TensorSpec in, std::vector<TensorSpec> outs,
                          int32_t axis, int32_t num = -1) {
  const int32_t n = num >= 0 ? num : static_cast<int32_t>(outs.size());
  return OpModel(tfl::BuiltinOperator::UNPACK, 1, {std::move(in)},
                 std::move(outs), tfl::BuiltinOptions::UnpackOptions,
                 [n, axis](flatbuffers::FlatBufferBuilder& fbb) {
                   return tfl::CreateUnpackOptions(fbb, n, axis).Union();
                 });
}

TEST(UnpackOp, Rows) {
  OpResult r = RunOp(UnpackModel(Var("x", DataType::kFloat32, {2, 3}),
                                 {Var("a", DataType::kFloat32, {3}),
                                  Var("b", DataType::kFloat32, {3})},
                                 0),
                     {Bytes(Iota(6))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[1], Shape({3}));
  EXPECT_EQ(r.Out<float>(0), (std::vector<float>{0, 1, 2}));
  EXPECT_EQ(r.Out<float>(1), (std::vector<float>{3, 4, 5}));
}

TEST(UnpackOp, ColumnsWithNegativeAxis) {
  OpResult r = RunOp(UnpackModel(Var("x", DataType::kInt16, {2, 3}),
                                 {Var("a", DataType::kInt16, {2}),
                                  Var("b", DataType::kInt16, {2}),
                                  Var("c", DataType::kInt16, {2})},
                                 -1),
                     {Bytes(std::vector<int16_t>{0, 1, 2, 3, 4, 5})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int16_t>(0), (std::vector<int16_t>{0, 3}));
  EXPECT_EQ(r.Out<int16_t>(1), (std::vector<int16_t>{1, 4}));
  EXPECT_EQ(r.Out<int16_t>(2), (std::vector<int16_t>{2, 5}));
}

TEST(UnpackOp, VectorIntoScalars) {
  OpResult r = RunOp(
      UnpackModel(
          Var("x", DataType::kInt64, {2}),
          {Var("a", DataType::kInt64, {}), Var("b", DataType::kInt64, {})}, 0),
      {Bytes(std::vector<int64_t>{-9, 9})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0].rank, 0);
  EXPECT_EQ(r.Out<int64_t>(1), (std::vector<int64_t>{9}));
}

TEST(UnpackOp, Rejections) {
  EXPECT_TRUE(Fails(RunOp(UnpackModel(Var("x", DataType::kFloat32, {3, 2}),
                                      {Var("a", DataType::kFloat32, {2}),
                                       Var("b", DataType::kFloat32, {2})},
                                      0))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (UNPACK v1): num 2 and the 2 outputs must both equal "
                    "dimension 0 of input shape [3, 2]"));
  EXPECT_TRUE(Fails(
      RunOp(UnpackModel(Var("x", DataType::kUInt8, {2}, {0.5f}, {128}),
                        {Var("a", DataType::kUInt8, {}, {0.5f}, {128}),
                         Var("b", DataType::kUInt8, {}, {0.5f}, {127})},
                        0))
          .status,
      StatusCode::kInvalidModel,
      "op 0 (UNPACK v1): output 1 (tensor 2 'b'): quantization (scale 0.5, "
      "zero point 127) differs from input 0 (scale 0.5, zero point 128)"));
  EXPECT_TRUE(Fails(RunOp(UnpackModel(Var("x", DataType::kFloat32, {2}),
                                      {Var("a", DataType::kFloat32, {}),
                                       Var("b", DataType::kFloat32, {})},
                                      1))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (UNPACK v1): axis 1 is out of range for an input of "
                    "shape [2]"));
}

}  // namespace
}  // namespace edgelite
