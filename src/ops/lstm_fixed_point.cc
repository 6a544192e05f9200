#include "ops/lstm_fixed_point.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "core/quant.h"

namespace edgelite {
namespace lstm {
namespace {

constexpr int32_t kInt16Max = std::numeric_limits<int16_t>::max();
constexpr int32_t kInt16Min = std::numeric_limits<int16_t>::min();

// gemmlowp's int16 Add/Sub/Neg compute in int and store back into int16:
// they wrap.
inline int16_t Wrap16(int32_t v) {
  return static_cast<int16_t>(static_cast<uint16_t>(static_cast<uint32_t>(v)));
}

inline int16_t SaturatingAdd16(int16_t a, int16_t b) {
  const int32_t s = int32_t{a} + b;
  return static_cast<int16_t>(s > kInt16Max ? kInt16Max
                                            : (s < kInt16Min ? kInt16Min : s));
}

inline int16_t Srdhm16(int16_t a, int16_t b) {
  if (a == b && a == kInt16Min) return static_cast<int16_t>(kInt16Max);
  const int32_t ab = int32_t{a} * int32_t{b};
  const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  return static_cast<int16_t>((ab + nudge) / (1 << 15));
}

inline int16_t Rdbp16(int16_t x, int exponent) {
  return static_cast<int16_t>(RoundingDivideByPOT(x, exponent));
}

// x * 2^exponent, saturating for exponent > 0 (gemmlowp's thresholds), rounding
// for exponent < 0.
inline int16_t SatMulPot16(int16_t x, int exponent) {
  if (exponent == 0) return x;
  if (exponent < 0) return Rdbp16(x, -exponent);
  const int32_t threshold = (1 << (15 - exponent)) - 1;
  if (x > threshold) return static_cast<int16_t>(kInt16Max);
  if (x < -threshold) return static_cast<int16_t>(kInt16Min);
  return static_cast<int16_t>(x * (1 << exponent));
}

// gemmlowp RescaleConstantInitializer: an int32 Q-constant for 16 bits.
inline int16_t Constant16(int32_t raw32) {
  return static_cast<int16_t>(RoundingDivideByPOT(raw32, 16));
}

// exp(a) for a in [-1/4, 0), Q0.15.
int16_t ExpQuarter16(int16_t a) {
  const int16_t constant_term = Constant16(1895147668);  // exp(-1/8)
  const int16_t one_third = Constant16(715827883);
  const int16_t x = Wrap16(a + (1 << 12));  // a + 1/8
  const int16_t x2 = Srdhm16(x, x);
  const int16_t x3 = Srdhm16(x2, x);
  const int16_t x4 = Srdhm16(x2, x2);
  const int16_t x4_over_4 = Rdbp16(x4, 2);
  const int16_t poly =
      Rdbp16(Wrap16(Srdhm16(Wrap16(x4_over_4 + x3), one_third) + x2), 1);
  return SaturatingAdd16(constant_term,
                         Srdhm16(constant_term, Wrap16(x + poly)));
}

// exp(a) for a <= 0 in Q(integer_bits).(15 - integer_bits); Q0.15 result.
int16_t ExpOnNegative16(int16_t a, int integer_bits) {
  const int fractional_bits = 15 - integer_bits;
  const int16_t one_quarter = static_cast<int16_t>(1 << (fractional_bits - 2));
  const int16_t mask = static_cast<int16_t>(one_quarter - 1);
  const int16_t a_mod_quarter_minus_quarter = Wrap16((a & mask) - one_quarter);
  int16_t result =
      ExpQuarter16(SatMulPot16(a_mod_quarter_minus_quarter, integer_bits));
  const int16_t remainder = Wrap16(a_mod_quarter_minus_quarter - a);
  // exp(-2^e) multipliers for the barrel shifter, e = -2 … 4.
  static const int32_t kMultipliers[7] = {
      1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
  for (int k = 0; k < 7; ++k) {
    const int exponent = k - 2;
    if (integer_bits <= exponent) continue;
    const int shift = fractional_bits + exponent;
    if (remainder & (1 << shift)) {
      result = Srdhm16(result, Constant16(kMultipliers[k]));
    }
  }
  if (integer_bits > 5) {
    const int16_t clamp = Constant16(-(1 << (36 - integer_bits)));  // -32
    if (a < clamp) result = 0;
  }
  if (a == 0) result = static_cast<int16_t>(kInt16Max);
  return result;
}

// The Newton-Raphson division shared by 1/(1+x) and (1-x)/(1+x), x in [0, 1):
// returns 1/(1+x) / 2 in Q2.13.
int16_t HalfReciprocalQ2(int16_t a) {
  // gemmlowp RoundingHalfSum(a, One()) in 16 bits.
  const int32_t sum = int32_t{a} + kInt16Max;
  const int16_t half_denominator =
      static_cast<int16_t>((sum + (sum >= 0 ? 1 : -1)) / 2);
  const int16_t c48_17 = Constant16(1515870810);
  const int16_t c_neg32_17 = Constant16(-1010580540);
  const int16_t one_q2 = 1 << 13;
  int16_t x = Wrap16(c48_17 + Srdhm16(half_denominator, c_neg32_17));
  for (int i = 0; i < 3; ++i) {
    const int16_t hd_x = Srdhm16(half_denominator, x);
    const int16_t one_minus = Wrap16(one_q2 - hd_x);
    x = Wrap16(x + SatMulPot16(Srdhm16(x, one_minus), 2));
  }
  return x;
}

}  // namespace

int16_t LogisticQ3(int16_t a) {
  const int kIntegerBits = 3;
  if (a == 0) return Constant16(1 << 30);  // 1/2
  const bool positive = a > 0;
  const int16_t abs_a = positive ? a : Wrap16(-a);
  const int16_t e = ExpOnNegative16(Wrap16(-abs_a), kIntegerBits);
  // 1/(1+e): the Q2.13 value x read as Q1.14 (ExactMulByPot<-1>), then
  // rescaled to Q0.15.
  const int16_t if_positive = SatMulPot16(HalfReciprocalQ2(e), 1);
  return positive ? if_positive : Wrap16(kInt16Max - if_positive);
}

int16_t TanhInt16(int16_t a, int integer_bits) {
  if (a == 0) return 0;
  const bool negative = a < 0;
  const int16_t n = negative ? a : Wrap16(-a);
  const int16_t e = ExpOnNegative16(n, integer_bits + 1);  // exp(2n)
  // (1-e)/(1+e) = 2/(1+e) - 1.
  const int16_t t = SatMulPot16(Wrap16(HalfReciprocalQ2(e) - (1 << 13)), 2);
  return negative ? Wrap16(-t) : t;
}

void InvSqrtQuantizedMultiplier(int32_t input, int32_t* multiplier,
                                int* shift) {
  if (input <= 1) {
    *multiplier = std::numeric_limits<int32_t>::max();
    *shift = 0;
    return;
  }
  int out_shift = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++out_shift;
  }
  int leading_zeros = 0;
  for (uint32_t v = static_cast<uint32_t>(input); (v & 0x80000000u) == 0;
       v <<= 1) {
    ++leading_zeros;
  }
  const unsigned max_left_shift_bit_pairs =
      static_cast<unsigned>(leading_zeros - 1) / 2;
  const unsigned left_shift_bit_pairs = max_left_shift_bit_pairs - 1;
  out_shift -= static_cast<int>(left_shift_bit_pairs);
  input <<= 2 * left_shift_bit_pairs;
  // Newton-Raphson for 1/sqrt in Q3.28, five iterations from x = 1.
  const int32_t half_input = RoundingDivideByPOT(input >> 1, 1);
  const int32_t half_three = (1 << 28) + (1 << 27);
  int32_t x = 1 << 28;
  for (int i = 0; i < 5; ++i) {
    const int32_t x3 = SaturatingRoundingMultiplyByPOT(
        SaturatingRoundingDoublingHighMul(
            SaturatingRoundingDoublingHighMul(x, x), x),
        6);
    const uint32_t diff =
        static_cast<uint32_t>(
            SaturatingRoundingDoublingHighMul(half_three, x)) -
        static_cast<uint32_t>(
            SaturatingRoundingDoublingHighMul(half_input, x3));
    x = SaturatingRoundingMultiplyByPOT(static_cast<int32_t>(diff), 3);
  }
  x = SaturatingRoundingDoublingHighMul(x, 1518500250);  // sqrt(2)/2
  if (out_shift < 0) {
    x = static_cast<int32_t>(static_cast<uint32_t>(x) << -out_shift);
    out_shift = 0;
  }
  *multiplier = x;
  *shift = -out_shift;
}

bool CheckedLog2(float x, int* log2) {
  const float x_log2 = std::log(x) * (1.0f / std::log(2.0f));
  const float rounded = std::round(x_log2);
  *log2 = static_cast<int>(rounded);
  return std::fabs(x_log2 - rounded) < 1e-3f;
}

}  // namespace lstm
}  // namespace edgelite
