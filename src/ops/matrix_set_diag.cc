// MATRIX_SET_DIAG: input [..., M, N], diagonal [..., min(M, N)] -> the input
// with its main diagonal replaced. Data movement only: any fixed-size type,
// copied as bytes.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class MatrixSetDiagOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor *in, *diag;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &diag));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 2, kMaxRank));
    if (DataTypeSize(in->type) == 0) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("type %s is not supported", DataTypeName(in->type)));
    }
    if (diag->type != in->type) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("type %s differs from the input's %s",
                    DataTypeName(diag->type), DataTypeName(in->type)));
    }
    const int r = in->shape.rank;
    Shape want;
    for (int d = 0; d < r - 2; ++d) want.dims[want.rank++] = in->shape.dims[d];
    want.dims[want.rank++] =
        std::min(in->shape.dims[r - 2], in->shape.dims[r - 1]);
    if (diag->shape != want) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("diagonal must have shape %s for an input of %s, got %s",
                    want.ToString().c_str(), in->shape.ToString().c_str(),
                    diag->shape.ToString().c_str()));
    }
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    const Tensor* diag = ctx.input(1);
    Tensor* out = ctx.output(0);
    if (out->data != in->data && out->bytes > 0) {
      std::memcpy(out->data, in->data, out->bytes);
    }
    const int r = in->shape.rank;
    const int64_t m = in->shape.dims[r - 2], n = in->shape.dims[r - 1];
    const int64_t k = std::min(m, n);
    if (m * n == 0) return Status::Ok();
    const int64_t batches = in->NumElements() / (m * n);
    const size_t esize = DataTypeSize(in->type);
    for (int64_t b = 0; b < batches; ++b) {
      for (int64_t i = 0; i < k; ++i) {
        std::memcpy(out->data + (b * m * n + i * n + i) * esize,
                    diag->data + (b * k + i) * esize, esize);
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateMatrixSetDiag() {
  return std::make_unique<MatrixSetDiagOp>();
}

}  // namespace edgelite
