// MATRIX_DIAG: [..., N] -> [..., N, N] with the input on the main diagonal
// and zeros elsewhere. Data movement only: any fixed-size type, copied as
// bytes (a quantized output's "zero" is the all-zero byte pattern, as TFLite
// writes it, not the zero point).
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class MatrixDiagOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 1, kMaxRank - 1));
    if (DataTypeSize(in->type) == 0) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("type %s is not supported", DataTypeName(in->type)));
    }
    Shape out = in->shape;
    out.dims[out.rank++] = in->shape.dims[in->shape.rank - 1];
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    if (out->bytes > 0) std::memset(out->data, 0, out->bytes);
    const int64_t n = in->shape.dims[in->shape.rank - 1];
    if (n == 0) return Status::Ok();
    const int64_t batches = in->NumElements() / n;
    const size_t esize = DataTypeSize(in->type);
    for (int64_t b = 0; b < batches; ++b) {
      for (int64_t i = 0; i < n; ++i) {
        std::memcpy(out->data + ((b * n + i) * n + i) * esize,
                    in->data + (b * n + i) * esize, esize);
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateMatrixDiag() {
  return std::make_unique<MatrixDiagOp>();
}

}  // namespace edgelite
