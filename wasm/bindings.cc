// Embind bindings: the C++ API of src/api/session.h as seen from JavaScript.
// Only binding here — conversions between C++ and JS values. The logic lives
// in src/api (shared with the CLI and tested natively); the JS library in
// web/src wraps these in its public API.
//
// Errors: built without C++ exceptions, so nothing throws across the
// boundary. A call that fails returns a JS Error whose `code` is the status
// code name (INVALID_MODEL, UNSUPPORTED, ...) and whose message names the
// op, tensor or field; the JS library turns it into a thrown EdgeliteError.
// (Throwing from C++ with emscripten::val::throw_ would skip destructors.)
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "api/session.h"
#include "core/op.h"

namespace edgelite {
namespace {

using emscripten::val;

val ErrorValue(const Status& s) {
  val e = val::global("Error").new_(val(s.message()));
  e.set("code", val(StatusCodeName(s.code())));
  return e;
}

val Strings(const std::vector<std::string>& v) {
  val a = val::array();
  for (size_t i = 0; i < v.size(); ++i) a.set(i, val(v[i]));
  return a;
}

val Floats(const std::vector<float>& v) {
  val a = val::array();
  for (size_t i = 0; i < v.size(); ++i) a.set(i, val(v[i]));
  return a;
}

val ShapeValue(const Shape& s) {
  val a = val::array();
  for (int i = 0; i < s.rank; ++i) a.set(i, val(s[i]));
  return a;
}

val QuantValue(const QuantParams* q) {
  if (q == nullptr || q->empty()) return val::null();
  val o = val::object();
  o.set("scale", val(q->scale[0]));
  o.set("zeroPoint",
        val(static_cast<double>(q->zero_point.empty() ? 0 : q->zero_point[0])));
  if (q->per_channel()) {
    o.set("scales", Floats(q->scale));
    val zps = val::array();
    for (size_t i = 0; i < q->zero_point.size(); ++i) {
      zps.set(i, val(static_cast<double>(q->zero_point[i])));
    }
    o.set("zeroPoints", zps);
    o.set("axis", val(q->quantized_dimension));
  }
  return o;
}

val TensorValue(const Tensor& t) {
  val o = val::object();
  o.set("name", val(std::string(t.name ? t.name : "")));
  o.set("dtype", val(std::string(DataTypeName(t.type))));
  o.set("shape", ShapeValue(t.shape));
  o.set("bytes", val(static_cast<double>(t.bytes)));
  o.set("quantization", QuantValue(t.quant));
  return o;
}

// A typed-array view of a tensor's bytes in wasm memory. Views die when
// memory grows; the JS library copies or re-fetches them.
val TensorView(const Tensor& t) {
  const size_t n = static_cast<size_t>(t.NumElements());
  using emscripten::typed_memory_view;
  switch (t.type) {
    case DataType::kFloat32:
      return val(typed_memory_view(n, reinterpret_cast<float*>(t.data)));
    case DataType::kComplex64:
      // Interleaved (real, imaginary) pairs: 2n floats.
      return val(typed_memory_view(2 * n, reinterpret_cast<float*>(t.data)));
    case DataType::kInt32:
      return val(typed_memory_view(n, reinterpret_cast<int32_t*>(t.data)));
    case DataType::kInt16:
      return val(typed_memory_view(n, reinterpret_cast<int16_t*>(t.data)));
    case DataType::kFloat16:
      return val(typed_memory_view(n, reinterpret_cast<uint16_t*>(t.data)));
    case DataType::kInt8:
      return val(typed_memory_view(n, reinterpret_cast<int8_t*>(t.data)));
    case DataType::kInt64:
      // No BigInt64Array without WASM_BIGINT: expose the raw bytes.
      return val(
          typed_memory_view(t.bytes, reinterpret_cast<uint8_t*>(t.data)));
    default:
      return val(
          typed_memory_view(t.bytes, reinterpret_cast<uint8_t*>(t.data)));
  }
}

class WasmModel {
 public:
  // `buffer` comes from allocModelBuffer() and is owned from here on, even
  // when loading fails.
  WasmModel(uint32_t buffer, uint32_t size, val options) {
    SessionOptions o;
    if (options["arithmetic"].as<std::string>() == "micro") {
      o.interpreter.arithmetic = QuantArithmetic::kMicro;
    }
    o.interpreter.profile = options["profile"].as<bool>();
    const double max_arena = options["maxArenaBytes"].as<double>();
    // Converting a double beyond size_t's range is undefined: clamp first
    // (the library already refuses non-integers and clamps to 2^32 − 1).
    if (max_arena > 0) {
      o.interpreter.max_arena_bytes = max_arena >= static_cast<double>(SIZE_MAX)
                                          ? SIZE_MAX
                                          : static_cast<size_t>(max_arena);
    }
    status_ = Session::Create(
        AdoptModelBuffer(reinterpret_cast<uint8_t*>(buffer), size), o,
        &session_);
  }

  // null, or the Error that loading produced.
  val error() const { return status_.ok() ? val::null() : ErrorValue(status_); }

  int numInputs() const { return session_->interpreter().num_inputs(); }
  int numOutputs() const { return session_->interpreter().num_outputs(); }
  val input(int i) const {
    return TensorValue(*session_->interpreter().input(i));
  }
  val output(int i) const {
    return TensorValue(*session_->interpreter().output(i));
  }
  val inputView(int i) const {
    return TensorView(*session_->interpreter().input(i));
  }
  val outputView(int i) const {
    return TensorView(*session_->interpreter().output(i));
  }

  val run() { return Result(session_->Run()); }

  val resizeInput(int i, val shape) {
    const std::vector<int> dims = emscripten::vecFromJSArray<int>(shape);
    if (dims.size() > static_cast<size_t>(kMaxRank)) {
      return ErrorValue(InvalidArgumentError(
          "a shape has at most %d dims, got %zu", kMaxRank, dims.size()));
    }
    Shape s;
    s.rank = static_cast<int>(dims.size());
    for (size_t d = 0; d < dims.size(); ++d) s.dims[d] = dims[d];
    return Result(session_->ResizeInput(i, s));
  }

  // Uint8Array view of width × height × channels bytes to write the image
  // into, or an Error.
  val stageImage(int width, int height, int channels) {
    uint8_t* pixels = nullptr;
    Status s = session_->StageImage(width, height, channels, &pixels);
    if (!s.ok()) return ErrorValue(s);
    const size_t n = static_cast<size_t>(width) * height * channels;
    return val(emscripten::typed_memory_view(n, pixels));
  }

  // [{index, score}] best first, or an Error.
  val classifyStaged(float crop, int top_k) {
    Status s = session_->ClassifyStaged(crop, top_k, &top_);
    if (!s.ok()) return ErrorValue(s);
    val a = val::array();
    for (size_t i = 0; i < top_.size(); ++i) {
      val r = val::object();
      r.set("index", val(top_[i].index));
      r.set("score", val(top_[i].score));
      a.set(i, r);
    }
    return a;
  }

  void setProfiling(bool on) { session_->set_profiling(on); }

  // [{index, op, ms}] of the last run with profiling on.
  val nodeTimes() const {
    val a = val::array();
    const auto& times = session_->node_times_ns();
    const auto& ops = session_->model().operators();
    for (size_t n = 0; n < times.size() && n < ops.size(); ++n) {
      val r = val::object();
      r.set("index", val(static_cast<int>(n)));
      r.set("op", val(ops[n].OpName()));
      r.set("ms", val(static_cast<double>(times[n]) / 1e6));
      a.set(n, r);
    }
    return a;
  }

  val metadata() const {
    const ModelMetadataInfo& m = session_->metadata();
    val o = val::object();
    o.set("present", val(m.present));
    o.set("name", val(m.name));
    o.set("description", val(m.description));
    o.set("version", val(m.version));
    o.set("author", val(m.author));
    o.set("license", val(m.license));
    o.set("mean", Floats(session_->normalization().mean));
    o.set("std", Floats(session_->normalization().std));
    o.set("scoreThreshold",
          m.has_score_threshold ? val(m.score_threshold) : val::null());
    o.set("warnings", Strings(m.warnings));
    return o;
  }

  // The labels joined by '\n' (they never contain one): a thousand strings
  // cross the boundary as one, which the library splits.
  std::string labelText() const {
    const std::vector<std::string>& labels = session_->labels();
    std::string text;
    for (size_t i = 0; i < labels.size(); ++i) {
      if (i > 0) text += '\n';
      text += labels[i];
    }
    return text;
  }
  int numLabels() const { return static_cast<int>(session_->labels().size()); }

  void setNormalization(val mean, val std) {
    NormalizationParams n;
    n.mean = emscripten::vecFromJSArray<float>(mean);
    n.std = emscripten::vecFromJSArray<float>(std);
    session_->set_normalization(n);
  }

  double arenaBytes() const {
    return static_cast<double>(session_->interpreter().arena_bytes());
  }
  double arenaLowerBound() const {
    return static_cast<double>(session_->interpreter().arena_lower_bound());
  }
  std::string description() const { return session_->model().description(); }

 private:
  static val Result(const Status& s) {
    return s.ok() ? val::null() : ErrorValue(s);
  }

  Status status_;
  std::unique_ptr<Session> session_;
  std::vector<ScoredClass> top_;
};

uint32_t AllocModelBuffer(uint32_t size) {
  return static_cast<uint32_t>(
      reinterpret_cast<uintptr_t>(AllocateModelBuffer(size)));
}
void FreeModelBufferJs(uint32_t p) {
  FreeModelBuffer(reinterpret_cast<uint8_t*>(p));
}

}  // namespace
}  // namespace edgelite

EMSCRIPTEN_BINDINGS(edgelite) {
  using edgelite::WasmModel;
  emscripten::function("allocModelBuffer", &edgelite::AllocModelBuffer);
  emscripten::function("freeModelBuffer", &edgelite::FreeModelBufferJs);
  emscripten::class_<WasmModel>("Model")
      .constructor<uint32_t, uint32_t, emscripten::val>()
      .function("error", &WasmModel::error)
      .function("numInputs", &WasmModel::numInputs)
      .function("numOutputs", &WasmModel::numOutputs)
      .function("input", &WasmModel::input)
      .function("output", &WasmModel::output)
      .function("inputView", &WasmModel::inputView)
      .function("outputView", &WasmModel::outputView)
      .function("run", &WasmModel::run)
      .function("resizeInput", &WasmModel::resizeInput)
      .function("stageImage", &WasmModel::stageImage)
      .function("classifyStaged", &WasmModel::classifyStaged)
      .function("setProfiling", &WasmModel::setProfiling)
      .function("nodeTimes", &WasmModel::nodeTimes)
      .function("metadata", &WasmModel::metadata)
      .function("labelText", &WasmModel::labelText)
      .function("numLabels", &WasmModel::numLabels)
      .function("setNormalization", &WasmModel::setNormalization)
      .function("arenaBytes", &WasmModel::arenaBytes)
      .function("arenaLowerBound", &WasmModel::arenaLowerBound)
      .function("description", &WasmModel::description);
}
