// ARG_MAX / ARG_MIN: the index of the largest / smallest value along one
// axis, which is removed from the shape.
//
// Semantics of TFLite's kernel (reference and optimized ArgMinMax, the same
// scalar loop on wasm): start with the first element, replace it only when a
// later one compares strictly greater (less), so ties give the smallest index
// and a NaN first element wins (comparisons with NaN are false). Quantized
// inputs compare their raw values (a positive scale preserves the order).
//
// Inputs: float32, uint8, int8, int32, bool (bool is TFLite v3). The axis is
// a constant int32 or int64 tensor with one element, possibly negative; the
// output type (int32 or int64) comes from ArgMaxOptions/ArgMinOptions and must
// be the output tensor's type. An axis of size 0 is refused, as TFLite does.
#include "ops/arg_min_max.h"

#include <cstdint>

#include "core/op.h"
#include "ops/op_util.h"

namespace edgelite {
namespace {

struct ArgDims {
  int64_t outer = 0, axis = 0, inner = 0;
};

template <typename T, bool kMax>
void ArgRun(const uint8_t* in_bytes, const ArgDims& d, bool out64,
            uint8_t* out_bytes) {
  const T* in = reinterpret_cast<const T*>(in_bytes);
  int32_t* out32 = reinterpret_cast<int32_t*>(out_bytes);
  int64_t* out64p = reinterpret_cast<int64_t*>(out_bytes);
  for (int64_t o = 0; o < d.outer; ++o) {
    const T* base = in + o * d.axis * d.inner;
    for (int64_t k = 0; k < d.inner; ++k) {
      T best = base[k];
      int32_t index = 0;
      for (int64_t i = 1; i < d.axis; ++i) {
        const T v = base[i * d.inner + k];
        if (kMax ? (v > best) : (v < best)) {
          best = v;
          index = static_cast<int32_t>(i);
        }
      }
      const int64_t at = o * d.inner + k;
      if (out64) {
        out64p[at] = index;
      } else {
        out32[at] = index;
      }
    }
  }
}

using ArgFn = void (*)(const uint8_t*, const ArgDims&, bool, uint8_t*);

template <bool kMax>
ArgFn PickArg(DataType t) {
  switch (t) {
    case DataType::kFloat32:
      return &ArgRun<float, kMax>;
    case DataType::kUInt8:
      return &ArgRun<uint8_t, kMax>;
    case DataType::kInt8:
      return &ArgRun<int8_t, kMax>;
    case DataType::kInt32:
      return &ArgRun<int32_t, kMax>;
    case DataType::kBool:
      return &ArgRun<bool, kMax>;
    default:
      return nullptr;
  }
}

class ArgMinMaxOp final : public Op {
 public:
  explicit ArgMinMaxOp(bool is_max) : is_max_(is_max) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    const Tensor* axis = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &axis));
    fn_ = is_max_ ? PickArg<true>(in->type) : PickArg<false>(in->type);
    if (fn_ == nullptr) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("%s is not supported (float32, uint8, int8, int32 and "
                    "bool are)",
                    DataTypeName(in->type)));
    }
    if (in->shape.rank < 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            "must have rank 1 or more, got a scalar");
    }

    // Output type: the options' output_type, which the tensor must carry.
    const DataType out_type = ctx.options().arg.output_type;
    if (out_type != DataType::kInt32 && out_type != DataType::kInt64) {
      return ctx.Error(StatusCode::kInvalidModel,
                       StrFormat("output_type must be int32 or int64, got %s",
                                 DataTypeName(out_type)));
    }
    const Tensor* out = ctx.output(0);
    if (out->type != out_type) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("type %s differs from the options' output_type %s",
                    DataTypeName(out->type), DataTypeName(out_type)));
    }
    out64_ = out_type == DataType::kInt64;

    // Axis: one constant int32/int64 value.
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
    if (!axis->is_constant()) {
      return ctx.InputError(
          StatusCode::kUnsupported, 1,
          "a non-constant axis tensor is not supported; edgelite plans "
          "memory before Invoke");
    }
    const int64_t raw = axis->type == DataType::kInt64
                            ? axis->Data<int64_t>()[0]
                            : axis->Data<int32_t>()[0];
    const int rank = in->shape.rank;
    if (raw < -rank || raw >= rank) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("axis %lld is out of range for input shape %s",
                    static_cast<long long>(raw), in->shape.ToString().c_str()));
    }
    const int a = static_cast<int>(raw < 0 ? raw + rank : raw);
    dims_.outer = in->shape.FlatSize(0, a);
    dims_.axis = in->shape.dims[a];
    dims_.inner = in->shape.FlatSize(a + 1, rank);
    if (dims_.axis == 0) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("axis %d of shape %s is empty; there is no index to "
                    "return",
                    a, in->shape.ToString().c_str()));
    }
    Shape out_shape;
    for (int d = 0; d < rank; ++d) {
      if (d != a) out_shape.dims[out_shape.rank++] = in->shape.dims[d];
    }
    return ctx.SetOutputShape(0, out_shape);
  }

  Status Eval(OpContext& ctx) override {
    fn_(ctx.input(0)->data, dims_, out64_, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  bool is_max_;
  bool out64_ = false;
  ArgDims dims_;
  ArgFn fn_ = nullptr;
};

}  // namespace

std::unique_ptr<Op> CreateArgMinMax(bool is_max) {
  return std::make_unique<ArgMinMaxOp>(is_max);
}

}  // namespace edgelite
