// Shared machinery of the shape and data-movement ops (SLICE, STRIDED_SLICE,
// TRANSPOSE, TILE, BROADCAST_TO, REVERSE_V2, GATHER, SPLIT, …). These ops
// never look at values, only move elements, so everything works on raw bytes
// of the element size: one copy loop serves every dtype, which keeps the wasm
// small.
#ifndef EDGELITE_OPS_COPY_UTIL_H_
#define EDGELITE_OPS_COPY_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/op.h"
#include "core/status.h"
#include "core/tensor.h"
#include "core/types.h"

// For code that runs once per model load (Prepare and its checks): optimize
// it for size, not speed. The build is -O3 everywhere; without this the
// error paths and small loops of Prepare get inlined and unrolled into
// kilobytes of wasm per op.
#if defined(__clang__)
#define EDGELITE_PREPARE_CODE __attribute__((minsize))
#else
#define EDGELITE_PREPARE_CODE __attribute__((cold))
#endif

namespace edgelite {

// A dense row-major output filled from the input by an N-d strided walk:
// output element (i0, …, in-1) comes from input byte offset
// `offset + Σ ik·stride[k]` and is `elem` bytes long. Strides are in bytes and
// may be negative (REVERSE_V2, negative STRIDED_SLICE steps) or zero
// (broadcasting, tiling). TILE splits every dimension in two, hence twice the
// rank.
struct StridedCopyPlan {
  static constexpr int kMaxDims = 2 * kMaxRank;
  int rank = 0;
  int64_t count[kMaxDims] = {};
  int64_t stride[kMaxDims] = {};
  int64_t offset = 0;
  size_t elem = 0;

  // Appends an output dimension of `n` elements whose input step is `step`
  // bytes.
  void Push(int64_t n, int64_t step) {
    count[rank] = n;
    stride[rank] = step;
    ++rank;
  }
  // Merges dimensions that walk memory contiguously so the inner loop copies
  // the largest possible blocks; drops size-1 dimensions. Call once, in
  // Prepare, after the last Push.
  EDGELITE_PREPARE_CODE void Simplify();
  // Number of output elements of `elem` bytes (after Simplify: of blocks).
  int64_t Elements() const;
};

// Runs the plan. `out` receives Elements() · elem bytes.
void StridedCopy(const StridedCopyPlan& plan, const uint8_t* in, uint8_t* out);

// Byte strides of a dense row-major tensor of `shape` with `elem`-byte
// elements.
EDGELITE_PREPARE_CODE void DenseByteStrides(const Shape& shape, size_t elem,
                                            int64_t* strides);

// printf-style errors "op 3 (SLICE v1): [input 1 (tensor 5 'begin'): ]…",
// out of line and cold so that the many refusals of these ops cost a call,
// not inlined string building, at each site.
[[gnu::cold]] EDGELITE_PREPARE_CODE Status OpErrorF(const OpContext& ctx,
                                                    StatusCode code,
                                                    const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));
[[gnu::cold]] EDGELITE_PREPARE_CODE Status InputErrorF(const OpContext& ctx,
                                                       StatusCode code, int i,
                                                       const char* fmt, ...)
    __attribute__((format(printf, 4, 5)));
[[gnu::cold]] EDGELITE_PREPARE_CODE Status OutputErrorF(const OpContext& ctx,
                                                        StatusCode code, int i,
                                                        const char* fmt, ...)
    __attribute__((format(printf, 4, 5)));

// Element size of a tensor's dtype, failing for types that have none
// (strings).
EDGELITE_PREPARE_CODE Status ElementSize(const OpContext& ctx, const Tensor* t,
                                         bool is_input, int i, size_t* size);

// Reads element i of an int16/int32/int64 tensor (indices, shapes, axes).
// Out of line: one copy of the type switch instead of one per loop.
int64_t ReadIndex(const Tensor* t, int64_t i);

// Fails unless input i is an int32 or int64 tensor (also int16 when
// `allow_int16`).
EDGELITE_PREPARE_CODE Status CheckIndexType(const OpContext& ctx, int i,
                                            bool allow_int16 = false);

// Input i must be a constant int32/int64 tensor (the op's output shape
// depends on its values and edgelite plans memory before Invoke). `what`
// names it in the error ("shape", "begin", "multiples"). On success `values`
// holds its elements.
EDGELITE_PREPARE_CODE Status ReadConstantIndices(const OpContext& ctx, int i,
                                                 const char* what,
                                                 std::vector<int64_t>* values);

// Fails unless input `in` and output `out` have the same per-tensor scale and
// zero point (ops that TFLite refuses to requantize: PACK, UNPACK, FILL).
EDGELITE_PREPARE_CODE Status CheckSameQuantization(const OpContext& ctx, int in,
                                                   int out);

// Fails unless output `out` has the type of input `in`.
EDGELITE_PREPARE_CODE Status CheckOutputType(OpContext& ctx, int in, int out);

// Writes `n` copies of the `elem`-byte value to `out`.
void FillBytes(uint8_t* out, const uint8_t* value, size_t elem, int64_t n);

// Copies `outer` rows of `row_bytes` bytes from `in` (rows `in_pitch` bytes
// apart) to `out` (rows `out_pitch` bytes apart): the strided block copy of
// PACK, UNPACK, SPLIT and SPLIT_V.
void CopyRows(const uint8_t* in, int64_t in_pitch, uint8_t* out,
              int64_t out_pitch, int64_t outer, size_t row_bytes);

// SPLIT and SPLIT_V: sets output i to `in`'s shape with `sizes[i]` along
// `axis` (the sizes must add up to that dimension) and records the row
// layout for SplitEval.
struct SplitLayout {
  int64_t outer = 0;                 // rows before the axis
  int64_t in_pitch = 0;              // bytes of one input row
  std::vector<int64_t> piece_bytes;  // bytes of one row of output i
};
EDGELITE_PREPARE_CODE Status PrepareSplit(OpContext& ctx, const Tensor* in,
                                          int axis,
                                          const std::vector<int64_t>& sizes,
                                          SplitLayout* layout);
void SplitEval(OpContext& ctx, const Tensor* in, const SplitLayout& layout);

// "[1, 2, 3]" for error messages.
EDGELITE_PREPARE_CODE std::string IndicesToString(
    const std::vector<int64_t>& v);

}  // namespace edgelite

#endif  // EDGELITE_OPS_COPY_UTIL_H_
