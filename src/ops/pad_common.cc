#include "ops/pad_common.h"

#include <cstring>

#include "ops/const_ints.h"
#include "ops/op_util.h"

namespace edgelite {

Status PreparePadShape(OpContext& ctx, int max_rank, PadPlan* plan) {
  const Tensor* in = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
  EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
  const int rank = in->shape.rank;
  if (rank > max_rank) {
    return ctx.InputError(
        StatusCode::kUnsupported, 0,
        StrFormat("rank %d exceeds %d, TFLite's limit for this op", rank,
                  max_rank));
  }
  std::vector<int64_t> pads;
  EDGELITE_RETURN_IF_ERROR(ReadConstPairs(ctx, 1, "paddings", rank, &pads));
  plan->rank = rank;
  plan->elem_size = DataTypeSize(in->type);
  Shape out;
  out.rank = rank;
  int64_t count = 1;
  for (int d = 0; d < rank; ++d) {
    const int64_t size = in->shape.dims[d] + pads[2 * d] + pads[2 * d + 1];
    count *= size;
    if (size > INT32_MAX || count > kMaxElements) {
      return ctx.Error(StatusCode::kInvalidModel,
                       StrFormat("padded output dim %d (%lld) is too large", d,
                                 static_cast<long long>(size)));
    }
    plan->in_dims[d] = in->shape.dims[d];
    plan->before[d] = static_cast<int32_t>(pads[2 * d]);
    plan->after[d] = static_cast<int32_t>(pads[2 * d + 1]);
    plan->out_dims[d] = static_cast<int32_t>(size);
    out.dims[d] = plan->out_dims[d];
  }
  return ctx.SetOutputShape(0, out);
}

namespace {

int64_t Count(const int32_t* dims, int n) {
  int64_t c = 1;
  for (int d = 0; d < n; ++d) c *= dims[d];
  return c;
}

// Advances the multi-index `idx` over dims [0, n) in row-major order; false
// after the last one.
bool Next(int32_t* idx, const int32_t* dims, int n) {
  for (int d = n - 1; d >= 0; --d) {
    if (++idx[d] < dims[d]) return true;
    idx[d] = 0;
  }
  return false;
}

template <typename T>
void GatherRow(const uint8_t* in, const int32_t* map, int32_t n, uint8_t* out) {
  const T* src = reinterpret_cast<const T*>(in);
  T* dst = reinterpret_cast<T*>(out);
  for (int32_t i = 0; i < n; ++i) dst[i] = src[map[i]];
}

}  // namespace

void ConstantPad(const PadPlan& plan, const uint8_t* in, uint8_t* out,
                 const uint8_t* value) {
  const size_t es = plan.elem_size;
  const size_t out_bytes =
      static_cast<size_t>(Count(plan.out_dims, plan.rank)) * es;
  if (out_bytes == 0) return;
  // Fill by doubling the filled prefix.
  std::memcpy(out, value, es);
  for (size_t done = es; done < out_bytes;) {
    const size_t n = done < out_bytes - done ? done : out_bytes - done;
    std::memcpy(out + done, out, n);
    done += n;
  }
  const int rank = plan.rank;
  if (rank == 0) {
    std::memcpy(out, in, es);
    return;
  }
  if (Count(plan.in_dims, rank) == 0) return;
  int64_t out_strides[kMaxRank];
  int64_t s = 1;
  for (int d = rank - 1; d >= 0; --d) {
    out_strides[d] = s;
    s *= plan.out_dims[d];
  }
  const size_t row_bytes = static_cast<size_t>(plan.in_dims[rank - 1]) * es;
  int32_t idx[kMaxRank] = {};
  do {
    int64_t o = plan.before[rank - 1];
    for (int d = 0; d < rank - 1; ++d) {
      o += (idx[d] + plan.before[d]) * out_strides[d];
    }
    std::memcpy(out + o * es, in, row_bytes);
    in += row_bytes;
  } while (Next(idx, plan.in_dims, rank - 1));
}

void GatherPad(const PadPlan& plan, const int32_t* map, const uint8_t* in,
               uint8_t* out) {
  const int rank = plan.rank;
  const size_t es = plan.elem_size;
  if (rank == 0) {
    std::memcpy(out, in, es);
    return;
  }
  if (Count(plan.out_dims, rank) == 0) return;
  int64_t in_strides[kMaxRank];
  const int32_t* maps[kMaxRank];
  int64_t s = 1;
  size_t off = 0;
  for (int d = 0; d < rank; ++d) {
    maps[d] = map + off;
    off += static_cast<size_t>(plan.out_dims[d]);
  }
  for (int d = rank - 1; d >= 0; --d) {
    in_strides[d] = s;
    s *= plan.in_dims[d];
  }
  const int32_t n = plan.out_dims[rank - 1];
  const size_t row_bytes = static_cast<size_t>(n) * es;
  int32_t idx[kMaxRank] = {};
  do {
    int64_t base = 0;
    for (int d = 0; d < rank - 1; ++d) base += maps[d][idx[d]] * in_strides[d];
    const uint8_t* src = in + base * es;
    switch (es) {
      case 1:
        GatherRow<uint8_t>(src, maps[rank - 1], n, out);
        break;
      case 2:
        GatherRow<uint16_t>(src, maps[rank - 1], n, out);
        break;
      case 4:
        GatherRow<uint32_t>(src, maps[rank - 1], n, out);
        break;
      default:
        GatherRow<uint64_t>(src, maps[rank - 1], n, out);
        break;
    }
    out += row_bytes;
  } while (Next(idx, plan.out_dims, rank - 1));
}

}  // namespace edgelite
