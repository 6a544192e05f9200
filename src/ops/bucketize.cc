// BUCKETIZE: out[i] = the number of boundaries b with !(x[i] < b), i.e.
// std::upper_bound over the sorted float boundaries (BucketizeOptions), as
// TFLite. Inputs float32, int32, int64 (compared as float: TFLite compares
// the value with float boundaries, so ints convert to float), output int32.
// NaN lands past the last boundary, as upper_bound puts it.
#include <cstdint>
#include <vector>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class BucketizeOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    if (in->type != DataType::kFloat32 && in->type != DataType::kInt32 &&
        in->type != DataType::kInt64) {
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            StrFormat("type %s is not supported (float32, "
                                      "int32, int64)",
                                      DataTypeName(in->type)));
    }
    if (ctx.output(0)->type != DataType::kInt32) {
      return ctx.OutputError(StatusCode::kInvalidModel, 0,
                             StrFormat("must be int32, got %s",
                                       DataTypeName(ctx.output(0)->type)));
    }
    const std::vector<float>& b = ctx.options().bucketize.boundaries;
    for (size_t i = 1; i < b.size(); ++i) {
      if (b[i] < b[i - 1]) {
        return ctx.Error(StatusCode::kInvalidModel,
                         StrFormat("boundaries must be sorted ascending; "
                                   "boundaries[%zu] = %g < boundaries[%zu] = "
                                   "%g",
                                   i, b[i], i - 1, b[i - 1]));
      }
    }
    boundaries_ = b;
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    int32_t* out = ctx.output(0)->MutableData<int32_t>();
    const float* b = boundaries_.data();
    const int32_t nb = static_cast<int32_t>(boundaries_.size());
    const int64_t n = in->NumElements();
    for (int64_t i = 0; i < n; ++i) {
      float v;
      if (in->type == DataType::kFloat32) {
        v = in->Data<float>()[i];
      } else if (in->type == DataType::kInt32) {
        v = static_cast<float>(in->Data<int32_t>()[i]);
      } else {
        v = static_cast<float>(in->Data<int64_t>()[i]);
      }
      int32_t lo = 0, len = nb;  // upper_bound
      while (len > 0) {
        const int32_t half = len / 2;
        if (!(v < b[lo + half])) {
          lo += half + 1;
          len -= half + 1;
        } else {
          len = half;
        }
      }
      out[i] = lo;
    }
    return Status::Ok();
  }

 private:
  std::vector<float> boundaries_;
};

}  // namespace

std::unique_ptr<Op> CreateBucketize() {
  return std::make_unique<BucketizeOp>();
}

}  // namespace edgelite
