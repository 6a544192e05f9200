// BIDIRECTIONAL_SEQUENCE_RNN (kernels/bidirectional_sequence_rnn.cc): a
// forward and a backward basic RNN over one sequence.
//   input [time, batch, input] (time_major) or [batch, time, input];
//   inputs 1…4 the forward cell's input_weights, recurrent_weights, bias and
//   hidden_state (a variable tensor), 5…8 the backward cell's; 9 an optional
//   auxiliary input, 10 and 11 its weights
//   -> merge_outputs: one output [..., fw_units + bw_units] (fw | bw on the
//   last axis); else a forward output [..., fw_units] and a backward one.
// float32 only (v1), each step TFLite's RnnBatchStep (ops/rnn_common.cc); the
// backward cell visits the time steps last to first.
// Kept TFLite quirk: without merge_outputs the backward output's shape is
// [batch, time, bw_units] even when time_major, while its data are laid out
// time-major like the forward output's ([time, batch, bw_units] order).
// An auxiliary input without auxiliary weights is the backward cell's input
// (TFLite's "non-stacking" mode) when time-major; TFLite's batch-major loop
// ignores it and feeds the backward cell the main input, and so do we.
// Auxiliary weights (the cross-linked stacking) are refused.
#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/rnn_common.h"

namespace edgelite {
namespace {

constexpr int kInput = 0, kFwFirst = 1, kBwFirst = 5, kAuxInput = 9,
              kFwAuxWeights = 10, kBwAuxWeights = 11;

class BidirectionalSequenceRnnOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    const RnnOptions& o = ctx.options().rnn;
    merge_ = o.merge_outputs;
    time_major_ = o.time_major;
    EDGELITE_RETURN_IF_ERROR(CheckBidirectionalArity(ctx, 12, merge_));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kInput, &in));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, kInput, 3, 3));
    for (int i : {kFwAuxWeights, kBwAuxWeights}) {
      if (ctx.input(i) != nullptr) {
        return ctx.InputError(
            StatusCode::kUnsupported, i,
            "auxiliary input weights (inputs 10 and 11, the cross-linked "
            "stacking of stack_bidirectional_rnn) are not supported");
      }
    }
    bw_input_ = kInput;
    const Tensor* aux = ctx.input(kAuxInput);
    if (aux != nullptr) {
      if (aux->type != DataType::kFloat32 || aux->shape != in->shape) {
        return ctx.InputError(
            StatusCode::kInvalidModel, kAuxInput,
            StrFormat("the auxiliary input (the backward cell's input) must "
                      "be float32 of the input's shape %s, got %s %s",
                      in->shape.ToString().c_str(), DataTypeName(aux->type),
                      aux->shape.ToString().c_str()));
      }
      // TFLite's batch-major loop reads the main input for the backward
      // cell regardless (measured against tfjs-tflite).
      if (time_major_) bw_input_ = kAuxInput;
    }
    time_ = in->shape.dims[time_major_ ? 0 : 1];
    batch_ = in->shape.dims[time_major_ ? 1 : 0];
    const int32_t input_size = in->shape.dims[2];
    EDGELITE_RETURN_IF_ERROR(
        PrepareRnnWeights(ctx, batch_, input_size, &fw_, kFwFirst, 0));
    EDGELITE_RETURN_IF_ERROR(PrepareRnnWeights(ctx, batch_, input_size, &bw_,
                                               kBwFirst, merge_ ? 0 : 1));
    Shape out = in->shape;
    out.dims[2] = fw_.units + (merge_ ? bw_.units : 0);
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, out));
    if (!merge_) {
      EDGELITE_RETURN_IF_ERROR(
          ctx.SetOutputShape(1, Shape({batch_, time_, bw_.units})));
    }
    return Status::Ok();
  }

  Status Eval(OpContext& ctx) override {
    const int64_t width = merge_ ? fw_.units + bw_.units : fw_.units;
    float* out0 = ctx.output(0)->MutableData<float>();
    Run(ctx, fw_, kFwFirst, ctx.input(kInput)->Data<float>(), out0, width,
        true);
    float* bw_out =
        merge_ ? out0 + fw_.units : ctx.output(1)->MutableData<float>();
    Run(ctx, bw_, kBwFirst, ctx.input(bw_input_)->Data<float>(), bw_out,
        merge_ ? width : bw_.units, false);
    return Status::Ok();
  }

 private:
  // One direction over the whole sequence; output rows `width` apart.
  void Run(OpContext& ctx, const RnnWeights& prepared, int first,
           const float* x, float* out, int64_t width, bool forward) {
    RnnWeights w = prepared;
    w.input_weights = ctx.input(first)->Data<float>();
    w.recurrent_weights = ctx.input(first + 1)->Data<float>();
    w.bias = ctx.input(first + 2)->Data<float>();
    // The hidden state is a variable tensor: the op owns its contents.
    float* h = const_cast<Tensor*>(ctx.input(first + 3))->MutableData<float>();
    const int64_t in_n = w.input_size;
    if (time_major_) {
      for (int32_t i = 0; i < time_; ++i) {
        const int64_t t = forward ? i : time_ - 1 - i;
        RnnFloatStep(w, batch_, x + t * batch_ * in_n, in_n, h,
                     out + t * batch_ * width, width);
      }
    } else {
      for (int32_t b = 0; b < batch_; ++b) {
        for (int32_t i = 0; i < time_; ++i) {
          const int64_t row =
              int64_t{b} * time_ + (forward ? i : time_ - 1 - i);
          RnnFloatStep(w, 1, x + row * in_n, in_n, h + int64_t{b} * w.units,
                       out + row * width, width);
        }
      }
    }
  }

  bool merge_ = false, time_major_ = false;
  int bw_input_ = kInput;
  int32_t time_ = 0, batch_ = 0;
  RnnWeights fw_{}, bw_{};
};

}  // namespace

std::unique_ptr<Op> CreateBidirectionalSequenceRnn() {
  return std::make_unique<BidirectionalSequenceRnnOp>();
}

}  // namespace edgelite
