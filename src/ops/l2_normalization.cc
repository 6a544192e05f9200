// L2_NORMALIZATION along the last dimension: out = x / max(‖x‖₂, 1e-6) for
// every row of D = the last dimension's values (TFLite kernels/l2norm.cc,
// rank ≤ 4, no fused activation).
//
// float32: Σ x² in float32 in order, sqrtf, max with 1e-6, one division per
// value (reference_ops / optimized_ops L2Normalization, the same arithmetic).
//
// Quantized (TFLite's built-in kernels: XNNPACK has no L2 normalization;
// tflite-micro runs the same reference code, so kMicro is identical). The
// output scale is fixed to 1/128 (zero point 0 for int8, 128 for uint8):
//   acc = Σ (x − x_zp)² in int32
//   (m, s) = GetInvSqrtQuantizedMultiplierExp(acc): 1/√acc as a Q0.31
//            multiplier and a right shift, by Newton-Raphson in gemmlowp fixed
//            point (acc ≤ 1 gives INT32_MAX, shift 0)
//   int8:  y = clamp(MultiplyByQuantizedMultiplier(x − x_zp, m, 7 − s))
//   uint8: y = clamp(128 + RoundingDivideByPOT(
//                SaturatingRoundingDoublingHighMul(128·(x − x_zp), m), s))
// MultiplyByQuantizedMultiplier is the double-rounding one (what LiteRT.js
// runs, measured on BATCH_MATMUL).
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

// gemmlowp fixed point with `bits` integer bits: a product of two values adds
// their integer bits; Rescale moves a raw value to fewer integer bits.
int32_t RescaleFixed(int32_t raw, int from_bits, int to_bits) {
  return SaturatingRoundingMultiplyByPOT(raw, from_bits - to_bits);
}

// TFLite's GetInvSqrtQuantizedMultiplierExp with reverse_shift = -1: returns
// the multiplier and stores the (non-positive) left shift.
int32_t InvSqrtMultiplier(int32_t input, int* left_shift) {
  if (input <= 1) {
    *left_shift = 0;
    return INT32_MAX;
  }
  int shift = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++shift;
  }
  int leading_zeros = 0;
  for (uint32_t v = static_cast<uint32_t>(input); (v & 0x80000000u) == 0;
       v <<= 1) {
    ++leading_zeros;
  }
  const int left_shift_bit_pairs = (leading_zeros - 1) / 2 - 1;
  shift -= left_shift_bit_pairs;
  input <<= 2 * left_shift_bit_pairs;
  // Newton-Raphson for 1/√input with 3 integer bits (F3), from x = 1.
  const int32_t half_input = RoundingDivideByPOT(input >> 1, 1);  // F3
  const int32_t half_three = (1 << 28) + (1 << 27);               // F3 1.5
  int32_t x = 1 << 28;                                            // F3 1.0
  for (int i = 0; i < 5; ++i) {
    const int32_t x2 = SaturatingRoundingDoublingHighMul(x, x);  // F6
    const int32_t x3 =
        RescaleFixed(SaturatingRoundingDoublingHighMul(x2, x), 9, 3);     // F3
    const int32_t a = SaturatingRoundingDoublingHighMul(half_three, x);   // F6
    const int32_t b = SaturatingRoundingDoublingHighMul(half_input, x3);  // F6
    // gemmlowp subtracts raw values without saturation.
    const int32_t diff = static_cast<int32_t>(static_cast<uint32_t>(a) -
                                              static_cast<uint32_t>(b));
    x = RescaleFixed(diff, 6, 3);
  }
  // × √2/2 (F0 1518500250): F3 · F0 = F3.
  int32_t result = SaturatingRoundingDoublingHighMul(x, 1518500250);
  if (shift < 0) {
    result = static_cast<int32_t>(static_cast<uint32_t>(result) << -shift);
    shift = 0;
  }
  *left_shift = -shift;
  return result;
}

class L2NormalizationOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 1, 4));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    if (ctx.options().l2norm.activation != Activation::kNone) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("fused activation %s is not allowed (TFLite's kernel "
                    "supports none)",
                    ActivationName(ctx.options().l2norm.activation)));
    }
    const Tensor* out = ctx.output(0);
    type_ = in->type;
    switch (type_) {
      case DataType::kFloat32:
        break;
      case DataType::kInt8:
      case DataType::kUInt8: {
        EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, in, true, 0));
        EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, out, false, 0));
        const int32_t want_zp = type_ == DataType::kInt8 ? 0 : 128;
        if (out->scale() != 1.0f / 128.0f || out->zero_point() != want_zp) {
          return ctx.OutputError(
              StatusCode::kInvalidModel, 0,
              StrFormat("%s output must have scale 1/128 and zero point %d, "
                        "got %g and %d",
                        DataTypeName(type_), want_zp,
                        static_cast<double>(out->scale()), out->zero_point()));
        }
        in_zp_ = in->zero_point();
        break;
      }
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("type %s is not supported (float32, "
                                        "int8, uint8)",
                                        DataTypeName(type_)));
    }
    const Shape& s = in->shape;
    depth_ = s[s.rank - 1];
    rows_ = depth_ > 0 ? in->NumElements() / depth_ : 0;
    return ctx.SetOutputShape(0, s);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    switch (type_) {
      case DataType::kFloat32:
        EvalFloat(in->Data<float>(), out->MutableData<float>());
        break;
      case DataType::kInt8:
        EvalQuantized(in->Data<int8_t>(), out->MutableData<int8_t>());
        break;
      case DataType::kUInt8:
        EvalQuantized(in->Data<uint8_t>(), out->MutableData<uint8_t>());
        break;
      default:
        break;
    }
    return Status::Ok();
  }

 private:
  void EvalFloat(const float* in, float* out) const {
    for (int64_t r = 0; r < rows_; ++r) {
      const float* x = in + r * depth_;
      float sum = 0.0f;
      for (int64_t c = 0; c < depth_; ++c) sum += x[c] * x[c];
      float norm = std::sqrt(sum);
      norm = norm > 1e-6f ? norm : 1e-6f;
      for (int64_t c = 0; c < depth_; ++c) out[r * depth_ + c] = x[c] / norm;
    }
  }

  template <typename T>
  void EvalQuantized(const T* in, T* out) const {
    const bool is_int8 = type_ == DataType::kInt8;
    for (int64_t r = 0; r < rows_; ++r) {
      const T* x = in + r * depth_;
      // Wraps like TFLite's int32 sum for absurdly long rows (> 33025).
      uint32_t acc = 0;
      for (int64_t c = 0; c < depth_; ++c) {
        const int32_t d = int32_t{x[c]} - in_zp_;
        acc += static_cast<uint32_t>(d * d);
      }
      int left_shift = 0;
      const int32_t m =
          InvSqrtMultiplier(static_cast<int32_t>(acc), &left_shift);
      for (int64_t c = 0; c < depth_; ++c) {
        const int32_t d = int32_t{x[c]} - in_zp_;
        int32_t y;
        if (is_int8) {
          y = MultiplyByQuantizedMultiplier(d, m, left_shift + 7);
          y = y < -128 ? -128 : (y > 127 ? 127 : y);
        } else {
          y = 128 +
              RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(128 * d, m),
                                  -left_shift);
          y = y < 0 ? 0 : (y > 255 ? 255 : y);
        }
        out[r * depth_ + c] = static_cast<T>(y);
      }
    }
  }

  DataType type_ = DataType::kFloat32;
  int32_t in_zp_ = 0;
  int64_t depth_ = 0, rows_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateL2Normalization() {
  return std::make_unique<L2NormalizationOp>();
}

}  // namespace edgelite
