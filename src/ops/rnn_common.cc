#include "ops/rnn_common.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/quant.h"
#include "ops/op_util.h"

namespace edgelite {

Status CheckRecurrentActivation(const OpContext& ctx, Activation act) {
  switch (act) {
    case Activation::kNone:
    case Activation::kRelu:
    case Activation::kReluN1To1:
    case Activation::kRelu6:
    case Activation::kTanh:
    case Activation::kSignBit:
      return Status::Ok();
  }
  return ctx.Error(
      StatusCode::kUnsupported,
      StrFormat("fused activation %d is not supported", static_cast<int>(act)));
}

void ApplyFloatActivationToVector(float* v, int64_t n, Activation act) {
  switch (act) {
    case Activation::kNone:
      return;
    case Activation::kTanh:
      for (int64_t i = 0; i < n; ++i) v[i] = std::tanh(v[i]);
      return;
    case Activation::kSignBit:
      for (int64_t i = 0; i < n; ++i) v[i] = std::signbit(v[i]) ? 1.0f : 0.0f;
      return;
    default: {
      float lo = 0.0f, hi = 0.0f;
      if (!ActivationRangeFloat(act, &lo, &hi).ok()) return;
      for (int64_t i = 0; i < n; ++i) v[i] = std::min(std::max(v[i], lo), hi);
      return;
    }
  }
}

Status CheckInputDims(const OpContext& ctx, int i, const char* what,
                      std::initializer_list<int32_t> dims) {
  const Tensor* t = ctx.input(i);
  Shape want;
  for (int32_t d : dims) want.dims[want.rank++] = d;
  if (t->shape != want) {
    return ctx.InputError(
        StatusCode::kInvalidModel, i,
        StrFormat("%s must have shape %s, got %s", what,
                  want.ToString().c_str(), t->shape.ToString().c_str()));
  }
  return Status::Ok();
}

void RnnFloatStep(const RnnWeights& w, int32_t batch, const float* x,
                  int64_t x_stride, float* h, float* out, int64_t out_stride) {
  for (int32_t b = 0; b < batch; ++b) {
    const float* xb = x + b * x_stride;
    const float* hb = h + int64_t{b} * w.units;
    float* ob = out + b * out_stride;
    for (int32_t u = 0; u < w.units; ++u) {
      const float* wi = w.input_weights + int64_t{u} * w.input_size;
      float dot = 0.0f;
      for (int32_t i = 0; i < w.input_size; ++i) dot += wi[i] * xb[i];
      ob[u] = w.bias[u] + dot;
    }
    for (int32_t u = 0; u < w.units; ++u) {
      const float* wr = w.recurrent_weights + int64_t{u} * w.units;
      float dot = 0.0f;
      for (int32_t i = 0; i < w.units; ++i) dot += wr[i] * hb[i];
      ob[u] += dot;
    }
  }
  // Activation and the new state only after every row read the old state.
  for (int32_t b = 0; b < batch; ++b) {
    float* ob = out + b * out_stride;
    ApplyFloatActivationToVector(ob, w.units, w.activation);
    std::copy(ob, ob + w.units, h + int64_t{b} * w.units);
  }
}

Status PrepareRnnWeights(OpContext& ctx, int32_t batch, int32_t input_size,
                         RnnWeights* w, int first, int out) {
  const Tensor *wi, *wr, *bias, *h;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, first, &wi));
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, first + 1, &wr));
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, first + 2, &bias));
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, first + 3, &h));
  if (ctx.input(0)->type != DataType::kFloat32) {
    return ctx.InputError(StatusCode::kUnsupported, 0,
                          StrFormat("type %s is not supported (float32)",
                                    DataTypeName(ctx.input(0)->type)));
  }
  if (wi->type != DataType::kFloat32) {
    return ctx.InputError(
        StatusCode::kUnsupported, first,
        StrFormat("hybrid RNN (%s weights) is not supported yet",
                  DataTypeName(wi->type)));
  }
  for (int i = first + 1; i <= first + 3; ++i) {
    if (ctx.input(i)->type != DataType::kFloat32) {
      return ctx.InputError(StatusCode::kInvalidModel, i,
                            StrFormat("must be float32 like the input, got %s",
                                      DataTypeName(ctx.input(i)->type)));
    }
  }
  EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, first, 2, 2));
  const int32_t units = wi->shape.dims[0];
  EDGELITE_RETURN_IF_ERROR(
      CheckInputDims(ctx, first, "input_weights", {units, input_size}));
  EDGELITE_RETURN_IF_ERROR(
      CheckInputDims(ctx, first + 1, "recurrent_weights", {units, units}));
  EDGELITE_RETURN_IF_ERROR(CheckInputDims(ctx, first + 2, "bias", {units}));
  EDGELITE_RETURN_IF_ERROR(
      CheckInputDims(ctx, first + 3, "hidden_state", {batch, units}));
  if (h->is_constant()) {
    return ctx.InputError(StatusCode::kInvalidModel, first + 3,
                          "the hidden state must be a variable tensor, not a "
                          "constant");
  }
  const Activation act = ctx.options().rnn.activation;
  EDGELITE_RETURN_IF_ERROR(CheckRecurrentActivation(ctx, act));
  if (ctx.output(out)->type != DataType::kFloat32) {
    return ctx.OutputError(StatusCode::kInvalidModel, out,
                           StrFormat("must be float32, got %s",
                                     DataTypeName(ctx.output(out)->type)));
  }
  w->units = units;
  w->input_size = input_size;
  w->activation = act;
  return Status::Ok();
}

Status CheckBidirectionalArity(const OpContext& ctx, int inputs, bool merge) {
  if (ctx.num_inputs() != inputs) {
    return ctx.Error(
        StatusCode::kInvalidModel,
        StrFormat("expects %d inputs, has %d", inputs, ctx.num_inputs()));
  }
  if (ctx.num_outputs() != (merge ? 1 : 2)) {
    return ctx.Error(StatusCode::kInvalidModel,
                     StrFormat("expects %d output%s (merge_outputs %s), has %d",
                               merge ? 1 : 2, merge ? "" : "s",
                               merge ? "true" : "false", ctx.num_outputs()));
  }
  return Status::Ok();
}

}  // namespace edgelite
