#include "ops/const_ints.h"

#include "ops/op_util.h"

namespace edgelite {

Status ReadConstInts(const OpContext& ctx, int i, const char* what,
                     std::vector<int64_t>* out) {
  const Tensor* t = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &t));
  if (t->type != DataType::kInt32 && t->type != DataType::kInt64) {
    return ctx.InputError(StatusCode::kInvalidModel, i,
                          StrFormat("%s must be int32 or int64, got %s", what,
                                    DataTypeName(t->type)));
  }
  if (!t->is_constant()) {
    return ctx.InputError(
        StatusCode::kUnsupported, i,
        StrFormat("a non-constant %s tensor is not supported; edgelite plans "
                  "memory before Invoke",
                  what));
  }
  const int64_t n = t->NumElements();
  out->resize(static_cast<size_t>(n));
  for (int64_t k = 0; k < n; ++k) {
    (*out)[k] = t->type == DataType::kInt32 ? int64_t{t->Data<int32_t>()[k]}
                                            : t->Data<int64_t>()[k];
  }
  return Status::Ok();
}

Status ReadConstPairs(const OpContext& ctx, int i, const char* what, int rows,
                      std::vector<int64_t>* out) {
  EDGELITE_RETURN_IF_ERROR(ReadConstInts(ctx, i, what, out));
  const Shape& s = ctx.input(i)->shape;
  if (s.rank != 2 || s.dims[0] != rows || s.dims[1] != 2) {
    return ctx.InputError(StatusCode::kInvalidModel, i,
                          StrFormat("%s must have shape [%d, 2], got %s", what,
                                    rows, s.ToString().c_str()));
  }
  for (size_t k = 0; k < out->size(); ++k) {
    const int64_t v = (*out)[k];
    if (v < 0 || v > INT32_MAX) {
      return ctx.InputError(
          StatusCode::kInvalidModel, i,
          StrFormat("%s[%zu][%zu] is %lld; it must be in [0, 2^31)", what,
                    k / 2, k % 2, static_cast<long long>(v)));
    }
  }
  return Status::Ok();
}

}  // namespace edgelite
