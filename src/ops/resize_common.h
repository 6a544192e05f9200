// Checks shared by RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR: a 4-D NHWC
// input, a constant int32 [2] size tensor (new height, new width, both > 0)
// and an output of the input's type.
#ifndef EDGELITE_OPS_RESIZE_COMMON_H_
#define EDGELITE_OPS_RESIZE_COMMON_H_

#include <cstdint>

#include "core/op.h"

namespace edgelite {

struct ResizeGeometry {
  int32_t batches = 0, in_h = 0, in_w = 0, depth = 0;
  int32_t out_h = 0, out_w = 0;
};

// Validates the inputs and the output type, sets the output shape
// [batches, out_h, out_w, depth].
Status PrepareResize(OpContext& ctx, ResizeGeometry* g);

}  // namespace edgelite

#endif  // EDGELITE_OPS_RESIZE_COMMON_H_
