// SELECT_V2: out = condition ? x : y with NumPy broadcasting of all three
// inputs; shares SELECT's implementation (ops/select.cc).
#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateSelectV2() { return CreateSelectOp(true); }

}  // namespace edgelite
