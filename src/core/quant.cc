#include "core/quant.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace edgelite {

void QuantizeMultiplier(double multiplier, int32_t* quantized_multiplier,
                        int* shift) {
  // Scales come from the model file: a non-finite ratio (an overflowing
  // product of huge scales) must not reach the integer conversion below, and
  // an exponent beyond 30 would make later shifts undefined. Valid models
  // never get here; ops that care reject such scales with a message first.
  if (multiplier == 0.0 || !std::isfinite(multiplier)) {
    *quantized_multiplier = 0;
    *shift = 0;
    return;
  }
  if (std::fabs(multiplier) >= 0x1p30) {
    *quantized_multiplier = multiplier > 0
                                ? std::numeric_limits<int32_t>::max()
                                : -std::numeric_limits<int32_t>::max();
    *shift = 30;
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
  // Exponents of 0..31 are the defined domain. Quantized DIV reaches larger
  // ones (a small output multiplier times a small quotient with lots of
  // headroom, see ops/div.cc); TFLite's code then shifts int32 by the count
  // mod 32 and builds the mask in int64 (count mod 64), as WebAssembly, x86-64
  // and AArch64 all execute it, and the peers' outputs show. The same here,
  // without the undefined behaviour.
  const int64_t wide_mask = (int64_t{1} << (exponent & 63)) - 1;
  const int32_t mask = static_cast<int32_t>(static_cast<uint32_t>(wide_mask));
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  const uint32_t rounded = static_cast<uint32_t>(x >> (exponent & 31)) +
                           (remainder > threshold ? 1u : 0u);
  return static_cast<int32_t>(rounded);
}

int32_t MultiplyByQuantizedMultiplier(int32_t x, int32_t quantized_multiplier,
                                      int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  // Left shift in unsigned arithmetic: defined for negative x. Shifts beyond
  // 31 (only hostile scales reach them) take the count mod 32, as TFLite's
  // code executes on every target (see RoundingDivideByPOT).
  const int32_t shifted =
      static_cast<int32_t>(static_cast<uint32_t>(x) << (left_shift & 31));
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
    // A tiny (valid) scale can push f / scale past int64's range: clamp in
    // floating point first; anything this large saturates to qmin/qmax.
    const double q =
        std::fmin(std::fmax(RoundHalfAway(f / scale), -1e12), 1e12);
    return int64_t{zp} + static_cast<int64_t>(q);
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

int32_t SaturatingRoundingMultiplyByPOT(int32_t x, int exponent) {
  if (exponent == 0) return x;
  if (exponent < 0) return RoundingDivideByPOT(x, -exponent);
  const int32_t threshold =
      static_cast<int32_t>((int64_t{1} << (31 - exponent)) - 1);
  if (x > threshold) return std::numeric_limits<int32_t>::max();
  if (x < -threshold) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(int64_t{x} * (int64_t{1} << exponent));
}

int32_t RoundingHalfSum(int32_t a, int32_t b) {
  const int64_t sum = int64_t{a} + int64_t{b};
  const int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int32_t>((sum + sign) / 2);
}

// exp on [-1/4, 0): Taylor expansion around -1/8 in Q0.31 (gemmlowp's
// exp_on_interval_between_negative_one_quarter_and_0_excl).
static int32_t ExpOnQuarterInterval(int32_t a) {
  const int32_t kExpMinusOneEighth = 1895147668;  // exp(-1/8)
  const int32_t kOneThird = 715827883;
  const int32_t x = a + (int32_t{1} << 28);  // a + 1/8
  const int32_t x2 = SaturatingRoundingDoublingHighMul(x, x);
  const int32_t x3 = SaturatingRoundingDoublingHighMul(x2, x);
  const int32_t x4 = SaturatingRoundingDoublingHighMul(x2, x2);
  const int32_t x4_over_4 = SaturatingRoundingMultiplyByPOT(x4, -2);
  const int32_t poly = SaturatingRoundingMultiplyByPOT(
      SaturatingRoundingDoublingHighMul(x4_over_4 + x3, kOneThird) + x2, -1);
  return kExpMinusOneEighth +
         SaturatingRoundingDoublingHighMul(kExpMinusOneEighth, x + poly);
}

int32_t ExpOnNegativeValues(int32_t a, int integer_bits) {
  const int frac_bits = 31 - integer_bits;
  const int32_t one_quarter = int32_t{1} << (frac_bits - 2);
  const int32_t mask = one_quarter - 1;
  const int32_t a_mod_quarter_minus_quarter = (a & mask) - one_quarter;
  int32_t result = ExpOnQuarterInterval(SaturatingRoundingMultiplyByPOT(
      a_mod_quarter_minus_quarter, integer_bits));
  const int32_t remainder = a_mod_quarter_minus_quarter - a;
  // Barrel shifter: multiply by exp(-2^k) for each bit k of the remainder.
  struct Step {
    int exponent;
    int32_t multiplier;
  };
  static const Step kSteps[] = {
      {-2, 1672461947}, {-1, 1302514674}, {0, 790015084}, {1, 290630308},
      {2, 39332535},    {3, 720401},      {4, 242}};
  for (const Step& step : kSteps) {
    if (integer_bits > step.exponent) {
      const int shift = frac_bits + step.exponent;
      if (remainder & (int32_t{1} << shift)) {
        result = SaturatingRoundingDoublingHighMul(result, step.multiplier);
      }
    }
  }
  if (integer_bits > 5) {
    const int64_t clamp = -(int64_t{1} << (36 - integer_bits));  // -32.0
    if (a < clamp) result = 0;
  }
  if (a == 0) result = std::numeric_limits<int32_t>::max();
  return result;
}

int32_t OneOverOnePlusXForXIn01(int32_t a) {
  // Newton-Raphson on the half denominator, in Q2.29.
  const int32_t half_denominator =
      RoundingHalfSum(a, std::numeric_limits<int32_t>::max());
  const int32_t k48Over17 = 1515870810;
  const int32_t kNeg32Over17 = -1010580540;
  const int32_t kOneQ2 = int32_t{1} << 29;
  int32_t x = k48Over17 +
              SaturatingRoundingDoublingHighMul(half_denominator, kNeg32Over17);
  for (int i = 0; i < 3; ++i) {
    const int32_t half_denominator_times_x =
        SaturatingRoundingDoublingHighMul(half_denominator, x);
    const int32_t one_minus = kOneQ2 - half_denominator_times_x;
    x = x + SaturatingRoundingMultiplyByPOT(
                SaturatingRoundingDoublingHighMul(x, one_minus), 2);
  }
  // x is 1/half_denominator in Q2.29; halve (reinterpret as Q1.30) and
  // rescale to Q0.31.
  return SaturatingRoundingMultiplyByPOT(x, 1);
}

int32_t FixedPointLogistic(int32_t a, int integer_bits) {
  if (a == 0) return int32_t{1} << 30;  // 0.5
  const bool positive = a > 0;
  const int32_t abs_a = positive ? a : -a;
  const int32_t on_positive =
      OneOverOnePlusXForXIn01(ExpOnNegativeValues(-abs_a, integer_bits));
  return positive ? on_positive
                  : std::numeric_limits<int32_t>::max() - on_positive;
}

int32_t GetReciprocal(int32_t x, int x_integer_digits,
                      int* num_bits_over_unit) {
  const uint32_t ux = static_cast<uint32_t>(x);
  int headroom_plus_one = 0;
  while (headroom_plus_one < 32 &&
         (ux & (uint32_t{1} << (31 - headroom_plus_one))) == 0) {
    ++headroom_plus_one;
  }
  *num_bits_over_unit = x_integer_digits - headroom_plus_one;
  const int32_t shifted_sum_minus_one =
      static_cast<int32_t>((ux << headroom_plus_one) - (uint32_t{1} << 31));
  return OneOverOnePlusXForXIn01(shifted_sum_minus_one);
}

int32_t CalculateInputRadius(int input_integer_bits, int input_left_shift,
                             int total_signed_bits) {
  // Powers of two are exact in double, so ldexp equals TFLite's
  // "* (1LL << (bits - ib)) / (1LL << shift)" and is defined for any shift.
  const double max_input_rescaled =
      std::ldexp(1.0 * ((1 << input_integer_bits) - 1),
                 total_signed_bits - input_integer_bits - input_left_shift);
  const double r = std::floor(max_input_rescaled);
  return r >= 2147483647.0 ? std::numeric_limits<int32_t>::max()
                           : static_cast<int32_t>(r);
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
