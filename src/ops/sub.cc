// SUB: out = act(a - b) with NumPy broadcasting (up to rank 6).
//
// Shares ADD's implementation (ops/add.cc, which states the arithmetic):
// float32, int32, int64, quantized int8/uint8/int16.
//
// Measured (LiteRT.js 2.5.3 and tfjs-tflite, uint8 and int8 with exact
// half ties): TFLite's XNNPACK delegate takes quantized SUB under the same
// scale-ratio rule as ADD ([2^-10, 2^8) for both inputs) and computes it as
// XNNPACK's fixed-point add with b's multiplier negated: -0.5 rounds up to 0
// where TFLite's built-in kernel (input2 multiplier negated, reference add)
// gives -1. Outside that range both peers switch to the built-in kernel, and
// so does edgelite.
#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateSub() { return CreateAddSubOp(/*subtract=*/true); }

}  // namespace edgelite
