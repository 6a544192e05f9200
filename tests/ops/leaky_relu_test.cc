// LEAKY_RELU: float32, XNNPACK's 8-bit arithmetic (where the delegate takes
// the node), TFLite's built-in arithmetic (other scales, int16, kMicro).
#include <gtest/gtest.h>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

std::vector<uint8_t> LeakyReluModel(const TensorSpec& in, const TensorSpec& out,
                                    float alpha) {
  OpDesc d = OpOf(tfl::BuiltinOperator::LEAKY_RELU, 2);
  d.options_type = tfl::BuiltinOptions::LeakyReluOptions;
  d.options = [alpha](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateLeakyReluOptions(fbb, alpha).Union();
  };
  return Model(d, in, out);
}

TEST(LeakyReluTest, Float) {
  const auto model = LeakyReluModel(Var("x", DataType::kFloat32, {4}),
                                    Var("y", DataType::kFloat32, {4}), 0.25f);
  EXPECT_EQ(
      RunUnary<float>(model, std::vector<float>{-2.0f, 0.0f, 3.0f, -0.5f}),
      (std::vector<float>{-0.5f, 0.0f, 3.0f, -0.125f}));
}

TEST(LeakyReluTest, Int8XnnpackDiffersFromBuiltin) {
  // in (0.1, 0) → out (0.05, -10), alpha 0.2: ratio 2 and 2·0.2 = 0.4 are in
  // XNNPACK's range. XNNPACK: M+ = lrintf(256·2) = 512,
  // M- = lrintf(256·0.4000000059) = 102; y = ((x·M + 128) >> 8) − 10:
  //   x=10: 5248 >> 8 = 20 → 10;  x=-10: −892 >> 8 = −4 → −14;
  //   x=-64: −6400 >> 8 = −25 → −35;  x=127: 254 → 244 → 127.
  // kMicro (TFLite built-in): x·f32(0.1·0.2/0.05) = x·0.40000004 with
  //   MultiplyByQuantizedMultiplier: x=-64 → −25.6 → −26 → −36; the others
  //   agree.
  const auto model =
      LeakyReluModel(Var("x", DataType::kInt8, {4}, {0.1f}, {0}),
                     Var("y", DataType::kInt8, {4}, {0.05f}, {-10}), 0.2f);
  const std::vector<int8_t> x = {10, -10, -64, 127};
  EXPECT_EQ(RunUnary<int8_t>(model, x),
            (std::vector<int8_t>{10, -14, -35, 127}));
  EXPECT_EQ(RunUnary<int8_t>(model, x, QuantArithmetic::kMicro),
            (std::vector<int8_t>{10, -14, -36, 127}));
}

TEST(LeakyReluTest, Int8SmallSlopeRunsBuiltin) {
  // |ratio · alpha| = 2 · 0.001 < 2^-8: XNNPACK refuses, TFLite's kernel
  // runs: x=-100 → −100·0.002 = −0.2 → 0 → −10 (XNNPACK would compute
  // M- = lrintf(0.512) = 1: (−100 + 128) >> 8 = 0 as well); x=-127 with
  // alpha 0.003: −0.762 → −1 → −11 (XNNPACK: M- = 2 → (−254 + 128) >> 8 =
  // −1 too), so check the identity side exactly and the slope side loosely.
  const auto model =
      LeakyReluModel(Var("x", DataType::kInt8, {3}, {0.1f}, {0}),
                     Var("y", DataType::kInt8, {3}, {0.05f}, {-10}), 0.001f);
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{-100, 0, 20}),
            (std::vector<int8_t>{-10, -10, 30}));
}

TEST(LeakyReluTest, Uint8) {
  // in (0.1, 128) → out (0.05, 100), alpha 0.2 (XNNPACK as above):
  // q=138 → x=10 → 20 → 120; q=118 → x=-10 → −4 → 96; q=0 → x=-128:
  // (−13056 + 128) >> 8 = −51 → 49.
  const auto model =
      LeakyReluModel(Var("x", DataType::kUInt8, {3}, {0.1f}, {128}),
                     Var("y", DataType::kUInt8, {3}, {0.05f}, {100}), 0.2f);
  EXPECT_EQ(RunUnary<uint8_t>(model, std::vector<uint8_t>{138, 118, 0}),
            (std::vector<uint8_t>{120, 96, 49}));
}

TEST(LeakyReluTest, Int16) {
  // in 1/1024 → out 1/2048, alpha 0.25: identity multiplier 2 (2^30, shift
  // 2) → 2x; slope multiplier 0.5 (2^30, shift 0): x=-1001 →
  // SaturatingRoundingDoublingHighMul(−1001, 2^30) = (−1001·2^30 + 1 −
  // 2^30) / 2^31 truncated = −500; x=20000 → 40000 → 32767.
  const auto model = LeakyReluModel(
      Var("x", DataType::kInt16, {4}, {1.0f / 1024}, {0}),
      Var("y", DataType::kInt16, {4}, {1.0f / 2048}, {0}), 0.25f);
  EXPECT_EQ(
      RunUnary<int16_t>(model, std::vector<int16_t>{1000, -1001, 20000, -4}),
      (std::vector<int16_t>{2000, -500, 32767, -2}));
}

TEST(LeakyReluTest, Int16RejectsZeroPoint) {
  const Status s = PrepareStatus(LeakyReluModel(
      Var("x", DataType::kInt16, {2}, {1.0f / 1024}, {0}),
      Var("y", DataType::kInt16, {2}, {1.0f / 2048}, {5}), 0.25f));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (LEAKY_RELU v2): LEAKY_RELU of int16 needs zero "
                       "points 0, got input 0, output 5"))
      << s.message();
}

TEST(LeakyReluTest, RejectsHugeScaleRatioOnBuiltinPath) {
  // Ratio 2^24 is outside XNNPACK's range; the built-in kernel would shift
  // (x − zp) left by 25 bits.
  const Status s = PrepareStatus(
      LeakyReluModel(Var("x", DataType::kInt8, {2}, {16777216.0f}, {0}),
                     Var("y", DataType::kInt8, {2}, {1.0f}, {0}), 0.5f));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "LEAKY_RELU: scale ratio 1.67772e+07 is too large to "
                       "requantize"))
      << s.message();
}

TEST(LeakyReluTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(LeakyReluModel(
      Var("x", DataType::kInt16, {5}, {1.0f / 1024}, {0}),
      Var("y", DataType::kInt16, {5}, {1.0f / 2048}, {0}), 0.25f));
}

}  // namespace
}  // namespace edgelite
