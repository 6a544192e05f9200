// LSTM (the FULL kernel; BASIC is rejected): one time step, input [batch,
// input], output [batch, outputs]; float32, hybrid (int8 weights) and integer
// 8x8→16. The cell and its arithmetic are shared with
// UNIDIRECTIONAL_SEQUENCE_LSTM in ops/lstm_common.cc.
#include "core/op.h"
#include "ops/lstm_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateLstm() { return CreateLstmOp(LstmKind::kLstm); }

}  // namespace edgelite
