// DEQUANTIZE: int8/uint8/int16/int32 (per-tensor, or per-channel along
// quantized_dimension) → float32, and float16 → float32.
//
// Arithmetic, identical in both QuantArithmetic modes:
//  - int8/uint8/int16: y = f32(q - zp) * scale, a rounded float32 product
//    (XNNPACK's qs8/qu8→f32 convert, which the delegate runs for per-tensor
//    int8/uint8: src/qs8-f32-vcvt/scalar.c.in). |q - zp| < 2^17 converts to
//    float exactly, so this is f32(scale · (q − zp)) rounded once — the same
//    bytes as TFLite's and tflite-micro's reference_ops::Dequantize, which
//    forms the product in double before narrowing, and as
//    reference_ops::PerChannelDequantize.
//  - int32: y = f32(double(scale) · double(q − zp)) with q − zp in int64,
//    reference_ops::Dequantize's formula (XNNPACK has no int32 path); here
//    the double product can itself be rounded, so the float product above
//    would not be equivalent.
//  - float16: exact IEEE half → float conversion (subnormals normalized,
//    infinities and NaN payloads kept).
//
// A constant float16 input (fp16-quantized weights) is converted on every
// Eval rather than once into a member buffer: the output lives in the arena
// and is rewritten by other nodes between invocations, so caching would mean
// a second float32 copy of the weights plus a memcpy per Eval — twice the
// memory for no change in bytes and little saved time (the conversion is as
// memory-bound as the copy).
#include <cstdint>
#include <vector>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class DequantizeOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    const Tensor* out = ctx.output(0);
    if (out->type != DataType::kFloat32) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("type must be float32, got %s", DataTypeName(out->type)));
    }
    type_ = in->type;
    switch (type_) {
      case DataType::kFloat16:
        break;
      case DataType::kInt8:
      case DataType::kUInt8:
      case DataType::kInt16:
      case DataType::kInt32:
        EDGELITE_RETURN_IF_ERROR(PrepareQuantized(ctx, in));
        break;
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("type %s cannot be dequantized (int8, uint8, int16, "
                      "int32, float16)",
                      DataTypeName(type_)));
    }
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    float* out = ctx.output(0)->MutableData<float>();
    switch (type_) {
      case DataType::kFloat16: {
        const uint16_t* h = in->Data<uint16_t>();
        const int64_t n = in->NumElements();
        for (int64_t i = 0; i < n; ++i) out[i] = HalfToFloat(h[i]);
        break;
      }
      case DataType::kInt8:
        DequantizeSmall(in->Data<int8_t>(), out);
        break;
      case DataType::kUInt8:
        DequantizeSmall(in->Data<uint8_t>(), out);
        break;
      case DataType::kInt16:
        DequantizeSmall(in->Data<int16_t>(), out);
        break;
      case DataType::kInt32:
        DequantizeInt32(in->Data<int32_t>(), out);
        break;
      default:
        break;
    }
    return Status::Ok();
  }

 private:
  Status PrepareQuantized(OpContext& ctx, const Tensor* in) {
    const QuantParams* q = in->quant;
    if (q == nullptr || q->scale.empty()) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            StrFormat("%s input has no quantization parameters",
                                      DataTypeName(type_)));
    }
    if (q->zero_point.size() != q->scale.size()) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            StrFormat("%zu scales but %zu zero points",
                                      q->scale.size(), q->zero_point.size()));
    }
    scales_ = q->scale;
    zero_points_ = q->zero_point;
    const Shape& shape = in->shape;
    if (!q->per_channel()) {
      outer_ = shape.NumElements();
      channels_ = 1;
      inner_ = 1;
      return Status::Ok();
    }
    const int axis = q->quantized_dimension;
    if (axis < 0 || axis >= shape.rank ||
        shape.dims[axis] != static_cast<int32_t>(q->scale.size())) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("per-channel scale count %zu != size of dimension %d of "
                    "shape %s",
                    q->scale.size(), axis, shape.ToString().c_str()));
    }
    outer_ = shape.FlatSize(0, axis);
    channels_ = shape.dims[axis];
    inner_ = shape.FlatSize(axis + 1, shape.rank);
    return Status::Ok();
  }

  // Elements are laid out as [outer_][channels_][inner_]; per-tensor
  // quantization is the case channels_ == 1.
  template <typename T>
  void DequantizeSmall(const T* in, float* out) const {
    for (int64_t o = 0; o < outer_; ++o) {
      for (int64_t c = 0; c < channels_; ++c) {
        const float scale = scales_[c];
        const int32_t zp = static_cast<int32_t>(zero_points_[c]);
        const int64_t base = (o * channels_ + c) * inner_;
        for (int64_t i = 0; i < inner_; ++i) {
          out[base + i] =
              static_cast<float>(static_cast<int32_t>(in[base + i]) - zp) *
              scale;
        }
      }
    }
  }

  void DequantizeInt32(const int32_t* in, float* out) const {
    for (int64_t o = 0; o < outer_; ++o) {
      for (int64_t c = 0; c < channels_; ++c) {
        const double scale = scales_[c];
        const int64_t zp = zero_points_[c];
        const int64_t base = (o * channels_ + c) * inner_;
        for (int64_t i = 0; i < inner_; ++i) {
          out[base + i] = static_cast<float>(
              scale * static_cast<double>(int64_t{in[base + i]} - zp));
        }
      }
    }
  }

  DataType type_ = DataType::kFloat32;
  std::vector<float> scales_;
  std::vector<int64_t> zero_points_;
  int64_t outer_ = 0, channels_ = 1, inner_ = 1;
};

}  // namespace

std::unique_ptr<Op> CreateDequantize() {
  return std::make_unique<DequantizeOp>();
}

}  // namespace edgelite
