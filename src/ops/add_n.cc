// ADD_N: out = in_0 + in_1 + … + in_{n-1}, n >= 2 inputs of one shape (no
// broadcasting, as TFLite's kernel).
//
// Types: float32 and int32 (wrapping). TFLite's kernels/add_n.cc with one
// thread runs reference_ops::AddN: per element, x = 0, then x += in_j in
// input order — the same order here (so 0 + -0.0 gives +0.0, too).
#include <cstdint>

#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class AddNOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    if (ctx.num_inputs() < 2) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("expects at least 2 inputs, has %d", ctx.num_inputs()));
    }
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, ctx.num_inputs(), 1));
    EDGELITE_RETURN_IF_ERROR(
        CheckSameTypes(ctx, ctx.num_inputs(), /*check_output=*/true));
    const Tensor& first = *ctx.input(0);
    type_ = first.type;
    if (type_ != DataType::kFloat32 && type_ != DataType::kInt32) {
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            StrFormat("ADD_N of %s is not supported (float32, "
                                      "int32 are)",
                                      DataTypeName(type_)));
    }
    for (int i = 1; i < ctx.num_inputs(); ++i) {
      if (ctx.input(i)->shape != first.shape) {
        return ctx.InputError(
            StatusCode::kInvalidModel, i,
            StrFormat("shape %s differs from input 0 shape %s (ADD_N does not "
                      "broadcast)",
                      ctx.input(i)->shape.ToString().c_str(),
                      first.shape.ToString().c_str()));
      }
    }
    return ctx.SetOutputShape(0, first.shape);
  }

  Status Eval(OpContext& ctx) override {
    if (type_ == DataType::kFloat32) {
      Sum<float>(ctx, [](float a, float b) { return a + b; });
    } else {
      Sum<int32_t>(ctx, [](int32_t a, int32_t b) { return WrapAdd(a, b); });
    }
    return Status::Ok();
  }

 private:
  template <typename T, typename F>
  void Sum(OpContext& ctx, F add) {
    Tensor* out = ctx.output(0);
    T* o = out->MutableData<T>();
    const int64_t n = out->NumElements();
    const T* in0 = ctx.input(0)->Data<T>();
    EDGELITE_SCALAR_LOOP
    for (int64_t i = 0; i < n; ++i) o[i] = add(T{0}, in0[i]);
    for (int j = 1; j < ctx.num_inputs(); ++j) {
      const T* in = ctx.input(j)->Data<T>();
      EDGELITE_SCALAR_LOOP
      for (int64_t i = 0; i < n; ++i) o[i] = add(o[i], in[i]);
    }
  }

  DataType type_ = DataType::kFloat32;
};

}  // namespace

std::unique_ptr<Op> CreateAddN() { return std::make_unique<AddNOp>(); }

}  // namespace edgelite
