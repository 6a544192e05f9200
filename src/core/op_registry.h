// The op registry: the list in src/ops/ops.inc, nothing registers itself.
#ifndef EDGELITE_CORE_OP_REGISTRY_H_
#define EDGELITE_CORE_OP_REGISTRY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/op.h"

namespace edgelite {

// Every registered op, in ops.inc order.
const std::vector<OpRegistration>& AllOps();

// nullptr when no op with this code (or custom name) is registered.
const OpRegistration* FindOp(int32_t builtin_code,
                             const std::string& custom_code);

}  // namespace edgelite

#endif  // EDGELITE_CORE_OP_REGISTRY_H_
