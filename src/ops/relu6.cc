// RELU6: y = min(max(0, x), 6). The implementation (float32, int8, uint8, and
// the arithmetic of both QuantArithmetic modes) is shared with RELU in
// ops/relu_common.cc.
#include "core/op.h"
#include "ops/ops.h"
#include "ops/relu_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateRelu6() { return CreateReluOp(ReluKind::kRelu6); }

}  // namespace edgelite
