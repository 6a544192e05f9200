// The float-only element-wise ops (FLOOR, CEIL, ROUND, SIN, COS, SQUARE), SIGN
// (float32, int32), LOGICAL_NOT (bool) and ZEROS_LIKE.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "ops/unary_test_util.h"

namespace edgelite {
namespace {

using namespace unary_test;  // NOLINT

std::vector<float> RunFloatOp(tfl::BuiltinOperator op,
                              const std::vector<float>& x) {
  const int n = static_cast<int>(x.size());
  return RunUnary<float>(Model(OpOf(op), Var("x", DataType::kFloat32, {n}),
                               Var("y", DataType::kFloat32, {n})),
                         x);
}

TEST(UnaryFloatTest, FloorAndCeil) {
  const std::vector<float> x = {1.5f, -1.5f, 2.0f, -0.25f};
  EXPECT_EQ(Bits(RunFloatOp(tfl::BuiltinOperator::FLOOR, x)),
            Bits({1.0f, -2.0f, 2.0f, -1.0f}));
  EXPECT_EQ(Bits(RunFloatOp(tfl::BuiltinOperator::CEIL, x)),
            Bits({2.0f, -1.0f, 2.0f, -0.0f}));
}

TEST(UnaryFloatTest, RoundIsHalfToEven) {
  EXPECT_EQ(Bits(RunFloatOp(tfl::BuiltinOperator::ROUND,
                            {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 2.4f, 2.6f})),
            Bits({0.0f, 2.0f, 2.0f, -0.0f, -2.0f, 2.0f, 3.0f}));
}

TEST(UnaryFloatTest, SinCosSquare) {
  const auto s =
      RunFloatOp(tfl::BuiltinOperator::SIN, {0.0f, 1.5707964f, -1.0f});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], 0.0f);
  EXPECT_EQ(s[1], 1.0f);
  EXPECT_NEAR(s[2], -0.84147098f, 1e-7);
  const auto c = RunFloatOp(tfl::BuiltinOperator::COS, {0.0f, 3.1415927f});
  EXPECT_EQ(c, (std::vector<float>{1.0f, -1.0f}));
  EXPECT_EQ(RunFloatOp(tfl::BuiltinOperator::SQUARE, {-3.0f, 0.5f, 1e20f}),
            (std::vector<float>{9.0f, 0.25f,
                                std::numeric_limits<float>::infinity()}));
}

TEST(UnaryFloatTest, SignFloatAndInt32) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ(RunFloatOp(tfl::BuiltinOperator::SIGN, {-3.0f, 0.0f, 2.0f, nan}),
            (std::vector<float>{-1.0f, 0.0f, 1.0f, 0.0f}));
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::SIGN, 2),
            Var("x", DataType::kInt32, {3}), Var("y", DataType::kInt32, {3}));
  EXPECT_EQ(RunUnary<int32_t>(model, std::vector<int32_t>{-7, 0, 9}),
            (std::vector<int32_t>{-1, 0, 1}));
}

TEST(UnaryFloatTest, FloatOnlyOpsRejectInt8) {
  const Status s =
      PrepareStatus(Model(OpOf(tfl::BuiltinOperator::FLOOR),
                          Var("x", DataType::kInt8, {2}, {0.5f}, {0}),
                          Var("y", DataType::kInt8, {2}, {0.5f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (FLOOR v1): input 0 (tensor 0 'x'): FLOOR of int8 "
                       "is not supported (supported: float32)"))
      << s.message();
}

TEST(LogicalNotTest, Bool) {
  const auto model =
      Model(OpOf(tfl::BuiltinOperator::LOGICAL_NOT),
            Var("x", DataType::kBool, {4}), Var("y", DataType::kBool, {4}));
  EXPECT_EQ(RunUnary<uint8_t>(model, std::vector<uint8_t>{0, 1, 1, 0}),
            (std::vector<uint8_t>{1, 0, 0, 1}));
}

TEST(ZerosLikeTest, EveryType) {
  const auto f = Model(OpOf(tfl::BuiltinOperator::ZEROS_LIKE),
                       Var("x", DataType::kFloat32, {2}),
                       Var("y", DataType::kFloat32, {2}));
  EXPECT_EQ(Bits(RunUnary<float>(f, std::vector<float>{-1.0f, 5.0f})),
            Bits({0.0f, 0.0f}));
  const auto i64 =
      Model(OpOf(tfl::BuiltinOperator::ZEROS_LIKE),
            Var("x", DataType::kInt64, {2}), Var("y", DataType::kInt64, {2}));
  EXPECT_EQ(RunUnary<int64_t>(i64, std::vector<int64_t>{-1, 7}),
            (std::vector<int64_t>{0, 0}));
  const Status s = PrepareStatus(Model(OpOf(tfl::BuiltinOperator::ZEROS_LIKE),
                                       Var("x", DataType::kBool, {2}),
                                       Var("y", DataType::kBool, {2})));
  EXPECT_TRUE(Contains(s.message(),
                       "ZEROS_LIKE of bool is not supported "
                       "(supported: float32, int32, int64)"))
      << s.message();
}

TEST(UnaryFloatTest, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(Model(OpOf(tfl::BuiltinOperator::SIN),
                                     Var("x", DataType::kFloat32, {5}),
                                     Var("y", DataType::kFloat32, {5})));
  ExpectInvokeAllocatesNothing(Model(OpOf(tfl::BuiltinOperator::LOGICAL_NOT),
                                     Var("x", DataType::kBool, {5}),
                                     Var("y", DataType::kBool, {5})));
}

}  // namespace
}  // namespace edgelite
