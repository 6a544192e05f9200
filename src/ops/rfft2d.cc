// RFFT2D (TFLite tensorflow/lite/kernels/rfft2d.cc): the 2-D DFT of the last
// two dimensions of a float32 input,
//   X[k1, k2] = sum x[n1, n2] exp(-2 pi i (k1 n1 / H + k2 n2 / W)),
// for k1 < H, k2 <= W / 2, as complex64 [..., H, W/2 + 1], where
// fft_length = [H, W] is a constant int32 pair of powers of two (TFLite's FFT
// library handles nothing else). Each [in_h, in_w] slice is cropped to, or
// zero-padded up to, [H, W] first.
//
// TFLite runs Ooura's rdft2d entirely in double and rounds to float at the
// end; this kernel also works in double (a radix-2 complex FFT of W/2 points
// per row with the usual even/odd split into a real FFT, then an H-point FFT
// per column), so both results are the exact DFT up to ~1e-16 relative
// before the final rounding, and agree to the float contract. H = 1 is the
// plain DFT of each row (YAMNet's converted RFFT is [1, 512]); W = 1 is
// refused (see Prepare).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

// In-place forward FFT of n (a power of two) interleaved complex doubles.
// tw[2j], tw[2j+1] = cos, -sin of 2 pi j / tw_n, for j <= tw_n / 2, where n
// divides tw_n.
void ComplexFft(double* a, int32_t n, const double* tw, int32_t tw_n) {
  for (int32_t i = 1, j = 0; i < n; ++i) {
    int32_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const double re = a[2 * i], im = a[2 * i + 1];
      a[2 * i] = a[2 * j];
      a[2 * i + 1] = a[2 * j + 1];
      a[2 * j] = re;
      a[2 * j + 1] = im;
    }
  }
  for (int32_t len = 2; len <= n; len <<= 1) {
    const int32_t half = len >> 1;
    const int32_t step = tw_n / len;
    for (int32_t i = 0; i < n; i += len) {
      double* lo = a + 2 * i;
      double* hi = lo + 2 * half;
      for (int32_t k = 0; k < half; ++k) {
        const double wr = tw[2 * k * step], wi = tw[2 * k * step + 1];
        const double vr = hi[2 * k] * wr - hi[2 * k + 1] * wi;
        const double vi = hi[2 * k] * wi + hi[2 * k + 1] * wr;
        const double ur = lo[2 * k], ui = lo[2 * k + 1];
        lo[2 * k] = ur + vr;
        lo[2 * k + 1] = ui + vi;
        hi[2 * k] = ur - vr;
        hi[2 * k + 1] = ui - vi;
      }
    }
  }
}

bool IsPowerOfTwo(int32_t v) { return v > 0 && (v & (v - 1)) == 0; }

class Rfft2dOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    if (in->type != DataType::kFloat32) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 0,
                         "type %s is not supported (RFFT2D takes float32)",
                         DataTypeName(in->type));
    }
    if (in->shape.rank < 2) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 0,
                         "rank %d: RFFT2D needs at least 2 dimensions [..., "
                         "height, width]",
                         in->shape.rank);
    }
    const Tensor* len = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &len));
    if (len->type != DataType::kInt32 || len->shape.rank != 1 ||
        len->shape.dims[0] != 2) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "fft_length must be an int32 tensor of shape [2], "
                         "got %s %s",
                         DataTypeName(len->type),
                         len->shape.ToString().c_str());
    }
    if (!len->is_constant()) {
      return InputErrorF(ctx, StatusCode::kUnsupported, 1,
                         "a non-constant fft_length is not supported; "
                         "edgelite plans memory before Invoke");
    }
    height_ = len->Data<int32_t>()[0];
    width_ = len->Data<int32_t>()[1];
    if (!IsPowerOfTwo(height_) || !IsPowerOfTwo(width_)) {
      return InputErrorF(ctx, StatusCode::kInvalidModel, 1,
                         "fft_length [%d, %d] must be two positive powers of "
                         "two (TFLite's FFT takes nothing else)",
                         height_, width_);
    }
    if (width_ == 1) {
      // Ooura's rdft needs at least 2 points: with fft_width 1 TFLite does
      // no column transform and not a DFT. Measured (LiteRT.js 2.5.3 and
      // tfjs-tflite agree): fft_length [1, 1] on 7 gives 7 - 7i; [4, 1] on
      // the column [7, 1, 1, 5] gives [7 - 7i, 3 - 3i, 1, 3 + 3i] instead of
      // [14, 6 + 4i, 2, 6 - 4i].
      return InputErrorF(ctx, StatusCode::kUnsupported, 1,
                         "fft_length [%d, 1]: an fft_width of 1 is not "
                         "supported (TFLite's FFT computes no DFT for it)",
                         height_);
    }
    Tensor* out = ctx.output(0);
    if (out->type != DataType::kComplex64) {
      return OutputErrorF(ctx, StatusCode::kInvalidModel, 0,
                          "type %s must be complex64", DataTypeName(out->type));
    }
    const int rank = in->shape.rank;
    in_h_ = in->shape.dims[rank - 2];
    in_w_ = in->shape.dims[rank - 1];
    slices_ = in->shape.FlatSize(0, rank - 2);
    cols_ = width_ / 2 + 1;
    Shape out_shape = in->shape;
    out_shape.dims[rank - 2] = height_;
    out_shape.dims[rank - 1] = cols_;
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, out_shape));

    // Scratch, in doubles: twiddles (tw_n / 2 + 1 complex), the row spectra
    // [H, W/2 + 1] complex, one real row of W, one column of H complex. The
    // twiddles are filled in each Eval rather than kept from Prepare: their
    // size follows fft_length, and scratch is charged to the arena limit, so
    // a hostile fft_length cannot make Prepare allocate gigabytes (the
    // tw_n / 2 + 1 sincos calls cost far less than the FFTs themselves).
    tw_n_ = height_ > width_ ? height_ : width_;
    const uint64_t doubles = static_cast<uint64_t>(tw_n_) + 2 +
                             2 * static_cast<uint64_t>(height_) * cols_ +
                             static_cast<uint64_t>(width_) + 2 * height_;
    // Bounded by the tensor limit and by size_t (32 bits in wasm).
    const uint64_t max_bytes =
        std::min<uint64_t>(static_cast<uint64_t>(kMaxTensorBytes),
                           std::numeric_limits<size_t>::max());
    if (doubles > max_bytes / sizeof(double)) {
      return OpErrorF(ctx, StatusCode::kResourceExhausted,
                      "fft_length [%d, %d] needs too much working memory",
                      height_, width_);
    }
    return ctx.RequestScratch(static_cast<size_t>(doubles) * sizeof(double),
                              &scratch_id_);
  }

  Status Eval(OpContext& ctx) override {
    const float* in = ctx.input(0)->Data<float>();
    float* out = ctx.output(0)->MutableData<float>();
    double* tw = static_cast<double*>(ctx.scratch(scratch_id_));
    double* spec = tw + tw_n_ + 2;
    double* row = spec + 2 * static_cast<int64_t>(height_) * cols_;
    double* col = row + width_;

    const double two_pi = 6.283185307179586476925286766559;
    for (int32_t j = 0; j <= tw_n_ / 2; ++j) {
      const double angle = two_pi * j / tw_n_;
      tw[2 * j] = std::cos(angle);
      tw[2 * j + 1] = -std::sin(angle);
    }
    const int32_t valid_h = in_h_ < height_ ? in_h_ : height_;
    const int32_t valid_w = in_w_ < width_ ? in_w_ : width_;
    const int32_t half = width_ / 2;
    const int64_t in_slice = static_cast<int64_t>(in_h_) * in_w_;
    const int64_t out_slice = static_cast<int64_t>(height_) * cols_;

    for (int64_t s = 0; s < slices_; ++s) {
      const float* x = in + s * in_slice;
      for (int32_t i = 0; i < height_; ++i) {
        double* X = spec + 2 * static_cast<int64_t>(i) * cols_;
        if (i >= valid_h) {
          std::memset(X, 0, sizeof(double) * 2 * cols_);
          continue;
        }
        for (int32_t j = 0; j < valid_w; ++j) row[j] = x[i * in_w_ + j];
        for (int32_t j = valid_w; j < width_; ++j) row[j] = 0;
        RealRowFft(row, half, tw, X);
      }
      float* y = out + 2 * s * out_slice;  // 2 floats per complex
      for (int32_t k = 0; k < cols_; ++k) {
        for (int32_t i = 0; i < height_; ++i) {
          col[2 * i] = spec[2 * (static_cast<int64_t>(i) * cols_ + k)];
          col[2 * i + 1] = spec[2 * (static_cast<int64_t>(i) * cols_ + k) + 1];
        }
        ComplexFft(col, height_, tw, tw_n_);
        for (int32_t i = 0; i < height_; ++i) {
          float* z = y + 2 * (static_cast<int64_t>(i) * cols_ + k);
          z[0] = static_cast<float>(col[2 * i]);
          z[1] = static_cast<float>(col[2 * i + 1]);
        }
      }
    }
    return Status::Ok();
  }

 private:
  // The real row of 2m values, read as m complex z[j] = row[2j] + i row[2j+1]
  // and transformed, gives X[k] = E[k] + w^k O[k] (w = exp(-2 pi i / 2m)),
  // E[k] = (Z[k] + conj Z[m-k]) / 2 and O[k] = (Z[k] - conj Z[m-k]) / 2i,
  // for k = 0..m (indices of Z mod m).
  void RealRowFft(double* row, int32_t m, const double* tw, double* X) const {
    ComplexFft(row, m, tw, tw_n_);
    // k = 0 and k = m are real: Z[0].re ± Z[0].im, exactly (as Ooura's
    // packed rdft output has them), with no twiddle rounding in the zero.
    X[0] = row[0] + row[1];
    X[1] = 0;
    X[2 * m] = row[0] - row[1];
    X[2 * m + 1] = 0;
    const int32_t step = tw_n_ / (2 * m);
    for (int32_t k = 1; k < m; ++k) {
      const double zr = row[2 * k], zi = row[2 * k + 1];
      const double cr = row[2 * (m - k)], ci = -row[2 * (m - k) + 1];
      const double er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
      const double or_ = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
      const double wr = tw[2 * k * step], wi = tw[2 * k * step + 1];
      X[2 * k] = er + (or_ * wr - oi * wi);
      X[2 * k + 1] = ei + (or_ * wi + oi * wr);
    }
  }

  int32_t height_ = 1, width_ = 1, cols_ = 1, in_h_ = 0, in_w_ = 0;
  int32_t tw_n_ = 1;
  int64_t slices_ = 0;
  int scratch_id_ = -1;
};

}  // namespace

std::unique_ptr<Op> CreateRfft2d() { return std::make_unique<Rfft2dOp>(); }

}  // namespace edgelite
