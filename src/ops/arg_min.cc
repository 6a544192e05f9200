// ARG_MIN: index of the smallest value along an axis (ties: the smallest
// index). See arg_min_max.cc.
#include "ops/arg_min_max.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateArgMin() { return CreateArgMinMax(false); }

}  // namespace edgelite
