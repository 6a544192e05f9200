// One tap of a quantized depthwise convolution with depth multiplier 1:
//   acc[c] += (x[c] − x_zp) · (w[c] − w_zp)   modulo 2^32,  c < n,
// with x, w both int8 or both uint8 and the zero points in their type's range.
//
// Kernel layer (docs/architecture.md): DepthwiseTap8Ref is the reference; the
// SIMD paths (WebAssembly SIMD128, SSE2, NEON) must give the same bits. They
// can: both differences lie in [−255, 255], so they and their product are
// exact in int16/int32, and the accumulation is modular in every path.
// tests/kernels/depthwise8_test.cc compares them.
#ifndef EDGELITE_KERNELS_DEPTHWISE8_H_
#define EDGELITE_KERNELS_DEPTHWISE8_H_

#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define EDGELITE_DW8_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define EDGELITE_DW8_SSE2 1
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#define EDGELITE_DW8_NEON 1
#endif

namespace edgelite {
namespace kernels {

template <typename T>
inline void DepthwiseTap8Ref(const T* x, const T* w, int32_t x_zp, int32_t w_zp,
                             int64_t n, uint32_t* acc) {
  for (int64_t c = 0; c < n; ++c) {
    acc[c] +=
        static_cast<uint32_t>((int32_t{x[c]} - x_zp) * (int32_t{w[c]} - w_zp));
  }
}

template <typename T>
inline void DepthwiseTap8(const T* x, const T* w, int32_t x_zp, int32_t w_zp,
                          int64_t n, uint32_t* acc) {
  static_assert(sizeof(T) == 1, "8-bit operands only");
  int64_t c = 0;
#if defined(EDGELITE_DW8_WASM)
  const v128_t xz = wasm_i16x8_splat(static_cast<int16_t>(x_zp));
  const v128_t wz = wasm_i16x8_splat(static_cast<int16_t>(w_zp));
  for (; c + 8 <= n; c += 8) {
    v128_t xv, wv;
    if (std::is_signed<T>::value) {
      xv = wasm_i16x8_load8x8(x + c);
      wv = wasm_i16x8_load8x8(w + c);
    } else {
      xv = wasm_u16x8_load8x8(x + c);
      wv = wasm_u16x8_load8x8(w + c);
    }
    xv = wasm_i16x8_sub(xv, xz);
    wv = wasm_i16x8_sub(wv, wz);
    const v128_t lo = wasm_i32x4_extmul_low_i16x8(xv, wv);
    const v128_t hi = wasm_i32x4_extmul_high_i16x8(xv, wv);
    wasm_v128_store(acc + c, wasm_i32x4_add(wasm_v128_load(acc + c), lo));
    wasm_v128_store(acc + c + 4,
                    wasm_i32x4_add(wasm_v128_load(acc + c + 4), hi));
  }
#elif defined(EDGELITE_DW8_SSE2)
  const __m128i xz = _mm_set1_epi16(static_cast<int16_t>(x_zp));
  const __m128i wz = _mm_set1_epi16(static_cast<int16_t>(w_zp));
  const __m128i zero = _mm_setzero_si128();
  for (; c + 8 <= n; c += 8) {
    __m128i xb = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(x + c));
    __m128i wb = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(w + c));
    __m128i xv, wv;
    if (std::is_signed<T>::value) {
      xv = _mm_unpacklo_epi8(xb, _mm_cmpgt_epi8(zero, xb));
      wv = _mm_unpacklo_epi8(wb, _mm_cmpgt_epi8(zero, wb));
    } else {
      xv = _mm_unpacklo_epi8(xb, zero);
      wv = _mm_unpacklo_epi8(wb, zero);
    }
    xv = _mm_sub_epi16(xv, xz);
    wv = _mm_sub_epi16(wv, wz);
    // 16x16 → 32-bit products from the low and high halves.
    const __m128i plo = _mm_mullo_epi16(xv, wv);
    const __m128i phi = _mm_mulhi_epi16(xv, wv);
    __m128i* a = reinterpret_cast<__m128i*>(acc + c);
    _mm_storeu_si128(
        a, _mm_add_epi32(_mm_loadu_si128(a), _mm_unpacklo_epi16(plo, phi)));
    _mm_storeu_si128(a + 1, _mm_add_epi32(_mm_loadu_si128(a + 1),
                                          _mm_unpackhi_epi16(plo, phi)));
  }
#elif defined(EDGELITE_DW8_NEON)
  const int16x8_t xz = vdupq_n_s16(static_cast<int16_t>(x_zp));
  const int16x8_t wz = vdupq_n_s16(static_cast<int16_t>(w_zp));
  for (; c + 8 <= n; c += 8) {
    int16x8_t xv, wv;
    if (std::is_signed<T>::value) {
      xv = vmovl_s8(vld1_s8(reinterpret_cast<const int8_t*>(x + c)));
      wv = vmovl_s8(vld1_s8(reinterpret_cast<const int8_t*>(w + c)));
    } else {
      xv = vreinterpretq_s16_u16(
          vmovl_u8(vld1_u8(reinterpret_cast<const uint8_t*>(x + c))));
      wv = vreinterpretq_s16_u16(
          vmovl_u8(vld1_u8(reinterpret_cast<const uint8_t*>(w + c))));
    }
    xv = vsubq_s16(xv, xz);
    wv = vsubq_s16(wv, wz);
    int32_t* a = reinterpret_cast<int32_t*>(acc + c);
    vst1q_s32(a, vmlal_s16(vld1q_s32(a), vget_low_s16(xv), vget_low_s16(wv)));
    vst1q_s32(a + 4, vmlal_s16(vld1q_s32(a + 4), vget_high_s16(xv),
                               vget_high_s16(wv)));
  }
#endif
  DepthwiseTap8Ref(x + c, w + c, x_zp, w_zp, n - c, acc + c);
}

}  // namespace kernels
}  // namespace edgelite

#endif  // EDGELITE_KERNELS_DEPTHWISE8_H_
