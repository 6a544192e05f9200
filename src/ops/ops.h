// Declarations of every op factory listed in ops.inc.
#ifndef EDGELITE_OPS_OPS_H_
#define EDGELITE_OPS_OPS_H_

#include <memory>

#include "core/op.h"

namespace edgelite {

#define EDGELITE_OP(NAME, Class, MIN, MAX) std::unique_ptr<Op> Create##Class();
#define EDGELITE_CUSTOM_OP(CUSTOM_NAME, Class, MIN, MAX) \
  std::unique_ptr<Op> Create##Class();
#include "ops/ops.inc"
#undef EDGELITE_OP
#undef EDGELITE_CUSTOM_OP

}  // namespace edgelite

#endif  // EDGELITE_OPS_OPS_H_
