// NOT_EQUAL: out = (a != b) element-wise with NumPy broadcasting, bool output.
// One implementation for all six comparisons: ops/comparison.cc (types, and
// the rescaling of int8/uint8 inputs TFLite applies).
#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateNotEqual() {
  return CreateComparisonOp(Comparison::kNotEqual);
}

}  // namespace edgelite
