// REDUCE_ANY and REDUCE_ALL over constant axes (see reduce_common.h) of a bool
// tensor. An input with no elements yields false (ANY) / true (ALL) for every
// output, as TFLite initializes them.
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/reduce_common.h"

namespace edgelite {
namespace {

class ReduceAnyAllOp final : public Op {
 public:
  explicit ReduceAnyAllOp(bool is_any) : is_any_(is_any) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(PrepareReduce(ctx, &plan_));
    if (ctx.input(0)->type != DataType::kBool) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            StrFormat("%s needs a bool input, got %s",
                                      is_any_ ? "REDUCE_ANY" : "REDUCE_ALL",
                                      DataTypeName(ctx.input(0)->type)));
    }
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    const uint8_t* x = ctx.input(0)->data;
    uint8_t* y = ctx.output(0)->data;
    if (plan_.copy) {
      if (plan_.num_outputs > 0) std::memcpy(y, x, plan_.num_outputs);
      return Status::Ok();
    }
    // Bools are bytes holding 0 or 1.
    std::memset(y, is_any_ ? 0 : 1, plan_.num_outputs);
    if (is_any_) {
      ReduceInto(plan_, x, y, [](uint8_t& a, uint8_t v) { a = a | (v != 0); });
    } else {
      ReduceInto(plan_, x, y, [](uint8_t& a, uint8_t v) { a = a & (v != 0); });
    }
    return Status::Ok();
  }

 private:
  bool is_any_;
  ReducePlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateReduceAnyAllOp(bool is_any) {
  return std::make_unique<ReduceAnyAllOp>(is_any);
}

std::unique_ptr<Op> CreateReduceAny() { return CreateReduceAnyAllOp(true); }

}  // namespace edgelite
