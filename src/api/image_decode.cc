// JPEG/PNG/BMP decoding through stb_image. This is the only translation unit
// that compiles stb_image's implementation.
#include <climits>
#include <cstring>

#include "api/image.h"

// stb_image is third-party code written for -Wall, not -Wextra -Werror; keep
// its warnings out of our build without relaxing our own flags elsewhere.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wtype-limits"
#pragma GCC diagnostic ignored "-Wshift-negative-value"
#pragma GCC diagnostic ignored "-Wcast-function-type"
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#endif
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_ONLY_BMP
#define STBI_NO_STDIO  // bytes only: the wasm build has no files
#define STBI_NO_LINEAR
#define STBI_NO_HDR
// An image file must never abort the process; stb's asserts guard its own
// invariants, which are not ours to enforce in a release binary.
#define STBI_ASSERT(x) ((void)0)
// Defence in depth: stb itself refuses anything larger than our hard cap.
#define STBI_MAX_DIMENSIONS 16384
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace edgelite {
namespace {

// stb's reasons are terse ("bad huffman code"); name the formats so a user
// who passed the wrong file understands at once.
Status NotAnImage() {
  const char* reason = stbi_failure_reason();
  return InvalidArgumentError("not a JPEG, PNG or BMP image: %s",
                              reason ? reason : "unknown format");
}

uint32_t Le32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) |
         (uint32_t{p[3]} << 24);
}

// stb_image decodes a BMP whose pixel array is cut short without complaint
// (the missing rows come out as garbage). For the uncompressed layouts,
// whose size follows from the header, refuse truncated files instead.
Status CheckBmpComplete(const uint8_t* bytes, size_t size) {
  if (size < 2 || bytes[0] != 'B' || bytes[1] != 'M') return Status::Ok();
  if (size < 34 || Le32(bytes + 14) < 40) return Status::Ok();  // OS/2 etc.
  const uint32_t offset = Le32(bytes + 10);
  const int64_t width = static_cast<int32_t>(Le32(bytes + 18));
  int64_t height = static_cast<int32_t>(Le32(bytes + 22));
  const int bpp = bytes[28] | (bytes[29] << 8);
  const uint32_t compression = Le32(bytes + 30);
  if (compression != 0 && compression != 3) return Status::Ok();  // RLE
  if (width <= 0 || height == 0 || bpp <= 0 || width > 65536) {
    return Status::Ok();  // stb reports these itself
  }
  if (height < 0) height = -height;
  const int64_t stride = (width * bpp + 31) / 32 * 4;
  const int64_t needed = int64_t{offset} + stride * height;
  if (static_cast<int64_t>(size) < needed) {
    return InvalidArgumentError(
        "truncated BMP image: %zu bytes, the header needs %lld", size,
        static_cast<long long>(needed));
  }
  return Status::Ok();
}

}  // namespace

Status DecodeImage(const uint8_t* bytes, size_t size, Image* out,
                   const ImageLimits& limits) {
  if (bytes == nullptr || size == 0) {
    return InvalidArgumentError("not a JPEG, PNG or BMP image: empty input");
  }
  if (size > static_cast<size_t>(INT_MAX)) {
    return InvalidArgumentError("image data too large (%zu bytes)", size);
  }
  const int len = static_cast<int>(size);
  int width = 0, height = 0, channels = 0;
  // Check the header's dimensions before stb allocates the pixels.
  if (!stbi_info_from_memory(bytes, len, &width, &height, &channels)) {
    return NotAnImage();
  }
  if (width <= 0 || height <= 0) {
    return InvalidArgumentError("image has no pixels (%d x %d)", width, height);
  }
  const int64_t pixels = int64_t{width} * height;
  if (width > limits.max_side || height > limits.max_side ||
      pixels > limits.max_pixels) {
    return InvalidArgumentError(
        "image is %d x %d pixels; the limit is %d pixels per side and %lld "
        "pixels in total",
        width, height, limits.max_side,
        static_cast<long long>(limits.max_pixels));
  }
  EDGELITE_RETURN_IF_ERROR(CheckBmpComplete(bytes, size));

  int w = 0, h = 0, file_channels = 0;
  stbi_uc* data = stbi_load_from_memory(bytes, len, &w, &h, &file_channels,
                                        /*desired_channels=*/3);
  if (data == nullptr) return NotAnImage();
  if (w != width || h != height) {
    stbi_image_free(data);
    return InvalidArgumentError(
        "image header says %d x %d but decodes to %d x %d", width, height, w,
        h);
  }
  out->width = w;
  out->height = h;
  out->channels = 3;
  const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h) * 3;
  out->pixels.assign(data, data + n);
  stbi_image_free(data);
  return Status::Ok();
}

}  // namespace edgelite
