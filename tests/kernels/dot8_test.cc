// The 8-bit dot-product kernel's SIMD path (whichever this build compiles:
// SSE2 on x86-64, NEON on aarch64) against its reference, bit for bit.
#include "kernels/dot8.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <random>
#include <vector>

namespace edgelite {
namespace kernels {
namespace {

template <typename T>
void Compare(const std::vector<T>& a, const std::vector<T>& b, int64_t n,
             const char* what) {
  uint32_t want[4], got[4], got1;
  DotModular8Ref(a.data(), b.data(), n, 4, want);
  DotModular8<T, 4>(a.data(), b.data(), n, got);
  DotModular8<T, 1>(a.data(), b.data(), n, &got1);
  for (int j = 0; j < 4; ++j) {
    EXPECT_EQ(got[j], want[j]) << what << " n=" << n << " row " << j;
  }
  EXPECT_EQ(got1, want[0]) << what << " n=" << n;
}

template <typename T>
void RandomCases() {
  std::mt19937 rng(1234);
  std::uniform_int_distribution<int> dist(std::numeric_limits<T>::min(),
                                          std::numeric_limits<T>::max());
  for (int64_t n : {0, 1, 7, 8, 9, 15, 16, 17, 24, 27, 31, 32, 33, 40, 48, 100,
                    144, 1152, 4099}) {
    std::vector<T> a(n), b(4 * n);
    for (auto& v : a) v = static_cast<T>(dist(rng));
    for (auto& v : b) v = static_cast<T>(dist(rng));
    Compare(a, b, n, "random");
  }
}

TEST(Dot8Kernel, Int8MatchesReference) { RandomCases<int8_t>(); }
TEST(Dot8Kernel, UInt8MatchesReference) { RandomCases<uint8_t>(); }

// Extremes: −128·−128 everywhere, and sums that wrap past 2^32.
TEST(Dot8Kernel, ExtremesAndWrapAround) {
  std::printf("[ dot8 ] path: %s\n", Dot8Path());
  for (int64_t n : {16, 33, 300000}) {
    std::vector<int8_t> a(n, -128), b(4 * n, -128);
    b[3 * n] = 127;
    Compare(a, b, n, "int8 extremes");
    std::vector<uint8_t> ua(n, 255), ub(4 * n, 255);
    Compare(ua, ub, n, "uint8 extremes");
  }
  // 300000 · 65025 = 19.5e9: the reference wraps; so must the kernel.
  uint32_t s;
  std::vector<uint8_t> ua(300000, 255);
  DotModular8<uint8_t, 1>(ua.data(), ua.data(), 300000, &s);
  EXPECT_EQ(s, static_cast<uint32_t>(uint64_t{300000} * 65025u));
}

}  // namespace
}  // namespace kernels
}  // namespace edgelite
