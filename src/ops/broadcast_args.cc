// BROADCAST_ARGS: two shape vectors (int32 or int64, the same type) -> their
// NumPy broadcast shape, of length max(len0, len1) (known before Invoke, so
// the values may arrive at run time). Incompatible shapes fail Eval with
// kInvalidArgument, as TFLite's kernel fails.
#include <algorithm>
#include <cstdint>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

int64_t Get(const Tensor* t, int64_t i) {
  return t->type == DataType::kInt32 ? t->Data<int32_t>()[i]
                                     : t->Data<int64_t>()[i];
}

class BroadcastArgsOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor *a, *b;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &a));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &b));
    if (a->type != DataType::kInt32 && a->type != DataType::kInt64) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("must be int32 or int64, got %s", DataTypeName(a->type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 1, a->type));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 1, 1));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 1, 1, 1));
    return ctx.SetOutputShape(
        0, Shape({std::max(a->shape.dims[0], b->shape.dims[0])}));
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* a = ctx.input(0);
    const Tensor* b = ctx.input(1);
    Tensor* out = ctx.output(0);
    const int64_t na = a->shape.dims[0], nb = b->shape.dims[0];
    const int64_t n = std::max(na, nb);
    for (int64_t i = 0; i < n; ++i) {
      const int64_t ia = i - (n - na), ib = i - (n - nb);
      const int64_t da = ia >= 0 ? Get(a, ia) : 1;
      const int64_t db = ib >= 0 ? Get(b, ib) : 1;
      int64_t d;
      if (da == db || db == 1) {
        d = da;
      } else if (da == 1) {
        d = db;
      } else {
        return ctx.Error(
            StatusCode::kInvalidArgument,
            StrFormat("shapes do not broadcast: dimension %lld "
                      "is %lld and %lld",
                      static_cast<long long>(i), static_cast<long long>(da),
                      static_cast<long long>(db)));
      }
      if (out->type == DataType::kInt32) {
        out->MutableData<int32_t>()[i] = static_cast<int32_t>(d);
      } else {
        out->MutableData<int64_t>()[i] = d;
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateBroadcastArgs() {
  return std::make_unique<BroadcastArgsOp>();
}

}  // namespace edgelite
