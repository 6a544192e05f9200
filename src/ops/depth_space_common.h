// Shared by SPACE_TO_DEPTH and DEPTH_TO_SPACE (TFLite's DCR layout): a 4-D
// NHWC "space" tensor [n, h, w, c] and its "depth" form
// [n, h/b, w/b, c*b*b], where space element (y, x, k) lives at depth channel
// ((y % b) * b + x % b) * c + k. Elements are opaque bytes.
#ifndef EDGELITE_OPS_DEPTH_SPACE_COMMON_H_
#define EDGELITE_OPS_DEPTH_SPACE_COMMON_H_

#include <cstddef>
#include <cstdint>

#include "core/op.h"
#include "core/status.h"

namespace edgelite {

struct DepthSpacePlan {
  int32_t n = 0, h = 0, w = 0, c = 0;  // the space-form shape
  int32_t block = 1;
  size_t elem_size = 0;
  bool to_depth = false;
};

// Validates the node (one 4-D input of float32, int8, uint8, int32 or int64,
// block_size from the options >= 1 dividing the relevant dims) and sets the
// output shape.
Status PrepareDepthSpace(OpContext& ctx, bool to_depth, DepthSpacePlan* plan);

// Moves the data between the forms in the plan's direction.
void DepthSpace(const DepthSpacePlan& p, const uint8_t* in, uint8_t* out);

}  // namespace edgelite

#endif  // EDGELITE_OPS_DEPTH_SPACE_COMMON_H_
