// FLOOR_MOD: out = a - floor(a / b) * b, the remainder with the divisor's
// sign, with NumPy broadcasting (up to rank 6).
//
// Types: int32, int64, int16, int8 (plain) and float32. TFLite
// (kernels/floor_mod.cc FloorMod): r = a % b (std::fmod for float); if r != 0
// and r's sign differs from b's, r + b. INT_MIN % -1 is 0 (measured on both
// peers; WebAssembly's rem does not trap there — C++ would, so edgelite
// special-cases b == -1).
// An integer zero divisor is an error ("Division by 0", measured on
// tfjs-tflite; LiteRT.js fails the invoke): edgelite fails Invoke with
// kRuntimeError. A float zero divisor is not checked and gives NaN (measured
// on LiteRT.js).
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct FloatFloorMod {
  float operator()(float a, float b) const {
    const float r = std::fmod(a, b);
    return r != 0 && ((b < 0) != (r < 0)) ? r + b : r;
  }
};

template <typename T>
struct IntFloorMod {
  T operator()(T a, T b) const {
    // CheckData has excluded b == 0.
    const T r = b == -1 ? T{0} : static_cast<T>(a % b);
    return r != 0 && ((b < 0) != (r < 0)) ? static_cast<T>(r + b) : r;
  }
};

class FloorModOp final : public ElementwiseOp {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    type_ = ctx.input(0)->type;
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type_));
    switch (type_) {
      case DataType::kFloat32:
        SetRow(SameTypeRow<float, FloatFloorMod>(), this);
        return Status::Ok();
      case DataType::kInt32:
        SetRow(SameTypeRow<int32_t, IntFloorMod<int32_t>>(), this);
        return Status::Ok();
      case DataType::kInt64:
        SetRow(SameTypeRow<int64_t, IntFloorMod<int64_t>>(), this);
        return Status::Ok();
      case DataType::kInt16:
        SetRow(SameTypeRow<int16_t, IntFloorMod<int16_t>>(), this);
        return Status::Ok();
      case DataType::kInt8:
        SetRow(SameTypeRow<int8_t, IntFloorMod<int8_t>>(), this);
        return Status::Ok();
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("FLOOR_MOD of %s is not supported "
                                        "(float32, int32, int64, int16, int8 "
                                        "are)",
                                        DataTypeName(type_)));
    }
  }

 protected:
  Status CheckData(OpContext& ctx) override {
    return CheckNoZeroDivisor(ctx, type_, /*check_float=*/false);
  }

 private:
  DataType type_ = DataType::kFloat32;
};

}  // namespace

std::unique_ptr<Op> CreateFloorMod() { return std::make_unique<FloorModOp>(); }

}  // namespace edgelite
