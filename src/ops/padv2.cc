// PADV2: PAD with an explicit constant value (input 2); TFLite registers the
// same kernel for both, see pad.cc.
#include "ops/ops.h"
#include "ops/pad_common.h"

namespace edgelite {

std::unique_ptr<Op> CreatePadV2() { return CreateConstantPadOp(); }

}  // namespace edgelite
