// UNIDIRECTIONAL_SEQUENCE_RNN: RNN over a whole sequence in one Invoke.
//   input [time, batch, input_size] (time_major) or [batch, time, input_size],
//   weights and bias as RNN, hidden_state [batch, units] (a variable tensor:
//   the last step's output stays there for the next Invoke)
//   -> output [time, batch, units] or [batch, time, units].
// float32 only (v1). As TFLite: time-major runs each step over all batches;
// batch-major runs each batch row through all its steps (same numbers, the
// rows are independent).
#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/rnn_common.h"

namespace edgelite {
namespace {

class UnidirectionalSequenceRnnOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 5, 5, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 3, 3));
    time_major_ = ctx.options().rnn.time_major;
    time_ = in->shape.dims[time_major_ ? 0 : 1];
    batch_ = in->shape.dims[time_major_ ? 1 : 0];
    EDGELITE_RETURN_IF_ERROR(
        PrepareRnnWeights(ctx, batch_, in->shape.dims[2], &w_));
    Shape out = in->shape;
    out.dims[2] = w_.units;
    return ctx.SetOutputShape(0, out);
  }

  Status Eval(OpContext& ctx) override {
    RnnWeights w = w_;
    w.input_weights = ctx.input(1)->Data<float>();
    w.recurrent_weights = ctx.input(2)->Data<float>();
    w.bias = ctx.input(3)->Data<float>();
    // The hidden state is a variable tensor: the op owns its contents.
    float* h = const_cast<Tensor*>(ctx.input(4))->MutableData<float>();
    const float* x = ctx.input(0)->Data<float>();
    float* out = ctx.output(0)->MutableData<float>();
    const int64_t in_n = w.input_size, out_n = w.units;
    if (time_major_) {
      for (int32_t t = 0; t < time_; ++t) {
        RnnFloatStep(w, batch_, x + t * batch_ * in_n, in_n, h,
                     out + t * batch_ * out_n, out_n);
      }
    } else {
      for (int32_t b = 0; b < batch_; ++b) {
        for (int32_t t = 0; t < time_; ++t) {
          const int64_t row = int64_t{b} * time_ + t;
          RnnFloatStep(w, 1, x + row * in_n, in_n, h + b * out_n,
                       out + row * out_n, out_n);
        }
      }
    }
    return Status::Ok();
  }

 private:
  bool time_major_ = false;
  int32_t time_ = 0, batch_ = 0;
  RnnWeights w_{};
};

}  // namespace

std::unique_ptr<Op> CreateUnidirectionalSequenceRnn() {
  return std::make_unique<UnidirectionalSequenceRnnOp>();
}

}  // namespace edgelite
