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

// Exponents beyond 31 (quantized DIV reaches them) behave as TFLite's code
// compiled for WebAssembly, x86-64 or AArch64: the int32 shift count is taken
// mod 32, the rounding mask is built in int64.
TEST(RoundingDivideByPOT, ExponentsBeyond31AsTfliteExecutesThem) {
  EXPECT_EQ(RoundingDivideByPOT(5, 1), 3);  // halves round away from zero
  EXPECT_EQ(RoundingDivideByPOT(-5, 1), -3);
  EXPECT_EQ(RoundingDivideByPOT(0, 33), 1);    // mask -1: remainder 0 > -1
  EXPECT_EQ(RoundingDivideByPOT(-8, 32), -8);  // shift 0, threshold 0
  // exponent 39: shift by 7, mask -1 (threshold -1): 1000 >> 7 = 7, + 1.
  EXPECT_EQ(RoundingDivideByPOT(1000, 39), 8);
  EXPECT_EQ(RoundingDivideByPOT(std::numeric_limits<int32_t>::max(), 32),
            std::numeric_limits<int32_t>::min());  // wraps, no UB
}

// Kernels whose float operands come from file scales convert through this.
TEST(FloatToInt32Sat, NanIsZeroAndOutOfRangeSaturates) {
  EXPECT_EQ(FloatToInt32Sat(std::nanf("")), 0);
  EXPECT_EQ(FloatToInt32Sat(std::numeric_limits<float>::infinity()),
            std::numeric_limits<int32_t>::max());
  EXPECT_EQ(FloatToInt32Sat(-3e9f), std::numeric_limits<int32_t>::min());
  EXPECT_EQ(FloatToInt32Sat(-7.9f), -7);  // truncates, as static_cast
  EXPECT_EQ(FloatToInt32Sat(126.5f), 126);
}

}  // namespace
}  // namespace edgelite
