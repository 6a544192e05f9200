// SELECT and SELECT_V2 (ops/select_v2.cc): out = condition ? x : y.
//
// SELECT (v1 semantics, kernels/select.cc kVersionOne): x and y have the same
// shape, which is the output's; the condition has that shape too, or is a
// scalar, or is rank 1 with one value per index of x's first dimension (it
// picks whole rows: [d0] against [d0, …] — not NumPy broadcasting, which
// would align it with the last dimension).
// SELECT_V2: NumPy broadcasting of all three inputs (TFLite: up to rank 5;
// edgelite up to 6).
//
// Types: x, y and the output float32, int8, uint8, int16, int32, int64 or
// bool, all the same; the condition bool (a byte other than 0/1 counts as
// true). Values are copied bit for bit: quantization parameters are not
// looked at, as in TFLite. No arithmetic, so QuantArithmetic plays no part.
#include <cstdint>

#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

// Copies elements of T's size; T is an unsigned integer of that size.
template <typename T>
void SelectRow(const void* /*params*/, const uint8_t* const* in,
               const int64_t* step, uint8_t* out, int64_t n) {
  const uint8_t* c = in[0];
  const T* x = reinterpret_cast<const T*>(in[1]);
  const T* y = reinterpret_cast<const T*>(in[2]);
  T* o = reinterpret_cast<T*>(out);
  const int64_t sc = step[0], sx = step[1], sy = step[2];
  EDGELITE_SCALAR_LOOP
  for (int64_t i = 0; i < n; ++i) o[i] = c[i * sc] ? x[i * sx] : y[i * sy];
}

class SelectOp final : public ElementwiseOp {
 public:
  explicit SelectOp(bool v2) : v2_(v2) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, 1));
    const Tensor* cond = nullptr;
    const Tensor* x = nullptr;
    const Tensor* y = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &cond));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &x));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 2, &y));
    if (cond->type != DataType::kBool) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("condition type %s is not bool", DataTypeName(cond->type)));
    }
    const DataType type = x->type;
    if (y->type != type) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 2,
          StrFormat("type %s differs from input 1 type %s",
                    DataTypeName(y->type), DataTypeName(type)));
    }
    EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 1, 0));
    RowFn row = nullptr;
    switch (type) {
      case DataType::kBool:
      case DataType::kInt8:
      case DataType::kUInt8:
        row = &SelectRow<uint8_t>;
        break;
      case DataType::kInt16:
        row = &SelectRow<uint16_t>;
        break;
      case DataType::kFloat32:
      case DataType::kInt32:
        row = &SelectRow<uint32_t>;
        break;
      case DataType::kInt64:
        row = &SelectRow<uint64_t>;
        break;
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 1,
            StrFormat("%s of %s is not supported (float32, int8, uint8, "
                      "int16, int32, int64, bool are)",
                      v2_ ? "SELECT_V2" : "SELECT", DataTypeName(type)));
    }
    if (v2_) {
      EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 3, type));
    } else {
      EDGELITE_RETURN_IF_ERROR(PrepareV1(ctx, *cond, *x, *y, type));
    }
    SetRow(row, this);
    return Status::Ok();
  }

 private:
  Status PrepareV1(OpContext& ctx, const Tensor& cond, const Tensor& x,
                   const Tensor& y, DataType type) {
    if (x.shape != y.shape) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 2,
          StrFormat("shape %s differs from input 1 shape %s (SELECT does not "
                    "broadcast; SELECT_V2 does)",
                    y.shape.ToString().c_str(), x.shape.ToString().c_str()));
    }
    if (cond.shape == x.shape || cond.shape.rank == 0) {
      return PrepareLoop(ctx, 3, type);
    }
    if (cond.shape.rank == 1 && x.shape.rank >= 1 &&
        cond.shape.dims[0] == x.shape.dims[0]) {
      // One condition per row: plan it as [d0, 1, …, 1].
      Shape rows;
      rows.rank = x.shape.rank;
      for (int d = 0; d < rows.rank; ++d)
        rows.dims[d] = d == 0 ? x.shape.dims[0] : 1;
      const Shape* shapes[3] = {&rows, &x.shape, &y.shape};
      return PrepareLoop(ctx, 3, type, shapes);
    }
    return ctx.InputError(
        StatusCode::kInvalidModel, 0,
        StrFormat("condition shape %s must equal the input shape %s, be a "
                  "scalar, or be rank 1 of size %d (one per row)",
                  cond.shape.ToString().c_str(), x.shape.ToString().c_str(),
                  x.shape.rank >= 1 ? x.shape.dims[0] : 1));
  }

  const bool v2_;
};

}  // namespace

std::unique_ptr<Op> CreateSelectOp(bool v2) {
  return std::make_unique<SelectOp>(v2);
}

std::unique_ptr<Op> CreateSelect() { return CreateSelectOp(false); }

}  // namespace edgelite
