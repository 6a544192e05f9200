// MAXIMUM (and MINIMUM, ops/minimum.cc, sharing this file's implementation):
// element-wise max/min with NumPy broadcasting (up to rank 6).
//
// Types: float32, int8, uint8, int16, int32, int64. Quantized tensors are
// compared and copied as raw integers; the quantization parameters are
// ignored, as TFLite's kernel (maximum_minimum.cc) does — measured on
// LiteRT.js 2.5.3 and tfjs-tflite with inputs at scale 0.5 and an output at
// scale 1: the output bytes are the raw maxima, not requantized.
//
// float32 is std::max / std::min: max(a, b) = a < b ? b : a and
// min(a, b) = b < a ? b : a, so a NaN in the first input propagates and one
// in the second does not, and of ±0 the first input wins (measured on both
// peers: max(NaN, 1) = NaN, max(1, NaN) = 1, max(-0, +0) = -0,
// min(+0, -0) = +0).
// QuantArithmetic::kMicro: the same (no arithmetic).
#include <cstdint>

#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

template <typename T>
struct Max {
  T operator()(T a, T b) const { return a < b ? b : a; }
};
template <typename T>
struct Min {
  T operator()(T a, T b) const { return b < a ? b : a; }
};

template <template <typename> class F>
RowFn MaxMinRow(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return SameTypeRow<float, F<float>>();
    case DataType::kInt8:
      return SameTypeRow<int8_t, F<int8_t>>();
    case DataType::kUInt8:
      return SameTypeRow<uint8_t, F<uint8_t>>();
    case DataType::kInt16:
      return SameTypeRow<int16_t, F<int16_t>>();
    case DataType::kInt32:
      return SameTypeRow<int32_t, F<int32_t>>();
    case DataType::kInt64:
      return SameTypeRow<int64_t, F<int64_t>>();
    default:
      return nullptr;
  }
}

class MaxMinOp final : public ElementwiseOp {
 public:
  explicit MaxMinOp(bool maximum) : max_(maximum) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    const DataType type = ctx.input(0)->type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type));
    RowFn row = max_ ? MaxMinRow<Max>(type) : MaxMinRow<Min>(type);
    if (row == nullptr) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("%s of %s is not supported (float32, int8, uint8, int16, "
                    "int32, int64 are)",
                    max_ ? "MAXIMUM" : "MINIMUM", DataTypeName(type)));
    }
    // The functors are stateless: any non-null pointer will do.
    SetRow(row, this);
    return Status::Ok();
  }

 private:
  const bool max_;
};

}  // namespace

std::unique_ptr<Op> CreateMaxMinOp(bool maximum) {
  return std::make_unique<MaxMinOp>(maximum);
}

std::unique_ptr<Op> CreateMaximum() { return CreateMaxMinOp(true); }

}  // namespace edgelite
