#include "ops/segment_common.h"

#include <cstdint>
#include <limits>
#include <type_traits>

namespace edgelite {
namespace {

// std::max / std::min as TFLite calls them: (a < b) ? b : a and
// (b < a) ? b : a, so NaN handling follows the same comparisons.
template <typename T, SegmentOp kOp>
T Combine(T a, T b) {
  switch (kOp) {
    case SegmentOp::kSum:
      if constexpr (std::is_integral<T>::value) {
        return static_cast<T>(static_cast<uint32_t>(a) +
                              static_cast<uint32_t>(b));
      } else {
        return a + b;
      }
    case SegmentOp::kMax:
      return a < b ? b : a;
    case SegmentOp::kMin:
      return b < a ? b : a;
    default:
      if constexpr (std::is_integral<T>::value) {
        return static_cast<T>(static_cast<uint32_t>(a) *
                              static_cast<uint32_t>(b));
      } else {
        return a * b;
      }
  }
}

template <typename T, SegmentOp kOp>
void Reduce(const T* data, const int32_t* ids, int64_t n, int64_t row,
            int64_t segments, T* out) {
  T init = T(0);
  if (kOp == SegmentOp::kMax) init = std::numeric_limits<T>::lowest();
  if (kOp == SegmentOp::kMin) init = std::numeric_limits<T>::max();
  if (kOp == SegmentOp::kProd) init = T(1);
  for (int64_t i = 0; i < segments * row; ++i) out[i] = init;
  for (int64_t i = 0; i < n; ++i) {
    if (ids[i] < 0) continue;
    T* o = out + ids[i] * row;
    const T* d = data + i * row;
    for (int64_t j = 0; j < row; ++j) o[j] = Combine<T, kOp>(o[j], d[j]);
  }
}

template <typename T>
void ReduceType(SegmentOp op, const T* data, const int32_t* ids, int64_t n,
                int64_t row, int64_t segments, T* out) {
  switch (op) {
    case SegmentOp::kSum:
      return Reduce<T, SegmentOp::kSum>(data, ids, n, row, segments, out);
    case SegmentOp::kMax:
      return Reduce<T, SegmentOp::kMax>(data, ids, n, row, segments, out);
    case SegmentOp::kMin:
      return Reduce<T, SegmentOp::kMin>(data, ids, n, row, segments, out);
    case SegmentOp::kProd:
      return Reduce<T, SegmentOp::kProd>(data, ids, n, row, segments, out);
  }
}

}  // namespace

void SegmentReduce(SegmentOp op, const Tensor* data, const int32_t* ids,
                   int64_t n, int64_t row, int64_t segments, Tensor* out) {
  if (data->type == DataType::kFloat32) {
    ReduceType(op, data->Data<float>(), ids, n, row, segments,
               out->MutableData<float>());
  } else {
    ReduceType(op, data->Data<int32_t>(), ids, n, row, segments,
               out->MutableData<int32_t>());
  }
}

}  // namespace edgelite
