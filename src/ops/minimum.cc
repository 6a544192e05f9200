// MINIMUM: element-wise min with NumPy broadcasting (up to rank 6); float32,
// int8, uint8, int16, int32, int64, quantized types as raw integers.
// Shares MAXIMUM's implementation (ops/maximum.cc states what was measured):
// min(a, b) = b < a ? b : a.
#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateMinimum() { return CreateMaxMinOp(false); }

}  // namespace edgelite
