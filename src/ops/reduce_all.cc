// REDUCE_ALL: shares REDUCE_ANY's implementation (reduce_any.cc).
#include "ops/ops.h"
#include "ops/reduce_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateReduceAll() { return CreateReduceAnyAllOp(false); }

}  // namespace edgelite
