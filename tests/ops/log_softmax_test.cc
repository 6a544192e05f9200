// LOG_SOFTMAX over the last axis: float32 and TFLite's float-table int8 /
// uint8 kernel (output scale 16/256, zero point 127 / 255).
#include <gtest/gtest.h>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

std::vector<uint8_t> LogSoftmaxModel(const TensorSpec& in,
                                     const TensorSpec& out) {
  return Model(OpOf(tfl::BuiltinOperator::LOG_SOFTMAX, 2), in, out);
}

TEST(LogSoftmaxTest, FloatRows) {
  // Row [1, 2, 3]: x − 3 − log(e^-2 + e^-1 + 1) = x − 3 − 0.40760596.
  // Row [5]: a single element gives 0.
  const auto model = LogSoftmaxModel(Var("x", DataType::kFloat32, {2, 3}),
                                     Var("y", DataType::kFloat32, {2, 3}));
  const auto y = RunUnary<float>(
      model, std::vector<float>{1.0f, 2.0f, 3.0f, -1.0f, -1.0f, -1.0f});
  ASSERT_EQ(y.size(), 6u);
  EXPECT_NEAR(y[0], -2.40760596f, 1e-6);
  EXPECT_NEAR(y[1], -1.40760596f, 1e-6);
  EXPECT_NEAR(y[2], -0.40760596f, 1e-6);
  EXPECT_NEAR(y[3], -1.09861229f, 1e-6);  // −log(3)
  const auto single = LogSoftmaxModel(Var("x", DataType::kFloat32, {1}),
                                      Var("y", DataType::kFloat32, {1}));
  EXPECT_EQ(RunUnary<float>(single, std::vector<float>{5.0f}),
            std::vector<float>{0.0f});
}

TEST(LogSoftmaxTest, Int8) {
  // in scale 0.1: the row [10, 20, 30] is [1, 2, 3] as above; with out
  // scale 1/16: rint(−2.4076·16) = rint(−38.52) = −39 → 88; −22.52 → −23 →
  // 104; −6.52 → −7 → 120.
  const auto model =
      LogSoftmaxModel(Var("x", DataType::kInt8, {1, 3}, {0.1f}, {0}),
                      Var("y", DataType::kInt8, {1, 3}, {1.0f / 16}, {127}));
  EXPECT_EQ(RunUnary<int8_t>(model, std::vector<int8_t>{10, 20, 30}),
            (std::vector<int8_t>{88, 104, 120}));
}

TEST(LogSoftmaxTest, Uint8) {
  // The same values around input zero point 100 and output zero point 255.
  const auto model =
      LogSoftmaxModel(Var("x", DataType::kUInt8, {3}, {0.1f}, {100}),
                      Var("y", DataType::kUInt8, {3}, {1.0f / 16}, {255}));
  EXPECT_EQ(RunUnary<uint8_t>(model, std::vector<uint8_t>{110, 120, 130}),
            (std::vector<uint8_t>{216, 232, 248}));
}

TEST(LogSoftmaxTest, RejectsOtherOutputQuantization) {
  const Status s = PrepareStatus(
      LogSoftmaxModel(Var("x", DataType::kInt8, {3}, {0.1f}, {0}),
                      Var("y", DataType::kInt8, {3}, {1.0f / 16}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (LOG_SOFTMAX v2): output 0 (tensor 1 'y'): int8 "
                       "LOG_SOFTMAX output must have scale 16/256 (0.0625) and "
                       "zero point 127, got scale 0.0625 and zero point 0"))
      << s.message();
}

TEST(LogSoftmaxTest, RejectsScalar) {
  const Status s = PrepareStatus(LogSoftmaxModel(
      Var("x", DataType::kFloat32, {}), Var("y", DataType::kFloat32, {})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "LOG_SOFTMAX needs at least one dimension, "
                       "got a scalar"))
      << s.message();
}

TEST(LogSoftmaxTest, EmptyRows) {
  const auto model = LogSoftmaxModel(Var("x", DataType::kFloat32, {2, 0}),
                                     Var("y", DataType::kFloat32, {2, 0}));
  EXPECT_TRUE(RunUnary<float>(model, std::vector<float>{}).empty());
}

TEST(LogSoftmaxTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      LogSoftmaxModel(Var("x", DataType::kUInt8, {2, 5}, {0.1f}, {100}),
                      Var("y", DataType::kUInt8, {2, 5}, {1.0f / 16}, {255})));
}

}  // namespace
}  // namespace edgelite
