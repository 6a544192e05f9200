// PACK: stacks N same-shaped tensors along a new axis. Like TFLite, the
// inputs' quantization must equal the output's (no requantization).
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class PackOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    const int n = ctx.num_inputs();
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, n > 0 ? n : 1, 1));
    const PackOptions& opt = ctx.options().pack;
    if (opt.count != n) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "values_count %d differs from the %d inputs", opt.count,
                      n);
    }
    const Tensor* in0 = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in0));
    const int rank = in0->shape.rank;
    if (rank + 1 > kMaxRank) {
      return OpErrorF(ctx, StatusCode::kUnsupported,
                      "output rank %d exceeds %d", rank + 1, kMaxRank);
    }
    int axis = 0;
    if (!NormalizeAxis(opt.axis, rank + 1, &axis)) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "axis %d is out of range for inputs of rank %d", opt.axis,
                      rank);
    }
    size_t elem = 0;
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in0, true, 0, &elem));
    for (int i = 0; i < n; ++i) {
      const Tensor* in = nullptr;
      EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &in));
      if (in->type != in0->type || in->shape != in0->shape) {
        return InputErrorF(ctx, StatusCode::kInvalidModel, i,
                           "%s %s differs from input 0 (%s %s)",
                           DataTypeName(in->type), in->shape.ToString().c_str(),
                           DataTypeName(in0->type),
                           in0->shape.ToString().c_str());
      }
      EDGELITE_RETURN_IF_ERROR(CheckSameQuantization(ctx, i, 0));
    }
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    Shape out;
    out.rank = rank + 1;
    for (int d = 0, k = 0; d < out.rank; ++d) {
      out.dims[d] = d == axis ? n : in0->shape.dims[k++];
    }
    outer_ = in0->shape.FlatSize(0, axis);
    row_bytes_ = static_cast<size_t>(in0->shape.FlatSize(axis, rank)) * elem;
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const int n = ctx.num_inputs();
    const int64_t pitch = static_cast<int64_t>(row_bytes_) * n;
    uint8_t* out = ctx.output(0)->data;
    for (int i = 0; i < n; ++i) {
      CopyRows(ctx.input(i)->data, static_cast<int64_t>(row_bytes_),
               out + i * row_bytes_, pitch, outer_, row_bytes_);
    }
    return Status::Ok();
  }

 private:
  int64_t outer_ = 0;
  size_t row_bytes_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreatePack() { return std::make_unique<PackOp>(); }

}  // namespace edgelite
