// SEGMENT_SUM: data [n, ...], sorted segment_ids [n] (int32) -> [last id + 1,
// ...], each output row the sum of the data rows with that id. The ids set
// the output shape, so they must be constant (or folded at prepare time);
// as TFLite requires, they start at 0 and grow by 0 or 1 (no empty
// segments). float32 and int32 (wrapping sums).
// Measured: with non-constant data TFLite makes the output dynamic and both
// LiteRT.js 2.5.3 and tfjs-tflite return an unwritten buffer, so the
// conformance cases use constant data (then TFLite computes it in Eval and
// edgelite folds it at prepare time).
#include <cstdint>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/segment_common.h"

namespace edgelite {
namespace {

class SegmentSumOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor *data, *ids;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &data));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &ids));
    if (data->type != DataType::kFloat32 && data->type != DataType::kInt32) {
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            StrFormat("type %s is not supported (float32, "
                                      "int32)",
                                      DataTypeName(data->type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 1, kMaxRank));
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 1, DataType::kInt32));
    if (ids->shape.rank != 1 || ids->shape.dims[0] != data->shape.dims[0]) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("segment_ids must have shape [%d] (data dimension 0), "
                    "got %s",
                    data->shape.dims[0], ids->shape.ToString().c_str()));
    }
    if (!ids->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, 1,
                            "non-constant segment_ids are not supported (they "
                            "set the output shape); edgelite plans memory "
                            "before Invoke");
    }
    const int32_t* v = ids->Data<int32_t>();
    const int32_t n = ids->shape.dims[0];
    for (int32_t i = 0; i < n; ++i) {
      const int32_t step = i == 0 ? v[0] : v[i] - v[i - 1];
      if (step != 0 && !(i > 0 && step == 1)) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 1,
            StrFormat("segment_ids must start at 0 and grow by 0 or 1 (as "
                      "TFLite requires); segment_ids[%d] = %d",
                      i, v[i]));
      }
    }
    Shape out = data->shape;
    out.dims[0] = n > 0 ? v[n - 1] + 1 : 0;
    segments_ = out.dims[0];
    row_ = data->shape.FlatSize(1, data->shape.rank);
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* data = ctx.input(0);
    SegmentReduce(SegmentOp::kSum, data, ctx.input(1)->Data<int32_t>(),
                  data->shape.dims[0], row_, segments_, ctx.output(0));
    return Status::Ok();
  }

 private:
  int64_t row_ = 0, segments_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateSegmentSum() {
  return std::make_unique<SegmentSumOp>();
}

}  // namespace edgelite
