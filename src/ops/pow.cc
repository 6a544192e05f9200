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
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct FloatPow {
  float operator()(float a, float b) const { return std::pow(a, b); }
};

struct IntPow {
  int32_t operator()(int32_t a, int32_t b) const {
    return SaturatingDoubleToInt32(
        std::pow(static_cast<double>(a), static_cast<double>(b)));
  }
};

class PowOp final : public ElementwiseOp {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    type_ = ctx.input(0)->type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type_));
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
  FloatPow f_;
  IntPow i_;
};

}  // namespace

std::unique_ptr<Op> CreatePow() { return std::make_unique<PowOp>(); }

}  // namespace edgelite
