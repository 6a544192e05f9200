// RESHAPE: same bytes, new shape. Where the target shape comes from follows
// TFLite's reshape kernel: a 1-D int32 shape tensor (input 1) wins; otherwise
// ReshapeOptions.new_shape (the legacy [0] meaning a scalar); a 1-D int64
// shape tensor is used when there are no options (TFLite would ignore it and
// produce a scalar). One dimension may be -1 and is inferred. The shape tensor
// must be constant: a file constant or one the interpreter folded before
// Invoke (SHAPE → STRIDED_SLICE → PACK chains).
#include <cstring>
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class ReshapeOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));

    std::vector<int64_t> target;
    const Tensor* shape_t = ctx.input(1);
    const bool is_vector = shape_t != nullptr && shape_t->shape.rank == 1;
    const ReshapeOptions& opt = ctx.options().reshape;
    if (is_vector &&
        (shape_t->type == DataType::kInt32 ||
         (shape_t->type == DataType::kInt64 && !opt.has_new_shape))) {
      EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 1, "shape", &target));
    } else if (opt.has_new_shape) {
      target.assign(opt.new_shape.begin(), opt.new_shape.end());
      if (target.size() == 1 && target[0] == 0) target.clear();
    }
    if (target.size() > static_cast<size_t>(kMaxRank)) {
      return OpErrorF(ctx, StatusCode::kUnsupported,
                      "target rank %zu exceeds %d", target.size(), kMaxRank);
    }
    Shape out;
    out.rank = static_cast<int32_t>(target.size());
    int infer = -1;
    int64_t known = 1;
    for (size_t i = 0; i < target.size(); ++i) {
      const int64_t d = target[i];
      if (d == -1) {
        if (infer >= 0) {
          return OpErrorF(ctx, StatusCode::kInvalidModel,
                          "target shape has more than one -1 dimension");
        }
        infer = static_cast<int>(i);
        out.dims[i] = 1;
        continue;
      }
      if (d < 0 || d > kMaxElements) {
        return OpErrorF(ctx, StatusCode::kInvalidModel,
                        "target dimension %zu is %lld", i,
                        static_cast<long long>(d));
      }
      out.dims[i] = static_cast<int32_t>(d);
      known *= d;
      if (known > kMaxElements) {
        return OpErrorF(ctx, StatusCode::kInvalidModel,
                        "target shape overflows");
      }
    }
    const int64_t n = in->NumElements();
    if (infer >= 0) {
      if (known == 0 || n % known != 0) {
        return OpErrorF(ctx, StatusCode::kInvalidModel,
                        "cannot infer the -1 dimension: %lld elements "
                        "into a multiple of %lld",
                        static_cast<long long>(n),
                        static_cast<long long>(known));
      }
      out.dims[infer] = static_cast<int32_t>(n / known);
    } else if (known != n) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "cannot reshape %s (%lld elements) to %s",
                      in->shape.ToString().c_str(), static_cast<long long>(n),
                      out.ToString().c_str());
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
