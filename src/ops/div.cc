// DIV: out = act(a / b) with NumPy broadcasting (up to rank 6).
//
// Types: float32 (IEEE division: XNNPACK's and TFLite's kernels agree; x/0
// gives ±inf or NaN, no error), int32 (C++ division truncating toward zero,
// activation clamp), and per-tensor quantized uint8 and int8.
//
// int32: TFLite's kernel divides with the machine instruction; in the peers'
// WebAssembly a zero divisor or INT32_MIN / -1 traps (measured: tfjs-tflite
// "divide by zero", both "divide result unrepresentable"; LiteRT.js reports a
// failed invoke). edgelite fails Invoke with kRuntimeError naming the element.
//
// uint8/int8 (XNNPACK is not used: measured on LiteRT.js 2.5.3 and
// tfjs-tflite, ties of a/b at ±0.5, ±1.5, ±2.5 all round up, which is the
// built-in arithmetic below and neither XNNPACK's round-half-even nor a
// plain half-away rounding; int8 exists only in LiteRT's newer TFLite and
// matches uint8). TFLite's reference_ops DivElementwise:
//   m, shift = QuantizeMultiplier(double(f32(a_scale / f32(b_scale *
//              out_scale))))              (a float expression, widened)
//   x = a - a_zp, y = b - b_zp; if y < 0: x = -x, y = -y
//   inv, recip_shift = GetReciprocal(y, 31)   (1/y as Q0.31, fixed point)
//   headroom = CountLeadingSignBits(x)
//   q = SRDHM(x << headroom, inv)
//   out = RDBPOT(SRDHM(q, m), -(shift - recip_shift - headroom)) + out_zp,
//   clamped to the TFLite activation range.
// The reciprocal is slightly below 1/y, so exact halves of negative quotients
// round toward zero and positive ones away from it ("half up"). A zero
// denominator (b == b_zp) makes LiteRT.js fail the invoke; edgelite fails
// with kRuntimeError. QuantArithmetic::kMicro: the same (tflite-micro has no
// uint8/int8 DIV).
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct FloatDiv {
  float lo, hi;
  float operator()(float a, float b) const {
    return ApplyFloatActivation(a / b, lo, hi);
  }
};

struct Int32Div : IntRange<int32_t> {
  // CheckData has excluded b == 0 and INT32_MIN / -1.
  int32_t operator()(int32_t a, int32_t b) const { return Clamp(a / b); }
};

int CountLeadingZeros32(uint32_t v) {
  int n = 0;
  while (n < 32 && (v & (uint32_t{1} << (31 - n))) == 0) ++n;
  return n;
}

int CountLeadingSignBits(int32_t x) {
  if (x >= 0) return CountLeadingZeros32(static_cast<uint32_t>(x)) - 1;
  if (x == INT32_MIN) return 0;
  return CountLeadingZeros32(2 * static_cast<uint32_t>(-x) - 1);
}

struct QuantDiv {
  int32_t a_offset = 0, b_offset = 0, out_offset = 0;
  int32_t multiplier = 0;
  int shift = 0;
  int32_t qmin = 0, qmax = 0;

  int32_t operator()(int32_t a, int32_t b) const {
    int32_t x = a + a_offset;
    int32_t y = b + b_offset;  // CheckData has excluded y == 0
    if (y < 0) {
      x = -x;
      y = -y;
    }
    int recip_shift = 0;
    const int32_t inv = GetReciprocal(y, 31, &recip_shift);
    const int headroom = CountLeadingSignBits(x);
    const int32_t shifted =
        static_cast<int32_t>(static_cast<uint32_t>(x) << headroom);
    const int32_t q = SaturatingRoundingDoublingHighMul(shifted, inv);
    const int total_shift = shift - recip_shift - headroom;  // <= 0, Prepare
    const int32_t out =
        RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(q, multiplier),
                            -total_shift) +
        out_offset;
    return std::min(std::max(out, qmin), qmax);
  }
};

class DivOp final : public ElementwiseOp {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    const Tensor& a = *ctx.input(0);
    const Tensor& b = *ctx.input(1);
    const Tensor& out = *ctx.output(0);
    type_ = a.type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type_));
    const Activation act = ctx.options().binary.activation;
    switch (type_) {
      case DataType::kFloat32:
        EDGELITE_RETURN_IF_ERROR(FloatRange(ctx, act, &f_.lo, &f_.hi));
        SetRow(SameTypeRow<float, FloatDiv>(), &f_);
        return Status::Ok();
      case DataType::kInt32:
        if ((a.quant && !a.quant->empty()) || (b.quant && !b.quant->empty())) {
          return ctx.Error(StatusCode::kUnsupported,
                           "quantized int32 DIV is not supported (TFLite only "
                           "divides plain int32)");
        }
        EDGELITE_RETURN_IF_ERROR(MakeIntRange<int32_t>(ctx, act, &i32_));
        SetRow(SameTypeRow<int32_t, Int32Div>(), &i32_);
        return Status::Ok();
      case DataType::kUInt8:
      case DataType::kInt8:
        break;
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("DIV of %s is not supported (float32, int32, uint8, "
                      "int8 are)",
                      DataTypeName(type_)));
    }
    EDGELITE_RETURN_IF_ERROR(RequireQuantized(ctx, 2));
    const float real = a.scale() / (b.scale() * out.scale());
    QuantizeMultiplier(static_cast<double>(real), &q_.multiplier, &q_.shift);
    // shift - recip_shift - headroom must not be positive (TFLite's
    // RoundingDivideByPOT has no left shift); headroom >= 22 for 8-bit
    // differences, so multipliers below 2^22 are safe.
    if (q_.shift > 22) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("scale ratio a_scale / (b_scale * out_scale) = %g is too "
                    "large for TFLite's quantized DIV",
                    static_cast<double>(real)));
    }
    q_.a_offset = -a.zero_point();
    q_.b_offset = -b.zero_point();
    q_.out_offset = out.zero_point();
    const Status s = ActivationRangeTflite(act, out.scale(), out.zero_point(),
                                           type_, &q_.qmin, &q_.qmax);
    if (!s.ok()) return ctx.Error(s.code(), s.message());
    SetRow(type_ == DataType::kUInt8 ? SameTypeRow<uint8_t, QuantDiv>()
                                     : SameTypeRow<int8_t, QuantDiv>(),
           &q_);
    return Status::Ok();
  }

 protected:
  Status CheckData(OpContext& ctx) override {
    const Tensor& b = *ctx.input(1);
    const int64_t n = b.NumElements();
    switch (type_) {
      case DataType::kInt32: {
        const int32_t* pb = b.Data<int32_t>();
        for (int64_t i = 0; i < n; ++i) {
          if (pb[i] == 0) return DivisionByZero(ctx, i);
        }
        return CheckMinOverMinusOne(ctx);
      }
      case DataType::kUInt8:
        return CheckQuantZero<uint8_t>(ctx, b);
      case DataType::kInt8:
        return CheckQuantZero<int8_t>(ctx, b);
      default:
        return Status::Ok();
    }
  }

 private:
  Status DivisionByZero(OpContext& ctx, int64_t i) {
    return ctx.InputError(StatusCode::kRuntimeError, 1,
                          StrFormat("division by zero at element %lld",
                                    static_cast<long long>(i)));
  }

  template <typename T>
  Status CheckQuantZero(OpContext& ctx, const Tensor& b) {
    const T* pb = b.Data<T>();
    const int32_t zp = -q_.b_offset;
    for (int64_t i = 0; i < b.NumElements(); ++i) {
      if (pb[i] == zp) return DivisionByZero(ctx, i);
    }
    return Status::Ok();
  }

  // INT32_MIN / -1 overflows (a trap in TFLite's WebAssembly builds): found
  // by running the broadcast with a checking functor.
  Status CheckMinOverMinusOne(OpContext& ctx) {
    struct Check {
      int32_t operator()(int32_t a, int32_t b) const {
        return a == INT32_MIN && b == -1;
      }
    };
    const Check check;
    const Tensor& a = *ctx.input(0);
    const Tensor& b = *ctx.input(1);
    bool any_min = false, any_minus_one = false;
    for (int64_t i = 0; i < a.NumElements(); ++i) {
      any_min = any_min || a.Data<int32_t>()[i] == INT32_MIN;
    }
    for (int64_t i = 0; i < b.NumElements(); ++i) {
      any_minus_one = any_minus_one || b.Data<int32_t>()[i] == -1;
    }
    if (!any_min || !any_minus_one) return Status::Ok();
    // Rare: write the flags into the output, then scan them.
    const uint8_t* in[2] = {a.data, b.data};
    Tensor* out = ctx.output(0);
    RunBroadcast(loop_, in, out->data, SameTypeRow<int32_t, Check>(), &check);
    const int32_t* flags = out->Data<int32_t>();
    for (int64_t i = 0; i < out->NumElements(); ++i) {
      if (flags[i] != 0) {
        return ctx.Error(StatusCode::kRuntimeError,
                         StrFormat("INT32_MIN / -1 overflows at output element "
                                   "%lld",
                                   static_cast<long long>(i)));
      }
    }
    return Status::Ok();
  }

  DataType type_ = DataType::kFloat32;
  FloatDiv f_{};
  Int32Div i32_{};
  QuantDiv q_;
};

}  // namespace

std::unique_ptr<Op> CreateDiv() { return std::make_unique<DivOp>(); }

}  // namespace edgelite
