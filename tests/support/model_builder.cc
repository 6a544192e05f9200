#include "support/model_builder.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace edgelite {
namespace testing {

int ModelBuilder::AddTensor(const TensorSpec& spec) {
  tensors_.push_back(spec);
  return static_cast<int>(tensors_.size()) - 1;
}

int ModelBuilder::AddOperator(const OperatorSpec& op) {
  operators_.push_back(op);
  return static_cast<int>(operators_.size()) - 1;
}

void ModelBuilder::AddMetadata(const std::string& name,
                               std::vector<uint8_t> data) {
  metadata_.emplace_back(name, std::move(data));
}

std::vector<uint8_t> ModelBuilder::Build() const {
  flatbuffers::FlatBufferBuilder fbb;
  // Buffer 0 is the empty sentinel.
  std::vector<flatbuffers::Offset<tfl::Buffer>> buffers;
  buffers.push_back(tfl::CreateBuffer(fbb));
  std::vector<flatbuffers::Offset<tfl::Tensor>> tensors;
  for (const TensorSpec& t : tensors_) {
    uint32_t buffer = 0;
    if (!t.data.empty()) {
      fbb.ForceVectorAlignment(t.data.size(), 1, 16);
      auto data = fbb.CreateVector(t.data);
      buffers.push_back(tfl::CreateBuffer(fbb, data));
      buffer = static_cast<uint32_t>(buffers.size() - 1);
    }
    if (t.buffer_override >= 0)
      buffer = static_cast<uint32_t>(t.buffer_override);
    flatbuffers::Offset<tfl::QuantizationParameters> quant = 0;
    if (!t.scales.empty() || !t.zero_points.empty()) {
      quant = tfl::CreateQuantizationParameters(
          fbb, 0, 0, fbb.CreateVector(t.scales),
          fbb.CreateVector(t.zero_points), tfl::QuantizationDetails::NONE, 0,
          t.quantized_dimension);
    }
    auto shape = fbb.CreateVector(t.shape);
    flatbuffers::Offset<flatbuffers::Vector<int32_t>> sig = 0;
    if (!t.shape_signature.empty()) sig = fbb.CreateVector(t.shape_signature);
    const auto type = t.type_code_override >= 0
                          ? static_cast<tfl::TensorType>(t.type_code_override)
                          : static_cast<tfl::TensorType>(t.type);
    tensors.push_back(tfl::CreateTensor(fbb, shape, type, buffer,
                                        fbb.CreateString(t.name), quant,
                                        t.is_variable, 0, sig));
  }
  // Operator codes: one per distinct (code, custom, version).
  struct Code {
    int32_t builtin;
    std::string custom;
    int32_t version;
  };
  std::vector<Code> codes;
  std::vector<flatbuffers::Offset<tfl::Operator>> ops;
  for (const OperatorSpec& op : operators_) {
    uint32_t code_index = 0;
    bool found = false;
    for (size_t i = 0; i < codes.size(); ++i) {
      if (codes[i].builtin == op.builtin_code &&
          codes[i].custom == op.custom_code && codes[i].version == op.version) {
        code_index = static_cast<uint32_t>(i);
        found = true;
      }
    }
    if (!found) {
      codes.push_back({op.builtin_code, op.custom_code, op.version});
      code_index = static_cast<uint32_t>(codes.size() - 1);
    }
    flatbuffers::Offset<void> options = 0;
    if (op.options) options = op.options(fbb);
    flatbuffers::Offset<flatbuffers::Vector<uint8_t>> custom = 0;
    if (!op.custom_options.empty())
      custom = fbb.CreateVector(op.custom_options);
    if (op.opcode_index_override >= 0) {
      code_index = static_cast<uint32_t>(op.opcode_index_override);
    }
    flatbuffers::Offset<flatbuffers::Vector<int32_t>> intermediates = 0;
    if (!op.intermediates.empty())
      intermediates = fbb.CreateVector(op.intermediates);
    ops.push_back(tfl::CreateOperator(
        fbb, code_index, fbb.CreateVector(op.inputs),
        fbb.CreateVector(op.outputs),
        op.options ? op.options_type : tfl::BuiltinOptions::NONE, options,
        custom, tfl::CustomOptionsFormat::FLEXBUFFERS, 0, intermediates));
  }
  std::vector<flatbuffers::Offset<tfl::OperatorCode>> code_offsets;
  for (const Code& c : codes) {
    const int8_t deprecated =
        static_cast<int8_t>(c.builtin < 127 ? c.builtin : 127);
    code_offsets.push_back(tfl::CreateOperatorCode(
        fbb, deprecated, c.custom.empty() ? 0 : fbb.CreateString(c.custom),
        c.version, static_cast<tfl::BuiltinOperator>(c.builtin)));
  }
  auto subgraph =
      tfl::CreateSubGraph(fbb, fbb.CreateVector(tensors),
                          fbb.CreateVector(inputs_), fbb.CreateVector(outputs_),
                          fbb.CreateVector(ops), fbb.CreateString("main"));
  std::vector<flatbuffers::Offset<tfl::Metadata>> metadata;
  for (const auto& m : metadata_) {
    fbb.ForceVectorAlignment(m.second.size(), 1, 16);
    auto data = fbb.CreateVector(m.second);
    buffers.push_back(tfl::CreateBuffer(fbb, data));
    metadata.push_back(
        tfl::CreateMetadata(fbb, fbb.CreateString(m.first),
                            static_cast<uint32_t>(buffers.size() - 1)));
  }
  auto model = tfl::CreateModel(
      fbb, 3, fbb.CreateVector(code_offsets),
      fbb.CreateVector(
          std::vector<flatbuffers::Offset<tfl::SubGraph>>{subgraph}),
      fbb.CreateString("edgelite test model"), fbb.CreateVector(buffers), 0,
      metadata.empty() ? 0 : fbb.CreateVector(metadata));
  tfl::FinishModelBuffer(fbb, model);
  return std::vector<uint8_t>(fbb.GetBufferPointer(),
                              fbb.GetBufferPointer() + fbb.GetSize());
}

std::vector<uint8_t> SingleOpModel::Build() const {
  ModelBuilder b;
  OperatorSpec op_spec = op;
  op_spec.inputs.clear();
  op_spec.outputs.clear();
  std::vector<int32_t> model_inputs, model_outputs;
  for (const TensorSpec& t : inputs) {
    if (t.name.empty() && t.shape.size() == 1 && t.shape[0] == -1) {
      op_spec.inputs.push_back(-1);
      continue;
    }
    const int idx = b.AddTensor(t);
    op_spec.inputs.push_back(idx);
    if (t.data.empty() && !t.is_variable) model_inputs.push_back(idx);
  }
  for (const TensorSpec& t : outputs) {
    const int idx = b.AddTensor(t);
    op_spec.outputs.push_back(idx);
    model_outputs.push_back(idx);
  }
  b.AddOperator(op_spec);
  b.SetInputs(model_inputs);
  b.SetOutputs(model_outputs);
  return b.Build();
}

Status LoadModel(const std::vector<uint8_t>& bytes,
                 std::shared_ptr<const ModelView>* out) {
  std::unique_ptr<ModelView> view;
  EDGELITE_RETURN_IF_ERROR(
      ModelView::Create(ByteSource::Copy(bytes.data(), bytes.size()), &view));
  *out = std::move(view);
  return Status::Ok();
}

Status LoadModelFile(const std::string& path,
                     std::shared_ptr<const ModelView>* out) {
  std::shared_ptr<const ByteSource> bytes;
  EDGELITE_RETURN_IF_ERROR(ByteSource::FromFile(path, &bytes));
  std::unique_ptr<ModelView> view;
  EDGELITE_RETURN_IF_ERROR(ModelView::Create(bytes, &view));
  *out = std::move(view);
  return Status::Ok();
}

Status MakeInterpreter(const std::vector<uint8_t>& bytes,
                       std::unique_ptr<Interpreter>* out,
                       const InterpreterOptions& options) {
  std::shared_ptr<const ModelView> model;
  EDGELITE_RETURN_IF_ERROR(LoadModel(bytes, &model));
  EDGELITE_RETURN_IF_ERROR(Interpreter::Create(model, options, out));
  return (*out)->AllocateTensors();
}

std::string SourcePath(const std::string& rel) {
  const char* env = std::getenv("EDGELITE_SOURCE_DIR");
  std::string root = env && *env ? env : EDGELITE_SOURCE_DIR;
  return root + "/" + rel;
}

std::vector<uint8_t> ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(f),
                              std::istreambuf_iterator<char>());
}

}  // namespace testing
}  // namespace edgelite
