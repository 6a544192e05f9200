// BIDIRECTIONAL_SEQUENCE_LSTM: a forward and a backward LSTM over one
// sequence (input [time, batch, input] when time_major, else [batch, time,
// input]); merge_outputs concatenates their outputs on the last axis, else
// two outputs. float32 and hybrid (int8 weights, time-major). The cells and
// their arithmetic are shared with LSTM in ops/lstm_common.cc.
#include "core/op.h"
#include "ops/lstm_common.h"
#include "ops/ops.h"

namespace edgelite {

std::unique_ptr<Op> CreateBidirectionalSequenceLstm() {
  return CreateLstmOp(LstmKind::kBidirectional);
}

}  // namespace edgelite
