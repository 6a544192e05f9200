#include "ops/space_batch_common.h"

#include <cstring>
#include <vector>

#include "ops/const_ints.h"
#include "ops/op_util.h"

namespace edgelite {

Status PrepareSpaceBatch(OpContext& ctx, bool to_batch, SpaceBatchPlan* p) {
  EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, 1));
  const Tensor* in = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
  EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 3, 4));
  EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
  const Tensor* out = ctx.output(0);
  const bool quantized_type = in->type == DataType::kInt8 ||
                              in->type == DataType::kUInt8 ||
                              in->type == DataType::kInt16;
  switch (in->type) {
    case DataType::kFloat32:
    case DataType::kInt8:
    case DataType::kUInt8:
    case DataType::kInt16:
    case DataType::kInt32:
    case DataType::kInt64:
      break;
    default:
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("%s is not supported (float32, int8, uint8, int16, int32, "
                    "int64 are)",
                    DataTypeName(in->type)));
  }
  // TFLite's BATCH_TO_SPACE_ND refuses to reinterpret quantized values.
  if (!to_batch && quantized_type &&
      (in->scale() != out->scale() || in->zero_point() != out->zero_point())) {
    return ctx.OutputError(
        StatusCode::kInvalidModel, 0,
        StrFormat("quantization (scale %g, zero point %d) must equal the "
                  "input's (scale %g, zero point %d)",
                  static_cast<double>(out->scale()), out->zero_point(),
                  static_cast<double>(in->scale()), in->zero_point()));
  }
  const int rank = in->shape.rank;
  const int spatial = rank - 2;
  std::vector<int64_t> block, pads;
  EDGELITE_RETURN_IF_ERROR(ReadConstInts(ctx, 1, "block_shape", &block));
  const Shape& bs = ctx.input(1)->shape;
  if (bs.rank != 1 || bs.dims[0] != spatial) {
    return ctx.InputError(
        StatusCode::kInvalidModel, 1,
        StrFormat(
            "block_shape must have shape [%d] for a rank-%d input, got %s",
            spatial, rank, bs.ToString().c_str()));
  }
  const char* pads_name = to_batch ? "paddings" : "crops";
  EDGELITE_RETURN_IF_ERROR(ReadConstPairs(ctx, 2, pads_name, spatial, &pads));

  int32_t in_dims[3] = {in->shape.dims[1], rank == 4 ? in->shape.dims[2] : 1,
                        0};
  int32_t out_dims[2] = {0, 1};
  int64_t block_product = 1;
  for (int d = 0; d < spatial; ++d) {
    if (block[d] < 1 || block[d] > INT32_MAX) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("block_shape[%d] is %lld; it must be >= 1", d,
                    static_cast<long long>(block[d])));
    }
    block_product *= block[d];
    if (block_product > kMaxElements) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            "block_shape product is too large");
    }
    int64_t size;
    if (to_batch) {
      const int64_t padded = in_dims[d] + pads[2 * d] + pads[2 * d + 1];
      if (padded % block[d] != 0) {
        return ctx.Error(
            StatusCode::kInvalidModel,
            StrFormat("padded spatial dim %d (%lld) is not a multiple of "
                      "block_shape[%d] = %lld",
                      d, static_cast<long long>(padded), d,
                      static_cast<long long>(block[d])));
      }
      size = padded / block[d];
    } else {
      size = int64_t{in_dims[d]} * block[d] - pads[2 * d] - pads[2 * d + 1];
      if (size < 0) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 2,
            StrFormat("crops [%lld, %lld] of spatial dim %d exceed its size "
                      "%lld after the block expansion",
                      static_cast<long long>(pads[2 * d]),
                      static_cast<long long>(pads[2 * d + 1]), d,
                      static_cast<long long>(int64_t{in_dims[d]} * block[d])));
      }
    }
    if (size > INT32_MAX) {
      return ctx.Error(StatusCode::kInvalidModel, "output is too large");
    }
    out_dims[d] = static_cast<int32_t>(size);
  }
  const int32_t batch = in->shape.dims[0];
  int64_t out_batch;
  if (to_batch) {
    out_batch = batch * block_product;
  } else {
    if (batch % block_product != 0) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("batch %d is not a multiple of the block_shape product "
                    "%lld",
                    batch, static_cast<long long>(block_product)));
    }
    out_batch = batch / block_product;
  }
  Shape out_shape = in->shape;
  out_shape.dims[0] = static_cast<int32_t>(out_batch);
  for (int d = 0; d < spatial; ++d) out_shape.dims[1 + d] = out_dims[d];
  if (out_batch > INT32_MAX || out_shape.NumElements() > kMaxElements) {
    return ctx.Error(StatusCode::kInvalidModel, "output is too large");
  }

  p->in_n = batch;
  p->in_h = in_dims[0];
  p->in_w = in_dims[1];
  p->depth = in->shape.dims[rank - 1];
  p->out_n = static_cast<int32_t>(out_batch);
  p->out_h = out_dims[0];
  p->out_w = out_dims[1];
  p->block_h = static_cast<int32_t>(block[0]);
  p->block_w = spatial == 2 ? static_cast<int32_t>(block[1]) : 1;
  p->before_h = static_cast<int32_t>(pads[0]);
  p->before_w = spatial == 2 ? static_cast<int32_t>(pads[2]) : 0;
  p->elem_size = DataTypeSize(in->type);
  // TFLite memsets padded positions with the (low byte of the) output zero
  // point for quantized types, 0 otherwise.
  p->fill = quantized_type ? static_cast<uint8_t>(out->zero_point()) : 0;
  return ctx.SetOutputShape(0, out_shape);
}

void SpaceToBatch(const SpaceBatchPlan& p, const uint8_t* in, uint8_t* out) {
  const size_t chunk = static_cast<size_t>(p.depth) * p.elem_size;
  for (int32_t ob = 0; ob < p.out_n; ++ob) {
    const int32_t ib = ob % p.in_n;
    const int32_t spatial = ob / p.in_n;
    const int32_t shift_h = spatial / p.block_w;
    const int32_t shift_w = spatial % p.block_w;
    for (int32_t oh = 0; oh < p.out_h; ++oh) {
      const int32_t h = oh * p.block_h + shift_h - p.before_h;
      for (int32_t ow = 0; ow < p.out_w; ++ow) {
        const int32_t w = ow * p.block_w + shift_w - p.before_w;
        if (h < 0 || h >= p.in_h || w < 0 || w >= p.in_w) {
          std::memset(out, p.fill, chunk);
        } else {
          const int64_t src = (int64_t{ib} * p.in_h + h) * p.in_w + w;
          std::memcpy(out, in + src * static_cast<int64_t>(chunk), chunk);
        }
        out += chunk;
      }
    }
  }
}

void BatchToSpace(const SpaceBatchPlan& p, const uint8_t* in, uint8_t* out) {
  const size_t chunk = static_cast<size_t>(p.depth) * p.elem_size;
  if (p.out_n == 0) return;
  for (int32_t ib = 0; ib < p.in_n; ++ib) {
    const int32_t ob = ib % p.out_n;
    const int32_t spatial = ib / p.out_n;
    const int32_t off_h = spatial / p.block_w - p.before_h;
    const int32_t off_w = spatial % p.block_w - p.before_w;
    for (int32_t ih = 0; ih < p.in_h; ++ih) {
      const int32_t oh = ih * p.block_h + off_h;
      if (oh < 0 || oh >= p.out_h) continue;
      for (int32_t iw = 0; iw < p.in_w; ++iw) {
        const int32_t ow = iw * p.block_w + off_w;
        if (ow < 0 || ow >= p.out_w) continue;
        const int64_t src = (int64_t{ib} * p.in_h + ih) * p.in_w + iw;
        const int64_t dst = (int64_t{ob} * p.out_h + oh) * p.out_w + ow;
        std::memcpy(out + dst * static_cast<int64_t>(chunk),
                    in + src * static_cast<int64_t>(chunk), chunk);
      }
    }
  }
}

}  // namespace edgelite
