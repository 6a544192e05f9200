// Reading small constant integer inputs (axes, paddings, block shapes, crops)
// in Prepare. Ops whose output shape depends on these values need them before
// Invoke because edgelite plans memory ahead of time.
#ifndef EDGELITE_OPS_CONST_INTS_H_
#define EDGELITE_OPS_CONST_INTS_H_

#include <cstdint>
#include <vector>

#include "core/op.h"
#include "core/status.h"

namespace edgelite {

// Reads input `i` (int32 or int64) into `out`. Fails with kUnsupported when
// the tensor is not constant, kInvalidModel when absent or of another type.
// `what` names the input in messages ("axis", "paddings", …).
Status ReadConstInts(const OpContext& ctx, int i, const char* what,
                     std::vector<int64_t>* out);

// Reads input `i` as a [rows, 2] matrix of non-negative pairs (paddings,
// crops). Fails unless its shape is exactly [rows, 2] and every value is in
// [0, 2^31).
Status ReadConstPairs(const OpContext& ctx, int i, const char* what, int rows,
                      std::vector<int64_t>* out);

}  // namespace edgelite

#endif  // EDGELITE_OPS_CONST_INTS_H_
