// CUMSUM: cumulative sum along one axis (input 1, a one-element int32 or int64
// tensor, negative counting from the end) of a float32, int32 or int64
// tensor of rank >= 1; `exclusive` shifts the sums by one position (the first
// is 0), `reverse` runs from the end. Sequential sums in scan order, as
// TFLite's CumSum; integers wrap.
//
// The output shape does not depend on the axis, so a non-constant axis is
// accepted and read at Invoke (an out-of-range value then fails the Invoke).
#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

template <typename T, typename Wide>
void Scan(const T* x, T* y, int64_t outer, int64_t depth, int64_t inner,
          bool exclusive, bool reverse) {
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t i = 0; i < inner; ++i) {
      const int64_t base = o * depth * inner + i;
      Wide acc = 0;
      for (int64_t k = 0; k < depth; ++k) {
        const int64_t at = base + (reverse ? depth - 1 - k : k) * inner;
        if (exclusive) {
          y[at] = static_cast<T>(acc);
          acc = static_cast<Wide>(acc + static_cast<Wide>(x[at]));
        } else {
          acc = static_cast<Wide>(acc + static_cast<Wide>(x[at]));
          y[at] = static_cast<T>(acc);
        }
      }
    }
  }
}

class CumsumOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    const Tensor* axis = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &axis));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    type_ = in->type;
    if (type_ != DataType::kFloat32 && type_ != DataType::kInt32 &&
        type_ != DataType::kInt64) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("CUMSUM of %s is not supported (float32, int32, int64 are)",
                    DataTypeName(type_)));
    }
    if (in->shape.rank < 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            "CUMSUM needs an input of rank >= 1");
    }
    if (axis->type != DataType::kInt32 && axis->type != DataType::kInt64) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            StrFormat("axis must be int32 or int64, got %s",
                                      DataTypeName(axis->type)));
    }
    if (axis->NumElements() != 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            "axis must hold exactly one value, got shape " +
                                axis->shape.ToString());
    }
    shape_ = in->shape;
    if (axis->is_constant()) {
      EDGELITE_RETURN_IF_ERROR(ResolveAxis(ctx, *axis));
    }
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* axis = ctx.input(1);
    if (!axis->is_constant()) {
      EDGELITE_RETURN_IF_ERROR(ResolveAxis(ctx, *axis));
    }
    const bool exclusive = ctx.options().cumsum.exclusive;
    const bool reverse = ctx.options().cumsum.reverse;
    const int64_t outer = shape_.FlatSize(0, axis_);
    const int64_t depth = shape_.dims[axis_];
    const int64_t inner = shape_.FlatSize(axis_ + 1, shape_.rank);
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    switch (type_) {
      case DataType::kFloat32:
        Scan<float, float>(in->Data<float>(), out->MutableData<float>(), outer,
                           depth, inner, exclusive, reverse);
        break;
      case DataType::kInt32:
        Scan<int32_t, uint32_t>(in->Data<int32_t>(),
                                out->MutableData<int32_t>(), outer, depth,
                                inner, exclusive, reverse);
        break;
      default:
        Scan<int64_t, uint64_t>(in->Data<int64_t>(),
                                out->MutableData<int64_t>(), outer, depth,
                                inner, exclusive, reverse);
        break;
    }
    return Status::Ok();
  }

 private:
  Status ResolveAxis(const OpContext& ctx, const Tensor& axis) {
    const int64_t a = axis.type == DataType::kInt32
                          ? int64_t{axis.Data<int32_t>()[0]}
                          : axis.Data<int64_t>()[0];
    const int rank = shape_.rank;
    if (a < -rank || a >= rank) {
      return ctx.InputError(
          axis.is_constant() ? StatusCode::kInvalidModel
                             : StatusCode::kInvalidArgument,
          1,
          StrFormat("axis %lld is out of range for input shape %s",
                    static_cast<long long>(a), shape_.ToString().c_str()));
    }
    axis_ = static_cast<int>(a < 0 ? a + rank : a);
    return Status::Ok();
  }

  DataType type_ = DataType::kFloat32;
  Shape shape_;
  int axis_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateCumsum() { return std::make_unique<CumsumOp>(); }

}  // namespace edgelite
