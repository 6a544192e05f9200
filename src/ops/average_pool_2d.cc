// AVERAGE_POOL_2D (NHWC): the mean of each window, counting only the input
// elements the window covers (padding is excluded from sum and count).
//
// Arithmetic (TFLite reference, tensorflow/lite/kernels/internal/reference/
// pooling.h and reference/integer_ops/pooling.h; TFLite's optimized kernels
// and tflite-micro compute the same bytes, so both QuantArithmetic modes
// share it):
//  - float32: total = sum of the window in (filter_y, filter_x) order,
//    starting from 0.0f; average = total / f32(count); clamp to the fused
//    activation range.
//  - int8/uint8: sum = int32 sum of the raw quantized values (no zero point
//    is subtracted: input and output share scale and zero point, and the mean
//    of (q - zp) plus zp is the mean of q); average = sum / count rounded half
//    away from zero, i.e. (sum > 0 ? sum + count/2 : sum - count/2) / count
//    with C++'s truncating division; clamp to the quantized activation range
//    (TFLite's CalculateActivationRangeQuantized on the output).
// The XNNPACK delegate only takes float AVERAGE_POOL_2D; quantized pooling
// runs on TFLite's built-in kernel, which is what is reproduced here.
#include <cstdint>
#include <limits>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/pool_common.h"

namespace edgelite {
namespace {

// Divides rounding half away from zero, as TFLite's integer AveragePool does.
inline int32_t DivideRoundHalfAway(int32_t sum, int32_t count) {
  return (sum > 0 ? sum + count / 2 : sum - count / 2) / count;
}

class AveragePool2DOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(PreparePool(ctx, &plan_));
    if (plan_.type == DataType::kFloat32) return Status::Ok();

    // The int32 window sum must not overflow: at most |q| <= 255 per element
    // and a window clipped to the input.
    const int64_t max_rows =
        plan_.filter_h < plan_.in_h ? plan_.filter_h : plan_.in_h;
    const int64_t max_cols =
        plan_.filter_w < plan_.in_w ? plan_.filter_w : plan_.in_w;
    const int64_t max_count = max_rows * max_cols;
    if (max_count * 255 + max_count / 2 > std::numeric_limits<int32_t>::max()) {
      return ctx.Error(StatusCode::kUnsupported,
                       StrFormat("window of %lld elements is too large for an "
                                 "int32 sum",
                                 static_cast<long long>(max_count)));
    }
    const int32_t channels = plan_.channels > 0 ? plan_.channels : 1;
    return ctx.RequestScratch(static_cast<size_t>(channels) * sizeof(int32_t),
                              &acc_scratch_);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    if (out->NumElements() == 0) return Status::Ok();
    bool ok = false;
    switch (plan_.type) {
      case DataType::kFloat32:
        ok = EvalFloat(in->Data<float>(), out->MutableData<float>());
        break;
      case DataType::kInt8:
        ok = EvalQuantized(in->Data<int8_t>(), out->MutableData<int8_t>(),
                           static_cast<int32_t*>(ctx.scratch(acc_scratch_)));
        break;
      case DataType::kUInt8:
        ok = EvalQuantized(in->Data<uint8_t>(), out->MutableData<uint8_t>(),
                           static_cast<int32_t*>(ctx.scratch(acc_scratch_)));
        break;
      default:
        break;
    }
    if (!ok) {
      // Unreachable with TFLite's padding (every window overlaps the input);
      // kept so a future padding bug cannot divide by zero.
      return ctx.Error(StatusCode::kRuntimeError, "empty pooling window");
    }
    return Status::Ok();
  }

 private:
  size_t InOffset(int32_t b, int32_t y, int32_t x) const {
    return ((static_cast<size_t>(b) * plan_.in_h + y) * plan_.in_w + x) *
           plan_.channels;
  }
  size_t OutOffset(int32_t b, int32_t y, int32_t x) const {
    return ((static_cast<size_t>(b) * plan_.out_h + y) * plan_.out_w + x) *
           plan_.channels;
  }

  // The output row doubles as the accumulator; per channel the additions
  // happen in TFLite's (filter_y, filter_x) order.
  bool EvalFloat(const float* in, float* out) const {
    const int32_t channels = plan_.channels;
    for (int32_t b = 0; b < plan_.batches; ++b) {
      for (int32_t oy = 0; oy < plan_.out_h; ++oy) {
        const PoolWindow wy = ClipPoolWindow(oy, plan_.stride_h, plan_.pad_h,
                                             plan_.filter_h, plan_.in_h);
        for (int32_t ox = 0; ox < plan_.out_w; ++ox) {
          const PoolWindow wx = ClipPoolWindow(ox, plan_.stride_w, plan_.pad_w,
                                               plan_.filter_w, plan_.in_w);
          if (wy.end <= wy.start || wx.end <= wx.start) return false;
          const int32_t count = (wy.end - wy.start) * (wx.end - wx.start);
          float* o = out + OutOffset(b, oy, ox);
          for (int32_t c = 0; c < channels; ++c) o[c] = 0.0f;
          for (int32_t fy = wy.start; fy < wy.end; ++fy) {
            for (int32_t fx = wx.start; fx < wx.end; ++fx) {
              const float* px =
                  in + InOffset(b, wy.origin + fy, wx.origin + fx);
              for (int32_t c = 0; c < channels; ++c) o[c] += px[c];
            }
          }
          const float divisor = static_cast<float>(count);
          for (int32_t c = 0; c < channels; ++c) {
            o[c] = ApplyFloatActivation(o[c] / divisor, plan_.float_min,
                                        plan_.float_max);
          }
        }
      }
    }
    return true;
  }

  template <typename T>
  bool EvalQuantized(const T* in, T* out, int32_t* acc) const {
    const int32_t channels = plan_.channels;
    for (int32_t b = 0; b < plan_.batches; ++b) {
      for (int32_t oy = 0; oy < plan_.out_h; ++oy) {
        const PoolWindow wy = ClipPoolWindow(oy, plan_.stride_h, plan_.pad_h,
                                             plan_.filter_h, plan_.in_h);
        for (int32_t ox = 0; ox < plan_.out_w; ++ox) {
          const PoolWindow wx = ClipPoolWindow(ox, plan_.stride_w, plan_.pad_w,
                                               plan_.filter_w, plan_.in_w);
          if (wy.end <= wy.start || wx.end <= wx.start) return false;
          const int32_t count = (wy.end - wy.start) * (wx.end - wx.start);
          for (int32_t c = 0; c < channels; ++c) acc[c] = 0;
          for (int32_t fy = wy.start; fy < wy.end; ++fy) {
            for (int32_t fx = wx.start; fx < wx.end; ++fx) {
              const T* px = in + InOffset(b, wy.origin + fy, wx.origin + fx);
              for (int32_t c = 0; c < channels; ++c) acc[c] += px[c];
            }
          }
          T* o = out + OutOffset(b, oy, ox);
          for (int32_t c = 0; c < channels; ++c) {
            int32_t v = DivideRoundHalfAway(acc[c], count);
            v = v < plan_.quant_min ? plan_.quant_min : v;
            v = v > plan_.quant_max ? plan_.quant_max : v;
            o[c] = static_cast<T>(v);
          }
        }
      }
    }
    return true;
  }

  PoolPlan plan_;
  int acc_scratch_ = -1;
};

}  // namespace

std::unique_ptr<Op> CreateAveragePool2D() {
  return std::make_unique<AveragePool2DOp>();
}

}  // namespace edgelite
