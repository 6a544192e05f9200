// RELU_N1_TO_1: y = clamp(x, -1, 1). The implementation (float32, int8, uint8,
// and the arithmetic of both QuantArithmetic modes) is shared with RELU and
// RELU6 in ops/relu_common.cc.
#include "core/op.h"
#include "ops/ops.h"
#include "ops/relu_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateReluN1To1() {
  return CreateReluOp(ReluKind::kReluN1To1);
}

}  // namespace edgelite
