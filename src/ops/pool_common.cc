#include "ops/pool_common.h"

#include <cmath>

#include "core/quant.h"
#include "ops/op_util.h"

namespace edgelite {

namespace {

// TFLite's pooling Prepare checks |in_scale - out_scale| <= 1e-6 (a debug
// check; release builds ignore the output scale altogether).
constexpr float kPoolScaleTolerance = 1.0e-6f;

Status CheckPoolQuantization(OpContext& ctx, const Tensor* in,
                             const Tensor* out) {
  EDGELITE_RETURN_IF_ERROR(
      RequirePerTensorQuant(ctx, in, /*is_input=*/true, 0));
  EDGELITE_RETURN_IF_ERROR(
      RequirePerTensorQuant(ctx, out, /*is_input=*/false, 0));
  const float in_scale = in->scale();
  const float out_scale = out->scale();
  if (in->zero_point() != out->zero_point() ||
      !(std::fabs(in_scale - out_scale) <= kPoolScaleTolerance)) {
    return ctx.OutputError(
        StatusCode::kUnsupported, 0,
        StrFormat("quantization (scale %g, zero point %d) differs from the "
                  "input's (scale %g, zero point %d); pooling does not "
                  "requantize, so both must match",
                  static_cast<double>(out_scale), out->zero_point(),
                  static_cast<double>(in_scale), in->zero_point()));
  }
  return Status::Ok();
}

}  // namespace

Status PreparePool(OpContext& ctx, PoolPlan* plan) {
  EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
  const Tensor* in = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
  EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 4, 4));
  EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
  const Tensor* out = ctx.output(0);

  switch (in->type) {
    case DataType::kFloat32:
      break;
    case DataType::kInt8:
    case DataType::kUInt8:
      EDGELITE_RETURN_IF_ERROR(CheckPoolQuantization(ctx, in, out));
      break;
    case DataType::kInt16:
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            "int16 pooling is not supported (float32, int8, "
                            "uint8 are)");
    default:
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("type %s cannot be pooled (float32, int8, uint8)",
                    DataTypeName(in->type)));
  }

  if (!ctx.options().present) {
    return ctx.Error(StatusCode::kInvalidModel,
                     "missing Pool2DOptions (filter size, strides, padding)");
  }
  const PoolOptions& opt = ctx.options().pool;
  // The model validator already rejects non-positive values; repeat the check
  // because a zero stride would divide by zero below.
  if (opt.stride_h < 1 || opt.stride_w < 1 || opt.filter_h < 1 ||
      opt.filter_w < 1) {
    return ctx.Error(
        StatusCode::kInvalidModel,
        StrFormat("strides %dx%d and filter %dx%d must be >= 1", opt.stride_h,
                  opt.stride_w, opt.filter_h, opt.filter_w));
  }

  plan->type = in->type;
  plan->batches = in->shape.dims[0];
  plan->in_h = in->shape.dims[1];
  plan->in_w = in->shape.dims[2];
  plan->channels = in->shape.dims[3];
  plan->filter_h = opt.filter_h;
  plan->filter_w = opt.filter_w;
  plan->stride_h = opt.stride_h;
  plan->stride_w = opt.stride_w;
  const PaddingValues pad =
      ComputePadding(opt.stride_h, opt.stride_w, /*dilation_h=*/1,
                     /*dilation_w=*/1, plan->in_h, plan->in_w, opt.filter_h,
                     opt.filter_w, opt.padding, &plan->out_h, &plan->out_w);
  plan->pad_h = pad.height;
  plan->pad_w = pad.width;
  if (plan->out_h < 0) plan->out_h = 0;
  if (plan->out_w < 0) plan->out_w = 0;

  if (in->type == DataType::kFloat32) {
    Status s = ActivationRangeFloat(opt.activation, &plan->float_min,
                                    &plan->float_max);
    if (!s.ok()) return s.WithContext(ctx.describe());
  } else {
    Status s =
        ActivationRangeTflite(opt.activation, out->scale(), out->zero_point(),
                              out->type, &plan->quant_min, &plan->quant_max);
    if (!s.ok()) return s.WithContext(ctx.describe());
  }

  return ctx.SetOutputShape(
      0, Shape({plan->batches, plan->out_h, plan->out_w, plan->channels}));
}

}  // namespace edgelite
