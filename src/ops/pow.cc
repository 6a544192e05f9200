// POW: out = a ^ b with NumPy broadcasting (up to rank 6).
//
// float32: std::pow(float, float), i.e. powf — TFLite's reference_ops::Pow.
// The peers' libc (musl, in Emscripten) and glibc share the same powf
// implementation; results agree within the float tolerance in any case.
//
// int32: TFLite's kernel computes std::pow on the values promoted to double
// and converts the double back to int32. A negative exponent is an error
// ("POW does not support negative value for int32", measured on tfjs-tflite;
// LiteRT.js fails the invoke): edgelite fails Invoke with kRuntimeError.
// Out-of-range results saturate to INT32_MIN/INT32_MAX (measured on LiteRT.js
// 2.5.3: 2^31 and 3^30 give 2147483647, WebAssembly's saturating
// conversion; the older tfjs-tflite gives INT32_MIN there).
//
// Except for one broadcast: when the shapes differ and the exponent is a
// single element whose value is within 1e-5 of an integer n >= 1, TFLite's
// optimized BroadcastPow4D computes IntegerPow(x, n) instead — squaring
// recursively, P(n) = P(n/2)^2 (· x when n is odd), in the element type:
// float32 products rounded at each step, int32 wrapping (measured on both
// peers: 38^8 → 1285234944, 2^31 → INT32_MIN, (-3)^3.000001 → -27, and the
// float results bit-identical to that squaring order, not to powf or a
// running product). Exponent 0, negative or fractional: std::pow as above.
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

inline float Times(float a, float b) { return a * b; }
inline int32_t Times(int32_t a, int32_t b) { return WrapMul(a, b); }

struct FloatPow {
  float operator()(float a, float b) const { return std::pow(a, b); }
};

struct IntPow {
  int32_t operator()(int32_t a, int32_t b) const {
    return SaturatingDoubleToInt32(
        std::pow(static_cast<double>(a), static_cast<double>(b)));
  }
};

// TFLite's IntegerPow: x^n for n >= 1 by recursive squaring (from the top
// bit down), each product in T (int32 wrapping).
template <typename T>
T SquaringPow(T x, int n) {
  int top = 30;
  while (top > 0 && ((n >> top) & 1) == 0) --top;
  T r = x;
  for (int bit = top - 1; bit >= 0; --bit) {
    r = Times(r, r);
    if ((n >> bit) & 1) r = Times(r, x);
  }
  return r;
}

template <typename T>
struct SquaringPowFn {
  int n = 1;
  T operator()(T x, T /*exponent*/) const { return SquaringPow(x, n); }
};

class PowOp final : public ElementwiseOp {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    type_ = ctx.input(0)->type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type_));
    scalar_exponent_ = ctx.input(0)->shape != ctx.input(1)->shape &&
                       ctx.input(1)->NumElements() == 1;
    switch (type_) {
      case DataType::kFloat32:
        SetRow(SameTypeRow<float, FloatPow>(), &f_);
        return Status::Ok();
      case DataType::kInt32:
        SetRow(SameTypeRow<int32_t, IntPow>(), &i_);
        return Status::Ok();
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("POW of %s is not supported (float32, "
                                        "int32 are)",
                                        DataTypeName(type_)));
    }
  }

  Status Eval(OpContext& ctx) override {
    if (type_ == DataType::kFloat32) {
      SetRow(SameTypeRow<float, FloatPow>(), &f_);
    } else {
      SetRow(SameTypeRow<int32_t, IntPow>(), &i_);
    }
    if (scalar_exponent_) {
      // BroadcastPow4D's test, in the element type: |e - round(e)| < 1e-5
      // and round(e) >= 1.
      const Tensor& e = *ctx.input(1);
      if (type_ == DataType::kFloat32) {
        const float v = e.Data<float>()[0];
        const int n = std::fabs(v) < 1e9f ? static_cast<int>(std::round(v)) : 0;
        if (std::fabs(v - static_cast<float>(n)) < 1e-5f && n >= 1) {
          fsq_.n = n;
          SetRow(SameTypeRow<float, SquaringPowFn<float>>(), &fsq_);
        }
      } else {
        const int32_t n = e.Data<int32_t>()[0];
        if (n >= 1) {
          isq_.n = n;
          SetRow(SameTypeRow<int32_t, SquaringPowFn<int32_t>>(), &isq_);
        }
      }
    }
    return ElementwiseOp::Eval(ctx);
  }

 protected:
  Status CheckData(OpContext& ctx) override {
    if (type_ != DataType::kInt32) return Status::Ok();
    const Tensor& b = *ctx.input(1);
    const int32_t* pb = b.Data<int32_t>();
    for (int64_t i = 0; i < b.NumElements(); ++i) {
      if (pb[i] < 0) {
        return ctx.InputError(
            StatusCode::kRuntimeError, 1,
            StrFormat("negative int32 exponent %d at element %lld (TFLite's "
                      "POW refuses them)",
                      pb[i], static_cast<long long>(i)));
      }
    }
    return Status::Ok();
  }

 private:
  DataType type_ = DataType::kFloat32;
  bool scalar_exponent_ = false;
  FloatPow f_;
  IntPow i_;
  SquaringPowFn<float> fsq_;
  SquaringPowFn<int32_t> isq_;
};

}  // namespace

std::unique_ptr<Op> CreatePow() { return std::make_unique<PowOp>(); }

}  // namespace edgelite
