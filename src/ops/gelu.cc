// GELU: x·Φ(x), exact (erfc) or tanh-approximated (float32, int8, uint8). The
// implementation and its arithmetic are shared with the other element-wise
// unary ops in ops/unary_common.cc.
#include "ops/ops.h"
#include "ops/unary_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateGelu() { return CreateUnaryOp(UnaryKind::kGelu); }

}  // namespace edgelite
