// ARG_MAX and ARG_MIN share one implementation (arg_min_max.cc); the two op
// files only create it with the direction.
#ifndef EDGELITE_OPS_ARG_MIN_MAX_H_
#define EDGELITE_OPS_ARG_MIN_MAX_H_

#include <memory>

#include "core/op.h"

namespace edgelite {

std::unique_ptr<Op> CreateArgMinMax(bool is_max);

}  // namespace edgelite

#endif  // EDGELITE_OPS_ARG_MIN_MAX_H_
