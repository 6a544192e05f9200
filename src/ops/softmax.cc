// SOFTMAX over the last axis (rank >= 1), with SoftmaxOptions.beta.
//
// float32 (TFLite reference_ops::Softmax): per row, m = max;
//   e_i = exp((x_i - m) * beta); sum in order; y_i = e_i / sum.
//
// int8 -> int8 and uint8 -> uint8 (per-tensor quantized). TFLite requires the
// int8 output to be zero point -128 and scale 1/256 (within 0.001/256,
// activations.cc SoftmaxPrepare), else kInvalidModel. TFLite does not check a
// uint8 output, but both arithmetics below assume zero point 0 and scale
// 1/256, so other uint8 outputs are kUnsupported.
//
// QuantArithmetic::kTflite: TFLite's optimized float-table kernel as built
// for x86 and wasm (optimized_ops.h PopulateSoftmaxLookupTable + Softmax; the
// aarch64 build defines TFLITE_SOFTMAX_USE_UINT16_LUT and computes int8
// differently):
//   table[255 - v] = expf(f32(-in_scale * beta) * v)          for v in 0..255
//   per row: m = max(x); t = table + 255 - m
//   sum = t[x_0] + t[x_1] + ...                  (float32, in order)
//   inv = 1.0f / (sum * out_scale)
//   int8:  y = (int)round_half_away(t[x] * inv) + out_zp, clamped
//   uint8: y = (int)(t[x] * inv + 0.5f), clamped  (QuantizeSoftmaxOutput's
//          non-aarch64 uint8 specialization: add and truncate, zp ignored)
//
// QuantArithmetic::kMicro: tflite-micro's fixed-point kernel
// (reference/softmax.h Softmax with softmax_common.cc CalculateSoftmaxParams):
//   mult, left_shift = QuantizeMultiplierGreaterThanOne(
//                          min(beta * in_scale * 2^26, 2^31 - 1))
//   diff_min = -CalculateInputRadius(5, left_shift)
//   per row: d = x - max; skipped (output qmin) when d < diff_min
//   e = ExpOnNegativeValues(SRDHM(d << left_shift, mult), Q5.26) -> Q0.31
//   sum = sum(RoundingDivideByPOT(e, 12))                        (Q12.19)
//   recip, bits = GetReciprocal(sum, 12)
//   y = RoundingDivideByPOT(SRDHM(recip, e), bits + 31 - 8) + qmin, clamped
// The row sum is a Q12.19 int32, so rows longer than 4095 could overflow it;
// those are kUnsupported in kMicro. Rows whose exp-sum reaches 512 make the
// final shift exceed 31 (undefined in gemmlowp); we return the exact 0 there.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

constexpr int kScaledDiffIntegerBits = 5;
constexpr int kAccumulationIntegerBits = 12;
constexpr int64_t kMaxMicroRowLength = 4095;

class SoftmaxOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    type_ = in->type;
    if (type_ != DataType::kFloat32 && type_ != DataType::kInt8 &&
        type_ != DataType::kUInt8) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("SOFTMAX of %s is not supported (float32, int8, uint8 "
                    "are)",
                    DataTypeName(type_)));
    }
    const Tensor* out = ctx.output(0);
    if (out->type != type_) {
      return ctx.OutputError(
          StatusCode::kUnsupported, 0,
          StrFormat("SOFTMAX from %s to %s is not supported (the output type "
                    "must match the input)",
                    DataTypeName(type_), DataTypeName(out->type)));
    }
    if (in->shape.rank < 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            "SOFTMAX needs rank >= 1, got a scalar");
    }
    depth_ = in->shape.dims[in->shape.rank - 1];
    rows_ = depth_ == 0 ? 0 : in->NumElements() / depth_;
    beta_ = ctx.options().softmax.beta;
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, in->shape));
    if (type_ == DataType::kFloat32) return Status::Ok();
    return PrepareQuantized(ctx, *in, *out);
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
        return ctx.Error(StatusCode::kRuntimeError, "SOFTMAX was not prepared");
    }
    return Status::Ok();
  }

 private:
  Status PrepareQuantized(OpContext& ctx, const Tensor& in, const Tensor& out) {
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, &in, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, &out, false, 0));
    qmin_ = QMin(type_);
    qmax_ = QMax(type_);
    out_zp_ = out.zero_point();
    out_scale_ = out.scale();
    const float in_scale = in.scale();
    const bool scale_ok =
        std::fabs(out_scale_ - 1.0f / 256) <= 0.001f * 1.0f / 256;
    if (out_zp_ != qmin_ || !scale_ok) {
      // TFLite rejects such an int8 model; a uint8 one it would run, but we
      // do not.
      const StatusCode code = type_ == DataType::kInt8
                                  ? StatusCode::kInvalidModel
                                  : StatusCode::kUnsupported;
      return ctx.OutputError(
          code, 0,
          StrFormat("%s SOFTMAX output must have zero point %d and scale "
                    "1/256 (0.00390625), got zero point %d and scale %.9g",
                    DataTypeName(type_), qmin_, out_zp_,
                    static_cast<double>(out_scale_)));
    }

    micro_ = ctx.arithmetic() == QuantArithmetic::kMicro;
    if (!micro_) {
      const float scale = -in_scale * beta_;
      for (int32_t v = 0; v <= 255; ++v) {
        table_[255 - v] = std::exp(scale * static_cast<float>(v));
      }
      return Status::Ok();
    }

    if (depth_ > kMaxMicroRowLength) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("rows of %d elements overflow the fixed-point softmax "
                    "sum (at most %lld)",
                    depth_, static_cast<long long>(kMaxMicroRowLength)));
    }
    // PreprocessSoftmaxScaling (double-rounding build).
    const double real = std::min<double>(
        static_cast<double>(beta_) * static_cast<double>(in_scale) *
            static_cast<double>(1 << (31 - kScaledDiffIntegerBits)),
        static_cast<double>((int64_t{1} << 31) - 1));
    if (!(real > 1.0)) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat(
              "beta * input scale = %g is too small for the fixed-point "
              "softmax (needs > 2^-26)",
              static_cast<double>(beta_) * static_cast<double>(in_scale)));
    }
    QuantizeMultiplier(real, &input_multiplier_, &input_left_shift_);
    diff_min_ =
        -CalculateInputRadius(kScaledDiffIntegerBits, input_left_shift_);
    return Status::Ok();
  }

  void EvalFloat(const float* x, float* y) const {
    for (int64_t r = 0; r < rows_; ++r, x += depth_, y += depth_) {
      float m = x[0];
      for (int32_t i = 1; i < depth_; ++i) m = std::max(m, x[i]);
      float sum = 0.0f;
      for (int32_t i = 0; i < depth_; ++i) {
        y[i] = std::exp((x[i] - m) * beta_);
        sum += y[i];
      }
      for (int32_t i = 0; i < depth_; ++i) y[i] = y[i] / sum;
    }
  }

  template <typename T>
  void EvalQuantized(const T* x, T* y) const {
    for (int64_t r = 0; r < rows_; ++r, x += depth_, y += depth_) {
      int32_t m = qmin_;
      for (int32_t i = 0; i < depth_; ++i) m = std::max<int32_t>(m, x[i]);
      if (micro_) {
        RowMicro(x, y, m);
      } else {
        RowTable(x, y, m);
      }
    }
  }

  template <typename T>
  void RowTable(const T* x, T* y, int32_t m) const {
    const float* t = table_ + 255 - m;  // t[x] = exp(-(m - x) * scale * beta)
    float sum = 0.0f;
    for (int32_t i = 0; i < depth_; ++i) sum += t[x[i]];
    const float inv = 1.0f / (sum * out_scale_);
    for (int32_t i = 0; i < depth_; ++i) {
      const float p = t[x[i]] * inv;
      int32_t q;
      if (type_ == DataType::kUInt8) {
        q = FloatToInt32Sat(p + 0.5f);
      } else {
        // (an integer-valued float: adding zp is exact below 2^24)
        q = FloatToInt32Sat(RoundHalfAway(p) + static_cast<float>(out_zp_));
      }
      y[i] = static_cast<T>(std::min(std::max(q, qmin_), qmax_));
    }
  }

  // exp(beta * in_scale * d) for d = x - max <= 0 in Q0.31.
  int32_t MicroExp(int32_t d) const {
    const int32_t rescaled =
        MultiplyByQuantizedMultiplier(d, input_multiplier_, input_left_shift_);
    return ExpOnNegativeValues(rescaled, kScaledDiffIntegerBits);
  }

  template <typename T>
  void RowMicro(const T* x, T* y, int32_t m) const {
    int32_t sum = 0;  // Q12.19
    for (int32_t i = 0; i < depth_; ++i) {
      const int32_t d = static_cast<int32_t>(x[i]) - m;
      if (d >= diff_min_) {
        sum += SaturatingRoundingMultiplyByPOT(MicroExp(d),
                                               -kAccumulationIntegerBits);
      }
    }
    int num_bits_over_unit = 0;
    const int32_t recip =
        GetReciprocal(sum, kAccumulationIntegerBits, &num_bits_over_unit);
    const int out_bits = 8;
    const int exponent = num_bits_over_unit + 31 - out_bits;
    for (int32_t i = 0; i < depth_; ++i) {
      const int32_t d = static_cast<int32_t>(x[i]) - m;
      int32_t q = qmin_;
      if (d >= diff_min_) {
        // Row sums >= 512 push the exponent past 31, where gemmlowp's
        // RoundingDivideByPOT is undefined; the exact rounding of an int32
        // divided by 2^32 or more is 0.
        const int32_t unsat =
            exponent > 31
                ? 0
                : RoundingDivideByPOT(
                      SaturatingRoundingDoublingHighMul(recip, MicroExp(d)),
                      exponent);
        q = std::min(std::max(unsat + qmin_, qmin_), qmax_);
      }
      y[i] = static_cast<T>(q);
    }
  }

  DataType type_ = DataType::kFloat32;
  int32_t depth_ = 0;
  int64_t rows_ = 0;
  float beta_ = 1.0f;
  int32_t qmin_ = 0, qmax_ = 0, out_zp_ = 0;
  float out_scale_ = 0.0f;
  bool micro_ = false;
  float table_[256] = {};
  int32_t input_multiplier_ = 0;
  int input_left_shift_ = 0;
  int32_t diff_min_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateSoftmax() { return std::make_unique<SoftmaxOp>(); }

}  // namespace edgelite
