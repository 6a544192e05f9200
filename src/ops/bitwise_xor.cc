// BITWISE_XOR: x ^ y; see bitwise_common.cc.
#include "ops/bitwise_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateBitwiseXor() {
  return CreateBitwiseOp(BitwiseKind::kXor);
}

}  // namespace edgelite
