#include "core/quant.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace edgelite {

void QuantizeMultiplier(double multiplier, int32_t* quantized_multiplier,
                        int* shift) {
  if (multiplier == 0.0) {
    *quantized_multiplier = 0;
    *shift = 0;
    return;
  }
  const double q = std::frexp(multiplier, shift);
  int64_t q_fixed = static_cast<int64_t>(std::round(q * (int64_t{1} << 31)));
  if (q_fixed == (int64_t{1} << 31)) {
    q_fixed /= 2;
    ++*shift;
  }
  // Multipliers this small flush to zero, as in TFLite.
  if (*shift < -31) {
    *shift = 0;
    q_fixed = 0;
  }
  *quantized_multiplier = static_cast<int32_t>(q_fixed);
}

int32_t SaturatingRoundingDoublingHighMul(int32_t a, int32_t b) {
  const bool overflow = a == b && a == std::numeric_limits<int32_t>::min();
  const int64_t ab = int64_t{a} * int64_t{b};
  const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  const int32_t high = static_cast<int32_t>((ab + nudge) / (int64_t{1} << 31));
  return overflow ? std::numeric_limits<int32_t>::max() : high;
}

int32_t RoundingDivideByPOT(int32_t x, int exponent) {
  const int32_t mask = static_cast<int32_t>((int64_t{1} << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

int32_t MultiplyByQuantizedMultiplier(int32_t x, int32_t quantized_multiplier,
                                      int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  // Left shift in unsigned arithmetic: defined for negative x.
  const int32_t shifted = static_cast<int32_t>(static_cast<uint32_t>(x)
                                               << left_shift);
  return RoundingDivideByPOT(
      SaturatingRoundingDoublingHighMul(shifted, quantized_multiplier),
      right_shift);
}

static Status FloatRange(Activation act, float* lo, float* hi, bool* bounded_lo,
                         bool* bounded_hi) {
  *bounded_lo = *bounded_hi = true;
  switch (act) {
    case Activation::kNone:
      *bounded_lo = *bounded_hi = false;
      *lo = -std::numeric_limits<float>::infinity();
      *hi = std::numeric_limits<float>::infinity();
      return Status::Ok();
    case Activation::kRelu:
      *lo = 0.0f;
      *hi = std::numeric_limits<float>::infinity();
      *bounded_hi = false;
      return Status::Ok();
    case Activation::kRelu6:
      *lo = 0.0f;
      *hi = 6.0f;
      return Status::Ok();
    case Activation::kReluN1To1:
      *lo = -1.0f;
      *hi = 1.0f;
      return Status::Ok();
    default:
      return UnsupportedError("fused activation %s is not supported",
                              ActivationName(act));
  }
}

Status ActivationRangeFloat(Activation act, float* lo, float* hi) {
  bool blo, bhi;
  return FloatRange(act, lo, hi, &blo, &bhi);
}

Status ActivationRangeTflite(Activation act, float scale, int32_t zp,
                             DataType type, int32_t* qmin, int32_t* qmax) {
  float lo = 0.0f, hi = 0.0f;
  bool blo = false, bhi = false;
  EDGELITE_RETURN_IF_ERROR(FloatRange(act, &lo, &hi, &blo, &bhi));
  *qmin = QMin(type);
  *qmax = QMax(type);
  auto quantize = [&](float f) -> int64_t {
    return int64_t{zp} + static_cast<int64_t>(RoundHalfAway(f / scale));
  };
  if (blo) *qmin = static_cast<int32_t>(std::max<int64_t>(*qmin, quantize(lo)));
  if (bhi) *qmax = static_cast<int32_t>(std::min<int64_t>(*qmax, quantize(hi)));
  return Status::Ok();
}

Status ActivationRangeXnnpack(Activation act, float scale, int32_t zp,
                              DataType type, int32_t* qmin, int32_t* qmax) {
  float lo = 0.0f, hi = 0.0f;
  bool blo = false, bhi = false;
  EDGELITE_RETURN_IF_ERROR(FloatRange(act, &lo, &hi, &blo, &bhi));
  *qmin = QMin(type);
  *qmax = QMax(type);
  auto quantize = [&](float f) -> int32_t {
    float v = f / scale + static_cast<float>(zp);
    v = std::fmin(std::fmax(v, static_cast<float>(QMin(type))),
                  static_cast<float>(QMax(type)));
    return static_cast<int32_t>(std::lrintf(v));
  };
  if (blo) *qmin = std::max(*qmin, quantize(lo));
  if (bhi) *qmax = std::min(*qmax, quantize(hi));
  return Status::Ok();
}

float HalfToFloat(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  uint32_t exp = (h >> 10) & 0x1f;
  uint32_t mant = h & 0x3ff;
  uint32_t bits;
  if (exp == 0) {
    if (mant == 0) {
      bits = sign;
    } else {  // subnormal: normalize
      exp = 127 - 15 + 1;
      while ((mant & 0x400) == 0) {
        mant <<= 1;
        --exp;
      }
      mant &= 0x3ff;
      bits = sign | (exp << 23) | (mant << 13);
    }
  } else if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (mant << 13);
  } else {
    bits = sign | ((exp + 127 - 15) << 23) | (mant << 13);
  }
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

}  // namespace edgelite
