// ZEROS_LIKE: zeros of the input's shape (float32, int32, int64). The
// implementation and its arithmetic are shared with the other element-wise
// unary ops in ops/unary_common.cc.
#include "ops/ops.h"
#include "ops/unary_common.h"

namespace edgelite {

std::unique_ptr<Op> CreateZerosLike() {
  return CreateUnaryOp(UnaryKind::kZerosLike);
}

}  // namespace edgelite
