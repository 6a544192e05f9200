// UNSORTED_SEGMENT_MIN; see unsorted_segment_common.cc.
#include "ops/ops.h"
#include "ops/segment_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateUnsortedSegmentMin() {
  return CreateUnsortedSegmentOp(SegmentOp::kMin);
}

}  // namespace edgelite
