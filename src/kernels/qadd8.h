// Quantized 8-bit ADD/SUB rows with XNNPACK's fixed-point arithmetic (the
// qs8-vadd / qu8-vadd "minmax" kernels TFLite's delegate runs):
//   acc = bias + a·a_m + b·b_m        (int32, wrapping, as XNNPACK's int32
//   lanes) out = clamp((acc >> shift) + out_zp, qmin, qmax)   (arithmetic
//   shift)
// SUB is the same with b_m negated. b is either a row (b_step 1) or one value
// broadcast along the row (b_step 0).
//
// Kernel layer (docs/architecture.md): QAdd8Ref is the reference; the SIMD
// paths (WebAssembly SIMD128, SSE2, NEON; chosen at compile time) compute the
// same int32 lanes and saturate to int16 before clamping, which cannot change
// a result because [qmin, qmax] lies inside int16. tests/kernels/qadd8_test.cc
// compares them bit for bit; web/test compares the SIMD and scalar wasm.
// Measured on a 56x56x24 int8 row (best of 30): wasm SIMD128 118 -> 50 us,
// SSE2 78 -> 46 us against the reference loop.
#ifndef EDGELITE_KERNELS_QADD8_H_
#define EDGELITE_KERNELS_QADD8_H_

#include <cstdint>
#include <type_traits>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define EDGELITE_QADD8_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define EDGELITE_QADD8_SSE2 1
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#define EDGELITE_QADD8_NEON 1
#endif

namespace edgelite {
namespace kernels {

struct QAdd8Params {
  int32_t a_multiplier = 0, b_multiplier = 0;
  int32_t bias = 0;  // 2^(shift-1) - a_m·a_zp - b_m·b_zp, mod 2^32
  int32_t shift = 0;
  int32_t out_zp = 0, qmin = 0, qmax = 0;
};

// The same params with the inputs exchanged (for rows where a broadcasts).
inline QAdd8Params SwapInputs(QAdd8Params p) {
  const int32_t m = p.a_multiplier;
  p.a_multiplier = p.b_multiplier;
  p.b_multiplier = m;
  return p;
}

inline int32_t QAdd8One(int32_t a, int32_t b, const QAdd8Params& p) {
  const uint32_t acc =
      static_cast<uint32_t>(p.bias) +
      static_cast<uint32_t>(a) * static_cast<uint32_t>(p.a_multiplier) +
      static_cast<uint32_t>(b) * static_cast<uint32_t>(p.b_multiplier);
  // >> on a negative int32 is an arithmetic shift with GCC/Clang.
  int32_t out = (static_cast<int32_t>(acc) >> p.shift) + p.out_zp;
  out = out < p.qmin ? p.qmin : out;
  return out > p.qmax ? p.qmax : out;
}

// The reference.
template <typename T>
inline void QAdd8Ref(const T* a, const T* b, T* out, int64_t n, int64_t b_step,
                     const QAdd8Params& p) {
  for (int64_t i = 0; i < n; ++i) {
    out[i] = static_cast<T>(QAdd8One(a[i], b[i * b_step], p));
  }
}

// Which path QAdd8 uses in this build.
inline const char* QAdd8Path() {
#if defined(EDGELITE_QADD8_WASM)
  return "wasm-simd128";
#elif defined(EDGELITE_QADD8_SSE2)
  return "sse2";
#elif defined(EDGELITE_QADD8_NEON)
  return "neon";
#else
  return "reference";
#endif
}

namespace internal {

#if defined(EDGELITE_QADD8_WASM)
using V32 = v128_t;
struct Lanes {
  v128_t lo, hi;
};
template <typename T>
inline Lanes Load8(const T* p) {
  const v128_t v =
      std::is_signed<T>::value ? wasm_i16x8_load8x8(p) : wasm_u16x8_load8x8(p);
  return {wasm_i32x4_extend_low_i16x8(v), wasm_i32x4_extend_high_i16x8(v)};
}
inline V32 Splat(int32_t x) { return wasm_i32x4_splat(x); }
inline V32 Add(V32 a, V32 b) { return wasm_i32x4_add(a, b); }
inline V32 Mul(V32 a, V32 b) { return wasm_i32x4_mul(a, b); }
inline V32 Shr(V32 a, int s) { return wasm_i32x4_shr(a, s); }
template <typename T>
inline void Store8(T* out, V32 lo, V32 hi, V32 qmin16, V32 qmax16) {
  v128_t s = wasm_i16x8_narrow_i32x4(lo, hi);
  s = wasm_i16x8_min(wasm_i16x8_max(s, qmin16), qmax16);
  const v128_t o = std::is_signed<T>::value ? wasm_i8x16_narrow_i16x8(s, s)
                                            : wasm_u8x16_narrow_i16x8(s, s);
  wasm_v128_store64_lane(out, o, 0);
}
inline V32 Splat16(int32_t x) {
  return wasm_i16x8_splat(static_cast<int16_t>(x));
}
#elif defined(EDGELITE_QADD8_SSE2)
using V32 = __m128i;
struct Lanes {
  __m128i lo, hi;
};
template <typename T>
inline Lanes Load8(const T* p) {
  const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
  const __m128i ext = std::is_signed<T>::value
                          ? _mm_cmpgt_epi8(_mm_setzero_si128(), v)
                          : _mm_setzero_si128();
  const __m128i v16 = _mm_unpacklo_epi8(v, ext);
  return {_mm_srai_epi32(_mm_unpacklo_epi16(v16, v16), 16),
          _mm_srai_epi32(_mm_unpackhi_epi16(v16, v16), 16)};
}
inline V32 Splat(int32_t x) { return _mm_set1_epi32(x); }
inline V32 Add(V32 a, V32 b) { return _mm_add_epi32(a, b); }
// Low 32 bits of the lane products (SSE2 has no pmulld).
inline V32 Mul(V32 a, V32 b) {
  const __m128i even = _mm_mul_epu32(a, b);
  const __m128i odd = _mm_mul_epu32(_mm_srli_si128(a, 4), _mm_srli_si128(b, 4));
  return _mm_unpacklo_epi32(_mm_shuffle_epi32(even, _MM_SHUFFLE(0, 0, 2, 0)),
                            _mm_shuffle_epi32(odd, _MM_SHUFFLE(0, 0, 2, 0)));
}
inline V32 Shr(V32 a, int s) { return _mm_sra_epi32(a, _mm_cvtsi32_si128(s)); }
template <typename T>
inline void Store8(T* out, V32 lo, V32 hi, V32 qmin16, V32 qmax16) {
  __m128i s = _mm_packs_epi32(lo, hi);
  s = _mm_min_epi16(_mm_max_epi16(s, qmin16), qmax16);
  const __m128i o =
      std::is_signed<T>::value ? _mm_packs_epi16(s, s) : _mm_packus_epi16(s, s);
  _mm_storel_epi64(reinterpret_cast<__m128i*>(out), o);
}
inline V32 Splat16(int32_t x) {
  return _mm_set1_epi16(static_cast<int16_t>(x));
}
#elif defined(EDGELITE_QADD8_NEON)
using V32 = int32x4_t;
struct Lanes {
  int32x4_t lo, hi;
};
template <typename T>
inline Lanes Load8(const T* p) {
  const int16x8_t v =
      std::is_signed<T>::value
          ? vmovl_s8(vld1_s8(reinterpret_cast<const int8_t*>(p)))
          : vreinterpretq_s16_u16(
                vmovl_u8(vld1_u8(reinterpret_cast<const uint8_t*>(p))));
  return {vmovl_s16(vget_low_s16(v)), vmovl_s16(vget_high_s16(v))};
}
inline V32 Splat(int32_t x) { return vdupq_n_s32(x); }
inline V32 Add(V32 a, V32 b) { return vaddq_s32(a, b); }
inline V32 Mul(V32 a, V32 b) { return vmulq_s32(a, b); }
inline V32 Shr(V32 a, int s) { return vshlq_s32(a, vdupq_n_s32(-s)); }
template <typename T>
inline void Store8(T* out, V32 lo, V32 hi, int16x8_t qmin16, int16x8_t qmax16) {
  int16x8_t s = vcombine_s16(vqmovn_s32(lo), vqmovn_s32(hi));
  s = vminq_s16(vmaxq_s16(s, qmin16), qmax16);
  if (std::is_signed<T>::value) {
    vst1_s8(reinterpret_cast<int8_t*>(out), vqmovn_s16(s));
  } else {
    vst1_u8(reinterpret_cast<uint8_t*>(out), vqmovun_s16(s));
  }
}
inline int16x8_t Splat16(int32_t x) {
  return vdupq_n_s16(static_cast<int16_t>(x));
}
#endif

}  // namespace internal

// out[i] = QAdd8One(a[i], b[i · b_step]) for i < n; b_step is 0 or 1.
template <typename T>
inline void QAdd8(const T* a, const T* b, T* out, int64_t n, int64_t b_step,
                  const QAdd8Params& p) {
  static_assert(sizeof(T) == 1, "8-bit operands only");
  int64_t i = 0;
#if defined(EDGELITE_QADD8_WASM) || defined(EDGELITE_QADD8_SSE2) || \
    defined(EDGELITE_QADD8_NEON)
  using internal::V32;
  const V32 am = internal::Splat(p.a_multiplier);
  const V32 bm = internal::Splat(p.b_multiplier);
  const V32 zp = internal::Splat(p.out_zp);
  const auto qmin16 = internal::Splat16(p.qmin);
  const auto qmax16 = internal::Splat16(p.qmax);
  if (b_step == 0) {
    // bias + b·b_m is the same for the whole row.
    const V32 base = internal::Splat(
        static_cast<int32_t>(static_cast<uint32_t>(p.bias) +
                             static_cast<uint32_t>(int32_t{b[0]}) *
                                 static_cast<uint32_t>(p.b_multiplier)));
    for (; i + 8 <= n; i += 8) {
      const internal::Lanes va = internal::Load8(a + i);
      const V32 lo = internal::Add(
          internal::Shr(internal::Add(base, internal::Mul(va.lo, am)), p.shift),
          zp);
      const V32 hi = internal::Add(
          internal::Shr(internal::Add(base, internal::Mul(va.hi, am)), p.shift),
          zp);
      internal::Store8(out + i, lo, hi, qmin16, qmax16);
    }
  } else {
    const V32 bias = internal::Splat(p.bias);
    for (; i + 8 <= n; i += 8) {
      const internal::Lanes va = internal::Load8(a + i);
      const internal::Lanes vb = internal::Load8(b + i);
      const V32 lo = internal::Add(
          internal::Shr(
              internal::Add(internal::Add(bias, internal::Mul(va.lo, am)),
                            internal::Mul(vb.lo, bm)),
              p.shift),
          zp);
      const V32 hi = internal::Add(
          internal::Shr(
              internal::Add(internal::Add(bias, internal::Mul(va.hi, am)),
                            internal::Mul(vb.hi, bm)),
              p.shift),
          zp);
      internal::Store8(out + i, lo, hi, qmin16, qmax16);
    }
  }
#endif
  for (; i < n; ++i) {
    out[i] = static_cast<T>(QAdd8One(a[i], b[i * b_step], p));
  }
}

}  // namespace kernels
}  // namespace edgelite

#endif  // EDGELITE_KERNELS_QADD8_H_
