// EXP: exp(x) (float32, int8, int16). The implementation and its arithmetic are
// shared with the other element-wise unary ops in ops/unary_common.cc.
#include "ops/ops.h"
#include "ops/unary_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateExp() { return CreateUnaryOp(UnaryKind::kExp); }

}  // namespace edgelite
