// Shared by SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND: both work on 3-D
// [batch, height, channels] or 4-D [batch, height, width, channels] tensors
// (TFLite's limit), the 3-D case being 4-D with width 1 and block width 1.
// Elements are opaque `elem_size` bytes.
#ifndef EDGELITE_OPS_SPACE_BATCH_COMMON_H_
#define EDGELITE_OPS_SPACE_BATCH_COMMON_H_

#include <cstddef>
#include <cstdint>

#include "core/op.h"
#include "core/status.h"

namespace edgelite {

struct SpaceBatchPlan {
  int32_t in_n = 0, in_h = 0, in_w = 1, depth = 0;
  int32_t out_n = 0, out_h = 0, out_w = 1;
  int32_t block_h = 1, block_w = 1;
  // Paddings (SPACE_TO_BATCH_ND) or crops (BATCH_TO_SPACE_ND) before height
  // and width.
  int32_t before_h = 0, before_w = 0;
  size_t elem_size = 0;
  uint8_t fill = 0;  // byte written into padded positions
};

// Validates the node (arity, types, rank 3 or 4, constant block shape input 1
// with values >= 1, constant [M, 2] paddings/crops input 2 with values >= 0),
// computes the output shape and sets it. `to_batch` selects SPACE_TO_BATCH_ND.
Status PrepareSpaceBatch(OpContext& ctx, bool to_batch, SpaceBatchPlan* plan);

void SpaceToBatch(const SpaceBatchPlan& p, const uint8_t* in, uint8_t* out);
void BatchToSpace(const SpaceBatchPlan& p, const uint8_t* in, uint8_t* out);

}  // namespace edgelite

#endif  // EDGELITE_OPS_SPACE_BATCH_COMMON_H_
