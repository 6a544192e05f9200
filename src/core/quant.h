// Quantization helpers shared by ops: rounding, requantization, activation
// ranges, TFLite's fixed-point multipliers. The arithmetic and where each
// variant is used are documented in docs/ARCHITECTURE.md ("Quantized
// arithmetic").
#ifndef EDGELITE_CORE_QUANT_H_
#define EDGELITE_CORE_QUANT_H_

#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/status.h"
#include "core/types.h"

namespace edgelite {

// Integer range of a quantized type.
inline int32_t QMin(DataType t) {
  switch (t) {
    case DataType::kInt8: return -128;
    case DataType::kUInt8: return 0;
    case DataType::kInt16: return -32768;
    default: return INT32_MIN;
  }
}
inline int32_t QMax(DataType t) {
  switch (t) {
    case DataType::kInt8: return 127;
    case DataType::kUInt8: return 255;
    case DataType::kInt16: return 32767;
    default: return INT32_MAX;
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

// IEEE half → float.
float HalfToFloat(uint16_t h);

}  // namespace edgelite

#endif  // EDGELITE_CORE_QUANT_H_
