// COMPLEX_ABS, REAL and IMAG share one element-wise implementation: complex64
// in, float32 out, same shape.
#ifndef EDGELITE_OPS_COMPLEX_COMMON_H_
#define EDGELITE_OPS_COMPLEX_COMMON_H_

#include <memory>

#include "core/op.h"

namespace edgelite {

enum class ComplexPart { kAbs, kReal, kImag };

std::unique_ptr<Op> CreateComplexPartOp(ComplexPart part);

}  // namespace edgelite

#endif  // EDGELITE_OPS_COMPLEX_COMMON_H_
