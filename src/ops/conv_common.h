// Pieces shared by CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED: the dtype
// combinations they accept, per-output-channel requantization in both
// arithmetic modes, the zero-point folding of the int32 accumulator and the
// inner dot products.
//
// Accumulator arithmetic. TFLite defines acc = bias[c] + Σ (x − x_zp)(w − w_zp)
// in int32. We compute it modulo 2^32 (uint32), which is what every SIMD
// kernel (XNNPACK included) does on overflow and keeps a hostile model from
// reaching signed-overflow UB; on the non-overflowing sums real models produce
// the value is the same. Expanding the product lets the innermost loop be a
// plain dot product of raw values over contiguous memory:
//   Σ (x − x_zp)(w − w_zp) = Σ x·w − w_zp·Σ x − x_zp·Σ w + K·x_zp·w_zp
// so per output channel we precompute
//   folded[c] = bias[c] − x_zp·Σ_k w[c,k] + K·x_zp·w_zp
// and per input row (uint8 only, where w_zp ≠ 0) Σ x. Padding taps must then
// read as x_zp (they contribute (x_zp − x_zp)·w = 0), which is how CONV_2D
// fills its gathered patch.
#ifndef EDGELITE_OPS_CONV_COMMON_H_
#define EDGELITE_OPS_CONV_COMMON_H_

#include <cstdint>
#include <vector>

#include "core/op.h"
#include "core/quant.h"
#include "core/status.h"
#include "core/tensor.h"
#include "core/types.h"
#include "kernels/dot8.h"
#include "kernels/sum8.h"

namespace edgelite {

// Input indices shared by the three ops.
constexpr int kConvInput = 0;
constexpr int kConvFilter = 1;
constexpr int kConvBias = 2;

// kHybrid: float32 input and output with int8 weights (dynamic-range
// quantization, see "Hybrid" below).
enum class ConvKind : int8_t { kFloat32, kInt8, kUInt8, kHybrid };

struct ConvTensors {
  const Tensor* input = nullptr;
  const Tensor* filter = nullptr;
  const Tensor* bias = nullptr;  // nullptr when absent
  const Tensor* output = nullptr;
  // The node's input indices of the three (messages name them);
  // TRANSPOSE_CONV orders its inputs differently.
  int input_index = kConvInput;
  int filter_index = kConvFilter;
  int bias_index = kConvBias;
};

// Checks the dtype combination: float32/float32(/float32 bias), int8/int8
// (/int32 bias), uint8/uint8(/int32 bias), and hybrid float32 input with int8
// weights (/float32 bias, float32 output). uint8 hybrid weights, float16
// weights and int16 activations are valid TFLite that edgelite does not run:
// kUnsupported naming the combination.
Status CheckConvTypes(const OpContext& ctx, const ConvTensors& t,
                      ConvKind* kind);

// Fails unless the bias (if present) holds exactly `out_channels` values.
Status CheckConvBiasShape(const OpContext& ctx, const Tensor* bias,
                          int32_t out_channels);

// Per-output-channel requantization of an int32 accumulator.
//  kTflite (XNNPACK fp32): scale[c] = (f32(in_s) * f32(w_s[c])) / f32(out_s)
//    computed in float32; y = RequantizeFp32(acc, scale[c], out_zp, lo, hi)
//    with [lo, hi] from ActivationRangeXnnpack.
//  kMicro (tflite-micro reference): QuantizeMultiplier(double(in_s) *
//    double(w_s[c]) / double(out_s)); y = MultiplyByQuantizedMultiplier(acc,
//    m[c], shift[c]) + out_zp clamped to ActivationRangeTflite.
class ConvRequant {
 public:
  // Validates the quantization of input, filter, bias and output (per-tensor
  // input/output; int8 filter per-tensor or per-channel along
  // `filter_channel_dim` with zero points 0; uint8 filter per-tensor; bias
  // zero point 0) and precomputes the per-channel factors.
  // `builtin_kernel`: TFLite runs this node on its builtin kernel, not
  // XNNPACK, so kTflite means TFLite's fixed-point requantization (the kMicro
  // formula) for it.
  Status Prepare(const OpContext& ctx, const ConvTensors& t, ConvKind kind,
                 int32_t out_channels, int filter_channel_dim,
                 Activation activation, bool builtin_kernel = false) {
    return Prepare(ctx, t, kind, out_channels, filter_channel_dim, activation,
                   builtin_kernel ? QuantArithmetic::kMicro : ctx.arithmetic());
  }
  // The same with the arithmetic chosen by the caller: ops that TFLite's
  // XNNPACK delegate leaves to the built-in kernel in some configurations
  // (TRANSPOSE_CONV) ask for kMicro, the built-in arithmetic.
  Status Prepare(const OpContext& ctx, const ConvTensors& t, ConvKind kind,
                 int32_t out_channels, int filter_channel_dim,
                 Activation activation, QuantArithmetic mode);

  int32_t input_zero_point() const { return in_zp_; }
  int32_t filter_zero_point() const { return w_zp_; }

  // out[i] = Apply(acc[i], c0 + i) for a row of channels; the mode test is
  // hoisted so the fp32 loop can vectorize.
  template <typename T>
  void ApplyRow(const uint32_t* acc, int32_t c0, int64_t n, T* out) const {
    if (mode_ == QuantArithmetic::kTflite) {
      const float* scale = scale_.data() + c0;
      for (int64_t i = 0; i < n; ++i) {
        out[i] = static_cast<T>(RequantizeFp32(static_cast<int32_t>(acc[i]),
                                               scale[i], out_zp_, act_min_,
                                               act_max_));
      }
    } else {
      for (int64_t i = 0; i < n; ++i) {
        out[i] = static_cast<T>(
            Apply(static_cast<int32_t>(acc[i]), c0 + static_cast<int32_t>(i)));
      }
    }
  }

  int32_t Apply(int32_t acc, int32_t c) const {
    if (mode_ == QuantArithmetic::kTflite) {
      return RequantizeFp32(acc, scale_[c], out_zp_, act_min_, act_max_);
    }
    int64_t y =
        int64_t{MultiplyByQuantizedMultiplier(acc, multiplier_[c], shift_[c])} +
        out_zp_;
    y = y < act_min_ ? act_min_ : y;
    y = y > act_max_ ? act_max_ : y;
    return static_cast<int32_t>(y);
  }

 private:
  QuantArithmetic mode_ = QuantArithmetic::kTflite;
  std::vector<float> scale_;         // kTflite
  std::vector<int32_t> multiplier_;  // kMicro
  std::vector<int> shift_;           // kMicro
  int32_t in_zp_ = 0, w_zp_ = 0, out_zp_ = 0;
  int32_t act_min_ = 0, act_max_ = 0;
};

// folded[c] (see the file comment) for weights laid out [out_channels, depth].
// Constant weights and bias are folded once in Prepare; otherwise scratch is
// requested and Get() folds on every Eval.
class FoldedBias {
 public:
  Status Prepare(OpContext& ctx, ConvKind kind, const Tensor* filter,
                 const Tensor* bias, int32_t out_channels, int64_t depth,
                 int32_t in_zp, int32_t w_zp);
  // Eval only; never allocates.
  const uint32_t* Get(OpContext& ctx, const Tensor* filter,
                      const Tensor* bias) const;

 private:
  void Fold(const Tensor* filter, const Tensor* bias, uint32_t* out) const;

  ConvKind kind_ = ConvKind::kInt8;
  int32_t out_channels_ = 0;
  int64_t depth_ = 0;
  int32_t in_zp_ = 0, w_zp_ = 0;
  std::vector<uint32_t> folded_;  // when constant
  int scratch_ = -1;              // when not
};

// ---------------------------------------------------------------- Hybrid
// Dynamic-range quantization: float32 activations, int8 weights (symmetric,
// per-tensor or per-channel), float32 output. The float input is quantized to
// int8 on the fly, one step and zero point per group of values, the int32
// dot product acc = Σ (q − zp)·w is taken, and the result is scaled back in
// float32. What TFLite computes depends on who runs the node (measured
// against LiteRT.js 2.5.3; see the op files): XNNPACK's "qd8" path for
// FULLY_CONNECTED, CONV_2D and BATCH_MATMUL, TFLite's built-in kernel for
// DEPTHWISE_CONV_2D.

// real ≈ step · (q − zero_point).
struct DynamicQuant {
  float step = 1.0f;
  int32_t zero_point = 0;
};

// XNNPACK's qd8 quantization of n values (xnn_f32_qd8_asymmetric_
// quantization_params + the f32→qs8 convert), all in float32:
//   rmin = min(0, min x), rmax = max(0, max x)
//   scale = rmin == rmax ? 1 : 255 / (rmax − rmin)
//   zp = rintf(clamp(the end whose rounding error is smaller: −128 − rmin·
//        scale or 127 − rmax·scale, −128, 127))
//   q = rintf(clamp(x·scale, −128 − zp, 127 − zp)) + zp; step = 1 / scale.
// asymmetric_quantize_inputs does not matter: XNNPACK is always asymmetric.
DynamicQuant QuantizeDynamicXnnpack(const float* x, int64_t n, int8_t* q);

// TFLite's AsymmetricQuantizeFloats (portable_tensor_utils.cc): the scale and
// zero point in double, the values as round_half_away(zp + x·f32(1/step)).
DynamicQuant QuantizeDynamicTflite(const float* x, int64_t n, int8_t* q);

// XNNPACK's (and TFLite's optimized depthwise) float result, each step a
// rounded float32 operation: ((f32(acc) · step) · w_scale) + bias, clamped.
inline float HybridOutput(int32_t acc, float step, float w_scale, float bias,
                          float lo, float hi) {
  float y = static_cast<float>(acc) * step;
  y = y * w_scale;
  y = y + bias;
  return ApplyFloatActivation(y, lo, hi);
}

// The int8 weights of a hybrid op: validated once, per-channel scales (one
// per output channel, the per-tensor scale repeated) and, for weights laid
// out [channels, depth], Σ_k w[c, k] for the zero-point correction.
class HybridWeights {
 public:
  // Fails unless the weights are quantized per-tensor, or per-channel along
  // `channel_dim`, with zero points 0. `require_constant`: XNNPACK packs the
  // weights once and TFLite leaves non-constant ones to kernels edgelite does
  // not mirror, so those are refused. depth > 0 computes the sums.
  Status Prepare(const OpContext& ctx, const ConvTensors& t, int32_t channels,
                 int channel_dim, bool require_constant, int64_t depth);
  const float* scales() const { return scales_.data(); }
  const int32_t* sums() const { return sums_.data(); }
  bool per_channel() const { return per_channel_; }

 private:
  std::vector<float> scales_;
  std::vector<int32_t> sums_;
  bool per_channel_ = false;
};

// TFLite's MultiplyByQuantizedMultiplier for a 64-bit accumulator (int16
// activations): the multiplier reduced to 15 bits with rounding, one
// rounding shift, the result truncated to int32 as TFLite's cast does.
inline int32_t MultiplyByQuantizedMultiplier64(int64_t x, int32_t multiplier,
                                               int shift) {
  const int64_t reduced = multiplier < 0x7FFF0000
                              ? (int64_t{multiplier} + (1 << 15)) >> 16
                              : 0x7FFF;
  const int total_shift = 15 - shift;
  const int64_t round = int64_t{1} << (total_shift - 1);
  // x fits in 48 bits for real int16 models; a hostile one may wrap, as the
  // int64 product in TFLite would (defined here through uint64).
  const uint64_t prod =
      static_cast<uint64_t>(x) * static_cast<uint64_t>(reduced) +
      static_cast<uint64_t>(round);
  const int64_t result = static_cast<int64_t>(prod) >> total_shift;
  return static_cast<int32_t>(static_cast<uint32_t>(result));
}

// Σ a[k]·b[k] modulo 2^32 (see the file comment). Products of two 8-bit
// values fit in int32; only the running sum may wrap. The kernel layer
// (src/kernels/dot8.h) has the SIMD paths and the reference they match.
template <typename T>
inline uint32_t DotModular(const T* a, const T* b, int64_t n) {
  uint32_t sum;
  kernels::DotModular8<T, 1>(a, b, n, &sum);
  return sum;
}

// Four of the above sharing a: sums[j] = Σ a[k]·b[j·n + k]. Reading `a` once
// for four weight rows is what makes small depths (1x1 convolutions with few
// input channels) fast.
template <typename T>
inline void DotModularX4(const T* a, const T* b, int64_t n, uint32_t* sums) {
  kernels::DotModular8<T, 4>(a, b, n, sums);
}

// Σ a[k] modulo 2^32 (src/kernels/sum8.h).
template <typename T>
inline uint32_t SumModular(const T* a, int64_t n) {
  return kernels::SumModular8(a, n);
}

// Out-of-line 8-bit dot product and sum for either signedness, for ops off
// the hot path (TRANSPOSE_CONV, BATCH_MATMUL, hybrid weight sums): one copy
// of each SIMD loop in the binary instead of one per inlined call site.
struct Dot8Fns {
  uint32_t (*dot)(const void* a, const void* b, int64_t n);
  uint32_t (*sum)(const void* a, int64_t n);
};
const Dot8Fns& Dot8For(bool is_signed);

// Four float dot products sharing x: sums[j] = Σ_k x[k]·w[j·n + k], each
// summed sequentially in k (TFLite's reference order, so the result does not
// depend on the blocking); four independent chains hide the add latency.
inline void DotF32x4(const float* x, const float* w, int64_t n, float* sums) {
  const float* w0 = w;
  const float* w1 = w + n;
  const float* w2 = w + 2 * n;
  const float* w3 = w + 3 * n;
  float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
  for (int64_t k = 0; k < n; ++k) {
    const float v = x[k];
    s0 += v * w0[k];
    s1 += v * w1[k];
    s2 += v * w2[k];
    s3 += v * w3[k];
  }
  sums[0] = s0;
  sums[1] = s1;
  sums[2] = s2;
  sums[3] = s3;
}

inline float DotF32(const float* x, const float* w, int64_t n) {
  float s = 0.0f;
  for (int64_t k = 0; k < n; ++k) s += x[k] * w[k];
  return s;
}

// out[c] = clamp(Σ_k x[k]·w[c·n + k] + bias[c]) for c in [0, channels): the
// float output of one row of CONV_2D or FULLY_CONNECTED.
void F32RowTimesWeights(const float* x, const float* w, const float* bias,
                        int64_t n, int32_t channels, float lo, float hi,
                        float* out);

}  // namespace edgelite

#endif  // EDGELITE_OPS_CONV_COMMON_H_
