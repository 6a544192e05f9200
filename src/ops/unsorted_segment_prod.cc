// UNSORTED_SEGMENT_PROD; see unsorted_segment_common.cc.
#include "ops/ops.h"
#include "ops/segment_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateUnsortedSegmentProd() {
  return CreateUnsortedSegmentOp(SegmentOp::kProd);
}

}  // namespace edgelite
