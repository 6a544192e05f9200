// The integer LSTM's fixed-point helpers (ops/lstm_fixed_point.h): gemmlowp's
// 16-bit sigmoid and tanh against the real functions over every int16
// input, TFLite's inverse square root multiplier, the power-of-two check.
#include "ops/lstm_fixed_point.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace edgelite {
namespace {

// gemmlowp's 16-bit division runs its Newton-Raphson steps in Q2.13, where
// one rounding is 4 LSB of the Q0.15 result, after an exp whose 16-bit
// constants are truncated: measured worst cases are 6.4 LSB for the sigmoid
// and 12.0 for tanh. The exact bits are pinned by the TFLite goldens
// (unidirectional_sequence_lstm_test.cc) and the conformance suite.
constexpr int kSigmoidTolLsb = 7;
constexpr int kTanhTolLsb = 13;

TEST(LstmFixedPoint, SigmoidQ3) {
  EXPECT_EQ(lstm::LogisticQ3(0), 16384);  // 1/2, gemmlowp's explicit case
  // (Not monotone: the exp barrel shifter steps by up to 5 LSB at its
  // boundaries, e.g. 844 → 839 at x = -14885.)
  for (int x = -32768; x <= 32767; ++x) {
    const int got = lstm::LogisticQ3(static_cast<int16_t>(x));
    const double want = 32768.0 / (1.0 + std::exp(-x / 4096.0));
    ASSERT_LE(std::fabs(got - want), kSigmoidTolLsb) << "x = " << x;
  }
}

TEST(LstmFixedPoint, TanhAllIntegerBits) {
  for (int ib = 0; ib <= 6; ++ib) {
    EXPECT_EQ(lstm::TanhInt16(0, ib), 0);
    for (int x = -32768; x <= 32767; ++x) {
      const int got = lstm::TanhInt16(static_cast<int16_t>(x), ib);
      const double want =
          std::min(32767.0, 32768.0 * std::tanh(x / std::ldexp(1.0, 15 - ib)));
      ASSERT_LE(std::fabs(got - want), kTanhTolLsb)
          << "ib " << ib << " x " << x;
      if (x > -32768) {
        ASSERT_EQ(lstm::TanhInt16(static_cast<int16_t>(-x), ib), -got)
            << "odd symmetry, ib " << ib << " x " << x;
      }
    }
  }
}

TEST(LstmFixedPoint, InverseSqrt) {
  int32_t m;
  int shift;
  lstm::InvSqrtQuantizedMultiplier(1, &m, &shift);
  EXPECT_EQ(m, std::numeric_limits<int32_t>::max());
  EXPECT_EQ(shift, 0);
  for (int32_t x : {2, 3, 4, 7, 100, 12345, 1 << 20, (1 << 29) + 5,
                    std::numeric_limits<int32_t>::max()}) {
    lstm::InvSqrtQuantizedMultiplier(x, &m, &shift);
    const double got = std::ldexp(static_cast<double>(m), shift - 31);
    EXPECT_NEAR(got * std::sqrt(static_cast<double>(x)), 1.0, 2e-6) << x;
  }
}

TEST(LstmFixedPoint, CheckedLog2) {
  int l = 0;
  EXPECT_TRUE(lstm::CheckedLog2(1.0f / 2048, &l));
  EXPECT_EQ(l, -11);
  EXPECT_TRUE(lstm::CheckedLog2(1.0f / 4096 * 1.0001f, &l));
  EXPECT_EQ(l, -12);
  EXPECT_FALSE(lstm::CheckedLog2(1.0f / 3000, &l));
}

}  // namespace
}  // namespace edgelite
