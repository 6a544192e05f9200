// ModelView: a verified, validated, immutable view of a .tflite file.
//
// ModelView::Create runs flatbuffers::Verifier over the bytes and then the
// semantic validation described in docs/ARCHITECTURE.md (indices in range,
// buffer sizes equal to shape × dtype, shapes free of overflow, quantization
// sane, operator inputs produced before use). Only a model that passes is
// returned. The view is zero-copy: constant tensor data points into the bytes,
// which the caller keeps alive (see `ByteSource`). No FlatBuffers type appears
// in this API.
#ifndef EDGELITE_FORMAT_MODEL_VIEW_H_
#define EDGELITE_FORMAT_MODEL_VIEW_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/op_options.h"
#include "core/status.h"
#include "core/types.h"

namespace edgelite {

// Owner of a model's bytes: a memory-mapped file, a heap copy, or memory the
// caller promises to keep alive. Data is at least 16-byte aligned.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual const uint8_t* data() const = 0;
  virtual size_t size() const = 0;

  // Maps the file read-only (falls back to reading it). Never reads more than
  // the file holds; an empty or unreadable file is an kIoError.
  static Status FromFile(const std::string& path,
                         std::shared_ptr<const ByteSource>* out);
  // Copies the bytes into a 16-byte-aligned heap buffer.
  static std::shared_ptr<const ByteSource> Copy(const uint8_t* data,
                                                size_t size);
  // Uses the caller's memory as is (zero-copy); it must outlive every model
  // made from it. If `data` is not 16-byte aligned it is copied instead.
  static std::shared_ptr<const ByteSource> Borrow(const uint8_t* data,
                                                  size_t size);
};

struct TensorInfo {
  int index = 0;
  std::string name;
  DataType type = DataType::kFloat32;
  Shape shape;            // as stored (dims ≥ 0)
  Shape shape_signature;  // -1 marks a dynamic dim; == shape when absent
  QuantParams quant;      // empty() when the tensor is not quantized
  const uint8_t* data = nullptr;  // constant data, or nullptr
  size_t data_bytes = 0;
  bool is_variable = false;

  bool is_constant() const { return data != nullptr; }
};

struct OperatorInfo {
  int index = 0;
  int32_t builtin_code = 0;  // TFLite BuiltinOperator value (32 = CUSTOM)
  std::string custom_code;   // for CUSTOM ops
  int32_t version = 1;
  std::vector<int32_t> inputs;  // tensor indices; -1 = optional, absent
  std::vector<int32_t> outputs;
  std::vector<int32_t> intermediates;
  OpOptions options;
  const uint8_t* custom_options = nullptr;
  size_t custom_options_size = 0;

  // "CONV_2D", or the custom code for CUSTOM ops.
  std::string OpName() const;
  // "op 17 (DEPTHWISE_CONV_2D v2)" — the prefix of every op error message.
  std::string Describe() const;
};

struct MetadataEntry {
  std::string name;
  const uint8_t* data = nullptr;
  size_t size = 0;
};

struct LoadLimits {
  // Files larger than this are refused before parsing.
  size_t max_file_bytes = size_t{1} << 31;
  // Bounds on the graph: memory planning is quadratic in the number of
  // tensors in the worst case, so a file with millions of tiny tensors or
  // operators would stall AllocateTensors(). Real models have a few thousand.
  size_t max_tensors = size_t{1} << 15;
  size_t max_operators = size_t{1} << 15;
};

class ModelView {
 public:
  static Status Create(std::shared_ptr<const ByteSource> bytes,
                       std::unique_ptr<ModelView>* out,
                       const LoadLimits& limits = LoadLimits());

  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  const std::vector<OperatorInfo>& operators() const { return operators_; }
  const std::vector<int32_t>& inputs() const { return inputs_; }
  const std::vector<int32_t>& outputs() const { return outputs_; }
  const std::vector<MetadataEntry>& metadata() const { return metadata_; }
  // Non-fatal findings (e.g. a forgiving reading of a quantized_dimension).
  const std::vector<std::string>& warnings() const { return warnings_; }
  uint32_t schema_version() const { return schema_version_; }
  const std::string& description() const { return description_; }
  size_t num_subgraphs() const { return num_subgraphs_; }
  const uint8_t* file_data() const { return bytes_->data(); }
  size_t file_size() const { return bytes_->size(); }

  // "tensor 33 'conv_dw_3'" for messages.
  std::string DescribeTensor(int index) const;

 private:
  ModelView() = default;
  std::shared_ptr<const ByteSource> bytes_;
  std::vector<TensorInfo> tensors_;
  std::vector<OperatorInfo> operators_;
  std::vector<int32_t> inputs_;
  std::vector<int32_t> outputs_;
  std::vector<MetadataEntry> metadata_;
  std::vector<std::string> warnings_;
  uint32_t schema_version_ = 0;
  std::string description_;
  size_t num_subgraphs_ = 0;
  friend class ModelParser;
};

// Name of a TFLite builtin operator code ("CONV_2D"), or "BUILTIN_<n>".
const char* BuiltinOpName(int32_t code);

}  // namespace edgelite

#endif  // EDGELITE_FORMAT_MODEL_VIEW_H_
