// The segment reductions (SEGMENT_SUM, UNSORTED_SEGMENT_SUM/MAX/MIN/PROD):
// out[ids[i]] = op(out[ids[i]], data[i]) over rows of `row` elements.
#ifndef EDGELITE_OPS_SEGMENT_COMMON_H_
#define EDGELITE_OPS_SEGMENT_COMMON_H_

#include <cstdint>
#include <memory>

#include "core/op.h"
#include "core/tensor.h"

namespace edgelite {

enum class SegmentOp : int8_t { kSum, kMax, kMin, kProd };

// float32 or int32 `data` ([n rows of `row`]) into `out` ([segments, row]),
// starting from TFLite's initial values (0; lowest; max; 1). Ids < 0 are
// skipped; callers have checked ids < segments. int32 sums and products
// wrap, as TFLite's WrappingAdd/WrappingMul.
// The UNSORTED_SEGMENT_* ops (unsorted_segment_common.cc).
std::unique_ptr<Op> CreateUnsortedSegmentOp(SegmentOp op);

void SegmentReduce(SegmentOp op, const Tensor* data, const int32_t* ids,
                   int64_t n, int64_t row, int64_t segments, Tensor* out);

}  // namespace edgelite

#endif  // EDGELITE_OPS_SEGMENT_COMMON_H_
