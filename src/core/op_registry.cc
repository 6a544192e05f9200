#include "core/op_registry.h"

#include "format/tflite_schema.h"
#include "ops/ops.h"

namespace edgelite {

const std::vector<OpRegistration>& AllOps() {
  static const std::vector<OpRegistration> kOps = {
#define EDGELITE_OP(NAME, Class, MIN, MAX)           \
  {static_cast<int32_t>(tfl::BuiltinOperator::NAME), \
   nullptr,                                          \
   #NAME,                                            \
   MIN,                                              \
   MAX,                                              \
   &Create##Class},
#define EDGELITE_CUSTOM_OP(CUSTOM_NAME, Class, MIN, MAX) \
  {32, CUSTOM_NAME, CUSTOM_NAME, MIN, MAX, &Create##Class},
#include "ops/ops.inc"
#undef EDGELITE_OP
#undef EDGELITE_CUSTOM_OP
  };
  return kOps;
}

const OpRegistration* FindOp(int32_t builtin_code,
                             const std::string& custom_code) {
  for (const OpRegistration& r : AllOps()) {
    if (r.builtin_code != builtin_code) continue;
    if (builtin_code == 32 && custom_code != r.custom_code) continue;
    return &r;
  }
  return nullptr;
}

}  // namespace edgelite
