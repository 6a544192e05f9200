// SQUEEZE: removes size-1 dimensions (all of them, or those in squeeze_dims).
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class SqueezeOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    const Tensor* in = ctx.input(0);
    const int rank = in->shape.rank;
    bool drop[kMaxRank] = {};
    const std::vector<int32_t>& dims = ctx.options().squeeze.squeeze_dims;
    if (dims.empty()) {
      for (int d = 0; d < rank; ++d) drop[d] = in->shape.dims[d] == 1;
    } else {
      for (int32_t axis : dims) {
        int d = 0;
        if (!NormalizeAxis(axis, rank, &d)) {
          return ctx.Error(StatusCode::kInvalidModel,
                           StrFormat("squeeze dim %d out of range for shape %s",
                                     axis, in->shape.ToString().c_str()));
        }
        if (in->shape.dims[d] != 1) {
          return ctx.Error(
              StatusCode::kInvalidModel,
              StrFormat("cannot squeeze dim %d of shape %s (size %d)", axis,
                        in->shape.ToString().c_str(), in->shape.dims[d]));
        }
        drop[d] = true;
      }
    }
    Shape out;
    for (int d = 0; d < rank; ++d) {
      if (!drop[d]) out.dims[out.rank++] = in->shape.dims[d];
    }
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    if (out->data != in->data && out->bytes > 0) {
      std::memcpy(out->data, in->data, out->bytes);
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateSqueeze() { return std::make_unique<SqueezeOp>(); }

}  // namespace edgelite
