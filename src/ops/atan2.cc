// ATAN2: out = atan2(y, x) element-wise, float32 (libm atan2f, as TFLite's
// std::atan2 on floats). TFLite's kernel takes the output shape from y and
// indexes x with it without a check; edgelite requires equal shapes.
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class Atan2Op final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor *y, *x;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &y));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &x));
    if (y->type != DataType::kFloat32) {
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            StrFormat("type %s is not supported (float32)",
                                      DataTypeName(y->type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 1, DataType::kFloat32));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    if (x->shape != y->shape) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("shape %s differs from y's %s (ATAN2 "
                    "does not broadcast)",
                    x->shape.ToString().c_str(), y->shape.ToString().c_str()));
    }
    return ctx.SetOutputShape(0, y->shape);
  }

  Status Eval(OpContext& ctx) override {
    const float* y = ctx.input(0)->Data<float>();
    const float* x = ctx.input(1)->Data<float>();
    float* out = ctx.output(0)->MutableData<float>();
    const int64_t n = ctx.output(0)->NumElements();
    for (int64_t i = 0; i < n; ++i) out[i] = std::atan2(y[i], x[i]);
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateAtan2() { return std::make_unique<Atan2Op>(); }

}  // namespace edgelite
