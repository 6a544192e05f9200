// Data types, shapes and quantization parameters shared by every layer.
#ifndef EDGELITE_CORE_TYPES_H_
#define EDGELITE_CORE_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace edgelite {

// Values are TFLite's TensorType values, so a file's type byte maps directly.
enum class DataType : int8_t {
  kFloat32 = 0,
  kFloat16 = 1,
  kInt32 = 2,
  kUInt8 = 3,
  kInt64 = 4,
  kString = 5,
  kBool = 6,
  kInt16 = 7,
  // float32 real then float32 imaginary part, 8 bytes (std::complex<float>).
  kComplex64 = 8,
  kInt8 = 9,
};

// True for the types edgelite holds in tensors.
bool IsSupportedDataType(int type_code);
// Byte size of one element; 0 for kString.
size_t DataTypeSize(DataType type);
// Bytes of `elements` (≥ 0) values of `type`, saturated to SIZE_MAX: on
// 32-bit targets (wasm32) a valid element count can exceed size_t in bytes,
// and the arena limit then rejects the tensor instead of a wrapped size.
size_t SaturatedByteSize(int64_t elements, DataType type);
// "float32", "int8", "complex64", … ; for unknown TFLite codes the TFLite
// name ("FLOAT64").
const char* DataTypeName(DataType type);
const char* TfliteTypeName(int type_code);

constexpr int kMaxRank = 8;

// A shape with fixed capacity, so copying one never allocates.
struct Shape {
  int32_t rank = 0;
  int32_t dims[kMaxRank] = {};

  Shape() = default;
  Shape(std::initializer_list<int32_t> d);
  static Shape FromVector(const std::vector<int32_t>& d);

  int32_t dim(int i) const { return dims[i]; }
  int32_t operator[](int i) const { return dims[i]; }
  // Number of elements (1 for rank 0). Callers ensure it cannot overflow
  // (the validator rejects shapes whose product exceeds kMaxElements).
  int64_t NumElements() const;
  // Product of dims [begin, end).
  int64_t FlatSize(int begin, int end) const;
  bool operator==(const Shape& o) const;
  bool operator!=(const Shape& o) const { return !(*this == o); }
  std::string ToString() const;  // "[1, 224, 224, 3]"
  std::vector<int32_t> ToVector() const {
    return std::vector<int32_t>(dims, dims + rank);
  }
};

// Upper bound on the element count of any tensor and on its byte size. Models
// declaring more are rejected at load time; the arena limit applies on top.
constexpr int64_t kMaxElements = int64_t{1} << 31;
constexpr int64_t kMaxTensorBytes = int64_t{1} << 32;

// Asymmetric linear quantization: real = scale * (q - zero_point).
// Per-tensor: one scale. Per-channel: one scale per index of
// `quantized_dimension`.
struct QuantParams {
  std::vector<float> scale;
  std::vector<int64_t> zero_point;
  int32_t quantized_dimension = 0;

  bool empty() const { return scale.empty(); }
  bool per_channel() const { return scale.size() > 1; }
};

// TFLite's fused activation functions (values match the file format).
enum class Activation : int8_t {
  kNone = 0,
  kRelu = 1,
  kReluN1To1 = 2,
  kRelu6 = 3,
  kTanh = 4,
  kSignBit = 5,
};
const char* ActivationName(Activation a);

enum class Padding : int8_t { kSame = 0, kValid = 1 };

}  // namespace edgelite

#endif  // EDGELITE_CORE_TYPES_H_
