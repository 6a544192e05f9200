#include "core/types.h"

#include <limits>
#include <string>

namespace edgelite {

bool IsSupportedDataType(int type_code) {
  switch (type_code) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 6:
    case 7:
    case 8:
    case 9:
      return true;
    default:
      return false;
  }
}

size_t DataTypeSize(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return 4;
    case DataType::kFloat16:
      return 2;
    case DataType::kInt32:
      return 4;
    case DataType::kUInt8:
      return 1;
    case DataType::kInt64:
      return 8;
    case DataType::kString:
      return 0;
    case DataType::kBool:
      return 1;
    case DataType::kInt16:
      return 2;
    case DataType::kComplex64:
      return 8;
    case DataType::kInt8:
      return 1;
  }
  return 0;
}

size_t SaturatedByteSize(int64_t elements, DataType type) {
  if (elements <= 0) return 0;
  const uint64_t bytes = static_cast<uint64_t>(elements) * DataTypeSize(type);
  const uint64_t cap = std::numeric_limits<size_t>::max();
  return static_cast<size_t>(bytes > cap ? cap : bytes);
}

const char* DataTypeName(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return "float32";
    case DataType::kFloat16:
      return "float16";
    case DataType::kInt32:
      return "int32";
    case DataType::kUInt8:
      return "uint8";
    case DataType::kInt64:
      return "int64";
    case DataType::kString:
      return "string";
    case DataType::kBool:
      return "bool";
    case DataType::kInt16:
      return "int16";
    case DataType::kComplex64:
      return "complex64";
    case DataType::kInt8:
      return "int8";
  }
  return "unknown";
}

const char* TfliteTypeName(int type_code) {
  static const char* const kNames[] = {
      "FLOAT32", "FLOAT16",       "INT32",      "UINT8",     "INT64",
      "STRING",  "BOOL",          "INT16",      "COMPLEX64", "INT8",
      "FLOAT64", "COMPLEX128",    "UINT64",     "RESOURCE",  "VARIANT",
      "UINT32",  "UINT16",        "INT4",       "BFLOAT16",  "INT2",
      "UINT4",   "FLOAT8_E4M3FN", "FLOAT8_E5M2"};
  if (type_code >= 0 &&
      type_code < static_cast<int>(sizeof(kNames) / sizeof(kNames[0]))) {
    return kNames[type_code];
  }
  return "UNKNOWN_TYPE";
}

Shape::Shape(std::initializer_list<int32_t> d) {
  rank = 0;
  for (int32_t v : d) {
    if (rank < kMaxRank) dims[rank++] = v;
  }
}

Shape Shape::FromVector(const std::vector<int32_t>& d) {
  Shape s;
  s.rank = d.size() > kMaxRank ? kMaxRank : static_cast<int32_t>(d.size());
  for (int i = 0; i < s.rank; ++i) s.dims[i] = d[i];
  return s;
}

int64_t Shape::NumElements() const { return FlatSize(0, rank); }

int64_t Shape::FlatSize(int begin, int end) const {
  int64_t n = 1;
  for (int i = begin; i < end; ++i) n *= dims[i];
  return n;
}

bool Shape::operator==(const Shape& o) const {
  if (rank != o.rank) return false;
  for (int i = 0; i < rank; ++i) {
    if (dims[i] != o.dims[i]) return false;
  }
  return true;
}

std::string Shape::ToString() const {
  std::string s = "[";
  for (int i = 0; i < rank; ++i) {
    if (i) s += ", ";
    s += std::to_string(dims[i]);
  }
  return s + "]";
}

const char* ActivationName(Activation a) {
  switch (a) {
    case Activation::kNone:
      return "NONE";
    case Activation::kRelu:
      return "RELU";
    case Activation::kReluN1To1:
      return "RELU_N1_TO_1";
    case Activation::kRelu6:
      return "RELU6";
    case Activation::kTanh:
      return "TANH";
    case Activation::kSignBit:
      return "SIGN_BIT";
  }
  return "UNKNOWN";
}

}  // namespace edgelite
