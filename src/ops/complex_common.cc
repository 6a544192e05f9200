// COMPLEX_ABS / REAL / IMAG (TFLite
// tensorflow/lite/kernels/complex_support.cc): complex64 → float32 of the same
// shape, element by element. TFLite also takes complex128 → float64; edgelite
// holds neither of those types.
//
// COMPLEX_ABS is std::abs(std::complex<float>), which both libstdc++ (cabsf)
// and libc++ (LiteRT.js's wasm build) compute as hypotf(re, im): no overflow
// for large parts, no underflow for tiny ones, and hypotf(±inf, NaN) = +inf.
// std::hypot on floats is that same hypotf.
#include "ops/complex_common.h"

#include <cmath>
#include <cstdint>

#include "ops/copy_util.h"
#include "ops/op_util.h"

namespace edgelite {
namespace {

const char* PartOpName(ComplexPart part) {
  switch (part) {
    case ComplexPart::kAbs:
      return "COMPLEX_ABS";
    case ComplexPart::kReal:
      return "REAL";
    case ComplexPart::kImag:
      return "IMAG";
  }
  return "";
}

class ComplexPartOp final : public Op {
 public:
  explicit ComplexPartOp(ComplexPart part) : part_(part) {}

  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 1, 1, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    if (in->type != DataType::kComplex64) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 0,
                         "type %s is not supported (%s takes complex64)",
                         DataTypeName(in->type), PartOpName(part_));
    }
    const Tensor* out = ctx.output(0);
    if (out->type != DataType::kFloat32) {
      return OutputErrorF(ctx, StatusCode::kInvalidModel, 0,
                          "type %s must be float32 for a complex64 input",
                          DataTypeName(out->type));
    }
    return ctx.SetOutputShape(0, in->shape);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    const int64_t n = in->NumElements();
    // Interleaved (real, imaginary) float pairs, std::complex<float>'s layout.
    const float* z = in->Data<float>();
    float* out = ctx.output(0)->MutableData<float>();
    switch (part_) {
      case ComplexPart::kAbs:
        for (int64_t i = 0; i < n; ++i)
          out[i] = std::hypot(z[2 * i], z[2 * i + 1]);
        break;
      case ComplexPart::kReal:
        for (int64_t i = 0; i < n; ++i) out[i] = z[2 * i];
        break;
      case ComplexPart::kImag:
        for (int64_t i = 0; i < n; ++i) out[i] = z[2 * i + 1];
        break;
    }
    return Status::Ok();
  }

 private:
  ComplexPart part_;
};

}  // namespace

std::unique_ptr<Op> CreateComplexPartOp(ComplexPart part) {
  return std::make_unique<ComplexPartOp>(part);
}

}  // namespace edgelite
