// CAST: element-wise type conversion between float32, float16, int8, uint8,
// int16, int32, int64 and bool (any pair). TFLite ignores CastOptions (its
// Prepare has the type checks commented out), and so do we; quantization
// parameters are ignored too.
//
// Semantics are TFLite's cast.cc as LiteRT.js 2.5.3 computes them (measured
// with NaN, ±inf, out-of-range and fractional values):
//  - float32 → int32: truncation; values above 2^31 − 128 and NaN give
//    INT32_MAX, values below −2^31 give INT32_MIN;
//  - float32 → int16 / uint8: clamped to the type's range in float, then
//    truncated (NaN → 0);
//  - any other float → integer (float32 → int8, float16 → any): C++'s
//    static_cast, which the WebAssembly build computes as a saturating
//    truncation to int32 (NaN → 0) and then keeps the low bits; to uint8 as
//    a saturating truncation to uint32 (negatives → 0), low byte; → int64
//    saturates to int64;
//  - float → bool: x != 0 (NaN → true); integer → bool: x != 0;
//    bool → anything: 0 or 1;
//  - integer → narrower integer: the low bits (two's complement wrap);
//  - integer → float32: rounded to nearest even; → float16: via float32,
//    then rounded to nearest even (overflow → ±inf, NaN → quiet NaN).
// tfjs-tflite (an older TFLite) differs on out-of-range floats (it gives
// INT32_MIN where the cast overflows) and refuses float16 outputs.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/unary_common.h"

namespace edgelite {
namespace {

bool CastableType(DataType t) {
  switch (t) {
    case DataType::kFloat32:
    case DataType::kFloat16:
    case DataType::kInt8:
    case DataType::kUInt8:
    case DataType::kInt16:
    case DataType::kInt32:
    case DataType::kInt64:
    case DataType::kBool:
      return true;
    default:
      return false;
  }
}

// float → IEEE half, round to nearest even (FP16's fp16_ieee_from_fp32_value).
uint16_t FloatToHalf(float f) {
  uint32_t x;
  std::memcpy(&x, &f, sizeof(x));
  const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000);
  const uint32_t abs = x & 0x7fffffff;
  if (abs > 0x7f800000) return sign | 0x7e00;   // NaN
  if (abs >= 0x477ff000) return sign | 0x7c00;  // rounds to ±inf (>= 65520)
  if (abs < 0x38800000) {                       // half subnormal or zero
    float a;
    std::memcpy(&a, &abs, sizeof(a));
    return sign | static_cast<uint16_t>(std::nearbyint(a * 16777216.0f));
  }
  uint32_t h = ((((abs >> 23) - 127 + 15) << 10) | ((abs & 0x7fffff) >> 13));
  const uint32_t rest = abs & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (h & 1))) ++h;
  return static_cast<uint16_t>(sign | h);
}

int64_t SaturatingFloatToInt64(float x) {
  if (!(x == x)) return 0;
  if (x >= 9223372036854775808.0f) return std::numeric_limits<int64_t>::max();
  if (x <= -9223372036854775808.0f) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(x);
}

uint32_t SaturatingFloatToUint32(float x) {
  if (!(x > 0.0f)) return 0;  // also NaN
  if (x >= 4294967296.0f) return std::numeric_limits<uint32_t>::max();
  return static_cast<uint32_t>(x);
}

// std::min/std::max as TFLite applies them: a NaN `a` passes through.
float ClampLikeTflite(float a, float lo, float hi) {
  a = hi < a ? hi : a;
  return a < lo ? lo : a;
}

// One element on its way through: a float or an integer.
struct Value {
  bool is_float;
  float f;
  int64_t i;
};

Value Load(DataType t, const uint8_t* p, int64_t k) {
  switch (t) {
    case DataType::kFloat32: {
      float f;
      std::memcpy(&f, p + 4 * k, 4);
      return {true, f, 0};
    }
    case DataType::kFloat16: {
      uint16_t h;
      std::memcpy(&h, p + 2 * k, 2);
      return {true, HalfToFloat(h), 0};
    }
    case DataType::kInt8:
      return {false, 0.0f, static_cast<int8_t>(p[k])};
    case DataType::kUInt8:
      return {false, 0.0f, p[k]};
    case DataType::kBool:
      return {false, 0.0f, p[k] != 0 ? 1 : 0};
    case DataType::kInt16: {
      int16_t v;
      std::memcpy(&v, p + 2 * k, 2);
      return {false, 0.0f, v};
    }
    case DataType::kInt32: {
      int32_t v;
      std::memcpy(&v, p + 4 * k, 4);
      return {false, 0.0f, v};
    }
    default: {
      int64_t v;
      std::memcpy(&v, p + 8 * k, 8);
      return {false, 0.0f, v};
    }
  }
}

// `from_f32`: the source was float32 (TFLite clamps those before narrowing).
void Store(DataType t, uint8_t* p, int64_t k, const Value& v, bool from_f32) {
  // The low 64 bits of the integer value, for wrapping narrowings.
  const uint64_t bits = v.is_float ? static_cast<uint64_t>(static_cast<int64_t>(
                                         SaturatingFloatToInt32(v.f)))
                                   : static_cast<uint64_t>(v.i);
  switch (t) {
    case DataType::kFloat32: {
      const float f = v.is_float ? v.f : static_cast<float>(v.i);
      std::memcpy(p + 4 * k, &f, 4);
      return;
    }
    case DataType::kFloat16: {
      const uint16_t h =
          FloatToHalf(v.is_float ? v.f : static_cast<float>(v.i));
      std::memcpy(p + 2 * k, &h, 2);
      return;
    }
    case DataType::kBool:
      p[k] = (v.is_float ? v.f != 0.0f : v.i != 0) ? 1 : 0;
      return;
    case DataType::kInt8:
      p[k] = static_cast<uint8_t>(bits);
      return;
    case DataType::kUInt8:
      if (v.is_float) {
        // float32: TFLite clamps first. float16: static_cast<uint8_t>, which
        // the WebAssembly build computes as a saturating unsigned truncation
        // to 32 bits (negatives and NaN → 0), keeping the low byte.
        p[k] = from_f32 ? static_cast<uint8_t>(SaturatingFloatToInt32(
                              ClampLikeTflite(v.f, 0.0f, 255.0f)))
                        : static_cast<uint8_t>(SaturatingFloatToUint32(v.f));
      } else {
        p[k] = static_cast<uint8_t>(bits);
      }
      return;
    case DataType::kInt16: {
      const int16_t r = v.is_float && from_f32
                            ? static_cast<int16_t>(SaturatingFloatToInt32(
                                  ClampLikeTflite(v.f, -32768.0f, 32767.0f)))
                            : static_cast<int16_t>(static_cast<uint16_t>(bits));
      std::memcpy(p + 2 * k, &r, 2);
      return;
    }
    case DataType::kInt32: {
      int32_t r;
      if (v.is_float && from_f32) {
        // cast.cc copyCast(float, int32): saturating, NaN → INT32_MAX.
        const float max_below = 2147483520.0f;  // nextafter(2^31, 0)
        r = v.f <= max_below ? static_cast<int32_t>(
                                   v.f < -2147483648.0f ? -2147483648.0f : v.f)
                             : std::numeric_limits<int32_t>::max();
      } else {
        r = static_cast<int32_t>(static_cast<uint32_t>(bits));
      }
      std::memcpy(p + 4 * k, &r, 4);
      return;
    }
    default: {
      const int64_t r = v.is_float ? SaturatingFloatToInt64(v.f) : v.i;
      std::memcpy(p + 8 * k, &r, 8);
      return;
    }
  }
}

class CastOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    const Tensor* out = ctx.output(0);
    if (!CastableType(in->type)) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("CAST from %s is not supported (float32, float16, int8, "
                    "uint8, int16, int32, int64, bool are)",
                    DataTypeName(in->type)));
    }
    if (!CastableType(out->type)) {
      return ctx.OutputError(
          StatusCode::kUnsupported, 0,
          StrFormat("CAST to %s is not supported (float32, float16, int8, "
                    "uint8, int16, int32, int64, bool are)",
                    DataTypeName(out->type)));
    }
    in_type_ = in->type;
    out_type_ = out->type;
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    const int64_t n = in->NumElements();
    if (in_type_ == out_type_) {
      if (out->bytes > 0) std::memcpy(out->data, in->data, out->bytes);
      return Status::Ok();
    }
    const bool from_f32 = in_type_ == DataType::kFloat32;
    for (int64_t k = 0; k < n; ++k) {
      Store(out_type_, out->data, k, Load(in_type_, in->data, k), from_f32);
    }
    return Status::Ok();
  }

 private:
  DataType in_type_ = DataType::kFloat32;
  DataType out_type_ = DataType::kFloat32;
};

}  // namespace

std::unique_ptr<Op> CreateCast() { return std::make_unique<CastOp>(); }

}  // namespace edgelite
