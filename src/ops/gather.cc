// GATHER: slices of `params` along `axis` picked by `indices`
// (int16/int32/int64), with `batch_dims` leading axes shared by both.
// output = params[:axis] + indices[batch_dims:] + params[axis+1:].
// Like TFLite, an index outside [0, axis size) — negative ones included — is
// an error; Eval returns it naming the index.
#include <cstring>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class GatherOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* params = nullptr;
    const Tensor* indices = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &params));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &indices));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(CheckIndexType(ctx, 1, /*allow_int16=*/true));
    size_t elem = 0;
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, params, true, 0, &elem));
    const GatherOptions& o = ctx.options().gather;
    const Shape& p = params->shape;
    const Shape& ix = indices->shape;
    int axis = 0;
    if (!NormalizeAxis(o.axis, p.rank, &axis)) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "axis %d is out of range for params shape %s", o.axis,
                      p.ToString().c_str());
    }
    const int batch_dims =
        o.batch_dims < 0 ? o.batch_dims + ix.rank : o.batch_dims;
    bool ok = batch_dims >= 0 && batch_dims <= axis && batch_dims < p.rank &&
              batch_dims <= ix.rank;
    for (int d = 0; ok && d < batch_dims; ++d) ok = p.dims[d] == ix.dims[d];
    if (!ok) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "batch_dims %d does not fit axis %d, params "
                      "shape %s and indices shape %s",
                      o.batch_dims, axis, p.ToString().c_str(),
                      ix.ToString().c_str());
    }
    Shape out;
    out.rank = p.rank + ix.rank - 1 - batch_dims;
    if (out.rank > kMaxRank) {
      return OpErrorF(ctx, StatusCode::kUnsupported,
                      "output rank %d exceeds %d", out.rank, kMaxRank);
    }
    int k = 0;
    for (int d = 0; d < axis; ++d) out.dims[k++] = p.dims[d];
    for (int d = batch_dims; d < ix.rank; ++d) out.dims[k++] = ix.dims[d];
    for (int d = axis + 1; d < p.rank; ++d) out.dims[k++] = p.dims[d];
    batch_ = p.FlatSize(0, batch_dims);
    outer_ = p.FlatSize(batch_dims, axis);
    axis_size_ = p.dims[axis];
    inner_bytes_ = static_cast<size_t>(p.FlatSize(axis + 1, p.rank)) * elem;
    coords_ = ix.FlatSize(batch_dims, ix.rank);
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* indices = ctx.input(1);
    const uint8_t* params = ctx.input(0)->data;
    uint8_t* out = ctx.output(0)->data;
    const int64_t slab = axis_size_ * static_cast<int64_t>(inner_bytes_);
    for (int64_t b = 0; b < batch_; ++b) {
      for (int64_t o = 0; o < outer_; ++o) {
        const uint8_t* src = params + (b * outer_ + o) * slab;
        for (int64_t c = 0; c < coords_; ++c, out += inner_bytes_) {
          const int64_t i = b * coords_ + c;
          const int64_t v = ReadIndex(indices, i);
          if (v < 0 || v >= axis_size_) {
            return InputErrorF(
                ctx, StatusCode::kInvalidArgument, 1,
                "index %lld at position %lld is out of range [0, %lld)",
                static_cast<long long>(v), static_cast<long long>(i),
                static_cast<long long>(axis_size_));
          }
          std::memcpy(out, src + v * static_cast<int64_t>(inner_bytes_),
                      inner_bytes_);
        }
      }
    }
    return Status::Ok();
  }

 private:
  int64_t batch_ = 0, outer_ = 0, axis_size_ = 0, coords_ = 0;
  size_t inner_bytes_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateGather() { return std::make_unique<GatherOp>(); }

}  // namespace edgelite
