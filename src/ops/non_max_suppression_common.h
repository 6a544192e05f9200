// NON_MAX_SUPPRESSION_V4 and _V5 share one implementation
// (non_max_suppression_common.cc).
#ifndef EDGELITE_OPS_NON_MAX_SUPPRESSION_COMMON_H_
#define EDGELITE_OPS_NON_MAX_SUPPRESSION_COMMON_H_

#include <memory>

#include "core/op.h"

namespace edgelite {

std::unique_ptr<Op> CreateNonMaxSuppressionOp(bool v5);

}  // namespace edgelite

#endif  // EDGELITE_OPS_NON_MAX_SUPPRESSION_COMMON_H_
