#include "ops/op_util.h"

#include <algorithm>

namespace edgelite {

Status CheckArity(const OpContext& ctx, int min_inputs, int max_inputs,
                  int num_outputs) {
  if (ctx.num_inputs() < min_inputs || ctx.num_inputs() > max_inputs) {
    if (min_inputs == max_inputs) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("expects %d inputs, has %d", min_inputs, ctx.num_inputs()));
    }
    return ctx.Error(StatusCode::kInvalidModel,
                     StrFormat("expects %d to %d inputs, has %d", min_inputs,
                               max_inputs, ctx.num_inputs()));
  }
  if (ctx.num_outputs() != num_outputs) {
    return ctx.Error(StatusCode::kInvalidModel,
                     StrFormat("expects %d outputs, has %d", num_outputs,
                               ctx.num_outputs()));
  }
  return Status::Ok();
}

Status RequireInput(const OpContext& ctx, int i, const Tensor** out) {
  *out = ctx.input(i);
  if (*out == nullptr) {
    return ctx.Error(StatusCode::kInvalidModel,
                     StrFormat("input %d is required but absent", i));
  }
  return Status::Ok();
}

Status CheckInputRank(const OpContext& ctx, int i, int min_rank, int max_rank) {
  const Tensor* t = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &t));
  if (t->shape.rank < min_rank || t->shape.rank > max_rank) {
    std::string want = min_rank == max_rank
                           ? StrFormat("rank %d", min_rank)
                           : StrFormat("rank %d to %d", min_rank, max_rank);
    return ctx.InputError(
        StatusCode::kInvalidModel, i,
        "expected " + want + ", got shape " + t->shape.ToString());
  }
  return Status::Ok();
}

Status CheckInputType(const OpContext& ctx, int i, DataType type) {
  const Tensor* t = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &t));
  if (t->type != type) {
    return ctx.InputError(StatusCode::kInvalidModel, i,
                          StrFormat("expected type %s, got %s",
                                    DataTypeName(type), DataTypeName(t->type)));
  }
  return Status::Ok();
}

Status RequirePerTensorQuant(const OpContext& ctx, const Tensor* t,
                             bool is_input, int i) {
  if (t->quant == nullptr || t->quant->scale.empty()) {
    std::string what = StrFormat("%s tensor must be quantized (no scale given)",
                                 DataTypeName(t->type));
    return is_input ? ctx.InputError(StatusCode::kInvalidModel, i, what)
                    : ctx.OutputError(StatusCode::kInvalidModel, i, what);
  }
  if (t->quant->scale.size() != 1) {
    std::string what =
        StrFormat("expected per-tensor quantization, got %zu scales",
                  t->quant->scale.size());
    return is_input ? ctx.InputError(StatusCode::kUnsupported, i, what)
                    : ctx.OutputError(StatusCode::kUnsupported, i, what);
  }
  return Status::Ok();
}

Status CheckSameTypeInOut(OpContext& ctx, int input, int output) {
  const Tensor* in = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, input, &in));
  const Tensor* out = ctx.output(output);
  if (in->type != out->type) {
    return ctx.OutputError(
        StatusCode::kInvalidModel, output,
        StrFormat("type %s differs from input %d type %s",
                  DataTypeName(out->type), input, DataTypeName(in->type)));
  }
  return Status::Ok();
}

int32_t ComputeOutSize(Padding padding, int32_t in_size, int32_t filter_size,
                       int32_t stride, int32_t dilation) {
  if (stride <= 0 || dilation <= 0 || filter_size <= 0) return 0;
  const int64_t effective = (int64_t{filter_size} - 1) * dilation + 1;
  switch (padding) {
    case Padding::kSame:
      return static_cast<int32_t>((int64_t{in_size} + stride - 1) / stride);
    case Padding::kValid: {
      const int64_t n = int64_t{in_size} + stride - effective;
      return n <= 0 ? 0 : static_cast<int32_t>(n / stride);
    }
  }
  return 0;
}

static int32_t PaddingWithOffset(int32_t stride, int32_t dilation,
                                 int32_t in_size, int32_t filter_size,
                                 int32_t out_size, int32_t* offset) {
  const int64_t effective = (int64_t{filter_size} - 1) * dilation + 1;
  int64_t total = (int64_t{out_size} - 1) * stride + effective - in_size;
  total = total > 0 ? total : 0;
  *offset = static_cast<int32_t>(total % 2);
  return static_cast<int32_t>(total / 2);
}

PaddingValues ComputePadding(int32_t stride_h, int32_t stride_w,
                             int32_t dilation_h, int32_t dilation_w,
                             int32_t in_h, int32_t in_w, int32_t filter_h,
                             int32_t filter_w, Padding padding, int32_t* out_h,
                             int32_t* out_w) {
  *out_w = ComputeOutSize(padding, in_w, filter_w, stride_w, dilation_w);
  *out_h = ComputeOutSize(padding, in_h, filter_h, stride_h, dilation_h);
  PaddingValues p;
  p.height = PaddingWithOffset(stride_h, dilation_h, in_h, filter_h, *out_h,
                               &p.height_offset);
  p.width = PaddingWithOffset(stride_w, dilation_w, in_w, filter_w, *out_w,
                              &p.width_offset);
  return p;
}

Status BroadcastShapes(const OpContext& ctx, const Shape& a, const Shape& b,
                       Shape* out) {
  const int rank = std::max(a.rank, b.rank);
  Shape r;
  r.rank = rank;
  for (int i = 0; i < rank; ++i) {
    const int ai = i - (rank - a.rank);
    const int bi = i - (rank - b.rank);
    const int32_t da = ai >= 0 ? a.dims[ai] : 1;
    const int32_t db = bi >= 0 ? b.dims[bi] : 1;
    if (da != db && da != 1 && db != 1) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          "cannot broadcast shapes " + a.ToString() + " and " + b.ToString());
    }
    r.dims[i] = da == 1 ? db : da;
  }
  *out = r;
  return Status::Ok();
}

bool NormalizeAxis(int32_t axis, int rank, int* out) {
  if (axis < -rank || axis >= rank) return false;
  *out = axis < 0 ? axis + rank : axis;
  return true;
}

}  // namespace edgelite
