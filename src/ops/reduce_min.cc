// REDUCE_MIN: shares REDUCE_MAX's implementation (reduce_max.cc).
#include "ops/ops.h"
#include "ops/reduce_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateReduceMin() { return CreateReduceMinMaxOp(false); }

}  // namespace edgelite
