// The operator interface. One class per TFLite builtin lives in src/ops/; the
// interpreter creates one instance per node at AllocateTensors() time.
//
//  - Prepare(ctx): validate inputs (types, ranks, quantization), compute and
//    set output shapes, precompute multipliers/tables into members, request
//    scratch. All checks belong here; heap allocation is allowed.
//  - Eval(ctx): compute. Must not allocate, must not abort; it may only fail
//    on data-dependent values (e.g. an out-of-range gather index).
#ifndef EDGELITE_CORE_OP_H_
#define EDGELITE_CORE_OP_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/op_options.h"
#include "core/status.h"
#include "core/tensor.h"

namespace edgelite {

struct InterpreterOptions;

// Which quantized arithmetic to compute (see docs/ARCHITECTURE.md).
enum class QuantArithmetic : int8_t {
  // What TFLite computes in practice (XNNPACK fp32 requantization for
  // conv/depthwise/fully-connected, XNNPACK fixed-point ADD, TFLite built-in
  // kernels elsewhere). Byte-identical to LiteRT / tfjs-tflite.
  kTflite = 0,
  // tflite-micro's reference: double-rounding MultiplyByQuantizedMultiplier.
  kMicro = 1,
};

class OpContext {
 public:
  virtual ~OpContext() = default;

  virtual int num_inputs() const = 0;
  virtual int num_outputs() const = 0;
  // nullptr when the input is optional and absent (-1) or i >= num_inputs().
  virtual const Tensor* input(int i) const = 0;
  virtual Tensor* output(int i) = 0;
  virtual const OpOptions& options() const = 0;
  virtual int version() const = 0;
  virtual const uint8_t* custom_options() const = 0;
  virtual size_t custom_options_size() const = 0;
  virtual QuantArithmetic arithmetic() const = 0;
  // The operator's intermediate tensors (TFLite Operator.intermediates, e.g.
  // the gate quantization of an integer LSTM). Only type, shape and
  // quantization are meaningful: they have no memory. nullptr when i is out
  // of range.
  virtual int num_intermediates() const { return 0; }
  virtual const Tensor* intermediate(int /*i*/) const { return nullptr; }

  // Prepare only: set output i's shape (its byte size follows from it).
  virtual Status SetOutputShape(int i, const Shape& shape) = 0;
  // Prepare only: ask for `bytes` of scratch memory live during this node's
  // Eval. Returns an id for scratch().
  virtual Status RequestScratch(size_t bytes, int* id) = 0;
  // Eval only.
  virtual void* scratch(int id) = 0;

  // "op 17 (CONV_2D v3)".
  virtual const std::string& describe() const = 0;

  // Error helpers: the message gets the op prefix, e.g.
  // "op 17 (CONV_2D v3): input 1 (tensor 33 'w'): per-channel scale count…".
  Status Error(StatusCode code, const std::string& what) const {
    return Status(code, describe() + ": " + what);
  }
  Status InputError(StatusCode code, int i, const std::string& what) const;
  Status OutputError(StatusCode code, int i, const std::string& what) const;
};

class Op {
 public:
  virtual ~Op() = default;
  virtual Status Prepare(OpContext& ctx) = 0;
  virtual Status Eval(OpContext& ctx) = 0;
};

using OpFactory = std::unique_ptr<Op> (*)();

struct OpRegistration {
  int32_t builtin_code;     // TFLite BuiltinOperator, 32 for CUSTOM
  const char* custom_code;  // for CUSTOM ops, else nullptr
  const char* name;         // "CONV_2D"
  int min_version;
  int max_version;
  OpFactory create;
};

}  // namespace edgelite

#endif  // EDGELITE_CORE_OP_H_
