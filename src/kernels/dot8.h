// 8-bit dot products modulo 2^32, the inner loop of quantized CONV_2D and
// FULLY_CONNECTED: Σ a[k]·b[k] with a, b both int8 or both uint8.
//
// Kernel layer (docs/architecture.md): DotModular8Ref is the reference, the
// spec; the SIMD paths — WebAssembly SIMD128, x86 SSE2, ARM NEON — are chosen
// at compile time and must return exactly the same value. They can: every
// product of two 8-bit values fits in int32, and two's-complement addition
// modulo 2^32 is associative, so summing in any order gives the same bits.
// tests/kernels/dot8_test.cc compares them on random data and edge values;
// the wasm SIMD path is compared with the scalar wasm build by web/test.
#ifndef EDGELITE_KERNELS_DOT8_H_
#define EDGELITE_KERNELS_DOT8_H_

#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define EDGELITE_DOT8_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define EDGELITE_DOT8_SSE2 1
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#define EDGELITE_DOT8_NEON 1
#endif

namespace edgelite {
namespace kernels {

// Which path DotModular8X4 uses in this build ("wasm-simd128", "sse2",
// "neon" or "reference").
inline const char* Dot8Path() {
#if defined(EDGELITE_DOT8_WASM)
  return "wasm-simd128";
#elif defined(EDGELITE_DOT8_SSE2)
  return "sse2";
#elif defined(EDGELITE_DOT8_NEON)
  return "neon";
#else
  return "reference";
#endif
}

// The reference: sums[j] = Σ_k a[k]·b[j·n + k] mod 2^32, j < rows (1..4).
template <typename T>
inline void DotModular8Ref(const T* a, const T* b, int64_t n, int rows,
                           uint32_t* sums) {
  for (int j = 0; j < rows; ++j) {
    uint32_t s = 0;
    for (int64_t k = 0; k < n; ++k) {
      s += static_cast<uint32_t>(int32_t{a[k]} * int32_t{b[j * n + k]});
    }
    sums[j] = s;
  }
}

namespace internal {

#if defined(EDGELITE_DOT8_WASM)
using Vec = v128_t;
// 8 lanes of T → one i16x8 (one load-and-extend instruction).
template <typename T>
inline Vec Widen8(const T* p) {
  return std::is_signed<T>::value ? wasm_i16x8_load8x8(p)
                                  : wasm_u16x8_load8x8(p);
}
// 16 lanes of T → two i16x8 halves. Two load-and-extends are cheaper than
// one load and two extends (extend_high costs an extra shuffle on x86).
template <typename T>
inline void Widen(const T* p, Vec* lo, Vec* hi) {
  *lo = Widen8(p);
  *hi = Widen8(p + 8);
}
inline Vec Zero() { return wasm_i32x4_splat(0); }
inline Vec MulAdd(Vec acc, Vec x, Vec y) {
  return wasm_i32x4_add(acc, wasm_i32x4_dot_i16x8(x, y));
}
inline uint32_t Sum(Vec v) {
  return static_cast<uint32_t>(wasm_i32x4_extract_lane(v, 0)) +
         static_cast<uint32_t>(wasm_i32x4_extract_lane(v, 1)) +
         static_cast<uint32_t>(wasm_i32x4_extract_lane(v, 2)) +
         static_cast<uint32_t>(wasm_i32x4_extract_lane(v, 3));
}
#elif defined(EDGELITE_DOT8_SSE2)
using Vec = __m128i;
template <typename T>
inline void Widen(const T* p, Vec* lo, Vec* hi) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i ext = std::is_signed<T>::value
                          ? _mm_cmpgt_epi8(_mm_setzero_si128(), v)
                          : _mm_setzero_si128();
  *lo = _mm_unpacklo_epi8(v, ext);
  *hi = _mm_unpackhi_epi8(v, ext);
}
template <typename T>
inline Vec Widen8(const T* p) {
  const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
  const __m128i ext = std::is_signed<T>::value
                          ? _mm_cmpgt_epi8(_mm_setzero_si128(), v)
                          : _mm_setzero_si128();
  return _mm_unpacklo_epi8(v, ext);
}
inline Vec Zero() { return _mm_setzero_si128(); }
inline Vec MulAdd(Vec acc, Vec x, Vec y) {
  return _mm_add_epi32(acc, _mm_madd_epi16(x, y));
}
inline uint32_t Sum(Vec v) {
  uint32_t lanes[4];
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes), v);
  return lanes[0] + lanes[1] + lanes[2] + lanes[3];
}
#elif defined(EDGELITE_DOT8_NEON)
using Vec = int32x4_t;
template <typename T>
inline void Widen(const T* p, int16x8_t* lo, int16x8_t* hi) {
  if (std::is_signed<T>::value) {
    const int8x16_t v = vld1q_s8(reinterpret_cast<const int8_t*>(p));
    *lo = vmovl_s8(vget_low_s8(v));
    *hi = vmovl_s8(vget_high_s8(v));
  } else {
    const uint8x16_t v = vld1q_u8(reinterpret_cast<const uint8_t*>(p));
    *lo = vreinterpretq_s16_u16(vmovl_u8(vget_low_u8(v)));
    *hi = vreinterpretq_s16_u16(vmovl_u8(vget_high_u8(v)));
  }
}
template <typename T>
inline int16x8_t Widen8(const T* p) {
  if (std::is_signed<T>::value) {
    return vmovl_s8(vld1_s8(reinterpret_cast<const int8_t*>(p)));
  }
  return vreinterpretq_s16_u16(
      vmovl_u8(vld1_u8(reinterpret_cast<const uint8_t*>(p))));
}
inline Vec Zero() { return vdupq_n_s32(0); }
inline Vec MulAdd(Vec acc, int16x8_t x, int16x8_t y) {
  // Products of 8-bit values fit in int32; the accumulation wraps, which is
  // the modular sum we want (NEON integer adds do not saturate).
  acc = vmlal_s16(acc, vget_low_s16(x), vget_low_s16(y));
  return vmlal_s16(acc, vget_high_s16(x), vget_high_s16(y));
}
inline uint32_t Sum(Vec v) {
  return static_cast<uint32_t>(vgetq_lane_s32(v, 0)) +
         static_cast<uint32_t>(vgetq_lane_s32(v, 1)) +
         static_cast<uint32_t>(vgetq_lane_s32(v, 2)) +
         static_cast<uint32_t>(vgetq_lane_s32(v, 3));
}
#endif

}  // namespace internal

// sums[j] = Σ_k a[k]·b[j·n + k] mod 2^32 for j < 4 (rows 4) or j < 1.
template <typename T, int kRows>
inline void DotModular8(const T* a, const T* b, int64_t n, uint32_t* sums) {
  static_assert(sizeof(T) == 1, "8-bit operands only");
  static_assert(kRows == 1 || kRows == 4, "1 or 4 rows");
  int64_t k = 0;
#if defined(EDGELITE_DOT8_WASM) || defined(EDGELITE_DOT8_SSE2) || \
    defined(EDGELITE_DOT8_NEON)
  using internal::Vec;
#if defined(EDGELITE_DOT8_NEON)
  using Half = int16x8_t;
#else
  using Half = Vec;
#endif
  Vec acc[kRows];
  for (int j = 0; j < kRows; ++j) acc[j] = internal::Zero();
  for (; k + 16 <= n; k += 16) {
    Half alo, ahi;
    internal::Widen(a + k, &alo, &ahi);
    for (int j = 0; j < kRows; ++j) {
      Half blo, bhi;
      internal::Widen(b + j * n + k, &blo, &bhi);
      acc[j] = internal::MulAdd(acc[j], alo, blo);
      acc[j] = internal::MulAdd(acc[j], ahi, bhi);
    }
  }
  if (k + 8 <= n) {  // depths like 24, 40 and 27 (3×3×3) leave 8 or more
    const Half a8 = internal::Widen8(a + k);
    for (int j = 0; j < kRows; ++j) {
      acc[j] = internal::MulAdd(acc[j], a8, internal::Widen8(b + j * n + k));
    }
    k += 8;
  }
  for (int j = 0; j < kRows; ++j) sums[j] = internal::Sum(acc[j]);
#else
  for (int j = 0; j < kRows; ++j) sums[j] = 0;
#endif
  for (; k < n; ++k) {
    const int32_t v = a[k];
    for (int j = 0; j < kRows; ++j) {
      sums[j] += static_cast<uint32_t>(v * int32_t{b[j * n + k]});
    }
  }
}

}  // namespace kernels
}  // namespace edgelite

#endif  // EDGELITE_KERNELS_DOT8_H_
