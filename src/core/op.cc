#include "core/op.h"

namespace edgelite {

static std::string TensorLabel(const Tensor* t) {
  if (t == nullptr) return "absent";
  return StrFormat("tensor %d '%s'", t->index, t->name);
}

Status OpContext::InputError(StatusCode code, int i,
                             const std::string& what) const {
  return Status(code, describe() + StrFormat(": input %d (", i) +
                          TensorLabel(input(i)) + "): " + what);
}

Status OpContext::OutputError(StatusCode code, int i,
                              const std::string& what) const {
  const Tensor* t =
      i < num_outputs() ? const_cast<OpContext*>(this)->output(i) : nullptr;
  return Status(code, describe() + StrFormat(": output %d (", i) +
                          TensorLabel(t) + "): " + what);
}

}  // namespace edgelite
