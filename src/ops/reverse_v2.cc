// REVERSE_V2: reverses the input along the axes listed in input 1
// (int32/int64, negative counts from the end, no repeats). The axes may be
// computed at run time: the copy plan is then rebuilt in Eval, without
// allocating. Several axes are reversed independently (TensorFlow's meaning).
// Measured: LiteRT.js 2.5.3 does the same for adjacent axes but returns
// garbage for non-adjacent ones (its kernel reverses the whole span between
// the first and last axis); tfjs-tflite reverses only the first axis.
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class ReverseV2Op final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in, true, 0, &elem_));
    EDGELITE_RETURN_IF_ERROR(CheckIndexType(ctx, 1));
    const Tensor* axes = ctx.input(1);
    if (axes->shape.rank != 1 || axes->shape.dims[0] > in->shape.rank) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "must be a vector of at most %d axes, "
                         "got shape %s",
                         in->shape.rank, axes->shape.ToString().c_str());
    }
    axes_constant_ = axes->is_constant();
    if (axes_constant_) {
      EDGELITE_RETURN_IF_ERROR(
          BuildPlan(ctx, in, axes, StatusCode::kInvalidModel));
    }
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    if (!axes_constant_) {
      EDGELITE_RETURN_IF_ERROR(
          BuildPlan(ctx, in, ctx.input(1), StatusCode::kInvalidArgument));
    }
    StridedCopy(plan_, in->data, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  EDGELITE_PREPARE_CODE Status BuildPlan(const OpContext& ctx, const Tensor* in,
                                         const Tensor* axes, StatusCode code) {
    const int rank = in->shape.rank;
    bool flip[kMaxRank] = {};
    for (int64_t k = 0; k < axes->NumElements(); ++k) {
      const int64_t a = ReadIndex(axes, k);
      const int64_t d = a < 0 ? a + rank : a;
      if (d < 0 || d >= rank || flip[d]) {
        return InputErrorF(ctx, code, 1,
                           "axis %lld is out of range or repeated "
                           "for input shape %s",
                           static_cast<long long>(a),
                           in->shape.ToString().c_str());
      }
      flip[d] = true;
    }
    int64_t strides[kMaxRank] = {};
    DenseByteStrides(in->shape, elem_, strides);
    plan_ = StridedCopyPlan();
    plan_.elem = elem_;
    for (int d = 0; d < rank; ++d) {
      const int64_t n = in->shape.dims[d];
      if (flip[d] && n > 0) {
        plan_.offset += (n - 1) * strides[d];
        plan_.Push(n, -strides[d]);
      } else {
        plan_.Push(n, strides[d]);
      }
    }
    plan_.Simplify();
    return Status::Ok();
  }

  size_t elem_ = 0;
  bool axes_constant_ = true;
  StridedCopyPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateReverseV2() {
  return std::make_unique<ReverseV2Op>();
}

}  // namespace edgelite
