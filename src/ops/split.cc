// SPLIT: num_splits equal pieces along an axis. Unlike every other op the
// axis is input 0 (a constant int32/int64 scalar or 1-element vector) and the
// data input 1. Outputs keep the input's bytes whatever their quantization
// (TFLite's kernel; LiteRT.js 2.5.3 returns unwritten outputs when the
// parameters differ).
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class SplitOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    const int n = ctx.num_outputs();
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, n));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &in));
    const int num_splits = ctx.options().split.num_splits;
    if (num_splits <= 0 || num_splits != n) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "num_splits %d must be positive and equal the "
                      "%d outputs",
                      num_splits, n);
    }
    std::vector<int64_t> axis_v;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 0, "axis", &axis_v));
    int axis = 0;
    if (axis_v.size() != 1 ||
        !NormalizeAxis(static_cast<int32_t>(axis_v[0]), in->shape.rank,
                       &axis) ||
        axis_v[0] != static_cast<int32_t>(axis_v[0])) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 0,
                         "axis %s is not one axis of input shape %s",
                         IndicesToString(axis_v).c_str(),
                         in->shape.ToString().c_str());
    }
    const int32_t dim = in->shape.dims[axis];
    if (dim % n != 0) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "dimension %d of input shape %s (size %d) "
                      "does not split evenly into %d",
                      axis, in->shape.ToString().c_str(), dim, n);
    }
    std::vector<int64_t> sizes(static_cast<size_t>(n), dim / n);
    return PrepareSplit(ctx, in, axis, sizes, &layout_);
  }

  Status Eval(OpContext& ctx) override {
    SplitEval(ctx, ctx.input(1), layout_);
    return Status::Ok();
  }

 private:
  SplitLayout layout_;
};

}  // namespace

std::unique_ptr<Op> CreateSplit() { return std::make_unique<SplitOp>(); }

}  // namespace edgelite
