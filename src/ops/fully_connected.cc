// FULLY_CONNECTED: weights [OC, IC], optional bias [OC]. The input is read as
// rows of IC values: [..., IC] (any shape whose element count is a multiple of
// IC) → N = elements / IC rows. Output [N, OC], or with keep_num_dims the
// input shape with its last dimension (which must be IC) replaced by OC.
//
// Semantics (TFLite kernels/fully_connected.cc, reference/fully_connected.h,
// reference/integer_ops/fully_connected.h):
//   out[n, oc] = act(bias[oc] + Σ_k x[n, k] · w[oc, k])
// Quantized: acc = bias + Σ (x − x_zp)(w − w_zp) in int32 (modulo 2^32),
// requantized per output channel (int8 weights may be per-channel along
// dimension 0) as described in conv_common.h.
//
// Weights and bias need not be constant (TFLite allows both to be computed);
// constant ones are folded with the input zero point once in Prepare. Only
// the DEFAULT weights format is supported.
//
// Hybrid (float32 input and output, constant int8 weights per-tensor or
// per-channel): LiteRT.js hands the node to XNNPACK's dynamic-range path
// whatever asymmetric_quantize_inputs says (measured: its outputs equal
// XNNPACK's qd8 arithmetic bit for bit, both flag values, per-tensor and
// per-channel). Each input row of IC values is quantized on its own
// (QuantizeDynamicXnnpack), acc = Σ (q − zp)·w in int32, and
// y = ((f32(acc)·step)·w_scale[oc]) + bias[oc], clamped (HybridOutput).
// tfjs-tflite runs TFLite's built-in hybrid kernel instead (symmetric
// quantization unless asymmetric_quantize_inputs, and per-channel weights
// give wrong results there); the conformance judge is LiteRT.js. kMicro uses
// the same arithmetic: tflite-micro has no hybrid FULLY_CONNECTED.
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "ops/conv_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class FullyConnectedOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 3, 1));
    ConvTensors t;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kConvInput, &t.input));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kConvFilter, &t.filter));
    t.bias = ctx.input(kConvBias);
    t.output = ctx.output(0);
    const FullyConnectedOptions& o = ctx.options().fully_connected;
    if (o.weights_format != 0) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("weights_format %d (%s) is not supported, only "
                    "DEFAULT",
                    o.weights_format,
                    o.weights_format == 1 ? "SHUFFLED4x16INT8" : "unknown"));
    }
    EDGELITE_RETURN_IF_ERROR(CheckConvTypes(ctx, t, &kind_));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, kConvFilter, 2, 2));

    const Shape& fs = t.filter->shape;
    const Shape& is = t.input->shape;
    if (fs[0] < 1 || fs[1] < 1) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kConvFilter,
          "weights shape " + fs.ToString() + " has an empty dimension");
    }
    out_c_ = fs[0];
    depth_ = fs[1];
    const int64_t elements = t.input->NumElements();
    if (elements % depth_ != 0) {
      return ctx.InputError(
          StatusCode::kInvalidModel, kConvInput,
          StrFormat("shape %s (%lld values) is not a whole number of rows of "
                    "%lld, the weights' input size",
                    is.ToString().c_str(), static_cast<long long>(elements),
                    static_cast<long long>(depth_)));
    }
    rows_ = elements / depth_;
    EDGELITE_RETURN_IF_ERROR(CheckConvBiasShape(ctx, t.bias, fs[0]));

    Shape out_shape;
    if (o.keep_num_dims) {
      if (is.rank < 1 || is[is.rank - 1] != fs[1]) {
        return ctx.InputError(
            StatusCode::kInvalidModel, kConvInput,
            StrFormat("with keep_num_dims the last dimension of %s must equal "
                      "the weights' input size %d",
                      is.ToString().c_str(), fs[1]));
      }
      out_shape = is;
      out_shape.dims[is.rank - 1] = fs[0];
    } else {
      // rows_ <= elements <= kMaxElements = 2^31; only a single row of IC = 1
      // with 2^31 elements could overflow int32.
      if (rows_ > INT32_MAX) {
        return ctx.InputError(StatusCode::kUnsupported, kConvInput,
                              "too many rows");
      }
      out_shape = Shape({static_cast<int32_t>(rows_), fs[0]});
    }

    hybrid_row_scratch_ = -1;
    if (kind_ == ConvKind::kFloat32 || kind_ == ConvKind::kHybrid) {
      Status s = ActivationRangeFloat(o.activation, &act_lo_, &act_hi_);
      if (!s.ok()) return ctx.Error(s.code(), s.message());
      if (kind_ == ConvKind::kHybrid) {
        EDGELITE_RETURN_IF_ERROR(hybrid_.Prepare(ctx, t, fs[0],
                                                 /*channel_dim=*/0,
                                                 /*require_constant=*/true,
                                                 depth_));
        EDGELITE_RETURN_IF_ERROR(ctx.RequestScratch(static_cast<size_t>(depth_),
                                                    &hybrid_row_scratch_));
      }
    } else {
      EDGELITE_RETURN_IF_ERROR(requant_.Prepare(
          ctx, t, kind_, fs[0], /*filter_channel_dim=*/0, o.activation));
    }
    EDGELITE_RETURN_IF_ERROR(folded_.Prepare(
        ctx, kind_, t.filter, t.bias, fs[0], depth_,
        requant_.input_zero_point(), requant_.filter_zero_point()));
    return ctx.SetOutputShape(0, out_shape);
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
      case ConvKind::kHybrid:
        EvalHybrid(ctx);
        break;
    }
    return Status::Ok();
  }

 private:
  void EvalHybrid(OpContext& ctx) {
    const Tensor* bias_t = ctx.input(kConvBias);
    const float* in = ctx.input(kConvInput)->Data<float>();
    const int8_t* w = ctx.input(kConvFilter)->Data<int8_t>();
    const float* bias = bias_t != nullptr ? bias_t->Data<float>() : nullptr;
    float* out = ctx.output(0)->MutableData<float>();
    int8_t* q = static_cast<int8_t*>(ctx.scratch(hybrid_row_scratch_));
    const float* w_scale = hybrid_.scales();
    const int32_t* w_sum = hybrid_.sums();
    for (int64_t r = 0; r < rows_; ++r) {
      const DynamicQuant dq =
          QuantizeDynamicXnnpack(in + r * depth_, depth_, q);
      const uint32_t zp = static_cast<uint32_t>(dq.zero_point);
      float* out_row = out + r * out_c_;
      int64_t oc = 0;
      uint32_t sums[4];
      for (; oc < out_c_; oc += 4) {
        const int64_t n = out_c_ - oc < 4 ? out_c_ - oc : 4;
        if (n == 4) {
          DotModularX4(q, w + oc * depth_, depth_, sums);
        } else {
          for (int64_t j = 0; j < n; ++j) {
            sums[j] = DotModular(q, w + (oc + j) * depth_, depth_);
          }
        }
        for (int64_t j = 0; j < n; ++j) {
          // Σ (q − zp)·w = Σ q·w − zp·Σ w.
          const uint32_t acc =
              sums[j] - zp * static_cast<uint32_t>(w_sum[oc + j]);
          out_row[oc + j] = HybridOutput(
              static_cast<int32_t>(acc), dq.step, w_scale[oc + j],
              bias != nullptr ? bias[oc + j] : 0.0f, act_lo_, act_hi_);
        }
      }
    }
  }

  template <typename T>
  void EvalQuantized(OpContext& ctx) {
    const Tensor* filter = ctx.input(kConvFilter);
    const T* in = ctx.input(kConvInput)->Data<T>();
    const T* w = filter->Data<T>();
    T* out = ctx.output(0)->MutableData<T>();
    const uint32_t* folded = folded_.Get(ctx, filter, ctx.input(kConvBias));
    const uint32_t w_zp = static_cast<uint32_t>(requant_.filter_zero_point());
    for (int64_t r = 0; r < rows_; ++r) {
      const T* x = in + r * depth_;
      // Σ (x − x_zp)(w − w_zp) = Σ x·w − w_zp·Σ x + folded terms.
      const uint32_t x_sum = w_zp != 0 ? SumModular(x, depth_) : 0u;
      T* out_row = out + r * out_c_;
      for (int64_t oc = 0; oc < out_c_; ++oc) {
        const uint32_t acc =
            folded[oc] + DotModular(x, w + oc * depth_, depth_) - w_zp * x_sum;
        out_row[oc] = static_cast<T>(requant_.Apply(static_cast<int32_t>(acc),
                                                    static_cast<int32_t>(oc)));
      }
    }
  }

  void EvalFloat(OpContext& ctx) {
    const Tensor* bias_t = ctx.input(kConvBias);
    const float* in = ctx.input(kConvInput)->Data<float>();
    const float* w = ctx.input(kConvFilter)->Data<float>();
    const float* bias = bias_t != nullptr ? bias_t->Data<float>() : nullptr;
    float* out = ctx.output(0)->MutableData<float>();
    for (int64_t r = 0; r < rows_; ++r) {
      F32RowTimesWeights(in + r * depth_, w, bias, depth_,
                         static_cast<int32_t>(out_c_), act_lo_, act_hi_,
                         out + r * out_c_);
    }
  }

  ConvKind kind_ = ConvKind::kFloat32;
  ConvRequant requant_;
  FoldedBias folded_;
  HybridWeights hybrid_;
  int hybrid_row_scratch_ = -1;
  int64_t rows_ = 0, depth_ = 0, out_c_ = 0;
  float act_lo_ = 0.0f, act_hi_ = 0.0f;
};

}  // namespace

std::unique_ptr<Op> CreateFullyConnected() {
  return std::make_unique<FullyConnectedOp>();
}

}  // namespace edgelite
