// SQUARED_DIFFERENCE: out = (a - b)^2 with NumPy broadcasting (up to rank 6).
//
// float32: d = a - b, d * d (two rounded operations; TFLite's kernel and
// XNNPACK's agree). int32: the same, wrapping.
//
// int8 (per-tensor; TFLite's built-in kernel — measured on LiteRT.js 2.5.3
// and tfjs-tflite: with (a - b)^2 / out_scale landing on 0.5, 4.5, 12.5,
// 24.5 the outputs round half away from zero, not XNNPACK's half-to-even;
// uint8 is not a TFLite type for this op):
//   left_shift = 7; twice_max = 2 * max(a_scale, b_scale)
//   a_m, a_shift = QuantizeMultiplierSmallerThanOneExp(a_scale / twice_max)
//   (b likewise); out_m, out_shift = ...(twice_max^2 / (2^14 * out_scale))
//   d = MBQM((a - a_zp) << 7, a_m, a_shift) - MBQM((b - b_zp) << 7, …)
//   out = MBQM(d * d, out_m, out_shift) + out_zp, clamped to [-128, 127]
//   (MBQM with a non-positive shift: MultiplyByQuantizedMultiplier-
//   SmallerThanOneExp). No activation.
// QuantArithmetic::kMicro: tflite-micro's squared_difference.cc is the same.
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct FloatSquaredDiff {
  float operator()(float a, float b) const {
    const float d = a - b;
    return d * d;
  }
};

struct Int32SquaredDiff {
  int32_t operator()(int32_t a, int32_t b) const {
    const int32_t d = WrapSub(a, b);
    return WrapMul(d, d);
  }
};

struct QuantSquaredDiff {
  int32_t a_offset = 0, b_offset = 0, out_offset = 0;
  int32_t a_m = 0, b_m = 0, out_m = 0;
  int a_shift = 0, b_shift = 0, out_shift = 0;

  int32_t operator()(int32_t a, int32_t b) const {
    const int32_t sa =
        MultiplyByQuantizedMultiplier((a + a_offset) * 128, a_m, a_shift);
    const int32_t sb =
        MultiplyByQuantizedMultiplier((b + b_offset) * 128, b_m, b_shift);
    const int32_t d = sa - sb;
    const int32_t out =
        MultiplyByQuantizedMultiplier(d * d, out_m, out_shift) + out_offset;
    return std::min(std::max(out, int32_t{-128}), int32_t{127});
  }
};

// QuantizeMultiplierSmallerThanOneExp's domain: 0 < m < 1.
bool SmallerThanOne(double m, int32_t* q, int* shift) {
  if (!(m > 0.0 && m < 1.0)) return false;
  QuantizeMultiplier(m, q, shift);
  return *shift <= 0;
}

class SquaredDifferenceOp final : public ElementwiseOp {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    const DataType type = ctx.input(0)->type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type));
    switch (type) {
      case DataType::kFloat32:
        SetRow(SameTypeRow<float, FloatSquaredDiff>(), this);
        return Status::Ok();
      case DataType::kInt32:
        SetRow(SameTypeRow<int32_t, Int32SquaredDiff>(), this);
        return Status::Ok();
      case DataType::kInt8:
        break;
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("SQUARED_DIFFERENCE of %s is not "
                                        "supported (float32, int32, int8 are)",
                                        DataTypeName(type)));
    }
    EDGELITE_RETURN_IF_ERROR(RequireQuantized(ctx, 2));
    const Tensor& a = *ctx.input(0);
    const Tensor& b = *ctx.input(1);
    const Tensor& out = *ctx.output(0);
    const double twice_max =
        2.0 * static_cast<double>(std::max(a.scale(), b.scale()));
    const double real_a = static_cast<double>(a.scale()) / twice_max;
    const double real_b = static_cast<double>(b.scale()) / twice_max;
    const double real_out =
        twice_max * twice_max / (16384.0 * static_cast<double>(out.scale()));
    if (!SmallerThanOne(real_a, &q_.a_m, &q_.a_shift) ||
        !SmallerThanOne(real_b, &q_.b_m, &q_.b_shift) ||
        !SmallerThanOne(real_out, &q_.out_m, &q_.out_shift)) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("input scales %g, %g vs output scale %g: the output "
                    "multiplier %g is not below 1, which TFLite's int8 "
                    "SQUARED_DIFFERENCE cannot represent",
                    static_cast<double>(a.scale()),
                    static_cast<double>(b.scale()),
                    static_cast<double>(out.scale()), real_out));
    }
    q_.a_offset = -a.zero_point();
    q_.b_offset = -b.zero_point();
    q_.out_offset = out.zero_point();
    SetRow(SameTypeRow<int8_t, QuantSquaredDiff>(), &q_);
    return Status::Ok();
  }

 private:
  QuantSquaredDiff q_;
};

}  // namespace

std::unique_ptr<Op> CreateSquaredDifference() {
  return std::make_unique<SquaredDifferenceOp>();
}

}  // namespace edgelite
