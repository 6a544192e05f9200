// LOG_SOFTMAX over the last axis: y = x − max − log(Σ exp(x − max)).
//
// float32: TFLite's formula per row in float: the row maximum, the sum of
// expf(x − max) in order, logf of it, then (x − max) − log_sum.
//
// int8 / uint8 (per-tensor; TFLite requires the output scale 16/256 and
// zero point 127 for int8, 255 for uint8): TFLite's optimized kernel
// (optimized_ops::LogSoftmax with a float exp table), which both peers run:
//   t[255 − v] = expf(f32(−in_scale) · v) for v in 0…255;
//   per row, m = max q: sum = Σ t[255 − m + q] in float, in order;
//   precomputed = (in_scale · m + logf(sum)) / out_scale;
//   y = rint(in_scale / out_scale · q − precomputed) + out_zp (half to
//   even), clamped.
// QuantArithmetic::kMicro uses the same arithmetic (tflite-micro's
// fixed-point LogSoftmax is not implemented).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/unary_common.h"

namespace edgelite {
namespace {

class LogSoftmaxOp final : public Op {
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
          StrFormat("LOG_SOFTMAX of %s is not supported (float32, int8, "
                    "uint8 are)",
                    DataTypeName(type_)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    if (in->shape.rank < 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            "LOG_SOFTMAX needs at least one dimension, got a "
                            "scalar");
    }
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, in->shape));
    depth_ = in->shape.dims[in->shape.rank - 1];
    if (type_ == DataType::kFloat32) return Status::Ok();

    const Tensor* out = ctx.output(0);
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, in, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, out, false, 0));
    const int32_t want_zp = type_ == DataType::kInt8 ? 127 : 255;
    if (static_cast<double>(out->scale()) != 16.0 / 256 ||
        out->zero_point() != want_zp) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("%s LOG_SOFTMAX output must have scale 16/256 (0.0625) "
                    "and zero point %d, got scale %.9g and zero point %d",
                    DataTypeName(type_), want_zp,
                    static_cast<double>(out->scale()), out->zero_point()));
    }
    in_scale_ = in->scale();
    out_scale_ = out->scale();
    out_zp_ = out->zero_point();
    const float scale = -in_scale_;  // · beta = 1
    for (int v = 0; v <= 255; ++v) {
      table_[255 - v] = std::exp(scale * static_cast<float>(v));
    }
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    if (depth_ == 0) return Status::Ok();
    const int64_t rows = in->NumElements() / depth_;
    switch (type_) {
      case DataType::kFloat32:
        EvalFloat(in->Data<float>(), out->MutableData<float>(), rows);
        break;
      default:
        EvalQuantized(in->data, out->data, rows);
        break;
    }
    return Status::Ok();
  }

 private:
  void EvalFloat(const float* x, float* y, int64_t rows) const {
    for (int64_t r = 0; r < rows; ++r, x += depth_, y += depth_) {
      float max = x[0];
      for (int32_t c = 1; c < depth_; ++c) max = std::max(max, x[c]);
      float sum = 0.0f;
      for (int32_t c = 0; c < depth_; ++c) sum += std::exp(x[c] - max);
      const float log_sum = std::log(sum);
      for (int32_t c = 0; c < depth_; ++c) y[c] = x[c] - max - log_sum;
    }
  }

  // int8 and uint8 share one loop over bytes (this is a cold op: one copy
  // of the code is worth more than a specialized loop per type).
  void EvalQuantized(const uint8_t* x, uint8_t* y, int64_t rows) const {
    const bool is_signed = type_ == DataType::kInt8;
    const int32_t qmin = is_signed ? -128 : 0;
    const int32_t qmax = is_signed ? 127 : 255;
    auto value = [is_signed](uint8_t b) -> int32_t {
      return is_signed ? static_cast<int8_t>(b) : b;
    };
    const float scale = in_scale_ / out_scale_;
    for (int64_t r = 0; r < rows; ++r, x += depth_, y += depth_) {
      int32_t m = qmin;
      for (int32_t c = 0; c < depth_; ++c) m = std::max(m, value(x[c]));
      // table_[255 − m + q] = exp(in_scale · (q − m)).
      float sum = 0.0f;
      for (int32_t c = 0; c < depth_; ++c) sum += table_[255 - m + value(x[c])];
      const float precomputed =
          (in_scale_ * static_cast<float>(m) + std::log(sum)) / out_scale_;
      for (int32_t c = 0; c < depth_; ++c) {
        const float log_prob =
            scale * static_cast<float>(value(x[c])) - precomputed;
        const int32_t q = SaturatingFloatToInt32(std::nearbyint(log_prob) +
                                                 static_cast<float>(out_zp_));
        y[c] = static_cast<uint8_t>(std::min(std::max(q, qmin), qmax));
      }
    }
  }

  DataType type_ = DataType::kFloat32;
  int32_t depth_ = 0;
  float in_scale_ = 0.0f, out_scale_ = 0.0f;
  int32_t out_zp_ = 0;
  float table_[256] = {};
};

}  // namespace

std::unique_ptr<Op> CreateLogSoftmax() {
  return std::make_unique<LogSoftmaxOp>();
}

}  // namespace edgelite
