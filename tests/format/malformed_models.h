// The catalogue of malformed models: each one broken in exactly one way, with
// the status code and message substring edgelite must answer with.
//
// Used three ways: malformed_test.cc asserts each case one TEST at a time,
// make_malformed_test.cc writes them to tests/data/malformed/ (the committed
// corpus, with EXPECTED.txt), and the corpus test reads the files back. Two
// sources: small models made with the ModelBuilder, and byte patches of the
// real hello_world_int8.tflite (located through the FlatBuffers reader, so a
// patch always lands on the field it names).
#ifndef EDGELITE_TESTS_FORMAT_MALFORMED_MODELS_H_
#define EDGELITE_TESTS_FORMAT_MALFORMED_MODELS_H_

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/status.h"
#include "support/model_builder.h"

namespace edgelite {
namespace testing {
namespace malformed {

struct Case {
  std::string file;  // corpus file name, "<corruption>.tflite"
  std::vector<uint8_t> bytes;
  StatusCode code;
  std::string message;  // substring the status message must contain
};

// How a model is loaded everywhere in these tests: the status of the first
// failing step of FromFile/Copy → ModelView::Create → Interpreter::Create →
// AllocateTensors → Invoke (with zeroed inputs).
inline Status LoadAndRun(std::shared_ptr<const ByteSource> bytes) {
  std::unique_ptr<ModelView> view;
  EDGELITE_RETURN_IF_ERROR(ModelView::Create(std::move(bytes), &view));
  std::unique_ptr<Interpreter> interp;
  EDGELITE_RETURN_IF_ERROR(
      Interpreter::Create(std::shared_ptr<const ModelView>(std::move(view)),
                          InterpreterOptions(), &interp));
  EDGELITE_RETURN_IF_ERROR(interp->AllocateTensors());
  for (int i = 0; i < interp->num_inputs(); ++i) {
    Tensor* t = interp->input(i);
    if (t->data != nullptr && t->bytes > 0) std::memset(t->data, 0, t->bytes);
  }
  return interp->Invoke();
}

inline Status LoadAndRun(const std::vector<uint8_t>& bytes) {
  return LoadAndRun(ByteSource::Copy(bytes.data(), bytes.size()));
}

// ---------------------------------------------------------------------------
// Builder-made models. A Draft is a model as plain lists, so a case can break
// one field and build.

struct Draft {
  std::vector<TensorSpec> tensors;
  std::vector<OperatorSpec> ops;
  std::vector<int32_t> inputs, outputs;

  std::vector<uint8_t> Build() const {
    ModelBuilder b;
    for (const TensorSpec& t : tensors) b.AddTensor(t);
    for (const OperatorSpec& op : ops) b.AddOperator(op);
    b.SetInputs(inputs);
    b.SetOutputs(outputs);
    return b.Build();
  }
};

inline TensorSpec Activation(const std::string& name, DataType type,
                             std::vector<int32_t> shape,
                             std::vector<float> scales = {},
                             std::vector<int64_t> zero_points = {}) {
  TensorSpec s;
  s.name = name;
  s.type = type;
  s.shape = std::move(shape);
  s.scales = std::move(scales);
  s.zero_points = std::move(zero_points);
  return s;
}

inline TensorSpec Int32Constant(const std::string& name,
                                const std::vector<int32_t>& values) {
  TensorSpec s;
  s.name = name;
  s.type = DataType::kInt32;
  s.shape = {static_cast<int32_t>(values.size())};
  s.data = Bytes(values);
  return s;
}

inline OperatorSpec Op(int32_t code, std::vector<int32_t> inputs,
                       std::vector<int32_t> outputs, int32_t version = 1) {
  OperatorSpec op;
  op.builtin_code = code;
  op.version = version;
  op.inputs = std::move(inputs);
  op.outputs = std::move(outputs);
  return op;
}

constexpr int32_t kReshape =
    static_cast<int32_t>(tfl::BuiltinOperator::RESHAPE);
constexpr int32_t kCustom = static_cast<int32_t>(tfl::BuiltinOperator::CUSTOM);

// 0 'x' float32[2, 3] (input) ─┐
// 1 'new_shape' int32[1] = {6} ┴→ op 0 RESHAPE → 2 'y' float32[6] (output)
inline Draft FloatReshape() {
  Draft d;
  d.tensors = {Activation("x", DataType::kFloat32, {2, 3}),
               Int32Constant("new_shape", {6}),
               Activation("y", DataType::kFloat32, {6})};
  d.ops = {Op(kReshape, {0, 1}, {2})};
  d.inputs = {0};
  d.outputs = {2};
  return d;
}

// The same with int8 tensors quantized per tensor (scale 0.5, zero point 0).
inline Draft Int8Reshape(DataType type = DataType::kInt8) {
  Draft d = FloatReshape();
  d.tensors[0] = Activation("x", type, {2, 3}, {0.5f}, {0});
  d.tensors[2] = Activation("y", type, {6}, {0.5f}, {0});
  return d;
}

// 0 'w' int8[3, 2] constant, per-channel on dimension 0 (3 scales) ─┐
// 1 'new_shape' = {6} ──────────────────────────────────────────────┴→
// op 0 RESHAPE → 2 'y' int8[6] (output). No model inputs.
inline Draft PerChannelReshape() {
  Draft d;
  TensorSpec w;
  w.name = "w";
  w.type = DataType::kInt8;
  w.shape = {3, 2};
  w.scales = {0.1f, 0.2f, 0.3f};
  w.zero_points = {0, 0, 0};
  w.quantized_dimension = 0;
  w.data = {1, 2, 3, 4, 5, 6};
  d.tensors = {w, Int32Constant("new_shape", {6}),
               Activation("y", DataType::kInt8, {6}, {0.1f}, {0})};
  d.ops = {Op(kReshape, {0, 1}, {2})};
  d.outputs = {2};
  return d;
}

// 0 'x'[2, 3] → op 0 RESHAPE{new_shape 3,2} → 2 'mid' → op 1 RESHAPE{6} → 3 'y'
inline Draft ReshapeChain() {
  Draft d;
  d.tensors = {Activation("x", DataType::kFloat32, {2, 3}),
               Int32Constant("new_shape", {3, 2}),
               Activation("mid", DataType::kFloat32, {3, 2}),
               Activation("y", DataType::kFloat32, {6}),
               Int32Constant("flat", {6})};
  d.ops = {Op(kReshape, {0, 1}, {2}), Op(kReshape, {2, 4}, {3})};
  d.inputs = {0};
  d.outputs = {3};
  return d;
}

// A model with no subgraphs at all (the builder always writes one).
inline std::vector<uint8_t> NoSubgraphsModel() {
  flatbuffers::FlatBufferBuilder fbb;
  std::vector<flatbuffers::Offset<tfl::Buffer>> buffers{tfl::CreateBuffer(fbb)};
  auto model = tfl::CreateModel(
      fbb, 3,
      fbb.CreateVector(std::vector<flatbuffers::Offset<tfl::OperatorCode>>{}),
      fbb.CreateVector(std::vector<flatbuffers::Offset<tfl::SubGraph>>{}),
      fbb.CreateString("no subgraphs"), fbb.CreateVector(buffers));
  tfl::FinishModelBuffer(fbb, model);
  return std::vector<uint8_t>(fbb.GetBufferPointer(),
                              fbb.GetBufferPointer() + fbb.GetSize());
}

// Models that reuse one FlatBuffers table or vector many times. The verifier
// accepts them (sharing is legal FlatBuffers); a parser that copies per
// reference does n × n work and allocation for an O(n) file.
inline std::vector<uint8_t> FinishModel(
    flatbuffers::FlatBufferBuilder& fbb,
    flatbuffers::Offset<tfl::SubGraph> subgraph,
    std::vector<flatbuffers::Offset<tfl::OperatorCode>> codes = {}) {
  std::vector<flatbuffers::Offset<tfl::Buffer>> buffers{tfl::CreateBuffer(fbb)};
  auto model = tfl::CreateModel(
      fbb, 3, fbb.CreateVector(codes),
      fbb.CreateVector(
          std::vector<flatbuffers::Offset<tfl::SubGraph>>{subgraph}),
      0, fbb.CreateVector(buffers));
  tfl::FinishModelBuffer(fbb, model);
  return std::vector<uint8_t>(fbb.GetBufferPointer(),
                              fbb.GetBufferPointer() + fbb.GetSize());
}

// n tensors that are all the same table: int8[n], per-channel with n scales.
inline std::vector<uint8_t> SharedQuantizationModel(int n) {
  flatbuffers::FlatBufferBuilder fbb;
  auto q = tfl::CreateQuantizationParameters(
      fbb, 0, 0, fbb.CreateVector(std::vector<float>(n, 1.0f)),
      fbb.CreateVector(std::vector<int64_t>(n, 0)),
      tfl::QuantizationDetails::NONE, 0, 0);
  auto t =
      tfl::CreateTensor(fbb, fbb.CreateVector(std::vector<int32_t>{n}),
                        tfl::TensorType::INT8, 0, fbb.CreateString("t"), q);
  std::vector<flatbuffers::Offset<tfl::Tensor>> tensors(n, t);
  return FinishModel(fbb, tfl::CreateSubGraph(fbb, fbb.CreateVector(tensors)));
}

// n operators that are all the same table, each with n inputs.
inline std::vector<uint8_t> SharedOperatorModel(int n) {
  flatbuffers::FlatBufferBuilder fbb;
  auto t = tfl::CreateTensor(fbb, fbb.CreateVector(std::vector<int32_t>{1}),
                             tfl::TensorType::INT8);
  auto op =
      tfl::CreateOperator(fbb, 0, fbb.CreateVector(std::vector<int32_t>(n, 0)),
                          fbb.CreateVector(std::vector<int32_t>{0}));
  std::vector<flatbuffers::Offset<tfl::Operator>> ops(n, op);
  std::vector<flatbuffers::Offset<tfl::Tensor>> tensors{t};
  std::vector<flatbuffers::Offset<tfl::OperatorCode>> codes{
      tfl::CreateOperatorCode(fbb, static_cast<int8_t>(kReshape), 0, 1,
                              tfl::BuiltinOperator::RESHAPE)};
  return FinishModel(fbb,
                     tfl::CreateSubGraph(fbb, fbb.CreateVector(tensors), 0, 0,
                                         fbb.CreateVector(ops)),
                     codes);
}

// n tensors (one shared, empty table): more than LoadLimits allows.
inline std::vector<uint8_t> ManyTensorsModel(int n) {
  flatbuffers::FlatBufferBuilder fbb;
  auto t = tfl::CreateTensor(fbb);
  std::vector<flatbuffers::Offset<tfl::Tensor>> tensors(n, t);
  return FinishModel(fbb, tfl::CreateSubGraph(fbb, fbb.CreateVector(tensors)));
}

// A chain of n RESHAPE ops x → t1 → … → tn; with `all_outputs`, every tensor
// is a model output, so all of them live until the end.
inline std::vector<uint8_t> ReshapeChainModel(int n, bool all_outputs) {
  Draft d;
  d.tensors.push_back(Activation("x", DataType::kFloat32, {4}));
  d.tensors.push_back(Int32Constant("shape", {4}));
  for (int i = 1; i <= n; ++i) {
    d.tensors.push_back(Activation("", DataType::kFloat32, {4}));
    const int in = i == 1 ? 0 : i;
    d.ops.push_back(Op(kReshape, {in, 1}, {i + 1}));
    if (all_outputs) d.outputs.push_back(i + 1);
  }
  d.inputs = {0};
  if (!all_outputs) d.outputs = {n + 1};
  return d.Build();
}

// ---------------------------------------------------------------------------
// Byte patches of a real model. The model is parsed from the very vector that
// is patched, so every address below lies inside `bytes`.

class Patcher {
 public:
  explicit Patcher(std::vector<uint8_t> bytes) : bytes_(std::move(bytes)) {}
  const tfl::Model* model() const { return tfl::GetModel(bytes_.data()); }
  const tfl::SubGraph* subgraph() const { return model()->subgraphs()->Get(0); }
  const tfl::Tensor* tensor(int i) const {
    return subgraph()->tensors()->Get(i);
  }
  const tfl::Operator* op(int i) const {
    return subgraph()->operators()->Get(i);
  }

  template <typename T>
  void Write(const void* addr, T value) {
    const size_t off = Offset(addr);
    uint8_t raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    for (size_t k = 0; k < sizeof(T); ++k) bytes_.at(off + k) = raw[k];
  }
  // A scalar field that the file stores (not one left at its default).
  template <typename T>
  void WriteField(const void* table, flatbuffers::voffset_t field, T value) {
    const uint8_t* addr =
        reinterpret_cast<const flatbuffers::Table*>(table)->GetAddressOf(field);
    if (addr == nullptr) {
      std::fprintf(stderr, "Patcher: field %u is not stored\n", field);
      std::abort();
    }
    Write(addr, value);
  }
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  // Through integers: GCC's object-size tracking otherwise takes the write
  // for one into the (empty) FlatBuffers accessor object.
  size_t Offset(const void* addr) const {
    const uintptr_t p = reinterpret_cast<uintptr_t>(addr);
    const uintptr_t base = reinterpret_cast<uintptr_t>(bytes_.data());
    if (p < base || p >= base + bytes_.size()) {
      std::fprintf(stderr, "Patcher: address outside the model\n");
      std::abort();
    }
    return static_cast<size_t>(p - base);
  }
  std::vector<uint8_t> bytes_;
};

// Address of element i of a FlatBuffers vector (Data() is a byte pointer).
template <typename T>
const void* Element(const flatbuffers::Vector<T>* v, size_t i) {
  return v->Data() + i * sizeof(T);
}

inline std::vector<uint8_t> Truncated(const std::vector<uint8_t>& b, size_t n) {
  return std::vector<uint8_t>(b.begin(), b.begin() + std::min(n, b.size()));
}

// hello_world_int8.tflite, as found in tests/data/models (empty if missing).
inline std::vector<uint8_t> HelloWorldInt8() {
  return ReadFile(SourcePath("tests/data/models/hello_world_int8.tflite"));
}

// Names of hello_world_int8's tensors that the messages mention.
constexpr const char* kHelloInput = "tensor 0 'serving_default_dense_input:0'";
constexpr const char* kHelloDense =
    "tensor 7 'sequential/dense/MatMul;sequential/dense/Relu;sequential/dense/"
    "BiasAdd'";

// ---------------------------------------------------------------------------
// The catalogue. `hello` is hello_world_int8.tflite; cases made from it are
// skipped when it is empty.

inline std::vector<Case> AllCases(const std::vector<uint8_t>& hello) {
  using SC = StatusCode;
  std::vector<Case> c;
  const float kNaN = std::numeric_limits<float>::quiet_NaN();
  const float kInf = std::numeric_limits<float>::infinity();

  // --- Whole-file damage to a real model.
  if (!hello.empty()) {
    const size_t n = hello.size();
    c.push_back({"truncated_0.tflite", {}, SC::kIoError, "is empty"});
    c.push_back({"truncated_7.tflite", Truncated(hello, 7), SC::kInvalidModel,
                 "file is too small to be a TFLite model (7 bytes)"});
    c.push_back({"truncated_8.tflite", Truncated(hello, 8), SC::kInvalidModel,
                 "model failed FlatBuffers verification: the file is truncated "
                 "or corrupted (8 bytes)"});
    c.push_back({"truncated_100.tflite", Truncated(hello, 100),
                 SC::kInvalidModel,
                 "failed FlatBuffers verification: the file is truncated or "
                 "corrupted (100 bytes)"});
    c.push_back({"truncated_half.tflite", Truncated(hello, n / 2),
                 SC::kInvalidModel,
                 StrFormat("truncated or corrupted (%zu bytes)", n / 2)});
    c.push_back({"truncated_minus_1.tflite", Truncated(hello, n - 1),
                 SC::kInvalidModel,
                 StrFormat("truncated or corrupted (%zu bytes)", n - 1)});
    {
      std::vector<uint8_t> b = hello;
      std::memcpy(b.data() + 4, "TFL2", 4);
      c.push_back({"wrong_identifier.tflite", b, SC::kInvalidModel,
                   "not a TFLite model: file identifier is 'TFL2', expected "
                   "'TFL3'"});
    }
    {
      // The identifier is right, the rest is noise.
      std::mt19937 rng(7);
      std::vector<uint8_t> b(n);
      for (uint8_t& v : b) v = static_cast<uint8_t>(rng());
      std::memcpy(b.data() + 4, "TFL3", 4);
      c.push_back({"random_bytes_tfl3.tflite", b, SC::kInvalidModel,
                   "model failed FlatBuffers verification"});
    }
    // --- Field patches of the real model.
    {
      Patcher p(hello);
      p.Write(p.tensor(7)->quantization()->scale()->Data(), kNaN);
      c.push_back({"hello_scale_nan.tflite", p.bytes(), SC::kInvalidModel,
                   std::string("op 1 (FULLY_CONNECTED v4): input 0 (") +
                       kHelloDense + "): quantization scale[0] is NaN"});
    }
    {
      Patcher p(hello);
      p.Write(p.tensor(7)->quantization()->scale()->Data(), -0.5f);
      c.push_back({"hello_scale_negative.tflite", p.bytes(), SC::kInvalidModel,
                   "quantization scale[0] = -0.5 must be positive and finite"});
    }
    {
      Patcher p(hello);
      p.Write(p.tensor(0)->quantization()->zero_point()->Data(), int64_t{-129});
      c.push_back(
          {"hello_zero_point_int8_range.tflite", p.bytes(), SC::kInvalidModel,
           "op 0 (FULLY_CONNECTED v4): input 0 (" + std::string(kHelloInput) +
               "): zero_point[0] = -129 is outside the int8 range "
               "[-128, 127]"});
    }
    {
      // Found by the mutation test: the zero_point offset moved by 12 bytes
      // onto a 4-byte boundary, where the verifier accepts it.
      Patcher p(hello);
      p.WriteField(p.tensor(6)->quantization(),
                   tfl::QuantizationParameters::VT_ZERO_POINT, uint32_t{16});
      c.push_back({"hello_zero_point_misaligned.tflite", p.bytes(),
                   SC::kInvalidModel,
                   "op 0 (FULLY_CONNECTED v4): input 1 (tensor 6 "
                   "'sequential/dense/MatMul'): quantization zero_point vector "
                   "is not 8-byte aligned in the file"});
    }
    {
      Patcher p(hello);
      p.WriteField(p.tensor(4), tfl::Tensor::VT_BUFFER, uint32_t{99});
      c.push_back({"hello_buffer_index_out_of_range.tflite", p.bytes(),
                   SC::kInvalidModel,
                   "op 1 (FULLY_CONNECTED v4): input 1 (tensor 4 "
                   "'sequential/dense_1/MatMul'): buffer index 99 out of range "
                   "(model has 13 buffers)"});
    }
    {
      Patcher p(hello);
      p.Write(Element(p.tensor(4)->shape(), 1), int32_t{17});
      c.push_back({"hello_buffer_too_small.tflite", p.bytes(),
                   SC::kInvalidModel,
                   "(tensor 4 'sequential/dense_1/MatMul'): buffer 5 holds 256 "
                   "bytes but shape [16, 17] of int8 needs 272"});
    }
    {
      Patcher p(hello);
      p.Write(Element(p.tensor(2)->shape(), 1), int32_t{-16});
      c.push_back({"hello_negative_dimension.tflite", p.bytes(),
                   SC::kInvalidModel,
                   "(tensor 2 'sequential/dense_2/MatMul'): shape [1, -16] has "
                   "a negative dimension"});
    }
    {
      Patcher p(hello);
      p.WriteField(p.tensor(0), tfl::Tensor::VT_TYPE, int8_t{10});
      c.push_back({"hello_type_float64.tflite", p.bytes(), SC::kUnsupported,
                   "op 0 (FULLY_CONNECTED v4): input 0 (" +
                       std::string(kHelloInput) +
                       "): element type FLOAT64 is not supported"});
    }
    {
      Patcher p(hello);
      p.Write(p.op(0)->inputs()->Data(), int32_t{77});
      c.push_back(
          {"hello_op_input_out_of_range.tflite", p.bytes(), SC::kInvalidModel,
           "op 0 (FULLY_CONNECTED v4): input 0 refers to tensor 77, out "
           "of range (subgraph has 10 tensors)"});
    }
    {
      Patcher p(hello);
      p.Write(p.op(0)->inputs()->Data(), int32_t{8});
      c.push_back(
          {"hello_used_before_produced.tflite", p.bytes(), SC::kInvalidModel,
           "op 0 (FULLY_CONNECTED v4): input 0 (tensor 8 "
           "'sequential/dense_1/MatMul;sequential/dense_1/Relu;"
           "sequential/dense_1/BiasAdd') is used before it is produced"});
    }
    {
      Patcher p(hello);
      p.Write(p.op(1)->outputs()->Data(), int32_t{7});
      c.push_back({"hello_produced_twice.tflite", p.bytes(), SC::kInvalidModel,
                   "op 1 (FULLY_CONNECTED v4): output 0 (" +
                       std::string(kHelloDense) +
                       ") is already produced by op 0"});
    }
    {
      Patcher p(hello);
      p.Write(p.subgraph()->outputs()->Data(), int32_t{1000});
      c.push_back({"hello_model_output_out_of_range.tflite", p.bytes(),
                   SC::kInvalidModel,
                   "model output 0 refers to tensor 1000, out of range "
                   "(subgraph has 10 tensors)"});
    }
    {
      Patcher p(hello);
      p.WriteField(p.model()->operator_codes()->Get(0),
                   tfl::OperatorCode::VT_VERSION, int32_t{99});
      c.push_back({"hello_fully_connected_v99.tflite", p.bytes(),
                   SC::kUnsupported,
                   "op 0 (FULLY_CONNECTED v99): version 99 not supported "
                   "(edgelite supports FULLY_CONNECTED v1 to v"});
    }
    {
      Patcher p(hello);
      p.WriteField(p.model()->operator_codes()->Get(0),
                   tfl::OperatorCode::VT_BUILTIN_CODE, int32_t{200});
      c.push_back({"hello_unknown_builtin_200.tflite", p.bytes(),
                   SC::kUnsupported,
                   "model uses 3 unsupported operators: op 0 (STABLEHLO_WHILE "
                   "v4): operator not supported by edgelite; op 1"});
    }
  }

  // --- Builder-made models, one defect each.
  {
    Draft d = FloatReshape();
    d.ops[0].inputs[0] = 5;
    c.push_back({"op_input_out_of_range.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 0 refers to tensor 5, out of range "
                 "(subgraph has 3 tensors)"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].outputs[0] = 3;
    c.push_back({"op_output_out_of_range.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): output 0 refers to tensor 3, out of range "
                 "(subgraph has 3 tensors)"});
  }
  {
    Draft d = FloatReshape();
    d.inputs = {-3};
    c.push_back({"model_input_out_of_range.tflite", d.Build(),
                 SC::kInvalidModel,
                 "model input 0 refers to tensor -3, out of range (subgraph "
                 "has 3 tensors)"});
  }
  {
    Draft d = FloatReshape();
    d.outputs = {2, 3};
    c.push_back({"model_output_out_of_range.tflite", d.Build(),
                 SC::kInvalidModel,
                 "model output 1 refers to tensor 3, out of range (subgraph "
                 "has 3 tensors)"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[1].data.resize(3);
    c.push_back({"buffer_too_small.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 1 (tensor 1 'new_shape'): buffer 1 "
                 "holds 3 bytes but shape [1] of int32 needs 4"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[1].data.resize(8);
    c.push_back({"buffer_too_large.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 1 (tensor 1 'new_shape'): buffer 1 "
                 "holds 8 bytes but shape [1] of int32 needs 4"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[1].buffer_override = 42;
    c.push_back({"buffer_index_out_of_range.tflite", d.Build(),
                 SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 1 (tensor 1 'new_shape'): buffer "
                 "index 42 out of range (model has 2 buffers)"});
  }
  {
    Draft d = Int8Reshape();
    d.tensors[0].scales = {0.0f};
    c.push_back({"scale_zero.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): quantization "
                 "scale[0] = 0 must be positive and finite"});
  }
  {
    Draft d = Int8Reshape();
    d.tensors[0].scales = {-1.0f};
    c.push_back({"scale_negative.tflite", d.Build(), SC::kInvalidModel,
                 "quantization scale[0] = -1 must be positive and finite"});
  }
  {
    Draft d = Int8Reshape();
    d.tensors[0].scales = {kNaN};
    c.push_back({"scale_nan.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): quantization "
                 "scale[0] is NaN"});
  }
  {
    Draft d = Int8Reshape();
    d.tensors[2].scales = {kInf};
    c.push_back({"scale_inf.tflite", d.Build(), SC::kInvalidModel,
                 "tensor 2 'y': quantization scale[0] = inf must be positive "
                 "and finite"});
  }
  {
    Draft d = Int8Reshape();
    d.tensors[0].zero_points = {128};
    c.push_back({"zero_point_int8_out_of_range.tflite", d.Build(),
                 SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): zero_point[0] = "
                 "128 is outside the int8 range [-128, 127]"});
  }
  {
    Draft d = Int8Reshape(DataType::kUInt8);
    d.tensors[0].zero_points = {256};
    c.push_back({"zero_point_uint8_out_of_range.tflite", d.Build(),
                 SC::kInvalidModel,
                 "(tensor 0 'x'): zero_point[0] = 256 is outside the uint8 "
                 "range [0, 255]"});
  }
  {
    Draft d = Int8Reshape(DataType::kUInt8);
    d.tensors[0].zero_points = {-1};
    c.push_back({"zero_point_uint8_negative.tflite", d.Build(),
                 SC::kInvalidModel,
                 "(tensor 0 'x'): zero_point[0] = -1 is outside the uint8 "
                 "range [0, 255]"});
  }
  {
    Draft d = PerChannelReshape();
    d.tensors[0].zero_points = {0, 0};
    c.push_back({"zero_point_count_mismatch.tflite", d.Build(),
                 SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'w'): quantization has "
                 "3 scales but 2 zero points"});
  }
  {
    Draft d = PerChannelReshape();
    d.tensors[0].scales = {0.1f, 0.2f};
    d.tensors[0].zero_points = {0, 0};
    c.push_back(
        {"per_channel_count_mismatch.tflite", d.Build(), SC::kInvalidModel,
         "op 0 (RESHAPE v1): input 0 (tensor 0 'w'): per-channel scale "
         "count 2 != channels 3 (quantized_dimension 0 of shape [3, 2])"});
  }
  {
    Draft d = PerChannelReshape();
    d.tensors[0].quantized_dimension = 2;
    c.push_back({"quantized_dimension_out_of_range.tflite", d.Build(),
                 SC::kInvalidModel,
                 "(tensor 0 'w'): quantized_dimension 2 is out of range for "
                 "shape [3, 2]"});
  }
  {
    Draft d = PerChannelReshape();
    d.tensors[0].quantized_dimension = -1;
    c.push_back({"quantized_dimension_negative.tflite", d.Build(),
                 SC::kInvalidModel,
                 "(tensor 0 'w'): quantized_dimension -1 is out of range for "
                 "shape [3, 2]"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[0].shape = {65536, 65536, 65536};
    c.push_back({"shape_product_overflow.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): shape [65536, "
                 "65536, 65536] has more than 2147483648 elements (overflow)"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[0].shape = {2, -3};
    c.push_back({"negative_dimension.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): shape [2, -3] has "
                 "a negative dimension"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[0].shape = {1, 1, 1, 1, 1, 1, 2, 3, 1};
    c.push_back({"rank_9.tflite", d.Build(), SC::kUnsupported,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): rank 9 exceeds "
                 "the supported maximum of 8"});
  }
  {
    Draft d = ReshapeChain();
    std::swap(d.ops[0], d.ops[1]);
    c.push_back({"used_before_produced.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): input 0 (tensor 2 'mid') is used before "
                 "it is produced"});
  }
  {
    Draft d = ReshapeChain();
    d.ops[1].inputs = {0, 4};
    d.ops[1].outputs = {2};
    d.outputs = {2};
    c.push_back({"produced_twice.tflite", d.Build(), SC::kInvalidModel,
                 "op 1 (RESHAPE v1): output 0 (tensor 2 'mid') is already "
                 "produced by op 0"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].outputs = {1};
    d.outputs = {1};
    c.push_back({"op_writes_constant.tflite", d.Build(), SC::kInvalidModel,
                 "op 0 (RESHAPE v1): output 0 (tensor 1 'new_shape') is a "
                 "constant tensor"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].outputs = {0};
    d.outputs = {0};
    c.push_back(
        {"op_writes_model_input.tflite", d.Build(), SC::kInvalidModel,
         "op 0 (RESHAPE v1): output 0 (tensor 0 'x') overwrites a model "
         "input or variable"});
  }
  {
    Draft d = FloatReshape();
    d.inputs = {1};
    c.push_back({"model_input_is_constant.tflite", d.Build(), SC::kInvalidModel,
                 "model input tensor 1 'new_shape' is a constant"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].builtin_code = 200;
    c.push_back(
        {"unknown_builtin_200.tflite", d.Build(), SC::kUnsupported,
         "model uses 1 unsupported operator: op 0 (STABLEHLO_WHILE v1): "
         "operator not supported by edgelite"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].builtin_code = 1000;
    c.push_back({"unknown_builtin_1000.tflite", d.Build(), SC::kUnsupported,
                 "op 0 (BUILTIN_1000 v1): operator not supported by edgelite"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].builtin_code = kCustom;
    d.ops[0].custom_code = "MyOp";
    c.push_back({"custom_op_unknown.tflite", d.Build(), SC::kUnsupported,
                 "model uses 1 unsupported operator: op 0 (CUSTOM 'MyOp' v1): "
                 "operator not supported by edgelite"});
  }
  {
    Draft d = ReshapeChain();
    d.ops[0].builtin_code = kCustom;
    d.ops[0].custom_code = "MyOp";
    d.ops[1].builtin_code = 200;
    c.push_back({"two_unsupported_ops.tflite", d.Build(), SC::kUnsupported,
                 "model uses 2 unsupported operators: op 0 (CUSTOM 'MyOp' v1): "
                 "operator not supported by edgelite; op 1 (STABLEHLO_WHILE "
                 "v1): operator not supported by edgelite"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].version = 99;
    c.push_back({"reshape_v99.tflite", d.Build(), SC::kUnsupported,
                 "op 0 (RESHAPE v99): version 99 not supported (edgelite "
                 "supports RESHAPE v1 to v1)"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[0].type_code_override = 10;  // FLOAT64
    c.push_back({"type_float64.tflite", d.Build(), SC::kUnsupported,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): element type "
                 "FLOAT64 is not supported"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[0].type_code_override = 5;  // STRING
    c.push_back({"type_string.tflite", d.Build(), SC::kUnsupported,
                 "op 0 (RESHAPE v1): input 0 (tensor 0 'x'): element type "
                 "STRING is not supported"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[0].type_code_override = 100;
    c.push_back({"type_unknown_100.tflite", d.Build(), SC::kUnsupported,
                 "(tensor 0 'x'): element type UNKNOWN_TYPE"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].opcode_index_override = 3;
    c.push_back({"opcode_index_out_of_range.tflite", d.Build(),
                 SC::kInvalidModel,
                 "op 0: opcode_index 3 out of range (model has 1 operator "
                 "codes)"});
  }
  {
    Draft d = FloatReshape();
    d.ops[0].builtin_code = kCustom;
    c.push_back({"custom_op_without_name.tflite", d.Build(), SC::kInvalidModel,
                 "operator code 0: CUSTOM op without a name"});
  }
  c.push_back({"no_subgraphs.tflite", NoSubgraphsModel(), SC::kInvalidModel,
               "model has no subgraphs"});
  {
    const std::vector<uint8_t> b = SharedQuantizationModel(2000);
    c.push_back({"shared_quantization_vectors.tflite", b, SC::kInvalidModel,
                 StrFormat("the model refers to more data than its %zu-byte "
                           "file holds (tables share FlatBuffers vectors or "
                           "tables); refusing it",
                           b.size())});
  }
  {
    const std::vector<uint8_t> b = SharedOperatorModel(2000);
    c.push_back({"shared_operator_inputs.tflite", b, SC::kInvalidModel,
                 StrFormat("op 0 (RESHAPE v1): the model refers to more data "
                           "than its %zu-byte file holds",
                           b.size())});
  }
  c.push_back({"too_many_tensors.tflite", ManyTensorsModel(32769),
               SC::kResourceExhausted,
               "model has 32769 tensors, more than the limit of 32768 "
               "(LoadLimits::max_tensors)"});
  {
    Draft d = FloatReshape();
    d.tensors[1].data = Bytes(std::vector<int32_t>{4});
    c.push_back({"reshape_element_count_mismatch.tflite", d.Build(),
                 SC::kInvalidModel,
                 "op 0 (RESHAPE v1): cannot reshape [2, 3] (6 elements) to "
                 "[4]"});
  }
  {
    Draft d = FloatReshape();
    d.tensors[0].shape_signature = {-1, 4};
    c.push_back({"shape_signature_mismatch.tflite", d.Build(),
                 SC::kInvalidModel,
                 "(tensor 0 'x'): shape_signature dimension 1 is 4 but shape "
                 "says 3"});
  }
  return c;
}

}  // namespace malformed
}  // namespace testing
}  // namespace edgelite

#endif  // EDGELITE_TESTS_FORMAT_MALFORMED_MODELS_H_
