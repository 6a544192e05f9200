// Conversion of RGB pixels into an image model's NHWC input tensor.
#include <cmath>
#include <string>

#include "api/image.h"

namespace edgelite {
namespace {

// ITU-R BT.601 luma with integer weights, rounded to nearest; integer math
// keeps native and wasm builds bit-identical.
uint8_t Luma(const uint8_t* rgb) {
  const int y = 299 * rgb[0] + 587 * rgb[1] + 114 * rgb[2] + 500;
  return static_cast<uint8_t>(y / 1000);
}

// One value for all channels, or one per channel.
Status PerChannel(const std::vector<float>& v, const char* what, int channels,
                  std::vector<float>* out) {
  if (v.size() == 1) {
    out->assign(channels, v[0]);
  } else if (static_cast<int>(v.size()) == channels) {
    *out = v;
  } else {
    return InvalidArgumentError(
        "normalization %s has %zu values; the input has %d channels", what,
        v.size(), channels);
  }
  return Status::Ok();
}

}  // namespace

Status ImageInputSize(const Tensor& input, int* width, int* height,
                      int* channels) {
  const Shape& s = input.shape;
  if (s.rank != 4 || s[0] != 1 || s[1] <= 0 || s[2] <= 0 ||
      (s[3] != 1 && s[3] != 3)) {
    return InvalidArgumentError(
        "input tensor '%s' has shape %s; an image input must be [1, height, "
        "width, 3] (RGB) or [1, height, width, 1] (grayscale)",
        input.name, s.ToString().c_str());
  }
  *height = s[1];
  *width = s[2];
  *channels = s[3];
  return Status::Ok();
}

Status FillInputTensor(const Image& rgb, const NormalizationParams& norm,
                       Tensor* input) {
  int width = 0, height = 0, channels = 0;
  EDGELITE_RETURN_IF_ERROR(ImageInputSize(*input, &width, &height, &channels));
  if (rgb.channels != 3 ||
      rgb.pixels.size() != static_cast<size_t>(rgb.width) * rgb.height * 3) {
    return InvalidArgumentError("expected an RGB image (3 channels), got %d",
                                rgb.channels);
  }
  if (rgb.width != width || rgb.height != height) {
    return InvalidArgumentError(
        "image is %d x %d but input tensor '%s' %s needs %d x %d; resize it "
        "first",
        rgb.width, rgb.height, input->name, input->shape.ToString().c_str(),
        width, height);
  }
  if (input->type != DataType::kUInt8 && input->type != DataType::kInt8 &&
      input->type != DataType::kFloat32) {
    return UnsupportedError(
        "input tensor '%s' is %s; image inputs must be uint8, int8 or float32",
        input->name, DataTypeName(input->type));
  }
  const size_t count = static_cast<size_t>(width) * height * channels;
  const size_t bytes = count * DataTypeSize(input->type);
  if (input->data == nullptr || input->bytes != bytes) {
    return FailedPreconditionError(
        "input tensor '%s' has no memory of %zu bytes (allocate tensors first)",
        input->name, bytes);
  }

  // Pixel i of the tensor, already in [0, 255].
  const uint8_t* px = rgb.pixels.data();
  const size_t pixels = static_cast<size_t>(width) * height;
  auto value = [&](size_t i, int c) -> uint8_t {
    return channels == 3 ? px[i * 3 + c] : Luma(px + i * 3);
  };

  switch (input->type) {
    case DataType::kUInt8: {
      uint8_t* out = input->MutableData<uint8_t>();
      for (size_t i = 0; i < pixels; ++i)
        for (int c = 0; c < channels; ++c) *out++ = value(i, c);
      return Status::Ok();
    }
    case DataType::kInt8: {
      int8_t* out = input->MutableData<int8_t>();
      for (size_t i = 0; i < pixels; ++i)
        for (int c = 0; c < channels; ++c)
          *out++ = static_cast<int8_t>(static_cast<int>(value(i, c)) - 128);
      return Status::Ok();
    }
    case DataType::kFloat32: {
      std::vector<float> mean, std;
      EDGELITE_RETURN_IF_ERROR(PerChannel(norm.mean, "mean", channels, &mean));
      EDGELITE_RETURN_IF_ERROR(PerChannel(norm.std, "std", channels, &std));
      for (int c = 0; c < channels; ++c) {
        if (!(std[c] != 0.0f) || !std::isfinite(std[c]) ||
            !std::isfinite(mean[c])) {
          return InvalidArgumentError(
              "normalization for channel %d is mean %g, std %g; std must be "
              "finite and non-zero",
              c, static_cast<double>(mean[c]), static_cast<double>(std[c]));
        }
      }
      float* out = input->MutableData<float>();
      for (size_t i = 0; i < pixels; ++i)
        for (int c = 0; c < channels; ++c)
          *out++ = (static_cast<float>(value(i, c)) - mean[c]) / std[c];
      return Status::Ok();
    }
    default:
      return Status::Ok();  // unreachable: checked above
  }
}

}  // namespace edgelite
