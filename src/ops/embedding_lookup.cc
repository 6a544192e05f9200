// EMBEDDING_LOOKUP: output[i] = value[ids[i]] (rows of a rank >= 2 table).
// ids: int32, rank 1. value: float32, int8, uint8, int32 (rows copied as
// bytes, the output has the value's type and quantization), or hybrid: int8
// value with a float32 output, dequantized as TFLite does: int8 * (double)
// scale rounded once to float. Per-channel scales and int4 (v4) and uint8
// hybrid (TFLite reads the bytes as int8 there) are refused. An id outside
// [0, rows) fails Eval with kInvalidArgument, as TFLite's kernel.
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class EmbeddingLookupOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor *ids, *value;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &ids));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &value));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 1, 1));
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 0, DataType::kInt32));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 1, 2, kMaxRank));
    Tensor* out = ctx.output(0);
    hybrid_ = false;
    switch (value->type) {
      case DataType::kFloat32:
      case DataType::kInt8:
      case DataType::kUInt8:
      case DataType::kInt32:
        break;
      default:
        return ctx.InputError(StatusCode::kUnsupported, 1,
                              StrFormat("type %s is not supported (float32, "
                                        "int8, uint8, int32)",
                                        DataTypeName(value->type)));
    }
    if (out->type != value->type) {
      if (value->type != DataType::kInt8 || out->type != DataType::kFloat32) {
        return ctx.OutputError(
            StatusCode::kUnsupported, 0,
            StrFormat("a %s output of a %s table is not supported (same type, "
                      "or int8 -> float32)",
                      DataTypeName(out->type), DataTypeName(value->type)));
      }
      if (value->quant == nullptr || value->quant->scale.size() != 1) {
        return ctx.InputError(StatusCode::kUnsupported, 1,
                              "a hybrid (int8 -> float32) lookup needs one "
                              "per-tensor scale");
      }
      hybrid_ = true;
      scale_ = value->scale();
    }
    rows_ = value->shape.dims[0];
    row_elems_ = value->shape.FlatSize(1, value->shape.rank);
    Shape s = value->shape;
    s.dims[0] = ids->shape.dims[0];
    return ctx.SetOutputShape(0, s);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* ids_t = ctx.input(0);
    const Tensor* value = ctx.input(1);
    Tensor* out = ctx.output(0);
    const int32_t* ids = ids_t->Data<int32_t>();
    const int64_t n = ids_t->NumElements();
    const size_t row_bytes = row_elems_ * DataTypeSize(value->type);
    for (int64_t i = 0; i < n; ++i) {
      const int32_t id = ids[i];
      if (id < 0 || id >= rows_) {
        return ctx.Error(StatusCode::kInvalidArgument,
                         StrFormat("id %d (ids[%lld]) is out of range [0, %d)",
                                   id, static_cast<long long>(i), rows_));
      }
      if (hybrid_) {
        const int8_t* src = value->Data<int8_t>() + id * row_elems_;
        float* dst = out->MutableData<float>() + i * row_elems_;
        for (int64_t j = 0; j < row_elems_; ++j) {
          dst[j] = static_cast<float>(src[j] * scale_);
        }
      } else if (row_bytes > 0) {
        std::memcpy(out->data + i * row_bytes, value->data + id * row_bytes,
                    row_bytes);
      }
    }
    return Status::Ok();
  }

 private:
  bool hybrid_ = false;
  double scale_ = 0.0;
  int32_t rows_ = 0;
  int64_t row_elems_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateEmbeddingLookup() {
  return std::make_unique<EmbeddingLookupOp>();
}

}  // namespace edgelite
