#include "ops/reduce_common.h"

#include <vector>

#include "ops/const_ints.h"
#include "ops/op_util.h"

namespace edgelite {

Status PrepareReduce(OpContext& ctx, ReducePlan* p) {
  EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
  const Tensor* in = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
  EDGELITE_RETURN_IF_ERROR(CheckSameTypeInOut(ctx, 0, 0));
  std::vector<int64_t> axes;
  EDGELITE_RETURN_IF_ERROR(ReadConstInts(ctx, 1, "axis", &axes));
  const int rank = in->shape.rank;
  bool reduced[kMaxRank] = {};
  bool any = false;
  // TFLite ignores the axis values of a scalar input.
  if (rank > 0) {
    for (int64_t a : axes) {
      if (a < -rank || a >= rank) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 1,
            StrFormat("axis %lld is out of range for input shape %s",
                      static_cast<long long>(a), in->shape.ToString().c_str()));
      }
      reduced[a < 0 ? a + rank : a] = true;
      any = true;
    }
  }
  const bool keep_dims = ctx.options().reducer.keep_dims;
  Shape out;
  int64_t num_reduced = 1;
  for (int d = 0; d < rank; ++d) {
    if (reduced[d]) {
      num_reduced *= in->shape.dims[d];
      if (keep_dims) out.dims[out.rank++] = 1;
    } else {
      out.dims[out.rank++] = in->shape.dims[d];
    }
  }
  p->copy = !any;
  p->num_reduced = num_reduced;
  p->num_inputs = in->NumElements();
  p->rank = rank == 0 ? 1 : rank;
  int64_t stride = 1;
  for (int d = p->rank - 1; d >= 0; --d) {
    p->dims[d] = rank == 0 ? 1 : in->shape.dims[d];
    p->out_strides[d] = reduced[d] ? 0 : stride;
    if (!reduced[d]) stride *= p->dims[d];
  }
  p->num_outputs = stride;
  return ctx.SetOutputShape(0, out);
}

}  // namespace edgelite
