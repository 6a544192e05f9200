// The depthwise tap kernel's SIMD path (SSE2 on x86-64, NEON on aarch64)
// against its reference, bit for bit, for both 8-bit types and zero points
// at the ends of their ranges.
#include "kernels/depthwise8.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <vector>

namespace edgelite {
namespace kernels {
namespace {

template <typename T>
void RandomCases(const std::vector<int32_t>& zero_points) {
  std::mt19937 rng(99);
  std::uniform_int_distribution<int> dist(std::numeric_limits<T>::min(),
                                          std::numeric_limits<T>::max());
  std::uniform_int_distribution<uint32_t> acc_dist;
  for (int64_t n : {0, 1, 7, 8, 9, 15, 16, 17, 32, 96, 145, 960}) {
    for (int32_t x_zp : zero_points) {
      for (int32_t w_zp : zero_points) {
        std::vector<T> x(n), w(n);
        for (auto& v : x) v = static_cast<T>(dist(rng));
        for (auto& v : w) v = static_cast<T>(dist(rng));
        // Accumulators near the wrap-around point too.
        std::vector<uint32_t> want(n), got;
        for (auto& v : want) v = acc_dist(rng);
        got = want;
        DepthwiseTap8Ref(x.data(), w.data(), x_zp, w_zp, n, want.data());
        DepthwiseTap8(x.data(), w.data(), x_zp, w_zp, n, got.data());
        ASSERT_EQ(got, want)
            << "n=" << n << " x_zp=" << x_zp << " w_zp=" << w_zp;
      }
    }
  }
}

TEST(DepthwiseTap8Kernel, Int8MatchesReference) {
  RandomCases<int8_t>({-128, -1, 0, 5, 127});
}

TEST(DepthwiseTap8Kernel, UInt8MatchesReference) {
  RandomCases<uint8_t>({0, 1, 128, 200, 255});
}

// The largest differences: (255 − 0)·(0 − 255) and (−128 − 127)² in every lane.
TEST(DepthwiseTap8Kernel, ExtremeDifferences) {
  std::vector<uint8_t> ux(33, 255), uw(33, 0);
  std::vector<uint32_t> acc(33, 0);
  DepthwiseTap8(ux.data(), uw.data(), 0, 255, 33, acc.data());
  for (uint32_t a : acc) EXPECT_EQ(static_cast<int32_t>(a), -65025);
  std::vector<int8_t> x(33, -128), w(33, -128);
  std::fill(acc.begin(), acc.end(), 0u);
  DepthwiseTap8(x.data(), w.data(), 127, 127, 33, acc.data());
  for (uint32_t a : acc) EXPECT_EQ(static_cast<int32_t>(a), 65025);
}

}  // namespace
}  // namespace kernels
}  // namespace edgelite
