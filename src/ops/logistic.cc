// LOGISTIC (sigmoid), element-wise.
//
// float32 (TFLite reference_ops::Logistic): 1 for x > 16.619047, exp(x) for
// x < -9, else 1 / (1 + exp(-x)).
//
// int8 and uint8 (per-tensor quantized, same type in and out). TFLite
// requires the output scale to be exactly 1/256 (activations.cc
// SigmoidPrepare) and tflite-micro the int8 zero point -128; we require zero
// point -128 (int8) / 0 (uint8) as well, else kInvalidModel.
//
// QuantArithmetic::kTflite: TFLite's 256-entry table (kernels/internal/
// common.h LUTPopulate, formerly activations.cc PopulateLookupTable), for
// every representable input q:
//   x = f32(in_scale) * f32(q - in_zp)                       (float product)
//   s = 1.0f / (1.0f + expf(-x))
//   y = (int)(roundf_half_away(s * (1.0f / out_scale)) + out_zp), clamped
//
// QuantArithmetic::kMicro: tflite-micro's fixed-point kernel (reference/
// integer_ops/logistic.h; the uint8 variant is TFLite's reference_ops::
// Logistic, same arithmetic):
//   mult, left_shift = QuantizeMultiplier(in_scale * 2^27)
//   radius = CalculateInputRadius(4, left_shift)
//   c = q - in_zp; c <= -radius -> qmin; c >= radius -> qmax; else
//   y = RoundingDivideByPOT(FixedPointLogistic(MBQM(c, mult, left_shift), Q4),
//                           23) + qmin, clamped
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

constexpr int kInputIntegerBits = 4;

class LogisticOp final : public Op {
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
          StrFormat("LOGISTIC of %s is not supported (float32, int8, uint8 "
                    "are)",
                    DataTypeName(type_)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, in->shape));
    if (type_ == DataType::kFloat32) return Status::Ok();

    const Tensor* out = ctx.output(0);
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, in, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, out, false, 0));
    qmin_ = QMin(type_);
    qmax_ = QMax(type_);
    const float in_scale = in->scale();
    const int32_t in_zp = in->zero_point();
    const float out_scale = out->scale();
    const int32_t out_zp = out->zero_point();
    if (static_cast<double>(out_scale) != 1.0 / 256 || out_zp != qmin_) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("%s LOGISTIC output must have scale 1/256 (0.00390625) and "
                    "zero point %d, got scale %.9g and zero point %d",
                    DataTypeName(type_), qmin_, static_cast<double>(out_scale),
                    out_zp));
    }

    if (ctx.arithmetic() == QuantArithmetic::kTflite) {
      const float inverse_scale = 1 / out_scale;
      for (int32_t q = qmin_; q <= qmax_; ++q) {
        const float x = in_scale * static_cast<float>(q - in_zp);
        const float s = 1.0f / (1.0f + std::exp(-x));
        const float rescaled = RoundHalfAway(s * inverse_scale);
        const int32_t v = static_cast<int32_t>(rescaled + out_zp);
        table_[static_cast<uint8_t>(q)] =
            static_cast<uint8_t>(std::min(std::max(v, qmin_), qmax_));
      }
      return Status::Ok();
    }

    micro_ = true;
    in_zp_ = in_zp;
    const double real = static_cast<double>(in_scale) *
                        static_cast<double>(1 << (31 - kInputIntegerBits));
    QuantizeMultiplier(real, &input_multiplier_, &input_left_shift_);
    input_radius_ = CalculateInputRadius(kInputIntegerBits, input_left_shift_);
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    const int64_t n = in->NumElements();
    switch (type_) {
      case DataType::kFloat32:
        EvalFloat(in->Data<float>(), out->MutableData<float>(), n);
        break;
      case DataType::kInt8:
        EvalQuantized(in->Data<int8_t>(), out->MutableData<int8_t>(), n);
        break;
      case DataType::kUInt8:
        EvalQuantized(in->Data<uint8_t>(), out->MutableData<uint8_t>(), n);
        break;
      default:
        return ctx.Error(StatusCode::kRuntimeError,
                         "LOGISTIC was not prepared");
    }
    return Status::Ok();
  }

 private:
  static void EvalFloat(const float* x, float* y, int64_t n) {
    const float kCutoffUpper = 16.619047164916992188f;
    const float kCutoffLower = -9.0f;
    for (int64_t i = 0; i < n; ++i) {
      const float v = x[i];
      if (v > kCutoffUpper) {
        y[i] = 1.0f;
      } else if (v < kCutoffLower) {
        y[i] = std::exp(v);
      } else {
        y[i] = 1.0f / (1.0f + std::exp(-v));
      }
    }
  }

  template <typename T>
  void EvalQuantized(const T* x, T* y, int64_t n) const {
    if (!micro_) {
      for (int64_t i = 0; i < n; ++i) {
        y[i] = static_cast<T>(table_[static_cast<uint8_t>(x[i])]);
      }
      return;
    }
    for (int64_t i = 0; i < n; ++i) y[i] = static_cast<T>(Micro(x[i]));
  }

  int32_t Micro(int32_t q) const {
    const int32_t c = q - in_zp_;
    if (c <= -input_radius_) return qmin_;
    if (c >= input_radius_) return qmax_;
    const int32_t in_q4 =
        MultiplyByQuantizedMultiplier(c, input_multiplier_, input_left_shift_);
    const int32_t out_q0 = FixedPointLogistic(in_q4, kInputIntegerBits);
    const int32_t r = RoundingDivideByPOT(out_q0, 31 - 8);
    return std::min(std::max(r + qmin_, qmin_), qmax_);
  }

  DataType type_ = DataType::kFloat32;
  int32_t qmin_ = 0, qmax_ = 0;
  bool micro_ = false;
  uint8_t table_[256] = {};  // indexed by the input's byte
  int32_t in_zp_ = 0;
  int32_t input_multiplier_ = 0;
  int input_left_shift_ = 0;
  int32_t input_radius_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateLogistic() { return std::make_unique<LogisticOp>(); }

}  // namespace edgelite
