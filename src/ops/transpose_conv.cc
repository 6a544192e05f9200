// TRANSPOSE_CONV: inputs (output_shape, weights, input, optional bias):
// output_shape a constant int32 [4] = [N, OH, OW, OC], weights [OC, KH, KW, C]
// (OHWI), input [N, H, W, C], bias [OC]. The gradient of CONV_2D: every input
// pixel (n, iy, ix) spreads over the output window starting at
// (iy·sh − pad_h, ix·sw − pad_w):
//   out(n, oy, ox, oc) = act(bias[oc] + Σ x(n, iy, ix, c) · w(oc, ky, kx, c))
// over oy = iy·sh − pad_h + ky, ox = ix·sw − pad_w + kx, with the padding of
// CONV_2D computed from the output size (TFLite kernels/transpose_conv.cc:
// ComputePaddingHeightWidth(stride, 1, OH, OW, KH, KW)). Computed as a gather:
// each output pixel sums the taps that reach it, one contiguous dot product
// over C per tap.
//
// Quantized arithmetic, measured against LiteRT.js 2.5.3 (tie-heavy cases):
//  - int8 (weights per-tensor or per-channel along 0, zero point 0) and uint8
//    (per-tensor): acc = bias + Σ (x − x_zp)(w − w_zp) in int32. LiteRT.js
//    gives the node to XNNPACK when the weights (and bias) are constant and
//    the bias is absent or carries quantization parameters: XNNPACK's fp32
//    requantization, as CONV_2D (conv_common.h, kTflite). An int32 bias
//    without quantization parameters, or SAME padding with a filter smaller
//    than the stride along an axis, makes XNNPACK refuse the node and
//    TFLite's built-in kernel requantizes with the double-rounding
//    MultiplyByQuantizedMultiplier (conv_common.h, kMicro); with uint8 that
//    built-in path returns garbage in LiteRT.js (uninitialized output), so
//    only the int8 case is reproducible there. kMicro is the built-in
//    arithmetic everywhere.
//  - int16 activations (zero points 0) with int8 weights and int64 bias:
//    TFLite's reference only (no XNNPACK): acc in int64, per-channel
//    multipliers applied with the 64-bit MultiplyByQuantizedMultiplier.
//  - float32: Σ in float32 in (ky, kx, c) order, then the bias; XNNPACK's
//    order differs within the float tolerance.
// Fused activations (version 4) clamp like CONV_2D's.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/op.h"
#include "core/quant.h"
#include "ops/conv_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

constexpr int kOutputShape = 0;
constexpr int kWeights = 1;
constexpr int kInput = 2;
constexpr int kBias = 3;

enum class TcKind : int8_t { kFloat32, kInt8, kUInt8, kInt16 };

class TransposeConvOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 4, 1));
    const Tensor* shape_t = nullptr;
    ConvTensors t;
    t.input_index = kInput;
    t.filter_index = kWeights;
    t.bias_index = kBias;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kOutputShape, &shape_t));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kWeights, &t.filter));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kInput, &t.input));
    t.bias = ctx.input(kBias);
    t.output = ctx.output(0);
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, kWeights, 4, 4));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, kInput, 4, 4));
    Shape out_shape;
    EDGELITE_RETURN_IF_ERROR(ReadOutputShape(ctx, shape_t, &out_shape));

    const Shape& is = t.input->shape;
    const Shape& ws = t.filter->shape;
    if (ws[0] < 1 || ws[1] < 1 || ws[2] < 1 || ws[3] < 1) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kWeights,
          "weights shape " + ws.ToString() + " has an empty dimension");
    }
    if (is[3] != ws[3]) {
      return ctx.InputError(StatusCode::kInvalidModel, kWeights,
                            StrFormat("weights have %d input channels, the "
                                      "input %s has %d",
                                      ws[3], is.ToString().c_str(), is[3]));
    }
    if (out_shape[0] != is[0] || out_shape[3] != ws[0]) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kOutputShape,
          StrFormat("output shape %s must have the input's batch %d and the "
                    "weights' output channels %d",
                    out_shape.ToString().c_str(), is[0], ws[0]));
    }
    if (t.bias != nullptr && t.bias->NumElements() != ws[0]) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kBias,
          StrFormat("bias shape %s has %lld values != output channels %d",
                    t.bias->shape.ToString().c_str(),
                    static_cast<long long>(t.bias->NumElements()), ws[0]));
    }
    const TransposeConvOptions& o = ctx.options().transpose_conv;
    if (o.stride_h < 1 || o.stride_w < 1) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("strides (%d, %d) must be >= 1", o.stride_h, o.stride_w));
    }
    batches_ = is[0];
    in_h_ = is[1];
    in_w_ = is[2];
    in_c_ = is[3];
    out_h_ = out_shape[1];
    out_w_ = out_shape[2];
    out_c_ = ws[0];
    filter_h_ = ws[1];
    filter_w_ = ws[2];
    stride_h_ = o.stride_h;
    stride_w_ = o.stride_w;
    int32_t unused_h = 0, unused_w = 0;
    const PaddingValues pad =
        ComputePadding(o.stride_h, o.stride_w, 1, 1, out_shape[1], out_shape[2],
                       ws[1], ws[2], o.padding, &unused_h, &unused_w);
    pad_h_ = pad.height;
    pad_w_ = pad.width;

    same_small_filter_ = o.padding == Padding::kSame &&
                         (filter_h_ < stride_h_ || filter_w_ < stride_w_);
    EDGELITE_RETURN_IF_ERROR(PrepareTypes(ctx, t, o.activation));
    return ctx.SetOutputShape(0, out_shape);
  }

  Status Eval(OpContext& ctx) override {
    switch (kind_) {
      case TcKind::kFloat32:
        EvalFloat(ctx);
        break;
      case TcKind::kInt8:
      case TcKind::kUInt8:
        EvalQuantized(ctx);
        break;
      case TcKind::kInt16:
        EvalInt16(ctx);
        break;
    }
    return Status::Ok();
  }

 private:
  Status ReadOutputShape(const OpContext& ctx, const Tensor* s,
                         Shape* out) const {
    if (s->type != DataType::kInt32 || s->shape.rank != 1 ||
        s->NumElements() != 4) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kOutputShape,
          StrFormat("must be an int32 tensor of 4 values, "
                    "got %s %s",
                    DataTypeName(s->type), s->shape.ToString().c_str()));
    }
    if (!s->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, kOutputShape,
                            "a non-constant output shape is not supported; "
                            "edgelite plans memory before Invoke");
    }
    const int32_t* d = s->Data<int32_t>();
    for (int i = 0; i < 4; ++i) {
      if (d[i] < 0) {
        return ctx.InputError(StatusCode::kInvalidModel, kOutputShape,
                              StrFormat("value %d is negative (%d)", i, d[i]));
      }
    }
    *out = Shape({d[0], d[1], d[2], d[3]});
    return Status::Ok();
  }

  Status PrepareTypes(OpContext& ctx, const ConvTensors& t,
                      Activation activation) {
    const DataType in = t.input->type, w = t.filter->type;
    const DataType out = t.output->type;
    DataType want_w = in, want_bias = DataType::kInt32;
    switch (in) {
      case DataType::kFloat32:
        kind_ = TcKind::kFloat32;
        want_bias = DataType::kFloat32;
        break;
      case DataType::kInt8:
        kind_ = TcKind::kInt8;
        break;
      case DataType::kUInt8:
        kind_ = TcKind::kUInt8;
        break;
      case DataType::kInt16:
        kind_ = TcKind::kInt16;
        want_w = DataType::kInt8;
        want_bias = DataType::kInt64;
        break;
      default:
        return ctx.InputError(StatusCode::kInvalidModel, kInput,
                              StrFormat("type %s is not float32, int8, uint8 "
                                        "or int16",
                                        DataTypeName(in)));
    }
    if (w != want_w) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kWeights,
          StrFormat("%s input needs %s weights, got %s", DataTypeName(in),
                    DataTypeName(want_w), DataTypeName(w)));
    }
    if (out != in) {
      return ctx.OutputError(StatusCode::kInvalidModel, 0,
                             StrFormat("type must be %s like the input, got %s",
                                       DataTypeName(in), DataTypeName(out)));
    }
    if (t.bias != nullptr && t.bias->type != want_bias) {
      return ctx.InputError(StatusCode::kInvalidModel, kBias,
                            StrFormat("bias must be %s for %s input, got %s",
                                      DataTypeName(want_bias), DataTypeName(in),
                                      DataTypeName(t.bias->type)));
    }
    sums_scratch_ = -1;
    switch (kind_) {
      case TcKind::kFloat32: {
        Status s = ActivationRangeFloat(activation, &act_lo_, &act_hi_);
        if (!s.ok()) return ctx.Error(s.code(), s.message());
        return Status::Ok();
      }
      case TcKind::kInt16:
        return PrepareInt16(ctx, t, activation);
      default:
        break;
    }
    // XNNPACK needs static weights and a bias it can read as quantized
    // int32; otherwise TFLite's built-in kernel runs (file comment).
    const bool xnnpack = !same_small_filter_ && t.filter->is_constant() &&
                         (t.bias == nullptr ||
                          (t.bias->is_constant() && t.bias->quant != nullptr &&
                           !t.bias->quant->scale.empty()));
    const QuantArithmetic mode =
        xnnpack ? ctx.arithmetic() : QuantArithmetic::kMicro;
    const ConvKind ck =
        kind_ == TcKind::kInt8 ? ConvKind::kInt8 : ConvKind::kUInt8;
    EDGELITE_RETURN_IF_ERROR(
        requant_.Prepare(ctx, t, ck, static_cast<int32_t>(out_c_),
                         /*filter_channel_dim=*/0, activation, mode));
    // Σ_c w(oc, ky, kx, c) per (oc, tap), for the input zero point.
    return ctx.RequestScratch(
        static_cast<size_t>(out_c_ * filter_h_ * filter_w_) * sizeof(uint32_t),
        &sums_scratch_);
  }

  Status PrepareInt16(const OpContext& ctx, const ConvTensors& t,
                      Activation activation) {
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, t.input, true, kInput));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, t.output, false, 0));
    if (t.input->zero_point() != 0 || t.output->zero_point() != 0) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("int16 input and output zero points must be "
                    "0, got %d and %d",
                    t.input->zero_point(), t.output->zero_point()));
    }
    const QuantParams* wq = t.filter->quant;
    if (wq == nullptr || wq->scale.empty()) {
      return ctx.InputError(StatusCode::kInvalidModel, kWeights,
                            "int8 weights must be quantized (no scale given)");
    }
    const size_t n = wq->scale.size();
    if (n > 1 &&
        (n != static_cast<size_t>(out_c_) || wq->quantized_dimension != 0)) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kWeights,
          StrFormat("per-channel quantization with %zu scales along dimension "
                    "%d, expected %lld along dimension 0",
                    n, wq->quantized_dimension,
                    static_cast<long long>(out_c_)));
    }
    for (int64_t zp : wq->zero_point) {
      if (zp != 0) {
        return ctx.InputError(StatusCode::kInvalidModel, kWeights,
                              StrFormat("int8 weights need zero point 0, got "
                                        "%lld",
                                        static_cast<long long>(zp)));
      }
    }
    Status s = ActivationRangeTflite(activation, t.output->scale(), 0,
                                     DataType::kInt16, &q_lo_, &q_hi_);
    if (!s.ok()) return ctx.Error(s.code(), s.message());
    multipliers_.clear();
    shifts_.clear();
    for (int64_t c = 0; c < out_c_; ++c) {
      const double real = static_cast<double>(t.input->scale()) *
                          static_cast<double>(wq->scale[n > 1 ? c : 0]) /
                          static_cast<double>(t.output->scale());
      int32_t m = 0;
      int shift = 0;
      QuantizeMultiplier(real, &m, &shift);
      // The 64-bit multiply shifts right by 15 − shift.
      if (!std::isfinite(real) || shift > 14) {
        return ctx.Error(StatusCode::kUnsupported,
                         StrFormat("requantization scale of channel %lld (%g) "
                                   "is too large for a fixed-point multiplier",
                                   static_cast<long long>(c), real));
      }
      multipliers_.push_back(m);
      shifts_.push_back(shift);
    }
    return Status::Ok();
  }

  // Calls tap(iy, ix, ky, kx) for every tap reaching output pixel (oy, ox).
  template <typename Tap>
  void ForEachTap(int64_t oy, int64_t ox, Tap&& tap) const {
    for (int64_t ky = 0; ky < filter_h_; ++ky) {
      const int64_t ty = oy + pad_h_ - ky;
      if (ty < 0 || ty % stride_h_ != 0) continue;
      const int64_t iy = ty / stride_h_;
      if (iy >= in_h_) continue;
      for (int64_t kx = 0; kx < filter_w_; ++kx) {
        const int64_t tx = ox + pad_w_ - kx;
        if (tx < 0 || tx % stride_w_ != 0) continue;
        const int64_t ix = tx / stride_w_;
        if (ix >= in_w_) continue;
        tap(iy, ix, ky, kx);
      }
    }
  }

  void EvalFloat(OpContext& ctx) {
    const Tensor* bias_t = ctx.input(kBias);
    const float* in = ctx.input(kInput)->Data<float>();
    const float* w = ctx.input(kWeights)->Data<float>();
    const float* bias = bias_t != nullptr ? bias_t->Data<float>() : nullptr;
    float* out = ctx.output(0)->MutableData<float>();
    const int64_t tap_stride = in_c_;
    const int64_t oc_stride = filter_h_ * filter_w_ * in_c_;
    for (int64_t b = 0; b < batches_; ++b) {
      const float* in_b = in + b * in_h_ * in_w_ * in_c_;
      for (int64_t oy = 0; oy < out_h_; ++oy) {
        for (int64_t ox = 0; ox < out_w_; ++ox) {
          float* out_px = out + ((b * out_h_ + oy) * out_w_ + ox) * out_c_;
          for (int64_t oc = 0; oc < out_c_; ++oc) out_px[oc] = 0.0f;
          ForEachTap(oy, ox,
                     [&](int64_t iy, int64_t ix, int64_t ky, int64_t kx) {
                       const float* x = in_b + (iy * in_w_ + ix) * in_c_;
                       const float* wt = w + (ky * filter_w_ + kx) * tap_stride;
                       for (int64_t oc = 0; oc < out_c_; ++oc) {
                         out_px[oc] += DotF32(x, wt + oc * oc_stride, in_c_);
                       }
                     });
          for (int64_t oc = 0; oc < out_c_; ++oc) {
            const float v = out_px[oc] + (bias != nullptr ? bias[oc] : 0.0f);
            out_px[oc] = ApplyFloatActivation(v, act_lo_, act_hi_);
          }
        }
      }
    }
  }

  // acc = bias + Σ_taps Σ_c (x − x_zp)(w − w_zp), expanded per tap as
  // Σ x·w − w_zp·Σ x − x_zp·Σ w + C·x_zp·w_zp (modulo 2^32). int8 and uint8
  // share this code: bytes in and out, the signedness in the dot product.
  void EvalQuantized(OpContext& ctx) {
    const Tensor* bias_t = ctx.input(kBias);
    const uint8_t* in = ctx.input(kInput)->data;
    const uint8_t* w = ctx.input(kWeights)->data;
    const int32_t* bias = bias_t != nullptr ? bias_t->Data<int32_t>() : nullptr;
    uint8_t* out = ctx.output(0)->data;
    const Dot8Fns& f = Dot8For(kind_ == TcKind::kInt8);
    uint32_t* w_sums = static_cast<uint32_t*>(ctx.scratch(sums_scratch_));
    const int64_t taps = filter_h_ * filter_w_;
    for (int64_t i = 0; i < out_c_ * taps; ++i) {
      w_sums[i] = f.sum(w + i * in_c_, in_c_);
    }
    const uint32_t x_zp = static_cast<uint32_t>(requant_.input_zero_point());
    const uint32_t w_zp = static_cast<uint32_t>(requant_.filter_zero_point());
    const uint32_t zz = static_cast<uint32_t>(in_c_) * x_zp * w_zp;
    for (int64_t b = 0; b < batches_; ++b) {
      const uint8_t* in_b = in + b * in_h_ * in_w_ * in_c_;
      for (int64_t oy = 0; oy < out_h_; ++oy) {
        for (int64_t ox = 0; ox < out_w_; ++ox) {
          uint8_t* out_px = out + ((b * out_h_ + oy) * out_w_ + ox) * out_c_;
          for (int64_t oc = 0; oc < out_c_; ++oc) {
            uint32_t acc =
                bias != nullptr ? static_cast<uint32_t>(bias[oc]) : 0u;
            ForEachTap(
                oy, ox, [&](int64_t iy, int64_t ix, int64_t ky, int64_t kx) {
                  const uint8_t* x = in_b + (iy * in_w_ + ix) * in_c_;
                  const int64_t tap = (oc * filter_h_ + ky) * filter_w_ + kx;
                  const uint32_t x_sum = w_zp != 0 ? f.sum(x, in_c_) : 0u;
                  acc += f.dot(x, w + tap * in_c_, in_c_) - w_zp * x_sum -
                         x_zp * w_sums[tap] + zz;
                });
            // The low byte is the int8 or uint8 value alike.
            out_px[oc] = static_cast<uint8_t>(requant_.Apply(
                static_cast<int32_t>(acc), static_cast<int32_t>(oc)));
          }
        }
      }
    }
  }

  void EvalInt16(OpContext& ctx) {
    const Tensor* bias_t = ctx.input(kBias);
    const int16_t* in = ctx.input(kInput)->Data<int16_t>();
    const int8_t* w = ctx.input(kWeights)->Data<int8_t>();
    const int64_t* bias = bias_t != nullptr ? bias_t->Data<int64_t>() : nullptr;
    int16_t* out = ctx.output(0)->MutableData<int16_t>();
    for (int64_t b = 0; b < batches_; ++b) {
      const int16_t* in_b = in + b * in_h_ * in_w_ * in_c_;
      for (int64_t oy = 0; oy < out_h_; ++oy) {
        for (int64_t ox = 0; ox < out_w_; ++ox) {
          int16_t* out_px = out + ((b * out_h_ + oy) * out_w_ + ox) * out_c_;
          for (int64_t oc = 0; oc < out_c_; ++oc) {
            // uint64 so that a hostile model wraps instead of overflowing.
            uint64_t acc =
                bias != nullptr ? static_cast<uint64_t>(bias[oc]) : 0u;
            ForEachTap(
                oy, ox, [&](int64_t iy, int64_t ix, int64_t ky, int64_t kx) {
                  const int16_t* x = in_b + (iy * in_w_ + ix) * in_c_;
                  const int8_t* wt =
                      w + ((oc * filter_h_ + ky) * filter_w_ + kx) * in_c_;
                  for (int64_t c = 0; c < in_c_; ++c) {
                    acc += static_cast<uint64_t>(int64_t{x[c]} * wt[c]);
                  }
                });
            int32_t v = MultiplyByQuantizedMultiplier64(
                static_cast<int64_t>(acc),
                multipliers_[static_cast<size_t>(oc)],
                shifts_[static_cast<size_t>(oc)]);
            v = v < q_lo_ ? q_lo_ : (v > q_hi_ ? q_hi_ : v);
            out_px[oc] = static_cast<int16_t>(v);
          }
        }
      }
    }
  }

  TcKind kind_ = TcKind::kFloat32;
  int64_t batches_ = 0, in_h_ = 0, in_w_ = 0, in_c_ = 0;
  int64_t out_h_ = 0, out_w_ = 0, out_c_ = 0, filter_h_ = 0, filter_w_ = 0;
  int64_t stride_h_ = 1, stride_w_ = 1, pad_h_ = 0, pad_w_ = 0;
  float act_lo_ = 0.0f, act_hi_ = 0.0f;
  bool same_small_filter_ = false;
  ConvRequant requant_;
  int sums_scratch_ = -1;
  // int16
  std::vector<int32_t> multipliers_;
  std::vector<int> shifts_;
  int32_t q_lo_ = 0, q_hi_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateTransposeConv() {
  return std::make_unique<TransposeConvOp>();
}

}  // namespace edgelite
