// Quantization helpers shared by ops: rounding, requantization, activation
// ranges, TFLite's fixed-point multipliers. The arithmetic and where each
// variant is used are documented in docs/ARCHITECTURE.md ("Quantized
// arithmetic").
#ifndef EDGELITE_CORE_QUANT_H_
#define EDGELITE_CORE_QUANT_H_

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "core/status.h"
#include "core/types.h"

namespace edgelite {

// Integer range of a quantized type.
inline int32_t QMin(DataType t) {
  switch (t) {
    case DataType::kInt8:
      return -128;
    case DataType::kUInt8:
      return 0;
    case DataType::kInt16:
      return -32768;
    default:
      return INT32_MIN;
  }
}
inline int32_t QMax(DataType t) {
  switch (t) {
    case DataType::kInt8:
      return 127;
    case DataType::kUInt8:
      return 255;
    case DataType::kInt16:
      return 32767;
    default:
      return INT32_MAX;
  }
}

// Round half to even, independent of the FPU rounding mode, for |x| < 2^22
// (XNNPACK's "magic bias" trick). Callers clamp first.
inline int32_t RoundHalfEvenSmall(float x) {
  const float magic = 12582912.0f;  // 1.5 * 2^23
  float y = x + magic;
  int32_t bits;
  std::memcpy(&bits, &y, sizeof(bits));
  return bits - 0x4B400000;
}

// float → int32 where C++ leaves the conversion undefined: NaN gives 0,
// values beyond the int32 range saturate. For kernels whose float operands
// come from file scales (a hostile model can make them inf or NaN) and that
// clamp the result to a small range right after.
inline int32_t FloatToInt32Sat(float x) {
  if (!(x == x)) return 0;
  if (x >= 2147483648.0f) return std::numeric_limits<int32_t>::max();
  if (x <= -2147483648.0f) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(x);
}

// Round half away from zero (TFLite's TfLiteRound / std::round).
inline float RoundHalfAway(float x) { return std::round(x); }

// XNNPACK fp32 requantization (conv/depthwise/fully-connected):
// y = f32(acc) * scale (a rounded product, not an FMA), clamped in float to
// [qmin - zp, qmax - zp], rounded half to even, plus zp.
inline int32_t RequantizeFp32(int32_t acc, float scale, int32_t zp,
                              int32_t qmin, int32_t qmax) {
  // The build uses -ffp-contract=off, so this is a rounded product.
  float y = static_cast<float>(acc) * scale;
  const float lo = static_cast<float>(qmin - zp);
  const float hi = static_cast<float>(qmax - zp);
  y = y < lo ? lo : y;
  y = y > hi ? hi : y;
  return RoundHalfEvenSmall(y) + zp;
}

// TFLite's QuantizeMultiplier: double multiplier → Q31 mantissa and shift.
void QuantizeMultiplier(double multiplier, int32_t* quantized_multiplier,
                        int* shift);

// tflite-micro / TFLite reference MultiplyByQuantizedMultiplier (double
// rounding: SaturatingRoundingDoublingHighMul then RoundingDivideByPOT).
int32_t MultiplyByQuantizedMultiplier(int32_t x, int32_t quantized_multiplier,
                                      int shift);
int32_t SaturatingRoundingDoublingHighMul(int32_t a, int32_t b);
int32_t RoundingDivideByPOT(int32_t x, int exponent);

// Quantized activation range [qmin, qmax] for a fused activation, clipped to
// the type's range.
// TFLite built-in kernels: zp + round_half_away(f / scale).
Status ActivationRangeTflite(Activation act, float scale, int32_t zp,
                             DataType type, int32_t* qmin, int32_t* qmax);
// XNNPACK delegate: lrintf(f / scale + zp) (round half to even).
Status ActivationRangeXnnpack(Activation act, float scale, int32_t zp,
                              DataType type, int32_t* qmin, int32_t* qmax);
// Float activation range.
Status ActivationRangeFloat(Activation act, float* lo, float* hi);

inline float ApplyFloatActivation(float x, float lo, float hi) {
  return x < lo ? lo : (x > hi ? hi : x);
}

// --- gemmlowp-style fixed point (tflite-micro reference SOFTMAX/LOGISTIC) ---
// A value with `integer_bits` integer bits is a raw int32 in Q(ib).(31-ib).
// Products are SaturatingRoundingDoublingHighMul of the raws (the integer
// bits add up); sums are plain raw sums. Results are Q0.31.

// x * 2^exponent with rounding (exponent < 0, RoundingDivideByPOT) or
// saturation (exponent > 0).
int32_t SaturatingRoundingMultiplyByPOT(int32_t x, int exponent);
// (a + b) / 2 rounded half away from zero, in 64 bits.
int32_t RoundingHalfSum(int32_t a, int32_t b);
// exp(a) for a <= 0 given in Q(integer_bits); Q0.31 result (INT32_MAX for 0).
int32_t ExpOnNegativeValues(int32_t a, int integer_bits);
// 1 / (1 + a) for a in [0, 1) given in Q0.31; Q0.31 result.
int32_t OneOverOnePlusXForXIn01(int32_t a);
// 1 / (1 + exp(-a)) for a in Q(integer_bits); Q0.31 result.
int32_t FixedPointLogistic(int32_t a, int integer_bits);
// TFLite GetReciprocal: 1/x for x > 0 in Q(x_integer_digits) as a Q0.31
// mantissa plus the number of bits x has above 1.0.
int32_t GetReciprocal(int32_t x, int x_integer_digits, int* num_bits_over_unit);
// TFLite CalculateInputRadius: the largest |input| whose rescaled value still
// fits Q(input_integer_bits).
int32_t CalculateInputRadius(int input_integer_bits, int input_left_shift,
                             int total_signed_bits = 31);

// IEEE half → float.
float HalfToFloat(uint16_t h);

}  // namespace edgelite

#endif  // EDGELITE_CORE_QUANT_H_
