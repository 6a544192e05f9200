// GATHER_ND: output = indices[:-1] + params[nd:], where nd = indices' last
// dimension and each index tuple picks params[i0, …, i(nd-1)]. Indices are
// int16/int32/int64. Every coordinate is checked against its axis (LiteRT
// only checks that the flattened offset lies inside params, so an in-range
// offset built from an out-of-range coordinate passes there); a bad one fails
// Eval with its position.
#include <cstring>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class GatherNdOp final : public Op {
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
    const Shape& p = params->shape;
    const Shape& ix = indices->shape;
    if (p.rank < 1 || ix.rank < 1 || ix.dims[ix.rank - 1] > p.rank) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "indices shape %s does not index params shape "
                      "%s (both need rank >= 1 and the last indices "
                      "dimension at most the params rank)",
                      ix.ToString().c_str(), p.ToString().c_str());
    }
    nd_ = ix.dims[ix.rank - 1];
    Shape out;
    out.rank = ix.rank - 1 + p.rank - nd_;
    if (out.rank > kMaxRank) {
      return OpErrorF(ctx, StatusCode::kUnsupported,
                      "output rank %d exceeds %d", out.rank, kMaxRank);
    }
    int k = 0;
    for (int d = 0; d < ix.rank - 1; ++d) out.dims[k++] = ix.dims[d];
    for (int d = nd_; d < p.rank; ++d) out.dims[k++] = p.dims[d];
    slices_ = ix.FlatSize(0, ix.rank - 1);
    slice_bytes_ = static_cast<size_t>(p.FlatSize(nd_, p.rank)) * elem;
    for (int j = 0; j < nd_; ++j) {
      dims_[j] = p.dims[j];
      step_[j] = p.FlatSize(j + 1, p.rank) * static_cast<int64_t>(elem);
    }
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* indices = ctx.input(1);
    const uint8_t* params = ctx.input(0)->data;
    uint8_t* out = ctx.output(0)->data;
    for (int64_t s = 0, k = 0; s < slices_; ++s) {
      int64_t offset = 0;
      for (int j = 0; j < nd_; ++j, ++k) {
        const int64_t v = ReadIndex(indices, k);
        if (v < 0 || v >= dims_[j]) {
          return InputErrorF(ctx, StatusCode::kInvalidArgument, 1,
                             "index %lld at position %lld is out of range "
                             "[0, %lld) for params axis %d",
                             static_cast<long long>(v),
                             static_cast<long long>(k),
                             static_cast<long long>(dims_[j]), j);
        }
        offset += v * step_[j];
      }
      std::memcpy(out + s * slice_bytes_, params + offset, slice_bytes_);
    }
    return Status::Ok();
  }

 private:
  int nd_ = 0;
  int64_t slices_ = 0;
  size_t slice_bytes_ = 0;
  int64_t dims_[kMaxRank] = {};
  int64_t step_[kMaxRank] = {};
};

}  // namespace

std::unique_ptr<Op> CreateGatherNd() { return std::make_unique<GatherNdOp>(); }

}  // namespace edgelite
