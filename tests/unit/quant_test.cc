// QuantizeMultiplier on scales a hostile file can produce (found by
// fuzz_mutate through an LSTM whose scales overflow to infinity).
#include "core/quant.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace edgelite {
namespace {

TEST(QuantizeMultiplier, NonFiniteAndHugeMultipliersStayDefined) {
  int32_t m = -1;
  int shift = -1;
  QuantizeMultiplier(std::numeric_limits<double>::infinity(), &m, &shift);
  EXPECT_EQ(m, 0);
  EXPECT_EQ(shift, 0);
  QuantizeMultiplier(std::nan(""), &m, &shift);
  EXPECT_EQ(m, 0);
  EXPECT_EQ(shift, 0);
  QuantizeMultiplier(1e30, &m, &shift);
  EXPECT_EQ(m, std::numeric_limits<int32_t>::max());
  EXPECT_EQ(shift, 30);
  // Ordinary values are unchanged: 0.25 = 0.5 · 2^-1 → (2^30, -1).
  QuantizeMultiplier(0.25, &m, &shift);
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(shift, -1);
  EXPECT_EQ(MultiplyByQuantizedMultiplier(1000, m, shift), 250);
}

}  // namespace
}  // namespace edgelite
