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

enum class ConvKind : int8_t { kFloat32, kInt8, kUInt8 };

struct ConvTensors {
  const Tensor* input = nullptr;
  const Tensor* filter = nullptr;
  const Tensor* bias = nullptr;  // nullptr when absent
  const Tensor* output = nullptr;
};

// Checks the dtype combination: float32/float32(/float32 bias), int8/int8
// (/int32 bias), uint8/uint8(/int32 bias). Hybrid (float input, quantized
// weights), float16 weights and int16 activations are valid TFLite that
// edgelite does not run yet: kUnsupported naming the combination.
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
                 Activation activation, bool builtin_kernel = false);

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
