// SHAPE: the input's dims as int32 or int64, whatever the input's type.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel ShapeModel(TensorSpec in, DataType out_type,
                         std::vector<int32_t> out_shape,
                         DataType option = DataType::kInt32) {
  return OpModel(tfl::BuiltinOperator::SHAPE, 1, {std::move(in)},
                 {Var("s", out_type, std::move(out_shape))},
                 tfl::BuiltinOptions::ShapeOptions,
                 [option](flatbuffers::FlatBufferBuilder& fbb) {
                   return tfl::CreateShapeOptions(
                              fbb, static_cast<tfl::TensorType>(option))
                       .Union();
                 });
}

TEST(ShapeOp, Int32OfFloatInput) {
  OpResult r = RunOp(ShapeModel(Var("x", DataType::kFloat32, {2, 3, 5}),
                                DataType::kInt32, {3}),
                     {Bytes(Iota(30))});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({3}));
  EXPECT_EQ(r.Out<int32_t>(), (std::vector<int32_t>{2, 3, 5}));
}

TEST(ShapeOp, Int64OfInt8Input) {
  OpResult r = RunOp(ShapeModel(Var("x", DataType::kInt8, {1, 4}, {0.5f}, {3}),
                                DataType::kInt64, {2}, DataType::kInt64),
                     {std::vector<uint8_t>(4)});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int64_t>(), (std::vector<int64_t>{1, 4}));
}

TEST(ShapeOp, ScalarAndEmptyInputs) {
  OpResult scalar =
      RunOp(ShapeModel(Var("x", DataType::kBool, {}), DataType::kInt32, {0}),
            {std::vector<uint8_t>(1)});
  ASSERT_TRUE(scalar.status.ok()) << scalar.status.message();
  EXPECT_EQ(scalar.shapes[0], Shape({0}));
  OpResult empty = RunOp(
      ShapeModel(Var("x", DataType::kInt32, {3, 0}), DataType::kInt32, {2}),
      {{}});
  ASSERT_TRUE(empty.status.ok()) << empty.status.message();
  EXPECT_EQ(empty.Out<int32_t>(), (std::vector<int32_t>{3, 0}));
}

TEST(ShapeOp, RejectsBadOutType) {
  EXPECT_TRUE(
      Fails(RunOp(ShapeModel(Var("x", DataType::kFloat32, {2}),
                             DataType::kFloat32, {1}, DataType::kFloat32))
                .status,
            StatusCode::kInvalidModel,
            "op 0 (SHAPE v1): out_type must be int32 or int64, got "
            "float32"));
  EXPECT_TRUE(Fails(RunOp(ShapeModel(Var("x", DataType::kFloat32, {2}),
                                     DataType::kInt64, {1}, DataType::kInt32))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (SHAPE v1): output 0 (tensor 1 's'): type int64 "
                    "differs from out_type int32"));
}

}  // namespace
}  // namespace edgelite
