// TRANSPOSE: output axis d is input axis perm[d] (perm a constant
// int32/int64 permutation; TFLite goes up to rank 6, edgelite to 8).
// Measured against the peers: both read perm as int32 whatever its type, so
// an int64 perm gives them garbage (edgelite reads it as int64). With input
// and output quantization unequal, tfjs-tflite copies the bytes like edgelite
// while LiteRT.js 2.5.3 returns an unwritten output.
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class TransposeOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    size_t elem = 0;
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in, true, 0, &elem));
    std::vector<int64_t> perm;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 1, "perm", &perm));
    const int rank = in->shape.rank;
    bool seen[kMaxRank] = {};
    bool ok = static_cast<int>(perm.size()) == rank;
    for (size_t d = 0; ok && d < perm.size(); ++d) {
      ok = perm[d] >= 0 && perm[d] < rank && !seen[perm[d]];
      if (ok) seen[perm[d]] = true;
    }
    if (!ok) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "%s is not a permutation of the %d axes "
                         "of input shape %s",
                         IndicesToString(perm).c_str(), rank,
                         in->shape.ToString().c_str());
    }
    int64_t strides[kMaxRank] = {};
    DenseByteStrides(in->shape, elem, strides);
    Shape out;
    out.rank = rank;
    plan_ = StridedCopyPlan();
    plan_.elem = elem;
    for (int d = 0; d < rank; ++d) {
      out.dims[d] = in->shape.dims[perm[d]];
      plan_.Push(out.dims[d], strides[perm[d]]);
    }
    plan_.Simplify();
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    StridedCopy(plan_, ctx.input(0)->data, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  StridedCopyPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateTranspose() {
  return std::make_unique<TransposeOp>();
}

}  // namespace edgelite
