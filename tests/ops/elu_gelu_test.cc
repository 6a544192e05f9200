// ELU and GELU: float32 and the int8/uint8 tables (TFLite LUTPopulate:
// x = in_scale·(q − zp), y = roundf(f(x)/out_scale) + zp, clamped).
#include <gtest/gtest.h>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

std::vector<uint8_t> GeluModel(const TensorSpec& in, const TensorSpec& out,
                               bool approximate) {
  OpDesc d = OpOf(tfl::BuiltinOperator::GELU, 2);
  d.options_type = tfl::BuiltinOptions::GeluOptions;
  d.options = [approximate](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateGeluOptions(fbb, approximate).Union();
  };
  return Model(d, in, out);
}

TEST(EluTest, Float) {
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::ELU), Var("x", DataType::kFloat32, {3}),
            Var("y", DataType::kFloat32, {3}));
  const auto y = RunUnary<float>(model, std::vector<float>{-1.0f, 0.0f, 2.0f});
  ASSERT_EQ(y.size(), 3u);
  EXPECT_NEAR(y[0], -0.63212055882f, 1e-7);  // e^-1 − 1
  EXPECT_EQ(y[1], 0.0f);
  EXPECT_EQ(y[2], 2.0f);
}

TEST(EluTest, Int8Table) {
  // in 1/16, out 1/32: q=-16 → expm1(−1)·32 = −20.23 → −20; q=16 → 32;
  // q=-128 → expm1(−8)·32 = −31.99 → −32; q=127 → 254 → 127.
  const auto model = Model(OpOf(tfl::BuiltinOperator::ELU),
                           Var("x", DataType::kInt8, {5}, {1.0f / 16}, {0}),
                           Var("y", DataType::kInt8, {5}, {1.0f / 32}, {0}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{-16, 16, -128, 127, 0}),
            (std::vector<int8_t>{-20, 32, -32, 127, 0}));
}

TEST(EluTest, RejectsUint8) {
  const Status s =
      PrepareStatus(Model(OpOf(tfl::BuiltinOperator::ELU),
                          Var("x", DataType::kUInt8, {2}, {0.1f}, {128}),
                          Var("y", DataType::kUInt8, {2}, {0.1f}, {128})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "ELU of uint8 is not supported (supported: "
                       "float32, int8)"))
      << s.message();
}

TEST(GeluTest, FloatExactAndApproximate) {
  // x = -3: 0.5·x·erfc(3/√2) = −0.0040496; with the tanh formula
  // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715x³))) = −0.0036374.
  const auto exact = GeluModel(Var("x", DataType::kFloat32, {3}),
                               Var("y", DataType::kFloat32, {3}), false);
  const auto approx = GeluModel(Var("x", DataType::kFloat32, {3}),
                                Var("y", DataType::kFloat32, {3}), true);
  const std::vector<float> x = {-3.0f, 0.0f, 1.0f};
  const auto ye = RunUnary<float>(exact, x);
  const auto ya = RunUnary<float>(approx, x);
  ASSERT_EQ(ye.size(), 3u);
  ASSERT_EQ(ya.size(), 3u);
  EXPECT_NEAR(ye[0], -0.0040496f, 1e-7);
  EXPECT_NEAR(ya[0], -0.0036374f, 1e-7);
  EXPECT_EQ(ye[1], 0.0f);
  EXPECT_NEAR(ye[2], 0.8413447f, 1e-6);
  EXPECT_NEAR(ya[2], 0.8411920f, 1e-6);
}

TEST(GeluTest, Int8ExactAndApproximateTables) {
  // in 1/16, out 1/2048: q=-40 (x=-2.5): exact −0.0155242·2048 = −31.79 →
  // −32; approximate −0.0150843·2048 = −30.89 → −31. q=16 (x=1):
  // 0.8413·2048 = 1723 → 127 either way.
  const auto in = Var("x", DataType::kInt8, {3}, {1.0f / 16}, {0});
  const auto out = Var("y", DataType::kInt8, {3}, {1.0f / 2048}, {0});
  const std::vector<int8_t> x = {-40, 16, 0};
  EXPECT_EQ(RunUnary<int8_t>(GeluModel(in, out, false), x),
            (std::vector<int8_t>{-32, 127, 0}));
  EXPECT_EQ(RunUnary<int8_t>(GeluModel(in, out, true), x),
            (std::vector<int8_t>{-31, 127, 0}));
}

TEST(GeluTest, Uint8Table) {
  // in (1/16, 128), out (1/32, 10): q=144 (x=1) → 0.84134·32 = 26.92 → 27 →
  // 37; q=112 (x=-1) → −0.15866·32 = −5.08 → −5 → 5.
  const auto model =
      GeluModel(Var("x", DataType::kUInt8, {2}, {1.0f / 16}, {128}),
                Var("y", DataType::kUInt8, {2}, {1.0f / 32}, {10}), false);
  EXPECT_EQ(RunUnary<uint8_t>(model, std::vector<uint8_t>{144, 112}),
            (std::vector<uint8_t>{37, 5}));
}

TEST(GeluTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      GeluModel(Var("x", DataType::kInt8, {7}, {1.0f / 16}, {3}),
                Var("y", DataType::kInt8, {7}, {1.0f / 32}, {-3}), true));
}

}  // namespace
}  // namespace edgelite
