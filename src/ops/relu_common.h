// RELU and RELU6 share one implementation; they differ only in the upper
// bound (none, or 6).
#ifndef EDGELITE_OPS_RELU_COMMON_H_
#define EDGELITE_OPS_RELU_COMMON_H_

#include <memory>

#include "core/op.h"

namespace edgelite {

enum class ReluKind { kRelu, kRelu6 };

std::unique_ptr<Op> CreateReluOp(ReluKind kind);

}  // namespace edgelite

#endif  // EDGELITE_OPS_RELU_COMMON_H_
