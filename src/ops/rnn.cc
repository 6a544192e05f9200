// RNN (basic, fully connected): one time step per Invoke.
//   input [batch, input_size], input_weights [units, input_size],
//   recurrent_weights [units, units], bias [units], hidden_state
//   [batch, units] (a variable tensor kept across Invokes)
//   -> output [batch, units] = act(bias + W_in.x + W_rec.h); h = output.
// float32 only (v1), as TFLite's RnnBatchStep (see rnn_common.cc); the hybrid
// int8-weight versions (v2, v3) are not registered.
#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/rnn_common.h"

namespace edgelite {
namespace {

class RnnOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 5, 5, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 2, 2));
    batch_ = in->shape.dims[0];
    EDGELITE_RETURN_IF_ERROR(
        PrepareRnnWeights(ctx, batch_, in->shape.dims[1], &w_));
    return ctx.SetOutputShape(0, Shape({batch_, w_.units}));
  }

  Status Eval(OpContext& ctx) override {
    RnnWeights w = w_;
    w.input_weights = ctx.input(1)->Data<float>();
    w.recurrent_weights = ctx.input(2)->Data<float>();
    w.bias = ctx.input(3)->Data<float>();
    // The hidden state is a variable tensor: the op owns its contents.
    float* h = const_cast<Tensor*>(ctx.input(4))->MutableData<float>();
    RnnFloatStep(w, batch_, ctx.input(0)->Data<float>(), w.input_size, h,
                 ctx.output(0)->MutableData<float>(), w.units);
    return Status::Ok();
  }

 private:
  int32_t batch_ = 0;
  RnnWeights w_{};
};

}  // namespace

std::unique_ptr<Op> CreateRnn() { return std::make_unique<RnnOp>(); }

}  // namespace edgelite
