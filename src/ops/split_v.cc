// SPLIT_V: pieces of given sizes along an axis. Inputs: data, size_splits
// (constant int32/int64, one entry may be -1 for "the rest"), axis (constant
// scalar).
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class SplitVOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    const int n = ctx.num_outputs();
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, n));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    const int num_splits = ctx.options().split.num_splits;
    if (num_splits != n) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "num_splits %d differs from the %d outputs", num_splits,
                      n);
    }
    std::vector<int64_t> axis_v;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 2, "axis", &axis_v));
    int axis = 0;
    if (axis_v.size() != 1 || axis_v[0] != static_cast<int32_t>(axis_v[0]) ||
        !NormalizeAxis(static_cast<int32_t>(axis_v[0]), in->shape.rank,
                       &axis)) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 2,
                         "axis %s is not one axis of input shape %s",
                         IndicesToString(axis_v).c_str(),
                         in->shape.ToString().c_str());
    }
    std::vector<int64_t> sizes;
    EDGELITE_RETURN_IF_ERROR(
        ReadConstantIndices(ctx, 1, "size_splits", &sizes));
    const int64_t dim = in->shape.dims[axis];
    if (static_cast<int>(sizes.size()) != n) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "has %zu sizes for %d outputs", sizes.size(), n);
    }
    int rest = -1;
    int64_t sum = 0;
    bool bad = false;
    for (int i = 0; i < n; ++i) {
      if (sizes[i] == -1 && rest < 0) {
        rest = i;
      } else if (sizes[i] < 0 || sizes[i] > dim) {
        bad = true;
      } else {
        sum += sizes[i];
      }
    }
    if (rest >= 0 && !bad && sum <= dim) sizes[rest] = dim - sum;
    if (bad || (rest < 0 && sum != dim) || (rest >= 0 && sum > dim)) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "sizes %s do not split dimension %d of input shape %s "
                         "(size %lld)",
                         IndicesToString(sizes).c_str(), axis,
                         in->shape.ToString().c_str(),
                         static_cast<long long>(dim));
    }
    return PrepareSplit(ctx, in, axis, sizes, &layout_);
  }

  Status Eval(OpContext& ctx) override {
    SplitEval(ctx, ctx.input(0), layout_);
    return Status::Ok();
  }

 private:
  SplitLayout layout_;
};

}  // namespace

std::unique_ptr<Op> CreateSplitV() { return std::make_unique<SplitVOp>(); }

}  // namespace edgelite
