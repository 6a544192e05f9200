// UNPACK: splits a tensor along an axis into that axis' size of tensors of
// one rank less. Like TFLite, each output's quantization must equal the
// input's.
#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class UnpackOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    const int n = ctx.num_outputs();
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, n));
    const PackOptions& opt = ctx.options().pack;
    const int rank = in->shape.rank;
    int axis = 0;
    if (!NormalizeAxis(opt.axis, rank, &axis)) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "axis %d is out of range for an input of "
                      "shape %s",
                      opt.axis, in->shape.ToString().c_str());
    }
    if (opt.count != n || in->shape.dims[axis] != n) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "num %d and the %d outputs must both equal dimension %d "
                      "of input shape %s",
                      opt.count, n, axis, in->shape.ToString().c_str());
    }
    size_t elem = 0;
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in, true, 0, &elem));
    Shape out;
    out.rank = rank - 1;
    for (int d = 0, k = 0; d < rank; ++d) {
      if (d != axis) out.dims[k++] = in->shape.dims[d];
    }
    for (int i = 0; i < n; ++i) {
      EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, i));
      EDGELITE_RETURN_IF_ERROR(CheckSameQuantization(ctx, 0, i));
      EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(i, out));
    }
    outer_ = in->shape.FlatSize(0, axis);
    row_bytes_ = static_cast<size_t>(in->shape.FlatSize(axis + 1, rank)) * elem;
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    const int n = ctx.num_outputs();
    const uint8_t* in = ctx.input(0)->data;
    const int64_t pitch = static_cast<int64_t>(row_bytes_) * n;
    for (int i = 0; i < n; ++i) {
      CopyRows(in + i * row_bytes_, pitch, ctx.output(i)->data,
               static_cast<int64_t>(row_bytes_), outer_, row_bytes_);
    }
    return Status::Ok();
  }

 private:
  int64_t outer_ = 0;
  size_t row_bytes_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateUnpack() { return std::make_unique<UnpackOp>(); }

}  // namespace edgelite
