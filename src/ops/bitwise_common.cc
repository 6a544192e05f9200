// RIGHT_SHIFT and BITWISE_XOR on int8, uint8, int16, int32 (both inputs and
// the output share the type; uint16/uint32 tensors do not load in edgelite),
// NumPy broadcasting up to rank 4 as TFLite's BroadcastBinaryFunction4DSlow.
// RIGHT_SHIFT as TFLite: the shift is clamped into [0, bits - 1], signed
// values shift arithmetically. One loop serves every type: elements are
// widened to int64, combined, and truncated back.
#include "ops/bitwise_common.h"

#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "ops/op_util.h"

namespace edgelite {
namespace {

constexpr int kMaxBitwiseRank = 4;

int64_t Load(const uint8_t* p, DataType t) {
  switch (t) {
    case DataType::kInt8:
      return *reinterpret_cast<const int8_t*>(p);
    case DataType::kUInt8:
      return *p;
    case DataType::kInt16: {
      int16_t v;
      std::memcpy(&v, p, sizeof(v));
      return v;
    }
    default: {
      int32_t v;
      std::memcpy(&v, p, sizeof(v));
      return v;
    }
  }
}

int64_t ShiftRight(int64_t x, int64_t y, int bits) {
  if (y < 0) y = 0;
  if (y > bits - 1) y = bits - 1;
  return x >> y;
}

int64_t Xor(int64_t x, int64_t y, int) { return x ^ y; }

class BitwiseOp final : public Op {
 public:
  explicit BitwiseOp(int64_t (*fn)(int64_t, int64_t, int)) : fn_(fn) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor *a, *b;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &a));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &b));
    switch (a->type) {
      case DataType::kInt8:
      case DataType::kUInt8:
      case DataType::kInt16:
      case DataType::kInt32:
        break;
      default:
        return ctx.InputError(StatusCode::kUnsupported, 0,
                              StrFormat("type %s is not supported (int8, "
                                        "uint8, int16, int32)",
                                        DataTypeName(a->type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, 1, a->type));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
    Shape out;
    EDGELITE_RETURN_IF_ERROR(BroadcastShapes(ctx, a->shape, b->shape, &out));
    if (out.rank > kMaxBitwiseRank && a->shape != b->shape) {
      return ctx.Error(StatusCode::kUnsupported,
                       StrFormat("broadcasting at rank %d is not supported "
                                 "(at most %d, as TFLite)",
                                 out.rank, kMaxBitwiseRank));
    }
    // Broadcast strides over the output's dims (0 where an input has 1).
    rank_ = out.rank;
    for (int i = 0; i < 2; ++i) {
      const Shape& s = (i == 0 ? a : b)->shape;
      int64_t stride = 1;
      for (int d = rank_ - 1; d >= 0; --d) {
        const int sd = d - (rank_ - s.rank);
        const int32_t dim = sd >= 0 ? s.dims[sd] : 1;
        strides_[i][d] = dim == 1 ? 0 : stride;
        stride *= dim;
      }
    }
    out_shape_ = out;
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    const Tensor* a = ctx.input(0);
    const Tensor* b = ctx.input(1);
    Tensor* out = ctx.output(0);
    const DataType t = a->type;
    const size_t es = DataTypeSize(t);
    const int bits = static_cast<int>(es * 8);
    const int64_t n = out->NumElements();
    int32_t c[kMaxRank] = {};
    int64_t ia = 0, ib = 0;
    for (int64_t i = 0; i < n; ++i) {
      const int64_t r =
          fn_(Load(a->data + ia * es, t), Load(b->data + ib * es, t), bits);
      // Little-endian truncation to the element size.
      std::memcpy(out->data + i * es, &r, es);
      for (int d = rank_ - 1; d >= 0; --d) {
        ia += strides_[0][d];
        ib += strides_[1][d];
        if (++c[d] < out_shape_.dims[d]) break;
        ia -= strides_[0][d] * c[d];
        ib -= strides_[1][d] * c[d];
        c[d] = 0;
      }
    }
    return Status::Ok();
  }

 private:
  int64_t (*fn_)(int64_t, int64_t, int);
  int rank_ = 0;
  Shape out_shape_;
  int64_t strides_[2][kMaxRank] = {};
};

}  // namespace

std::unique_ptr<Op> CreateBitwiseOp(BitwiseKind kind) {
  return std::make_unique<BitwiseOp>(
      kind == BitwiseKind::kRightShift ? ShiftRight : Xor);
}

}  // namespace edgelite
