// Helpers shared by the recurrent ops (SVDF, RNN, UNIDIRECTIONAL_SEQUENCE_RNN,
// BIDIRECTIONAL_SEQUENCE_RNN):
// TFLite's ApplyActivationToVector for float vectors and a shape check.
#ifndef EDGELITE_OPS_RNN_COMMON_H_
#define EDGELITE_OPS_RNN_COMMON_H_

#include <cstdint>

#include "core/op.h"
#include "core/status.h"
#include "core/types.h"

namespace edgelite {

// Fails (kUnsupported) for activations TFLite's recurrent kernels lack.
Status CheckRecurrentActivation(const OpContext& ctx, Activation act);
// In place: NONE, RELU, RELU_N1_TO_1, RELU6 clamp; TANH; SIGN_BIT (1 for a
// set sign bit, else 0), as tensor_utils::ApplyActivationToVector.
void ApplyFloatActivationToVector(float* v, int64_t n, Activation act);
// One float RNN time step for `batch` rows, as TFLite's RnnBatchStep:
//   out = act(bias + W_in . x + W_rec . h) (each dot product summed on its
//   own, then added, in that order), then h = out.
// x rows are `x_stride` apart, out rows `out_stride` apart; h is contiguous.
struct RnnWeights {
  const float* input_weights;      // [units, input_size]
  const float* recurrent_weights;  // [units, units]
  const float* bias;               // [units]
  int32_t units, input_size;
  Activation activation;
};
void RnnFloatStep(const RnnWeights& w, int32_t batch, const float* x,
                  int64_t x_stride, float* h, float* out, int64_t out_stride);
// Validates the four inputs input_weights, recurrent_weights, bias and
// hidden_state (inputs first…first+3: 1…4 of RNN and
// UNIDIRECTIONAL_SEQUENCE_RNN, 1…4 and 5…8 of BIDIRECTIONAL_SEQUENCE_RNN)
// against input_size and the state's batch, and output `out`'s type; fills
// `w` except the pointers.
Status PrepareRnnWeights(OpContext& ctx, int32_t batch, int32_t input_size,
                         RnnWeights* w, int first = 1, int out = 0);

// The bidirectional sequence ops (RNN and LSTM): `inputs` inputs, and one
// output with merge_outputs (forward | backward on the last axis), else two.
Status CheckBidirectionalArity(const OpContext& ctx, int inputs, bool merge);

// Fails unless input i has exactly the dims given (rank = count).
Status CheckInputDims(const OpContext& ctx, int i, const char* what,
                      std::initializer_list<int32_t> dims);

}  // namespace edgelite

#endif  // EDGELITE_OPS_RNN_COMMON_H_
