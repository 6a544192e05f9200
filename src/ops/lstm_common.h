// The LSTM cell shared by LSTM (one time step, input [batch, input]),
// UNIDIRECTIONAL_SEQUENCE_LSTM (input [time, batch, input] when time_major,
// else [batch, time, input]) and BIDIRECTIONAL_SEQUENCE_LSTM (two cells, the
// second over the reversed sequence). See lstm_common.cc for the arithmetic.
#ifndef EDGELITE_OPS_LSTM_COMMON_H_
#define EDGELITE_OPS_LSTM_COMMON_H_

#include <memory>

#include "core/op.h"

namespace edgelite {

enum class LstmKind : int8_t { kLstm, kSequence, kBidirectional };

std::unique_ptr<Op> CreateLstmOp(LstmKind kind);

}  // namespace edgelite

#endif  // EDGELITE_OPS_LSTM_COMMON_H_
