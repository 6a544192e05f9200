// HARD_SWISH: x·relu6(x + 3)/6 (float32, int8, uint8). The implementation and
// its arithmetic are shared with the other element-wise unary ops in
// ops/unary_common.cc.
#include "ops/ops.h"
#include "ops/unary_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateHardSwish() {
  return CreateUnaryOp(UnaryKind::kHardSwish);
}

}  // namespace edgelite
