#include "ops/copy_util.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "ops/op_util.h"

namespace edgelite {

namespace {

std::string VFormat(const char* fmt, va_list args) {
  va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  std::string out(n > 0 ? static_cast<size_t>(n) + 1 : 1, '\0');
  std::vsnprintf(&out[0], out.size(), fmt, args);
  out.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return out;
}

}  // namespace

Status OpErrorF(const OpContext& ctx, StatusCode code, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  std::string what = VFormat(fmt, args);
  va_end(args);
  return ctx.Error(code, what);
}

Status InputErrorF(const OpContext& ctx, StatusCode code, int i,
                   const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  std::string what = VFormat(fmt, args);
  va_end(args);
  return ctx.InputError(code, i, what);
}

Status OutputErrorF(const OpContext& ctx, StatusCode code, int i,
                    const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  std::string what = VFormat(fmt, args);
  va_end(args);
  return ctx.OutputError(code, i, what);
}

void StridedCopyPlan::Simplify() {
  // Size-1 dimensions contribute nothing; an empty dimension empties all.
  int r = 0;
  for (int d = 0; d < rank; ++d) {
    if (count[d] == 0) {
      rank = 1;
      count[0] = 0;
      stride[0] = 0;
      return;
    }
    if (count[d] == 1) continue;
    count[r] = count[d];
    stride[r] = stride[d];
    ++r;
  }
  rank = r;
  // Merge a dimension into the next-inner one when stepping over it is the
  // same as stepping over all of the inner one (e.g. a slice that keeps whole
  // rows).
  r = 0;
  for (int d = 0; d < rank; ++d) {
    if (r > 0 && stride[r - 1] == stride[d] * count[d]) {
      count[r - 1] *= count[d];
      stride[r - 1] = stride[d];
      continue;
    }
    count[r] = count[d];
    stride[r] = stride[d];
    ++r;
  }
  rank = r;
  // A contiguous innermost dimension becomes part of the copied block.
  if (rank > 0 && stride[rank - 1] == static_cast<int64_t>(elem)) {
    elem *= static_cast<size_t>(count[rank - 1]);
    --rank;
  }
}

int64_t StridedCopyPlan::Elements() const {
  int64_t n = 1;
  for (int d = 0; d < rank; ++d) n *= count[d];
  return n;
}

namespace {

// Copies n blocks of N bytes, `step` bytes apart in the input. A constant N
// lets the compiler turn memcpy into one load and store.
template <size_t N>
uint8_t* CopyBlocks(const uint8_t* p, int64_t step, int64_t n, uint8_t* out,
                    size_t) {
  for (int64_t i = 0; i < n; ++i, p += step, out += N) std::memcpy(out, p, N);
  return out;
}

uint8_t* CopyBlocksAnySize(const uint8_t* p, int64_t step, int64_t n,
                           uint8_t* out, size_t size) {
  for (int64_t i = 0; i < n; ++i, p += step, out += size) {
    std::memcpy(out, p, size);
  }
  return out;
}

}  // namespace

void StridedCopy(const StridedCopyPlan& plan, const uint8_t* in, uint8_t* out) {
  // An empty copy first: a zero-size tensor has no data (in may be null, and
  // a reversed plan's offset must not be applied to it).
  for (int d = 0; d < plan.rank; ++d) {
    if (plan.count[d] == 0) return;
  }
  const uint8_t* p = in + plan.offset;
  if (plan.rank == 0) {
    if (plan.elem > 0) std::memcpy(out, p, plan.elem);
    return;
  }
  using CopyFn =
      uint8_t* (*)(const uint8_t*, int64_t, int64_t, uint8_t*, size_t);
  CopyFn copy = CopyBlocksAnySize;
  switch (plan.elem) {
    case 1:
      copy = CopyBlocks<1>;
      break;
    case 2:
      copy = CopyBlocks<2>;
      break;
    case 4:
      copy = CopyBlocks<4>;
      break;
    case 8:
      copy = CopyBlocks<8>;
      break;
    default:
      break;
  }
  const int inner = plan.rank - 1;
  int64_t index[StridedCopyPlan::kMaxDims] = {};
  for (;;) {
    out = copy(p, plan.stride[inner], plan.count[inner], out, plan.elem);
    // Odometer over the outer dimensions.
    int d = inner - 1;
    for (; d >= 0; --d) {
      p += plan.stride[d];
      if (++index[d] < plan.count[d]) break;
      p -= plan.stride[d] * plan.count[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

int64_t ReadIndex(const Tensor* t, int64_t i) {
  switch (t->type) {
    case DataType::kInt64:
      return t->Data<int64_t>()[i];
    case DataType::kInt16:
      return t->Data<int16_t>()[i];
    default:
      return t->Data<int32_t>()[i];
  }
}

void DenseByteStrides(const Shape& shape, size_t elem, int64_t* strides) {
  int64_t s = static_cast<int64_t>(elem);
  for (int d = shape.rank - 1; d >= 0; --d) {
    strides[d] = s;
    s *= shape.dims[d];
  }
}

Status ElementSize(const OpContext& ctx, const Tensor* t, bool is_input, int i,
                   size_t* size) {
  *size = DataTypeSize(t->type);
  if (*size == 0) {
    const std::string what =
        StrFormat("element type %s is not supported", DataTypeName(t->type));
    return is_input ? ctx.InputError(StatusCode::kUnsupported, i, what)
                    : ctx.OutputError(StatusCode::kUnsupported, i, what);
  }
  return Status::Ok();
}

Status CheckIndexType(const OpContext& ctx, int i, bool allow_int16) {
  const Tensor* t = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &t));
  if (t->type == DataType::kInt32 || t->type == DataType::kInt64 ||
      (allow_int16 && t->type == DataType::kInt16)) {
    return Status::Ok();
  }
  return InputErrorF(ctx, StatusCode::kInvalidModel, i,
                     "must be %sint32 or int64, got %s",
                     allow_int16 ? "int16, " : "", DataTypeName(t->type));
}

Status ReadConstantIndices(const OpContext& ctx, int i, const char* what,
                           std::vector<int64_t>* values) {
  EDGELITE_RETURN_IF_ERROR(CheckIndexType(ctx, i));
  const Tensor* t = ctx.input(i);
  if (!t->is_constant()) {
    return InputErrorF(
        ctx, StatusCode::kUnsupported, i,
        "a non-constant %s tensor is not supported; edgelite plans "
        "memory before Invoke",
        what);
  }
  const int64_t n = t->NumElements();
  values->resize(static_cast<size_t>(n));
  for (int64_t k = 0; k < n; ++k) (*values)[k] = ReadIndex(t, k);
  return Status::Ok();
}

Status CheckSameQuantization(const OpContext& ctx, int in, int out) {
  const Tensor* a = ctx.input(in);
  const Tensor* b = const_cast<OpContext&>(ctx).output(out);
  if (a->scale() == b->scale() && a->zero_point() == b->zero_point()) {
    return Status::Ok();
  }
  return OutputErrorF(
      ctx, StatusCode::kInvalidModel, out,
      "quantization (scale %g, zero point %d) differs from input %d "
      "(scale %g, zero point %d); TFLite requires them equal here",
      b->scale(), b->zero_point(), in, a->scale(), a->zero_point());
}

Status CheckOutputType(OpContext& ctx, int in, int out) {
  const Tensor* a = ctx.input(in);
  const Tensor* b = ctx.output(out);
  if (a->type == b->type) return Status::Ok();
  return OutputErrorF(ctx, StatusCode::kInvalidModel, out,
                      "type %s differs from input %d type %s",
                      DataTypeName(b->type), in, DataTypeName(a->type));
}

void FillBytes(uint8_t* out, const uint8_t* value, size_t elem, int64_t n) {
  if (n <= 0) return;
  std::memcpy(out, value, elem);
  // Doubling copies: log2(n) memcpy calls instead of n.
  int64_t done = 1;
  while (done < n) {
    const int64_t k = done < n - done ? done : n - done;
    std::memcpy(out + done * elem, out, static_cast<size_t>(k) * elem);
    done += k;
  }
}

void CopyRows(const uint8_t* in, int64_t in_pitch, uint8_t* out,
              int64_t out_pitch, int64_t outer, size_t row_bytes) {
  if (row_bytes == 0) return;
  for (int64_t o = 0; o < outer; ++o) {
    std::memcpy(out + o * out_pitch, in + o * in_pitch, row_bytes);
  }
}

Status PrepareSplit(OpContext& ctx, const Tensor* in, int axis,
                    const std::vector<int64_t>& sizes, SplitLayout* layout) {
  size_t elem = 0;
  EDGELITE_RETURN_IF_ERROR(ElementSize(ctx, in, true, 0, &elem));
  const Shape& s = in->shape;
  const int64_t inner =
      s.FlatSize(axis + 1, s.rank) * static_cast<int64_t>(elem);
  layout->outer = s.FlatSize(0, axis);
  layout->in_pitch = s.dims[axis] * inner;
  layout->piece_bytes.resize(sizes.size());
  for (size_t i = 0; i < sizes.size(); ++i) {
    const int o = static_cast<int>(i);
    Shape out = s;
    out.dims[axis] = static_cast<int32_t>(sizes[i]);
    if (ctx.output(o)->type != in->type) {
      return OutputErrorF(ctx, StatusCode::kInvalidModel, o,
                          "type %s differs from the input type %s",
                          DataTypeName(ctx.output(o)->type),
                          DataTypeName(in->type));
    }
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(o, out));
    layout->piece_bytes[i] = sizes[i] * inner;
  }
  return Status::Ok();
}

void SplitEval(OpContext& ctx, const Tensor* in, const SplitLayout& layout) {
  int64_t offset = 0;
  for (size_t i = 0; i < layout.piece_bytes.size(); ++i) {
    const int64_t piece = layout.piece_bytes[i];
    CopyRows(in->data + offset, layout.in_pitch,
             ctx.output(static_cast<int>(i))->data, piece, layout.outer,
             static_cast<size_t>(piece));
    offset += piece;
  }
}

std::string IndicesToString(const std::vector<int64_t>& v) {
  std::string s = "[";
  for (size_t k = 0; k < v.size(); ++k) {
    if (k) s += ", ";
    s += StrFormat("%lld", static_cast<long long>(v[k]));
  }
  return s + "]";
}

}  // namespace edgelite
