#include "ops/binary_common.h"

#include <cmath>
#include <cstring>
#include <string>
#include <utility>

#include "ops/op_util.h"

namespace edgelite {

// "[2, 3], [4] and [1]" (or "[2, 3] with [4] with [1]").
static std::string ShapeList(const Shape* const* shapes, int n, bool with) {
  std::string list;
  for (int k = 0; k < n; ++k) {
    if (k > 0) list += with ? " with " : (k + 1 == n ? " and " : ", ");
    list += shapes[k]->ToString();
  }
  return list;
}

Status BroadcastShapesN(const OpContext& ctx, const Shape* const* shapes, int n,
                        Shape* out) {
  int rank = 0;
  for (int k = 0; k < n; ++k) rank = std::max(rank, int{shapes[k]->rank});
  Shape r;
  r.rank = rank;
  for (int d = 0; d < rank; ++d) {
    int32_t dim = 1;
    bool ok = true;
    for (int k = 0; k < n; ++k) {
      const int sd = d - (rank - shapes[k]->rank);
      const int32_t v = sd >= 0 ? shapes[k]->dims[sd] : 1;
      if (v == 1) continue;
      if (dim != 1 && dim != v) ok = false;
      dim = v;
    }
    if (!ok) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          "cannot broadcast shapes " + ShapeList(shapes, n, false));
    }
    r.dims[d] = dim;
  }
  *out = r;
  return Status::Ok();
}

void PlanBroadcast(const Shape* const* shapes, const size_t* elem_size, int n,
                   const Shape& out, size_t out_elem, BroadcastLoop* loop) {
  // Element strides of each input along each output dim (0 = broadcast).
  int64_t stride[kMaxElementwiseInputs][kMaxRank] = {};
  for (int k = 0; k < n; ++k) {
    int64_t running = 1;
    for (int d = out.rank - 1; d >= 0; --d) {
      const int sd = d - (out.rank - shapes[k]->rank);
      const int32_t dim = sd >= 0 ? shapes[k]->dims[sd] : 1;
      stride[k][d] = dim == 1 ? 0 : running;
      running *= dim;
    }
  }
  // Drop dims of size 1; merge a dim into the previous kept one when every
  // input continues contiguously (or stays broadcast) across the boundary.
  BroadcastLoop l;
  l.num_inputs = n;
  l.out_elem = out_elem;
  int r = 0;
  int64_t st[kMaxElementwiseInputs][kMaxRank] = {};
  for (int d = 0; d < out.rank; ++d) {
    const int64_t dim = out.dims[d];
    if (dim == 1) continue;
    bool merge = r > 0;
    for (int k = 0; k < n && merge; ++k) {
      merge = st[k][r - 1] == stride[k][d] * dim;
    }
    if (merge) {
      l.dims[r - 1] *= dim;
      for (int k = 0; k < n; ++k) st[k][r - 1] = stride[k][d];
    } else {
      l.dims[r] = dim;
      for (int k = 0; k < n; ++k) st[k][r] = stride[k][d];
      ++r;
    }
  }
  if (r == 0) {
    r = 1;
    l.dims[0] = 1;
  }
  l.rank = r;
  for (int k = 0; k < n; ++k) {
    for (int d = 0; d < r; ++d) {
      l.in_stride[k][d] = st[k][d] * static_cast<int64_t>(elem_size[k]);
    }
    l.inner_step[k] = st[k][r - 1] != 0 ? 1 : 0;
  }
  *loop = l;
}

void RunBroadcast(const BroadcastLoop& l, const uint8_t* const* in,
                  uint8_t* out, RowFn row, const void* params) {
  const int r = l.rank;
  for (int d = 0; d < r; ++d) {
    if (l.dims[d] == 0) return;
  }
  const int n = l.num_inputs;
  const uint8_t* p[kMaxElementwiseInputs] = {};
  for (int k = 0; k < n; ++k) p[k] = in[k];
  const int64_t inner = l.dims[r - 1];
  const int64_t row_bytes = inner * static_cast<int64_t>(l.out_elem);
  int64_t idx[kMaxRank] = {};
  for (;;) {
    row(params, p, l.inner_step, out, inner);
    out += row_bytes;
    // Odometer over the outer dims.
    int d = r - 2;
    for (; d >= 0; --d) {
      for (int k = 0; k < n; ++k) p[k] += l.in_stride[k][d];
      if (++idx[d] < l.dims[d]) break;
      for (int k = 0; k < n; ++k) p[k] -= l.in_stride[k][d] * l.dims[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

Status ElementwiseOp::PrepareLoop(OpContext& ctx, int n, DataType out_type,
                                  const Shape* const* loop_shapes) {
  const Shape* shapes[kMaxElementwiseInputs] = {};
  size_t sizes[kMaxElementwiseInputs] = {};
  for (int k = 0; k < n; ++k) {
    const Tensor* t = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, k, &t));
    shapes[k] = loop_shapes ? loop_shapes[k] : &t->shape;
    sizes[k] = DataTypeSize(t->type);
  }
  Shape out;
  EDGELITE_RETURN_IF_ERROR(BroadcastShapesN(ctx, shapes, n, &out));
  bool same = true;
  for (int k = 1; k < n; ++k) same = same && *shapes[k] == *shapes[0];
  if (!same && out.rank > kMaxBroadcastRank) {
    return ctx.Error(StatusCode::kUnsupported,
                     StrFormat("broadcasting %s needs rank %d; at most %d is "
                               "supported",
                               ShapeList(shapes, n, true).c_str(), out.rank,
                               kMaxBroadcastRank));
  }
  EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, out));
  if (swap_inputs_) {
    std::swap(shapes[0], shapes[1]);
    std::swap(sizes[0], sizes[1]);
  }
  PlanBroadcast(shapes, sizes, n, out, DataTypeSize(out_type), &loop_);
  return Status::Ok();
}

Status ElementwiseOp::Eval(OpContext& ctx) {
  if (row_ == nullptr) {
    return ctx.Error(StatusCode::kRuntimeError, "the op was not prepared");
  }
  EDGELITE_RETURN_IF_ERROR(CheckData(ctx));
  const uint8_t* in[kMaxElementwiseInputs] = {};
  for (int k = 0; k < loop_.num_inputs; ++k) in[k] = ctx.input(k)->data;
  if (swap_inputs_) std::swap(in[0], in[1]);
  RunBroadcast(loop_, in, ctx.output(0)->data, row_, params_);
  return Status::Ok();
}

Status IntActivationRange(const OpContext& ctx, Activation act,
                          int64_t type_min, int64_t type_max, int64_t* lo,
                          int64_t* hi) {
  float flo = 0.0f, fhi = 0.0f;
  EDGELITE_RETURN_IF_ERROR(FloatRange(ctx, act, &flo, &fhi));
  *lo = std::isinf(flo) ? type_min : static_cast<int64_t>(flo);
  *hi = std::isinf(fhi) ? type_max : static_cast<int64_t>(fhi);
  return Status::Ok();
}

Status FloatRange(const OpContext& ctx, Activation act, float* lo, float* hi) {
  const Status s = ActivationRangeFloat(act, lo, hi);
  if (!s.ok()) return ctx.Error(s.code(), s.message());
  return Status::Ok();
}

// TFLite's QuantizeMultiplierSmallerThanOneExp: requires 0 < m < 1 and a
// resulting shift <= 0 (TFLite aborts otherwise; we report it).
static bool QuantizeSmallerThanOne(double m, int32_t* multiplier, int* shift) {
  if (!(m > 0.0 && m < 1.0)) return false;
  QuantizeMultiplier(m, multiplier, shift);
  return *shift <= 0;
}

Status PrepareTfliteAdd(const OpContext& ctx, const Tensor& a, const Tensor& b,
                        const Tensor& out, Activation act, bool negate_b,
                        int left_shift, TfliteAddParams* p) {
  p->a_offset = -a.zero_point();
  p->b_offset = -b.zero_point();
  p->out_offset = out.zero_point();
  p->left_shift = left_shift;
  const double twice_max =
      2.0 * static_cast<double>(std::max(a.scale(), b.scale()));
  const double real_a = static_cast<double>(a.scale()) / twice_max;
  const double real_b = static_cast<double>(b.scale()) / twice_max;
  const double real_out =
      twice_max / ((1 << left_shift) * static_cast<double>(out.scale()));
  if (!QuantizeSmallerThanOne(real_a, &p->a_multiplier, &p->a_shift) ||
      !QuantizeSmallerThanOne(real_b, &p->b_multiplier, &p->b_shift) ||
      !QuantizeSmallerThanOne(real_out, &p->out_multiplier, &p->out_shift)) {
    return ctx.Error(
        StatusCode::kUnsupported,
        StrFormat("input scales %g, %g vs output scale %g: the output "
                  "multiplier %g is not below 1, which TFLite's integer kernel "
                  "cannot represent",
                  static_cast<double>(a.scale()),
                  static_cast<double>(b.scale()),
                  static_cast<double>(out.scale()), real_out));
  }
  if (negate_b) p->b_multiplier = -p->b_multiplier;
  const Status s = ActivationRangeTflite(act, out.scale(), out.zero_point(),
                                         out.type, &p->qmin, &p->qmax);
  if (!s.ok()) return ctx.Error(s.code(), s.message());
  return Status::Ok();
}

// TFLite's CheckedLog2: log2 of the scale rounded, and whether the scale is
// within 1e-3 (in log2) of that power of two. Float arithmetic as TFLite's.
static bool CheckedLog2(float x, int* log2) {
  const float x_log2 = std::log(x) * (1.0f / std::log(2.0f));
  const float rounded = std::round(x_log2);
  *log2 = static_cast<int>(rounded);
  return std::fabs(x_log2 - rounded) < 1e-3f;
}

Status PrepareInt16PotAdd(const OpContext& ctx, const Tensor& a,
                          const Tensor& b, const Tensor& out, Activation act,
                          bool subtract, bool* taken, Int16PotAddParams* p) {
  *taken = false;
  if (!ctx.options().binary.pot_scale_int16) return Status::Ok();
  int la = 0, lb = 0, lo = 0;
  const bool pot = CheckedLog2(a.scale(), &la) && CheckedLog2(b.scale(), &lb) &&
                   CheckedLog2(out.scale(), &lo);
  if (!pot || a.zero_point() != 0 || b.zero_point() != 0 ||
      out.zero_point() != 0) {
    return Status::Ok();
  }
  *taken = true;
  const int sa = la - lo, sb = lb - lo;
  if ((sa != 0 && sb != 0) || sa > 0 || sb > 0) {
    return ctx.Error(
        StatusCode::kUnsupported,
        StrFormat("int16 with power-of-two scales 2^%d, 2^%d -> 2^%d: TFLite's "
                  "kernel needs one input scale equal to the output scale and "
                  "the other not larger",
                  la, lb, lo));
  }
  p->a_shift = -sa;
  p->b_shift = -sb;
  p->subtract = subtract;
  const Status s =
      ActivationRangeTflite(act, out.scale(), 0, out.type, &p->qmin, &p->qmax);
  if (!s.ok()) return ctx.Error(s.code(), s.message());
  return Status::Ok();
}

Status CheckSameTypes(OpContext& ctx, int n, bool check_output) {
  const Tensor* first = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &first));
  for (int k = 1; k < n; ++k) {
    const Tensor* t = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, k, &t));
    if (t->type != first->type) {
      return ctx.InputError(
          StatusCode::kInvalidModel, k,
          StrFormat("type %s differs from input 0 type %s",
                    DataTypeName(t->type), DataTypeName(first->type)));
    }
  }
  if (check_output && ctx.output(0)->type != first->type) {
    return ctx.OutputError(StatusCode::kInvalidModel, 0,
                           StrFormat("type %s differs from input 0 type %s",
                                     DataTypeName(ctx.output(0)->type),
                                     DataTypeName(first->type)));
  }
  return Status::Ok();
}

Status RequireQuantized(OpContext& ctx, int n) {
  for (int k = 0; k < n; ++k) {
    EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, ctx.input(k), true, k));
  }
  return RequirePerTensorQuant(ctx, ctx.output(0), false, 0);
}

Status CheckNoZeroDivisor(OpContext& ctx, DataType type, bool check_float) {
  const Tensor& b = *ctx.input(1);
  int64_t i = -1;
  switch (type) {
    case DataType::kFloat32:
      if (check_float) i = FindZero<float>(b);
      break;
    case DataType::kInt64:
      i = FindZero<int64_t>(b);
      break;
    case DataType::kInt32:
      i = FindZero<int32_t>(b);
      break;
    case DataType::kInt16:
      i = FindZero<int16_t>(b);
      break;
    case DataType::kInt8:
      i = FindZero<int8_t>(b);
      break;
    default:
      break;
  }
  if (i < 0) return Status::Ok();
  return ctx.InputError(
      StatusCode::kRuntimeError, 1,
      StrFormat("division by zero at element %lld", static_cast<long long>(i)));
}

}  // namespace edgelite
