// REAL: complex64 → float32, the real part. Shared with the other complex-part
// ops in ops/complex_common.cc.
#include "ops/complex_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateReal() {
  return CreateComplexPartOp(ComplexPart::kReal);
}

}  // namespace edgelite
