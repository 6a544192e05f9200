// REVERSE_SEQUENCE: for each index b along batch_dim, reverses the first
// seq_lengths[b] elements along seq_dim; the rest is copied. Types as
// TFLite's kernel: float32, uint8, int16, int32, int64 (moved as bytes);
// seq_lengths int32 or int64, read at Eval. A length above the seq_dim size
// fails Eval with kInvalidArgument (TFLite checks only the first one and
// reads out of bounds for the others); a length <= 1 leaves the slice as is.
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class ReverseSequenceOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor *in, *lens;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &lens));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    switch (in->type) {
      case DataType::kFloat32:
      case DataType::kUInt8:
      case DataType::kInt16:
      case DataType::kInt32:
      case DataType::kInt64:
        break;
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("type %s is not supported (float32, "
                                        "uint8, int16, int32, int64)",
                                        DataTypeName(in->type)));
    }
    if (lens->type != DataType::kInt32 && lens->type != DataType::kInt64) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            StrFormat("seq_lengths must be int32 or int64, "
                                      "got %s",
                                      DataTypeName(lens->type)));
    }
    const ReverseSequenceOptions& o = ctx.options().reverse_sequence;
    const int rank = in->shape.rank;
    if (o.seq_dim < 0 || o.seq_dim >= rank || o.batch_dim < 0 ||
        o.batch_dim >= rank || o.seq_dim == o.batch_dim) {
      return ctx.Error(StatusCode::kInvalidModel,
                       StrFormat("seq_dim %d and batch_dim %d must be "
                                 "different dimensions in [0, %d)",
                                 o.seq_dim, o.batch_dim, rank));
    }
    seq_dim_ = o.seq_dim;
    batch_dim_ = o.batch_dim;
    if (lens->shape.rank != 1 ||
        lens->shape.dims[0] != in->shape.dims[batch_dim_]) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("seq_lengths must have shape [%d] (the batch_dim size), "
                    "got %s",
                    in->shape.dims[batch_dim_],
                    lens->shape.ToString().c_str()));
    }
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    const Tensor* lens = ctx.input(1);
    Tensor* out = ctx.output(0);
    const Shape& s = in->shape;
    const int rank = s.rank;
    const int32_t seq_size = s.dims[seq_dim_];
    for (int32_t b = 0; b < s.dims[batch_dim_]; ++b) {
      const int64_t len = Length(lens, b);
      if (len > seq_size) {
        return ctx.Error(StatusCode::kInvalidArgument,
                         StrFormat("seq_lengths[%d] = %lld exceeds the seq_dim "
                                   "size %d",
                                   b, static_cast<long long>(len), seq_size));
      }
    }
    const int64_t n = in->NumElements();
    if (n == 0) return Status::Ok();
    const size_t esize = DataTypeSize(in->type);
    int64_t stride[kMaxRank];
    int64_t st = 1;
    for (int d = rank - 1; d >= 0; --d) {
      stride[d] = st;
      st *= s.dims[d];
    }
    int32_t c[kMaxRank] = {};
    for (int64_t i = 0; i < n; ++i) {
      int64_t src = i;
      const int64_t len = Length(lens, c[batch_dim_]);
      if (c[seq_dim_] < len) {
        src += (len - 1 - 2 * int64_t{c[seq_dim_]}) * stride[seq_dim_];
      }
      std::memcpy(out->data + i * esize, in->data + src * esize, esize);
      for (int d = rank - 1; d >= 0; --d) {
        if (++c[d] < s.dims[d]) break;
        c[d] = 0;
      }
    }
    return Status::Ok();
  }

 private:
  static int64_t Length(const Tensor* lens, int32_t b) {
    return lens->type == DataType::kInt32 ? lens->Data<int32_t>()[b]
                                          : lens->Data<int64_t>()[b];
  }

  int seq_dim_ = 0, batch_dim_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateReverseSequence() {
  return std::make_unique<ReverseSequenceOp>();
}

}  // namespace edgelite
