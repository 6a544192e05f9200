// Code between EDGELITE_OPTIMIZE_FOR_SIZE_BEGIN and _END is compiled for size
// (clang's minsize) instead of the build's -O3: for ops whose time goes into
// shared out-of-line kernels (conv_common.h, src/kernels) or that are cold,
// -O3's unrolling and inlining of the control code only grows the wasm
// (measured: BATCH_MATMUL + TRANSPOSE_CONV 13 KB raw / 3.6 KB gzip smaller).
// The arithmetic is unchanged: the build contracts no floating-point
// operations (-ffp-contract=off) at any optimization level. GCC (native
// builds) ignores it.
#ifndef EDGELITE_OPS_OPTIMIZE_FOR_SIZE_H_
#define EDGELITE_OPS_OPTIMIZE_FOR_SIZE_H_

// clang-format off
#if defined(__clang__)
#define EDGELITE_OPTIMIZE_FOR_SIZE_BEGIN \
  _Pragma("clang attribute push(__attribute__((minsize)), apply_to = function)")
#define EDGELITE_OPTIMIZE_FOR_SIZE_END _Pragma("clang attribute pop")
#else
#define EDGELITE_OPTIMIZE_FOR_SIZE_BEGIN
#define EDGELITE_OPTIMIZE_FOR_SIZE_END
#endif
// clang-format on

#endif  // EDGELITE_OPS_OPTIMIZE_FOR_SIZE_H_
