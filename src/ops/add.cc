// ADD (and SUB, which shares this implementation: ops/sub.cc): out = act(a ±
// b) with NumPy broadcasting (up to rank 6, as TFLite's BroadcastAdd6DSlow).
//
// Types: float32; int32, int64 and non-quantized int16 (wrapping, clamped to
// the activation's integer bounds); int8 and uint8 (per-tensor quantized);
// quantized int16 (ADD v3 / SUB v5 general scales, or the power-of-two path).
// SUB has no non-quantized int16 in TFLite.
//
// Quantized int8/uint8, QuantArithmetic::kTflite. TFLite's XNNPACK delegate
// takes the node when both input/output scale ratios are in [2^-10, 2^8)
// (xnnpack_delegate.cc VisitAddNode/VisitSubNode, 1/1024 and 256; measured on
// LiteRT.js 2.5.3 and tfjs-tflite with exact half ties at ratios 2^-10/2^-11
// and 255/256). XNNPACK then computes (xnn_init_qs8_add_minmax_scalar_params
// and the qs8-vadd / qu8-vadd kernels; SUB passes -b_scale, i.e. the b
// multiplier negated — measured: SUB ties round up like ADD's):
//   a_mul = f32(a_scale) / f32(out_scale), b_mul likewise (float division)
//   shift = 20 - unbiased_exponent(max(a_mul, b_mul))        (in [12, 30])
//   a_m = lrintf(a_mul * 2^shift), b_m likewise (the scaling is an exact
//         exponent add, lrintf rounds half to even)
//   bias = 2^(shift-1) - a_m * a_zp - b_m * b_zp
//   out = ((bias + a * a_m + b * b_m) >> shift) + out_zp    (int32 lanes that
//         wrap, as XNNPACK's; arithmetic shift: rounds half up), clamped to
//         the activation range quantized the
//         XNNPACK way (lrintf(f / scale + zp), ActivationRangeXnnpack;
//         LiteRT.js measured — tfjs-tflite's older XNNPACK rounds 6/12 = 0.5
//         of a RELU6 bound up instead, the one place the two peers differ).
// Ratios outside that range make the delegate leave the node to TFLite's
// built-in kernel, so for those we compute the built-in arithmetic below.
//
// TFLite built-in / tflite-micro reference (kernels/add.cc, sub.cc, micro
// add_common.cc, reference/add.h AddElementwise), used for QuantArithmetic::
// kMicro always and for kTflite when XNNPACK would refuse the scales:
//   left_shift = 20 (15 for int16); twice_max = 2 * max(a_scale, b_scale)
//   a_mult/a_shift = QuantizeMultiplierSmallerThanOneExp(a_scale / twice_max)
//   (SUB: b_mult negated)
//   out_mult/out_shift = ...(twice_max / (2^left_shift * out_scale))
//   sa = MBQM((a - a_zp) << left_shift, a_mult, a_shift), sb likewise
//   out = MBQM(sa + sb, out_mult, out_shift) + out_zp, clamped to the TFLite
//         activation range (round half away, ActivationRangeTflite).
// MBQM = MultiplyByQuantizedMultiplier with a non-positive shift, i.e.
// MultiplyByQuantizedMultiplierSmallerThanOneExp.
//
// int16 (XNNPACK has no 16-bit add): with pot_scale_int16 (the default),
// zero points 0 and power-of-two scales (TFLite's CheckedLog2, within 1e-3),
// TFLite's Add16/Sub16: the input whose scale is smaller than the output's is
// divided by 2^shift rounding half away from zero, then a saturating int16
// add/subtract and the activation clamp. Otherwise the reference above with
// left_shift 15. tflite-micro has only the general int16 path (kMicro).
// TFLite's power-of-two ADD does not broadcast (LiteRT.js aborts; SUB's
// does, and matches edgelite): edgelite refuses that one configuration.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "core/quant.h"
#include "kernels/qadd8.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

// XNNPACK's fixed-point add (kernels/qadd8.h), with the parameters for the
// inputs exchanged too (rows where a is the broadcast one).
struct XnnpackAddParams {
  kernels::QAdd8Params k, swapped;
};

// Whether TFLite's XNNPACK delegate takes a quantized ADD/SUB: both
// input/output scale ratios in [2^-10, 2^8) (VisitAddNode / VisitSubNode).
bool XnnpackTakesAdd(float a_scale, float b_scale, float out_scale) {
  const float a_mul = a_scale / out_scale;
  const float b_mul = b_scale / out_scale;
  const float kMin = 1.0f / 1024.0f, kMax = 256.0f;
  return a_mul >= kMin && a_mul < kMax && b_mul >= kMin && b_mul < kMax;
}

Status PrepareXnnpackAdd(const OpContext& ctx, const Tensor& a, const Tensor& b,
                         const Tensor& out, Activation act, bool negate_b,
                         XnnpackAddParams* params) {
  kernels::QAdd8Params& p = params->k;
  const float a_mul = a.scale() / out.scale();
  const float b_mul = b.scale() / out.scale();
  const float max_mul = std::max(a_mul, b_mul);
  uint32_t bits = 0;
  std::memcpy(&bits, &max_mul, sizeof(bits));
  const int exponent = static_cast<int>(bits >> 23) - 127;
  p.shift = 20 - exponent;
  // a_mul * 2^shift is exact (an exponent add, as XNNPACK does on the bits);
  // lrintf rounds half to even. The multipliers stay below 2^22.
  p.a_multiplier =
      static_cast<int32_t>(std::lrintf(std::ldexp(a_mul, p.shift)));
  p.b_multiplier =
      static_cast<int32_t>(std::lrintf(std::ldexp(b_mul, p.shift)));
  if (negate_b) p.b_multiplier = -p.b_multiplier;
  // XNNPACK computes the bias in int32 (wrapping): so do we.
  p.bias = static_cast<int32_t>((uint32_t{1} << (p.shift - 1)) -
                                static_cast<uint32_t>(p.a_multiplier) *
                                    static_cast<uint32_t>(a.zero_point()) -
                                static_cast<uint32_t>(p.b_multiplier) *
                                    static_cast<uint32_t>(b.zero_point()));
  p.out_zp = out.zero_point();
  const Status s = ActivationRangeXnnpack(act, out.scale(), out.zero_point(),
                                          out.type, &p.qmin, &p.qmax);
  if (!s.ok()) return ctx.Error(s.code(), s.message());
  params->swapped = kernels::SwapInputs(p);
  return Status::Ok();
}

// One row of XNNPACK's add: contiguous, or one operand broadcast along it.
template <typename T>
void XnnpackAddRow(const void* params, const uint8_t* const* in,
                   const int64_t* step, uint8_t* out, int64_t n) {
  const XnnpackAddParams& p = *static_cast<const XnnpackAddParams*>(params);
  const T* a = reinterpret_cast<const T*>(in[0]);
  const T* b = reinterpret_cast<const T*>(in[1]);
  T* o = reinterpret_cast<T*>(out);
  if (step[0] == 1) {
    kernels::QAdd8(a, b, o, n, step[1], p.k);
  } else if (step[1] == 1) {
    kernels::QAdd8(b, a, o, n, 0, p.swapped);
  } else {  // both broadcast: a row of one element
    for (int64_t i = 0; i < n; ++i) {
      o[i] = static_cast<T>(kernels::QAdd8One(a[0], b[0], p.k));
    }
  }
}

template <bool kSub>
struct FloatAddSub {
  float lo, hi;
  float operator()(float a, float b) const {
    return ApplyFloatActivation(kSub ? a - b : a + b, lo, hi);
  }
};

// float rows: contiguous and broadcast-b rows as plain loops the compiler
// vectorizes (lane-wise IEEE adds: the same bits as the scalar loop; ADD is
// one of the hot ops built at -O3), anything else the generic strided row.
template <bool kSub>
void FloatAddSubRow(const void* params, const uint8_t* const* in,
                    const int64_t* step, uint8_t* out, int64_t n) {
  const FloatAddSub<kSub>& f = *static_cast<const FloatAddSub<kSub>*>(params);
  const float* a = reinterpret_cast<const float*>(in[0]);
  const float* b = reinterpret_cast<const float*>(in[1]);
  float* o = reinterpret_cast<float*>(out);
  if (step[0] == 1 && step[1] == 1) {
    for (int64_t i = 0; i < n; ++i) o[i] = f(a[i], b[i]);
  } else if (step[0] == 1 && step[1] == 0) {
    const float bv = b[0];
    for (int64_t i = 0; i < n; ++i) o[i] = f(a[i], bv);
  } else {
    BinaryRow<float, float, FloatAddSub<kSub>>(params, in, step, out, n);
  }
}

template <typename T, bool kSub>
struct IntAddSub : IntRange<T> {
  T operator()(T a, T b) const {
    return this->Clamp(kSub ? WrapSub(a, b) : WrapAdd(a, b));
  }
};

class AddSubOp final : public ElementwiseOp {
 public:
  explicit AddSubOp(bool subtract) : sub_(subtract) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    const Tensor& a = *ctx.input(0);
    const Tensor& b = *ctx.input(1);
    const Tensor& out = *ctx.output(0);
    const DataType type = a.type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type));
    const Activation act = ctx.options().binary.activation;
    const bool quantized =
        (a.quant && !a.quant->empty()) || (b.quant && !b.quant->empty());
    switch (type) {
      case DataType::kFloat32:
        EDGELITE_RETURN_IF_ERROR(FloatRange(ctx, act, &fadd_.lo, &fadd_.hi));
        fsub_.lo = fadd_.lo;
        fsub_.hi = fadd_.hi;
        if (sub_) {
          SetRow(&FloatAddSubRow<true>, &fsub_);
        } else {
          SetRow(&FloatAddSubRow<false>, &fadd_);
        }
        return Status::Ok();
      case DataType::kInt32:
        return PrepareInt<int32_t>(ctx, act, quantized, &i32_);
      case DataType::kInt64:
        return PrepareInt<int64_t>(ctx, act, quantized, &i64_);
      case DataType::kInt16:
        if (!quantized && !sub_)
          return PrepareInt<int16_t>(ctx, act, false, &i16_);
        return PrepareQuantized(ctx, a, b, out, act);
      case DataType::kInt8:
      case DataType::kUInt8:
        return PrepareQuantized(ctx, a, b, out, act);
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("%s of %s is not supported (float32, int32, int64, "
                      "int16, int8, uint8 are)",
                      sub_ ? "SUB" : "ADD", DataTypeName(type)));
    }
  }

 private:
  template <typename T>
  struct IntPair {
    IntAddSub<T, false> add{};
    IntAddSub<T, true> sub{};
  };

  template <typename T>
  Status PrepareInt(OpContext& ctx, Activation act, bool quantized,
                    IntPair<T>* p) {
    if (quantized) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("quantized %s %s is not supported (TFLite "
                    "only %s plain integers of this type)",
                    DataTypeName(ctx.input(0)->type), sub_ ? "SUB" : "ADD",
                    sub_ ? "subtracts" : "adds"));
    }
    EDGELITE_RETURN_IF_ERROR(MakeIntRange<T>(ctx, act, &p->add));
    p->sub.lo = p->add.lo;
    p->sub.hi = p->add.hi;
    if (sub_) {
      SetRow(SameTypeRow<T, IntAddSub<T, true>>(), &p->sub);
    } else {
      SetRow(SameTypeRow<T, IntAddSub<T, false>>(), &p->add);
    }
    return Status::Ok();
  }

  Status PrepareQuantized(OpContext& ctx, const Tensor& a, const Tensor& b,
                          const Tensor& out, Activation act) {
    EDGELITE_RETURN_IF_ERROR(RequireQuantized(ctx, 2));
    const DataType type = a.type;
    const bool micro = ctx.arithmetic() == QuantArithmetic::kMicro;
    if (type == DataType::kInt16) {
      bool pot = false;
      if (!micro) {
        EDGELITE_RETURN_IF_ERROR(
            PrepareInt16PotAdd(ctx, a, b, out, act, sub_, &pot, &pot_));
      }
      if (pot && !sub_ && a.shape != b.shape) {
        // TFLite's int16 power-of-two ADD has no broadcasting kernel: LiteRT.js
        // aborts (measured), so there is no answer to reproduce.
        return ctx.Error(
            StatusCode::kUnsupported,
            StrFormat("int16 ADD with power-of-two scales "
                      "(pot_scale_int16) of shapes %s and %s: "
                      "TFLite's kernel does not broadcast it (it "
                      "aborts)",
                      a.shape.ToString().c_str(), b.shape.ToString().c_str()));
      }
      if (pot) {
        SetRow(SameTypeRow<int16_t, Int16PotAddParams>(), &pot_);
        return Status::Ok();
      }
      EDGELITE_RETURN_IF_ERROR(
          PrepareTfliteAdd(ctx, a, b, out, act, sub_, 15, &ref_));
      SetRow(SameTypeRow<int16_t, TfliteAddParams>(), &ref_);
      return Status::Ok();
    }
    const bool uint8 = type == DataType::kUInt8;
    if (!micro && XnnpackTakesAdd(a.scale(), b.scale(), out.scale())) {
      EDGELITE_RETURN_IF_ERROR(
          PrepareXnnpackAdd(ctx, a, b, out, act, sub_, &xnn_));
      SetRow(uint8 ? &XnnpackAddRow<uint8_t> : &XnnpackAddRow<int8_t>, &xnn_);
      return Status::Ok();
    }
    EDGELITE_RETURN_IF_ERROR(
        PrepareTfliteAdd(ctx, a, b, out, act, sub_, 20, &ref_));
    SetRow(uint8 ? SameTypeRow<uint8_t, TfliteAddParams>()
                 : SameTypeRow<int8_t, TfliteAddParams>(),
           &ref_);
    return Status::Ok();
  }

  const bool sub_;
  FloatAddSub<false> fadd_{};
  FloatAddSub<true> fsub_{};
  IntPair<int32_t> i32_;
  IntPair<int64_t> i64_;
  IntPair<int16_t> i16_;
  XnnpackAddParams xnn_;
  TfliteAddParams ref_;
  Int16PotAddParams pot_;
};

}  // namespace

std::unique_ptr<Op> CreateAddSubOp(bool subtract) {
  return std::make_unique<AddSubOp>(subtract);
}

std::unique_ptr<Op> CreateAdd() { return CreateAddSubOp(false); }

}  // namespace edgelite
