// dilated_conv.tflite (tflite-support) computes a dilated convolution the way
// TF's converter writes one: SHAPE → STRIDED_SLICE/PACK/FLOOR_MOD/SUB chains
// compute SPACE_TO_BATCH_ND's paddings and BATCH_TO_SPACE_ND's crops at run
// time around a VALID CONV_2D. edgelite folds that chain at prepare time.
// TFLite's JS builds cannot judge this model (its output is a dynamic tensor:
// LiteRT.js crashes, tfjs-tflite hands back an unwritten buffer), so the
// model is checked against its definition: a single CONV_2D with SAME
// padding and the block shape as dilation, with the same weights — the form
// the op conformance suite checks against TFLite on hundreds of cases.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "core/interpreter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

const OperatorInfo* FindOp(const ModelView& m, tfl::BuiltinOperator code) {
  for (const OperatorInfo& op : m.operators()) {
    if (op.builtin_code == static_cast<int32_t>(code)) return &op;
  }
  return nullptr;
}

template <typename T>
std::vector<T> Values(const TensorInfo& t) {
  std::vector<T> v(t.data_bytes / sizeof(T));
  if (!v.empty()) std::memcpy(v.data(), t.data, t.data_bytes);
  return v;
}

TEST(DilatedConvModel, EqualsOneDilatedSameConvolution) {
  const std::string path =
      testing::SourcePath("tests/data/models/dilated_conv.tflite");
  const std::vector<uint8_t> bytes = testing::ReadFile(path);
  ASSERT_FALSE(bytes.empty()) << path;
  std::shared_ptr<const ModelView> model;
  ASSERT_TRUE(testing::LoadModel(bytes, &model).ok());
  const OperatorInfo* s2b =
      FindOp(*model, tfl::BuiltinOperator::SPACE_TO_BATCH_ND);
  const OperatorInfo* conv = FindOp(*model, tfl::BuiltinOperator::CONV_2D);
  ASSERT_NE(s2b, nullptr);
  ASSERT_NE(conv, nullptr);
  const std::vector<int32_t> block =
      Values<int32_t>(model->tensors()[s2b->inputs[1]]);
  ASSERT_EQ(block.size(), 2u);
  EXPECT_GT(block[0] * block[1], 1) << "the model should be dilated";
  const TensorInfo& w = model->tensors()[conv->inputs[1]];
  ASSERT_TRUE(w.is_constant());
  const int32_t out_channels = w.shape[0];
  // The bias: CONV_2D's own (if any) plus the ADD the converter puts after
  // BATCH_TO_SPACE_ND.
  std::vector<float> bias(static_cast<size_t>(out_channels), 0.0f);
  if (conv->inputs.size() > 2 && conv->inputs[2] >= 0) {
    const std::vector<float> b =
        Values<float>(model->tensors()[conv->inputs[2]]);
    for (size_t c = 0; c < bias.size() && c < b.size(); ++c) bias[c] += b[c];
  }
  const OperatorInfo* b2s =
      FindOp(*model, tfl::BuiltinOperator::BATCH_TO_SPACE_ND);
  ASSERT_NE(b2s, nullptr);
  int add_count = 0;
  for (const OperatorInfo& op : model->operators()) {
    if (op.builtin_code != static_cast<int32_t>(tfl::BuiltinOperator::ADD) ||
        op.inputs[0] != b2s->outputs[0]) {
      continue;
    }
    const std::vector<float> b = Values<float>(model->tensors()[op.inputs[1]]);
    ASSERT_EQ(b.size(), bias.size());
    for (size_t c = 0; c < bias.size(); ++c) bias[c] += b[c];
    ++add_count;
  }
  EXPECT_EQ(add_count, 1);

  testing::ModelBuilder mb;
  const int x = mb.AddActivation("x", DataType::kFloat32, {1, 1, 1, 3});
  const int wt = mb.AddConstant<float>("w", DataType::kFloat32,
                                       w.shape.ToVector(), Values<float>(w));
  const int bt =
      mb.AddConstant<float>("b", DataType::kFloat32, {out_channels}, bias);
  const int y =
      mb.AddActivation("y", DataType::kFloat32, {1, 1, 1, out_channels});
  testing::OperatorSpec op;
  op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::CONV_2D);
  op.inputs = {x, wt, bt};
  op.outputs = {y};
  op.options_type = tfl::BuiltinOptions::Conv2DOptions;
  const ConvOptions o = conv->options.conv;
  op.options = [o, block](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateConv2DOptions(
               fbb, tfl::Padding::SAME, 1, 1,
               static_cast<tfl::ActivationFunctionType>(o.activation), block[1],
               block[0])
        .Union();
  };
  mb.AddOperator(op);
  mb.SetInputs({x});
  mb.SetOutputs({y});

  std::unique_ptr<Interpreter> whole, single;
  Status s = testing::MakeInterpreter(bytes, &whole);
  ASSERT_TRUE(s.ok()) << s.message();
  s = testing::MakeInterpreter(mb.Build(), &single);
  ASSERT_TRUE(s.ok()) << s.message();
  const std::vector<std::vector<float>> inputs = {{0.0f, 0.0f, 0.0f},
                                                  {1.0f, -2.0f, 0.5f},
                                                  {0.1f, 0.2f, 0.3f},
                                                  {-3.0f, 4.0f, 7.5f}};
  for (const auto& in : inputs) {
    testing::SetInput(whole.get(), 0, in);
    testing::SetInput(single.get(), 0, in);
    ASSERT_TRUE(whole->Invoke().ok());
    ASSERT_TRUE(single->Invoke().ok());
    const std::vector<float> got = testing::GetOutput<float>(*whole, 0);
    const std::vector<float> want = testing::GetOutput<float>(*single, 0);
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_NEAR(got[i], want[i], 1e-6f * (1.0f + std::fabs(want[i])))
          << "output " << i << " for input (" << in[0] << ", " << in[1] << ", "
          << in[2] << ")";
    }
  }
}

}  // namespace
}  // namespace edgelite
