// The quantized 8-bit add kernel's SIMD path (whichever this build compiles:
// SSE2 on x86-64, NEON on aarch64, SIMD128 in wasm) against its reference,
// bit for bit, for row and broadcast operands, every tail length, and
// parameters whose int32 accumulator wraps.
#include "kernels/qadd8.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <random>
#include <vector>

namespace edgelite {
namespace kernels {
namespace {

template <typename T>
void Compare(const std::vector<T>& a, const std::vector<T>& b, int64_t b_step,
             const QAdd8Params& p, const char* what) {
  const int64_t n = static_cast<int64_t>(a.size());
  std::vector<T> want(n), got(n);
  QAdd8Ref(a.data(), b.data(), want.data(), n, b_step, p);
  QAdd8(a.data(), b.data(), got.data(), n, b_step, p);
  for (int64_t i = 0; i < n; ++i) {
    ASSERT_EQ(int{got[i]}, int{want[i]})
        << what << " n=" << n << " i=" << i << " b_step=" << b_step
        << " shift=" << p.shift << " a_m=" << p.a_multiplier
        << " b_m=" << p.b_multiplier << " bias=" << p.bias;
  }
}

template <typename T>
void RandomCases() {
  std::mt19937 rng(4321);
  std::uniform_int_distribution<int> value(std::numeric_limits<T>::min(),
                                           std::numeric_limits<T>::max());
  std::uniform_int_distribution<int> shift(12, 30);
  std::uniform_int_distribution<int32_t> any32(INT32_MIN, INT32_MAX);
  for (int trial = 0; trial < 200; ++trial) {
    QAdd8Params p;
    p.shift = shift(rng);
    const int32_t lim = int32_t{1} << 22;
    std::uniform_int_distribution<int32_t> mult(-lim + 1, lim - 1);
    p.a_multiplier = mult(rng);
    p.b_multiplier = mult(rng);
    p.bias = any32(rng);  // anything: the lanes wrap like the reference
    p.out_zp = value(rng);
    const int lo = std::numeric_limits<T>::min();
    const int hi = std::numeric_limits<T>::max();
    p.qmin = std::uniform_int_distribution<int>(lo, (lo + hi) / 2)(rng);
    p.qmax = std::uniform_int_distribution<int>(p.qmin, hi)(rng);
    const int64_t n = trial % 41;  // every tail length around 8 and 16
    std::vector<T> a(n), b(n);
    for (auto& v : a) v = static_cast<T>(value(rng));
    for (auto& v : b) v = static_cast<T>(value(rng));
    Compare(a, b, 1, p, "row");
    Compare(a, b.empty() ? std::vector<T>{1} : b, 0, p, "broadcast");
  }
}

TEST(QAdd8Kernel, Int8MatchesReference) { RandomCases<int8_t>(); }
TEST(QAdd8Kernel, UInt8MatchesReference) { RandomCases<uint8_t>(); }

// Largest multipliers and values: a·a_m + b·b_m exceeds 2^31 and wraps.
TEST(QAdd8Kernel, AccumulatorWraps) {
  std::printf("[ qadd8 ] path: %s\n", QAdd8Path());
  QAdd8Params p;
  p.shift = 12;
  p.a_multiplier = p.b_multiplier = (int32_t{1} << 22) - 1;
  p.bias = int32_t{1} << 30;
  p.out_zp = 0;
  p.qmin = 0;
  p.qmax = 255;
  std::vector<uint8_t> a(37, 255), b(37, 255);
  Compare(a, b, 1, p, "uint8 wrap");
  p.qmin = -128;
  p.qmax = 127;
  std::vector<int8_t> sa(37, -128), sb(37, -128);
  Compare(sa, sb, 1, p, "int8 wrap");
  Compare(sa, sb, 0, p, "int8 wrap broadcast");
}

}  // namespace
}  // namespace kernels
}  // namespace edgelite
