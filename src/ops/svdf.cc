// SVDF: a fully connected layer factored into a feature filter and a time
// filter over the last memory_size activations (micro_speech-style keyword
// spotting). Inputs: input [batch, input_size], weights_feature
// [num_filters, input_size], weights_time [num_filters, memory_size], bias
// [num_units] (optional), state [batch, num_filters * memory_size] (a
// variable tensor the op rewrites each Invoke; the interpreter keeps it for
// the life of the plan). num_units = num_filters / rank.
//
// Per Invoke, as TFLite's reference_ops (svdf.h, used by the builtin kernel;
// no delegate takes SVDF):
//   1. shift the whole state left by one element (each filter's oldest
//      activation drops out; the last slot is overwritten next);
//   2. state[b][f][memory-1] = weights_feature[f] . input[b];
//   3. scratch[b][f] = weights_time[f] . state[b][f];
//   4. output[b][u] = sum_r scratch[b][u * rank + r] (+ bias[u]), activation.
// float32 (v1): float sums in that order. Full integer (v3): int8 input and
// output, int8 weights_feature, int16 weights_time and state, int32 bias; the
// feature dot product (input minus its zero point) is rescaled by
// f32(input_scale * feature_scale / state_scale) (float products, as TFLite
// computes them) with double-rounding MultiplyByQuantizedMultiplier and
// saturated to int16; the time sums (int32, wrapping) plus bias are rescaled
// by f32(state_scale * time_scale / output_scale), plus the output zero
// point, saturated to int8. TFLite requires RELU there but does not apply it
// (only the int8 saturation), and neither do we. TFLite ignores the zero
// points of the weights and the state (assumed 0), so do we. tflite-micro's
// reference computes the same, so kMicro uses this arithmetic too.
// Hybrid SVDF (float input, int8 weights: v2, v4) is refused.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/op.h"
#include "core/quant.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/rnn_common.h"

namespace edgelite {
namespace {

class SvdfOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 5, 5, 1));
    const Tensor *in, *wf, *wt, *state;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &wf));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 2, &wt));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 4, &state));
    const Tensor* bias = ctx.input(3);
    Tensor* out = ctx.output(0);
    const RnnOptions& o = ctx.options().rnn;
    EDGELITE_RETURN_IF_ERROR(CheckRecurrentActivation(ctx, o.activation));
    activation_ = o.activation;

    for (int i : {0, 1, 2}) {
      EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, i, 2, 2));
    }
    batch_ = in->shape.dims[0];
    input_size_ = in->shape.dims[1];
    filters_ = wf->shape.dims[0];
    memory_ = wt->shape.dims[1];
    rank_ = o.rank;
    if (rank_ <= 0 || filters_ % rank_ != 0) {
      return ctx.Error(StatusCode::kInvalidModel,
                       StrFormat("rank %d must be positive and divide the %d "
                                 "filters (weights_feature dimension 0)",
                                 rank_, filters_));
    }
    units_ = filters_ / rank_;
    if (memory_ < 1) {
      return ctx.InputError(StatusCode::kInvalidModel, 2,
                            "memory size (dimension 1) must be >= 1");
    }
    EDGELITE_RETURN_IF_ERROR(
        CheckInputDims(ctx, 1, "weights_feature", {filters_, input_size_}));
    EDGELITE_RETURN_IF_ERROR(
        CheckInputDims(ctx, 2, "weights_time", {filters_, memory_}));
    if (bias != nullptr) {
      EDGELITE_RETURN_IF_ERROR(CheckInputDims(ctx, 3, "bias", {units_}));
    }
    EDGELITE_RETURN_IF_ERROR(
        CheckInputDims(ctx, 4, "state", {batch_, filters_ * memory_}));
    if (state->is_constant()) {
      return ctx.InputError(StatusCode::kInvalidModel, 4,
                            "the state must be a variable tensor, not a "
                            "constant");
    }

    integer_ = in->type == DataType::kInt8;
    if (in->type == DataType::kFloat32) {
      if (wf->type != DataType::kFloat32) {
        return ctx.InputError(
            StatusCode::kUnsupported, 1,
            StrFormat("hybrid SVDF (float32 input, %s weights) is not "
                      "supported yet",
                      DataTypeName(wf->type)));
      }
      const int idx[] = {2, 3, 4};
      for (int i : idx) {
        const Tensor* t = ctx.input(i);
        if (t != nullptr && t->type != DataType::kFloat32) {
          return ctx.InputError(StatusCode::kInvalidModel, i,
                                StrFormat("must be float32 like the input, "
                                          "got %s",
                                          DataTypeName(t->type)));
        }
      }
      if (out->type != DataType::kFloat32) {
        return ctx.OutputError(
            StatusCode::kInvalidModel, 0,
            StrFormat("must be float32, got %s", DataTypeName(out->type)));
      }
    } else if (integer_) {
      struct Want {
        int i;
        DataType type;
      };
      const Want wants[] = {{1, DataType::kInt8},
                            {2, DataType::kInt16},
                            {3, DataType::kInt32},
                            {4, DataType::kInt16}};
      for (const Want& w : wants) {
        const Tensor* t = ctx.input(w.i);
        if (t == nullptr) continue;
        if (t->type != w.type) {
          return ctx.InputError(
              StatusCode::kInvalidModel, w.i,
              StrFormat("must be %s in an int8 SVDF, got %s",
                        DataTypeName(w.type), DataTypeName(t->type)));
        }
        if (w.i != 3 && (t->quant == nullptr || t->quant->empty())) {
          return ctx.InputError(StatusCode::kInvalidModel, w.i,
                                "must be quantized");
        }
      }
      if (in->quant == nullptr || in->quant->empty()) {
        return ctx.InputError(StatusCode::kInvalidModel, 0,
                              "must be quantized");
      }
      if (out->type != DataType::kInt8 || out->quant == nullptr ||
          out->quant->empty()) {
        return ctx.OutputError(StatusCode::kInvalidModel, 0,
                               "must be quantized int8 like the input");
      }
      if (activation_ != Activation::kRelu) {
        return ctx.Error(StatusCode::kUnsupported,
                         StrFormat("an int8 SVDF needs fused activation RELU "
                                   "(as TFLite), got %s",
                                   ActivationName(activation_)));
      }
      // float products, as TFLite's Prepare computes them.
      const float s1 = in->scale() * wf->scale() / state->scale();
      const float s2 = state->scale() * wt->scale() / out->scale();
      QuantizeMultiplier(s1, &mult1_, &shift1_);
      QuantizeMultiplier(s2, &mult2_, &shift2_);
      in_zp_ = in->zero_point();
      out_zp_ = out->zero_point();
    } else {
      return ctx.InputError(StatusCode::kUnsupported, 0,
                            StrFormat("type %s is not supported (float32, "
                                      "int8)",
                                      DataTypeName(in->type)));
    }
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, Shape({batch_, units_})));
    return ctx.RequestScratch(
        static_cast<size_t>(batch_) * filters_ * sizeof(float), &scratch_);
  }

  Status Eval(OpContext& ctx) override {
    // The state is a variable tensor: the op owns its contents.
    Tensor* state = const_cast<Tensor*>(ctx.input(4));
    const int64_t total = int64_t{batch_} * filters_ * memory_;
    if (total == 0) return Status::Ok();
    const size_t esize = DataTypeSize(state->type);
    std::memmove(state->data, state->data + esize, (total - 1) * esize);
    if (integer_) {
      EvalInteger(ctx, state->MutableData<int16_t>());
    } else {
      EvalFloat(ctx, state->MutableData<float>());
    }
    return Status::Ok();
  }

 private:
  void EvalFloat(OpContext& ctx, float* state) {
    const float* x = ctx.input(0)->Data<float>();
    const float* wf = ctx.input(1)->Data<float>();
    const float* wt = ctx.input(2)->Data<float>();
    const Tensor* bias_t = ctx.input(3);
    const float* bias = bias_t ? bias_t->Data<float>() : nullptr;
    float* scratch = static_cast<float*>(ctx.scratch(scratch_));
    float* out = ctx.output(0)->MutableData<float>();
    for (int b = 0; b < batch_; ++b) {
      for (int f = 0; f < filters_; ++f) {
        float acc = 0.0f;
        const float* w = wf + int64_t{f} * input_size_;
        const float* v = x + int64_t{b} * input_size_;
        for (int i = 0; i < input_size_; ++i) acc += w[i] * v[i];
        float* s = state + (int64_t{b} * filters_ + f) * memory_;
        s[memory_ - 1] = acc;
        float dot = 0.0f;
        const float* t = wt + int64_t{f} * memory_;
        for (int m = 0; m < memory_; ++m) dot += t[m] * s[m];
        scratch[int64_t{b} * filters_ + f] = dot;
      }
      for (int u = 0; u < units_; ++u) {
        float sum = 0.0f;
        const float* s = scratch + int64_t{b} * filters_ + int64_t{u} * rank_;
        for (int r = 0; r < rank_; ++r) sum += s[r];
        out[int64_t{b} * units_ + u] = bias ? sum + bias[u] : sum;
      }
    }
    ApplyFloatActivationToVector(out, int64_t{batch_} * units_, activation_);
  }

  void EvalInteger(OpContext& ctx, int16_t* state) {
    const int8_t* x = ctx.input(0)->Data<int8_t>();
    const int8_t* wf = ctx.input(1)->Data<int8_t>();
    const int16_t* wt = ctx.input(2)->Data<int16_t>();
    const Tensor* bias_t = ctx.input(3);
    const int32_t* bias = bias_t ? bias_t->Data<int32_t>() : nullptr;
    int32_t* scratch = static_cast<int32_t*>(ctx.scratch(scratch_));
    int8_t* out = ctx.output(0)->MutableData<int8_t>();
    for (int b = 0; b < batch_; ++b) {
      for (int f = 0; f < filters_; ++f) {
        int32_t acc = 0;
        const int8_t* w = wf + int64_t{f} * input_size_;
        const int8_t* v = x + int64_t{b} * input_size_;
        for (int i = 0; i < input_size_; ++i) acc += w[i] * (v[i] - in_zp_);
        acc = MultiplyByQuantizedMultiplier(acc, mult1_, shift1_);
        acc = std::min<int32_t>(std::max<int32_t>(acc, -32768), 32767);
        int16_t* s = state + (int64_t{b} * filters_ + f) * memory_;
        s[memory_ - 1] = static_cast<int16_t>(acc);
        uint32_t dot = 0;  // int32 sums that wrap, as TFLite's
        const int16_t* t = wt + int64_t{f} * memory_;
        for (int m = 0; m < memory_; ++m) {
          dot += static_cast<uint32_t>(int32_t{t[m]} * s[m]);
        }
        scratch[int64_t{b} * filters_ + f] = static_cast<int32_t>(dot);
      }
      for (int u = 0; u < units_; ++u) {
        uint32_t sum = bias ? static_cast<uint32_t>(bias[u]) : 0u;
        const int32_t* s = scratch + int64_t{b} * filters_ + int64_t{u} * rank_;
        for (int r = 0; r < rank_; ++r) sum += static_cast<uint32_t>(s[r]);
        int32_t q = MultiplyByQuantizedMultiplier(static_cast<int32_t>(sum),
                                                  mult2_, shift2_) +
                    out_zp_;
        q = std::min<int32_t>(std::max<int32_t>(q, -128), 127);
        out[int64_t{b} * units_ + u] = static_cast<int8_t>(q);
      }
    }
  }

  int32_t batch_ = 0, input_size_ = 0, filters_ = 0, memory_ = 0;
  int32_t rank_ = 0, units_ = 0;
  Activation activation_ = Activation::kNone;
  bool integer_ = false;
  int32_t mult1_ = 0, mult2_ = 0;
  int shift1_ = 0, shift2_ = 0;
  int32_t in_zp_ = 0, out_zp_ = 0;
  int scratch_ = -1;
};

}  // namespace

std::unique_ptr<Op> CreateSvdf() { return std::make_unique<SvdfOp>(); }

}  // namespace edgelite
