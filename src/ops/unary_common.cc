// Element-wise unary ops: ABS, CEIL, COS, ELU, EXP, FLOOR, GELU, HARD_SWISH,
// LEAKY_RELU, LOG, LOGICAL_NOT, NEG, ROUND, RSQRT, SIGN, SIN, SQRT, SQUARE,
// TANH, ZEROS_LIKE.
//
// What TFLite computes in practice (LiteRT.js 2.5.3 and tfjs-tflite
// 0.0.1-alpha.10; measured with every 8-bit input value on random
// quantizations, see tests/conformance/ops/unary.mjs):
//
// float32: the libm function per element (std::tanh, expm1, exp, log, sin,
// cos, sqrt, erfc …), as tfjs-tflite computes them. LiteRT.js hands several
// float ops to XNNPACK, whose polynomial approximations differ. Measured max
// distance to LiteRT.js on 4096 evenly spaced inputs: TANH 5 ulp, ELU 1 ulp,
// EXP 15 ulp (only for results below 1e-7), LOG 65 ulp near x = 1 (6e-8
// absolute), SIN/COS ~1e-7 absolute (many ulp near their zeros), GELU ~4e-7
// absolute where it is ~1e-6 (LiteRT.js and tfjs-tflite disagree there as
// much); SQRT, RSQRT, SQUARE, LEAKY_RELU exact. All inside the conformance
// contract's default tolerance (1e-5 of the output range), so no override.
// ROUND is half to even (nearbyint), SIGN maps NaN to 0. HARD_SWISH uses
// XNNPACK's formula x·clamp(x·f32(1/6) + 0.5, 0, 1), which LiteRT.js
// computes bit for bit (TFLite's x·relu6(x + 3)/6 is up to 1024 ulp away
// next to x = −3).
//
// int8 / uint8 (per-tensor): every op is a 256-entry table built in Prepare
// from the op's exact integer arithmetic, so Eval is a byte lookup:
//  - TANH, ELU, EXP, LOG, GELU: TFLite's LUTPopulate — for each input q,
//    x = f32(in_scale) · f32(q − in_zp) (a float product), y = f(x),
//    q' = roundf_half_away(y · f32(1 / out_scale)) + out_zp, converted to int
//    with saturation (see SaturatingFloatToInt32), clamped. LOG maps x ≤ 0 to
//    the output's lowest representable value; GELU uses erfc (exact) or the
//    tanh formula (approximate) in float. XNNPACK's own tables for TANH/ELU
//    round half to even instead, which never differed in the measurements.
//  - HARD_SWISH: TFLite's 16-bit fixed point (reference_ops::HardSwish):
//    the input on a 2^7 finer scale, a "reluish" factor in [0, 1] from a
//    rescale to the ±3 range, SaturatingDoublingHighMul (rounding toward
//    zero) of the two, a rounding shift to the output scale. The XNNPACK
//    delegate leaves quantized HARD_SWISH to this kernel.
//  - LEAKY_RELU: the XNNPACK delegate takes it when in_scale/out_scale
//    (float) is in [2^-8, 2^7] and that ratio times alpha is in
//    [-0x1.FFFCp6, 2^7] with magnitude ≥ 2^-8; XNNPACK computes
//    out = ((q − in_zp) · M + 128) >> 8 + out_zp with
//    M = lrintf(256 · ratio) (or 256 · ratio · alpha for q < in_zp).
//    Other scales run TFLite's built-in: MultiplyByQuantizedMultiplier of
//    q − in_zp by f32(in_scale · alpha / out_scale) or f32(in/out scale).
//  - ABS: |q − in_zp| (+ MultiplyByQuantizedMultiplier by f32(in/out scale)
//    when the scales differ) + out_zp. NEG: −q as an int8, wrapping
//    (−(−128) = −128), whatever the quantization (measured: LiteRT.js runs
//    the generic integer Negate; tfjs-tflite refuses int8 NEG; newer TFLite
//    sources compute in_zp + out_zp − q instead).
//    SQRT: truncate(sqrtf(x) / out_scale) + out_zp.
//    RSQRT: TFLite's fixed-point inverse square root
//    (GetInvSqrtQuantizedMultiplierExp) of q − in_zp, rescaled by
//    1 / (sqrtf(in_scale) · out_scale); q = in_zp gives the maximum. SQRT and
//    RSQRT fail in Eval on inputs below the zero point, as TFLite does.
//
// int16 (symmetric, zero points 0):
//  - EXP, LOG, RSQRT: TFLite's 513-entry interpolated table
//    (LUTPopulate<int16_t>, LUTLookup).
//  - TANH: power-of-two input scale 2^-12 or 2^-11 → gemmlowp's int16
//    fixed-point tanh (optimized_ops::Tanh); any other scale → TFLite's
//    sigmoid-table interpolation (reference_integer_ops::Tanh). The output
//    scale must be 2^-15.
//  - LEAKY_RELU, ABS: MultiplyByQuantizedMultiplier as for 8 bit; ABS of an
//    unquantized int16 is the plain absolute value. SQRT: as for 8 bit.
//
// QuantArithmetic::kMicro (tflite-micro): LEAKY_RELU always uses the
// built-in MultiplyByQuantizedMultiplier arithmetic (no XNNPACK); int8 TANH
// is gemmlowp's 32-bit fixed-point tanh (reference_integer_ops::Tanh, output
// on scale 1/128); int16 TANH always uses the sigmoid table. Every other op
// computes the same as kTflite.
#include "ops/unary_common.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/quant.h"
#include "ops/op_util.h"

// Cold code (table building, 16-bit fixed point): keeping these out of line
// keeps the binary small; none of it is on a per-element 8-bit path.
#define EDGELITE_UNARY_COLD __attribute__((noinline))

namespace edgelite {

int32_t SaturatingFloatToInt32(float x) {
  if (!(x == x)) return 0;
  if (x >= 2147483648.0f) return std::numeric_limits<int32_t>::max();
  if (x <= -2147483648.0f) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(x);
}

namespace {

constexpr uint32_t Bit(DataType t) {
  return uint32_t{1} << static_cast<int>(t);
}
constexpr uint32_t kF32 = Bit(DataType::kFloat32);
constexpr uint32_t kI8 = Bit(DataType::kInt8);
constexpr uint32_t kU8 = Bit(DataType::kUInt8);
constexpr uint32_t kI16 = Bit(DataType::kInt16);
constexpr uint32_t kI32 = Bit(DataType::kInt32);
constexpr uint32_t kI64 = Bit(DataType::kInt64);
constexpr uint32_t kBool = Bit(DataType::kBool);

// ---- float functions (x, parameter) ----

using FloatFn = float (*)(float, float);

float FAbs(float x, float) { return std::fabs(x); }
float FCeil(float x, float) { return std::ceil(x); }
float FCos(float x, float) { return std::cos(x); }
float FElu(float x, float) { return x < 0.0f ? std::expm1(x) : x; }
float FExp(float x, float) { return std::exp(x); }
float FFloor(float x, float) { return std::floor(x); }
// reference_ops::GeluTransform: erfc avoids cancellation for large negative x.
float FGelu(float x, float) {
  return 0.5f * x * std::erfc(x * static_cast<float>(-0.70710678118654752440));
}
float FGeluApprox(float x, float) {
  const float k = static_cast<float>(1.12837916709551257390 *
                                     0.70710678118654752440);  // sqrt(2/pi)
  return 0.5f * x * (1.0f + std::tanh(k * (x + 0.044715f * x * x * x)));
}
// XNNPACK's f32 hardswish (LiteRT.js delegates float HARD_SWISH):
// x · clamp(x · f32(1/6) + 0.5, 0, 1); bit-identical to LiteRT.js on the
// measured grid, within 2 ulp of TFLite's x · relu6(x + 3) / 6.
float FHardSwish(float x, float) {
  float r = x * (1.0f / 6.0f) + 0.5f;
  r = r < 0.0f ? 0.0f : (r > 1.0f ? 1.0f : r);
  return r * x;
}
float FLeakyRelu(float x, float alpha) { return x < 0.0f ? x * alpha : x; }
float FLog(float x, float) { return std::log(x); }
// The LOG table maps x <= 0 to the output's lowest value (`lowest`).
float FLogTable(float x, float lowest) {
  return x <= 0.0f ? lowest : std::log(x);
}
float FNeg(float x, float) { return -x; }
float FRound(float x, float) { return std::nearbyint(x); }
float FRsqrt(float x, float) { return 1.0f / std::sqrt(x); }
// The int16 RSQRT table maps x <= 0 to the output's largest value.
float FRsqrtTable(float x, float highest) {
  return x <= 0.0f ? highest : 1.0f / std::sqrt(x);
}
float FSign(float x, float) {
  return static_cast<float>((0.0f < x) - (x < 0.0f));
}
float FSin(float x, float) { return std::sin(x); }
float FSqrt(float x, float) { return std::sqrt(x); }
float FSquare(float x, float) { return x * x; }
float FTanh(float x, float) { return std::tanh(x); }

struct UnaryInfo {
  const char* name;
  uint32_t types;  // accepted input (= output) types
  FloatFn fn;      // float32 function; nullptr when the op has none
};

// Indexed by UnaryKind.
const UnaryInfo kInfo[] = {
    {"ABS", kF32 | kI8 | kI16 | kI32, FAbs},
    {"CEIL", kF32, FCeil},
    {"COS", kF32, FCos},
    {"ELU", kF32 | kI8, FElu},
    {"EXP", kF32 | kI8 | kI16, FExp},
    {"FLOOR", kF32, FFloor},
    {"GELU", kF32 | kI8 | kU8, FGelu},
    {"HARD_SWISH", kF32 | kI8 | kU8, FHardSwish},
    {"LEAKY_RELU", kF32 | kI8 | kU8 | kI16, FLeakyRelu},
    {"LOG", kF32 | kI8 | kI16, FLog},
    {"LOGICAL_NOT", kBool, nullptr},
    {"NEG", kF32 | kI8 | kI32 | kI64, FNeg},
    {"ROUND", kF32, FRound},
    {"RSQRT", kF32 | kI8 | kI16, FRsqrt},
    {"SIGN", kF32 | kI32, FSign},
    {"SIN", kF32, FSin},
    {"SQRT", kF32 | kI8 | kI16, FSqrt},
    {"SQUARE", kF32, FSquare},
    {"TANH", kF32 | kI8 | kU8 | kI16, FTanh},
    {"ZEROS_LIKE", kF32 | kI32 | kI64, nullptr},
};

std::string TypeList(uint32_t types) {
  static const DataType kAll[] = {
      DataType::kFloat32, DataType::kInt8,  DataType::kUInt8, DataType::kInt16,
      DataType::kInt32,   DataType::kInt64, DataType::kBool};
  std::string s;
  for (DataType t : kAll) {
    if (!(types & Bit(t))) continue;
    if (!s.empty()) s += ", ";
    s += DataTypeName(t);
  }
  return s;
}

// ---- gemmlowp fixed point on 16- or 32-bit raw values ----
// gemmlowp instantiates its FixedPoint for int16_t and int32_t raws; one
// class with the width as a run-time value computes the same bits with half
// the code. Raw values live sign-extended in int32_t; values are
// Q(ib).(bits-1-ib); products are rounding doubling high multiplies;
// additions wrap like gemmlowp's plain Add on the raw type.
class Fx {
 public:
  explicit Fx(int bits) : bits_(bits) {}

  int32_t Max() const { return bits_ == 16 ? 32767 : 2147483647; }
  int32_t Min() const { return -Max() - 1; }
  int32_t Wrap(int64_t v) const {
    return bits_ == 16 ? static_cast<int16_t>(static_cast<uint16_t>(v))
                       : static_cast<int32_t>(static_cast<uint32_t>(v));
  }
  int32_t Add(int32_t a, int32_t b) const { return Wrap(int64_t{a} + b); }
  int32_t Sub(int32_t a, int32_t b) const { return Wrap(int64_t{a} - b); }
  // SaturatingRoundingDoublingHighMul.
  EDGELITE_UNARY_COLD int32_t Mul(int32_t a, int32_t b) const {
    if (a == b && a == Min()) return Max();
    const int64_t ab = int64_t{a} * b;
    const int64_t half = int64_t{1} << (bits_ - 2);
    return static_cast<int32_t>((ab + (ab >= 0 ? half : 1 - half)) /
                                (int64_t{1} << (bits_ - 1)));
  }
  // RoundingDivideByPOT with the mask held in the raw type, as in gemmlowp
  // (it wraps for e >= bits).
  EDGELITE_UNARY_COLD int32_t DivideByPot(int32_t x, int e) const {
    const int32_t mask = Wrap((int64_t{1} << e) - 1);
    const int32_t threshold = Wrap(int64_t{mask >> 1} + (x < 0));
    return Wrap(int64_t{x >> e} + ((x & mask) > threshold ? 1 : 0));
  }
  // SaturatingRoundingMultiplyByPOT.
  EDGELITE_UNARY_COLD int32_t MulByPot(int32_t x, int e) const {
    if (e == 0) return x;
    if (e < 0) return DivideByPot(x, -e);
    const int64_t threshold = (int64_t{1} << (bits_ - 1 - e)) - 1;
    if (x > threshold) return Max();
    if (x < -threshold) return Min();
    return Wrap(int64_t{x} * (int64_t{1} << e));
  }
  // gemmlowp's constants are int32 raws; 16-bit raws round them.
  int32_t Const(int32_t v) const {
    return bits_ == 16 ? RoundingDivideByPOT(v, 16) : v;
  }

  // exp(a) for a in [-1/4, 0), Q0 in and out.
  EDGELITE_UNARY_COLD int32_t ExpOnQuarterInterval(int32_t a) const {
    const int32_t c = Const(1895147668);         // exp(-1/8)
    const int32_t x = Add(a, 1 << (bits_ - 4));  // + 1/8
    const int32_t x2 = Mul(x, x);
    const int32_t x3 = Mul(x2, x);
    const int32_t x4_over_4 = MulByPot(Mul(x2, x2), -2);
    const int32_t poly = MulByPot(
        Add(Mul(Add(x4_over_4, x3), Const(715827883)), x2), -1);  // 1/3
    const int32_t r = Mul(c, Add(x, poly));
    if (bits_ != 16) return Add(c, r);
    return std::min(32767, std::max(-32768, c + r));  // AddSaturatingIf16Bit
  }

  // exp(a) for a <= 0 given with `ib` integer bits; Q0 result.
  EDGELITE_UNARY_COLD int32_t ExpOnNegativeValues(int32_t a, int ib) const {
    const int frac = bits_ - 1 - ib;
    const int32_t one_quarter = 1 << (frac - 2);
    const int32_t a_mod_quarter_minus_quarter =
        Sub(a & (one_quarter - 1), one_quarter);
    int32_t result =
        ExpOnQuarterInterval(MulByPot(a_mod_quarter_minus_quarter, ib));
    const int32_t remainder = Sub(a_mod_quarter_minus_quarter, a);
    static const int32_t kMultipliers[7] = {1672461947, 1302514674, 790015084,
                                            290630308,  39332535,   720401,
                                            242};  // exp(-2^k), k = -2…4
    for (int k = 0; k < 7; ++k) {
      const int exponent = k - 2;
      if (ib > exponent &&
          (remainder & Wrap(int64_t{1} << (frac + exponent))) != 0) {
        result = Mul(result, Const(kMultipliers[k]));
      }
    }
    if (ib > 5 && a < Const(-(int32_t{1} << (36 - ib)))) result = 0;
    if (a == 0) result = Max();
    return result;
  }

  // (1 − a) / (1 + a) for a in (0, 1), Q0 in and out (Newton–Raphson in Q2).
  EDGELITE_UNARY_COLD int32_t OneMinusXOverOnePlusX(int32_t a) const {
    const int64_t sum = int64_t{a} + Max();
    const int32_t half_denominator =
        static_cast<int32_t>((sum + (sum >= 0 ? 1 : -1)) / 2);
    const int32_t one_q2 = 1 << (bits_ - 3);
    int32_t x = Add(Const(1515870810),                           // 48/17
                    Mul(half_denominator, Const(-1010580540)));  // -32/17
    for (int i = 0; i < 3; ++i) {
      const int32_t one_minus = Sub(one_q2, Mul(half_denominator, x));
      x = Add(x, MulByPot(Mul(x, one_minus), 2));
    }
    return MulByPot(Sub(x, one_q2), 2);
  }

  // gemmlowp::tanh of a value with `ib` integer bits; Q0 result.
  int32_t Tanh(int32_t a, int ib) const {
    if (a == 0) return 0;
    const bool negative = a < 0;
    const int32_t t = OneMinusXOverOnePlusX(
        ExpOnNegativeValues(negative ? a : Wrap(-int64_t{a}), ib + 1));
    return negative ? Wrap(-int64_t{t}) : t;
  }

 private:
  int bits_;
};

// ---- other TFLite fixed-point pieces ----

int16_t SaturatingLeftShift16(int16_t v, int amount) {
  const int64_t r = int64_t{v} * (int64_t{1} << amount);
  return static_cast<int16_t>(
      std::min<int64_t>(32767, std::max<int64_t>(-32768, r)));
}
// Like Fx(16).Mul but rounding toward zero (ARM SQDMULH).
int16_t SaturatingDoublingHighMul16(int16_t a, int16_t b) {
  if (a == b && a == -32768) return 32767;
  return static_cast<int16_t>((int32_t{a} * b) / (1 << 15));
}
int16_t DownScaleMultiplierTo16(int32_t m) {
  if (m >= std::numeric_limits<int32_t>::max() - (1 << 15)) return 32767;
  return static_cast<int16_t>((m + (1 << 15)) >> 16);
}

// TFLite GetInvSqrtQuantizedMultiplierExp with reverse_shift = -1.
EDGELITE_UNARY_COLD void InvSqrtMultiplier(int32_t input, int32_t* multiplier,
                                           int* shift) {
  if (input <= 1) {
    *multiplier = std::numeric_limits<int32_t>::max();
    *shift = 0;
    return;
  }
  int s = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++s;
  }
  int leading_zeros = 0;
  while ((static_cast<uint32_t>(input) & (0x80000000u >> leading_zeros)) == 0) {
    ++leading_zeros;
  }
  const int left_shift_bit_pairs = (leading_zeros - 1) / 2 - 1;
  s -= left_shift_bit_pairs;
  input <<= 2 * left_shift_bit_pairs;
  // Newton–Raphson for 1/sqrt in Q3.28, starting from 1.
  const Fx fx(32);
  const int32_t half_input = fx.MulByPot(input >> 1, -1);
  const int32_t half_three = (1 << 28) + (1 << 27);
  int32_t x = 1 << 28;
  for (int i = 0; i < 5; ++i) {
    const int32_t x3 = fx.MulByPot(fx.Mul(fx.Mul(x, x), x), 6);
    x = fx.MulByPot(fx.Sub(fx.Mul(half_three, x), fx.Mul(half_input, x3)), 3);
  }
  x = fx.Mul(x, 1518500250);  // sqrt(2) / 2
  if (s < 0) {
    x = static_cast<int32_t>(static_cast<uint32_t>(x) << -s);
    s = 0;
  }
  *multiplier = x;
  *shift = -s;
}

// TFLite CheckedLog2: log2 rounded, and whether x is that power of two.
bool CheckedLog2(float x, int* log2_result) {
  const float x_log2 = std::log(x) * (1.0f / std::log(2.0f));
  const float rounded = std::round(x_log2);
  *log2_result = static_cast<int>(rounded);
  return std::fabs(x_log2 - rounded) < 1e-3f;
}

// TFLite LUTPopulate<int16_t>: 512 interpolation segments over the input
// range, each sample biased by half the interpolation error at its midpoint.
EDGELITE_UNARY_COLD void PopulateTable16(float in_scale, int32_t in_zp,
                                         float out_scale, int32_t out_zp,
                                         FloatFn f, float param, int16_t* lut) {
  const float input_min = in_scale * static_cast<float>(-32768 - in_zp);
  const float input_max = in_scale * static_cast<float>(32767 - in_zp);
  const float output_min = out_scale * static_cast<float>(-32768 - out_zp);
  const float output_max = out_scale * static_cast<float>(32767 - out_zp);
  const float step = (input_max - input_min) / 512.0f;
  const float half_step = step / 2.0f;
  const float inv = 65536.0f / (output_max - output_min);
  auto clamp16 = [](float v) {
    v = std::max(v, -32768.0f);
    v = std::min(v, 32767.0f);
    return static_cast<int16_t>(SaturatingFloatToInt32(v));
  };
  for (int i = 0; i < 512; ++i) {
    const float val = f(input_min + static_cast<float>(i) * step, param);
    const float val_mid =
        f(input_min + static_cast<float>(i) * step + half_step, param);
    const float val_next =
        f(input_min + static_cast<float>(i + 1) * step, param);
    const float sample = std::round(val * inv);
    const float interp =
        std::round((val_next * inv + std::round(val * inv)) / 2.0f);
    const float mid = std::round(val_mid * inv);
    const float bias = std::round((interp - mid) / 2.0f);
    lut[i] = clamp16(sample - bias);
  }
  lut[512] = clamp16(std::round(f(input_max, param) * inv));
}

// TFLite LUTLookup(int16_t): linear interpolation between two entries.
int16_t LookupTable16(int16_t v, const int16_t* lut) {
  const int index = 256 + (v >> 7);
  const int offset = v & 0x7f;
  const int16_t base = lut[index];
  const int16_t slope = static_cast<int16_t>(lut[index + 1] - lut[index]);
  return static_cast<int16_t>(base + ((slope * offset + 64) >> 7));
}

// TFLite's sigmoid_table_uint16 (kernels/internal/common.h): sigmoid(i / 24)
// in 0.16 fixed point. Its entries are not plain roundings of the function
// (44 of them are 1 above round(65536 · sigmoid)), so bit-exact int16 TANH
// needs the values themselves.
const uint16_t kSigmoidTable[256] = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498,
    40149, 40794, 41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255,
    46817, 47369, 47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409, 51865,
    52311, 52745, 53169, 53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174,
    56503, 56823, 57133, 57433, 57724, 58007, 58280, 58544, 58800, 59048, 59288,
    59519, 59743, 59959, 60168, 60370, 60565, 60753, 60935, 61110, 61279, 61441,
    61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666, 62778, 62886,
    62990, 63090, 63186, 63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835,
    63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308, 64357, 64405, 64450,
    64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786, 64816, 64845,
    64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079, 65097,
    65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258,
    65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360,
    65367, 65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425,
    65429, 65433, 65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465,
    65468, 65471, 65474, 65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491,
    65493, 65495, 65497, 65498, 65500, 65501, 65503, 65504, 65505, 65507, 65508,
    65509, 65510, 65511, 65512, 65513, 65514, 65515, 65516, 65517, 65517, 65518,
    65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524, 65525,
    65525, 65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529,
    65529, 65529, 65530, 65530, 65530, 65530, 65531, 65531, 65531, 65531, 65531,
    65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533, 65533, 65533,
    65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
    65534, 65534, 65535,
};

class UnaryOp final : public Op {
 public:
  explicit UnaryOp(UnaryKind kind) : kind_(kind) {}

  Status Prepare(OpContext& ctx) override;
  Status Eval(OpContext& ctx) override;

 private:
  enum class Path : uint8_t {
    kFloat,    // float_fn_ per element
    kTable8,   // table8_ lookup by input byte
    kTable16,  // interpolated table16_
    kInt16,    // per-element 16-bit fixed point (Int16Value)
    kInteger,  // plain int16/int32/int64 ABS, NEG, SIGN
    kNot,      // bool
    kZero,     // ZEROS_LIKE
  };

  const UnaryInfo& info() const { return kInfo[static_cast<int>(kind_)]; }
  Status PrepareQuantized(OpContext& ctx, const Tensor* in, const Tensor* out);
  Status PrepareInt16(OpContext& ctx, const Tensor* in, const Tensor* out);
  Status PrepareMultiplier(OpContext& ctx, double real, int max_left_shift,
                           int32_t* multiplier, int* shift);
  int32_t Value8(int32_t q) const;
  int32_t TableValue8(int32_t q) const;
  int32_t Int16Value(int32_t x) const;
  int32_t TanhInt16(int32_t x) const;
  Status CheckNotBelowZeroPoint(const OpContext& ctx, const Tensor* in) const;

  const UnaryKind kind_;
  Path path_ = Path::kFloat;
  DataType type_ = DataType::kFloat32;
  bool micro_ = false;
  bool gelu_approximate_ = false;
  FloatFn float_fn_ = nullptr;
  float param_ = 0.0f;  // float_fn_'s parameter
  // Quantization.
  int32_t qmin_ = 0, qmax_ = 0;
  float in_scale_ = 0.0f, out_scale_ = 0.0f;
  int32_t in_zp_ = 0, out_zp_ = 0;
  bool rescale_ = false;           // ABS with different scales
  bool xnnpack_lrelu_ = false;     // LEAKY_RELU on XNNPACK's arithmetic
  bool check_zero_point_ = false;  // SQRT/RSQRT: inputs must be >= in_zp
  int32_t mult_ = 0, mult2_ = 0;   // multipliers (identity / alpha …)
  int shift_ = 0, shift2_ = 0;
  int32_t input_radius_ = 0;      // kMicro int8 TANH
  bool tanh16_fixed_ = false;     // int16 TANH via gemmlowp
  std::vector<uint8_t> table8_;   // indexed by the input byte
  std::vector<int16_t> table16_;  // 513 entries (TFLite LUTLookup)
};

Status UnaryOp::Prepare(OpContext& ctx) {
  EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
  const Tensor* in = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
  type_ = in->type;
  if (!(info().types & Bit(type_))) {
    return ctx.InputError(
        StatusCode::kUnsupported, 0,
        StrFormat("%s of %s is not supported (supported: %s)", info().name,
                  DataTypeName(type_), TypeList(info().types).c_str()));
  }
  EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
  EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, in->shape));
  micro_ = ctx.arithmetic() == QuantArithmetic::kMicro;
  gelu_approximate_ =
      kind_ == UnaryKind::kGelu && ctx.options().gelu.approximate;
  const Tensor* out = ctx.output(0);
  if (kind_ == UnaryKind::kZerosLike) {
    path_ = Path::kZero;
    return Status::Ok();
  }
  switch (type_) {
    case DataType::kFloat32:
      path_ = Path::kFloat;
      float_fn_ = gelu_approximate_ ? FGeluApprox : info().fn;
      if (kind_ == UnaryKind::kLeakyRelu)
        param_ = ctx.options().leaky_relu.alpha;
      return Status::Ok();
    case DataType::kBool:
      path_ = Path::kNot;
      return Status::Ok();
    case DataType::kInt32:
    case DataType::kInt64:
      path_ = Path::kInteger;
      return Status::Ok();
    case DataType::kInt16:
      if (kind_ == UnaryKind::kAbs &&
          (in->quant == nullptr || in->quant->scale.empty())) {
        path_ = Path::kInteger;  // plain absolute value
        return Status::Ok();
      }
      return PrepareQuantized(ctx, in, out);
    default:  // int8, uint8
      return PrepareQuantized(ctx, in, out);
  }
}

Status UnaryOp::PrepareMultiplier(OpContext& ctx, double real,
                                  int max_left_shift, int32_t* multiplier,
                                  int* shift) {
  QuantizeMultiplier(real, multiplier, shift);
  // MultiplyByQuantizedMultiplier shifts its operand left by `shift` before
  // the high multiply; beyond `max_left_shift` that overflows int32
  // (undefined in TFLite).
  if (*shift > max_left_shift) {
    return ctx.Error(StatusCode::kUnsupported,
                     StrFormat("%s: scale ratio %g is too large to requantize",
                               info().name, real));
  }
  return Status::Ok();
}

Status UnaryOp::PrepareQuantized(OpContext& ctx, const Tensor* in,
                                 const Tensor* out) {
  // LiteRT.js negates int8 as plain integers: quantization is ignored.
  if (kind_ != UnaryKind::kNeg) {
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, in, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, out, false, 0));
  }
  qmin_ = QMin(type_);
  qmax_ = QMax(type_);
  in_scale_ = in->scale();
  out_scale_ = out->scale();
  in_zp_ = in->zero_point();
  out_zp_ = out->zero_point();
  const int max_left_shift = type_ == DataType::kInt16 ? 15 : 23;

  switch (kind_) {
    case UnaryKind::kAbs:
      rescale_ = in_scale_ != out_scale_;
      if (rescale_) {
        EDGELITE_RETURN_IF_ERROR(
            PrepareMultiplier(ctx, static_cast<double>(in_scale_ / out_scale_),
                              max_left_shift, &mult_, &shift_));
      }
      break;
    case UnaryKind::kHardSwish: {
      // TFLite HardSwishPrepare, all in float.
      const float hires_input_scale = (1.0f / 128.0f) * in_scale_;
      const float output_multiplier = hires_input_scale / out_scale_;
      const float reluish_multiplier = hires_input_scale / (3.0f / 32768.0f);
      int32_t m32 = 0;
      QuantizeMultiplier(static_cast<double>(output_multiplier), &m32, &shift_);
      mult_ = DownScaleMultiplierTo16(m32);
      QuantizeMultiplier(static_cast<double>(reluish_multiplier), &m32,
                         &shift2_);
      mult2_ = DownScaleMultiplierTo16(m32);
      if (shift_ > 0) {
        return ctx.Error(
            StatusCode::kUnsupported,
            StrFormat("HARD_SWISH: input/output scale ratio %g is 128 or more "
                      "(TFLite requires it below 128)",
                      static_cast<double>(in_scale_ / out_scale_)));
      }
      if (shift2_ > 30) {
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              "HARD_SWISH: the input scale is too large");
      }
      break;
    }
    case UnaryKind::kLeakyRelu: {
      const float alpha = ctx.options().leaky_relu.alpha;
      const float ratio = in_scale_ / out_scale_;
      const float negative_ratio = ratio * alpha;
      xnnpack_lrelu_ =
          !micro_ && type_ != DataType::kInt16 && ratio >= 0x1.0p-8f &&
          ratio <= 0x1.0p+7f && negative_ratio >= -0x1.FFFC00p+6f &&
          negative_ratio <= 0x1.0p+7f && std::fabs(negative_ratio) >= 0x1.0p-8f;
      if (xnnpack_lrelu_) {
        mult_ = static_cast<int32_t>(std::nearbyint(256.0f * ratio));
        mult2_ = static_cast<int32_t>(std::nearbyint(256.0f * negative_ratio));
        break;
      }
      EDGELITE_RETURN_IF_ERROR(
          PrepareMultiplier(ctx, static_cast<double>(in_scale_ / out_scale_),
                            max_left_shift, &mult_, &shift_));
      EDGELITE_RETURN_IF_ERROR(PrepareMultiplier(
          ctx, static_cast<double>(in_scale_ * alpha / out_scale_),
          max_left_shift, &mult2_, &shift2_));
      break;
    }
    case UnaryKind::kRsqrt:
      check_zero_point_ = true;
      if (type_ != DataType::kInt16) {
        const double real =
            1.0 / static_cast<double>(std::sqrt(in_scale_) * out_scale_);
        QuantizeMultiplier(real, &mult_, &shift_);
      }
      break;
    case UnaryKind::kSqrt:
      check_zero_point_ = true;
      break;
    default:
      break;
  }

  if (type_ == DataType::kInt16) return PrepareInt16(ctx, in, out);

  // 8 bit: tabulate every input byte.
  if (micro_ && kind_ == UnaryKind::kTanh && type_ == DataType::kInt8) {
    // tflite-micro CalculateArithmeticOpData for int8 TANH.
    const double real = static_cast<double>(in_scale_) * (1 << (31 - 4));
    QuantizeMultiplier(real, &mult_, &shift_);
    input_radius_ = CalculateInputRadius(4, shift_, 31);
  }
  table8_.resize(256);
  for (int32_t q = qmin_; q <= qmax_; ++q) {
    table8_[static_cast<uint8_t>(q)] =
        static_cast<uint8_t>(std::min(std::max(Value8(q), qmin_), qmax_));
  }
  path_ = Path::kTable8;
  return Status::Ok();
}

Status UnaryOp::PrepareInt16(OpContext& ctx, const Tensor* in,
                             const Tensor* out) {
  (void)in;
  (void)out;
  if (in_zp_ != 0 || out_zp_ != 0) {
    return ctx.Error(
        StatusCode::kUnsupported,
        StrFormat("%s of int16 needs zero points 0, got input %d, output %d",
                  info().name, in_zp_, out_zp_));
  }
  switch (kind_) {
    case UnaryKind::kExp:
    case UnaryKind::kLog:
    case UnaryKind::kRsqrt: {
      FloatFn f = FExp;
      float param = 0.0f;
      if (kind_ == UnaryKind::kLog) {
        f = FLogTable;
        param = static_cast<float>(-32768 - out_zp_) * out_scale_;
      } else if (kind_ == UnaryKind::kRsqrt) {
        f = FRsqrtTable;
        param = 32767.0f * out_scale_;
      }
      table16_.resize(513);
      PopulateTable16(in_scale_, in_zp_, out_scale_, out_zp_, f, param,
                      table16_.data());
      path_ = Path::kTable16;
      return Status::Ok();
    }
    case UnaryKind::kTanh: {
      int out_log2 = 0;
      if (!CheckedLog2(out_scale_, &out_log2) || out_log2 != -15) {
        return ctx.OutputError(
            StatusCode::kUnsupported, 0,
            StrFormat("TANH of int16 needs the output scale 2^-15, got %.9g",
                      static_cast<double>(out_scale_)));
      }
      int in_log2 = 0;
      const bool pot = CheckedLog2(in_scale_, &in_log2);
      shift_ = 12 + in_log2;  // (15 - 3 integer bits) + log2(scale)
      mult_ = 0;
      if (pot && (shift_ == 0 || shift_ == 1)) {
        tanh16_fixed_ = !micro_;
      } else {
        // Rescale to the table's input scale 1/(3·4096).
        double m = static_cast<double>(in_scale_) * 4096.0 * 3.0;
        shift_ = 0;
        while (m <= 32767.0 / 2.0 && shift_ <= 30) {
          ++shift_;
          m *= 2.0;
        }
        if (m >= 65536.0) {
          return ctx.InputError(
              StatusCode::kUnsupported, 0,
              StrFormat("TANH of int16: input scale %.9g is too large",
                        static_cast<double>(in_scale_)));
        }
        mult_ = static_cast<int32_t>(m);
      }
      break;
    }
    default:
      break;
  }
  path_ = Path::kInt16;
  return Status::Ok();
}

// TFLite LUTPopulate<int8_t/uint8_t> for a float transform.
EDGELITE_UNARY_COLD int32_t UnaryOp::TableValue8(int32_t q) const {
  FloatFn f = info().fn;
  float param = 0.0f;
  if (kind_ == UnaryKind::kLog) {
    f = FLogTable;
    param = static_cast<float>(qmin_ - out_zp_) * out_scale_;
  }
  if (gelu_approximate_) f = FGeluApprox;
  const float x = in_scale_ * static_cast<float>(q - in_zp_);
  const float y = f(x, param);
  const float rescaled = std::round(y * (1.0f / out_scale_));
  return SaturatingFloatToInt32(rescaled + static_cast<float>(out_zp_));
}

// The output (before clamping) for 8-bit input q.
EDGELITE_UNARY_COLD int32_t UnaryOp::Value8(int32_t q) const {
  const int32_t x = q - in_zp_;
  switch (kind_) {
    case UnaryKind::kAbs: {
      const int32_t v = x < 0 ? -x : x;
      return (rescale_ ? MultiplyByQuantizedMultiplier(v, mult_, shift_) : v) +
             out_zp_;
    }
    case UnaryKind::kNeg:
      return static_cast<int8_t>(-q);  // wraps: -(-128) is -128
    case UnaryKind::kHardSwish: {
      // reference_ops::HardSwish in int16 arithmetic.
      const Fx fx(16);
      const int16_t hires = static_cast<int16_t>(x * 128);
      const int16_t preshift_out = static_cast<int16_t>(fx.Mul(hires, mult_));
      int16_t reluish = hires;
      if (shift2_ > 0) reluish = SaturatingLeftShift16(reluish, shift2_ - 1);
      reluish = static_cast<int16_t>(fx.Mul(reluish, mult2_));
      if (shift2_ > 0) reluish = SaturatingLeftShift16(reluish, 1);
      if (shift2_ < 0) {
        reluish = static_cast<int16_t>(fx.DivideByPot(reluish, -shift2_));
      }
      reluish = static_cast<int16_t>((reluish + (1 << 15)) >> 1);
      const int16_t pre = SaturatingDoublingHighMul16(reluish, preshift_out);
      return static_cast<int16_t>(fx.DivideByPot(pre, -shift_) + out_zp_);
    }
    case UnaryKind::kLeakyRelu:
      if (xnnpack_lrelu_) {
        // Arithmetic shift of a negative int32: floor division (ties up).
        return ((x * (x >= 0 ? mult_ : mult2_) + 128) >> 8) + out_zp_;
      }
      return out_zp_ +
             (x >= 0 ? MultiplyByQuantizedMultiplier(x, mult_, shift_)
                     : MultiplyByQuantizedMultiplier(x, mult2_, shift2_));
    case UnaryKind::kRsqrt: {
      if (x < 0) return 0;  // refused in Eval
      if (x == 0) return qmax_;
      int32_t inv_mult = 0;
      int inv_shift = 0;
      InvSqrtMultiplier(x, &inv_mult, &inv_shift);
      const int kShift = 20;
      const int32_t data =
          MultiplyByQuantizedMultiplier(1, inv_mult, inv_shift + kShift);
      return MultiplyByQuantizedMultiplier(data, mult_, shift_ - kShift) +
             out_zp_;
    }
    case UnaryKind::kSqrt: {
      const float v = in_scale_ * static_cast<float>(x);
      if (v < 0.0f) return 0;  // refused in Eval
      return SaturatingFloatToInt32(std::sqrt(v) / out_scale_) + out_zp_;
    }
    case UnaryKind::kTanh:
      if (micro_ && type_ == DataType::kInt8) {
        // tflite-micro reference_integer_ops::Tanh (output scale 1/128).
        if (x <= -input_radius_) return qmin_;
        if (x >= input_radius_) return qmax_;
        const int32_t in_q4 = MultiplyByQuantizedMultiplier(x, mult_, shift_);
        return RoundingDivideByPOT(Fx(32).Tanh(in_q4, 4), 31 - 7);
      }
      return TableValue8(q);
    default:  // ELU, EXP, LOG, GELU
      return TableValue8(q);
  }
}

EDGELITE_UNARY_COLD int32_t UnaryOp::TanhInt16(int32_t x) const {
  if (tanh16_fixed_) {
    // optimized_ops::Tanh(int16): the input as Q3.12, shifted left by
    // shift_ (0 or 1) with saturation.
    const Fx fx(16);
    return fx.Tanh(shift_ == 0 ? x : fx.MulByPot(x, 1), 3);
  }
  // reference_integer_ops::Tanh(int16): tanh(x) = 2·sigmoid(2x) − 1 from a
  // 256-entry sigmoid table over [0, 10.7), interpolated on 8 bits.
  // Wrapping int32 arithmetic, as TFLite's code executes: a multiplier of 0
  // with a shift of 31 (an input scale below ~4e-14) makes 3 << 31, and
  // x · multiplier can overflow.
  uint32_t multiplier = static_cast<uint32_t>(mult_);
  int left_shift = shift_;
  if (multiplier == 0) {
    multiplier = uint32_t{3} << left_shift;
    left_shift = 0;
  }
  const uint32_t round = left_shift > 0 ? uint32_t{1} << (left_shift - 1) : 0;
  const int32_t v =
      static_cast<int32_t>(static_cast<uint32_t>(x) * multiplier + round) >>
      left_shift;
  const uint32_t abs_v =
      v < 0 ? 0u - static_cast<uint32_t>(v) : static_cast<uint32_t>(v);
  const uint32_t uh = abs_v >> 8;
  int32_t result;
  if (uh >= 255) {
    result = 0xFFFF << 8;
  } else {
    const uint32_t ua = kSigmoidTable[uh];
    const uint32_t ub = kSigmoidTable[uh + 1];
    const uint32_t ut = abs_v & 0xFF;
    result = static_cast<int32_t>((ua << 8) + ut * (ub - ua));
  }
  result = v >= 0 ? result - (1 << 23) + (1 << 7)
                  : -result + (1 << 23) + (1 << 7) - 1;
  return static_cast<int16_t>(result >> 8);
}

// The int16 output for input x (zero points are 0).
EDGELITE_UNARY_COLD int32_t UnaryOp::Int16Value(int32_t x) const {
  switch (kind_) {
    case UnaryKind::kTanh:
      return TanhInt16(x);
    case UnaryKind::kAbs: {
      const int32_t v = x < 0 ? -x : x;
      return rescale_ ? MultiplyByQuantizedMultiplier(v, mult_, shift_) : v;
    }
    case UnaryKind::kLeakyRelu:
      return x >= 0 ? MultiplyByQuantizedMultiplier(x, mult_, shift_)
                    : MultiplyByQuantizedMultiplier(x, mult2_, shift2_);
    case UnaryKind::kSqrt: {
      const float v = in_scale_ * static_cast<float>(x);
      return SaturatingFloatToInt32(std::sqrt(v) / out_scale_);
    }
    default:
      return 0;
  }
}

Status UnaryOp::CheckNotBelowZeroPoint(const OpContext& ctx,
                                       const Tensor* in) const {
  const int64_t n = in->NumElements();
  for (int64_t i = 0; i < n; ++i) {
    int32_t q;
    switch (type_) {
      case DataType::kInt8:
        q = in->Data<int8_t>()[i];
        break;
      case DataType::kUInt8:
        q = in->Data<uint8_t>()[i];
        break;
      default:
        q = in->Data<int16_t>()[i];
        break;
    }
    if (q < in_zp_) {
      return ctx.InputError(
          StatusCode::kInvalidArgument, 0,
          StrFormat("element %lld is %d, below the zero point %d: %s is only "
                    "defined for non-negative values",
                    static_cast<long long>(i), q, in_zp_, info().name));
    }
  }
  return Status::Ok();
}

// ABS, NEG and SIGN of plain int16/int32/int64, wrapping at the minimum as
// TFLite does in practice. One loop over the element size keeps the code
// small (these are cold ops).
void IntegerEval(UnaryKind kind, size_t size, const uint8_t* x, uint8_t* y,
                 int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    int64_t v;
    if (size == 2) {
      int16_t t;
      std::memcpy(&t, x + 2 * i, 2);
      v = t;
    } else if (size == 4) {
      int32_t t;
      std::memcpy(&t, x + 4 * i, 4);
      v = t;
    } else {
      std::memcpy(&v, x + 8 * i, 8);
    }
    const uint64_t u = static_cast<uint64_t>(v);
    const uint64_t r = kind == UnaryKind::kSign
                           ? static_cast<uint64_t>((0 < v) - (v < 0))
                           : (kind == UnaryKind::kNeg || v < 0 ? 0 - u : u);
    if (size == 2) {
      const int16_t t = static_cast<int16_t>(static_cast<uint16_t>(r));
      std::memcpy(y + 2 * i, &t, 2);
    } else if (size == 4) {
      const int32_t t = static_cast<int32_t>(static_cast<uint32_t>(r));
      std::memcpy(y + 4 * i, &t, 4);
    } else {
      std::memcpy(y + 8 * i, &r, 8);
    }
  }
}

Status UnaryOp::Eval(OpContext& ctx) {
  const Tensor* in = ctx.input(0);
  Tensor* out = ctx.output(0);
  const int64_t n = in->NumElements();
  if (check_zero_point_) {
    EDGELITE_RETURN_IF_ERROR(CheckNotBelowZeroPoint(ctx, in));
  }
  switch (path_) {
    case Path::kFloat: {
      const float* x = in->Data<float>();
      float* y = out->MutableData<float>();
      for (int64_t i = 0; i < n; ++i) y[i] = float_fn_(x[i], param_);
      break;
    }
    case Path::kTable8: {
      const uint8_t* x = in->data;
      uint8_t* y = out->data;
      const uint8_t* table = table8_.data();
      for (int64_t i = 0; i < n; ++i) y[i] = table[x[i]];
      break;
    }
    case Path::kTable16: {
      const int16_t* x = in->Data<int16_t>();
      int16_t* y = out->MutableData<int16_t>();
      for (int64_t i = 0; i < n; ++i)
        y[i] = LookupTable16(x[i], table16_.data());
      break;
    }
    case Path::kInt16: {
      const int16_t* x = in->Data<int16_t>();
      int16_t* y = out->MutableData<int16_t>();
      for (int64_t i = 0; i < n; ++i) {
        y[i] = static_cast<int16_t>(std::min(
            std::max(Int16Value(x[i]), int32_t{-32768}), int32_t{32767}));
      }
      break;
    }
    case Path::kInteger:
      IntegerEval(kind_, DataTypeSize(type_), in->data, out->data, n);
      break;
    case Path::kNot:
      for (int64_t i = 0; i < n; ++i) out->data[i] = in->data[i] == 0 ? 1 : 0;
      break;
    case Path::kZero:
      if (out->bytes > 0) std::memset(out->data, 0, out->bytes);
      break;
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<Op> CreateUnaryOp(UnaryKind kind) {
  return std::make_unique<UnaryOp>(kind);
}

}  // namespace edgelite
