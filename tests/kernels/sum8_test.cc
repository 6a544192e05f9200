// The 8-bit sum kernel's SIMD path (SSE2 on x86-64, NEON on aarch64) against
// its reference, bit for bit, including sums that wrap past 2^32.
#include "kernels/sum8.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <vector>

namespace edgelite {
namespace kernels {
namespace {

template <typename T>
void RandomCases() {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> dist(std::numeric_limits<T>::min(),
                                          std::numeric_limits<T>::max());
  for (int64_t n : {0, 1, 15, 16, 17, 31, 32, 100, 1152, 4099}) {
    std::vector<T> a(n);
    for (auto& v : a) v = static_cast<T>(dist(rng));
    EXPECT_EQ(SumModular8(a.data(), n), SumModular8Ref(a.data(), n))
        << "n=" << n;
  }
}

TEST(Sum8Kernel, Int8MatchesReference) { RandomCases<int8_t>(); }
TEST(Sum8Kernel, UInt8MatchesReference) { RandomCases<uint8_t>(); }

TEST(Sum8Kernel, ExtremesAndWrapAround) {
  const int64_t n = 20000003;  // 255 · n > 2^32: the sum wraps
  std::vector<uint8_t> u(n, 255);
  EXPECT_EQ(SumModular8(u.data(), n), static_cast<uint32_t>(uint64_t{255} * n));
  std::vector<int8_t> s(n, -128);
  EXPECT_EQ(SumModular8(s.data(), n),
            static_cast<uint32_t>(static_cast<int64_t>(-128) * n));
  std::vector<int8_t> m(33, 127);
  EXPECT_EQ(SumModular8(m.data(), 33), 127u * 33u);
}

}  // namespace
}  // namespace kernels
}  // namespace edgelite
