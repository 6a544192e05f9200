// FILL: a tensor of constant shape (input 0, int32/int64) holding one value
// (input 1, a scalar of any type). Like TFLite, a quantized value must carry
// the output's scale and zero point (no requantization), and int16 a zero
// point of 0.
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class FillOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 1, 1));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 1, 0, 0));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 1, 0));
    EDGELITE_RETURN_IF_ERROR(
        ElementSize(ctx, ctx.input(1), /*is_input=*/true, 1, &elem_));
    EDGELITE_RETURN_IF_ERROR(CheckSameQuantization(ctx, 1, 0));
    if (ctx.input(1)->type == DataType::kInt16 &&
        ctx.input(1)->zero_point() != 0) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "int16 zero point must be 0, got %d",
                         ctx.input(1)->zero_point());
    }
    std::vector<int64_t> dims;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 0, "dims", &dims));
    if (dims.size() > static_cast<size_t>(kMaxRank)) {
      return InputErrorF(ctx, StatusCode::kUnsupported, 0,
                         "output rank %zu exceeds %d", dims.size(), kMaxRank);
    }
    Shape out;
    out.rank = static_cast<int32_t>(dims.size());
    for (int d = 0; d < out.rank; ++d) {
      if (dims[d] < 0 || dims[d] > kMaxElements) {
        return InputErrorF(ctx, StatusCode::kInvalidModel, 0,
                           "dimension %d is %lld", d,
                           static_cast<long long>(dims[d]));
      }
      out.dims[d] = static_cast<int32_t>(dims[d]);
    }
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    Tensor* out = ctx.output(0);
    FillBytes(out->data, ctx.input(1)->data, elem_, out->NumElements());
    return Status::Ok();
  }

 private:
  size_t elem_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateFill() { return std::make_unique<FillOp>(); }

}  // namespace edgelite
