// BROADCAST_TO: NumPy broadcasting of the input to a constant shape
// (int32/int64) of at least the input's rank: every input axis is 1 (read
// with step 0) or equal to the target.
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class BroadcastToOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    size_t elem = 0;
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in, true, 0, &elem));
    std::vector<int64_t> shape;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 1, "shape", &shape));
    const int rank = static_cast<int>(shape.size());
    const int lead = rank - in->shape.rank;
    bool ok = lead >= 0 && rank <= kMaxRank;
    for (int d = 0; ok && d < rank; ++d) {
      ok = shape[d] >= 0 && shape[d] <= kMaxElements &&
           (d < lead || in->shape.dims[d - lead] == 1 ||
            in->shape.dims[d - lead] == shape[d]);
    }
    if (!ok) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "cannot broadcast input shape %s to %s",
                         in->shape.ToString().c_str(),
                         IndicesToString(shape).c_str());
    }
    int64_t strides[kMaxRank] = {};
    DenseByteStrides(in->shape, elem, strides);
    Shape out;
    out.rank = rank;
    plan_ = StridedCopyPlan();
    plan_.elem = elem;
    for (int d = 0; d < rank; ++d) {
      out.dims[d] = static_cast<int32_t>(shape[d]);
      const bool repeat = d < lead || in->shape.dims[d - lead] == 1;
      plan_.Push(shape[d], repeat ? 0 : strides[d - lead]);
    }
    plan_.Simplify();
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    StridedCopy(plan_, ctx.input(0)->data, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  StridedCopyPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateBroadcastTo() {
  return std::make_unique<BroadcastToOp>();
}

}  // namespace edgelite
