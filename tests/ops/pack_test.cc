// PACK: stacking along a new axis, including the scalar → vector packs of
// dilated_conv.tflite, and TFLite's equal-quantization rule.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

SingleOpModel PackModel(std::vector<TensorSpec> ins, TensorSpec out,
                        int32_t axis, int32_t count = -1) {
  const int32_t n = count >= 0 ? count : static_cast<int32_t>(ins.size());
  return OpModel(tfl::BuiltinOperator::PACK, 1, std::move(ins),
                 {std::move(out)}, tfl::BuiltinOptions::PackOptions,
                 [n, axis](flatbuffers::FlatBufferBuilder& fbb) {
                   return tfl::CreatePackOptions(fbb, n, axis).Union();
                 });
}

TEST(PackOp, ScalarsIntoVector) {
  // dilated_conv: PACK(strided_slice scalar, constant 6) → [2].
  OpResult r = RunOp(
      PackModel({Const("c", DataType::kInt32, {}, std::vector<int32_t>{6}),
                 Var("a", DataType::kInt32, {})},
                Var("y", DataType::kInt32, {2}), 0),
      {Bytes(std::vector<int32_t>{5})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.shapes[0], Shape({2}));
  EXPECT_EQ(r.Out<int32_t>(), (std::vector<int32_t>{6, 5}));
}

TEST(PackOp, VectorsIntoMatrix) {
  OpResult r = RunOp(
      PackModel(
          {Var("a", DataType::kInt32, {2}), Var("b", DataType::kInt32, {2})},
          Var("y", DataType::kInt32, {2, 2}), 0),
      {Bytes(std::vector<int32_t>{1, 2}), Bytes(std::vector<int32_t>{3, 4})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int32_t>(), (std::vector<int32_t>{1, 2, 3, 4}));
}

TEST(PackOp, InnerAndNegativeAxes) {
  // Three [2,2] inputs a=0..3, b=10..13, c=20..23.
  std::vector<std::vector<uint8_t>> in = {Bytes(Iota(4)), Bytes(Iota(4, 10)),
                                          Bytes(Iota(4, 20))};
  auto model = [](int32_t axis, std::vector<int32_t> out) {
    return PackModel({Var("a", DataType::kFloat32, {2, 2}),
                      Var("b", DataType::kFloat32, {2, 2}),
                      Var("c", DataType::kFloat32, {2, 2})},
                     Var("y", DataType::kFloat32, std::move(out)), axis);
  };
  // axis 1: y[i][k][j] = input_k[i][j].
  OpResult r1 = RunOp(model(1, {2, 3, 2}), in);
  ASSERT_TRUE(r1.status.ok()) << r1.status.message();
  EXPECT_EQ(r1.shapes[0], Shape({2, 3, 2}));
  EXPECT_EQ(r1.Out<float>(),
            (std::vector<float>{0, 1, 10, 11, 20, 21, 2, 3, 12, 13, 22, 23}));
  // axis -1 (= 2): y[i][j][k] = input_k[i][j].
  OpResult r2 = RunOp(model(-1, {2, 2, 3}), in);
  ASSERT_TRUE(r2.status.ok()) << r2.status.message();
  EXPECT_EQ(r2.shapes[0], Shape({2, 2, 3}));
  EXPECT_EQ(r2.Out<float>(),
            (std::vector<float>{0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23}));
}

TEST(PackOp, QuantizedInt8) {
  OpResult r =
      RunOp(PackModel({Var("a", DataType::kInt8, {2}, {0.5f}, {-1}),
                       Var("b", DataType::kInt8, {2}, {0.5f}, {-1})},
                      Var("y", DataType::kInt8, {2, 2}, {0.5f}, {-1}), 1),
            {Bytes(std::vector<int8_t>{-128, 1}),
             Bytes(std::vector<int8_t>{7, 127})});
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.Out<int8_t>(), (std::vector<int8_t>{-128, 7, 1, 127}));
}

TEST(PackOp, Rejections) {
  EXPECT_TRUE(Fails(
      RunOp(PackModel({Var("a", DataType::kInt8, {2}, {0.5f}, {0}),
                       Var("b", DataType::kInt8, {2}, {0.25f}, {0})},
                      Var("y", DataType::kInt8, {2, 2}, {0.5f}, {0}), 0))
          .status,
      StatusCode::kInvalidModel,
      "op 0 (PACK v1): output 0 (tensor 2 'y'): quantization (scale 0.5, zero "
      "point 0) differs from input 1 (scale 0.25, zero point 0)"));
  EXPECT_TRUE(Fails(RunOp(PackModel({Var("a", DataType::kFloat32, {2}),
                                     Var("b", DataType::kFloat32, {3})},
                                    Var("y", DataType::kFloat32, {2, 2}), 0))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (PACK v1): input 1 (tensor 1 'b'): float32 [3] "
                    "differs from input 0 (float32 [2])"));
  EXPECT_TRUE(
      Fails(RunOp(PackModel({Var("a", DataType::kFloat32, {2})},
                            Var("y", DataType::kFloat32, {1, 2}), 0, 2))
                .status,
            StatusCode::kInvalidModel,
            "op 0 (PACK v1): values_count 2 differs from the 1 inputs"));
  EXPECT_TRUE(Fails(RunOp(PackModel({Var("a", DataType::kFloat32, {2})},
                                    Var("y", DataType::kFloat32, {1, 2}), 2))
                        .status,
                    StatusCode::kInvalidModel,
                    "op 0 (PACK v1): axis 2 is out of range for inputs of "
                    "rank 1"));
}

}  // namespace
}  // namespace edgelite
