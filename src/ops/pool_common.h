// Shared Prepare for AVERAGE_POOL_2D and MAX_POOL_2D: validation, TFLite's
// SAME/VALID padding, output shape and the activation range. The two ops
// differ only in their window reduction, which lives in their own files.
#ifndef EDGELITE_OPS_POOL_COMMON_H_
#define EDGELITE_OPS_POOL_COMMON_H_

#include <cstdint>

#include "core/op.h"
#include "core/status.h"
#include "core/types.h"

namespace edgelite {

// Everything Eval needs, computed once in Prepare. NHWC layout throughout.
struct PoolPlan {
  DataType type = DataType::kFloat32;
  int32_t batches = 0, in_h = 0, in_w = 0, channels = 0;
  int32_t out_h = 0, out_w = 0;
  int32_t filter_h = 1, filter_w = 1;
  int32_t stride_h = 1, stride_w = 1;
  // Padding before the first row/column (TFLite puts the odd extra pixel of
  // SAME padding at the end, which needs no bookkeeping: windows are clipped
  // to the input).
  int32_t pad_h = 0, pad_w = 0;
  // Fused activation: float bounds for float32, quantized bounds (TFLite's
  // CalculateActivationRangeQuantized on the output) for int8/uint8.
  float float_min = 0.0f, float_max = 0.0f;
  int32_t quant_min = 0, quant_max = 0;
};

// Validates a pooling node and fills `plan`; sets the output shape.
// Accepts float32, int8 and uint8 with rank-4 NHWC input. Quantized input and
// output must carry per-tensor quantization with the same zero point and
// scales within TFLite's tolerance (1e-6 absolute): TFLite's pooling kernels
// never requantize, so a mismatch would silently reinterpret the output.
// Rejects int16 (valid TFLite, not implemented) with kUnsupported.
Status PreparePool(OpContext& ctx, PoolPlan* plan);

// Clipped window of one output position along one axis: [start, end) in
// filter coordinates, i.e. input index = origin + f for f in [start, end).
struct PoolWindow {
  int32_t origin = 0;
  int32_t start = 0;
  int32_t end = 0;
};
inline PoolWindow ClipPoolWindow(int32_t out_index, int32_t stride, int32_t pad,
                                 int32_t filter, int32_t in_size) {
  PoolWindow w;
  w.origin = out_index * stride - pad;
  w.start = w.origin < 0 ? -w.origin : 0;
  const int32_t limit = in_size - w.origin;
  w.end = filter < limit ? filter : limit;
  return w;
}

}  // namespace edgelite

#endif  // EDGELITE_OPS_POOL_COMMON_H_
