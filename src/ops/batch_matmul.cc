// BATCH_MATMUL: out[..., m, n] = Σ_k x[..., m, k] · y[..., k, n], with x
// ([..., M, K], or [..., K, M] when adj_x) and y ([..., K, N], or [..., N, K]
// when adj_y) of rank 2 to 5 whose leading (batch) dimensions broadcast
// NumPy-style; the output has the larger rank (TFLite kernels/batch_matmul.cc,
// reference/batch_matmul.h).
//
// Types and the arithmetic TFLite computes for them in practice (measured
// against LiteRT.js 2.5.3 and tfjs-tflite, tie-heavy cases included):
//  - float32: Σ in float32, k ascending (XNNPACK and TFLite sum in other
//    orders; the conformance tolerance covers it).
//  - int8 → int8 (per-tensor): acc = Σ (x − x_zp)(y − y_zp) in int32. When
//    y's zero point is 0 LiteRT.js hands the node to XNNPACK: XNNPACK's fp32
//    requantization (RequantizeFp32 with f32(f32(x_s·y_s)/out_s), ties to
//    even). Otherwise XNNPACK refuses it and TFLite's built-in kernel
//    requantizes with the double-rounding MultiplyByQuantizedMultiplier
//    (double multiplier x_s·y_s/out_s). kMicro always uses the latter.
//    (tfjs-tflite's older TFLite uses the built-in kernel throughout.)
//  - int8 → int32: the raw Σ x·y, zero points ignored, as TFLite's
//    EvalInt8Int32.
//  - int16 → int16 (zero points 0): acc in int64, TFLite's 64-bit
//    MultiplyByQuantizedMultiplier (15-bit multiplier, one rounding); both
//    peers agree; kMicro the same.
//  - hybrid: float32 x, constant int8 y (per-tensor or per-channel along
//    N), float32 output.
//    LiteRT.js runs XNNPACK's dynamic-range path whatever
//    asymmetric_quantize_inputs says: each row of x (K values) quantized
//    with QuantizeDynamicXnnpack, acc = Σ (q − zp)·y, out = (f32(acc)·step)·
//    y_scale. (tfjs-tflite runs TFLite's built-in hybrid kernel: other
//    quantization; the judge is LiteRT.js.) kMicro: the same.
//
// Loop order: per batch, x's rows and y's columns are made contiguous
// (transposed into scratch when the layout needs it; a constant hybrid y
// once in Prepare) so every output is one contiguous dot product.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "core/op.h"
#include "core/quant.h"
#include "ops/conv_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

constexpr int kMaxBatchMatMulRank = 5;

enum class BmmKind : int8_t { kFloat32, kInt8, kInt8ToInt32, kInt16, kHybrid };

// dst[c·rows + r] = src[r·cols + c]: a rows×cols matrix transposed, bytewise
// so one copy serves every element type.
void Transpose(const uint8_t* src, int64_t rows, int64_t cols, size_t elem,
               uint8_t* dst) {
  for (int64_t r = 0; r < rows; ++r) {
    for (int64_t c = 0; c < cols; ++c) {
      std::memcpy(dst + (c * rows + r) * elem, src + (r * cols + c) * elem,
                  elem);
    }
  }
}

class BatchMatMulOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* x = nullptr;
    const Tensor* y = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &x));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &y));
    const Tensor* out = ctx.output(0);
    const BatchMatMulOptions& o = ctx.options().batch_matmul;
    adj_x_ = o.adj_x;
    adj_y_ = o.adj_y;
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 2, kMaxBatchMatMulRank));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 1, 2, kMaxBatchMatMulRank));
    EDGELITE_RETURN_IF_ERROR(CheckTypes(ctx, x, y, out));
    Shape out_shape;
    EDGELITE_RETURN_IF_ERROR(
        PrepareShapes(ctx, x->shape, y->shape, &out_shape));
    switch (kind_) {
      case BmmKind::kInt8:
        EDGELITE_RETURN_IF_ERROR(PrepareInt8(ctx, x, y, out));
        break;
      case BmmKind::kInt16:
        EDGELITE_RETURN_IF_ERROR(PrepareInt16(ctx, x, y, out));
        break;
      case BmmKind::kHybrid:
        EDGELITE_RETURN_IF_ERROR(PrepareHybrid(ctx, y));
        break;
      default:
        break;
    }
    EDGELITE_RETURN_IF_ERROR(RequestScratch(ctx));
    return ctx.SetOutputShape(0, out_shape);
  }

  Status Eval(OpContext& ctx) override {
    switch (kind_) {
      case BmmKind::kFloat32:
        EvalFloat(ctx);
        break;
      case BmmKind::kInt8:
      case BmmKind::kInt8ToInt32:
        EvalInt8(ctx);
        break;
      case BmmKind::kInt16:
        EvalInt16(ctx);
        break;
      case BmmKind::kHybrid:
        EvalHybrid(ctx);
        break;
    }
    return Status::Ok();
  }

 private:
  Status CheckTypes(const OpContext& ctx, const Tensor* x, const Tensor* y,
                    const Tensor* out) {
    const DataType xt = x->type, yt = y->type, ot = out->type;
    if (xt == DataType::kFloat32 && yt == DataType::kFloat32) {
      kind_ = BmmKind::kFloat32;
    } else if (xt == DataType::kInt8 && yt == DataType::kInt8) {
      kind_ = ot == DataType::kInt32 ? BmmKind::kInt8ToInt32 : BmmKind::kInt8;
    } else if (xt == DataType::kInt16 && yt == DataType::kInt16) {
      kind_ = BmmKind::kInt16;
    } else if (xt == DataType::kFloat32 && yt == DataType::kInt8) {
      kind_ = BmmKind::kHybrid;
    } else {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("%s x with %s y: the inputs must be float32, int8 or "
                    "int16 alike, or float32 x with int8 y (hybrid)",
                    DataTypeName(xt), DataTypeName(yt)));
    }
    const DataType want = kind_ == BmmKind::kHybrid        ? DataType::kFloat32
                          : kind_ == BmmKind::kInt8ToInt32 ? DataType::kInt32
                                                           : xt;
    if (ot != want) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("type must be %s for %s inputs, got %s", DataTypeName(want),
                    DataTypeName(xt), DataTypeName(ot)));
    }
    return Status::Ok();
  }

  Status PrepareShapes(const OpContext& ctx, const Shape& xs, const Shape& ys,
                       Shape* out_shape) {
    const int rank = xs.rank > ys.rank ? xs.rank : ys.rank;
    // Both shapes extended with leading 1s to the output rank.
    int32_t xd[kMaxBatchMatMulRank], yd[kMaxBatchMatMulRank];
    for (int i = 0; i < rank; ++i) {
      const int xi = i - (rank - xs.rank), yi = i - (rank - ys.rank);
      xd[i] = xi >= 0 ? xs[xi] : 1;
      yd[i] = yi >= 0 ? ys[yi] : 1;
    }
    m_ = adj_x_ ? xd[rank - 1] : xd[rank - 2];
    k_ = adj_x_ ? xd[rank - 2] : xd[rank - 1];
    const int64_t y_k = adj_y_ ? yd[rank - 1] : yd[rank - 2];
    n_ = adj_y_ ? yd[rank - 2] : yd[rank - 1];
    if (k_ != y_k) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("x %s%s and y %s%s do not agree on the summed dimension "
                    "(%lld vs %lld)",
                    xs.ToString().c_str(), adj_x_ ? " (adj_x)" : "",
                    ys.ToString().c_str(), adj_y_ ? " (adj_y)" : "",
                    static_cast<long long>(k_), static_cast<long long>(y_k)));
    }
    out_shape->rank = rank;
    // Batch strides (in elements) of x and y; 0 where a dimension of 1 is
    // broadcast.
    int64_t x_stride[kMaxBatchMatMulRank], y_stride[kMaxBatchMatMulRank];
    int64_t xs_acc = m_ * k_, ys_acc = k_ * n_;
    for (int i = rank - 3; i >= 0; --i) {
      if (xd[i] != yd[i] && xd[i] != 1 && yd[i] != 1) {
        return ctx.Error(StatusCode::kInvalidModel,
                         StrFormat("batch dimensions of x %s and y %s do not "
                                   "broadcast (%d vs %d)",
                                   xs.ToString().c_str(), ys.ToString().c_str(),
                                   xd[i], yd[i]));
      }
      out_shape->dims[i] = xd[i] == 1 ? yd[i] : xd[i];
      x_stride[i] = xd[i] == 1 ? 0 : xs_acc;
      y_stride[i] = yd[i] == 1 ? 0 : ys_acc;
      xs_acc *= xd[i];
      ys_acc *= yd[i];
    }
    out_shape->dims[rank - 2] = static_cast<int32_t>(m_);
    out_shape->dims[rank - 1] = static_cast<int32_t>(n_);
    // Offsets of x's and y's matrix for every output matrix, in order.
    batches_ = 1;
    for (int i = 0; i < rank - 2; ++i) batches_ *= out_shape->dims[i];
    x_offset_.assign(static_cast<size_t>(batches_), 0);
    y_offset_.assign(static_cast<size_t>(batches_), 0);
    int32_t index[kMaxBatchMatMulRank] = {};
    for (int64_t b = 0; b < batches_; ++b) {
      int64_t xo = 0, yo = 0;
      for (int i = 0; i < rank - 2; ++i) {
        xo += index[i] * x_stride[i];
        yo += index[i] * y_stride[i];
      }
      x_offset_[static_cast<size_t>(b)] = xo;
      y_offset_[static_cast<size_t>(b)] = yo;
      for (int i = rank - 3; i >= 0; --i) {
        if (++index[i] < out_shape->dims[i]) break;
        index[i] = 0;
      }
    }
    return Status::Ok();
  }

  Status PrepareInt8(const OpContext& ctx, const Tensor* x, const Tensor* y,
                     const Tensor* out) {
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, x, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, y, true, 1));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, out, false, 0));
    x_zp_ = x->zero_point();
    y_zp_ = y->zero_point();
    out_zp_ = out->zero_point();
    // Whether XNNPACK takes the node in LiteRT.js (see the file comment).
    fp32_requant_ = ctx.arithmetic() == QuantArithmetic::kTflite && y_zp_ == 0;
    if (fp32_requant_) {
      scale_ = (x->scale() * y->scale()) / out->scale();
      if (!std::isfinite(scale_)) {
        return ctx.Error(StatusCode::kUnsupported,
                         StrFormat("requantization scale %g * %g / %g is not "
                                   "finite in float32",
                                   static_cast<double>(x->scale()),
                                   static_cast<double>(y->scale()),
                                   static_cast<double>(out->scale())));
      }
      return Status::Ok();
    }
    return PrepareMultiplier(ctx, x, y, out, 31);
  }

  Status PrepareInt16(const OpContext& ctx, const Tensor* x, const Tensor* y,
                      const Tensor* out) {
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, x, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, y, true, 1));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, out, false, 0));
    if (x->zero_point() != 0 || y->zero_point() != 0 ||
        out->zero_point() != 0) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("int16 zero points must be 0, got x %d, y %d, "
                    "output %d",
                    x->zero_point(), y->zero_point(), out->zero_point()));
    }
    // The 64-bit multiply shifts right by 15 − shift: shift ≤ 14.
    return PrepareMultiplier(ctx, x, y, out, 14);
  }

  Status PrepareMultiplier(const OpContext& ctx, const Tensor* x,
                           const Tensor* y, const Tensor* out, int max_shift) {
    const double real = static_cast<double>(x->scale()) *
                        static_cast<double>(y->scale()) /
                        static_cast<double>(out->scale());
    QuantizeMultiplier(real, &multiplier_, &shift_);
    if (shift_ > max_shift) {
      return ctx.Error(StatusCode::kUnsupported,
                       StrFormat("requantization scale %g is too large for a "
                                 "fixed-point multiplier",
                                 real));
    }
    return Status::Ok();
  }

  Status PrepareHybrid(const OpContext& ctx, const Tensor* y) {
    if (!y->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, 1,
                            "hybrid int8 y must be constant (TFLite runs "
                            "computed ones on a kernel edgelite does not "
                            "mirror)");
    }
    const QuantParams* q = y->quant;
    if (q == nullptr || q->scale.empty()) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            "int8 y must be quantized (no scale given)");
    }
    // Per-channel scales run along y's N dimension (XNNPACK's per-column
    // scales; measured. tfjs-tflite's TFLite returns zeros for them).
    const int n_dim = adj_y_ ? y->shape.rank - 2 : y->shape.rank - 1;
    const size_t count = q->scale.size();
    if (count > 1 &&
        (count != static_cast<size_t>(n_) || q->quantized_dimension != n_dim)) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("per-channel quantization with %zu scales along "
                    "dimension %d, expected %lld along dimension %d (N)",
                    count, q->quantized_dimension, static_cast<long long>(n_),
                    n_dim));
    }
    for (int64_t zp : q->zero_point) {
      if (zp != 0) {
        return ctx.InputError(StatusCode::kInvalidModel, 1,
                              StrFormat("hybrid int8 y needs zero point 0, "
                                        "got %lld",
                                        static_cast<long long>(zp)));
      }
    }
    y_scales_.assign(static_cast<size_t>(n_), q->scale[0]);
    if (count > 1) y_scales_.assign(q->scale.begin(), q->scale.end());
    // y's distinct matrices, each transposed to [N, K] once, with the sum of
    // every column.
    const int64_t y_matrices = k_ * n_ > 0 ? y->NumElements() / (k_ * n_) : 0;
    y_t_.assign(static_cast<size_t>(y->NumElements()), 0);
    y_sums_.assign(static_cast<size_t>(y_matrices * n_), 0);
    const int8_t* yd = y->Data<int8_t>();
    const Dot8Fns& f = Dot8For(true);
    for (int64_t i = 0; i < y_matrices; ++i) {
      const int8_t* src = yd + i * k_ * n_;
      int8_t* dst = y_t_.data() + i * k_ * n_;
      if (adj_y_) {
        std::memcpy(dst, src, static_cast<size_t>(k_ * n_));
      } else {
        Transpose(reinterpret_cast<const uint8_t*>(src), k_, n_, 1,
                  reinterpret_cast<uint8_t*>(dst));
      }
      for (int64_t c = 0; c < n_; ++c) {
        y_sums_[static_cast<size_t>(i * n_ + c)] =
            static_cast<int32_t>(f.sum(dst + c * k_, k_));
      }
    }
    return Status::Ok();
  }

  Status RequestScratch(OpContext& ctx) {
    x_scratch_ = y_scratch_ = sums_scratch_ = q_scratch_ = -1;
    const size_t elem = kind_ == BmmKind::kFloat32 || kind_ == BmmKind::kHybrid
                            ? sizeof(float)
                        : kind_ == BmmKind::kInt16 ? sizeof(int16_t)
                                                   : 1;
    if (kind_ == BmmKind::kInt16) return Status::Ok();  // strided loops
    if (kind_ == BmmKind::kHybrid) {
      // One row of x (gathered when adj_x) and its quantized copy.
      EDGELITE_RETURN_IF_ERROR(ctx.RequestScratch(
          static_cast<size_t>(k_) * sizeof(float), &x_scratch_));
      return ctx.RequestScratch(static_cast<size_t>(k_), &q_scratch_);
    }
    if (adj_x_) {
      EDGELITE_RETURN_IF_ERROR(
          ctx.RequestScratch(static_cast<size_t>(m_ * k_) * elem, &x_scratch_));
    }
    if (!adj_y_) {
      EDGELITE_RETURN_IF_ERROR(
          ctx.RequestScratch(static_cast<size_t>(k_ * n_) * elem, &y_scratch_));
    }
    if (kind_ == BmmKind::kInt8) {
      // Column sums of y (for x's zero point) then row sums of x (for y's).
      EDGELITE_RETURN_IF_ERROR(ctx.RequestScratch(
          static_cast<size_t>(n_ + m_) * sizeof(uint32_t), &sums_scratch_));
    }
    return Status::Ok();
  }

  // x's matrix of batch b as M contiguous rows of K, and y's as N contiguous
  // columns of K, transposing into scratch where the layout needs it. y is
  // transposed again only when the batch moves to another y matrix.
  template <typename T>
  void Operands(OpContext& ctx, int64_t b, const T** xm, const T** ym,
                bool* y_changed) {
    const T* x = ctx.input(0)->Data<T>() + x_offset_[static_cast<size_t>(b)];
    const int64_t yo = y_offset_[static_cast<size_t>(b)];
    const T* y = ctx.input(1)->Data<T>() + yo;
    if (adj_x_) {
      T* t = static_cast<T*>(ctx.scratch(x_scratch_));
      Transpose(reinterpret_cast<const uint8_t*>(x), k_, m_, sizeof(T),
                reinterpret_cast<uint8_t*>(t));
      x = t;
    }
    *y_changed = b == 0 || yo != y_offset_[static_cast<size_t>(b - 1)];
    if (!adj_y_) {
      T* t = static_cast<T*>(ctx.scratch(y_scratch_));
      if (*y_changed) {
        Transpose(reinterpret_cast<const uint8_t*>(y), k_, n_, sizeof(T),
                  reinterpret_cast<uint8_t*>(t));
      }
      y = t;
    }
    *xm = x;
    *ym = y;
  }

  void EvalFloat(OpContext& ctx) {
    float* out = ctx.output(0)->MutableData<float>();
    const float inf = std::numeric_limits<float>::infinity();
    for (int64_t b = 0; b < batches_; ++b) {
      const float* x;
      const float* y;
      bool y_changed;
      Operands(ctx, b, &x, &y, &y_changed);
      float* out_b = out + b * m_ * n_;
      for (int64_t m = 0; m < m_; ++m) {
        F32RowTimesWeights(x + m * k_, y, nullptr, k_, static_cast<int32_t>(n_),
                           -inf, inf, out_b + m * n_);
      }
    }
  }

  // Σ (x − x_zp)(y − y_zp) = Σ x·y − y_zp·Σ x − x_zp·Σ y + K·x_zp·y_zp,
  // modulo 2^32 like the convolutions (conv_common.h).
  void EvalInt8(OpContext& ctx) {
    const bool to_int32 = kind_ == BmmKind::kInt8ToInt32;
    uint32_t* col_sums =
        to_int32 ? nullptr : static_cast<uint32_t*>(ctx.scratch(sums_scratch_));
    const uint32_t xz = static_cast<uint32_t>(x_zp_);
    const uint32_t yz = static_cast<uint32_t>(y_zp_);
    const uint32_t zz = static_cast<uint32_t>(k_) * xz * yz;
    const Dot8Fns& f = Dot8For(true);
    for (int64_t b = 0; b < batches_; ++b) {
      const int8_t* x;
      const int8_t* y;
      bool y_changed;
      Operands(ctx, b, &x, &y, &y_changed);
      if (to_int32) {
        int32_t* out = ctx.output(0)->MutableData<int32_t>() + b * m_ * n_;
        for (int64_t m = 0; m < m_; ++m) {
          for (int64_t n = 0; n < n_; ++n) {
            out[m * n_ + n] =
                static_cast<int32_t>(f.dot(x + m * k_, y + n * k_, k_));
          }
        }
        continue;
      }
      if (y_changed) {
        for (int64_t n = 0; n < n_; ++n) col_sums[n] = f.sum(y + n * k_, k_);
      }
      int8_t* out = ctx.output(0)->MutableData<int8_t>() + b * m_ * n_;
      for (int64_t m = 0; m < m_; ++m) {
        const int8_t* row = x + m * k_;
        const uint32_t row_term = yz * f.sum(row, k_);
        for (int64_t n = 0; n < n_; ++n) {
          const uint32_t acc =
              f.dot(row, y + n * k_, k_) - row_term - xz * col_sums[n] + zz;
          out[m * n_ + n] =
              static_cast<int8_t>(Requantize8(static_cast<int32_t>(acc)));
        }
      }
    }
  }

  int32_t Requantize8(int32_t acc) const {
    if (fp32_requant_) return RequantizeFp32(acc, scale_, out_zp_, -128, 127);
    int64_t v =
        int64_t{MultiplyByQuantizedMultiplier(acc, multiplier_, shift_)} +
        out_zp_;
    v = v < -128 ? -128 : (v > 127 ? 127 : v);
    return static_cast<int32_t>(v);
  }

  void EvalInt16(OpContext& ctx) {
    const int16_t* xd = ctx.input(0)->Data<int16_t>();
    const int16_t* yd = ctx.input(1)->Data<int16_t>();
    int16_t* out = ctx.output(0)->MutableData<int16_t>();
    const int64_t xm = adj_x_ ? 1 : k_, xk = adj_x_ ? m_ : 1;
    const int64_t yk = adj_y_ ? 1 : n_, yn = adj_y_ ? k_ : 1;
    for (int64_t b = 0; b < batches_; ++b) {
      const int16_t* x = xd + x_offset_[static_cast<size_t>(b)];
      const int16_t* y = yd + y_offset_[static_cast<size_t>(b)];
      int16_t* out_b = out + b * m_ * n_;
      for (int64_t m = 0; m < m_; ++m) {
        for (int64_t n = 0; n < n_; ++n) {
          int64_t acc = 0;
          for (int64_t k = 0; k < k_; ++k) {
            acc += int64_t{x[m * xm + k * xk]} * y[k * yk + n * yn];
          }
          int32_t v = MultiplyByQuantizedMultiplier64(acc, multiplier_, shift_);
          v = v < -32768 ? -32768 : (v > 32767 ? 32767 : v);
          out_b[m * n_ + n] = static_cast<int16_t>(v);
        }
      }
    }
  }

  void EvalHybrid(OpContext& ctx) {
    const float* xd = ctx.input(0)->Data<float>();
    float* out = ctx.output(0)->MutableData<float>();
    float* row = static_cast<float*>(ctx.scratch(x_scratch_));
    int8_t* q = static_cast<int8_t*>(ctx.scratch(q_scratch_));
    const float inf = std::numeric_limits<float>::infinity();
    const Dot8Fns& f = Dot8For(true);
    for (int64_t b = 0; b < batches_; ++b) {
      const float* x = xd + x_offset_[static_cast<size_t>(b)];
      const int64_t y_matrix =
          k_ * n_ > 0 ? y_offset_[static_cast<size_t>(b)] / (k_ * n_) : 0;
      const int8_t* y = y_t_.data() + y_matrix * k_ * n_;
      const int32_t* sums = y_sums_.data() + y_matrix * n_;
      float* out_b = out + b * m_ * n_;
      for (int64_t m = 0; m < m_; ++m) {
        const float* xr = x + m * k_;
        if (adj_x_) {
          for (int64_t k = 0; k < k_; ++k) row[k] = x[k * m_ + m];
          xr = row;
        }
        const DynamicQuant dq = QuantizeDynamicXnnpack(xr, k_, q);
        const uint32_t zp = static_cast<uint32_t>(dq.zero_point);
        for (int64_t n = 0; n < n_; ++n) {
          const uint32_t acc =
              f.dot(q, y + n * k_, k_) - zp * static_cast<uint32_t>(sums[n]);
          out_b[m * n_ + n] =
              HybridOutput(static_cast<int32_t>(acc), dq.step,
                           y_scales_[static_cast<size_t>(n)], 0.0f, -inf, inf);
        }
      }
    }
  }

  BmmKind kind_ = BmmKind::kFloat32;
  bool adj_x_ = false, adj_y_ = false;
  int64_t m_ = 0, k_ = 0, n_ = 0, batches_ = 0;
  std::vector<int64_t> x_offset_, y_offset_;
  int x_scratch_ = -1, y_scratch_ = -1, sums_scratch_ = -1, q_scratch_ = -1;
  // int8 / int16
  int32_t x_zp_ = 0, y_zp_ = 0, out_zp_ = 0;
  bool fp32_requant_ = false;
  float scale_ = 0.0f;
  int32_t multiplier_ = 0;
  int shift_ = 0;
  // hybrid
  std::vector<float> y_scales_;  // per column n
  std::vector<int8_t> y_t_;
  std::vector<int32_t> y_sums_;
};

}  // namespace

std::unique_ptr<Op> CreateBatchMatMul() {
  return std::make_unique<BatchMatMulOp>();
}

}  // namespace edgelite
