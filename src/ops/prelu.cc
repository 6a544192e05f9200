// PRELU: out = x >= 0 ? x : x * alpha, alpha broadcast to x's shape (NumPy
// rules, up to rank 6; the output shape must be x's, as TFLite requires).
//
// float32: TFLite's kernel and XNNPACK's (float PRELU is delegated when alpha
// is constant) compute the same single product.
//
// int8/uint8 (per-tensor; measured on LiteRT.js 2.5.3 and tfjs-tflite: with
// alpha = 0.25 and x = -2, -6, -10 the outputs -1, -2, -3 are the built-in
// double rounding below, not XNNPACK's — both peers run TFLite's kernel,
// activations.cc PreluPrepare / reference_ops BroadcastPrelu4DSlow):
//   m1, shift1 = QuantizeMultiplier(double(f32(in_scale / out_scale)))
//   m2, shift2 = QuantizeMultiplier(double(f32(f32(in_scale * alpha_scale) /
//                                              out_scale)))
//   v = x - in_zp
//   out = (v >= 0 ? MBQM(v, m1, shift1) : MBQM(v * (alpha - alpha_zp), m2,
//         shift2)) + out_zp, clamped to the type's range (no activation).
// QuantArithmetic::kMicro: tflite-micro's prelu_common.cc computes the same
// with the ratios in double; uint8 has no micro kernel and uses that too.
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct FloatPrelu {
  float operator()(float x, float alpha) const {
    return x >= 0 ? x : x * alpha;
  }
};

struct QuantPrelu {
  int32_t in_offset = 0, alpha_offset = 0, out_offset = 0;
  int32_t m1 = 0, m2 = 0;
  int shift1 = 0, shift2 = 0;
  int32_t qmin = 0, qmax = 0;

  int32_t operator()(int32_t x, int32_t alpha) const {
    const int32_t v = x + in_offset;
    const int32_t o = (v >= 0 ? MultiplyByQuantizedMultiplier(v, m1, shift1)
                              : MultiplyByQuantizedMultiplier(
                                    v * (alpha + alpha_offset), m2, shift2)) +
                      out_offset;
    return std::min(std::max(o, qmin), qmax);
  }
};

class PreluOp final : public ElementwiseOp {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    const Tensor& in = *ctx.input(0);
    const Tensor& alpha = *ctx.input(1);
    const Tensor& out = *ctx.output(0);
    const DataType type = in.type;
    if (type != DataType::kFloat32 && type != DataType::kInt8 &&
        type != DataType::kUInt8) {
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            StrFormat("PRELU of %s is not supported (float32, "
                                      "int8, uint8 are)",
                                      DataTypeName(type)));
    }
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, type));
    if (out.shape != in.shape) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("alpha shape %s broadcasts the input %s to %s; PRELU's "
                    "output must keep the input's shape",
                    alpha.shape.ToString().c_str(), in.shape.ToString().c_str(),
                    out.shape.ToString().c_str()));
    }
    if (type == DataType::kFloat32) {
      SetRow(SameTypeRow<float, FloatPrelu>(), &f_);
      return Status::Ok();
    }
    EDGELITE_RETURN_IF_ERROR(RequireQuantized(ctx, 2));
    const bool micro = ctx.arithmetic() == QuantArithmetic::kMicro;
    const double in_s = in.scale(), alpha_s = alpha.scale(),
                 out_s = out.scale();
    const double real1 =
        micro ? in_s / out_s : static_cast<double>(in.scale() / out.scale());
    const double real2 =
        micro ? in_s * alpha_s / out_s
              : static_cast<double>((in.scale() * alpha.scale()) / out.scale());
    QuantizeMultiplier(real1, &q_.m1, &q_.shift1);
    QuantizeMultiplier(real2, &q_.m2, &q_.shift2);
    // MBQM shifts its input left by a positive shift first: |v| <= 255 and
    // |v * alpha| <= 65025 must stay within int32.
    if (q_.shift1 > 23 || q_.shift2 > 15) {
      return ctx.Error(StatusCode::kUnsupported,
                       StrFormat("scale ratios %g, %g are too large for "
                                 "TFLite's quantized PRELU",
                                 real1, real2));
    }
    q_.in_offset = -in.zero_point();
    q_.alpha_offset = -alpha.zero_point();
    q_.out_offset = out.zero_point();
    q_.qmin = QMin(type);
    q_.qmax = QMax(type);
    SetRow(type == DataType::kUInt8 ? SameTypeRow<uint8_t, QuantPrelu>()
                                    : SameTypeRow<int8_t, QuantPrelu>(),
           &q_);
    return Status::Ok();
  }

 private:
  FloatPrelu f_;
  QuantPrelu q_;
};

}  // namespace

std::unique_ptr<Op> CreatePrelu() { return std::make_unique<PreluOp>(); }

}  // namespace edgelite
