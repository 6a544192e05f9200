// Center crop and TFLite-exact bilinear resizing of 8-bit images. The
// arithmetic is documented in api/image.h; keep the two in step.
#include <algorithm>
#include <cmath>

#include "api/image.h"

namespace edgelite {
namespace {

// Source coordinate of output index `value`, as TFLite's
// reference_ops::ComputeInterpolationValues (float version) computes it.
struct Sample {
  float pos = 0.0f;  // unclamped source coordinate
  int lo = 0;
  int hi = 0;
};

Sample SampleAt(int value, float scale, bool half_pixel_centers,
                int input_size) {
  Sample s;
  const float v = static_cast<float>(value);
  s.pos = half_pixel_centers ? (v + 0.5f) * scale - 0.5f : v * scale;
  s.lo = std::max(static_cast<int>(std::floor(s.pos)), 0);
  s.hi = std::min(static_cast<int>(std::ceil(s.pos)), input_size - 1);
  return s;
}

float AxisScale(int in, int out, bool align_corners) {
  if (align_corners && out > 1) {
    return static_cast<float>(in - 1) / static_cast<float>(out - 1);
  }
  return static_cast<float>(in) / static_cast<float>(out);
}

// The float → uint8 cast of TFLite is undefined outside [0, 256); clamp so
// the (rare) float excursions of half-pixel extrapolation stay defined.
uint8_t ToU8(float v) {
  if (!(v > 0.0f)) return 0;
  if (v >= 255.0f) return 255;
  return static_cast<uint8_t>(v);
}

}  // namespace

Status CenterCrop(const Image& in, float fraction, Image* out) {
  if (!(fraction > 0.0f && fraction <= 1.0f)) {
    return InvalidArgumentError("crop fraction must be in (0, 1], got %g",
                                static_cast<double>(fraction));
  }
  if (in.width <= 0 || in.height <= 0 || in.channels <= 0 ||
      in.pixels.size() != static_cast<size_t>(in.width) * in.height *
                              static_cast<size_t>(in.channels)) {
    return InvalidArgumentError("cannot crop an empty or inconsistent image");
  }
  const int cw = std::max(1, static_cast<int>(std::floor(in.width * fraction)));
  const int ch =
      std::max(1, static_cast<int>(std::floor(in.height * fraction)));
  const int x0 = (in.width - cw) / 2;
  const int y0 = (in.height - ch) / 2;
  Image result;
  result.width = cw;
  result.height = ch;
  result.channels = in.channels;
  const size_t row_bytes = static_cast<size_t>(cw) * in.channels;
  result.pixels.resize(row_bytes * ch);
  for (int y = 0; y < ch; ++y) {
    const uint8_t* src = in.at(x0, y0 + y);
    std::copy(src, src + row_bytes, result.pixels.data() + row_bytes * y);
  }
  *out = std::move(result);
  return Status::Ok();
}

Status ResizeBilinear(const Image& in, int out_w, int out_h,
                      const ResizeOptions& options, Image* out) {
  if (in.width <= 0 || in.height <= 0 || in.channels <= 0 ||
      in.pixels.size() != static_cast<size_t>(in.width) * in.height *
                              static_cast<size_t>(in.channels)) {
    return InvalidArgumentError("cannot resize an empty or inconsistent image");
  }
  if (out_w <= 0 || out_h <= 0 || out_w > 65536 || out_h > 65536) {
    return InvalidArgumentError("cannot resize to %d x %d", out_w, out_h);
  }
  if (options.align_corners && options.half_pixel_centers) {
    return InvalidArgumentError(
        "align_corners and half_pixel_centers cannot both be set");
  }
  const bool hpc = options.half_pixel_centers;
  const float scale_y = AxisScale(in.height, out_h, options.align_corners);
  const float scale_x = AxisScale(in.width, out_w, options.align_corners);
  const int c = in.channels;

  std::vector<Sample> xs(out_w);
  for (int x = 0; x < out_w; ++x) xs[x] = SampleAt(x, scale_x, hpc, in.width);

  Image result;
  result.width = out_w;
  result.height = out_h;
  result.channels = c;
  result.pixels.resize(static_cast<size_t>(out_w) * out_h * c);
  uint8_t* dst = result.pixels.data();
  const bool round =
      options.rounding == ResizeOptions::Rounding::kTfliteOptimized;

  for (int y = 0; y < out_h; ++y) {
    const Sample sy = SampleAt(y, scale_y, hpc, in.height);
    const float dy = sy.pos - static_cast<float>(sy.lo);
    for (int x = 0; x < out_w; ++x) {
      const Sample& sx = xs[x];
      const float dx = sx.pos - static_cast<float>(sx.lo);
      const uint8_t* p00 = in.at(sx.lo, sy.lo);
      const uint8_t* p01 = in.at(sx.hi, sy.lo);
      const uint8_t* p10 = in.at(sx.lo, sy.hi);
      const uint8_t* p11 = in.at(sx.hi, sy.hi);
      if (round) {
        // ResizeBilinearGenericSmallChannel<uint8_t>: weights first, then a
        // left-to-right float sum plus 0.5, truncated.
        const float w00 = (1 - dy) * (1 - dx);
        const float w01 = (1 - dy) * dx;
        const float w10 = dy * (1 - dx);
        const float w11 = dy * dx;
        for (int k = 0; k < c; ++k) {
          const float v = static_cast<float>(p00[k]) * w00 +
                          static_cast<float>(p01[k]) * w01 +
                          static_cast<float>(p10[k]) * w10 +
                          static_cast<float>(p11[k]) * w11 + 0.5f;
          *dst++ = ToU8(v);
        }
      } else {
        // reference_ops::ResizeBilinear<uint8_t>: each term multiplied
        // left to right, truncated.
        for (int k = 0; k < c; ++k) {
          const float v = static_cast<float>(p00[k]) * (1 - dy) * (1 - dx) +
                          static_cast<float>(p10[k]) * dy * (1 - dx) +
                          static_cast<float>(p01[k]) * (1 - dy) * dx +
                          static_cast<float>(p11[k]) * dy * dx;
          *dst++ = ToU8(v);
        }
      }
    }
  }
  *out = std::move(result);
  return Status::Ok();
}

}  // namespace edgelite
