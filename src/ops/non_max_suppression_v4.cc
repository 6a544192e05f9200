// NON_MAX_SUPPRESSION_V4; see non_max_suppression_common.cc.
#include "ops/non_max_suppression_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateNonMaxSuppressionV4() {
  return CreateNonMaxSuppressionOp(false);
}

}  // namespace edgelite
