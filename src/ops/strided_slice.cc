// STRIDED_SLICE with every mask (begin, end, ellipsis, new_axis,
// shrink_axis), negative strides and `offset`. Index arithmetic follows
// TFLite's kernel (strided_slice.cc and strided_slice_logic.h of LiteRT):
// the ellipsis and new axes are first expanded into an "effective" input of
// rank input + new axes, then every effective axis gets
//   start = begin (+size if negative), clamped to [0, size] (stride > 0) or
//           [-1, size-1] (stride < 0); begin_mask: first element.
//   end   = end (+start when offset), same negative handling and clamping;
//           end_mask: past the last element; shrink_axis: start + 1.
// and ceil((end - start) / stride) elements (0 if negative).
// Where TFLite reads outside the input or leaves output elements unwritten,
// edgelite refuses instead: a shrunk axis whose index is outside the
// dimension, and (offset=true) a window that runs past the dimension. TFLite
// writes nothing for a shrunk axis with a negative stride; edgelite takes the
// element at `begin` (TensorFlow's answer).
// end and strides must be constant (they set the output shape); begin must be
// too, except with offset=true, where it may be computed at run time and is
// checked in Eval.
#include <algorithm>
#include <climits>
#include <vector>

#include "core/op.h"
#include "ops/copy_util.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

int64_t Clamp(int64_t v, int64_t lo, int64_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

// TFLite's slice arithmetic is int32; int64 index tensors are clamped into
// that range first (same results, and no overflow in the sums below).
int64_t ToInt32Range(int64_t v) { return Clamp(v, INT32_MIN, INT32_MAX); }

// ceil(a / b) for b > 0.
int64_t CeilDiv(int64_t a, int64_t b) {
  return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

class StridedSliceOp final : public Op {
 public:
  EDGELITE_PREPARE_CODE Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 4, 4, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckOutputType(ctx, 0, 0));
    size_t elem = 0;
    EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in, true, 0, &elem));
    const StridedSliceOptions& o = ctx.options().strided_slice;
    offset_mode_ = o.offset;
    int n = 0;
    for (int i = 1; i <= 3; ++i) {
      EDGELITE_RETURN_IF_ERROR(CheckIndexType(ctx, i));
      const Tensor* t = ctx.input(i);
      if (i == 1) n = t->shape.rank == 1 ? t->shape.dims[0] : -1;
      if (t->shape.rank != 1 || t->shape.dims[0] != n || n > 32) {
        return InputErrorF(
            ctx, StatusCode::kInvalidModel, i,
            "begin, end and strides must be vectors of one length "
            "(at most 32), got shape %s",
            t->shape.ToString().c_str());
      }
    }
    std::vector<int64_t> end, strides;
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 2, "end", &end));
    EDGELITE_RETURN_IF_ERROR(ReadConstantIndices(ctx, 3, "strides", &strides));
    begin_constant_ = ctx.input(1)->is_constant();
    if (!begin_constant_ && !offset_mode_) {
      return InputErrorF(ctx, StatusCode::kUnsupported, 1,
                         "a non-constant begin tensor is not supported "
                         "(unless offset is true); edgelite plans memory "
                         "before Invoke");
    }
    EDGELITE_RETURN_IF_ERROR(ExpandAxes(ctx, in, n, end, strides));

    int64_t in_strides[kMaxRank] = {};
    DenseByteStrides(in->shape, elem, in_strides);
    for (int i = 0; i < num_dims_; ++i) {
      byte_stride_[i] = dims_[i].real >= 0 ? in_strides[dims_[i].real] : 0;
    }
    if (offset_mode_) {
      // The output size is `end` elements per axis whatever begin is.
      for (int i = 0; i < num_dims_; ++i) {
        const Dim& d = dims_[i];
        expected_[i] = d.shrink
                           ? 1
                           : std::max<int64_t>(
                                 0, d.stride > 0 ? CeilDiv(d.end, d.stride)
                                                 : CeilDiv(-d.end, -d.stride));
      }
    }
    int64_t counts[kMaxRank] = {};
    int64_t offset = 0;
    if (begin_constant_) {
      EDGELITE_RETURN_IF_ERROR(Resolve(
          ctx, ctx.input(1), StatusCode::kInvalidModel, counts, &offset));
      if (!offset_mode_) {
        for (int i = 0; i < num_dims_; ++i) expected_[i] = counts[i];
      }
    }
    Shape out;
    plan_ = StridedCopyPlan();
    plan_.elem = elem;
    plan_.offset = offset;
    for (int i = 0; i < num_dims_; ++i) {
      if (expected_[i] > kMaxElements) {
        return OpErrorF(ctx, StatusCode::kInvalidModel,
                        "axis %d would have %lld elements", i,
                        static_cast<long long>(expected_[i]));
      }
      plan_.Push(expected_[i], byte_stride_[i] * dims_[i].stride);
      if (!dims_[i].shrink) {
        out.dims[out.rank++] = static_cast<int32_t>(expected_[i]);
      }
    }
    plan_.Simplify();
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    if (!begin_constant_) {
      int64_t counts[kMaxRank] = {};
      EDGELITE_RETURN_IF_ERROR(Resolve(ctx, ctx.input(1),
                                       StatusCode::kInvalidArgument, counts,
                                       &plan_.offset));
    }
    StridedCopy(plan_, ctx.input(0)->data, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  // One axis of the effective input (the input with the new axes inserted).
  struct Dim {
    int real = -1;  // input axis, or -1 for a new axis
    int src = -1;   // index into begin/end/strides, or -1
    int64_t size = 1, end = 0, stride = 1;
    bool begin_mask = false, end_mask = false, shrink = false;
  };

  // TFLite's BuildStridedSliceParams: expands the ellipsis and the new axes
  // into dims_.
  EDGELITE_PREPARE_CODE Status ExpandAxes(const OpContext& ctx,
                                          const Tensor* in, int n,
                                          const std::vector<int64_t>& end,
                                          const std::vector<int64_t>& strides) {
    const StridedSliceOptions& o = ctx.options().strided_slice;
    const uint32_t ellipsis = static_cast<uint32_t>(o.ellipsis_mask);
    const uint32_t new_axis = static_cast<uint32_t>(o.new_axis_mask);
    if ((ellipsis & (ellipsis - 1)) != 0) {
      return OpErrorF(ctx, StatusCode::kInvalidModel,
                      "ellipsis_mask 0x%x has more than one bit", ellipsis);
    }
    const int in_rank = in->shape.rank;
    int num_add_axis = 0;
    for (int i = 0; i < n; ++i) {
      if (!(ellipsis >> i & 1) && (new_axis >> i & 1)) ++num_add_axis;
    }
    const int eff = in_rank + num_add_axis;
    if (eff > kMaxRank) {
      return OpErrorF(ctx, StatusCode::kUnsupported,
                      "input rank %d plus %d new axes exceeds %d", in_rank,
                      num_add_axis, kMaxRank);
    }
    uint32_t eff_ellipsis = 0, eff_new_axis = 0;
    int ellipsis_start = eff, expanded = 0;
    for (int i = 0; i < eff;) {
      if (ellipsis >> i & 1) {
        ellipsis_start = i;
        const int stop =
            std::max(i + 1, std::min(i + 1 + num_add_axis + in_rank - n, eff));
        expanded = stop - ellipsis_start - 1;
        for (; i < stop; ++i) eff_ellipsis |= 1u << i;
        continue;
      }
      const int orig = i - expanded;
      if (orig < 32 && (new_axis >> orig & 1)) eff_new_axis |= 1u << i;
      ++i;
    }
    int added_ellipsis = 0, added_axes = 0;
    for (int i = 0; i < eff; ++i) {
      Dim d;
      if (eff_ellipsis >> i & 1) {
        added_ellipsis = std::max(0, i - ellipsis_start);
        d.begin_mask = d.end_mask = true;
        d.real = i - added_axes;
      } else if (eff_new_axis >> i & 1) {
        d.end = 1;
        ++added_axes;
      } else if (i >= n + expanded) {
        d.begin_mask = d.end_mask = true;
        d.real = i - added_axes;
      } else {
        const int orig = i - added_ellipsis;
        d.src = orig;
        d.end = ToInt32Range(end[orig]);
        d.stride = ToInt32Range(strides[orig]);
        d.begin_mask = o.begin_mask >> orig & 1;
        d.end_mask = o.end_mask >> orig & 1;
        d.shrink = o.shrink_axis_mask >> orig & 1;
        d.real = i - added_axes;
        if (d.stride == 0) {
          return InputErrorF(ctx, StatusCode::kInvalidModel, 3,
                             "strides[%d] is 0", orig);
        }
      }
      if (d.real >= in_rank) {
        return OpErrorF(ctx, StatusCode::kUnsupported,
                        "masks (ellipsis 0x%x, new_axis 0x%x) do "
                        "not match an input of rank %d",
                        ellipsis, new_axis, in_rank);
      }
      if (d.real >= 0) d.size = in->shape.dims[d.real];
      dims_[i] = d;
    }
    num_dims_ = eff;
    if (offset_mode_ && (n != eff || ellipsis != 0 || new_axis != 0)) {
      return OpErrorF(ctx, StatusCode::kUnsupported,
                      "offset=true is only supported with one begin/end "
                      "value per input axis and no ellipsis or new axes");
    }
    return Status::Ok();
  }

  // Start and element count of every effective axis for these begin values;
  // the byte offset of the first element.
  EDGELITE_PREPARE_CODE Status Resolve(const OpContext& ctx,
                                       const Tensor* begin, StatusCode code,
                                       int64_t* counts, int64_t* offset) const {
    *offset = 0;
    for (int i = 0; i < num_dims_; ++i) {
      const Dim& d = dims_[i];
      const bool fwd = d.stride > 0;
      const int64_t raw =
          d.src >= 0 ? ToInt32Range(ReadIndex(begin, d.src)) : 0;
      int64_t start = raw < 0 ? raw + d.size : raw;
      start = fwd ? Clamp(start, 0, d.size) : Clamp(start, -1, d.size - 1);
      if (d.begin_mask) start = fwd ? 0 : d.size - 1;
      int64_t count = 1;
      if (d.shrink) {
        if (start < 0 || start >= d.size) {
          return InputErrorF(ctx, code, 1,
                             "begin[%d] = %lld is outside axis %d (size %lld), "
                             "which shrink_axis_mask removes",
                             d.src, static_cast<long long>(raw), d.real,
                             static_cast<long long>(d.size));
        }
      } else {
        int64_t stop = offset_mode_ ? start + d.end : d.end;
        if (stop < 0) stop += d.size;
        stop = fwd ? Clamp(stop, 0, d.size) : Clamp(stop, -1, d.size - 1);
        if (d.end_mask) stop = fwd ? d.size : -1;
        count = std::max<int64_t>(0, fwd ? CeilDiv(stop - start, d.stride)
                                         : CeilDiv(start - stop, -d.stride));
        if (offset_mode_ && count != expected_[i]) {
          return InputErrorF(ctx, code, 1,
                             "begin[%d] = %lld: the window of %lld elements "
                             "(stride %lld) runs outside axis %d (size %lld)",
                             d.src, static_cast<long long>(raw),
                             static_cast<long long>(expected_[i]),
                             static_cast<long long>(d.stride), d.real,
                             static_cast<long long>(d.size));
        }
      }
      counts[i] = count;
      if (count > 0) *offset += start * byte_stride_[i];
    }
    return Status::Ok();
  }

  bool offset_mode_ = false;
  bool begin_constant_ = true;
  int num_dims_ = 0;
  Dim dims_[kMaxRank];
  int64_t byte_stride_[kMaxRank] = {};
  int64_t expected_[kMaxRank] = {};
  StridedCopyPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateStridedSlice() {
  return std::make_unique<StridedSliceOp>();
}

}  // namespace edgelite
