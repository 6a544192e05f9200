// LOCAL_RESPONSE_NORMALIZATION (float32, rank 4) across the last dimension:
//   out[c] = x[c] · (bias + alpha · Σ_{j=c−r}^{c+r} x[j]²)^(−beta)
// with r = radius and j clipped to [0, D).
//
// The window is inclusive on both sides: TFLite's optimized kernel (what
// LiteRT.js and tfjs-tflite run, measured) — its reference kernel stops at
// c + r − 1. The arithmetic follows that optimized kernel so the float
// rounding is the same: per row the products (x·x)·alpha, a running window
// sum (add the entering value, then subtract the leaving one), bias added to
// the sum, and x · 1/s for beta = 1, x · 1/√s for beta = 0.5, x · s^(−beta)
// otherwise.
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class LocalResponseNormalizationOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 4, 4));
    if (in->type != DataType::kFloat32) {
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            StrFormat("type %s is not supported (float32 only, "
                                      "as TFLite)",
                                      DataTypeName(in->type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    const LrnOptions& o = ctx.options().lrn;
    if (o.radius < 0) {
      return ctx.Error(StatusCode::kInvalidModel,
                       StrFormat("radius %d is negative", o.radius));
    }
    const Shape& s = in->shape;
    depth_ = s[3];
    // A window wider than the row adds and removes only zeros beyond it:
    // clipping the radius to D changes no bit and bounds the scratch.
    radius_ = o.radius < depth_ ? o.radius : static_cast<int32_t>(depth_);
    bias_ = o.bias;
    alpha_ = o.alpha;
    beta_ = o.beta;
    rows_ = depth_ > 0 ? in->NumElements() / depth_ : 0;
    // The padded squares of one row: D values plus r zeros on each side.
    EDGELITE_RETURN_IF_ERROR(ctx.RequestScratch(
        static_cast<size_t>(depth_ + 2 * int64_t{radius_}) * sizeof(float),
        &scratch_));
    return ctx.SetOutputShape(0, s);
  }

  Status Eval(OpContext& ctx) override {
    const float* in = ctx.input(0)->Data<float>();
    float* out = ctx.output(0)->MutableData<float>();
    float* padded = static_cast<float*>(ctx.scratch(scratch_));
    const int64_t r = radius_;
    for (int64_t i = 0; i < r; ++i) {
      padded[i] = 0.0f;
      padded[depth_ + r + i] = 0.0f;
    }
    for (int64_t row = 0; row < rows_; ++row) {
      const float* x = in + row * depth_;
      float* y = out + row * depth_;
      for (int64_t c = 0; c < depth_; ++c)
        padded[r + c] = (x[c] * x[c]) * alpha_;
      float sum = 0.0f;
      for (int64_t i = 0; i < 2 * r; ++i) sum += padded[i];
      for (int64_t c = 0; c < depth_; ++c) {
        sum += padded[c + 2 * r];
        y[c] = bias_ + sum;
        sum -= padded[c];
      }
      for (int64_t c = 0; c < depth_; ++c) {
        float f;
        if (beta_ == 1.0f) {
          f = 1.0f / y[c];
        } else if (beta_ == 0.5f) {
          f = 1.0f / std::sqrt(y[c]);
        } else {
          f = std::pow(y[c], -beta_);
        }
        y[c] = x[c] * f;
      }
    }
    return Status::Ok();
  }

 private:
  int32_t radius_ = 0;
  float bias_ = 0.0f, alpha_ = 0.0f, beta_ = 0.0f;
  int64_t depth_ = 0, rows_ = 0;
  int scratch_ = -1;
};

}  // namespace

std::unique_ptr<Op> CreateLocalResponseNormalization() {
  return std::make_unique<LocalResponseNormalizationOp>();
}

}  // namespace edgelite
