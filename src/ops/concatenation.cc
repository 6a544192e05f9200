// CONCATENATION: joins its inputs along one axis (negative counts from the
// end). All inputs share the rank, the type and every dimension but the axis.
// Data movement is type-agnostic (element-size bytes), any rank up to 8.
// Scalar inputs concatenate into a vector of their count, as TFLite does for
// constant scalars.
//
// Types: float32, float16, int8, uint8, int16, int32, int64, bool.
//  - uint8: TFLite's built-in kernel rescales an input whose scale or zero
//    point differs from the output's (reference/optimized
//    ConcatenationWithScaling, both the same arithmetic):
//      scale = f32(in_scale) * (1.f / f32(out_scale))        (float)
//      bias  = f32(-in_zp) * scale
//      out   = clamp(round_half_away(f32(q * scale) + bias) + out_zp, 0, 255)
//    and copies the bytes of an input whose parameters are equal. Measured:
//    LiteRT.js 2.5.3 computes exactly this (its XNNPACK delegate leaves
//    mismatched quantization to the built-in kernel); tfjs-tflite
//    0.0.1-alpha.10's older delegate copies the raw bytes instead (the peers
//    disagree on those cases; LiteRT is the judge).
//  - int8: TFLite requires every input's scale and zero point to equal the
//    output's (its int8 kernel never rescales); other parameters are refused.
//  - int16: TFLite requires zero points of 0; the values are copied.
// kMicro computes the same (tflite-micro copies too, and has no rescaling).
//
// Fused activation: ignored, as TFLite does in practice (measured with the
// conformance suite): LiteRT.js 2.5.3 returns the inputs unchanged for RELU,
// RELU6 and RELU_N1_TO_1 whether XNNPACK (2-4 inputs) or its built-in kernel
// (TF "Activation function parameter is ignored") runs the node;
// tfjs-tflite's older kernel refuses the model instead. (LiteRT returns
// zeros for a single input with an activation, which we do not copy.)
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct ConcatInput {
  size_t copy_bytes = 0;  // bytes per outer index
  bool rescale = false;   // uint8 with other quantization than the output
  float scale = 0.0f, bias = 0.0f;
};

class ConcatenationOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1 << 20, 1));
    const Tensor* t0 = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &t0));
    const DataType type = t0->type;
    switch (type) {
      case DataType::kFloat32:
      case DataType::kFloat16:
      case DataType::kInt8:
      case DataType::kUInt8:
      case DataType::kInt16:
      case DataType::kInt32:
      case DataType::kInt64:
      case DataType::kBool:
        break;
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("CONCATENATION of %s is not supported",
                                        DataTypeName(type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));

    const int rank = t0->shape.rank;
    const int32_t axis_option = ctx.options().concatenation.axis;
    int axis = 0;
    if (rank == 0) {
      if (axis_option != 0) {
        return ctx.Error(StatusCode::kInvalidModel,
                         StrFormat("axis %d is out of range for scalar inputs",
                                   axis_option));
      }
    } else if (!NormalizeAxis(axis_option, rank, &axis)) {
      return ctx.Error(StatusCode::kInvalidModel,
                       StrFormat("axis %d is out of range for input shape %s",
                                 axis_option, t0->shape.ToString().c_str()));
    }

    const int n = ctx.num_inputs();
    Shape out_shape = t0->shape;
    int64_t axis_sum = 0;
    for (int i = 0; i < n; ++i) {
      const Tensor* t = nullptr;
      EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &t));
      if (t->type != type) {
        return ctx.InputError(
            StatusCode::kInvalidModel, i,
            StrFormat("type %s differs from input 0 type %s",
                      DataTypeName(t->type), DataTypeName(type)));
      }
      bool same = t->shape.rank == rank;
      for (int d = 0; same && d < rank; ++d) {
        same = d == axis || t->shape.dims[d] == t0->shape.dims[d];
      }
      if (!same) {
        return ctx.InputError(
            StatusCode::kInvalidModel, i,
            StrFormat("shape %s does not match input 0 shape %s outside axis "
                      "%d",
                      t->shape.ToString().c_str(), t0->shape.ToString().c_str(),
                      axis));
      }
      axis_sum += rank == 0 ? 1 : t->shape.dims[axis];
      if (axis_sum > kMaxElements) {
        return ctx.Error(StatusCode::kInvalidModel,
                         "the concatenated axis is too large");
      }
    }
    if (rank == 0) {
      out_shape = Shape({static_cast<int32_t>(axis_sum)});
    } else {
      out_shape.dims[axis] = static_cast<int32_t>(axis_sum);
    }
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, out_shape));

    // outer = dims before the axis; each input contributes its axis size
    // times the inner size per outer index.
    const size_t elem = DataTypeSize(type);
    outer_ = rank == 0 ? 1 : t0->shape.FlatSize(0, axis);
    const int64_t inner = rank == 0 ? 1 : t0->shape.FlatSize(axis + 1, rank);
    inputs_.assign(static_cast<size_t>(n), ConcatInput());
    for (int i = 0; i < n; ++i) {
      const Tensor* t = ctx.input(i);
      const int64_t axis_dim = rank == 0 ? 1 : t->shape.dims[axis];
      inputs_[i].copy_bytes = static_cast<size_t>(axis_dim * inner) * elem;
    }
    return PrepareQuantization(ctx);
  }

  Status Eval(OpContext& ctx) override {
    uint8_t* out = ctx.output(0)->data;
    const int n = static_cast<int>(inputs_.size());
    for (int64_t k = 0; k < outer_; ++k) {
      for (int i = 0; i < n; ++i) {
        const ConcatInput& in = inputs_[i];
        const uint8_t* src = ctx.input(i)->data + k * in.copy_bytes;
        if (in.rescale) {
          Rescale(in, src, out);
        } else if (in.copy_bytes > 0) {
          std::memcpy(out, src, in.copy_bytes);
        }
        out += in.copy_bytes;
      }
    }
    return Status::Ok();
  }

 private:
  Status PrepareQuantization(OpContext& ctx) {
    const Tensor* out = ctx.output(0);
    const DataType type = out->type;
    if (type != DataType::kUInt8 && type != DataType::kInt8 &&
        type != DataType::kInt16) {
      return Status::Ok();
    }
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, out, false, 0));
    const float out_scale = out->scale();
    out_zp_ = out->zero_point();
    if (type == DataType::kInt16 && out_zp_ != 0) {
      return ctx.OutputError(
          StatusCode::kUnsupported, 0,
          StrFormat("int16 zero point must be 0, got %d", out_zp_));
    }
    for (int i = 0; i < static_cast<int>(inputs_.size()); ++i) {
      const Tensor* t = ctx.input(i);
      EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, t, true, i));
      const float scale = t->scale();
      const int32_t zp = t->zero_point();
      if (type == DataType::kInt16) {
        if (zp != 0) {
          return ctx.InputError(
              StatusCode::kUnsupported, i,
              StrFormat("int16 zero point must be 0, got %d", zp));
        }
        continue;
      }
      if (scale == out_scale && zp == out_zp_) continue;
      if (type == DataType::kInt8) {
        return ctx.InputError(
            StatusCode::kUnsupported, i,
            StrFormat("int8 quantization (scale %g, zero point %d) differs "
                      "from the output's (scale %g, zero point %d); TFLite's "
                      "int8 CONCATENATION does not rescale",
                      static_cast<double>(scale), zp,
                      static_cast<double>(out_scale), out_zp_));
      }
      ConcatInput& in = inputs_[i];
      in.rescale = true;
      in.scale = scale * (1.0f / out_scale);
      in.bias = static_cast<float>(-zp) * in.scale;
      if (!std::isfinite(in.scale) || !std::isfinite(in.bias)) {
        return ctx.InputError(
            StatusCode::kUnsupported, i,
            StrFormat("rescaling from scale %g to the output's %g overflows "
                      "float32",
                      static_cast<double>(scale),
                      static_cast<double>(out_scale)));
      }
    }
    return Status::Ok();
  }

  void Rescale(const ConcatInput& in, const uint8_t* src, uint8_t* dst) const {
    for (size_t j = 0; j < in.copy_bytes; ++j) {
      float v = static_cast<float>(src[j]) * in.scale + in.bias;
      // Large values saturate anyway; keep the int conversion defined.
      v = v < -1e6f ? -1e6f : (v > 1e6f ? 1e6f : v);
      int32_t q =
          static_cast<int32_t>(RoundHalfAway(v)) + out_zp_;  // v clamped
      q = q < 0 ? 0 : (q > 255 ? 255 : q);
      dst[j] = static_cast<uint8_t>(q);
    }
  }

  int64_t outer_ = 0;
  int32_t out_zp_ = 0;
  std::vector<ConcatInput> inputs_;
};

}  // namespace

std::unique_ptr<Op> CreateConcatenation() {
  return std::make_unique<ConcatenationOp>();
}

}  // namespace edgelite
