// L2_POOL_2D (float32): out = sqrt(mean of x^2 over the window clipped to the
// input), then the fused activation.
//
// TFLite registers its optimized kernel (optimized_ops::L2Pool): the squares
// are added into each output in input order (row by row), then
// out = sqrt(sum * f32(1 / f32(count))) — a multiplication by the reciprocal,
// not the reference's sum / count, which can differ in the last bit.
#include <cmath>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/pool_common.h"

namespace edgelite {
namespace {

class L2Pool2DOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    if (in != nullptr && in->type != DataType::kFloat32) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("L2_POOL_2D of %s is not supported (float32 is, as in "
                    "TFLite)",
                    DataTypeName(in->type)));
    }
    return PreparePool(ctx, &plan_);
  }

  Status Eval(OpContext& ctx) override {
    const PoolPlan& p = plan_;
    const float* x = ctx.input(0)->Data<float>();
    float* y = ctx.output(0)->MutableData<float>();
    const int32_t c = p.channels;
    for (int32_t b = 0; b < p.batches; ++b) {
      for (int32_t oy = 0; oy < p.out_h; ++oy) {
        const PoolWindow wy =
            ClipPoolWindow(oy, p.stride_h, p.pad_h, p.filter_h, p.in_h);
        for (int32_t ox = 0; ox < p.out_w; ++ox) {
          const PoolWindow wx =
              ClipPoolWindow(ox, p.stride_w, p.pad_w, p.filter_w, p.in_w);
          const int32_t count = (wy.end > wy.start ? wy.end - wy.start : 0) *
                                (wx.end > wx.start ? wx.end - wx.start : 0);
          const float inv = 1.0f / static_cast<float>(count);
          for (int32_t ch = 0; ch < c; ++ch) {
            float sum = 0.0f;
            for (int32_t fy = wy.start; fy < wy.end; ++fy) {
              const int64_t row =
                  (int64_t{b} * p.in_h + wy.origin + fy) * p.in_w;
              for (int32_t fx = wx.start; fx < wx.end; ++fx) {
                const float v = x[(row + wx.origin + fx) * c + ch];
                sum += v * v;
              }
            }
            float r = std::sqrt(sum * inv);
            r = r < p.float_max ? r : p.float_max;
            r = r > p.float_min ? r : p.float_min;
            *y++ = r;
          }
        }
      }
    }
    return Status::Ok();
  }

 private:
  PoolPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateL2Pool2D() { return std::make_unique<L2Pool2DOp>(); }

}  // namespace edgelite
