// RANGE: start, start + delta, … up to (excluding) limit. The three scalars
// (int32, int64 or float32, all one type) must be constant since they set the
// output size, so the interpreter can fold the op. As in TFLite the size is
// ceil(|limit - start| / |delta|) (float: computed in float32) and the values
// accumulate: v(i+1) = v(i) + delta in the element type, not start + i·delta.
#include <cmath>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

template <typename T>
void FillRange(const OpContext& ctx, Tensor* out) {
  T v = ctx.input(0)->Data<T>()[0];
  const T delta = ctx.input(2)->Data<T>()[0];
  T* o = out->MutableData<T>();
  for (int64_t i = 0, n = out->NumElements(); i < n; ++i) {
    o[i] = v;
    if (i + 1 < n) v += delta;  // no overflow past the last element
  }
}

class RangeOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, 1));
    const DataType type = ctx.output(0)->type;
    if (type != DataType::kInt32 && type != DataType::kInt64 &&
        type != DataType::kFloat32) {
      return OutputErrorF(ctx, StatusCode::kInvalidModel, 0,
                          "must be int32, int64 or float32, got %s",
                          DataTypeName(type));
    }
    for (int i = 0; i < 3; ++i) {
      EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, i, type));
      EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, i, 0, 0));
      if (!ctx.input(i)->is_constant()) {
        return InputErrorF(ctx, StatusCode::kUnsupported, i,
                           "a non-constant start, limit or delta is not "
                           "supported; edgelite plans memory before Invoke");
      }
    }
    double size = 0;
    bool ok = false;
    if (type == DataType::kFloat32) {
      const float s = ctx.input(0)->Data<float>()[0];
      const float l = ctx.input(1)->Data<float>()[0];
      const float d = ctx.input(2)->Data<float>()[0];
      ok = d != 0 && ((s >= l && d < 0) || (s <= l && d > 0));
      if (ok) size = std::ceil(std::fabs((l - s) / d));
    } else {
      const bool i64 = type == DataType::kInt64;
      auto get = [&](int i) {
        return i64 ? ctx.input(i)->Data<int64_t>()[0]
                   : int64_t{ctx.input(i)->Data<int32_t>()[0]};
      };
      const int64_t s = get(0), l = get(1), d = get(2);
      ok = d != 0 && ((s >= l && d < 0) || (s <= l && d > 0));
      if (ok) {  // in unsigned 64 bits: |l - s| may not fit int64
        const uint64_t span =
            s <= l ? static_cast<uint64_t>(l) - static_cast<uint64_t>(s)
                   : static_cast<uint64_t>(s) - static_cast<uint64_t>(l);
        const uint64_t step =
            d < 0 ? 0 - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
        size = static_cast<double>(span / step + (span % step != 0));
      }
    }
    if (!ok || !(size <= static_cast<double>(kMaxElements))) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "start, limit and delta do not describe a range (delta "
                      "must be non-zero and point from start towards limit, "
                      "the size finite)");
    }
    return ctx.SetOutputShape(0, Shape({static_cast<int32_t>(size)}));
  }

  // Runs once: the inputs are constant, so the interpreter folds the op.
  EDGELITE_PREPARE_CODE Status Eval(OpContext& ctx) override {
    Tensor* out = ctx.output(0);
    switch (out->type) {
      case DataType::kFloat32:
        FillRange<float>(ctx, out);
        break;
      case DataType::kInt64:
        FillRange<int64_t>(ctx, out);
        break;
      default:
        FillRange<int32_t>(ctx, out);
        break;
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Op> CreateRange() { return std::make_unique<RangeOp>(); }

}  // namespace edgelite
