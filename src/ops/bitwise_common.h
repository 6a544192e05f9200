// RIGHT_SHIFT and BITWISE_XOR share one broadcasting integer loop
// (bitwise_common.cc).
#ifndef EDGELITE_OPS_BITWISE_COMMON_H_
#define EDGELITE_OPS_BITWISE_COMMON_H_

#include <memory>

#include "core/op.h"

namespace edgelite {

enum class BitwiseKind { kRightShift, kXor };
std::unique_ptr<Op> CreateBitwiseOp(BitwiseKind kind);

}  // namespace edgelite

#endif  // EDGELITE_OPS_BITWISE_COMMON_H_
