// Shared by PAD, PADV2 and MIRROR_PAD: the paddings matrix, the output shape
// and type-agnostic byte copies (every element is `elem_size` opaque bytes,
// so one code path serves every dtype).
#ifndef EDGELITE_OPS_PAD_COMMON_H_
#define EDGELITE_OPS_PAD_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/op.h"
#include "core/status.h"
#include "core/types.h"

namespace edgelite {

struct PadPlan {
  int rank = 0;
  int32_t in_dims[kMaxRank] = {};
  int32_t out_dims[kMaxRank] = {};
  int32_t before[kMaxRank] = {};  // padding before each dim
  int32_t after[kMaxRank] = {};   // padding after each dim
  size_t elem_size = 0;
};

// Checks that output 0 has input 0's type and that the rank is at most
// `max_rank`, reads the constant paddings (input 1, int32 or int64, shape
// [rank, 2], non-negative), computes and sets the output shape.
Status PreparePadShape(OpContext& ctx, int max_rank, PadPlan* plan);

// Fills the output with `value` (elem_size bytes) and copies the input into
// its padded position.
void ConstantPad(const PadPlan& plan, const uint8_t* in, uint8_t* out,
                 const uint8_t* value);

// Gathers every output element from the input: `map` holds, dim after dim,
// the input coordinate of each output coordinate (out_dims[d] entries per
// dim). Used by MIRROR_PAD.
void GatherPad(const PadPlan& plan, const int32_t* map, const uint8_t* in,
               uint8_t* out);

// PAD and PADV2 share one implementation (TFLite registers the same kernel
// for both); defined in pad.cc.
std::unique_ptr<Op> CreateConstantPadOp();

}  // namespace edgelite

#endif  // EDGELITE_OPS_PAD_COMMON_H_
