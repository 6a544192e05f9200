// REDUCE_MAX and REDUCE_MIN over constant axes (see reduce_common.h) for
// float32, int8, uint8, int16, int32 and int64. Quantized inputs must share
// the output's scale and zero point (TFLite checks so and compares raw values).
//
// TFLite's arithmetic, reproduced: each output starts at the type's lowest()
// (max) or max() (min) value — for float32 that is -FLT_MAX / FLT_MAX, not an
// infinity — and folds acc = (acc > x) ? acc : x (resp. <) over its inputs in
// input order; an empty axis list copies the input unchanged; an input with
// no elements yields the start values.
#include <cstring>
#include <limits>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/reduce_common.h"

namespace edgelite {
namespace {

template <typename T>
void MinMax(const ReducePlan& p, bool is_max, const T* x, T* y) {
  const T init =
      is_max ? std::numeric_limits<T>::lowest() : std::numeric_limits<T>::max();
  for (int64_t i = 0; i < p.num_outputs; ++i) y[i] = init;
  if (is_max) {
    ReduceInto(p, x, y, [](T& a, T v) { a = (a > v) ? a : v; });
  } else {
    ReduceInto(p, x, y, [](T& a, T v) { a = (a < v) ? a : v; });
  }
}

class ReduceMinMaxOp final : public Op {
 public:
  explicit ReduceMinMaxOp(bool is_max) : is_max_(is_max) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(PrepareReduce(ctx, &plan_));
    const Tensor* in = ctx.input(0);
    const Tensor* out = ctx.output(0);
    type_ = in->type;
    switch (type_) {
      case DataType::kFloat32:
      case DataType::kInt32:
      case DataType::kInt64:
        break;
      case DataType::kInt8:
      case DataType::kUInt8:
      case DataType::kInt16:
        if (in->scale() != out->scale() ||
            in->zero_point() != out->zero_point()) {
          return ctx.OutputError(
              StatusCode::kInvalidModel, 0,
              StrFormat("quantization (scale %g, zero point %d) must equal "
                        "the input's (scale %g, zero point %d)",
                        static_cast<double>(out->scale()), out->zero_point(),
                        static_cast<double>(in->scale()), in->zero_point()));
        }
        break;
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("%s of %s is not supported (float32, int8, uint8, "
                      "int16, int32, int64 are)",
                      is_max_ ? "REDUCE_MAX" : "REDUCE_MIN",
                      DataTypeName(type_)));
    }
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    if (plan_.copy) {
      if (out->bytes > 0) std::memcpy(out->data, in->data, out->bytes);
      return Status::Ok();
    }
    switch (type_) {
      case DataType::kFloat32:
        MinMax(plan_, is_max_, in->Data<float>(), out->MutableData<float>());
        break;
      case DataType::kInt8:
        MinMax(plan_, is_max_, in->Data<int8_t>(), out->MutableData<int8_t>());
        break;
      case DataType::kUInt8:
        MinMax(plan_, is_max_, in->Data<uint8_t>(),
               out->MutableData<uint8_t>());
        break;
      case DataType::kInt16:
        MinMax(plan_, is_max_, in->Data<int16_t>(),
               out->MutableData<int16_t>());
        break;
      case DataType::kInt32:
        MinMax(plan_, is_max_, in->Data<int32_t>(),
               out->MutableData<int32_t>());
        break;
      default:
        MinMax(plan_, is_max_, in->Data<int64_t>(),
               out->MutableData<int64_t>());
        break;
    }
    return Status::Ok();
  }

 private:
  bool is_max_;
  DataType type_ = DataType::kFloat32;
  ReducePlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateReduceMinMaxOp(bool is_max) {
  return std::make_unique<ReduceMinMaxOp>(is_max);
}

std::unique_ptr<Op> CreateReduceMax() { return CreateReduceMinMaxOp(true); }

}  // namespace edgelite
