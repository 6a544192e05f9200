// QUANTIZE: float32 → int8/uint8/int16, and requantization between integer
// types (int8/uint8 → int8/uint8, int16 → int8/int16). Output quantization
// must be per-tensor.
//
// Which arithmetic runs depends on who runs the node in TFLite. The XNNPACK
// delegate takes float32 → int8/uint8 and same-type int8 → int8 / uint8 →
// uint8 whose scale ratio f32(in_scale / out_scale) lies in [2^-8, 2^7]
// (tensorflow/lite/delegates/xnnpack/xnnpack_delegate.cc, VisitUnaryNode,
// QUANTIZE case); everything else runs on TFLite's built-in kernel
// (tensorflow/lite/kernels/quantize.cc).
//
// float32 → int8/uint8, QuantArithmetic::kTflite — XNNPACK f32→qs8/qu8
// convert (XNNPACK src/f32-qs8-vcvt/scalar-fmagic.c.in, params from
// xnn_init_f32_qs8_cvt_scalar_params):
//   inv = 1.0f / out_scale (float division, once);
//   y = x * inv (a rounded float product);
//   y = clamp(y, qmin - zp, qmax - zp) in float (NaN → qmin - zp);
//   q = round_half_to_even(y) + zp.
// float32 → any (kMicro), float32 → int16 (both modes: not delegated) —
// TFLite reference_ops::AffineQuantize (tensorflow/lite/kernels/internal/
// reference/quantize.h; tflite-micro runs the same function):
//   q = clamp(round(x / out_scale) + zp, qmin, qmax), with round rounding
//   half away from zero and x / out_scale a double division (its
//   QuantizationParams::scale is a double; NaN → qmin).
// int8 → int8, uint8 → uint8 within the delegate's ratio range, kTflite —
// XNNPACK qs8/qu8 convert (src/qs8-vcvt/scalar.c.in, params from
// xnn_init_qs8_cvt_scalar_params):
//   m = lrintf(256.0f * f32(in_scale / out_scale))   (1 ≤ m ≤ 32768);
//   q = clamp((((x - in_zp) * m + 0x80) >> 8) + out_zp, qmin, qmax)
//   (arithmetic shift: ties round toward +infinity).
// All other requantization, and all requantization in kMicro — TFLite
// reference_ops::Requantize (reference/requantize.h, also tflite-micro's):
//   (multiplier, shift) = QuantizeMultiplier(double(in_scale) /
//                                            double(out_scale));
//   q = clamp(MultiplyByQuantizedMultiplier(x - in_zp, multiplier, shift)
//             + out_zp, qmin, qmax);
//   with TFLite's shortcut for uint8 ↔ int8 when the multiplier is exactly
//   1.0 (2^30, shift 1) and the zero points differ by 128: flip the sign bit
//   (x ^ 0x80). The shortcut gives the same bytes as the general formula; it
//   is kept as its own path to mirror TFLite. tf2 MobileNet's uint8 input
//   and output conversions take it.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

enum class QuantizePath {
  kFloatXnnpack,
  kFloatReference,
  kRequantXnnpack,
  kRequantReference,
  kFlipSignBit,
};

bool IsSupportedCombination(DataType in, DataType out) {
  switch (in) {
    case DataType::kFloat32:
      return out == DataType::kInt8 || out == DataType::kUInt8 ||
             out == DataType::kInt16;
    case DataType::kInt8:
    case DataType::kUInt8:
      return out == DataType::kInt8 || out == DataType::kUInt8;
    case DataType::kInt16:
      return out == DataType::kInt8 || out == DataType::kInt16;
    default:
      return false;
  }
}

class QuantizeOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    const Tensor* out = ctx.output(0);
    in_type_ = in->type;
    out_type_ = out->type;
    if (!IsSupportedCombination(in_type_, out_type_)) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("%s -> %s is not supported (float32 -> int8/uint8/int16, "
                    "int8/uint8 -> int8/uint8, int16 -> int8/int16)",
                    DataTypeName(in_type_), DataTypeName(out_type_)));
    }
    if (out->quant == nullptr || out->quant->scale.empty()) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("%s output has no quantization parameters",
                    DataTypeName(out_type_)));
    }
    if (out->quant->per_channel()) {
      return ctx.OutputError(
          StatusCode::kUnsupported, 0,
          StrFormat("per-channel output quantization (%zu scales) is not "
                    "supported",
                    out->quant->scale.size()));
    }
    out_zp_ = out->zero_point();
    qmin_ = QMin(out_type_);
    qmax_ = QMax(out_type_);
    const bool tflite = ctx.arithmetic() == QuantArithmetic::kTflite;

    if (in_type_ == DataType::kFloat32) {
      out_scale_ = out->scale();
      if (tflite && out_type_ != DataType::kInt16) {
        path_ = QuantizePath::kFloatXnnpack;
        inv_scale_ = 1.0f / out_scale_;
        lo_less_zp_ = static_cast<float>(qmin_ - out_zp_);
        hi_less_zp_ = static_cast<float>(qmax_ - out_zp_);
      } else {
        path_ = QuantizePath::kFloatReference;
      }
      return ctx.SetOutputShape(0, in->shape);
    }

    EDGELITE_RETURN_IF_ERROR(
        RequirePerTensorQuant(ctx, in, /*is_input=*/true, 0));
    in_zp_ = in->zero_point();
    const float ratio_f = in->scale() / out->scale();
    if (tflite && in_type_ == out_type_ && in_type_ != DataType::kInt16 &&
        ratio_f >= 1.0f / 256.0f && ratio_f <= 128.0f) {
      path_ = QuantizePath::kRequantXnnpack;
      xnn_multiplier_ = static_cast<int32_t>(std::lrintf(256.0f * ratio_f));
      return ctx.SetOutputShape(0, in->shape);
    }

    const double ratio =
        static_cast<double>(in->scale()) / static_cast<double>(out->scale());
    QuantizeMultiplier(ratio, &multiplier_, &shift_);
    const int32_t zp_diff = in_zp_ - out_zp_;
    const bool unit_scale = multiplier_ == (int32_t{1} << 30) && shift_ == 1;
    if (unit_scale && ((in_type_ == DataType::kUInt8 &&
                        out_type_ == DataType::kInt8 && zp_diff == 128) ||
                       (in_type_ == DataType::kInt8 &&
                        out_type_ == DataType::kUInt8 && zp_diff == -128))) {
      path_ = QuantizePath::kFlipSignBit;
      return ctx.SetOutputShape(0, in->shape);
    }
    path_ = QuantizePath::kRequantReference;
    // MultiplyByQuantizedMultiplier shifts (x - in_zp) left by `shift` first;
    // that must fit in int32 (TFLite leaves the overflow undefined).
    const int64_t max_abs =
        std::max<int64_t>(std::abs(int64_t{QMin(in_type_)} - in_zp_),
                          std::abs(int64_t{QMax(in_type_)} - in_zp_));
    if (shift_ > 30 ||
        (shift_ > 0 &&
         (max_abs << shift_) > std::numeric_limits<int32_t>::max())) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("input/output scale ratio %g is too large to requantize",
                    ratio));
    }
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    const int64_t n = in->NumElements();
    switch (in_type_) {
      case DataType::kFloat32:
        DispatchOut(in->Data<float>(), out, n);
        break;
      case DataType::kInt8:
        DispatchOut(in->Data<int8_t>(), out, n);
        break;
      case DataType::kUInt8:
        DispatchOut(in->Data<uint8_t>(), out, n);
        break;
      case DataType::kInt16:
        DispatchOut(in->Data<int16_t>(), out, n);
        break;
      default:
        break;
    }
    return Status::Ok();
  }

 private:
  template <typename In>
  void DispatchOut(const In* in, Tensor* out, int64_t n) const {
    switch (out_type_) {
      case DataType::kInt8:
        Run(in, out->MutableData<int8_t>(), n);
        break;
      case DataType::kUInt8:
        Run(in, out->MutableData<uint8_t>(), n);
        break;
      case DataType::kInt16:
        Run(in, out->MutableData<int16_t>(), n);
        break;
      default:
        break;
    }
  }

  template <typename Out>
  void Run(const float* in, Out* out, int64_t n) const {
    if (path_ == QuantizePath::kFloatXnnpack) {
      for (int64_t i = 0; i < n; ++i) {
        float y = in[i] * inv_scale_;
        y = y >= lo_less_zp_ ? y : lo_less_zp_;  // NaN → lower bound
        y = y > hi_less_zp_ ? hi_less_zp_ : y;
        out[i] = static_cast<Out>(RoundHalfEvenSmall(y) + out_zp_);
      }
      return;
    }
    const double lo = qmin_;
    const double hi = qmax_;
    for (int64_t i = 0; i < n; ++i) {
      double q = std::round(static_cast<double>(in[i]) /
                            static_cast<double>(out_scale_)) +
                 out_zp_;
      q = q >= lo ? q : lo;  // NaN → lower bound
      q = q > hi ? hi : q;
      out[i] = static_cast<Out>(static_cast<int32_t>(q));
    }
  }

  template <typename In, typename Out>
  void Run(const In* in, Out* out, int64_t n) const {
    switch (path_) {
      case QuantizePath::kRequantXnnpack:
        for (int64_t i = 0; i < n; ++i) {
          const int32_t acc =
              (static_cast<int32_t>(in[i]) - in_zp_) * xnn_multiplier_ + 0x80;
          int32_t q = (acc >> 8) + out_zp_;
          q = q < qmin_ ? qmin_ : q;
          q = q > qmax_ ? qmax_ : q;
          out[i] = static_cast<Out>(q);
        }
        break;
      case QuantizePath::kFlipSignBit:
        for (int64_t i = 0; i < n; ++i) {
          out[i] = static_cast<Out>(static_cast<uint8_t>(in[i]) ^ 0x80u);
        }
        break;
      default:
        for (int64_t i = 0; i < n; ++i) {
          int32_t q =
              MultiplyByQuantizedMultiplier(
                  static_cast<int32_t>(in[i]) - in_zp_, multiplier_, shift_) +
              out_zp_;
          q = q < qmin_ ? qmin_ : q;
          q = q > qmax_ ? qmax_ : q;
          out[i] = static_cast<Out>(q);
        }
        break;
    }
  }

  QuantizePath path_ = QuantizePath::kRequantReference;
  DataType in_type_ = DataType::kFloat32;
  DataType out_type_ = DataType::kInt8;
  int32_t in_zp_ = 0, out_zp_ = 0;
  int32_t qmin_ = 0, qmax_ = 0;
  // float input
  float out_scale_ = 1.0f;
  float inv_scale_ = 1.0f;
  float lo_less_zp_ = 0.0f, hi_less_zp_ = 0.0f;
  // integer input
  int32_t xnn_multiplier_ = 0;
  int32_t multiplier_ = 0;
  int shift_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateQuantize() { return std::make_unique<QuantizeOp>(); }

}  // namespace edgelite
