// The element-wise unary ops (TANH, EXP, ABS, NEG, …) share one Op class:
// one driver per storage path (float32 function, 8-bit lookup table, 16-bit
// interpolated table, int16 fixed point, plain integers, bool), with a small
// per-op scalar function for each. The arithmetic of every op and what it was
// measured against is described at the top of unary_common.cc.
#ifndef EDGELITE_OPS_UNARY_COMMON_H_
#define EDGELITE_OPS_UNARY_COMMON_H_

#include <cstdint>
#include <memory>

#include "core/op.h"

namespace edgelite {

enum class UnaryKind : uint8_t {
  kAbs,
  kCeil,
  kCos,
  kElu,
  kExp,
  kFloor,
  kGelu,
  kHardSwish,
  kLeakyRelu,
  kLog,
  kLogicalNot,
  kNeg,
  kRound,
  kRsqrt,
  kSign,
  kSin,
  kSqrt,
  kSquare,
  kTanh,
  kZerosLike,
};

std::unique_ptr<Op> CreateUnaryOp(UnaryKind kind);

// Float → int32 conversion as the peers' WebAssembly builds perform C++'s
// static_cast<int32_t>(float) (i32.trunc_sat_f32_s): truncation toward zero,
// NaN → 0, out-of-range values saturate. Used wherever TFLite's kernels cast
// a float that can be out of range.
int32_t SaturatingFloatToInt32(float x);

}  // namespace edgelite

#endif  // EDGELITE_OPS_UNARY_COMMON_H_
