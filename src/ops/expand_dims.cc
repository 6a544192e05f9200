// EXPAND_DIMS: inserts a size-1 dimension at a constant axis (negative
// counts from the end: -1 appends). Same bytes, new shape. TFLite requires
// the output's quantization to equal the input's (tfjs-tflite refuses the
// model; LiteRT.js 2.5.3 fails to prepare it and returns zeros), so edgelite
// refuses it too.
#include <cstring>
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class ExpandDimsOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(CheckSameQuantization(ctx, 0, 0));
    std::vector<int64_t> axis;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 1, "axis", &axis));
    if (axis.size() != 1) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "axis must hold one value, has %zu", axis.size());
    }
    const int rank = in->shape.rank;
    if (rank + 1 > kMaxRank) {
      return OpErrorF(ctx, StatusCode::kUnsupported,
                      "output rank %d exceeds %d", rank + 1, kMaxRank);
    }
    int64_t a = axis[0] < 0 ? axis[0] + rank + 1 : axis[0];
    if (a < 0 || a > rank) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "axis %lld is out of range for an input of rank %d",
                         static_cast<long long>(axis[0]), rank);
    }
    Shape out;
    out.rank = rank + 1;
    for (int d = 0, k = 0; d < out.rank; ++d) {
      out.dims[d] = d == a ? 1 : in->shape.dims[k++];
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

std::unique_ptr<Op> CreateExpandDims() {
  return std::make_unique<ExpandDimsOp>();
}

}  // namespace edgelite
