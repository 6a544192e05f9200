// SCATTER_ND: output (zeros of `shape`) += updates scattered at indices.
//   indices [..., K] int32, updates [..., slice dims], shape [R] int32 (must
//   be constant: it sets the output shape) -> output of `shape`.
// As TFLite's reference: slices with the same index add up (in index order;
// int8/uint8 sums wrap), and the bound check is on the flat position only
// (index . strides must keep the slice inside the output: a too-large inner
// index that still lands inside is accepted, as TFLite does); a slice
// outside fails Eval with kInvalidArgument. Updates float32, int8, uint8,
// int32, int64.
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

template <typename T>
void AddSlice(uint8_t* out, const uint8_t* upd, int64_t n) {
  T* o = reinterpret_cast<T*>(out);
  const T* u = reinterpret_cast<const T*>(upd);
  for (int64_t j = 0; j < n; ++j) o[j] = static_cast<T>(o[j] + u[j]);
}

class ScatterNdOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, 1));
    const Tensor *indices, *updates, *shape_t;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &indices));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &updates));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 2, &shape_t));
    switch (updates->type) {
      case DataType::kFloat32:
        add_ = AddSlice<float>;
        break;
      case DataType::kInt8:
        add_ = AddSlice<int8_t>;
        break;
      case DataType::kUInt8:
        add_ = AddSlice<uint8_t>;
        break;
      case DataType::kInt32:
        add_ = AddSlice<int32_t>;
        break;
      case DataType::kInt64:
        add_ = AddSlice<int64_t>;
        break;
      default:
        return ctx.InputError(StatusCode::kUnsupported, 1,
                              StrFormat("type %s is not supported (float32, "
                                        "int8, uint8, int32, int64)",
                                        DataTypeName(updates->type)));
    }
    if (ctx.output(0)->type != updates->type) {
      return ctx.OutputError(StatusCode::kInvalidModel, 0,
                             StrFormat("type %s differs from the updates' %s",
                                       DataTypeName(ctx.output(0)->type),
                                       DataTypeName(updates->type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 0, DataType::kInt32));
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 2, DataType::kInt32));
    if (shape_t->shape.rank != 1 || shape_t->shape.dims[0] > kMaxRank) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 2,
          StrFormat("shape must be a vector of at most %d "
                    "dims, got shape %s",
                    kMaxRank, shape_t->shape.ToString().c_str()));
    }
    if (!shape_t->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, 2,
                            "a non-constant shape tensor is not supported; "
                            "edgelite plans memory before Invoke");
    }
    Shape out;
    out.rank = shape_t->shape.dims[0];
    int64_t total = 1;
    for (int d = 0; d < out.rank; ++d) {
      out.dims[d] = shape_t->Data<int32_t>()[d];
      if (out.dims[d] < 0) {
        return ctx.InputError(StatusCode::kInvalidModel, 2,
                              StrFormat("shape[%d] is %d", d, out.dims[d]));
      }
      total *= out.dims[d];
      if (total > kMaxElements) {
        return ctx.InputError(StatusCode::kInvalidModel, 2,
                              "shape holds too many elements");
      }
    }
    // TFLite's CheckShapes.
    const int ir = indices->shape.rank, ur = updates->shape.rank;
    bool ok = ir >= 1 && ur >= 1;
    const int outer = ir - 1;
    const int k = ok ? indices->shape.dims[outer] : 0;
    ok = ok && k <= out.rank && ur - outer == out.rank - k;
    for (int d = 0; ok && d < outer; ++d) {
      ok = indices->shape.dims[d] == updates->shape.dims[d];
    }
    for (int d = 0; ok && d + outer < ur; ++d) {
      ok = updates->shape.dims[d + outer] == out.dims[k + d];
    }
    if (!ok) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("indices %s, updates %s and shape %s do not "
                    "match (updates must be indices.shape[:-1] + "
                    "shape[indices.shape[-1]:])",
                    indices->shape.ToString().c_str(),
                    updates->shape.ToString().c_str(), out.ToString().c_str()));
    }
    k_ = k;
    slices_ = indices->shape.FlatSize(0, outer);
    slice_size_ = updates->shape.FlatSize(outer, ur);
    int64_t remain = total;
    for (int d = 0; d < k; ++d) {
      stride_[d] = out.dims[d] == 0 ? 0 : remain / out.dims[d];
      remain = stride_[d];
    }
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const int32_t* idx = ctx.input(0)->Data<int32_t>();
    const Tensor* updates = ctx.input(1);
    Tensor* out = ctx.output(0);
    const size_t esize = DataTypeSize(updates->type);
    const int64_t total = out->NumElements();
    if (out->bytes > 0) std::memset(out->data, 0, out->bytes);
    for (int64_t i = 0; i < slices_; ++i) {
      int64_t pos = 0;
      for (int j = 0; j < k_; ++j) pos += int64_t{idx[i * k_ + j]} * stride_[j];
      if (pos < 0 || pos + slice_size_ > total) {
        return ctx.Error(
            StatusCode::kInvalidArgument,
            StrFormat("index %lld (slice %lld) lands outside the "
                      "output",
                      static_cast<long long>(pos), static_cast<long long>(i)));
      }
      add_(out->data + pos * esize, updates->data + i * slice_size_ * esize,
           slice_size_);
    }
    return Status::Ok();
  }

 private:
  void (*add_)(uint8_t*, const uint8_t*, int64_t) = nullptr;
  int k_ = 0;
  int64_t slices_ = 0, slice_size_ = 0;
  int64_t stride_[kMaxRank] = {};
};

}  // namespace

std::unique_ptr<Op> CreateScatterNd() {
  return std::make_unique<ScatterNdOp>();
}

}  // namespace edgelite
