// DYNAMIC_UPDATE_SLICE: output = operand with `update` written at
// start_indices (int32 v1, int64 v2; one per dimension, read at Eval). As
// TFLite (and XLA), each start is clamped into [0, operand_dim - update_dim],
// so the update always fits. Data movement only: elements are copied as
// bytes. Types as TFLite's kernel: float32, float16, bool, int8, int16,
// int32, int64; uint8 is refused (TFLite's kernel has no uint8 case:
// tfjs-tflite fails the node, LiteRT.js 2.5.3 returns garbage).
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class DynamicUpdateSliceOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, 1));
    const Tensor *operand, *update, *start;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &operand));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &update));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 2, &start));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    if (update->type != operand->type) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("type %s differs from the operand's %s",
                    DataTypeName(update->type), DataTypeName(operand->type)));
    }
    switch (operand->type) {
      case DataType::kFloat32:
      case DataType::kFloat16:
      case DataType::kBool:
      case DataType::kInt8:
      case DataType::kInt16:
      case DataType::kInt32:
      case DataType::kInt64:
        break;
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("type %s is not supported (float32, "
                                        "float16, bool, int8, int16, int32, "
                                        "int64, as TFLite)",
                                        DataTypeName(operand->type)));
    }
    const int rank = operand->shape.rank;
    if (update->shape.rank != rank) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            StrFormat("rank %d differs from the operand's %d",
                                      update->shape.rank, rank));
    }
    for (int d = 0; d < rank; ++d) {
      if (update->shape.dims[d] > operand->shape.dims[d]) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 1,
            StrFormat("shape %s does not fit into the operand's %s",
                      update->shape.ToString().c_str(),
                      operand->shape.ToString().c_str()));
      }
    }
    if (start->type != DataType::kInt32 && start->type != DataType::kInt64) {
      return ctx.InputError(StatusCode::kInvalidModel, 2,
                            StrFormat("start indices must be int32 or int64, "
                                      "got %s",
                                      DataTypeName(start->type)));
    }
    if (start->shape.rank != 1 || start->shape.dims[0] != rank) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 2,
          StrFormat("start indices must have shape [%d], got %s", rank,
                    start->shape.ToString().c_str()));
    }
    return ctx.SetOutputShape(0, operand->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* operand = ctx.input(0);
    const Tensor* update = ctx.input(1);
    const Tensor* start_t = ctx.input(2);
    Tensor* out = ctx.output(0);
    if (out->data != operand->data && out->bytes > 0) {
      std::memcpy(out->data, operand->data, out->bytes);
    }
    if (update->NumElements() == 0) return Status::Ok();
    const int rank = operand->shape.rank;
    const size_t esize = DataTypeSize(operand->type);
    int64_t offset = 0;  // of the update's first element in the output
    int64_t ostride[kMaxRank];
    int64_t stride = 1;
    for (int d = rank - 1; d >= 0; --d) {
      ostride[d] = stride;
      stride *= operand->shape.dims[d];
    }
    for (int d = 0; d < rank; ++d) {
      const int64_t s = start_t->type == DataType::kInt32
                            ? start_t->Data<int32_t>()[d]
                            : start_t->Data<int64_t>()[d];
      const int64_t hi = operand->shape.dims[d] - update->shape.dims[d];
      offset += std::min<int64_t>(std::max<int64_t>(s, 0), hi) * ostride[d];
    }
    // Copy rows of the innermost dimension, walking the outer coordinates.
    const int64_t row = rank > 0 ? update->shape.dims[rank - 1] : 1;
    const int64_t rows = update->NumElements() / row;
    int32_t coord[kMaxRank] = {};
    for (int64_t r = 0; r < rows; ++r) {
      int64_t o = offset;
      for (int d = 0; d + 1 < rank; ++d) o += coord[d] * ostride[d];
      std::memcpy(out->data + o * esize, update->data + r * row * esize,
                  row * esize);
      for (int d = rank - 2; d >= 0; --d) {
        if (++coord[d] < update->shape.dims[d]) break;
        coord[d] = 0;
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateDynamicUpdateSlice() {
  return std::make_unique<DynamicUpdateSliceOp>();
}

}  // namespace edgelite
