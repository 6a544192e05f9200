// RELU / RELU6 / RELU_N1_TO_1 / RELU_0_TO_1: clamps to [lo, hi] = [0, inf),
// [0, 6], [-1, 1], [0, 1].
//
// float32 (TFLite's kernels and XNNPACK's clamp agree): y = max(lo, x), then
// min(y, hi), with max(a, b) = a < b ? b : a, so NaN maps to lo and -0.0 to
// +0.0 for lo = 0.
//
// int8/uint8, QuantArithmetic::kTflite — TFLite's built-in kernel
// (tensorflow/lite/kernels/activations.cc ReluPrepare + QuantizedReluX,
// reference_ops::ReluX; the XNNPACK delegate only takes float RELU):
//   multiplier = QuantizeMultiplier(double(f32(in_scale / out_scale)))
//     (the quotient is a float division, widened to double afterwards);
//   lo = max(qmin, out_zp + roundf(0 / out_scale)) = max(qmin, out_zp);
//   hi = RELU: qmax; otherwise min(qmax, out_zp + roundf(hi / out_scale))
//     (roundf: half away from zero); lo likewise from -1 for RELU_N1_TO_1;
//   y = clamp(out_zp + MultiplyByQuantizedMultiplier(x - in_zp, multiplier),
//             lo, hi).
// With equal input and output quantization the multiplier is exactly 1.0
// (2^30, shift 1) and the requantization is the identity.
//
// int8, QuantArithmetic::kMicro — tflite-micro
// (tensorflow/lite/micro/kernels/activations_common.cc):
//   RELU: as above but the quotient is computed in double:
//     double(in_scale) / double(out_scale).
//   RELU6: no requantization at all. The input is clamped to
//     [in_zp, clamp(round(6.0f / in_scale) + in_zp, qmin, qmax)] using the
//     *input* quantization; the output quantization is ignored. This matches
//     TFLite whenever input and output quantization are equal, and differs
//     otherwise.
// uint8, RELU_N1_TO_1 and RELU_0_TO_1 have no tflite-micro kernel; kMicro
// uses the kTflite arithmetic for them.
#include "ops/relu_common.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/quant.h"
#include "ops/op_util.h"

namespace edgelite {
namespace {

class ReluOp final : public Op {
 public:
  explicit ReluOp(ReluKind kind) : kind_(kind) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    const Tensor* out = ctx.output(0);
    type_ = in->type;
    switch (type_) {
      case DataType::kFloat32:
        break;
      case DataType::kInt8:
      case DataType::kUInt8:
        EDGELITE_RETURN_IF_ERROR(PrepareQuantized(ctx, in, out));
        break;
      case DataType::kInt16:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              "int16 is not supported (float32, int8, uint8 "
                              "are)");
      default:
        return ctx.InputError(
            StatusCode::kInvalidModel, 0,
            StrFormat("type %s is not supported (float32, int8, uint8)",
                      DataTypeName(type_)));
    }
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    const int64_t n = in->NumElements();
    switch (type_) {
      case DataType::kFloat32:
        EvalFloat(in->Data<float>(), out->MutableData<float>(), n);
        break;
      case DataType::kInt8:
        EvalQuantized(in->Data<int8_t>(), out->MutableData<int8_t>(), n);
        break;
      case DataType::kUInt8:
        EvalQuantized(in->Data<uint8_t>(), out->MutableData<uint8_t>(), n);
        break;
      default:
        break;
    }
    return Status::Ok();
  }

 private:
  Status PrepareQuantized(OpContext& ctx, const Tensor* in, const Tensor* out) {
    EDGELITE_RETURN_IF_ERROR(
        RequirePerTensorQuant(ctx, in, /*is_input=*/true, 0));
    EDGELITE_RETURN_IF_ERROR(
        RequirePerTensorQuant(ctx, out, /*is_input=*/false, 0));
    in_zp_ = in->zero_point();
    out_zp_ = out->zero_point();
    const bool micro = ctx.arithmetic() == QuantArithmetic::kMicro &&
                       type_ == DataType::kInt8 &&
                       (kind_ == ReluKind::kRelu || kind_ == ReluKind::kRelu6);

    if (micro && kind_ == ReluKind::kRelu6) {
      // tflite-micro Relu6Prepare: bounds from the input quantization only.
      clamp_only_ = true;
      lo_ = in_zp_;
      const double six = std::round(6.0f / in->scale()) + in_zp_;
      hi_ = six > QMax(type_) ? QMax(type_) : static_cast<int32_t>(six);
      if (hi_ < QMin(type_)) hi_ = QMin(type_);
      return Status::Ok();
    }

    const double ratio = micro
                             ? static_cast<double>(in->scale()) /
                                   static_cast<double>(out->scale())
                             : static_cast<double>(in->scale() / out->scale());
    QuantizeMultiplier(ratio, &multiplier_, &shift_);
    // MultiplyByQuantizedMultiplier shifts (x - in_zp), |x - in_zp| <= 255,
    // left by `shift` before the high multiply; beyond 23 bits that
    // overflows int32 (undefined in TFLite).
    if (shift_ > 23) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("input/output scale ratio %g is too large to requantize",
                    ratio));
    }
    // TFLite QuantizedReluX: zp + roundf(bound / scale), clamped to the type.
    auto quantize = [&](float f) -> int32_t {
      const double q =
          std::fmin(std::fmax(RoundHalfAway(f / out->scale()), -1e12), 1e12);
      const int64_t v = int64_t{out_zp_} + static_cast<int64_t>(q);
      return static_cast<int32_t>(
          std::min<int64_t>(std::max<int64_t>(v, QMin(type_)), QMax(type_)));
    };
    lo_ = quantize(LowerBound());
    hi_ = kind_ == ReluKind::kRelu ? QMax(type_) : quantize(UpperBound());
    return Status::Ok();
  }

  float LowerBound() const {
    return kind_ == ReluKind::kReluN1To1 ? -1.0f : 0.0f;
  }
  float UpperBound() const {
    switch (kind_) {
      case ReluKind::kRelu6:
        return 6.0f;
      case ReluKind::kReluN1To1:
      case ReluKind::kRelu0To1:
        return 1.0f;
      default:
        return std::numeric_limits<float>::infinity();
    }
  }

  void EvalFloat(const float* in, float* out, int64_t n) const {
    const float lo = LowerBound();
    const float hi = UpperBound();
    for (int64_t i = 0; i < n; ++i) {
      const float y = lo < in[i] ? in[i] : lo;
      out[i] = hi < y ? hi : y;
    }
  }

  template <typename T>
  void EvalQuantized(const T* in, T* out, int64_t n) const {
    if (clamp_only_) {
      for (int64_t i = 0; i < n; ++i) {
        const int32_t x = in[i];
        out[i] = static_cast<T>(x > hi_ ? hi_ : (x < lo_ ? lo_ : x));
      }
      return;
    }
    for (int64_t i = 0; i < n; ++i) {
      int32_t y = out_zp_ + MultiplyByQuantizedMultiplier(
                                static_cast<int32_t>(in[i]) - in_zp_,
                                multiplier_, shift_);
      y = y < lo_ ? lo_ : y;
      y = y > hi_ ? hi_ : y;
      out[i] = static_cast<T>(y);
    }
  }

  const ReluKind kind_;
  DataType type_ = DataType::kFloat32;
  int32_t in_zp_ = 0, out_zp_ = 0;
  int32_t multiplier_ = 0;
  int shift_ = 0;
  int32_t lo_ = 0, hi_ = 0;
  bool clamp_only_ = false;  // tflite-micro RELU6 int8
};

}  // namespace

std::unique_ptr<Op> CreateReluOp(ReluKind kind) {
  return std::make_unique<ReluOp>(kind);
}

}  // namespace edgelite
