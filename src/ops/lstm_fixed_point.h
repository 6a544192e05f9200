// Fixed-point helpers of TFLite's integer LSTM (lstm_eval.cc "8x8_16" path,
// portable_tensor_utils): gemmlowp's 16-bit logistic and tanh, the layer-norm
// inverse square root, and the power-of-two check of the cell-state scale.
// They reproduce gemmlowp's int16 FixedPoint<int16_t, N> arithmetic bit for
// bit, including its wrap-around int16 additions and negations.
#ifndef EDGELITE_OPS_LSTM_FIXED_POINT_H_
#define EDGELITE_OPS_LSTM_FIXED_POINT_H_

#include <cstdint>

namespace edgelite {
namespace lstm {

// gemmlowp::logistic(FixedPoint<int16_t, 3>::FromRaw(x)).raw(): a Q3.12 input,
// a Q0.15 result.
int16_t LogisticQ3(int16_t x);
// gemmlowp::tanh(FixedPoint<int16_t, integer_bits>::FromRaw(x)).raw(), Q0.15
// result; integer_bits in [0, 6] (what TFLite's ApplyTanh dispatches).
int16_t TanhInt16(int16_t x, int integer_bits);

// TFLite GetInvSqrtQuantizedMultiplierExp(input, reverse_shift = -1): 1 /
// sqrt(input) as a Q31 multiplier and a left shift.
void InvSqrtQuantizedMultiplier(int32_t input, int32_t* multiplier, int* shift);

// TFLite CheckedLog2: true when x is a power of two (to 1e-3 in log2), with
// the rounded log2 in *log2.
bool CheckedLog2(float x, int* log2);

}  // namespace lstm
}  // namespace edgelite

#endif  // EDGELITE_OPS_LSTM_FIXED_POINT_H_
