// TOPK_V2: the k largest values along the last dimension and their indices,
// largest first; equal values keep the lower index first (TFLite's
// TopContainer compares values, then indices).
//
// Types: float32, int8, uint8, int16 (v3), int32, int64 values (copied, no
// requantization: TFLite copies the bytes), k an int32 (or int16, v3) scalar
// or one-element tensor that must be constant (it sets the output shape),
// indices int32 (or int16, v3).
//
// One comparison loop serves every type: each value is mapped to an int64
// key with the same order (floats through their sign-magnitude bits; -0.0
// maps like +0.0 because TFLite sees them equal), and the rows are ordered by
// (key descending, index ascending) with a bounded heap-based partial sort.
// NaN has no order in TFLite either (its comparator is inconsistent there);
// edgelite ranks NaN by its bits (deterministic, never out of bounds).
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

int64_t FloatKey(float f) {
  if (f == 0.0f) f = 0.0f;  // -0.0 == +0.0
  int32_t bits;
  std::memcpy(&bits, &f, sizeof(bits));
  return bits >= 0 ? bits : bits ^ 0x7fffffff;
}

class TopKV2Op final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 2));
    const Tensor* in = nullptr;
    const Tensor* k_t = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &k_t));
    switch (in->type) {
      case DataType::kFloat32:
      case DataType::kInt8:
      case DataType::kUInt8:
      case DataType::kInt16:
      case DataType::kInt32:
      case DataType::kInt64:
        break;
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("type %s is not supported (float32, int8, uint8, int16, "
                      "int32, int64)",
                      DataTypeName(in->type)));
    }
    if (in->shape.rank < 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            "must have rank >= 1");
    }
    if (k_t->type != DataType::kInt32 && k_t->type != DataType::kInt16) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            StrFormat("k must be int32 or int16, got %s",
                                      DataTypeName(k_t->type)));
    }
    if (k_t->NumElements() != 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 1,
                            StrFormat("k must hold one value, got shape %s",
                                      k_t->shape.ToString().c_str()));
    }
    if (!k_t->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, 1,
                            "a non-constant k is not supported; edgelite plans "
                            "memory before Invoke");
    }
    const int32_t k = k_t->type == DataType::kInt32 ? k_t->Data<int32_t>()[0]
                                                    : k_t->Data<int16_t>()[0];
    const int rank = in->shape.rank;
    row_ = in->shape.dims[rank - 1];
    if (k < 0 || k > row_) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("k = %d must be in [0, %d] (the last dimension of %s)", k,
                    row_, in->shape.ToString().c_str()));
    }
    k_ = k;
    Tensor* values = ctx.output(0);
    Tensor* indices = ctx.output(1);
    if (values->type != in->type) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("type %s differs from the input's %s",
                    DataTypeName(values->type), DataTypeName(in->type)));
    }
    if (indices->type != DataType::kInt32 &&
        indices->type != DataType::kInt16) {
      return ctx.OutputError(StatusCode::kInvalidModel, 1,
                             StrFormat("indices must be int32 or int16, got %s",
                                       DataTypeName(indices->type)));
    }
    if (indices->type == DataType::kInt16 && row_ > 32768) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("int16 indices cannot address a last dimension of %d",
                    row_));
    }
    Shape out = in->shape;
    out.dims[rank - 1] = k_;
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, out));
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(1, out));
    rows_ = row_ == 0 ? 0 : in->NumElements() / row_;
    const size_t n = static_cast<size_t>(row_);
    return ctx.RequestScratch(n * (sizeof(int64_t) + sizeof(int32_t)) + 8,
                              &scratch_);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* in = ctx.input(0);
    Tensor* values = ctx.output(0);
    Tensor* indices = ctx.output(1);
    if (k_ == 0 || rows_ == 0) return Status::Ok();
    int64_t* keys = static_cast<int64_t*>(ctx.scratch(scratch_));
    int32_t* order = reinterpret_cast<int32_t*>(keys + row_);
    const size_t esize = DataTypeSize(in->type);
    const bool idx16 = indices->type == DataType::kInt16;
    for (int64_t r = 0; r < rows_; ++r) {
      const int64_t base = r * row_;
      for (int32_t i = 0; i < row_; ++i) {
        keys[i] = Key(in, base + i);
        order[i] = i;
      }
      std::partial_sort(
          order, order + k_, order + row_, [keys](int32_t a, int32_t b) {
            return keys[a] > keys[b] || (keys[a] == keys[b] && a < b);
          });
      const uint8_t* src = in->data + base * esize;
      uint8_t* dst = values->data + r * k_ * esize;
      for (int32_t j = 0; j < k_; ++j) {
        std::memcpy(dst + j * esize, src + order[j] * esize, esize);
        if (idx16) {
          indices->MutableData<int16_t>()[r * k_ + j] =
              static_cast<int16_t>(order[j]);
        } else {
          indices->MutableData<int32_t>()[r * k_ + j] = order[j];
        }
      }
    }
    return Status::Ok();
  }

 private:
  static int64_t Key(const Tensor* t, int64_t i) {
    switch (t->type) {
      case DataType::kFloat32:
        return FloatKey(t->Data<float>()[i]);
      case DataType::kInt8:
        return t->Data<int8_t>()[i];
      case DataType::kUInt8:
        return t->Data<uint8_t>()[i];
      case DataType::kInt16:
        return t->Data<int16_t>()[i];
      case DataType::kInt32:
        return t->Data<int32_t>()[i];
      default:
        return t->Data<int64_t>()[i];
    }
  }

  int32_t k_ = 0, row_ = 0;
  int64_t rows_ = 0;
  int scratch_ = -1;
};

}  // namespace

std::unique_ptr<Op> CreateTopKV2() { return std::make_unique<TopKV2Op>(); }

}  // namespace edgelite
