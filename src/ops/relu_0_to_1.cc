// RELU_0_TO_1: y = clamp(x, 0, 1). The implementation (float32, int8, uint8,
// and the arithmetic of both QuantArithmetic modes) is shared with RELU and
// RELU6 in ops/relu_common.cc.
#include "core/op.h"
#include "ops/ops.h"
#include "ops/relu_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateRelu0To1() {
  return CreateReluOp(ReluKind::kRelu0To1);
}

}  // namespace edgelite
