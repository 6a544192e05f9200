// RANK: the input's number of dimensions as an int32 scalar.
#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class RankOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    if (ctx.output(0)->type != DataType::kInt32) {
      return OutputErrorF(ctx, StatusCode::kInvalidModel, 0,
                          "must be int32, got %s",
                          DataTypeName(ctx.output(0)->type));
    }
    return ctx.SetOutputShape(0, Shape());
  }

  Status Eval(OpContext& ctx) override {
    ctx.output(0)->MutableData<int32_t>()[0] = ctx.input(0)->shape.rank;
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateRank() { return std::make_unique<RankOp>(); }

}  // namespace edgelite
