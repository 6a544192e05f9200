// DEPTHWISE_CONV_2D: input [N, H, W, C], filter [1, KH, KW, OC] with
// OC = C · M (M = depth multiplier), optional bias [OC], output
// [N, OH, OW, OC]. Output channel oc = ic · M + m reads input channel ic only.
//
// Semantics (TFLite kernels/depthwise_conv.cc, reference/depthwiseconv_*.h,
// reference/integer_ops/depthwise_conv.h): out(n, oy, ox, ic·M + m) =
//   act(bias[oc] + Σ_{ky,kx} x(n, oy·sh − pad_h + ky·dh, ox·sw − pad_w + kx·dw,
//                              ic) · w(0, ky, kx, oc))
// with taps outside the input skipped and padding from TFLite's
// ComputePaddingHeightWidth. Quantized: acc = bias + Σ (x − x_zp)(w − w_zp) in
// int32 (modulo 2^32), requantized per output channel (per-channel scales are
// along dimension 3) as described in conv_common.h.
//
// M is derived from the shapes (OC / C), as current TFLite does: newer
// converters write depth_multiplier = 0, and the option is redundant anyway.
//
// Loop order: per output pixel, an OC-long accumulator row; for each valid tap
// the input pixel (C contiguous values) and the tap's weights (OC contiguous)
// are combined elementwise, innermost over channels.
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "kernels/depthwise8.h"
#include "ops/conv_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class DepthwiseConv2DOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 3, 1));
    ConvTensors t;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kConvInput, &t.input));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kConvFilter, &t.filter));
    t.bias = ctx.input(kConvBias);
    t.output = ctx.output(0);
    EDGELITE_RETURN_IF_ERROR(CheckConvTypes(ctx, t, &kind_));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, kConvInput, 4, 4));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, kConvFilter, 4, 4));

    const DepthwiseConvOptions& o = ctx.options().depthwise;
    if (o.stride_h < 1 || o.stride_w < 1 || o.dilation_h < 1 ||
        o.dilation_w < 1) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("strides (%d, %d) and dilations (%d, %d) must "
                    "be >= 1",
                    o.stride_h, o.stride_w, o.dilation_h, o.dilation_w));
    }
    const Shape& is = t.input->shape;
    const Shape& fs = t.filter->shape;
    if (fs[0] != 1) {
      return ctx.InputError(StatusCode::kInvalidModel, kConvFilter,
                            "filter shape " + fs.ToString() +
                                " must be [1, height, width, channels]");
    }
    if (fs[1] < 1 || fs[2] < 1 || fs[3] < 1) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kConvFilter,
          "filter shape " + fs.ToString() + " has an empty dimension");
    }
    if (is[3] < 1 || fs[3] % is[3] != 0) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kConvFilter,
          StrFormat("output channels %d are not a multiple of the input "
                    "channels %d",
                    fs[3], is[3]));
    }
    EDGELITE_RETURN_IF_ERROR(CheckConvBiasShape(ctx, t.bias, fs[3]));

    batches_ = is[0];
    in_h_ = is[1];
    in_w_ = is[2];
    in_c_ = is[3];
    out_c_ = fs[3];
    multiplier_ = out_c_ / in_c_;
    filter_h_ = fs[1];
    filter_w_ = fs[2];
    stride_h_ = o.stride_h;
    stride_w_ = o.stride_w;
    dilation_h_ = o.dilation_h;
    dilation_w_ = o.dilation_w;
    int32_t out_h = 0, out_w = 0;
    const PaddingValues pad =
        ComputePadding(o.stride_h, o.stride_w, o.dilation_h, o.dilation_w,
                       is[1], is[2], fs[1], fs[2], o.padding, &out_h, &out_w);
    out_h_ = out_h;
    out_w_ = out_w;
    pad_h_ = pad.height;
    pad_w_ = pad.width;

    if (kind_ == ConvKind::kFloat32) {
      Status s = ActivationRangeFloat(o.activation, &act_lo_, &act_hi_);
      if (!s.ok()) return ctx.Error(s.code(), s.message());
    } else {
      // Measured (conformance suite, LiteRT.js and tfjs-tflite agree): TFLite's
      // XNNPACK delegate does not take a quantized depthwise convolution
      // without a bias input; TFLite's builtin kernel runs it, with
      // fixed-point (MultiplyByQuantizedMultiplier) requantization.
      const bool builtin = t.bias == nullptr;
      EDGELITE_RETURN_IF_ERROR(requant_.Prepare(ctx, t, kind_, fs[3],
                                                /*filter_channel_dim=*/3,
                                                o.activation, builtin));
    }
    quant_row_ = kind_ == ConvKind::kInt8    ? &QuantizedRow<int8_t>
                 : kind_ == ConvKind::kUInt8 ? &QuantizedRow<uint8_t>
                                             : nullptr;
    // One accumulator row (uint32 or float, both 4 bytes).
    EDGELITE_RETURN_IF_ERROR(ctx.RequestScratch(
        static_cast<size_t>(out_c_) * sizeof(uint32_t), &acc_scratch_));
    return ctx.SetOutputShape(0, Shape({is[0], out_h, out_w, fs[3]}));
  }

  Status Eval(OpContext& ctx) override {
    switch (kind_) {
      case ConvKind::kFloat32:
        EvalFloat(ctx);
        break;
      case ConvKind::kInt8:
        EvalQuantized<int8_t>(ctx);
        break;
      case ConvKind::kUInt8:
        EvalQuantized<uint8_t>(ctx);
        break;
    }
    return Status::Ok();
  }

 private:
  // Calls tap(x, w) for every tap of output pixel (b, oy, ox) that lies
  // inside the input, in (ky, kx) order: x = the input pixel's C channels,
  // w = the tap's OC weights.
  template <typename T, typename Tap>
  void ForEachTap(const T* in, const T* filter, int64_t b, int64_t oy,
                  int64_t ox, Tap&& tap) const {
    const int64_t y0 = oy * stride_h_ - pad_h_;
    const int64_t x0 = ox * stride_w_ - pad_w_;
    for (int64_t ky = 0; ky < filter_h_; ++ky) {
      const int64_t iy = y0 + ky * dilation_h_;
      if (iy < 0 || iy >= in_h_) continue;
      for (int64_t kx = 0; kx < filter_w_; ++kx) {
        const int64_t ix = x0 + kx * dilation_w_;
        if (ix < 0 || ix >= in_w_) continue;
        tap(in + ((b * in_h_ + iy) * in_w_ + ix) * in_c_,
            filter + (ky * filter_w_ + kx) * out_c_);
      }
    }
  }

  // What one output row of a quantized depthwise convolution needs.
  struct QuantRowArgs {
    const void* in;
    const void* filter;
    const int32_t* bias;
    void* out;
    uint32_t* acc;
    int64_t batch;
  };
  using QuantRowFn = void (*)(const DepthwiseConv2DOp&, const QuantRowArgs&,
                              int64_t);

  template <typename T>
  void EvalQuantized(OpContext& ctx) {
    const Tensor* bias_t = ctx.input(kConvBias);
    QuantRowArgs a;
    a.in = ctx.input(kConvInput)->Data<T>();
    a.filter = ctx.input(kConvFilter)->Data<T>();
    a.bias = bias_t != nullptr ? bias_t->Data<int32_t>() : nullptr;
    a.acc = static_cast<uint32_t*>(ctx.scratch(acc_scratch_));
    T* out = ctx.output(0)->MutableData<T>();
    // One call per output row through a pointer chosen in Prepare, so the
    // row stays a function of its own in the wasm build (see conv_2d.cc).
    const QuantRowFn row = quant_row_;
    for (int64_t b = 0; b < batches_; ++b) {
      a.batch = b;
      for (int64_t oy = 0; oy < out_h_; ++oy) {
        a.out = out + (b * out_h_ + oy) * out_w_ * out_c_;
        row(*this, a, oy);
      }
    }
  }

  template <typename T>
  static void QuantizedRow(const DepthwiseConv2DOp& op, const QuantRowArgs& a,
                           int64_t oy) {
    const T* in = static_cast<const T*>(a.in);
    const T* filter = static_cast<const T*>(a.filter);
    const int32_t* bias = a.bias;
    T* out = static_cast<T*>(a.out);
    uint32_t* acc = a.acc;
    const int32_t x_zp = op.requant_.input_zero_point();
    const int32_t w_zp = op.requant_.filter_zero_point();
    const int64_t c_in = op.in_c_;
    const int64_t m_count = op.multiplier_;
    const int64_t out_c = op.out_c_;
    for (int64_t ox = 0; ox < op.out_w_; ++ox) {
      // Modulo-2^32 sums commute, so the bias can start the sum.
      for (int64_t c = 0; c < out_c; ++c) {
        acc[c] = bias != nullptr ? static_cast<uint32_t>(bias[c]) : 0u;
      }
      op.ForEachTap(in, filter, a.batch, oy, ox, [&](const T* x, const T* w) {
        if (m_count == 1) {
          // acc[c] += (x[c] − x_zp)(w[c] − w_zp): the kernel layer has
          // the SIMD paths and their reference.
          kernels::DepthwiseTap8(x, w, x_zp, w_zp, c_in, acc);
        } else {
          for (int64_t c = 0; c < c_in; ++c) {
            const int32_t xv = int32_t{x[c]} - x_zp;
            uint32_t* ac = acc + c * m_count;
            const T* wc = w + c * m_count;
            for (int64_t m = 0; m < m_count; ++m) {
              ac[m] += static_cast<uint32_t>(xv * (int32_t{wc[m]} - w_zp));
            }
          }
        }
      });
      op.requant_.ApplyRow(acc, 0, out_c, out + ox * out_c);
    }
  }

  void EvalFloat(OpContext& ctx) {
    const Tensor* bias_t = ctx.input(kConvBias);
    const float* in = ctx.input(kConvInput)->Data<float>();
    const float* filter = ctx.input(kConvFilter)->Data<float>();
    const float* bias = bias_t != nullptr ? bias_t->Data<float>() : nullptr;
    float* out = ctx.output(0)->MutableData<float>();
    float* acc = static_cast<float*>(ctx.scratch(acc_scratch_));
    const int64_t c_in = in_c_;
    const int64_t m_count = multiplier_;
    for (int64_t b = 0; b < batches_; ++b) {
      for (int64_t oy = 0; oy < out_h_; ++oy) {
        for (int64_t ox = 0; ox < out_w_; ++ox) {
          // TFLite's reference order: taps summed in (ky, kx) order from 0,
          // then the bias.
          for (int64_t c = 0; c < out_c_; ++c) acc[c] = 0.0f;
          ForEachTap(in, filter, b, oy, ox,
                     [&](const float* x, const float* w) {
                       if (m_count == 1) {
                         for (int64_t c = 0; c < c_in; ++c)
                           acc[c] += x[c] * w[c];
                       } else {
                         for (int64_t c = 0; c < c_in; ++c) {
                           const float xv = x[c];
                           float* a = acc + c * m_count;
                           const float* wc = w + c * m_count;
                           for (int64_t m = 0; m < m_count; ++m)
                             a[m] += xv * wc[m];
                         }
                       }
                     });
          float* out_px = out + ((b * out_h_ + oy) * out_w_ + ox) * out_c_;
          for (int64_t c = 0; c < out_c_; ++c) {
            const float v = acc[c] + (bias != nullptr ? bias[c] : 0.0f);
            out_px[c] = ApplyFloatActivation(v, act_lo_, act_hi_);
          }
        }
      }
    }
  }

  ConvKind kind_ = ConvKind::kFloat32;
  ConvRequant requant_;
  int64_t batches_ = 0, in_h_ = 0, in_w_ = 0, in_c_ = 0;
  int64_t out_h_ = 0, out_w_ = 0, out_c_ = 0, multiplier_ = 1;
  int64_t filter_h_ = 0, filter_w_ = 0;
  int64_t stride_h_ = 1, stride_w_ = 1, dilation_h_ = 1, dilation_w_ = 1;
  int64_t pad_h_ = 0, pad_w_ = 0;
  float act_lo_ = 0.0f, act_hi_ = 0.0f;
  int acc_scratch_ = -1;
  QuantRowFn quant_row_ = nullptr;
};

}  // namespace

std::unique_ptr<Op> CreateDepthwiseConv2D() {
  return std::make_unique<DepthwiseConv2DOp>();
}

}  // namespace edgelite
