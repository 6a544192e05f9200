// Image decoding and preprocessing for image models: decode (JPEG/PNG/BMP),
// optional center crop, TFLite RESIZE_BILINEAR, and conversion of pixels into
// a model's NHWC input tensor.
//
// Shared by the native CLI and the WebAssembly build, so nothing here touches
// files or prints: bytes in, pixels and Status out.
#ifndef EDGELITE_API_IMAGE_H_
#define EDGELITE_API_IMAGE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/status.h"
#include "core/tensor.h"

namespace edgelite {

// An 8-bit image, rows top to bottom, channels interleaved (RGBRGB… when
// channels == 3). pixels.size() == width * height * channels.
struct Image {
  int width = 0;
  int height = 0;
  int channels = 3;
  std::vector<uint8_t> pixels;

  const uint8_t* at(int x, int y) const {
    return pixels.data() +
           (static_cast<size_t>(y) * width + x) * static_cast<size_t>(channels);
  }
};

// Decoding refuses images above these sizes before allocating any pixels, so
// a tiny hostile header cannot ask for gigabytes.
struct ImageLimits {
  int max_side = 16384;                     // width and height, each
  int64_t max_pixels = int64_t{256} << 20;  // width * height
};

// Decodes a JPEG, PNG or BMP image (by content, not by name) into 8-bit RGB
// (channels == 3; grayscale and alpha images are converted, alpha dropped).
// Errors: kInvalidArgument for unknown or corrupt data ("not a JPEG, PNG or
// BMP image: <reason>") and for images over `limits`.
Status DecodeImage(const uint8_t* bytes, size_t size, Image* out,
                   const ImageLimits& limits = ImageLimits());

// Keeps the central `fraction` (0 < fraction <= 1) of each side. The crop is
// floor(side * fraction) pixels (at least 1), starting at
// (side - crop) / 2 rounded down. fraction == 1 copies the image.
Status CenterCrop(const Image& in, float fraction, Image* out);

struct ResizeOptions {
  // The two flags of TFLite's ResizeBilinearOptions; both false is TFLite's
  // default and what libcoral / tflite-support preprocessing use. They are
  // mutually exclusive (as in TFLite).
  bool align_corners = false;
  bool half_pixel_centers = false;
  // kTfliteOptimized: TFLite's optimized uint8 kernel, the one every desktop
  // and mobile TFLite build registers (rounds to nearest).
  // kTfliteReference: TFLite's reference_ops::ResizeBilinear<uint8_t>
  // (truncates).
  enum class Rounding { kTfliteOptimized, kTfliteReference };
  Rounding rounding = Rounding::kTfliteOptimized;
};

// Resizes `in` to out_w × out_h exactly as TFLite's RESIZE_BILINEAR computes
// it on a uint8 NHWC tensor [1, H, W, C] (tensorflow/lite/kernels/internal/
// optimized/resize_bilinear.h, ResizeBilinearGenericSmallChannel<uint8_t>;
// the coordinate mapping is reference_ops::ComputeInterpolationValues):
//
//   scale_y = f32(in_h) / out_h            (align_corners: (in_h-1)/(out_h-1)
//                                           when out_h > 1; same for x)
//   sy = y * scale_y                        (half_pixel_centers:
//                                           (y + 0.5f) * scale_y - 0.5f)
//   y0 = max(int(floor(sy)), 0),  y1 = min(int(ceil(sy)), in_h - 1),
//   dy = sy - y0   (may be negative or exceed y1 - y0 near the edges with
//                   half_pixel_centers; TFLite does not clamp it either)
//   (likewise x0, x1, dx)
//   w = { (1-dy)(1-dx), (1-dy)dx, dy(1-dx), dy dx }        all float32
//   out = trunc(p00*w0 + p01*w1 + p10*w2 + p11*w3 + 0.5f)  float32, summed
//         left to right, no fused multiply-add; clamped to [0, 255]
//
// i.e. round half up of the float32 interpolation. With
// Rounding::kTfliteReference the "+ 0.5f" is omitted (truncation), and the
// interpolation is evaluated in TFLite's reference order
// (p00(1-dy)(1-dx) + p10 dy(1-dx) + p01(1-dy)dx + p11 dy dx).
// Output channels == input channels.
Status ResizeBilinear(const Image& in, int out_w, int out_h,
                      const ResizeOptions& options, Image* out);
inline Status ResizeBilinear(const Image& in, int out_w, int out_h,
                             Image* out) {
  return ResizeBilinear(in, out_w, out_h, ResizeOptions(), out);
}

// How float32 inputs are normalized: value = (p - mean[c]) / std[c]. One
// value applies to every channel; otherwise one per channel. Defaults map
// [0, 255] to [-1, 1]; a model's metadata (see api/metadata.h) overrides them.
struct NormalizationParams {
  std::vector<float> mean = {127.5f};
  std::vector<float> std = {127.5f};
};

// Writes `rgb` (channels == 3, already width × height of the tensor) into an
// NHWC input tensor of shape [1, H, W, C], C = 3 (RGB) or C = 1 (grayscale:
// Y = (299 R + 587 G + 114 B + 500) / 1000, ITU-R BT.601 luma rounded to
// nearest). Pixel p in [0, 255] becomes:
//   uint8   → p
//   int8    → p − 128
//   float32 → (p − mean[c]) / std[c]   (float32 arithmetic)
// Other dtypes → kUnsupported naming the dtype. A tensor whose shape is not
// [1, H, W, 1|3] or an image of another size → kInvalidArgument giving both.
Status FillInputTensor(const Image& rgb, const NormalizationParams& norm,
                       Tensor* input);

// Reads the image geometry a [1, H, W, C] input tensor expects. Fails like
// FillInputTensor on other shapes.
Status ImageInputSize(const Tensor& input, int* width, int* height,
                      int* channels);

}  // namespace edgelite

#endif  // EDGELITE_API_IMAGE_H_
