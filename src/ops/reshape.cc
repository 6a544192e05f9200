// RESHAPE: same bytes, new shape. The target shape comes from the optional
// second input (a constant int32 vector) or from ReshapeOptions.new_shape; one
// dimension may be -1 and is inferred.
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class ReshapeOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));

    std::vector<int32_t> target;
    const Tensor* shape_t = ctx.input(1);
    const bool use_tensor = shape_t != nullptr && shape_t->shape.rank == 1 &&
                            shape_t->NumElements() > 0;
    if (use_tensor) {
      if (shape_t->type != DataType::kInt32) {
        return ctx.InputError(StatusCode::kUnsupported, 1,
                              StrFormat("shape must be int32, got %s",
                                        DataTypeName(shape_t->type)));
      }
      if (!shape_t->is_constant()) {
        return ctx.InputError(StatusCode::kUnsupported, 1,
                              "shape computed at run time is not supported yet");
      }
      target.assign(shape_t->Data<int32_t>(),
                    shape_t->Data<int32_t>() + shape_t->NumElements());
    } else if (ctx.options().reshape.has_new_shape) {
      target = ctx.options().reshape.new_shape;
    } else if (shape_t != nullptr && shape_t->NumElements() == 0) {
      target.clear();  // reshape to a scalar
    } else {
      return ctx.Error(StatusCode::kInvalidModel,
                       "no target shape (neither a shape input nor new_shape)");
    }
    if (target.size() > static_cast<size_t>(kMaxRank)) {
      return ctx.Error(StatusCode::kUnsupported,
                       StrFormat("target rank %zu exceeds %d", target.size(), kMaxRank));
    }
    Shape out;
    out.rank = static_cast<int32_t>(target.size());
    int infer = -1;
    int64_t known = 1;
    for (size_t i = 0; i < target.size(); ++i) {
      const int32_t d = target[i];
      if (d == -1) {
        if (infer >= 0) {
          return ctx.Error(StatusCode::kInvalidModel,
                           "target shape has more than one -1 dimension");
        }
        infer = static_cast<int>(i);
        out.dims[i] = 1;
        continue;
      }
      if (d < 0) {
        return ctx.Error(StatusCode::kInvalidModel,
                         StrFormat("target dimension %zu is %d", i, d));
      }
      out.dims[i] = d;
      known *= d;
      if (known > kMaxElements) {
        return ctx.Error(StatusCode::kInvalidModel, "target shape overflows");
      }
    }
    const int64_t n = in->NumElements();
    if (infer >= 0) {
      if (known == 0 || n % known != 0) {
        return ctx.Error(StatusCode::kInvalidModel,
                         StrFormat("cannot infer the -1 dimension: %lld elements "
                                   "into a multiple of %lld",
                                   static_cast<long long>(n),
                                   static_cast<long long>(known)));
      }
      out.dims[infer] = static_cast<int32_t>(n / known);
    } else if (known != n) {
      return ctx.Error(StatusCode::kInvalidModel,
                       StrFormat("cannot reshape %s (%lld elements) to %s",
                                 in->shape.ToString().c_str(),
                                 static_cast<long long>(n),
                                 out.ToString().c_str()));
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

std::unique_ptr<Op> CreateReshape() { return std::make_unique<ReshapeOp>(); }

}  // namespace edgelite
