// SHAPE → STRIDED_SLICE → PACK → RESHAPE, the shape arithmetic TF emits for
// dynamic shapes (dilated_conv.tflite has the first three): run at Invoke
// when SHAPE reads a model input, and folded at prepare time when everything
// is constant, so that RESHAPE sees a constant shape tensor.
#include <gtest/gtest.h>

#include "ops/copy_ops_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT

OperatorSpec Op(tfl::BuiltinOperator code, std::vector<int32_t> in,
                std::vector<int32_t> out) {
  OperatorSpec op;
  op.builtin_code = static_cast<int32_t>(code);
  op.inputs = std::move(in);
  op.outputs = std::move(out);
  return op;
}

// x → SHAPE → s[2] → STRIDED_SLICE [0:1] shrink → n (scalar) →
// PACK(n, 3) → packed[2]; with `reshape`, z[6] → RESHAPE(packed) → y.
std::vector<uint8_t> Chain(bool x_constant, bool reshape) {
  ModelBuilder b;
  TensorSpec xs = Var("x", DataType::kFloat32, {2, 3});
  xs.shape_signature = {-1, 3};
  if (x_constant) xs.data = Bytes(Iota(6));
  const int x = b.AddTensor(xs);
  const int s = b.AddActivation("s", DataType::kInt32, {2});
  const int zero = b.AddConstant<int32_t>("zero", DataType::kInt32, {1}, {0});
  const int one = b.AddConstant<int32_t>("one", DataType::kInt32, {1}, {1});
  const int one2 = b.AddConstant<int32_t>("one2", DataType::kInt32, {1}, {1});
  const int n = b.AddActivation("n", DataType::kInt32, {});
  const int three = b.AddConstant<int32_t>("three", DataType::kInt32, {}, {3});
  const int packed = b.AddActivation("packed", DataType::kInt32, {2});
  OperatorSpec shape = Op(tfl::BuiltinOperator::SHAPE, {x}, {s});
  shape.options_type = tfl::BuiltinOptions::ShapeOptions;
  shape.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateShapeOptions(fbb, tfl::TensorType::INT32).Union();
  };
  b.AddOperator(shape);
  OperatorSpec ss =
      Op(tfl::BuiltinOperator::STRIDED_SLICE, {s, zero, one, one2}, {n});
  ss.options_type = tfl::BuiltinOptions::StridedSliceOptions;
  ss.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateStridedSliceOptions(fbb, 0, 0, 0, 0, 1).Union();
  };
  b.AddOperator(ss);
  OperatorSpec pack = Op(tfl::BuiltinOperator::PACK, {n, three}, {packed});
  pack.options_type = tfl::BuiltinOptions::PackOptions;
  pack.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreatePackOptions(fbb, 2, 0).Union();
  };
  b.AddOperator(pack);
  std::vector<int32_t> inputs, outputs = {packed};
  if (!x_constant) inputs.push_back(x);
  if (reshape) {
    const int z = b.AddActivation("z", DataType::kFloat32, {6});
    const int y = b.AddActivation("y", DataType::kFloat32, {2, 3});
    b.AddOperator(Op(tfl::BuiltinOperator::RESHAPE, {z, packed}, {y}));
    inputs.push_back(z);
    outputs = {y};
  }
  b.SetInputs(inputs);
  b.SetOutputs(outputs);
  return b.Build();
}

TEST(ShapeChain, RunsAtInvokeFromAModelInput) {
  std::unique_ptr<Interpreter> interp;
  Status s = MakeInterpreter(Chain(false, false), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(interp->ResizeInput(0, Shape({5, 3})).ok());
  ASSERT_TRUE(interp->AllocateTensors().ok());
  const int64_t before = AllocationCount();
  s = interp->Invoke();
  EXPECT_EQ(AllocationCount() - before, 0);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(GetOutput<int32_t>(*interp, 0), (std::vector<int32_t>{5, 3}));
}

TEST(ShapeChain, FoldsIntoReshapeWhenConstant) {
  std::unique_ptr<Interpreter> interp;
  Status s = MakeInterpreter(Chain(true, true), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  for (int n = 0; n < 3; ++n) EXPECT_TRUE(interp->node_folded(n)) << n;
  SetInput(interp.get(), 0, Iota(6));
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(interp->output(0)->shape, Shape({2, 3}));
  EXPECT_EQ(GetOutput<float>(*interp, 0), Iota(6));
}

}  // namespace
}  // namespace edgelite
