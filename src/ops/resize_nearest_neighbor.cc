// RESIZE_NEAREST_NEIGHBOR: NHWC image resize picking, for every output pixel,
// one input pixel; the size is a constant int32 [new_height, new_width]. Data
// movement only (element-size bytes), so the values are copied whatever the
// type: float32, uint8, int8, int16 (TFLite's types) and int32 (edgelite
// only; TFLite's kernel has no int32 case).
//
// Source index per output coordinate v (TFLite's kernels; XNNPACK does not
// take this op):
//  - uint8 without align_corners or half_pixel_centers runs TFLite's
//    optimized kernel, which uses 16.16 fixed point:
//      scale = (in << 16) / out + 1;  src = min((v * scale) >> 16, in - 1)
//  - everything else runs reference GetNearestNeighbor, in float:
//      scale = align_corners && out > 1 ? f32(in - 1) / f32(out - 1)
//                                       : f32(in) / f32(out)
//      x = (v + (half_pixel_centers ? 0.5f : 0)) * scale
//      src = min(align_corners ? round_half_away(x) : floor(x), in - 1),
//      then max(src, 0) with half_pixel_centers.
// The two disagree for some sizes (TFLite's own parity test skips them), so
// the choice matters. kMicro computes the same (tflite-micro has only the
// reference).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/resize_common.h"

namespace edgelite {
namespace {

int32_t NearestReference(int32_t v, int32_t in, int32_t out, bool align_corners,
                         bool half_pixel) {
  const float scale =
      (align_corners && out > 1)
          ? static_cast<float>(in - 1) / static_cast<float>(out - 1)
          : static_cast<float>(in) / static_cast<float>(out);
  const float offset = half_pixel ? 0.5f : 0.0f;
  float x = (static_cast<float>(v) + offset) * scale;
  // Huge sizes: keep the int conversion defined (the result is clamped).
  if (!(x < 2147483520.0f)) x = 2147483520.0f;
  int32_t src =
      static_cast<int32_t>(align_corners ? std::round(x) : std::floor(x));
  src = std::min(src, in - 1);
  if (half_pixel) src = std::max(src, 0);
  return src;
}

int32_t NearestFixedPoint(int32_t v, int32_t in, int32_t out) {
  const int64_t scale = (int64_t{in} << 16) / out + 1;
  return static_cast<int32_t>(
      std::min<int64_t>((v * scale) >> 16, int64_t{in} - 1));
}

class ResizeNearestNeighborOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    if (in != nullptr) {
      switch (in->type) {
        case DataType::kFloat32:
        case DataType::kUInt8:
        case DataType::kInt8:
        case DataType::kInt16:
        case DataType::kInt32:
          break;
        default:
          return ctx.InputError(
              StatusCode::kUnsupported, 0,
              StrFormat("%s is not supported (float32, uint8, int8, int16 "
                        "and int32 are)",
                        DataTypeName(in->type)));
      }
    }
    EDGELITE_RETURN_IF_ERROR(PrepareResize(ctx, &g_));
    const bool align = ctx.options().resize.align_corners;
    const bool half = ctx.options().resize.half_pixel_centers;
    const bool fixed_point = in->type == DataType::kUInt8 && !align && !half;
    auto fill = [&](std::vector<int32_t>* v, int32_t in_size,
                    int32_t out_size) {
      v->resize(static_cast<size_t>(out_size));
      for (int32_t i = 0; i < out_size; ++i) {
        (*v)[i] = fixed_point
                      ? NearestFixedPoint(i, in_size, out_size)
                      : NearestReference(i, in_size, out_size, align, half);
      }
    };
    fill(&src_y_, g_.in_h, g_.out_h);
    fill(&src_x_, g_.in_w, g_.out_w);
    pixel_bytes_ = static_cast<size_t>(g_.depth) * DataTypeSize(in->type);
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    if (pixel_bytes_ == 0) return Status::Ok();
    const uint8_t* in = ctx.input(0)->data;
    uint8_t* out = ctx.output(0)->data;
    const size_t row_bytes = pixel_bytes_ * static_cast<size_t>(g_.in_w);
    const size_t image_bytes = row_bytes * static_cast<size_t>(g_.in_h);
    for (int32_t b = 0; b < g_.batches; ++b) {
      const uint8_t* image = in + b * image_bytes;
      for (int32_t y = 0; y < g_.out_h; ++y) {
        const uint8_t* row = image + src_y_[y] * row_bytes;
        for (int32_t x = 0; x < g_.out_w; ++x) {
          std::memcpy(out, row + src_x_[x] * pixel_bytes_, pixel_bytes_);
          out += pixel_bytes_;
        }
      }
    }
    return Status::Ok();
  }

 private:
  ResizeGeometry g_;
  size_t pixel_bytes_ = 0;
  std::vector<int32_t> src_y_, src_x_;
};

}  // namespace

std::unique_ptr<Op> CreateResizeNearestNeighbor() {
  return std::make_unique<ResizeNearestNeighborOp>();
}

}  // namespace edgelite
