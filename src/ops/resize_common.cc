#include "ops/resize_common.h"

#include "ops/op_util.h"

namespace edgelite {

Status PrepareResize(OpContext& ctx, ResizeGeometry* g) {
  EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
  const Tensor* in = nullptr;
  const Tensor* size = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &size));
  EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 4, 4));
  EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
  if (size->type != DataType::kInt32 || size->shape.rank != 1 ||
      size->shape.dims[0] != 2) {
    return ctx.InputError(
        StatusCode::kInvalidModel, 1,
        StrFormat("size must be an int32 tensor of shape [2], got %s %s",
                  DataTypeName(size->type), size->shape.ToString().c_str()));
  }
  if (!size->is_constant()) {
    return ctx.InputError(StatusCode::kUnsupported, 1,
                          "a non-constant size tensor is not supported; "
                          "edgelite plans memory before Invoke");
  }
  const int32_t* s = size->Data<int32_t>();
  if (s[0] <= 0 || s[1] <= 0) {
    return ctx.InputError(
        StatusCode::kInvalidModel, 1,
        StrFormat("size must be positive, got [%d, %d]", s[0], s[1]));
  }
  g->batches = in->shape.dims[0];
  g->in_h = in->shape.dims[1];
  g->in_w = in->shape.dims[2];
  g->depth = in->shape.dims[3];
  g->out_h = s[0];
  g->out_w = s[1];
  if ((g->in_h == 0 || g->in_w == 0) && int64_t{g->batches} * g->depth != 0) {
    return ctx.InputError(
        StatusCode::kInvalidModel, 0,
        "cannot resize an image with no pixels, shape " + in->shape.ToString());
  }
  return ctx.SetOutputShape(0,
                            Shape({g->batches, g->out_h, g->out_w, g->depth}));
}

}  // namespace edgelite
