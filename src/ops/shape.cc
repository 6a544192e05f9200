// SHAPE: the input's dimensions as a 1-D int32 or int64 tensor
// (ShapeOptions.out_type). Only the input's shape is read, never its data.
// (LiteRT.js 2.5.3 returns zeros for this output, which TFLite computes at
// prepare time; tfjs-tflite returns the dimensions.)
#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class ShapeOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    Tensor* out = ctx.output(0);
    const DataType want = ctx.options().shape.out_type;
    if (want != DataType::kInt32 && want != DataType::kInt64) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "out_type must be int32 or int64, got %s",
                      DataTypeName(want));
    }
    if (out->type != want) {
      return OutputErrorF(ctx, StatusCode::kInvalidModel, 0,
                          "type %s differs from out_type %s",
                          DataTypeName(out->type), DataTypeName(want));
    }
    return ctx.SetOutputShape(0, Shape({in->shape.rank}));
  }

  EDGELITE_PREPARE_CODE Status Eval(OpContext& ctx) override {
    const Shape& s = ctx.input(0)->shape;
    Tensor* out = ctx.output(0);
    for (int d = 0; d < s.rank; ++d) {
      if (out->type == DataType::kInt64) {
        out->MutableData<int64_t>()[d] = s.dims[d];
      } else {
        out->MutableData<int32_t>()[d] = s.dims[d];
      }
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateShape() { return std::make_unique<ShapeOp>(); }

}  // namespace edgelite
