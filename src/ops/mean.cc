// MEAN: average over the axes listed in input 1 (a constant int32 tensor;
// negative axes count from the end, duplicates are ignored, an empty list
// reduces nothing), keep_dims from ReducerOptions.
//
// float32: each output sums its inputs in row-major input order (TFLite's
// ReduceSumImpl order; the 4-D [1,2] special case adds in the same order),
// then divides by f32(N).
//
// int8/uint8 (per-tensor quantized, same type in and out) compute one of
// four arithmetics, chosen in Prepare (measured against LiteRT.js, which
// judges where it and tfjs-tflite's older TFLite disagree):
//
// 0. Input and output quantization identical (kTflite): the mean of the raw
//    values, out = round(f32(sum(q)) / f32(N)), clamped, where ties round
//    half to even when the reduced dims (size-1 dims aside) are contiguous
//    and half up when kept dims lie between them.
// 1. XNNPACK global average pooling (QuantArithmetic::kTflite, when TFLite's
//    XNNPACK delegate takes the node: 4-D input reducing exactly dims {1, 2}
//    or {2}, negative axes normalized — LiteRT's delegate does; and
//    in_scale/out_scale in [2^-8, 2^8), which XNNPACK's
//    global-average-pooling operator requires). From XNNPACK's
//    global_average_pooling_nwc update_params and the qs8/qu8 gavgpool fp32
//    kernels:
//      scale = f32(in_scale) / (f32(out_scale) * f32(N))   (float)
//      acc   = sum(q) - N * in_zp                          (int32)
//      out   = lrintf(clamp(f32(acc) * scale, qmin - zp, qmax - zp)) + out_zp
//    i.e. RequantizeFp32 (round half to even, full type range).
// 2. TFLite's optimized 4-D mean (kTflite, not delegated, keep_dims, 4-D,
//    axis values as written exactly {1, 2}; optimized_integer_ops::Mean /
//    optimized_ops::Mean):
//      bias  = out_zp - (int)round_half_away(f32(in_zp * in_scale / out_scale))
//      mult, shift = QuantizeMultiplier(in_scale / (f32(N) * out_scale))
//      out   = clamp(MultiplyByQuantizedMultiplier(sum(q), mult, shift) + bias)
// 3. TFLite / tflite-micro reference QuantizedMeanOrSum (reference/reduce.h;
//    QuantArithmetic::kMicro always, kTflite for everything else):
//      scale = f32(in_scale) / f32(out_scale); bias = f32(-in_zp) * scale
//      mean  = f32(sum(q)) / f32(N)
//      out   = clamp(round_half_away(mean * scale + bias) + out_zp)  (float)
//
// An input with no elements yields NaN (float) or 0 (quantized), as TFLite's
// InitializeMeanOutput.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

enum class MeanKind { kFloat, kSameQuant, kXnnpack, kTfliteMean4D, kReference };

class MeanOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    const Tensor* axis = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &axis));
    type_ = in->type;
    if (type_ != DataType::kFloat32 && type_ != DataType::kInt8 &&
        type_ != DataType::kUInt8) {
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("MEAN of %s is not supported (float32, int8, uint8 are)",
                    DataTypeName(type_)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));

    // Axes.
    if (axis->type != DataType::kInt32) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("axis must be int32, got %s", DataTypeName(axis->type)));
    }
    if (axis->shape.rank > 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            "axis must be a scalar or a vector, got shape " +
                                axis->shape.ToString());
    }
    if (!axis->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, 1,
                            "axis computed at run time is not supported");
    }
    const int rank = in->shape.rank;
    const int64_t num_axis = axis->NumElements();
    const int32_t* axis_data = axis->Data<int32_t>();
    bool reduced[kMaxRank] = {};
    for (int64_t k = 0; k < num_axis; ++k) {
      int d = 0;
      if (!NormalizeAxis(axis_data[k], rank, &d)) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 1,
            StrFormat("axis %d is out of range for input shape %s",
                      axis_data[k], in->shape.ToString().c_str()));
      }
      reduced[d] = true;
    }

    // Output shape, and the stride each input dim advances the output by.
    Shape out_shape;
    int64_t num_reduced = 1;
    for (int d = 0; d < rank; ++d) {
      if (reduced[d]) {
        num_reduced *= in->shape.dims[d];
        if (ctx.options().reducer.keep_dims)
          out_shape.dims[out_shape.rank++] = 1;
      } else {
        out_shape.dims[out_shape.rank++] = in->shape.dims[d];
      }
    }
    num_reduced_ = num_reduced;
    // Work on at least one dim so a scalar input is a 1-element vector.
    rank_ = rank == 0 ? 1 : rank;
    int64_t stride = 1;
    for (int d = rank_ - 1; d >= 0; --d) {
      dims_[d] = rank == 0 ? 1 : in->shape.dims[d];
      out_strides_[d] = (rank != 0 && reduced[d]) ? 0 : stride;
      if (!(rank != 0 && reduced[d])) stride *= dims_[d];
    }
    num_outputs_ = stride;
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, out_shape));

    const size_t acc_bytes =
        static_cast<size_t>(num_outputs_) *
        (type_ == DataType::kFloat32 ? sizeof(float) : sizeof(int64_t));
    EDGELITE_RETURN_IF_ERROR(ctx.RequestScratch(acc_bytes, &scratch_id_));

    if (type_ == DataType::kFloat32) {
      kind_ = MeanKind::kFloat;
      return Status::Ok();
    }
    return PrepareQuantized(ctx, *in, *ctx.output(0), axis_data, num_axis,
                            reduced);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* out = ctx.output(0);
    void* scratch = ctx.scratch(scratch_id_);
    switch (type_) {
      case DataType::kFloat32:
        EvalFloat(in->Data<float>(), out->MutableData<float>(),
                  static_cast<float*>(scratch));
        break;
      case DataType::kInt8:
        EvalQuantized(in->Data<int8_t>(), out->MutableData<int8_t>(),
                      static_cast<int64_t*>(scratch));
        break;
      case DataType::kUInt8:
        EvalQuantized(in->Data<uint8_t>(), out->MutableData<uint8_t>(),
                      static_cast<int64_t*>(scratch));
        break;
      default:
        return ctx.Error(StatusCode::kRuntimeError, "MEAN was not prepared");
    }
    return Status::Ok();
  }

 private:
  Status PrepareQuantized(OpContext& ctx, const Tensor& in, const Tensor& out,
                          const int32_t* axis_data, int64_t num_axis,
                          const bool* reduced) {
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, &in, true, 0));
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, &out, false, 0));
    const float in_scale = in.scale(), out_scale = out.scale();
    in_zp_ = in.zero_point();
    out_zp_ = out.zero_point();
    qmin_ = QMin(type_);
    qmax_ = QMax(type_);
    const float n = static_cast<float>(num_reduced_);

    const bool tflite = ctx.arithmetic() == QuantArithmetic::kTflite;
    const bool rank4 = in.shape.rank == 4;
    // LiteRT's delegate normalizes negative axes: {-3, -2} is {1, 2}.
    const bool delegated_axes =
        rank4 && !reduced[0] && reduced[2] && !reduced[3] &&
        (num_axis == 1 || (num_axis == 2 && reduced[1]));
    const float ratio = in_scale / out_scale;
    const bool ratio_ok = ratio >= 0x1.0p-8f && ratio < 0x1.0p+8f;
    // TFLite's builtin special case compares the axis values as written.
    const bool raw_1_2 = rank4 && num_axis == 2 &&
                         std::min(axis_data[0], axis_data[1]) == 1 &&
                         std::max(axis_data[0], axis_data[1]) == 2;

    if (tflite && in_scale == out_scale && in_zp_ == out_zp_ &&
        num_reduced_ > 0) {
      kind_ = MeanKind::kSameQuant;
      // Measured: ties round half to even when the reduced dims (ignoring
      // size-1 dims) are one contiguous block, half up otherwise.
      int first = -1, last = -1, kept_between = 0;
      for (int d = 0; d < in.shape.rank; ++d) {
        if (in.shape.dims[d] == 1) continue;
        if (reduced[d]) {
          if (first < 0) first = d;
          last = d;
        }
      }
      for (int d = first + 1; first >= 0 && d < last; ++d) {
        if (!reduced[d] && in.shape.dims[d] != 1) ++kept_between;
      }
      ties_up_ = kept_between > 0;
    } else if (tflite && delegated_axes && ratio_ok && num_reduced_ > 0) {
      kind_ = MeanKind::kXnnpack;
      scale_ = in_scale / (out_scale * n);
    } else if (tflite && ctx.options().reducer.keep_dims && raw_1_2) {
      kind_ = MeanKind::kTfliteMean4D;
      float temp = static_cast<float>(in_zp_) * in_scale / out_scale;
      temp = temp > 0 ? temp + 0.5f : temp - 0.5f;
      bias_ = out_zp_ - static_cast<int32_t>(temp);
      const float real_scale = in_scale / (n * out_scale);
      QuantizeMultiplier(static_cast<double>(real_scale), &multiplier_,
                         &shift_);
    } else {
      kind_ = MeanKind::kReference;
      scale_ = in_scale / out_scale;
      float_bias_ = static_cast<float>(-in_zp_) * scale_;
    }
    return Status::Ok();
  }

  // Adds every input element into its output's accumulator, in row-major
  // input order.
  template <typename In, typename Acc>
  void Accumulate(const In* x, Acc* acc) const {
    std::fill(acc, acc + num_outputs_, Acc(0));
    const int last = rank_ - 1;
    const int32_t last_dim = dims_[last];
    const int64_t last_stride = out_strides_[last];
    int64_t outer = 1;
    for (int d = 0; d < last; ++d) outer *= dims_[d];
    if (last_dim == 0) return;
    int32_t idx[kMaxRank] = {};
    int64_t out_off = 0;
    for (int64_t o = 0; o < outer; ++o) {
      Acc* row = acc + out_off;
      if (last_stride == 0) {
        Acc s = row[0];
        for (int32_t i = 0; i < last_dim; ++i) s += static_cast<Acc>(x[i]);
        row[0] = s;
      } else {
        for (int32_t i = 0; i < last_dim; ++i) row[i] += static_cast<Acc>(x[i]);
      }
      x += last_dim;
      for (int d = last - 1; d >= 0; --d) {
        out_off += out_strides_[d];
        if (++idx[d] < dims_[d]) break;
        out_off -= out_strides_[d] * dims_[d];
        idx[d] = 0;
      }
    }
  }

  void EvalFloat(const float* x, float* y, float* acc) const {
    if (num_reduced_ == 0) {
      std::fill(y, y + num_outputs_, std::numeric_limits<float>::quiet_NaN());
      return;
    }
    Accumulate(x, acc);
    const float n = static_cast<float>(num_reduced_);
    for (int64_t i = 0; i < num_outputs_; ++i) y[i] = acc[i] / n;
  }

  template <typename T>
  void EvalQuantized(const T* x, T* y, int64_t* acc) const {
    if (num_reduced_ == 0) {
      std::fill(y, y + num_outputs_, T(0));
      return;
    }
    Accumulate(x, acc);
    switch (kind_) {
      case MeanKind::kXnnpack: {
        const int64_t zp_sum = num_reduced_ * in_zp_;
        for (int64_t i = 0; i < num_outputs_; ++i) {
          const int32_t a = static_cast<int32_t>(acc[i] - zp_sum);
          y[i] =
              static_cast<T>(RequantizeFp32(a, scale_, out_zp_, qmin_, qmax_));
        }
        break;
      }
      case MeanKind::kSameQuant: {
        const float n = static_cast<float>(num_reduced_);
        for (int64_t i = 0; i < num_outputs_; ++i) {
          const float mean = static_cast<float>(acc[i]) / n;
          int32_t v = ties_up_ ? static_cast<int32_t>(std::floor(mean + 0.5f))
                               : RoundHalfEvenSmall(mean);
          v = std::min(std::max(v, qmin_), qmax_);
          y[i] = static_cast<T>(v);
        }
        break;
      }
      case MeanKind::kTfliteMean4D:
        for (int64_t i = 0; i < num_outputs_; ++i) {
          int32_t v = MultiplyByQuantizedMultiplier(
                          static_cast<int32_t>(acc[i]), multiplier_, shift_) +
                      bias_;
          v = std::min(std::max(v, qmin_), qmax_);
          y[i] = static_cast<T>(v);
        }
        break;
      default: {
        const float n = static_cast<float>(num_reduced_);
        const float lo = static_cast<float>(qmin_);
        const float hi = static_cast<float>(qmax_);
        for (int64_t i = 0; i < num_outputs_; ++i) {
          const float mean = static_cast<float>(acc[i]) / n;
          float r = RoundHalfAway(mean * scale_ + float_bias_) +
                    static_cast<float>(out_zp_);
          r = std::max(std::min(r, hi), lo);
          y[i] = static_cast<T>(static_cast<int32_t>(r));
        }
        break;
      }
    }
  }

  DataType type_ = DataType::kFloat32;
  MeanKind kind_ = MeanKind::kFloat;
  int rank_ = 1;
  int32_t dims_[kMaxRank] = {};
  int64_t out_strides_[kMaxRank] = {};
  int64_t num_outputs_ = 0;
  int64_t num_reduced_ = 0;
  int scratch_id_ = -1;
  int32_t in_zp_ = 0, out_zp_ = 0, qmin_ = 0, qmax_ = 0;
  float scale_ = 0.0f, float_bias_ = 0.0f;
  int32_t multiplier_ = 0, bias_ = 0;
  int shift_ = 0;
  bool ties_up_ = false;
};

}  // namespace

std::unique_ptr<Op> CreateMean() { return std::make_unique<MeanOp>(); }

}  // namespace edgelite
