#include "ops/depth_space_common.h"

#include <cstring>

#include "ops/op_util.h"

namespace edgelite {

Status PrepareDepthSpace(OpContext& ctx, bool to_depth, DepthSpacePlan* p) {
  EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
  const Tensor* in = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
  EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 4, 4));
  EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
  switch (in->type) {
    case DataType::kFloat32:
    case DataType::kInt8:
    case DataType::kUInt8:
    case DataType::kInt32:
    case DataType::kInt64:
      break;
    default:
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("%s is not supported (float32, int8, uint8, int32, int64 "
                    "are, as in TFLite)",
                    DataTypeName(in->type)));
  }
  const int32_t b = ctx.options().block.block_size;
  if (b < 1) {
    return ctx.Error(StatusCode::kInvalidModel,
                     StrFormat("block_size is %d; it must be >= 1", b));
  }
  const Shape& s = in->shape;
  Shape out = s;
  p->block = b;
  p->elem_size = DataTypeSize(in->type);
  p->to_depth = to_depth;
  p->n = s.dims[0];
  if (to_depth) {
    if (s.dims[1] % b != 0 || s.dims[2] % b != 0) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("height %d and width %d must be multiples of block_size "
                    "%d",
                    s.dims[1], s.dims[2], b));
    }
    const int64_t depth = int64_t{s.dims[3]} * b * b;
    if (depth > INT32_MAX) {
      return ctx.Error(StatusCode::kInvalidModel, "output depth is too large");
    }
    p->h = s.dims[1];
    p->w = s.dims[2];
    p->c = s.dims[3];
    out.dims[1] = s.dims[1] / b;
    out.dims[2] = s.dims[2] / b;
    out.dims[3] = static_cast<int32_t>(depth);
  } else {
    const int64_t bb = int64_t{b} * b;
    const int64_t h = int64_t{s.dims[1]} * b, w = int64_t{s.dims[2]} * b;
    if (s.dims[3] % bb != 0) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("depth %d must be a multiple of block_size^2 = %lld",
                    s.dims[3], static_cast<long long>(bb)));
    }
    if (h > INT32_MAX || w > INT32_MAX) {
      return ctx.Error(StatusCode::kInvalidModel, "output is too large");
    }
    p->h = static_cast<int32_t>(h);
    p->w = static_cast<int32_t>(w);
    p->c = static_cast<int32_t>(s.dims[3] / bb);
    out.dims[1] = p->h;
    out.dims[2] = p->w;
    out.dims[3] = p->c;
  }
  return ctx.SetOutputShape(0, out);
}

void DepthSpace(const DepthSpacePlan& p, const uint8_t* in, uint8_t* out) {
  const int32_t b = p.block;
  const size_t chunk = static_cast<size_t>(p.c) * p.elem_size;
  const int64_t dh = p.h / b, dw = p.w / b;
  const int64_t depth_c = int64_t{p.c} * b * b;
  // Walk the space form in order; `space` advances by one chunk per pixel.
  uint8_t* space_out = out;
  const uint8_t* space_in = in;
  for (int32_t n = 0; n < p.n; ++n) {
    for (int32_t y = 0; y < p.h; ++y) {
      for (int32_t x = 0; x < p.w; ++x) {
        const int64_t d = ((n * dh + y / b) * dw + x / b) * depth_c +
                          (int64_t{y % b} * b + x % b) * p.c;
        const size_t off = static_cast<size_t>(d) * p.elem_size;
        if (p.to_depth) {
          std::memcpy(out + off, space_in, chunk);
          space_in += chunk;
        } else {
          std::memcpy(space_out, in + off, chunk);
          space_out += chunk;
        }
      }
    }
  }
}

}  // namespace edgelite
