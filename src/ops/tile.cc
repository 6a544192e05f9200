// TILE: repeats the input multiples[d] times along every axis d (multiples a
// constant int32/int64 vector). Each axis becomes two in the copy plan: the
// repetition (input step 0) and the original axis.
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class TileOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    size_t elem = 0;
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in, true, 0, &elem));
    std::vector<int64_t> mult;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 1, "multiples", &mult));
    const int rank = in->shape.rank;
    bool ok = static_cast<int>(mult.size()) == rank;
    for (size_t d = 0; ok && d < mult.size(); ++d) {
      ok = mult[d] >= 0 && mult[d] <= kMaxElements;
    }
    if (!ok) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "multiples %s must be %d non-negative "
                         "values for input shape %s",
                         IndicesToString(mult).c_str(), rank,
                         in->shape.ToString().c_str());
    }
    int64_t strides[kMaxRank] = {};
    DenseByteStrides(in->shape, elem, strides);
    Shape out;
    out.rank = rank;
    plan_ = StridedCopyPlan();
    plan_.elem = elem;
    for (int d = 0; d < rank; ++d) {
      const int64_t n = mult[d] * in->shape.dims[d];
      if (n > kMaxElements) {
        return OpErrorF(ctx, StatusCode::kInvalidModel,
                        "output axis %d would have %lld elements", d,
                        static_cast<long long>(n));
      }
      out.dims[d] = static_cast<int32_t>(n);
      plan_.Push(mult[d], 0);
      plan_.Push(in->shape.dims[d], strides[d]);
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

std::unique_ptr<Op> CreateTile() { return std::make_unique<TileOp>(); }

}  // namespace edgelite
