// LOGICAL_OR: a || b on bool tensors with NumPy broadcasting; shares
// LOGICAL_AND's implementation (ops/logical_and.cc).
#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateLogicalOr() { return CreateLogicalOp(false); }

}  // namespace edgelite
