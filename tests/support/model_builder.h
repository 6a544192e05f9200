// Builds .tflite models in memory for tests, with our own schema's generated
// FlatBuffers builder. Used for single-op cases and for malformed models.
#ifndef EDGELITE_TESTS_SUPPORT_MODEL_BUILDER_H_
#define EDGELITE_TESTS_SUPPORT_MODEL_BUILDER_H_

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "core/types.h"
#include "format/model_view.h"
#include "format/tflite_schema.h"

namespace edgelite {
namespace testing {

namespace tfl = ::edgelite::tfl;

struct TensorSpec {
  std::string name;
  DataType type = DataType::kFloat32;
  std::vector<int32_t> shape;
  std::vector<float> scales;         // empty: not quantized
  std::vector<int64_t> zero_points;  // must match scales in size
  int32_t quantized_dimension = 0;
  std::vector<uint8_t> data;             // empty: not constant
  std::vector<int32_t> shape_signature;  // empty: none
  bool is_variable = false;
  int type_code_override = -1;  // write this raw TensorType instead
  int buffer_override = -1;     // write this buffer index instead
};

// Writes builtin options into the builder; returns the options table offset.
using OptionsWriter =
    std::function<flatbuffers::Offset<void>(flatbuffers::FlatBufferBuilder&)>;

struct OperatorSpec {
  int32_t builtin_code = 0;
  std::string custom_code;
  int32_t version = 1;
  std::vector<int32_t> inputs;
  std::vector<int32_t> outputs;
  tfl::BuiltinOptions options_type = tfl::BuiltinOptions::NONE;
  OptionsWriter options;
  std::vector<uint8_t> custom_options;
  int64_t opcode_index_override = -1;  // write this raw opcode_index instead
  std::vector<int32_t> intermediates;  // tensor indices (ModelBuilder only)
};

class ModelBuilder {
 public:
  int AddTensor(const TensorSpec& spec);
  // A float32 / int32 / … constant from typed values.
  template <typename T>
  int AddConstant(const std::string& name, DataType type,
                  std::vector<int32_t> shape, const std::vector<T>& values,
                  std::vector<float> scales = {},
                  std::vector<int64_t> zero_points = {}, int32_t qdim = 0) {
    TensorSpec s;
    s.name = name;
    s.type = type;
    s.shape = std::move(shape);
    s.scales = std::move(scales);
    s.zero_points = std::move(zero_points);
    s.quantized_dimension = qdim;
    s.data.resize(values.size() * sizeof(T));
    if (!values.empty())
      std::memcpy(s.data.data(), values.data(), s.data.size());
    return AddTensor(s);
  }
  // A non-constant tensor.
  int AddActivation(const std::string& name, DataType type,
                    std::vector<int32_t> shape, std::vector<float> scales = {},
                    std::vector<int64_t> zero_points = {}) {
    TensorSpec s;
    s.name = name;
    s.type = type;
    s.shape = std::move(shape);
    s.scales = std::move(scales);
    s.zero_points = std::move(zero_points);
    return AddTensor(s);
  }
  int AddOperator(const OperatorSpec& op);
  void SetInputs(std::vector<int32_t> inputs) { inputs_ = std::move(inputs); }
  void SetOutputs(std::vector<int32_t> outputs) {
    outputs_ = std::move(outputs);
  }
  void AddMetadata(const std::string& name, std::vector<uint8_t> data);

  std::vector<uint8_t> Build() const;

 private:
  std::vector<TensorSpec> tensors_;
  std::vector<OperatorSpec> operators_;
  std::vector<int32_t> inputs_, outputs_;
  std::vector<std::pair<std::string, std::vector<uint8_t>>> metadata_;
};

// Loads bytes as a model (copying them).
Status LoadModel(const std::vector<uint8_t>& bytes,
                 std::shared_ptr<const ModelView>* out);
Status LoadModelFile(const std::string& path,
                     std::shared_ptr<const ModelView>* out);

// Loads, creates an interpreter and allocates.
Status MakeInterpreter(
    const std::vector<uint8_t>& bytes, std::unique_ptr<Interpreter>* out,
    const InterpreterOptions& options = InterpreterOptions());

template <typename T>
std::vector<uint8_t> Bytes(const std::vector<T>& v) {
  std::vector<uint8_t> out(v.size() * sizeof(T));
  if (!v.empty()) std::memcpy(out.data(), v.data(), out.size());
  return out;
}

template <typename T>
void SetInput(Interpreter* interp, int i, const std::vector<T>& values) {
  Tensor* t = interp->input(i);
  // Zero-size tensors may have no data pointer; memcpy's arguments must not
  // be null even for 0 bytes (UBSan checks it).
  const size_t n = std::min(t->bytes, values.size() * sizeof(T));
  if (n > 0) std::memcpy(t->data, values.data(), n);
}

template <typename T>
std::vector<T> GetOutput(const Interpreter& interp, int i) {
  const Tensor* t = interp.output(i);
  std::vector<T> out(t->bytes / sizeof(T));
  if (!out.empty()) std::memcpy(out.data(), t->data, t->bytes);
  return out;
}

// One-op model: inputs/outputs given as specs; constant specs (with data)
// become constants, the others become model inputs (in order) / outputs.
struct SingleOpModel {
  std::vector<TensorSpec>
      inputs;  // absent optional input: name "" + shape {-1}
  std::vector<TensorSpec> outputs;
  OperatorSpec op;  // inputs/outputs filled in by Build()
  std::vector<uint8_t> Build() const;
};

// Path of a file in the repository (EDGELITE_SOURCE_DIR/rel).
std::string SourcePath(const std::string& rel);
std::vector<uint8_t> ReadFile(const std::string& path);

}  // namespace testing
}  // namespace edgelite

#endif  // EDGELITE_TESTS_SUPPORT_MODEL_BUILDER_H_
