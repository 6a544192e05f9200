// MAX_POOL_2D (NHWC): the largest element of each window, over the input
// elements the window covers (padding never wins: it is not a value).
//
// Arithmetic (TFLite reference, tensorflow/lite/kernels/internal/reference/
// pooling.h and reference/integer_ops/pooling.h; identical in TFLite's
// optimized kernels, XNNPACK and tflite-micro, so both QuantArithmetic modes
// share it):
//  - float32: m = lowest float; m = max(m, x) over the window in (filter_y,
//    filter_x) order, where max(a, b) = a < b ? b : a (a NaN input is skipped,
//    as in std::max(m, x)); clamp to the fused activation range.
//  - int8/uint8: maximum of the raw quantized values (input and output share
//    scale and zero point), clamped to the quantized activation range
//    (TFLite's CalculateActivationRangeQuantized on the output).
#include <cstdint>
#include <limits>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/pool_common.h"

namespace edgelite {
namespace {

class MaxPool2DOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override { return PreparePool(ctx, &plan_); }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    if (out->NumElements() == 0) return Status::Ok();
    bool ok = false;
    switch (plan_.type) {
      case DataType::kFloat32:
        ok = Pool<float>(in->Data<float>(), out->MutableData<float>(),
                         std::numeric_limits<float>::lowest(), plan_.float_min,
                         plan_.float_max);
        break;
      case DataType::kInt8:
        ok = Pool<int8_t>(in->Data<int8_t>(), out->MutableData<int8_t>(),
                          std::numeric_limits<int8_t>::lowest(),
                          static_cast<int8_t>(plan_.quant_min),
                          static_cast<int8_t>(plan_.quant_max));
        break;
      case DataType::kUInt8:
        ok = Pool<uint8_t>(in->Data<uint8_t>(), out->MutableData<uint8_t>(),
                           std::numeric_limits<uint8_t>::lowest(),
                           static_cast<uint8_t>(plan_.quant_min),
                           static_cast<uint8_t>(plan_.quant_max));
        break;
      default:
        break;
    }
    if (!ok) {
      // Unreachable with TFLite's padding (every window overlaps the input).
      return ctx.Error(StatusCode::kRuntimeError, "empty pooling window");
    }
    return Status::Ok();
  }

 private:
  // The output row is the running maximum; innermost loops run over the
  // contiguous channels.
  template <typename T>
  bool Pool(const T* in, T* out, T lowest, T act_min, T act_max) const {
    const int32_t channels = plan_.channels;
    for (int32_t b = 0; b < plan_.batches; ++b) {
      for (int32_t oy = 0; oy < plan_.out_h; ++oy) {
        const PoolWindow wy = ClipPoolWindow(oy, plan_.stride_h, plan_.pad_h,
                                             plan_.filter_h, plan_.in_h);
        for (int32_t ox = 0; ox < plan_.out_w; ++ox) {
          const PoolWindow wx = ClipPoolWindow(ox, plan_.stride_w, plan_.pad_w,
                                               plan_.filter_w, plan_.in_w);
          if (wy.end <= wy.start || wx.end <= wx.start) return false;
          T* o =
              out +
              ((static_cast<size_t>(b) * plan_.out_h + oy) * plan_.out_w + ox) *
                  channels;
          for (int32_t c = 0; c < channels; ++c) o[c] = lowest;
          for (int32_t fy = wy.start; fy < wy.end; ++fy) {
            for (int32_t fx = wx.start; fx < wx.end; ++fx) {
              const T* px =
                  in + ((static_cast<size_t>(b) * plan_.in_h + wy.origin + fy) *
                            plan_.in_w +
                        wx.origin + fx) *
                           channels;
              for (int32_t c = 0; c < channels; ++c) {
                o[c] = o[c] < px[c] ? px[c] : o[c];
              }
            }
          }
          for (int32_t c = 0; c < channels; ++c) {
            T v = o[c] < act_min ? act_min : o[c];
            o[c] = v > act_max ? act_max : v;
          }
        }
      }
    }
    return true;
  }

  PoolPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateMaxPool2D() {
  return std::make_unique<MaxPool2DOp>();
}

}  // namespace edgelite
