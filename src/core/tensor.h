// Runtime tensor: type, current shape, quantization and a data pointer that is
// either into the model bytes (constants) or into the interpreter's arena.
#ifndef EDGELITE_CORE_TENSOR_H_
#define EDGELITE_CORE_TENSOR_H_

#include <cstddef>
#include <cstdint>

#include "core/types.h"

namespace edgelite {

enum class TensorStorage : int8_t {
  kNone = 0,      // not used by the plan (no memory)
  kConstant = 1,  // points into the model bytes; read-only
  kArena = 2,     // planned in the arena
};

struct Tensor {
  int index = -1;
  const char* name = "";
  DataType type = DataType::kFloat32;
  Shape shape;
  const QuantParams* quant = nullptr;  // nullptr when not quantized
  TensorStorage storage = TensorStorage::kNone;
  uint8_t* data = nullptr;
  size_t bytes = 0;  // shape.NumElements() * DataTypeSize(type)
  // A TFLite variable (is_variable): arena memory that keeps its value from
  // one Invoke() to the next (e.g. LSTM state); ops may write it in place.
  bool is_variable = false;

  bool is_constant() const { return storage == TensorStorage::kConstant; }
  int64_t NumElements() const { return shape.NumElements(); }

  template <typename T>
  const T* Data() const {
    return reinterpret_cast<const T*>(data);
  }
  template <typename T>
  T* MutableData() {
    return reinterpret_cast<T*>(data);
  }

  // Per-tensor scale / zero point (first entry); 0 / 0 when not quantized.
  float scale() const {
    return quant && !quant->scale.empty() ? quant->scale[0] : 0.0f;
  }
  int32_t zero_point() const {
    return quant && !quant->zero_point.empty()
               ? static_cast<int32_t>(quant->zero_point[0])
               : 0;
  }
};

}  // namespace edgelite

#endif  // EDGELITE_CORE_TENSOR_H_
