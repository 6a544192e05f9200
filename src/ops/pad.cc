// PAD and PADV2 (TFLite runs both through one kernel, pad.cc): constant
// padding of a tensor of rank <= 5 with paddings from a constant int32/int64
// [rank, 2] input. The pad value is
//  - input 2 (constant_values, PADV2; PAD accepts it too, as TFLite does) when
//    given: one element of the input's type, read at Invoke; when quantized
//    it must share the output's scale and zero point (TFLite checks so, and
//    then copies the raw value);
//  - otherwise the output zero point for uint8 and quantized int8/int16
//    (TFLite's EvalInt), zero for everything else.
// TFLite never requantizes here (input and output quantization may differ and
// the bytes are copied as they are); neither do we.
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/pad_common.h"

namespace edgelite {
namespace {

// TFLite's PadKernelMaxDimensionCount().
constexpr int kMaxPadRank = 5;

class ConstantPadOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 3, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    switch (in->type) {
      case DataType::kFloat32:
      case DataType::kInt8:
      case DataType::kUInt8:
      case DataType::kInt16:
      case DataType::kInt32:
      case DataType::kInt64:
      case DataType::kBool:
        break;
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("padding %s is not supported (float32, int8, uint8, "
                      "int16, int32, int64, bool are)",
                      DataTypeName(in->type)));
    }
    EDGELITE_RETURN_IF_ERROR(PreparePadShape(ctx, kMaxPadRank, &plan_));
    const Tensor* out = ctx.output(0);
    const bool quantized =
        in->type == DataType::kUInt8 ||
        ((in->type == DataType::kInt8 || in->type == DataType::kInt16) &&
         in->quant != nullptr && !in->quant->empty());
    std::memset(value_, 0, sizeof(value_));
    has_constant_ = ctx.num_inputs() == 3 && ctx.input(2) != nullptr;
    if (has_constant_) {
      const Tensor* c = ctx.input(2);
      if (c->type != in->type) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 2,
            StrFormat("constant_values type %s differs from the input's %s",
                      DataTypeName(c->type), DataTypeName(in->type)));
      }
      if (c->NumElements() != 1) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 2,
            "constant_values must hold exactly one value, got shape " +
                c->shape.ToString());
      }
      if (quantized && (c->zero_point() != out->zero_point() ||
                        c->scale() != out->scale())) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 2,
            StrFormat("quantization (scale %g, zero point %d) must equal the "
                      "output's (scale %g, zero point %d)",
                      static_cast<double>(c->scale()), c->zero_point(),
                      static_cast<double>(out->scale()), out->zero_point()));
      }
    } else if (quantized) {
      const int32_t zp = out->zero_point();
      if (zp < QMinOf(in->type) || zp > QMaxOf(in->type)) {
        return ctx.OutputError(
            StatusCode::kInvalidModel, 0,
            StrFormat("zero point %d is outside the %s range", zp,
                      DataTypeName(in->type)));
      }
      if (in->type == DataType::kInt16) {
        const int16_t v = static_cast<int16_t>(zp);
        std::memcpy(value_, &v, sizeof(v));
      } else {
        value_[0] = static_cast<uint8_t>(zp);
      }
    }
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    const uint8_t* value = has_constant_ ? ctx.input(2)->data
                                         : static_cast<const uint8_t*>(value_);
    ConstantPad(plan_, ctx.input(0)->data, ctx.output(0)->data, value);
    return Status::Ok();
  }

 private:
  static int32_t QMinOf(DataType t) {
    return t == DataType::kInt8 ? -128 : (t == DataType::kInt16 ? -32768 : 0);
  }
  static int32_t QMaxOf(DataType t) {
    return t == DataType::kInt8 ? 127 : (t == DataType::kInt16 ? 32767 : 255);
  }

  PadPlan plan_;
  bool has_constant_ = false;
  uint8_t value_[8] = {};
};

}  // namespace

std::unique_ptr<Op> CreateConstantPadOp() {
  return std::make_unique<ConstantPadOp>();
}

std::unique_ptr<Op> CreatePad() { return CreateConstantPadOp(); }

}  // namespace edgelite
