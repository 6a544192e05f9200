// RELU: y = max(0, x). The implementation (float32, int8, uint8, and the
// arithmetic of both QuantArithmetic modes) is shared with RELU6 in
// ops/relu_common.cc.
#include "core/op.h"
#include "ops/ops.h"
#include "ops/relu_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateRelu() { return CreateReluOp(ReluKind::kRelu); }

}  // namespace edgelite
