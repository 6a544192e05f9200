// COMPLEX_ABS: complex64 → float32, |z| = hypotf(re, im). Shared with the other
// complex-part ops in ops/complex_common.cc.
#include "ops/complex_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateComplexAbs() {
  return CreateComplexPartOp(ComplexPart::kAbs);
}

}  // namespace edgelite
