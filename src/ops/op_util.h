// Helpers shared by op implementations: type/rank checks with good messages,
// TFLite's padding arithmetic, broadcasting shapes.
#ifndef EDGELITE_OPS_OP_UTIL_H_
#define EDGELITE_OPS_OP_UTIL_H_

#include <cstdint>
#include <string>

#include "core/op.h"
#include "core/status.h"
#include "core/tensor.h"
#include "core/types.h"

namespace edgelite {

// Fails unless the node has between min and max inputs / exactly n outputs.
Status CheckArity(const OpContext& ctx, int min_inputs, int max_inputs,
                  int num_outputs);
// Fails when the input is absent (an optional input given as -1).
Status RequireInput(const OpContext& ctx, int i, const Tensor** out);
// Fails unless input i has the given rank (or rank range).
Status CheckInputRank(const OpContext& ctx, int i, int min_rank, int max_rank);
// Fails unless input i has type `t`.
Status CheckInputType(const OpContext& ctx, int i, DataType t);
// Fails unless the tensor carries per-tensor quantization (one scale).
Status RequirePerTensorQuant(const OpContext& ctx, const Tensor* t,
                             bool is_input, int i);
// Fails unless input and output 0 have the same type.
Status CheckSameTypeInOut(OpContext& ctx, int input, int output);

// TFLite ComputeOutSize. Returns <= 0 for an empty or invalid window.
int32_t ComputeOutSize(Padding padding, int32_t in_size, int32_t filter_size,
                       int32_t stride, int32_t dilation);

struct PaddingValues {
  int32_t width = 0, height = 0;
  int32_t width_offset = 0, height_offset = 0;  // extra padding at the end
};
// TFLite ComputePaddingHeightWidth; also returns the output size.
PaddingValues ComputePadding(int32_t stride_h, int32_t stride_w,
                             int32_t dilation_h, int32_t dilation_w,
                             int32_t in_h, int32_t in_w, int32_t filter_h,
                             int32_t filter_w, Padding padding, int32_t* out_h,
                             int32_t* out_w);

// NumPy-style broadcast of two shapes; fails with a message naming both.
Status BroadcastShapes(const OpContext& ctx, const Shape& a, const Shape& b,
                       Shape* out);

// Normalizes a possibly negative axis against `rank`; false if out of range.
bool NormalizeAxis(int32_t axis, int rank, int* out);

}  // namespace edgelite

#endif  // EDGELITE_OPS_OP_UTIL_H_
