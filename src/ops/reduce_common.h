// Shared by SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD, REDUCE_ANY and
// REDUCE_ALL: the axis input (constant int32/int64; negative axes count from
// the end, duplicates count once, an empty list or a scalar input reduces
// nothing), keep_dims, the output shape, and a row-major walk that visits
// every input element in TFLite's order (its optimized ReduceImpl and the
// reference Reduce both accumulate each output in input order).
#ifndef EDGELITE_OPS_REDUCE_COMMON_H_
#define EDGELITE_OPS_REDUCE_COMMON_H_

#include <cstdint>
#include <memory>

#include "core/op.h"
#include "core/status.h"
#include "core/types.h"

namespace edgelite {

struct ReducePlan {
  int rank = 1;  // >= 1: a scalar is walked as a 1-element vector
  int32_t dims[kMaxRank] = {};
  int64_t out_strides[kMaxRank] = {};  // 0 along reduced dims
  int64_t num_inputs = 0;
  int64_t num_outputs = 0;
  int64_t num_reduced = 1;  // input elements per output
  // No axis left after resolution (empty axis list or scalar input): TFLite
  // copies the input instead of reducing.
  bool copy = false;
};

// Reads the axis (input 1), validates it against input 0, sets output 0's
// shape from keep_dims and fills `plan`.
Status PrepareReduce(OpContext& ctx, ReducePlan* plan);

// Calls op(acc[o], x[i]) for every input element i in row-major order, o being
// the output it reduces into. `acc` must be initialized by the caller.
template <typename T, typename Acc, typename Op>
void ReduceInto(const ReducePlan& p, const T* x, Acc* acc, Op op) {
  if (p.num_inputs == 0) return;
  const int last = p.rank - 1;
  const int32_t n = p.dims[last];
  const int64_t step = p.out_strides[last];
  int32_t idx[kMaxRank] = {};
  int64_t off = 0;
  for (int64_t rows = p.num_inputs / n; rows > 0; --rows) {
    Acc* a = acc + off;
    if (step == 0) {
      for (int32_t i = 0; i < n; ++i) op(*a, x[i]);
    } else {
      for (int32_t i = 0; i < n; ++i) op(a[i], x[i]);
    }
    x += n;
    for (int d = last - 1; d >= 0; --d) {
      off += p.out_strides[d];
      if (++idx[d] < p.dims[d]) break;
      off -= p.out_strides[d] * p.dims[d];
      idx[d] = 0;
    }
  }
}

// REDUCE_MAX / REDUCE_MIN (reduce_max.cc) and REDUCE_ANY / REDUCE_ALL
// (reduce_any.cc) share their implementations.
std::unique_ptr<Op> CreateReduceMinMaxOp(bool is_max);
std::unique_ptr<Op> CreateReduceAnyAllOp(bool is_any);

}  // namespace edgelite

#endif  // EDGELITE_OPS_REDUCE_COMMON_H_
