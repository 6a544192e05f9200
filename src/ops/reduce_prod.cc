// REDUCE_PROD over constant axes (see reduce_common.h).
//
// float32 / int32 / int64: each output multiplies its inputs in input order,
// starting from 1 (integers wrap on overflow, as TFLite's in practice).
// Quantized int8 / int16 (TFLite's QuantizedReduceProd, reference reduce.h):
// every multiplication is rescaled so the int32 accumulator cannot overflow,
//   s     = QuantizeMultiplier(f64(in_scale) / pow(f64(out_scale), 1.0 / N))
//           N = input elements / output elements
//   first = x0 - in_zp
//   next  = MBQM64(i64(acc) * (x - in_zp), s)
//   out   = clamp(MBQM64(i64(acc), s) + out_zp)
// with MBQM64 TFLite's int64 MultiplyByQuantizedMultiplier (the multiplier
// rounded to 16 bits, one rounding shift). The reduction order is input
// order, as both TFLite kernels walk it. An empty input leaves TFLite's output
// unwritten; ours is zero-filled.
//
// Measured: when every reduced dim has size 1 (N = 1), LiteRT.js 2.5.3 and
// tfjs-tflite return run-to-run different bytes (they read uninitialized
// accumulators); we return the rescaled value, and the conformance generator
// avoids those shapes.
#include <cmath>
#include <cstring>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/reduce_common.h"

namespace edgelite {
namespace {

// TFLite's MultiplyByQuantizedMultiplier(int64_t x, …).
int32_t MultiplyByQuantizedMultiplier64(int64_t x, int32_t multiplier,
                                        int shift) {
  const int64_t reduced =
      multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
  const int total_shift = 15 - shift;
  // TFLite only defines shift <= 7 (total_shift >= 8); guard the shifts.
  if (total_shift <= 0) {
    return static_cast<int32_t>(static_cast<uint64_t>(x * reduced)
                                << -total_shift);
  }
  const int64_t round = int64_t{1} << (total_shift - 1);
  return static_cast<int32_t>((x * reduced + round) >> total_shift);
}

template <typename T, typename Wide>
void ProdWrapping(const ReducePlan& p, const T* x, T* y) {
  for (int64_t i = 0; i < p.num_outputs; ++i) y[i] = 1;
  ReduceInto(p, x, y, [](T& a, T v) {
    a = static_cast<T>(static_cast<Wide>(v) * static_cast<Wide>(a));
  });
}

class ReduceProdOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(PrepareReduce(ctx, &plan_));
    const Tensor* in = ctx.input(0);
    const Tensor* out = ctx.output(0);
    type_ = in->type;
    switch (type_) {
      case DataType::kFloat32:
      case DataType::kInt32:
      case DataType::kInt64:
        return Status::Ok();
      case DataType::kInt8:
      case DataType::kInt16:
        if (in->quant == nullptr || in->quant->empty()) {
          return ctx.InputError(
              StatusCode::kUnsupported, 0,
              StrFormat("REDUCE_PROD of non-quantized %s is not supported",
                        DataTypeName(type_)));
        }
        break;
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("REDUCE_PROD of %s is not supported (float32, int32, "
                      "int64, quantized int8 and int16 are)",
                      DataTypeName(type_)));
    }
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, in, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, out, false, 0));
    if (type_ == DataType::kInt16 &&
        (in->zero_point() != 0 || out->zero_point() != 0)) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          "int16 REDUCE_PROD needs zero points 0 (TFLite's requirement)");
    }
    in_zp_ = in->zero_point();
    out_zp_ = out->zero_point();
    multiplier_ = 0;
    shift_ = 0;
    if (plan_.num_inputs > 0 && plan_.num_outputs > 0) {
      const int64_t n = plan_.num_inputs / plan_.num_outputs;
      const double scaling = static_cast<double>(in->scale()) /
                             std::pow(static_cast<double>(out->scale()),
                                      1.0 / static_cast<double>(n));
      QuantizeMultiplier(scaling, &multiplier_, &shift_);
    }
    const size_t acc_bytes = static_cast<size_t>(plan_.num_outputs) * 4;
    return ctx.RequestScratch(acc_bytes > 0 ? acc_bytes : 4, &scratch_id_);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    // Current TFLite copies quantized inputs unchanged when no axis is left
    // (optimized QuantizedReduceProd's ReduceIsCopy); other types reduce
    // each element alone, which is a copy too.
    if (plan_.copy && out->bytes > 0) {
      std::memcpy(out->data, in->data, out->bytes);
    }
    switch (type_) {
      case DataType::kFloat32: {
        if (plan_.copy) break;
        float* y = out->MutableData<float>();
        for (int64_t i = 0; i < plan_.num_outputs; ++i) y[i] = 1.0f;
        ReduceInto(plan_, in->Data<float>(), y,
                   [](float& a, float v) { a = v * a; });
        break;
      }
      case DataType::kInt32:
        if (plan_.copy) break;
        ProdWrapping<int32_t, uint32_t>(plan_, in->Data<int32_t>(),
                                        out->MutableData<int32_t>());
        break;
      case DataType::kInt64:
        if (plan_.copy) break;
        ProdWrapping<int64_t, uint64_t>(plan_, in->Data<int64_t>(),
                                        out->MutableData<int64_t>());
        break;
      case DataType::kInt8:
        if (plan_.copy) break;
        Quantized(in->Data<int8_t>(), out->MutableData<int8_t>(),
                  static_cast<int32_t*>(ctx.scratch(scratch_id_)), -128, 127);
        break;
      default:
        if (plan_.copy) break;
        Quantized(in->Data<int16_t>(), out->MutableData<int16_t>(),
                  static_cast<int32_t*>(ctx.scratch(scratch_id_)), -32768,
                  32767);
        break;
    }
    return Status::Ok();
  }

 private:
  template <typename T>
  void Quantized(const T* x, T* y, int32_t* acc, int32_t lo, int32_t hi) const {
    const int64_t n = plan_.num_outputs;
    std::memset(y, 0, static_cast<size_t>(n) * sizeof(T));
    if (plan_.num_inputs == 0) return;
    // INT32_MIN marks "no element yet": a rescaled product never reaches it
    // (|MBQM64| < 2^31 for |acc * x| < 2^47) and the first term is at most
    // 65535 in magnitude.
    for (int64_t i = 0; i < n; ++i) acc[i] = INT32_MIN;
    const int32_t zp = in_zp_, m = multiplier_, s = shift_;
    ReduceInto(plan_, x, acc, [zp, m, s](int32_t& a, T v) {
      const int32_t d = static_cast<int32_t>(v) - zp;
      a = a == INT32_MIN
              ? d
              : MultiplyByQuantizedMultiplier64(int64_t{a} * d, m, s);
    });
    for (int64_t i = 0; i < n; ++i) {
      int32_t r = MultiplyByQuantizedMultiplier64(acc[i], m, s) + out_zp_;
      r = r < lo ? lo : (r > hi ? hi : r);
      y[i] = static_cast<T>(r);
    }
  }

  DataType type_ = DataType::kFloat32;
  ReducePlan plan_;
  int scratch_id_ = -1;
  int32_t in_zp_ = 0, out_zp_ = 0, multiplier_ = 0;
  int shift_ = 0;
};

}  // namespace

std::unique_ptr<Op> CreateReduceProd() {
  return std::make_unique<ReduceProdOp>();
}

}  // namespace edgelite
