// Code between EDGELITE_OPTIMIZE_FOR_SIZE_BEGIN and _END is compiled for size
// (clang's minsize) inside a source file the wasm build compiles at -O3 (the
// hot ops, CMakeLists.txt EDGELITE_HOT_OPS): for validation and one-off
// Prepare-time code next to hot loops, -O3's unrolling and inlining only grow
// the module (conv_common.cc: 3 KB raw / 1 KB gzip).
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
