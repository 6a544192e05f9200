// Σ a[k] modulo 2^32 over 8-bit values (int8 or uint8): the weight sums a
// quantized convolution folds into its bias once at load, and the input sums
// of uint8 models with a non-zero filter zero point.
//
// Kernel layer (docs/architecture.md): SumModular8Ref is the reference; the
// WebAssembly SIMD128, SSE2 and NEON paths give the same bits (integer sums,
// modular in every path). tests/kernels/sum8_test.cc compares them.
#ifndef EDGELITE_KERNELS_SUM8_H_
#define EDGELITE_KERNELS_SUM8_H_

#include <cstdint>
#include <type_traits>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define EDGELITE_SUM8_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define EDGELITE_SUM8_SSE2 1
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#define EDGELITE_SUM8_NEON 1
#endif

namespace edgelite {
namespace kernels {

template <typename T>
inline uint32_t SumModular8Ref(const T* a, int64_t n) {
  uint32_t sum = 0;
  for (int64_t k = 0; k < n; ++k) sum += static_cast<uint32_t>(int32_t{a[k]});
  return sum;
}

template <typename T>
inline uint32_t SumModular8(const T* a, int64_t n) {
  static_assert(sizeof(T) == 1, "8-bit values only");
  [[maybe_unused]] constexpr bool kSigned = std::is_signed<T>::value;
  int64_t k = 0;
  uint32_t sum = 0;
#if defined(EDGELITE_SUM8_WASM)
  v128_t acc = wasm_i32x4_splat(0);
  for (; k + 16 <= n; k += 16) {
    const v128_t v = wasm_v128_load(a + k);
    acc =
        wasm_i32x4_add(acc, kSigned ? wasm_i32x4_extadd_pairwise_i16x8(
                                          wasm_i16x8_extadd_pairwise_i8x16(v))
                                    : wasm_u32x4_extadd_pairwise_u16x8(
                                          wasm_u16x8_extadd_pairwise_u8x16(v)));
  }
  sum = static_cast<uint32_t>(wasm_i32x4_extract_lane(acc, 0)) +
        static_cast<uint32_t>(wasm_i32x4_extract_lane(acc, 1)) +
        static_cast<uint32_t>(wasm_i32x4_extract_lane(acc, 2)) +
        static_cast<uint32_t>(wasm_i32x4_extract_lane(acc, 3));
#elif defined(EDGELITE_SUM8_SSE2)
  // _mm_sad_epu8 against zero sums unsigned bytes; signed bytes are biased
  // by +128 (x ^ 0x80) and the bias taken off at the end.
  const __m128i bias = _mm_set1_epi8(static_cast<char>(0x80));
  __m128i acc = _mm_setzero_si128();
  int64_t blocks = 0;
  for (; k + 16 <= n; k += 16, ++blocks) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + k));
    if (kSigned) v = _mm_xor_si128(v, bias);
    acc = _mm_add_epi64(acc, _mm_sad_epu8(v, _mm_setzero_si128()));
  }
  uint64_t lanes[2];
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes), acc);
  sum = static_cast<uint32_t>(lanes[0] + lanes[1]);
  if (kSigned) sum -= static_cast<uint32_t>(blocks) * (16u * 128u);
#elif defined(EDGELITE_SUM8_NEON)
  if (kSigned) {
    int32x4_t acc = vdupq_n_s32(0);
    for (; k + 16 <= n; k += 16) {
      acc = vpadalq_s16(
          acc, vpaddlq_s8(vld1q_s8(reinterpret_cast<const int8_t*>(a + k))));
    }
    sum = static_cast<uint32_t>(vaddvq_s32(acc));
  } else {
    uint32x4_t acc = vdupq_n_u32(0);
    for (; k + 16 <= n; k += 16) {
      acc = vpadalq_u16(
          acc, vpaddlq_u8(vld1q_u8(reinterpret_cast<const uint8_t*>(a + k))));
    }
    sum = vaddvq_u32(acc);
  }
#endif
  return sum + SumModular8Ref(a + k, n - k);
}

}  // namespace kernels
}  // namespace edgelite

#endif  // EDGELITE_KERNELS_SUM8_H_
