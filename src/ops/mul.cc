// MUL: out = act(a * b) with NumPy broadcasting (up to rank 6).
//
// Types: float32; int32, int64 and non-quantized int16 (v7) — wrapping
// products clamped to the activation's integer bounds; per-tensor quantized
// int8, uint8 and int16.
//
// Quantized int8/uint8, QuantArithmetic::kTflite. Measured on LiteRT.js 2.5.3
// and tfjs-tflite (uint8 and int8, products that land exactly on .5 for
// multipliers 2^-1 … 2^-14): ties round half to even, i.e. TFLite's XNNPACK
// delegate runs MUL, with XNNPACK's fp32 requantization (qs8/qu8-vmul
// "fp32"):
//   scale = f32(f32(a_scale * b_scale) / out_scale)
//   out = RequantizeFp32((a - a_zp) * (b - b_zp), scale, out_zp, qmin, qmax)
// with the activation range quantized the XNNPACK way (lrintf). The delegate
// takes the node only when that product/output ratio is in [2^-16, 2^8)
// (VisitMulNode, CheckTensorsInputProductOutputScale; LiteRT.js measured with
// a RELU6 bound at 0.5, which the two arithmetics quantize to 0 and 1, at
// ratios 2^-16·(0.999, 1, 1.001) and 256·(0.999, 1, 1.001)). Outside it,
// TFLite's built-in kernel (kernels/mul.cc, reference_integer_ops::Mul):
//   m, shift = QuantizeMultiplier(double(f32(f32(a_scale * b_scale) /
//              out_scale)))              (the product is a float expression)
//   out = MBQM((a - a_zp) * (b - b_zp), m, shift) + out_zp, clamped to the
//         TFLite activation range (round half away).
// int16 is never delegated: always the built-in arithmetic.
//
// QuantArithmetic::kMicro (tflite-micro mul_common.cc): the same built-in
// arithmetic with the multiplier computed in double
// (double(a_scale) * double(b_scale) / double(out_scale)); micro's int16 needs
// zero points 0. uint8 has no micro kernel and uses the same code.
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct FloatMul {
  float lo, hi;
  float operator()(float a, float b) const {
    return ApplyFloatActivation(a * b, lo, hi);
  }
};

template <typename T>
struct IntMul : IntRange<T> {
  T operator()(T a, T b) const { return this->Clamp(WrapMul(a, b)); }
};

class MulOp final : public ElementwiseOp {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    const Tensor& a = *ctx.input(0);
    const Tensor& b = *ctx.input(1);
    const DataType type = a.type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type));
    const Activation act = ctx.options().binary.activation;
    const bool quantized =
        (a.quant && !a.quant->empty()) || (b.quant && !b.quant->empty());
    switch (type) {
      case DataType::kFloat32:
        EDGELITE_RETURN_IF_ERROR(FloatRange(ctx, act, &f_.lo, &f_.hi));
        SetRow(SameTypeRow<float, FloatMul>(), &f_);
        return Status::Ok();
      case DataType::kInt32:
        return PrepareInt(ctx, act, quantized, &i32_);
      case DataType::kInt64:
        return PrepareInt(ctx, act, quantized, &i64_);
      case DataType::kInt16:
        if (!quantized) return PrepareInt(ctx, act, false, &i16_);
        return PrepareQuantized(ctx, act);
      case DataType::kInt8:
      case DataType::kUInt8:
        return PrepareQuantized(ctx, act);
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("MUL of %s is not supported (float32, int32, int64, "
                      "int16, int8, uint8 are)",
                      DataTypeName(type)));
    }
  }

 private:
  template <typename T>
  Status PrepareInt(OpContext& ctx, Activation act, bool quantized,
                    IntMul<T>* f) {
    if (quantized) {
      return ctx.Error(StatusCode::kUnsupported,
                       StrFormat("quantized %s MUL is not supported (TFLite "
                                 "only multiplies plain integers of this type)",
                                 DataTypeName(ctx.input(0)->type)));
    }
    EDGELITE_RETURN_IF_ERROR(MakeIntRange<T>(ctx, act, f));
    SetRow(SameTypeRow<T, IntMul<T>>(), f);
    return Status::Ok();
  }

  Status PrepareQuantized(OpContext& ctx, Activation act) {
    EDGELITE_RETURN_IF_ERROR(RequireQuantized(ctx, 2));
    const Tensor& a = *ctx.input(0);
    const Tensor& b = *ctx.input(1);
    const Tensor& out = *ctx.output(0);
    const DataType type = a.type;
    const bool micro = ctx.arithmetic() == QuantArithmetic::kMicro;
    const float ratio = (a.scale() * b.scale()) / out.scale();

    if (!micro && type != DataType::kInt16 && ratio >= 1.0f / 65536.0f &&
        ratio < 256.0f) {
      xnn_.a_zp = a.zero_point();
      xnn_.b_zp = b.zero_point();
      xnn_.out_zp = out.zero_point();
      xnn_.scale = ratio;
      const Status s = ActivationRangeXnnpack(
          act, out.scale(), out.zero_point(), type, &xnn_.qmin, &xnn_.qmax);
      if (!s.ok()) return ctx.Error(s.code(), s.message());
      SetRow(type == DataType::kUInt8 ? SameTypeRow<uint8_t, XnnpackMulParams>()
                                      : SameTypeRow<int8_t, XnnpackMulParams>(),
             &xnn_);
      return Status::Ok();
    }

    if (micro && type == DataType::kInt16 &&
        (a.zero_point() != 0 || b.zero_point() != 0 || out.zero_point() != 0)) {
      return ctx.Error(StatusCode::kUnsupported,
                       "int16 MUL with non-zero zero points is not supported "
                       "by tflite-micro (QuantArithmetic::kMicro)");
    }
    const double real = micro ? static_cast<double>(a.scale()) *
                                    static_cast<double>(b.scale()) /
                                    static_cast<double>(out.scale())
                              : static_cast<double>(ratio);
    QuantizeMultiplier(real, &ref_.multiplier, &ref_.shift);
    ref_.a_offset = -a.zero_point();
    ref_.b_offset = -b.zero_point();
    ref_.out_offset = out.zero_point();
    const Status s = ActivationRangeTflite(act, out.scale(), out.zero_point(),
                                           type, &ref_.qmin, &ref_.qmax);
    if (!s.ok()) return ctx.Error(s.code(), s.message());
    switch (type) {
      case DataType::kUInt8:
        SetRow(SameTypeRow<uint8_t, TfliteMulParams>(), &ref_);
        break;
      case DataType::kInt16:
        SetRow(SameTypeRow<int16_t, TfliteMulParams>(), &ref_);
        break;
      default:
        SetRow(SameTypeRow<int8_t, TfliteMulParams>(), &ref_);
        break;
    }
    return Status::Ok();
  }

  FloatMul f_{};
  IntMul<int32_t> i32_{};
  IntMul<int64_t> i64_{};
  IntMul<int16_t> i16_{};
  XnnpackMulParams xnn_;
  TfliteMulParams ref_;
};

}  // namespace

std::unique_ptr<Op> CreateMul() { return std::make_unique<MulOp>(); }

}  // namespace edgelite
