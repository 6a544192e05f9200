// EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL (one
// implementation; each op's file is a one-line factory): element-wise
// comparison with NumPy broadcasting (up to rank 6), bool output.
//
// Types: float32, int16, int32, int64 (raw comparison), int8 and uint8
// (rescaled, below), bool for EQUAL / NOT_EQUAL. (TFLite's own type lists
// differ slightly per op — e.g. no int16 GREATER; edgelite accepts the union.)
// GREATER(a, b) runs as LESS(b, a) and GREATER_EQUAL(a, b) as
// LESS_EQUAL(b, a), which is exact for floats too (NaN compares false
// either way); NOT_EQUAL is a != b (true for NaN).
//
// int8/uint8 — and quantized int16 in EQUAL / NOT_EQUAL (measured on
// LiteRT.js 2.5.3: at scale 2^-10, int16 0 == 1 and 300 == 301 there, while
// LESS & co. and unquantized int16 compare raw) — TFLite's kernel
// (kernels/comparisons.cc ComparisonQuantized, reference_ops
// ComparisonWithScaling; no XNNPACK) always rescales both inputs, even with
// equal quantization:
//   m_i, shift_i = QuantizeMultiplierSmallerThanOneExp(scale_i)
//   v_i = MultiplyByQuantizedMultiplierSmallerThanOneExp((q_i - zp_i) << 8,
//                                                         m_i, shift_i)
//   out = v_1 OP v_2.
// The rounding can make distinct reals compare equal (scales below 2^-8 map
// neighbouring values to the same v). For a scale >= 1 TFLite uses a left-
// shifting multiplier that this code path then shifts right by a negative
// amount: tfjs-tflite aborts at scale 1 and returns garbage at 2.5
// (measured; LiteRT.js aborts at scale 1, int16 EQUAL included), so edgelite
// refuses such inputs (kUnsupported).
// QuantArithmetic::kMicro: the same (tflite-micro's comparisons are this
// code).
#include <cstdint>

#include "core/op.h"
#include "core/quant.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

// The four comparisons left after swapping GREATER* into LESS*.
enum class Cmp { kEq, kNe, kLt, kLe };

template <typename T, Cmp K>
struct RawCmp {
  bool operator()(T a, T b) const {
    switch (K) {
      case Cmp::kEq:
        return a == b;
      case Cmp::kNe:
        return a != b;
      case Cmp::kLt:
        return a < b;
      case Cmp::kLe:
        return a <= b;
    }
    return false;
  }
};

struct Rescale {
  int32_t offset = 0, multiplier = 0;
  int shift = 0;
  int32_t operator()(int32_t q) const {
    return MultiplyByQuantizedMultiplier((q + offset) * 256, multiplier, shift);
  }
};

template <Cmp K>
struct QuantCmp {
  Rescale a, b;
  bool operator()(int32_t x, int32_t y) const {
    return RawCmp<int32_t, K>()(a(x), b(y));
  }
};

template <Cmp K>
RowFn RawRow(DataType type) {
  switch (type) {
    case DataType::kFloat32:
      return &BinaryRow<float, bool, RawCmp<float, K>>;
    case DataType::kInt16:
      return &BinaryRow<int16_t, bool, RawCmp<int16_t, K>>;
    case DataType::kInt32:
      return &BinaryRow<int32_t, bool, RawCmp<int32_t, K>>;
    case DataType::kInt64:
      return &BinaryRow<int64_t, bool, RawCmp<int64_t, K>>;
    case DataType::kBool:
      if (K == Cmp::kEq || K == Cmp::kNe) {
        return &BinaryRow<bool, bool, RawCmp<bool, K>>;
      }
      return nullptr;
    case DataType::kInt8:
      return &BinaryRow<int8_t, bool, QuantCmp<K>>;
    case DataType::kUInt8:
      return &BinaryRow<uint8_t, bool, QuantCmp<K>>;
    default:
      return nullptr;
  }
}

const char* ComparisonName(Comparison kind) {
  switch (kind) {
    case Comparison::kEqual:
      return "EQUAL";
    case Comparison::kNotEqual:
      return "NOT_EQUAL";
    case Comparison::kLess:
      return "LESS";
    case Comparison::kLessEqual:
      return "LESS_EQUAL";
    case Comparison::kGreater:
      return "GREATER";
    case Comparison::kGreaterEqual:
      return "GREATER_EQUAL";
  }
  return "?";
}

class ComparisonOp final : public ElementwiseOp {
 public:
  explicit ComparisonOp(Comparison kind) : kind_(kind) {
    swap_inputs_ =
        kind == Comparison::kGreater || kind == Comparison::kGreaterEqual;
  }

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/false));
    const DataType type = ctx.input(0)->type;
    if (ctx.output(0)->type != DataType::kBool) {
      return ctx.OutputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("type %s is not bool", DataTypeName(ctx.output(0)->type)));
    }
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, DataType::kBool));
    RowFn row = nullptr;
    Rescale* sa = nullptr;  // the functor's rescaling, for int8/uint8
    Rescale* sb = nullptr;
    switch (kind_) {
      case Comparison::kEqual:
        row = RawRow<Cmp::kEq>(type);
        sa = &eq_.a;
        sb = &eq_.b;
        params_ = &eq_;
        break;
      case Comparison::kNotEqual:
        row = RawRow<Cmp::kNe>(type);
        sa = &ne_.a;
        sb = &ne_.b;
        params_ = &ne_;
        break;
      case Comparison::kLess:
      case Comparison::kGreater:
        row = RawRow<Cmp::kLt>(type);
        sa = &lt_.a;
        sb = &lt_.b;
        params_ = &lt_;
        break;
      case Comparison::kLessEqual:
      case Comparison::kGreaterEqual:
        row = RawRow<Cmp::kLe>(type);
        sa = &le_.a;
        sb = &le_.b;
        params_ = &le_;
        break;
    }
    if (row == nullptr) {
      const bool eq =
          kind_ == Comparison::kEqual || kind_ == Comparison::kNotEqual;
      return ctx.InputError(
          StatusCode::kUnsupported, 0,
          StrFormat("%s of %s is not supported (float32, int8, uint8, int16, "
                    "int32, int64%s are)",
                    ComparisonName(kind_), DataTypeName(type),
                    eq ? ", bool" : ""));
    }
    const bool quantized_int16 =
        type == DataType::kInt16 &&
        (kind_ == Comparison::kEqual || kind_ == Comparison::kNotEqual) &&
        ((ctx.input(0)->quant && !ctx.input(0)->quant->empty()) ||
         (ctx.input(1)->quant && !ctx.input(1)->quant->empty()));
    if (quantized_int16) {
      row = kind_ == Comparison::kEqual
                ? &BinaryRow<int16_t, bool, QuantCmp<Cmp::kEq>>
                : &BinaryRow<int16_t, bool, QuantCmp<Cmp::kNe>>;
    }
    if (type == DataType::kInt8 || type == DataType::kUInt8 ||
        quantized_int16) {
      EDGELITE_RETURN_IF_ERROR(
          RequirePerTensorQuant(ctx, ctx.input(0), true, 0));
      EDGELITE_RETURN_IF_ERROR(
          RequirePerTensorQuant(ctx, ctx.input(1), true, 1));
      // The loop's first input is tensor 1 when swapped.
      const int first = swap_inputs_ ? 1 : 0;
      EDGELITE_RETURN_IF_ERROR(MakeRescale(ctx, first, sa));
      EDGELITE_RETURN_IF_ERROR(MakeRescale(ctx, 1 - first, sb));
    }
    // params_ points at the QuantCmp<K> of this kind (the raw functors are
    // stateless and ignore it).
    row_ = row;
    return Status::Ok();
  }

 private:
  Status MakeRescale(OpContext& ctx, int i, Rescale* r) {
    const Tensor& t = *ctx.input(i);
    const float scale = t.scale();
    if (!(scale < 1.0f)) {
      return ctx.InputError(
          StatusCode::kUnsupported, i,
          StrFormat("scale %g >= 1: TFLite's quantized comparison is "
                    "undefined for it (its rescaling shifts by a negative "
                    "amount)",
                    static_cast<double>(scale)));
    }
    r->offset = -t.zero_point();
    QuantizeMultiplier(static_cast<double>(scale), &r->multiplier, &r->shift);
    return Status::Ok();
  }

  const Comparison kind_;
  QuantCmp<Cmp::kEq> eq_;
  QuantCmp<Cmp::kNe> ne_;
  QuantCmp<Cmp::kLt> lt_;
  QuantCmp<Cmp::kLe> le_;
};

}  // namespace

std::unique_ptr<Op> CreateComparisonOp(Comparison kind) {
  return std::make_unique<ComparisonOp>(kind);
}

}  // namespace edgelite
