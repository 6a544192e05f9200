// RELU, RELU6, RELU_N1_TO_1 and RELU_0_TO_1 share one implementation; they
// differ only in their bounds ([0, inf), [0, 6], [-1, 1], [0, 1]).
#ifndef EDGELITE_OPS_RELU_COMMON_H_
#define EDGELITE_OPS_RELU_COMMON_H_

#include <memory>

#include "core/op.h"

namespace edgelite {

enum class ReluKind { kRelu, kRelu6, kReluN1To1, kRelu0To1 };

std::unique_ptr<Op> CreateReluOp(ReluKind kind);

}  // namespace edgelite

#endif  // EDGELITE_OPS_RELU_COMMON_H_
