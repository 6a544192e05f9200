// UNSORTED_SEGMENT_SUM; see unsorted_segment_common.cc.
#include "ops/ops.h"
#include "ops/segment_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateUnsortedSegmentSum() {
  return CreateUnsortedSegmentOp(SegmentOp::kSum);
}

}  // namespace edgelite
