// SIGN: -1, 0 or 1 (float32, int32). The implementation and its arithmetic are
// shared with the other element-wise unary ops in ops/unary_common.cc.
#include "ops/ops.h"
#include "ops/unary_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateSign() { return CreateUnaryOp(UnaryKind::kSign); }

}  // namespace edgelite
