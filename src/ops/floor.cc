// FLOOR: floor(x) (float32). The implementation and its arithmetic are shared
// with the other element-wise unary ops in ops/unary_common.cc.
#include "ops/ops.h"
#include "ops/unary_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateFloor() { return CreateUnaryOp(UnaryKind::kFloor); }

}  // namespace edgelite
