// RESIZE_BILINEAR: NHWC image resize by bilinear interpolation; the size is
// a constant int32 [new_height, new_width]. align_corners and
// half_pixel_centers (not both) choose how output coordinates map to input
// coordinates. Types: float32, uint8, int8, int16; quantized values are
// interpolated raw (the output keeps the input's quantization).
//
// Which arithmetic TFLite computes depends on who runs the node; every
// variant is reproduced here and chosen in Prepare:
//
// 1. XNNPACK (LiteRT / tfjs-tflite delegate float32, and uint8/int8 when the
//    input and output quantization are equal): per output coordinate v
//    (xnn_indirection_init_resize_bilinear2d_hwc_f32 / _q11)
//      scale = f32(in - adj) / f32(out - adj), adj = align_corners && out != 1
//      align_corners or neither flag: x = f32(v) * scale
//      half_pixel_centers: x = clamp(f32(v) * scale + (0.5f * scale - 0.5f),
//                                    0, in - 1)
//      lo = (int) x, hi = min(lo + 1, in - 1), alpha = x - f32(lo)
//    float32 (f32-ibilinear):  t = tl + (tr - tl) * ah; b = bl + (br - bl) * ah
//                              out = t + (b - t) * av
//    uint8/int8 (u8/s8-ibilinear, 11-bit weights a = lrintf(alpha * 2048)):
//      t = (tl << 11) + (tr - tl) * ah; b likewise
//      out = ((t << 11) + (b - t) * av + 2^21) >> 22   (arithmetic shift)
// 2. TFLite's built-in uint8 kernel (optimized ResizeBilinear →
//    ResizeBilinearGenericSmallChannel), for uint8 the delegate refuses:
//      scale = align_corners && out > 1 ? f32(in-1)/f32(out-1) :
//      f32(in)/f32(out) x = half_pixel_centers ? (v + 0.5f) * scale - 0.5f : v
//      * scale lo = max(floor(x), 0), hi = min(ceil(x), in - 1), d = x - lo out
//      = (uint8)(p00*((1-dy)*(1-dx)) + p01*((1-dy)*dx) + p10*(dy*(1-dx))
//                    + p11*(dy*dx) + 0.5f)      (float, left to right)
// 3. TFLite's integer kernel (reference ResizeBilinearInteger), for int16 and
//    for int8 the delegate refuses:
//      scale10 = (1024 * in + out / 2) / out   (align: in-1, out-1)
//      s = half_pixel_centers ? v * scale10 + scale10 / 2 - 512 : v * scale10
//      lo = max(s / 1024, 0), hi = min((s + 1023) / 1024, in - 1)
//      acc = Σ p * wy * wx with w_lo = 1024 - (s - 1024 lo), w_hi = s - 1024 lo
//      out = (acc ± 2^19) / 2^20   (rounds half away from zero)
// kMicro computes the same (tflite-micro's int8 kernel is variant 3).
// Indices are clamped to the image, which TFLite leaves to chance for huge
// upscales with align_corners in variant 3.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/resize_common.h"

namespace edgelite {
namespace {

enum class BilinearKind { kXnnpackF32, kXnnpackQ11, kTfliteUint8, kInteger };

// One output coordinate's two source indices and weights.
struct Tap {
  int32_t lo = 0, hi = 0;
  float w_lo = 0.0f, w_hi = 0.0f;  // float kinds (XNNPACK: w_hi = alpha)
  int32_t q_lo = 0, q_hi = 0;      // integer kinds (XNNPACK: q_hi = alpha)
};

int32_t ClampIndex(int64_t i, int32_t size) {
  return static_cast<int32_t>(
      std::min<int64_t>(std::max<int64_t>(i, 0), int64_t{size} - 1));
}

void XnnpackTaps(int32_t in, int32_t out, bool align, bool half,
                 std::vector<Tap>* taps) {
  const int32_t adj = (align && out != 1) ? 1 : 0;
  const float scale =
      static_cast<float>(in - adj) / static_cast<float>(out - adj);
  const float offset = 0.5f * scale - 0.5f;
  const float max_index = static_cast<float>(in - 1);
  taps->resize(static_cast<size_t>(out));
  for (int32_t v = 0; v < out; ++v) {
    float x = static_cast<float>(v) * scale;
    if (!align && half) {
      x = x + offset;
      x = std::min(std::max(x, 0.0f), max_index);
    }
    Tap& t = (*taps)[v];
    t.lo = ClampIndex(static_cast<int64_t>(x), in);
    t.hi = std::min(t.lo + 1, in - 1);
    t.w_hi = x - static_cast<float>(t.lo);
    t.q_hi = static_cast<int32_t>(std::lrintf(t.w_hi * 2048.0f));
  }
}

void TfliteFloatTaps(int32_t in, int32_t out, bool align, bool half,
                     std::vector<Tap>* taps) {
  const float scale =
      (align && out > 1)
          ? static_cast<float>(in - 1) / static_cast<float>(out - 1)
          : static_cast<float>(in) / static_cast<float>(out);
  taps->resize(static_cast<size_t>(out));
  for (int32_t v = 0; v < out; ++v) {
    const float fv = static_cast<float>(v);
    const float x = half ? (fv + 0.5f) * scale - 0.5f : fv * scale;
    Tap& t = (*taps)[v];
    const int32_t lo = std::max(static_cast<int32_t>(std::floor(x)), 0);
    t.lo = ClampIndex(lo, in);
    t.hi = ClampIndex(static_cast<int64_t>(std::ceil(x)), in);
    const float d = x - static_cast<float>(lo);
    t.w_lo = 1.0f - d;
    t.w_hi = d;
  }
}

void IntegerTaps(int32_t in, int32_t out, bool align, bool half,
                 std::vector<Tap>* taps) {
  const int64_t scale10 =
      (align && out > 1)
          ? ((int64_t{1024} * (in - 1) + (out - 1) / 2) / (out - 1))
          : ((int64_t{1024} * in + out / 2) / out);
  taps->resize(static_cast<size_t>(out));
  for (int32_t v = 0; v < out; ++v) {
    const int64_t s = half ? v * scale10 + scale10 / 2 - 512 : v * scale10;
    const int64_t lo = std::max<int64_t>(s / 1024, 0);
    Tap& t = (*taps)[v];
    t.lo = ClampIndex(lo, in);
    t.hi = ClampIndex(std::min<int64_t>((s + 1023) / 1024, in - 1), in);
    t.q_lo = static_cast<int32_t>(1024 - (s - 1024 * lo));
    t.q_hi = static_cast<int32_t>(s - 1024 * lo);
  }
}

template <typename T>
void RunXnnpackQ11(const T* p00, const T* p01, const T* p10, const T* p11,
                   const Tap& ty, const Tap& tx, int32_t depth, T* out) {
  const int32_t ah = tx.q_hi, av = ty.q_hi;
  for (int32_t c = 0; c < depth; ++c) {
    const int32_t tl = p00[c], tr = p01[c], bl = p10[c], br = p11[c];
    const int32_t t = tl * 2048 + (tr - tl) * ah;
    const int32_t b = bl * 2048 + (br - bl) * ah;
    const int32_t acc = t * 2048 + (b - t) * av;
    // >> of a negative int32 is an arithmetic shift with GCC/Clang.
    out[c] = static_cast<T>((acc + (1 << 21)) >> 22);
  }
}

template <typename T>
void RunInteger(const T* p00, const T* p01, const T* p10, const T* p11,
                const Tap& ty, const Tap& tx, int32_t depth, T* out) {
  for (int32_t c = 0; c < depth; ++c) {
    const int64_t acc = int64_t{p00[c]} * ty.q_lo * tx.q_lo +
                        int64_t{p10[c]} * ty.q_hi * tx.q_lo +
                        int64_t{p01[c]} * ty.q_lo * tx.q_hi +
                        int64_t{p11[c]} * ty.q_hi * tx.q_hi;
    const int64_t round = acc > 0 ? (1 << 19) : -(1 << 19);
    out[c] = static_cast<T>((acc + round) / (1 << 20));
  }
}

class ResizeBilinearOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    if (in != nullptr && in->type != DataType::kFloat32 &&
        in->type != DataType::kUInt8 && in->type != DataType::kInt8 &&
        in->type != DataType::kInt16) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("%s is not supported (float32, uint8, int8 and int16 are)",
                    DataTypeName(in->type)));
    }
    const bool align = ctx.options().resize.align_corners;
    const bool half = ctx.options().resize.half_pixel_centers;
    if (align && half) {
      return ctx.Error(StatusCode::kInvalidModel,
                       "align_corners and half_pixel_centers cannot both be "
                       "true");
    }
    EDGELITE_RETURN_IF_ERROR(PrepareResize(ctx, &g_));
    type_ = in->type;
    kind_ = ChooseKind(*in, *ctx.output(0));
    switch (kind_) {
      case BilinearKind::kXnnpackF32:
      case BilinearKind::kXnnpackQ11:
        XnnpackTaps(g_.in_h, g_.out_h, align, half, &taps_y_);
        XnnpackTaps(g_.in_w, g_.out_w, align, half, &taps_x_);
        break;
      case BilinearKind::kTfliteUint8:
        TfliteFloatTaps(g_.in_h, g_.out_h, align, half, &taps_y_);
        TfliteFloatTaps(g_.in_w, g_.out_w, align, half, &taps_x_);
        break;
      case BilinearKind::kInteger:
        IntegerTaps(g_.in_h, g_.out_h, align, half, &taps_y_);
        IntegerTaps(g_.in_w, g_.out_w, align, half, &taps_x_);
        break;
    }
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    switch (type_) {
      case DataType::kFloat32:
        Run<float>(ctx);
        break;
      case DataType::kUInt8:
        Run<uint8_t>(ctx);
        break;
      case DataType::kInt8:
        Run<int8_t>(ctx);
        break;
      case DataType::kInt16:
        Run<int16_t>(ctx);
        break;
      default:
        return ctx.Error(StatusCode::kRuntimeError,
                         "RESIZE_BILINEAR was not prepared");
    }
    return Status::Ok();
  }

 private:
  static BilinearKind ChooseKind(const Tensor& in, const Tensor& out) {
    switch (in.type) {
      case DataType::kFloat32:
        return BilinearKind::kXnnpackF32;
      case DataType::kInt16:
        return BilinearKind::kInteger;
      default:
        break;
    }
    // XNNPACK takes a quantized node only when both tensors carry per-tensor
    // quantization and it is the same.
    const bool delegated =
        in.quant != nullptr && out.quant != nullptr &&
        in.quant->scale.size() == 1 && out.quant->scale.size() == 1 &&
        in.scale() == out.scale() && in.zero_point() == out.zero_point();
    if (delegated) return BilinearKind::kXnnpackQ11;
    return in.type == DataType::kUInt8 ? BilinearKind::kTfliteUint8
                                       : BilinearKind::kInteger;
  }

  template <typename T>
  void Run(OpContext& ctx) const {
    const T* in = ctx.input(0)->Data<T>();
    T* out = ctx.output(0)->MutableData<T>();
    const int32_t depth = g_.depth;
    const int64_t row = int64_t{g_.in_w} * depth;
    const int64_t image = row * g_.in_h;
    for (int32_t b = 0; b < g_.batches; ++b) {
      const T* img = in + b * image;
      for (int32_t y = 0; y < g_.out_h; ++y) {
        const Tap& ty = taps_y_[y];
        const T* r0 = img + ty.lo * row;
        const T* r1 = img + ty.hi * row;
        for (int32_t x = 0; x < g_.out_w; ++x) {
          const Tap& tx = taps_x_[x];
          const T* p00 = r0 + int64_t{tx.lo} * depth;
          const T* p01 = r0 + int64_t{tx.hi} * depth;
          const T* p10 = r1 + int64_t{tx.lo} * depth;
          const T* p11 = r1 + int64_t{tx.hi} * depth;
          Pixel(p00, p01, p10, p11, ty, tx, out);
          out += depth;
        }
      }
    }
  }

  void Pixel(const float* p00, const float* p01, const float* p10,
             const float* p11, const Tap& ty, const Tap& tx, float* out) const {
    const float ah = tx.w_hi, av = ty.w_hi;
    for (int32_t c = 0; c < g_.depth; ++c) {
      const float t = p00[c] + (p01[c] - p00[c]) * ah;
      const float b = p10[c] + (p11[c] - p10[c]) * ah;
      out[c] = t + (b - t) * av;
    }
  }
  void Pixel(const uint8_t* p00, const uint8_t* p01, const uint8_t* p10,
             const uint8_t* p11, const Tap& ty, const Tap& tx,
             uint8_t* out) const {
    if (kind_ == BilinearKind::kXnnpackQ11) {
      RunXnnpackQ11(p00, p01, p10, p11, ty, tx, g_.depth, out);
      return;
    }
    const float s0 = ty.w_lo * tx.w_lo, s1 = ty.w_lo * tx.w_hi;
    const float s2 = ty.w_hi * tx.w_lo, s3 = ty.w_hi * tx.w_hi;
    for (int32_t c = 0; c < g_.depth; ++c) {
      float v = static_cast<float>(p00[c]) * s0 +
                static_cast<float>(p01[c]) * s1 +
                static_cast<float>(p10[c]) * s2 +
                static_cast<float>(p11[c]) * s3 + 0.5f;
      v = std::min(std::max(v, 0.0f), 255.0f);
      out[c] = static_cast<uint8_t>(v);
    }
  }
  void Pixel(const int8_t* p00, const int8_t* p01, const int8_t* p10,
             const int8_t* p11, const Tap& ty, const Tap& tx,
             int8_t* out) const {
    if (kind_ == BilinearKind::kXnnpackQ11) {
      RunXnnpackQ11(p00, p01, p10, p11, ty, tx, g_.depth, out);
    } else {
      RunInteger(p00, p01, p10, p11, ty, tx, g_.depth, out);
    }
  }
  void Pixel(const int16_t* p00, const int16_t* p01, const int16_t* p10,
             const int16_t* p11, const Tap& ty, const Tap& tx,
             int16_t* out) const {
    RunInteger(p00, p01, p10, p11, ty, tx, g_.depth, out);
  }

  ResizeGeometry g_;
  DataType type_ = DataType::kFloat32;
  BilinearKind kind_ = BilinearKind::kXnnpackF32;
  std::vector<Tap> taps_y_, taps_x_;
};

}  // namespace

std::unique_ptr<Op> CreateResizeBilinear() {
  return std::make_unique<ResizeBilinearOp>();
}

}  // namespace edgelite
