// FLOOR_DIV: out = floor(a / b) with NumPy broadcasting (up to rank 6).
//
// Types: float32, int32, int16, int8 (plain, not quantized: TFLite's kernel
// ignores quantization parameters). TFLite (kernels/floor_div.cc FloorDiv)
// divides in double: floor(double(a) / double(b)), converted back to the type.
// For int32 that conversion saturates in the peers' WebAssembly (measured on
// LiteRT.js 2.5.3: INT32_MIN // -1 = INT32_MAX; the older tfjs-tflite gives
// INT32_MIN); int8/int16 results wrap from there (-128 // -1 = -128).
//
// A zero divisor, float32 included, is an error in TFLite ("Division by 0",
// measured on both peers for int32 and float32): edgelite fails Invoke with
// kRuntimeError naming the element.
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct FloatFloorDiv {
  float operator()(float a, float b) const {
    return static_cast<float>(
        std::floor(static_cast<double>(a) / static_cast<double>(b)));
  }
};

template <typename T>
struct IntFloorDiv {
  T operator()(T a, T b) const {
    return static_cast<T>(SaturatingDoubleToInt32(
        std::floor(static_cast<double>(a) / static_cast<double>(b))));
  }
};

class FloorDivOp final : public ElementwiseOp {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    type_ = ctx.input(0)->type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type_));
    switch (type_) {
      case DataType::kFloat32:
        SetRow(SameTypeRow<float, FloatFloorDiv>(), this);
        return Status::Ok();
      case DataType::kInt32:
        SetRow(SameTypeRow<int32_t, IntFloorDiv<int32_t>>(), this);
        return Status::Ok();
      case DataType::kInt16:
        SetRow(SameTypeRow<int16_t, IntFloorDiv<int16_t>>(), this);
        return Status::Ok();
      case DataType::kInt8:
        SetRow(SameTypeRow<int8_t, IntFloorDiv<int8_t>>(), this);
        return Status::Ok();
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("FLOOR_DIV of %s is not supported "
                                        "(float32, int32, int16, int8 are)",
                                        DataTypeName(type_)));
    }
  }

 protected:
  Status CheckData(OpContext& ctx) override {
    return CheckNoZeroDivisor(ctx, type_, /*check_float=*/true);
  }

 private:
  DataType type_ = DataType::kFloat32;
};

}  // namespace

std::unique_ptr<Op> CreateFloorDiv() { return std::make_unique<FloorDivOp>(); }

}  // namespace edgelite
