// UNSORTED_SEGMENT_SUM / _MAX / _MIN / _PROD: data [d0, ..., dk, ...],
// segment_ids [d0, ..., dk] (int32, any order; a prefix of the data's
// shape), num_segments (an int32 scalar or [1], constant: it sets the output
// shape) -> [num_segments, data dims after the ids']. Each output row starts
// at TFLite's initial value (0; the type's lowest; the type's max; 1) and
// combines the data rows with its id; negative ids are skipped, an id
// >= num_segments fails Eval with kInvalidArgument (TFLite fails too).
// float32 and int32 (wrapping sums and products).
#include <cstdint>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/segment_common.h"

namespace edgelite {
namespace {

class UnsortedSegmentOp final : public Op {
 public:
  explicit UnsortedSegmentOp(SegmentOp op) : op_(op) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, 1));
    const Tensor *data, *ids, *num;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &data));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &ids));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 2, &num));
    if (data->type != DataType::kFloat32 && data->type != DataType::kInt32) {
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            StrFormat("type %s is not supported (float32, "
                                      "int32)",
                                      DataTypeName(data->type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 1, DataType::kInt32));
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 2, DataType::kInt32));
    const int ir = ids->shape.rank;
    bool prefix = ir >= 1 && ir <= data->shape.rank;
    for (int d = 0; prefix && d < ir; ++d) {
      prefix = ids->shape.dims[d] == data->shape.dims[d];
    }
    if (!prefix) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("segment_ids shape %s must be a prefix of the data's %s",
                    ids->shape.ToString().c_str(),
                    data->shape.ToString().c_str()));
    }
    if (num->NumElements() != 1 || num->shape.rank > 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 2,
                            StrFormat("num_segments must be a scalar or [1], "
                                      "got %s",
                                      num->shape.ToString().c_str()));
    }
    if (!num->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, 2,
                            "a non-constant num_segments is not supported; "
                            "edgelite plans memory before Invoke");
    }
    segments_ = num->Data<int32_t>()[0];
    if (segments_ < 0) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 2,
          StrFormat("num_segments is %d", static_cast<int>(segments_)));
    }
    Shape out;
    out.dims[out.rank++] = static_cast<int32_t>(segments_);
    for (int d = ir; d < data->shape.rank; ++d) {
      out.dims[out.rank++] = data->shape.dims[d];
    }
    row_ = data->shape.FlatSize(ir, data->shape.rank);
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* ids_t = ctx.input(1);
    const int32_t* ids = ids_t->Data<int32_t>();
    const int64_t n = ids_t->NumElements();
    for (int64_t i = 0; i < n; ++i) {
      if (ids[i] >= segments_) {
        return ctx.Error(StatusCode::kInvalidArgument,
                         StrFormat("segment_ids[%lld] = %d is not below "
                                   "num_segments %lld",
                                   static_cast<long long>(i), ids[i],
                                   static_cast<long long>(segments_)));
      }
    }
    SegmentReduce(op_, ctx.input(0), ids, n, row_, segments_, ctx.output(0));
    return Status::Ok();
  }

 private:
  SegmentOp op_;
  int64_t row_ = 0, segments_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateUnsortedSegmentOp(SegmentOp op) {
  return std::make_unique<UnsortedSegmentOp>(op);
}

}  // namespace edgelite
