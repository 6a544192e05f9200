// RIGHT_SHIFT: x >> clamp(y, 0, bits - 1); see bitwise_common.cc.
#include "ops/bitwise_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateRightShift() {
  return CreateBitwiseOp(BitwiseKind::kRightShift);
}

}  // namespace edgelite
