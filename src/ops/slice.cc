// SLICE: a box of constant `size` (int32/int64; -1 = to the end) starting at
// `begin`. TFLite also runs with a begin tensor computed at run time; so does
// edgelite, as long as no size is -1 (the output shape must be known before
// Invoke): such a begin is checked in Eval and a box that does not fit fails
// with the offending index. A negative begin is refused (TFLite does not check
// it and reads outside the input). Unequal input/output quantization: the
// bytes are copied (TFLite's kernel, tfjs-tflite); LiteRT.js 2.5.3 returns an
// unwritten output.
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class SliceOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    size_t elem = 0;
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in, true, 0, &elem));
    const int rank = in->shape.rank;
    for (int i = 1; i <= 2; ++i) {
      EDGELITE_RETURN_IF_ERROR(CheckIndexType(ctx, i));
      const Tensor* t = ctx.input(i);
      if (t->shape.rank != 1 || t->shape.dims[0] != rank) {
        return InputErrorF(ctx, StatusCode::kInvalidModel, i,
                           "must be a vector of %d values (the "
                           "input's rank), got shape %s",
                           rank, t->shape.ToString().c_str());
      }
    }
    std::vector<int64_t> size;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 2, "size", &size));
    const Tensor* begin_t = ctx.input(1);
    begin_constant_ = begin_t->is_constant();
    std::vector<int64_t> begin(static_cast<size_t>(rank), 0);
    if (begin_constant_) {
      EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 1, "begin", &begin));
    }
    Shape out;
    out.rank = rank;
    for (int d = 0; d < rank; ++d) {
      const int64_t dim = in->shape.dims[d];
      int64_t s = size[d];
      if (s == -1) {
        if (!begin_constant_) {
          return InputErrorF(
              ctx, StatusCode::kUnsupported, 1,
              "a non-constant begin tensor with size -1 is not supported; "
              "edgelite plans memory before Invoke");
        }
        s = dim - begin[d];
      }
      if (begin[d] < 0 || begin[d] > dim || s < 0 || s > dim - begin[d]) {
        return OpErrorF(ctx, StatusCode::kInvalidModel,
                        "begin %s and size %s do not fit input "
                        "shape %s",
                        IndicesToString(begin).c_str(),
                        IndicesToString(size).c_str(),
                        in->shape.ToString().c_str());
      }
      out.dims[d] = static_cast<int32_t>(s);
    }
    DenseByteStrides(in->shape, elem, strides_);
    plan_ = StridedCopyPlan();
    plan_.elem = elem;
    for (int d = 0; d < rank; ++d) {
      plan_.Push(out.dims[d], strides_[d]);
      plan_.offset += begin[d] * strides_[d];
    }
    plan_.Simplify();
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    if (!begin_constant_) {
      const Tensor* begin = ctx.input(1);
      plan_.offset = 0;
      for (int d = 0; d < in->shape.rank; ++d) {
        const int64_t b = ReadIndex(begin, d);
        if (b < 0 || b > in->shape.dims[d] - out->shape.dims[d]) {
          return InputErrorF(
              ctx, StatusCode::kInvalidArgument, 1,
              "begin[%d] = %lld puts the slice of size %d outside "
              "dimension %d of the input (size %d)",
              d, static_cast<long long>(b), out->shape.dims[d], d,
              in->shape.dims[d]);
        }
        plan_.offset += b * strides_[d];
      }
    }
    StridedCopy(plan_, in->data, out->data);
    return Status::Ok();
  }

 private:
  bool begin_constant_ = true;
  int64_t strides_[kMaxRank] = {};
  StridedCopyPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateSlice() { return std::make_unique<SliceOp>(); }

}  // namespace edgelite
