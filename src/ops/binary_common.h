// Shared machinery of the element-wise ops with two or three inputs (ADD,
// SUB, MUL, DIV, MAXIMUM, comparisons, SELECT_V2, …):
//  - one NumPy broadcast iterator for every op and type: Prepare plans the
//    loop (adjacent dims with the same broadcast pattern merged, so a
//    [1,8,8,32] + [32] add runs 64 rows of 32), Eval walks the rows and calls
//    a row function chosen in Prepare through a pointer (small code, and the
//    pattern docs/architecture.md recommends for V8's tier-up);
//  - row functions as templates over the element types and a per-op functor;
//  - the quantized arithmetic that several ops share: XNNPACK's fixed-point
//    add (ADD, SUB), XNNPACK's fp32 multiply (MUL), and TFLite's reference
//    add/sub and multiply (MultiplyByQuantizedMultiplier).
#ifndef EDGELITE_OPS_BINARY_COMMON_H_
#define EDGELITE_OPS_BINARY_COMMON_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <type_traits>

#include "core/op.h"
#include "core/quant.h"
#include "core/status.h"
#include "core/tensor.h"
#include "core/types.h"

namespace edgelite {

constexpr int kMaxElementwiseInputs = 3;
// TFLite broadcasts up to rank 6 (BroadcastAdd6DSlow and friends).
constexpr int kMaxBroadcastRank = 6;

// One row of an element-wise op: for i in [0, n), out[i] = f(in[k][i *
// step[k]] …) with step[k] 0 (broadcast) or 1. `params` is the op's functor.
using RowFn = void (*)(const void* params, const uint8_t* const* in,
                       const int64_t* step, uint8_t* out, int64_t n);

// The output walked in row-major order: dims[0..rank) with the innermost
// last; input k advances by in_stride[k][d] bytes along dim d (0 where it is
// broadcast). Rows are the innermost dim.
struct BroadcastLoop {
  int num_inputs = 0;
  int rank = 1;
  int64_t dims[kMaxRank] = {1};
  int64_t in_stride[kMaxElementwiseInputs][kMaxRank] = {};
  int64_t inner_step[kMaxElementwiseInputs] = {};  // elements, 0 or 1
  size_t out_elem = 1;
};

// NumPy broadcast of `n` shapes. The error names all of them.
Status BroadcastShapesN(const OpContext& ctx, const Shape* const* shapes, int n,
                        Shape* out);

// Plans the loop over `out` for inputs of the given shapes (each broadcastable
// to `out`) and element sizes.
void PlanBroadcast(const Shape* const* shapes, const size_t* elem_size, int n,
                   const Shape& out, size_t out_elem, BroadcastLoop* loop);

// Runs `row` over every row of the loop.
void RunBroadcast(const BroadcastLoop& loop, const uint8_t* const* in,
                  uint8_t* out, RowFn row, const void* params);

// Base of the broadcasting element-wise ops. Prepare (in the subclass) calls
// PrepareLoop and picks row_/params_; Eval gathers the data pointers, runs
// CheckData (data-dependent failures such as integer division by zero) and
// the loop.
class ElementwiseOp : public Op {
 public:
  Status Eval(OpContext& ctx) override;

 protected:
  // Broadcasts inputs 0..n-1 to output 0's shape (sets it) and plans the loop
  // with output element type `out_type`. Broadcasting (inputs of different
  // shapes) is limited to rank 6, as TFLite's kernels. `shapes`, when given,
  // replaces the inputs' shapes for the loop (SELECT's row condition). With
  // swap_inputs_ set, the row function sees inputs 0 and 1 exchanged.
  Status PrepareLoop(OpContext& ctx, int n, DataType out_type,
                     const Shape* const* shapes = nullptr);
  virtual Status CheckData(OpContext& /*ctx*/) { return Status::Ok(); }

  template <typename F>
  void SetRow(RowFn row, const F* params) {
    row_ = row;
    params_ = params;
  }

  BroadcastLoop loop_;
  RowFn row_ = nullptr;
  const void* params_ = nullptr;
  bool swap_inputs_ = false;
};

// --- row templates ----------------------------------------------------------

// The generic rows stay scalar loops: each op × type instantiates one, and
// clang's vectorized + unrolled versions (with stride checks and epilogues)
// would multiply their size several times over in the wasm for loops that are
// rarely hot. Hot primitives get a kernel in src/kernels instead.
#if defined(__clang__)
#define EDGELITE_SCALAR_LOOP \
  _Pragma("clang loop vectorize(disable) interleave(disable) unroll(disable)")
#else
#define EDGELITE_SCALAR_LOOP
#endif

// out[i] = U(f(a[i], b[i])) with T inputs.
template <typename T, typename U, typename F>
void BinaryRow(const void* params, const uint8_t* const* in,
               const int64_t* step, uint8_t* out, int64_t n) {
  const F& f = *static_cast<const F*>(params);
  const T* a = reinterpret_cast<const T*>(in[0]);
  const T* b = reinterpret_cast<const T*>(in[1]);
  U* o = reinterpret_cast<U*>(out);
  const int64_t sa = step[0], sb = step[1];
  EDGELITE_SCALAR_LOOP
  for (int64_t i = 0; i < n; ++i)
    o[i] = static_cast<U>(f(a[i * sa], b[i * sb]));
}

// Same-type binary op: the row function for T.
template <typename T, typename F>
RowFn SameTypeRow() {
  return &BinaryRow<T, T, F>;
}

// --- shared functors --------------------------------------------------------

// Two's-complement wrapping arithmetic without signed-overflow UB: what
// TFLite's plain integer kernels compute on the targets it runs on.
template <typename T>
inline T WrapAdd(T a, T b) {
  using U = typename std::make_unsigned<T>::type;
  return static_cast<T>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
}
template <typename T>
inline T WrapSub(T a, T b) {
  using U = typename std::make_unsigned<T>::type;
  return static_cast<T>(static_cast<U>(static_cast<U>(a) - static_cast<U>(b)));
}
template <typename T>
inline T WrapMul(T a, T b) {
  using W = typename std::conditional<sizeof(T) < 8, uint32_t, uint64_t>::type;
  return static_cast<T>(static_cast<W>(static_cast<W>(a) * static_cast<W>(b)));
}

// Index of the first zero element of t, or -1 (divide-by-zero checks).
template <typename T>
int64_t FindZero(const Tensor& t) {
  const T* p = t.Data<T>();
  for (int64_t i = 0; i < t.NumElements(); ++i) {
    if (p[i] == 0) return i;
  }
  return -1;
}

// Integer-division ops (FLOOR_DIV, FLOOR_MOD): fails with kRuntimeError
// naming the first zero element of input 1 ("division by zero at element
// i"), as TFLite's kernels fail Invoke. Float32 divisors are checked only when
// `check_float` is set (FLOOR_DIV errors on them, FLOOR_MOD gives NaN).
Status CheckNoZeroDivisor(OpContext& ctx, DataType type, bool check_float);

// double -> int32 as TFLite's kernels convert in the peers' WebAssembly
// (saturating truncation; NaN -> 0).
inline int32_t SaturatingDoubleToInt32(double v) {
  if (!(v == v)) return 0;
  if (v >= 2147483647.0) return INT32_MAX;
  if (v <= -2147483648.0) return INT32_MIN;
  return static_cast<int32_t>(v);
}

// A clamp range for plain (non-quantized) integer outputs with a fused
// activation: TFLite's CalculateActivationRange<T> (the float bounds as
// integers, the type's limits where unbounded).
template <typename T>
struct IntRange {
  T lo, hi;
  T Clamp(T v) const { return v < lo ? lo : (v > hi ? hi : v); }
};
// Fills an IntRange for `act`; fails (naming the op) for unsupported
// activations.
Status IntActivationRange(const OpContext& ctx, Activation act,
                          int64_t type_min, int64_t type_max, int64_t* lo,
                          int64_t* hi);

template <typename T>
Status MakeIntRange(const OpContext& ctx, Activation act, IntRange<T>* r) {
  int64_t lo = 0, hi = 0;
  EDGELITE_RETURN_IF_ERROR(
      IntActivationRange(ctx, act, std::numeric_limits<T>::min(),
                         std::numeric_limits<T>::max(), &lo, &hi));
  r->lo = static_cast<T>(lo);
  r->hi = static_cast<T>(hi);
  return Status::Ok();
}

// Float fused activation bounds; fails naming the op.
Status FloatRange(const OpContext& ctx, Activation act, float* lo, float* hi);

// --- quantized add / sub ----------------------------------------------------

// TFLite's reference add (kernels/add.cc, sub.cc with input2's multiplier
// negated; tflite-micro the same):
//   s_a = MBQM((a - a_zp) << left_shift, a_m, a_shift), s_b likewise,
//   out = MBQM(s_a + s_b, out_m, out_shift) + out_zp, clamped.
struct TfliteAddParams {
  int32_t a_offset = 0, b_offset = 0, out_offset = 0;
  int left_shift = 20;
  int32_t a_multiplier = 0, b_multiplier = 0, out_multiplier = 0;
  int a_shift = 0, b_shift = 0, out_shift = 0;
  int32_t qmin = 0, qmax = 0;

  int32_t operator()(int32_t a, int32_t b) const {
    const int32_t sa = MultiplyByQuantizedMultiplier(
        (a + a_offset) * (int32_t{1} << left_shift), a_multiplier, a_shift);
    const int32_t sb = MultiplyByQuantizedMultiplier(
        (b + b_offset) * (int32_t{1} << left_shift), b_multiplier, b_shift);
    const int32_t out =
        MultiplyByQuantizedMultiplier(sa + sb, out_multiplier, out_shift) +
        out_offset;
    return std::min(std::max(out, qmin), qmax);
  }
};

// TFLite's int16 add/sub for power-of-two scales and zero points 0
// (Add/Sub16, the LSTM case): the input with the smaller scale is divided by
// 2^shift (rounding half away from zero), then a saturating int16 add or
// subtract, clamped to the activation range.
struct Int16PotAddParams {
  int a_shift = 0, b_shift = 0;  // right shifts, one of them 0
  bool subtract = false;
  int32_t qmin = 0, qmax = 0;

  int32_t operator()(int32_t a, int32_t b) const {
    const int32_t sa = a_shift ? RoundingDivideByPOT(a, a_shift) : a;
    const int32_t sb = b_shift ? RoundingDivideByPOT(b, b_shift) : b;
    int32_t r = subtract ? sa - sb : sa + sb;
    r = std::min(std::max(r, int32_t{-32768}), int32_t{32767});
    return std::min(std::max(r, qmin), qmax);
  }
};

// Quantized ADD (negate_b false) or SUB (true) parameters from the tensors'
// quantization for TFLite's reference with `left_shift` (20 for 8-bit, 15
// for int16). (XNNPACK's arithmetic lives in ops/add.cc and kernels/qadd8.h.)
Status PrepareTfliteAdd(const OpContext& ctx, const Tensor& a, const Tensor& b,
                        const Tensor& out, Activation act, bool negate_b,
                        int left_shift, TfliteAddParams* p);
// int16 ADD/SUB: true (and *p filled) when TFLite takes the power-of-two
// path: pot_scale_int16 set, all zero points 0, all scales powers of two.
// Fails for power-of-two scales TFLite's kernel refuses (both inputs need a
// shift, or a shift to the left).
Status PrepareInt16PotAdd(const OpContext& ctx, const Tensor& a,
                          const Tensor& b, const Tensor& out, Activation act,
                          bool subtract, bool* taken, Int16PotAddParams* p);

// --- quantized multiply -----------------------------------------------------

// XNNPACK's qs8/qu8 vmul (fp32 requantization):
//   scale = f32(f32(a_scale * b_scale) / out_scale);
//   out = RequantizeFp32((a - a_zp) * (b - b_zp), scale, out_zp, qmin, qmax).
struct XnnpackMulParams {
  int32_t a_zp = 0, b_zp = 0, out_zp = 0;
  float scale = 0.0f;
  int32_t qmin = 0, qmax = 0;

  int32_t operator()(int32_t a, int32_t b) const {
    return RequantizeFp32((a - a_zp) * (b - b_zp), scale, out_zp, qmin, qmax);
  }
};

// TFLite's reference multiply (reference_integer_ops::MulElementwise):
//   out = MBQM((a - a_zp) * (b - b_zp), m, shift) + out_zp, clamped.
struct TfliteMulParams {
  int32_t a_offset = 0, b_offset = 0, out_offset = 0;
  int32_t multiplier = 0;
  int shift = 0;
  int32_t qmin = 0, qmax = 0;

  int32_t operator()(int32_t a, int32_t b) const {
    const int32_t out =
        MultiplyByQuantizedMultiplier((a + a_offset) * (b + b_offset),
                                      multiplier, shift) +
        out_offset;
    return std::min(std::max(out, qmin), qmax);
  }
};

// Ops that share one implementation: ADD/SUB (ops/add.cc), MAXIMUM/MINIMUM
// (ops/maximum.cc), the comparisons (ops/comparison.cc), SELECT/SELECT_V2
// (ops/select.cc), LOGICAL_AND/OR (ops/logical_and.cc).
std::unique_ptr<Op> CreateAddSubOp(bool subtract);
std::unique_ptr<Op> CreateMaxMinOp(bool maximum);
enum class Comparison {
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual
};
std::unique_ptr<Op> CreateComparisonOp(Comparison kind);
std::unique_ptr<Op> CreateSelectOp(bool v2);
std::unique_ptr<Op> CreateLogicalOp(bool is_and);

// --- checks -----------------------------------------------------------------

// Fails unless inputs 0..n-1 and output 0 all have the type of input 0 (the
// output only when check_output).
Status CheckSameTypes(OpContext& ctx, int n, bool check_output);
// Fails unless inputs 0..n-1 and output 0 carry per-tensor quantization.
Status RequireQuantized(OpContext& ctx, int n);

}  // namespace edgelite

#endif  // EDGELITE_OPS_BINARY_COMMON_H_
