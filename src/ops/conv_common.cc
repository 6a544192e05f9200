#include "ops/conv_common.h"

#include <cmath>

#include "ops/op_util.h"
#include "ops/optimize_for_size.h"

namespace edgelite {

// Validation and one-off precomputation: compiled for size.
EDGELITE_OPTIMIZE_FOR_SIZE_BEGIN

Status CheckConvTypes(const OpContext& ctx, const ConvTensors& t,
                      ConvKind* kind) {
  const DataType in = t.input->type;
  const DataType w = t.filter->type;
  switch (in) {
    case DataType::kFloat32:
      if (w == DataType::kInt8) {
        *kind = ConvKind::kHybrid;
        break;
      }
      if (w == DataType::kUInt8) {
        return ctx.InputError(
            StatusCode::kUnsupported, t.filter_index,
            "hybrid float32 input with uint8 weights is not supported (int8 "
            "weights are)");
      }
      if (w == DataType::kFloat16) {
        return ctx.InputError(StatusCode::kUnsupported, t.filter_index,
                              "float32 input with float16 weights is not "
                              "supported (TFLite models feed them through "
                              "DEQUANTIZE)");
      }
      *kind = ConvKind::kFloat32;
      break;
    case DataType::kInt8:
      *kind = ConvKind::kInt8;
      break;
    case DataType::kUInt8:
      *kind = ConvKind::kUInt8;
      break;
    case DataType::kInt16:
      return ctx.InputError(StatusCode::kUnsupported, t.input_index,
                            StrFormat("int16 activations (with %s weights) are "
                                      "not supported yet",
                                      DataTypeName(w)));
    default:
      return ctx.InputError(StatusCode::kInvalidModel, t.input_index,
                            StrFormat("input type %s is not float32, int8 or "
                                      "uint8",
                                      DataTypeName(in)));
  }
  if (*kind != ConvKind::kHybrid && w != in) {
    return ctx.InputError(
        StatusCode::kInvalidModel, t.filter_index,
        StrFormat("%s input needs %s weights, got %s", DataTypeName(in),
                  DataTypeName(in), DataTypeName(w)));
  }
  const DataType out = t.output->type;
  if (out != in) {
    // uint8/int8 → int16 outputs exist in TFLite's FULLY_CONNECTED.
    const bool known = out == DataType::kInt16 && in != DataType::kFloat32;
    return ctx.OutputError(
        known ? StatusCode::kUnsupported : StatusCode::kInvalidModel, 0,
        StrFormat("%s input with %s output is not supported", DataTypeName(in),
                  DataTypeName(out)));
  }
  if (t.bias != nullptr) {
    const DataType want =
        in == DataType::kFloat32 ? DataType::kFloat32 : DataType::kInt32;
    if (t.bias->type != want) {
      // int64 bias goes with int16 activations.
      const bool known = t.bias->type == DataType::kInt64;
      return ctx.InputError(
          known ? StatusCode::kUnsupported : StatusCode::kInvalidModel,
          t.bias_index,
          StrFormat("bias must be %s for %s input, got %s", DataTypeName(want),
                    DataTypeName(in), DataTypeName(t.bias->type)));
    }
  }
  return Status::Ok();
}

Status CheckConvBiasShape(const OpContext& ctx, const Tensor* bias,
                          int32_t out_channels) {
  if (bias == nullptr) return Status::Ok();
  if (bias->NumElements() != out_channels) {
    return ctx.InputError(
        StatusCode::kInvalidModel, kConvBias,
        StrFormat("bias shape %s has %lld values != output channels %d",
                  bias->shape.ToString().c_str(),
                  static_cast<long long>(bias->NumElements()), out_channels));
  }
  return Status::Ok();
}

Status ConvRequant::Prepare(const OpContext& ctx, const ConvTensors& t,
                            ConvKind kind, int32_t out_channels,
                            int filter_channel_dim, Activation activation,
                            QuantArithmetic mode) {
  mode_ = mode;
  EDGELITE_RETURN_IF_ERROR(
      RequirePerTensorQuant(ctx, t.input, true, t.input_index));
  EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, t.output, false, 0));

  const QuantParams* wq = t.filter->quant;
  if (wq == nullptr || wq->scale.empty()) {
    return ctx.InputError(StatusCode::kInvalidModel, t.filter_index,
                          StrFormat("%s weights must be quantized (no scale "
                                    "given)",
                                    DataTypeName(t.filter->type)));
  }
  const size_t n = wq->scale.size();
  if (n > 1) {
    if (kind == ConvKind::kUInt8) {
      return ctx.InputError(StatusCode::kUnsupported, t.filter_index,
                            StrFormat("per-channel quantization of uint8 "
                                      "weights (%zu scales) is not supported",
                                      n));
    }
    if (n != static_cast<size_t>(out_channels)) {
      return ctx.InputError(StatusCode::kInvalidModel, t.filter_index,
                            StrFormat("per-channel scale count %zu != output "
                                      "channels %d",
                                      n, out_channels));
    }
    if (wq->quantized_dimension != filter_channel_dim) {
      return ctx.InputError(
          StatusCode::kInvalidModel, t.filter_index,
          StrFormat("per-channel quantization along dimension "
                    "%d, expected the output-channel "
                    "dimension %d",
                    wq->quantized_dimension, filter_channel_dim));
    }
  }
  if (kind == ConvKind::kInt8) {
    // XNNPACK and TFLite's int8 kernels assume symmetric weights.
    for (size_t c = 0; c < wq->zero_point.size(); ++c) {
      if (wq->zero_point[c] != 0) {
        return ctx.InputError(
            StatusCode::kInvalidModel, t.filter_index,
            StrFormat("int8 weights need zero point 0, got "
                      "%lld (channel %zu)",
                      static_cast<long long>(wq->zero_point[c]), c));
      }
    }
  }
  if (t.bias != nullptr && t.bias->quant != nullptr) {
    for (int64_t zp : t.bias->quant->zero_point) {
      if (zp != 0) {
        return ctx.InputError(StatusCode::kInvalidModel, t.bias_index,
                              StrFormat("bias zero point must be 0, got %lld",
                                        static_cast<long long>(zp)));
      }
    }
  }
  in_zp_ = t.input->zero_point();
  out_zp_ = t.output->zero_point();
  w_zp_ = kind == ConvKind::kUInt8 ? t.filter->zero_point() : 0;

  const float in_scale = t.input->scale();
  const float out_scale = t.output->scale();
  Status s = mode_ == QuantArithmetic::kTflite
                 ? ActivationRangeXnnpack(activation, out_scale, out_zp_,
                                          t.output->type, &act_min_, &act_max_)
                 : ActivationRangeTflite(activation, out_scale, out_zp_,
                                         t.output->type, &act_min_, &act_max_);
  if (!s.ok()) return ctx.Error(s.code(), s.message());

  scale_.clear();
  multiplier_.clear();
  shift_.clear();
  for (int32_t c = 0; c < out_channels; ++c) {
    const float w_scale = wq->scale[n > 1 ? static_cast<size_t>(c) : 0];
    if (mode_ == QuantArithmetic::kTflite) {
      // XNNPACK: input_scale * kernel_scale / output_scale, all float32,
      // left to right.
      const float product = in_scale * w_scale;
      const float scale = product / out_scale;
      if (!std::isfinite(scale)) {
        return ctx.Error(StatusCode::kUnsupported,
                         StrFormat("requantization scale of channel %d "
                                   "(%g * %g / %g) is not finite in float32",
                                   c, static_cast<double>(in_scale),
                                   static_cast<double>(w_scale),
                                   static_cast<double>(out_scale)));
      }
      scale_.push_back(scale);
    } else {
      // TFLite's PopulateConvolutionQuantizationParams: double arithmetic.
      const double real = static_cast<double>(in_scale) *
                          static_cast<double>(w_scale) /
                          static_cast<double>(out_scale);
      // QuantizeMultiplier saturates at shift 30: anything at or beyond 2^30
      // (or not finite) has no fixed-point form, so refuse it here.
      if (!std::isfinite(real) || std::fabs(real) >= 0x1p30) {
        return ctx.Error(StatusCode::kUnsupported,
                         StrFormat("requantization scale of channel %d (%g) is "
                                   "too large for a fixed-point multiplier",
                                   c, real));
      }
      int32_t m = 0;
      int shift = 0;
      QuantizeMultiplier(real, &m, &shift);
      multiplier_.push_back(m);
      shift_.push_back(shift);
    }
  }
  return Status::Ok();
}

Status FoldedBias::Prepare(OpContext& ctx, ConvKind kind, const Tensor* filter,
                           const Tensor* bias, int32_t out_channels,
                           int64_t depth, int32_t in_zp, int32_t w_zp) {
  kind_ = kind;
  out_channels_ = out_channels;
  depth_ = depth;
  in_zp_ = in_zp;
  w_zp_ = w_zp;
  folded_.clear();
  scratch_ = -1;
  if (kind == ConvKind::kFloat32 || kind == ConvKind::kHybrid) {
    return Status::Ok();
  }
  const bool constant =
      filter->is_constant() && (bias == nullptr || bias->is_constant());
  if (constant) {
    folded_.resize(static_cast<size_t>(out_channels));
    Fold(filter, bias, folded_.data());
    return Status::Ok();
  }
  return ctx.RequestScratch(
      static_cast<size_t>(out_channels) * sizeof(uint32_t), &scratch_);
}

EDGELITE_OPTIMIZE_FOR_SIZE_END

const uint32_t* FoldedBias::Get(OpContext& ctx, const Tensor* filter,
                                const Tensor* bias) const {
  if (scratch_ < 0) return folded_.data();
  uint32_t* out = static_cast<uint32_t*>(ctx.scratch(scratch_));
  Fold(filter, bias, out);
  return out;
}

void FoldedBias::Fold(const Tensor* filter, const Tensor* bias,
                      uint32_t* out) const {
  const int32_t* b = bias != nullptr ? bias->Data<int32_t>() : nullptr;
  // K·x_zp·w_zp, modulo 2^32 like everything else in the accumulator.
  const uint32_t zp_product = static_cast<uint32_t>(depth_) *
                              static_cast<uint32_t>(in_zp_) *
                              static_cast<uint32_t>(w_zp_);
  for (int32_t c = 0; c < out_channels_; ++c) {
    uint32_t w_sum = 0;
    if (in_zp_ != 0) {
      const int64_t offset = int64_t{c} * depth_;
      w_sum = kind_ == ConvKind::kInt8
                  ? SumModular(filter->Data<int8_t>() + offset, depth_)
                  : SumModular(filter->Data<uint8_t>() + offset, depth_);
    }
    const uint32_t bias_c = b != nullptr ? static_cast<uint32_t>(b[c]) : 0u;
    out[c] = bias_c - static_cast<uint32_t>(in_zp_) * w_sum + zp_product;
  }
}

namespace {

// v clamped to [lo, hi], NaN to lo: the same as the plain clamp for numbers,
// and no undefined float → int conversion when a NaN reaches the input.
template <typename F>
F ClampOrLow(F v, F lo, F hi) {
  return v >= lo ? (v > hi ? hi : v) : lo;
}

}  // namespace

DynamicQuant QuantizeDynamicXnnpack(const float* x, int64_t n, int8_t* q) {
  float lo = n > 0 ? x[0] : 0.0f;
  float hi = lo;
  for (int64_t i = 1; i < n; ++i) {
    lo = x[i] < lo ? x[i] : lo;
    hi = x[i] > hi ? x[i] : hi;
  }
  const float rmin = lo < 0.0f ? lo : 0.0f;
  const float rmax = hi > 0.0f ? hi : 0.0f;
  const float scale = rmin == rmax ? 1.0f : 255.0f / (rmax - rmin);
  const float rmin_scale = rmin * scale;
  const float rmax_scale = rmax * scale;
  const float err_min = -128.0f + rmin_scale;
  const float err_max = 127.0f + rmax_scale;
  float zp =
      err_min + err_max > 0.0f ? -128.0f - rmin_scale : 127.0f - rmax_scale;
  zp = ClampOrLow(zp, -128.0f, 127.0f);
  DynamicQuant dq;
  dq.zero_point = RoundHalfEvenSmall(zp);
  dq.step = 1.0f / scale;
  const float qlo = static_cast<float>(-128 - dq.zero_point);
  const float qhi = static_cast<float>(127 - dq.zero_point);
  for (int64_t i = 0; i < n; ++i) {
    const float y = ClampOrLow(x[i] * scale, qlo, qhi);
    q[i] = static_cast<int8_t>(RoundHalfEvenSmall(y) + dq.zero_point);
  }
  return dq;
}

// Once per batch image (DEPTHWISE_CONV_2D hybrid) and Prepare-time weight
// checks: compiled for size.
EDGELITE_OPTIMIZE_FOR_SIZE_BEGIN

DynamicQuant QuantizeDynamicTflite(const float* x, int64_t n, int8_t* q) {
  float lo = 0.0f, hi = 0.0f;
  for (int64_t i = 0; i < n; ++i) {
    lo = x[i] < lo ? x[i] : lo;
    hi = x[i] > hi ? x[i] : hi;
  }
  // The range ends are doubles (std::fmin/fmax of the float extremes and 0)
  // in the TFLite that LiteRT.js runs: the difference is taken in double
  // (measured; a float difference gives other scales).
  const double rmin = lo, rmax = hi;
  DynamicQuant dq;
  if (rmin == rmax) {
    // All zeros: any step gives q = 0 and a zero accumulator.
    dq.step = 1.0f;
    dq.zero_point = 0;
  } else {
    const double scale = (rmax - rmin) / 255.0;
    const double zp_from_min = -128.0 - rmin / scale;
    const double zp_from_max = 127.0 - rmax / scale;
    const double err_min = 128.0 + std::fabs(rmin / scale);
    const double err_max = 127.0 + std::fabs(rmax / scale);
    const double zp = err_min < err_max ? zp_from_min : zp_from_max;
    dq.zero_point =
        static_cast<int32_t>(std::round(ClampOrLow(zp, -128.0, 127.0)));
    dq.step = static_cast<float>(scale);
  }
  const float inv = static_cast<float>(1.0 / dq.step);
  const float offset = static_cast<float>(dq.zero_point);
  for (int64_t i = 0; i < n; ++i) {
    q[i] = static_cast<int8_t>(
        ClampOrLow(std::round(offset + x[i] * inv), -128.0f, 127.0f));
  }
  return dq;
}

Status HybridWeights::Prepare(const OpContext& ctx, const ConvTensors& t,
                              int32_t channels, int channel_dim,
                              bool require_constant, int64_t depth) {
  const Tensor* w = t.filter;
  if (require_constant && !w->is_constant()) {
    return ctx.InputError(StatusCode::kUnsupported, t.filter_index,
                          "hybrid int8 weights must be constant (TFLite runs "
                          "computed ones on a kernel edgelite does not "
                          "mirror)");
  }
  const QuantParams* q = w->quant;
  if (q == nullptr || q->scale.empty()) {
    return ctx.InputError(StatusCode::kInvalidModel, t.filter_index,
                          "int8 weights must be quantized (no scale given)");
  }
  const size_t n = q->scale.size();
  per_channel_ = n > 1;
  if (n > 1 && (n != static_cast<size_t>(channels) ||
                q->quantized_dimension != channel_dim)) {
    return ctx.InputError(
        StatusCode::kInvalidModel, t.filter_index,
        StrFormat("per-channel quantization with %zu scales along dimension "
                  "%d, expected %d along dimension %d",
                  n, q->quantized_dimension, channels, channel_dim));
  }
  for (size_t c = 0; c < q->zero_point.size(); ++c) {
    if (q->zero_point[c] != 0) {
      return ctx.InputError(
          StatusCode::kInvalidModel, t.filter_index,
          StrFormat("hybrid int8 weights need zero point 0, "
                    "got %lld (channel %zu)",
                    static_cast<long long>(q->zero_point[c]), c));
    }
  }
  scales_.resize(static_cast<size_t>(channels));
  for (int32_t c = 0; c < channels; ++c) {
    scales_[static_cast<size_t>(c)] =
        q->scale[n > 1 ? static_cast<size_t>(c) : 0];
  }
  sums_.clear();
  if (depth > 0) {
    sums_.resize(static_cast<size_t>(channels));
    const int8_t* data = w->Data<int8_t>();
    const Dot8Fns& f = Dot8For(true);
    for (int32_t c = 0; c < channels; ++c) {
      sums_[static_cast<size_t>(c)] =
          static_cast<int32_t>(f.sum(data + int64_t{c} * depth, depth));
    }
  }
  return Status::Ok();
}

EDGELITE_OPTIMIZE_FOR_SIZE_END

namespace {

template <typename T>
uint32_t DotBytes(const void* a, const void* b, int64_t n) {
  return DotModular(static_cast<const T*>(a), static_cast<const T*>(b), n);
}

template <typename T>
uint32_t SumBytes(const void* a, int64_t n) {
  return SumModular(static_cast<const T*>(a), n);
}

}  // namespace

const Dot8Fns& Dot8For(bool is_signed) {
  static const Dot8Fns kSigned = {&DotBytes<int8_t>, &SumBytes<int8_t>};
  static const Dot8Fns kUnsigned = {&DotBytes<uint8_t>, &SumBytes<uint8_t>};
  return is_signed ? kSigned : kUnsigned;
}

void F32RowTimesWeights(const float* x, const float* w, const float* bias,
                        int64_t n, int32_t channels, float lo, float hi,
                        float* out) {
  int32_t c = 0;
  float sums[4];
  for (; c + 4 <= channels; c += 4) {
    DotF32x4(x, w + int64_t{c} * n, n, sums);
    for (int j = 0; j < 4; ++j) {
      const float b = bias != nullptr ? bias[c + j] : 0.0f;
      out[c + j] = ApplyFloatActivation(sums[j] + b, lo, hi);
    }
  }
  for (; c < channels; ++c) {
    const float b = bias != nullptr ? bias[c] : 0.0f;
    out[c] = ApplyFloatActivation(DotF32(x, w + int64_t{c} * n, n) + b, lo, hi);
  }
}

}  // namespace edgelite
