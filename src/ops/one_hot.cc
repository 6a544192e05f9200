// ONE_HOT: output[..., j, ...] = on_value where the index equals j, else
// off_value; depth (constant int32 scalar) inserted at `axis` (-1 = last).
// Indices are int32 or int64; like TFLite an int64 index is compared after
// truncation to 32 bits, and out-of-range or negative indices give an all-off
// row. on/off are scalars of the output type, copied as bytes.
#include <cstring>
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class OneHotOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 4, 4, 1));
    const Tensor* indices = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &indices));
    EDGELITE_RETURN_IF_ERROR(CheckIndexType(ctx, 0));
    for (int i = 2; i <= 3; ++i) {
      const Tensor* v = nullptr;
      EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &v));
      if (v->NumElements() != 1) {
        return InputErrorF(ctx, StatusCode::kInvalidModel, i,
                           "must hold one value, has shape %s",
                           v->shape.ToString().c_str());
      }
      EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, i, 0));
    }
    EDGELITE_RETURN_IF_ERROR(
        ElementSize(ctx, ctx.output(0), /*is_input=*/false, 0, &elem_));
    std::vector<int64_t> depth;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 1, "depth", &depth));
    if (depth.size() != 1 || depth[0] < 0 || depth[0] > kMaxElements) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "depth must be one non-negative value, "
                         "got %s",
                         IndicesToString(depth).c_str());
    }
    const Shape& ix = indices->shape;
    // Without an options table TFLite's axis is 0, not the schema's -1.
    const int32_t opt_axis =
        ctx.options().present ? ctx.options().one_hot.axis : 0;
    const int axis = opt_axis == -1 ? ix.rank : opt_axis;
    if (axis < 0 || axis > ix.rank || ix.rank + 1 > kMaxRank) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "axis %d is out of range for indices shape %s", opt_axis,
                      ix.ToString().c_str());
    }
    Shape out;
    out.rank = ix.rank + 1;
    for (int d = 0, k = 0; d < out.rank; ++d) {
      out.dims[d] = d == axis ? static_cast<int32_t>(depth[0]) : ix.dims[k++];
    }
    prefix_ = ix.FlatSize(0, axis);
    suffix_ = ix.FlatSize(axis, ix.rank);
    depth_ = depth[0];
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* indices = ctx.input(0);
    const uint8_t* on = ctx.input(2)->data;
    const uint8_t* off = ctx.input(3)->data;
    uint8_t* out = ctx.output(0)->data;
    for (int64_t i = 0; i < prefix_; ++i) {
      for (int64_t j = 0; j < depth_; ++j) {
        for (int64_t k = 0; k < suffix_; ++k, out += elem_) {
          const int32_t v =
              static_cast<int32_t>(ReadIndex(indices, i * suffix_ + k));
          std::memcpy(out, v == j ? on : off, elem_);
        }
      }
    }
    return Status::Ok();
  }

 private:
  size_t elem_ = 0;
  int64_t prefix_ = 0, suffix_ = 0, depth_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateOneHot() { return std::make_unique<OneHotOp>(); }

}  // namespace edgelite
