// UNIDIRECTIONAL_SEQUENCE_LSTM: an LSTM over a sequence, input [time, batch,
// input] (time_major) or [batch, time, input], output [..., outputs]; float32,
// hybrid (int8 weights) and integer 8x8→16. The cell and its arithmetic are
// shared with LSTM in ops/lstm_common.cc.
#include "core/op.h"
#include "ops/lstm_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateUnidirectionalSequenceLstm() {
  return CreateLstmOp(LstmKind::kSequence);
}

}  // namespace edgelite
