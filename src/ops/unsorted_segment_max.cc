// UNSORTED_SEGMENT_MAX; see unsorted_segment_common.cc.
#include "ops/ops.h"
#include "ops/segment_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateUnsortedSegmentMax() {
  return CreateUnsortedSegmentOp(SegmentOp::kMax);
}

}  // namespace edgelite
