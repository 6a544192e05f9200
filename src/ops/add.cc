// ADD: out = act(a + b) with NumPy broadcasting (up to rank 6, as TFLite's
// BroadcastAdd6DSlow; equal shapes of any rank take a flat loop).
//
// Types: float32, int32 (no quantization), int8 and uint8 (per-tensor
// quantized; both inputs and the output share the type). int16 and int64 are
// valid TFLite but rejected with kUnsupported.
//
// Quantized arithmetic, QuantArithmetic::kTflite. TFLite's XNNPACK delegate
// takes the node when both input/output scale ratios are in [2^-10, 2^8)
// (xnnpack_delegate.cc VisitAddNode: CheckTensorsInputOutputScale with
// 1/1024 and 256). XNNPACK then computes (xnn_init_qs8_add_minmax_scalar_params
// and the qs8-vadd / qu8-vadd scalar kernels):
//   a_mul = f32(a_scale) / f32(out_scale), b_mul likewise (float division)
//   shift = 20 - unbiased_exponent(max(a_mul, b_mul))        (in [12, 30])
//   a_m = lrintf(a_mul * 2^shift), b_m likewise (the scaling is an exact
//         exponent add, lrintf rounds half to even)
//   bias = 2^(shift-1) - a_m * a_zp - b_m * b_zp
//   out = ((bias + a * a_m + b * b_m) >> shift) + out_zp    (arithmetic shift:
//         rounds half up), clamped to the activation range quantized the
//         XNNPACK way (lrintf(f / scale + zp), ActivationRangeXnnpack).
// Ratios outside that range make the delegate leave the node to TFLite's
// built-in kernel, so for those we compute the built-in arithmetic below.
//
// TFLite built-in / tflite-micro reference (kernels/add.cc, micro
// add_common.cc, reference/add.h AddElementwise), used for QuantArithmetic::
// kMicro always and for kTflite when XNNPACK would refuse the scales:
//   left_shift = 20; twice_max = 2 * max(a_scale, b_scale) (double)
//   a_mult/a_shift = QuantizeMultiplierSmallerThanOneExp(a_scale / twice_max)
//   out_mult/out_shift = ...(twice_max / (2^20 * out_scale))
//   sa = MBQM((a - a_zp) << 20, a_mult, a_shift), sb likewise
//   out = MBQM(sa + sb, out_mult, out_shift) + out_zp, clamped to the TFLite
//         activation range (round half away, ActivationRangeTflite).
// MBQM = MultiplyByQuantizedMultiplier with a non-positive shift, i.e.
// MultiplyByQuantizedMultiplierSmallerThanOneExp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

constexpr int kMaxBroadcastRank = 6;

// Parameters of XNNPACK's fixed-point add.
struct XnnpackAddParams {
  int64_t a_multiplier = 0;
  int64_t b_multiplier = 0;
  int64_t bias = 0;  // rounding - a_m * a_zp - b_m * b_zp
  int shift = 0;
  int32_t out_zp = 0;
  int32_t qmin = 0, qmax = 0;

  int32_t operator()(int32_t a, int32_t b) const {
    const int64_t acc = bias + a * a_multiplier + b * b_multiplier;
    // >> on a negative int64 is an arithmetic shift with GCC/Clang (and
    // defined so since C++20): floor division, i.e. ties round up.
    int64_t out = (acc >> shift) + out_zp;
    out = std::min<int64_t>(std::max<int64_t>(out, qmin), qmax);
    return static_cast<int32_t>(out);
  }
};

// Parameters of TFLite's reference integer add.
struct TfliteAddParams {
  int32_t a_offset = 0, b_offset = 0, out_offset = 0;
  int left_shift = 20;
  int32_t a_multiplier = 0, b_multiplier = 0, out_multiplier = 0;
  int a_shift = 0, b_shift = 0, out_shift = 0;
  int32_t qmin = 0, qmax = 0;

  int32_t operator()(int32_t a, int32_t b) const {
    const int32_t sa = MultiplyByQuantizedMultiplier(
        (a + a_offset) * (int32_t{1} << left_shift), a_multiplier, a_shift);
    const int32_t sb = MultiplyByQuantizedMultiplier(
        (b + b_offset) * (int32_t{1} << left_shift), b_multiplier, b_shift);
    const int32_t out =
        MultiplyByQuantizedMultiplier(sa + sb, out_multiplier, out_shift) +
        out_offset;
    return std::min(std::max(out, qmin), qmax);
  }
};

// TFLite's QuantizeMultiplierSmallerThanOneExp: requires 0 < m < 1 and a
// resulting shift <= 0 (TFLite aborts otherwise; we report it).
bool QuantizeSmallerThanOne(double m, int32_t* multiplier, int* shift) {
  if (!(m > 0.0 && m < 1.0)) return false;
  QuantizeMultiplier(m, multiplier, shift);
  return *shift <= 0;
}

class AddOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* a = nullptr;
    const Tensor* b = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &a));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &b));
    Tensor* out = ctx.output(0);
    type_ = a->type;
    switch (type_) {
      case DataType::kFloat32:
      case DataType::kInt32:
      case DataType::kInt8:
      case DataType::kUInt8:
        break;
      case DataType::kInt16:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              "int16 ADD is not supported yet");
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("ADD of %s is not supported (float32, int32, int8, "
                      "uint8 are)",
                      DataTypeName(type_)));
    }
    if (b->type != type_) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("type %s differs from input 0 type %s",
                    DataTypeName(b->type), DataTypeName(type_)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));

    EDGELITE_RETURN_IF_ERROR(PrepareShapes(ctx, *a, *b));

    const Activation act = ctx.options().binary.activation;
    switch (type_) {
      case DataType::kFloat32: {
        const Status s = ActivationRangeFloat(act, &f_lo_, &f_hi_);
        if (!s.ok()) return ctx.Error(s.code(), s.message());
        return Status::Ok();
      }
      case DataType::kInt32:
        return PrepareInt32(ctx, act);
      default:
        return PrepareQuantized(ctx, *a, *b, *out, act);
    }
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* a = ctx.input(0);
    const Tensor* b = ctx.input(1);
    Tensor* out = ctx.output(0);
    switch (type_) {
      case DataType::kFloat32: {
        const float lo = f_lo_, hi = f_hi_;
        Run<float>(a, b, out, [lo, hi](float x, float y) {
          return ApplyFloatActivation(x + y, lo, hi);
        });
        break;
      }
      case DataType::kInt32: {
        const int32_t lo = i_lo_, hi = i_hi_;
        Run<int32_t>(a, b, out, [lo, hi](int32_t x, int32_t y) {
          // Wrapping add (TFLite's plain int add, without the UB).
          const int32_t sum = static_cast<int32_t>(static_cast<uint32_t>(x) +
                                                   static_cast<uint32_t>(y));
          return std::min(std::max(sum, lo), hi);
        });
        break;
      }
      case DataType::kInt8:
        RunQuantized<int8_t>(a, b, out);
        break;
      case DataType::kUInt8:
        RunQuantized<uint8_t>(a, b, out);
        break;
      default:
        return ctx.Error(StatusCode::kRuntimeError, "ADD was not prepared");
    }
    return Status::Ok();
  }

 private:
  Status PrepareShapes(OpContext& ctx, const Tensor& a, const Tensor& b) {
    same_shape_ = a.shape == b.shape;
    if (same_shape_) return ctx.SetOutputShape(0, a.shape);
    Shape out_shape;
    EDGELITE_RETURN_IF_ERROR(
        BroadcastShapes(ctx, a.shape, b.shape, &out_shape));
    if (out_shape.rank > kMaxBroadcastRank) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("broadcasting %s with %s needs rank %d; at most %d is "
                    "supported",
                    a.shape.ToString().c_str(), b.shape.ToString().c_str(),
                    out_shape.rank, kMaxBroadcastRank));
    }
    // Right-align both shapes in 6 dims; a broadcast dim gets stride 0.
    const int pad = kMaxBroadcastRank - out_shape.rank;
    auto strides = [&](const Shape& s, int64_t* st) {
      int64_t stride = 1;
      for (int d = kMaxBroadcastRank - 1; d >= 0; --d) {
        const int sd = d - (kMaxBroadcastRank - s.rank);
        const int32_t dim = sd >= 0 ? s.dims[sd] : 1;
        st[d] = dim == 1 ? 0 : stride;
        stride *= dim;
      }
    };
    for (int d = 0; d < kMaxBroadcastRank; ++d) {
      out_dims_[d] = d < pad ? 1 : out_shape.dims[d - pad];
    }
    strides(a.shape, a_strides_);
    strides(b.shape, b_strides_);
    return ctx.SetOutputShape(0, out_shape);
  }

  Status PrepareInt32(OpContext& ctx, Activation act) {
    const Tensor* a = ctx.input(0);
    const Tensor* b = ctx.input(1);
    if ((a->quant && !a->quant->empty()) || (b->quant && !b->quant->empty())) {
      return ctx.Error(StatusCode::kUnsupported,
                       "quantized int32 ADD is not supported (TFLite only "
                       "adds plain int32)");
    }
    float lo = 0.0f, hi = 0.0f;
    const Status s = ActivationRangeFloat(act, &lo, &hi);
    if (!s.ok()) return ctx.Error(s.code(), s.message());
    // TFLite CalculateActivationRange<int32_t>: the float bounds as ints.
    i_lo_ = std::isinf(lo) ? INT32_MIN : static_cast<int32_t>(lo);
    i_hi_ = std::isinf(hi) ? INT32_MAX : static_cast<int32_t>(hi);
    return Status::Ok();
  }

  Status PrepareQuantized(OpContext& ctx, const Tensor& a, const Tensor& b,
                          const Tensor& out, Activation act) {
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, &a, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, &b, true, 1));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, &out, false, 0));
    const float a_scale = a.scale(), b_scale = b.scale();
    const float out_scale = out.scale();
    const int32_t a_zp = a.zero_point(), b_zp = b.zero_point();
    const int32_t out_zp = out.zero_point();

    // What XNNPACK would be handed, and whether the delegate takes it.
    const float a_mul = a_scale / out_scale;
    const float b_mul = b_scale / out_scale;
    const float kMinRatio = 1.0f / 1024.0f, kMaxRatio = 256.0f;
    const bool xnnpack_ok = a_mul >= kMinRatio && a_mul < kMaxRatio &&
                            b_mul >= kMinRatio && b_mul < kMaxRatio;
    use_xnnpack_ = ctx.arithmetic() == QuantArithmetic::kTflite && xnnpack_ok;

    if (use_xnnpack_) {
      XnnpackAddParams& p = xnn_;
      const float max_mul = std::max(a_mul, b_mul);
      uint32_t bits = 0;
      std::memcpy(&bits, &max_mul, sizeof(bits));
      const int exponent = static_cast<int>(bits >> 23) - 127;
      p.shift = 20 - exponent;
      // a_mul * 2^shift is exact (an exponent add, as XNNPACK does on the
      // bits); lrintf rounds half to even.
      p.a_multiplier = std::lrintf(std::ldexp(a_mul, p.shift));
      p.b_multiplier = std::lrintf(std::ldexp(b_mul, p.shift));
      p.bias = (int64_t{1} << (p.shift - 1)) - p.a_multiplier * a_zp -
               p.b_multiplier * b_zp;
      p.out_zp = out_zp;
      const Status s = ActivationRangeXnnpack(act, out_scale, out_zp, type_,
                                              &p.qmin, &p.qmax);
      if (!s.ok()) return ctx.Error(s.code(), s.message());
      return Status::Ok();
    }

    TfliteAddParams& p = ref_;
    p.a_offset = -a_zp;
    p.b_offset = -b_zp;
    p.out_offset = out_zp;
    p.left_shift = 20;
    const double twice_max =
        2.0 * static_cast<double>(std::max(a_scale, b_scale));
    const double real_a = static_cast<double>(a_scale) / twice_max;
    const double real_b = static_cast<double>(b_scale) / twice_max;
    const double real_out =
        twice_max / ((1 << p.left_shift) * static_cast<double>(out_scale));
    if (!QuantizeSmallerThanOne(real_a, &p.a_multiplier, &p.a_shift) ||
        !QuantizeSmallerThanOne(real_b, &p.b_multiplier, &p.b_shift) ||
        !QuantizeSmallerThanOne(real_out, &p.out_multiplier, &p.out_shift)) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("input scales %g, %g vs output scale %g: the output "
                    "multiplier %g is not below 1, which TFLite's integer ADD "
                    "cannot represent",
                    static_cast<double>(a_scale), static_cast<double>(b_scale),
                    static_cast<double>(out_scale), real_out));
    }
    const Status s =
        ActivationRangeTflite(act, out_scale, out_zp, type_, &p.qmin, &p.qmax);
    if (!s.ok()) return ctx.Error(s.code(), s.message());
    return Status::Ok();
  }

  template <typename T>
  void RunQuantized(const Tensor* a, const Tensor* b, Tensor* out) {
    if (use_xnnpack_) {
      const XnnpackAddParams p = xnn_;
      Run<T>(a, b, out, [p](T x, T y) { return static_cast<T>(p(x, y)); });
    } else {
      const TfliteAddParams p = ref_;
      Run<T>(a, b, out, [p](T x, T y) { return static_cast<T>(p(x, y)); });
    }
  }

  template <typename T, typename F>
  void Run(const Tensor* a, const Tensor* b, Tensor* out, F f) const {
    const T* pa = a->Data<T>();
    const T* pb = b->Data<T>();
    T* po = out->MutableData<T>();
    if (same_shape_) {
      const int64_t n = out->NumElements();
      for (int64_t i = 0; i < n; ++i) po[i] = f(pa[i], pb[i]);
      return;
    }
    const int32_t* d = out_dims_;
    const int64_t* as = a_strides_;
    const int64_t* bs = b_strides_;
    for (int32_t i0 = 0; i0 < d[0]; ++i0) {
      for (int32_t i1 = 0; i1 < d[1]; ++i1) {
        for (int32_t i2 = 0; i2 < d[2]; ++i2) {
          for (int32_t i3 = 0; i3 < d[3]; ++i3) {
            for (int32_t i4 = 0; i4 < d[4]; ++i4) {
              const T* ra = pa + i0 * as[0] + i1 * as[1] + i2 * as[2] +
                            i3 * as[3] + i4 * as[4];
              const T* rb = pb + i0 * bs[0] + i1 * bs[1] + i2 * bs[2] +
                            i3 * bs[3] + i4 * bs[4];
              const int64_t sa = as[5], sb = bs[5];
              for (int32_t i5 = 0; i5 < d[5]; ++i5) {
                *po++ = f(ra[i5 * sa], rb[i5 * sb]);
              }
            }
          }
        }
      }
    }
  }

  DataType type_ = DataType::kFloat32;
  bool same_shape_ = true;
  int32_t out_dims_[kMaxBroadcastRank] = {};
  int64_t a_strides_[kMaxBroadcastRank] = {};
  int64_t b_strides_[kMaxBroadcastRank] = {};
  float f_lo_ = 0.0f, f_hi_ = 0.0f;
  int32_t i_lo_ = 0, i_hi_ = 0;
  bool use_xnnpack_ = false;
  XnnpackAddParams xnn_;
  TfliteAddParams ref_;
};

}  // namespace

std::unique_ptr<Op> CreateAdd() { return std::make_unique<AddOp>(); }

}  // namespace edgelite
