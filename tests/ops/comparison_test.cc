// EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL: raw
// comparisons (NaN, int64, bool), broadcasting in both directions (GREATER
// runs as LESS with the inputs exchanged), and TFLite's rescaling of int8 /
// uint8 inputs, which can make different reals compare equal.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "ops/elementwise_test_util.h"

namespace edgelite {
namespace {

using namespace testing;  // NOLINT
using Op = tfl::BuiltinOperator;

SingleOpModel Cmp(Op op, TensorSpec a, TensorSpec b, std::vector<int32_t> out) {
  return OpModel(op, 1, {a, b}, {Var("y", DataType::kBool, std::move(out))});
}

TEST(ComparisonOp, FloatAllSixWithNan) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> a = {1, 2, 3, nan, nan};
  const std::vector<float> b = {2, 2, 2, 1, nan};
  struct Want {
    Op op;
    std::vector<uint8_t> y;
  };
  const Want wants[] = {
      {Op::EQUAL, B({0, 1, 0, 0, 0})},
      {Op::NOT_EQUAL, B({1, 0, 1, 1, 1})},
      {Op::LESS, B({1, 0, 0, 0, 0})},
      {Op::LESS_EQUAL, B({1, 1, 0, 0, 0})},
      {Op::GREATER, B({0, 0, 1, 0, 0})},
      {Op::GREATER_EQUAL, B({0, 1, 1, 0, 0})},
  };
  for (const Want& w : wants) {
    SingleOpModel m = Cmp(w.op, Var("a", DataType::kFloat32, {5}),
                          Var("b", DataType::kFloat32, {5}), {5});
    EXPECT_EQ((Run2<uint8_t, float>(m, a, b)), w.y)
        << tfl::EnumNameBuiltinOperator(w.op);
  }
}

TEST(ComparisonOp, GreaterBroadcastsBothWays) {
  // a [2, 1] vs b [3]: y[i][j] = a[i] > b[j]; then the operands exchanged.
  SingleOpModel m1 = Cmp(Op::GREATER, Var("a", DataType::kInt32, {2, 1}),
                         Var("b", DataType::kInt32, {3}), {2, 3});
  EXPECT_EQ((Run2<uint8_t, int32_t>(m1, {1, 5}, {0, 1, 6})),
            B({1, 0, 0, 1, 1, 0}));
  SingleOpModel m2 = Cmp(Op::GREATER_EQUAL, Var("a", DataType::kInt32, {3}),
                         Var("b", DataType::kInt32, {2, 1}), {2, 3});
  EXPECT_EQ((Run2<uint8_t, int32_t>(m2, {0, 1, 6}, {1, 5})),
            B({0, 1, 1, 0, 0, 1}));
}

TEST(ComparisonOp, Int64Int16AndBool) {
  SingleOpModel m64 = Cmp(Op::LESS, Var("a", DataType::kInt64, {2}),
                          Var("b", DataType::kInt64, {2}), {2});
  EXPECT_EQ((Run2<uint8_t, int64_t>(m64, {INT64_MIN, int64_t{1} << 40},
                                    {INT64_MAX, int64_t{1} << 40})),
            B({1, 0}));
  SingleOpModel m16 = Cmp(Op::EQUAL, Var("a", DataType::kInt16, {2}),
                          Var("b", DataType::kInt16, {}), {2});
  EXPECT_EQ((Run2<uint8_t, int16_t>(m16, {-300, 7}, {-300})), B({1, 0}));
  SingleOpModel mb = Cmp(Op::NOT_EQUAL, Var("a", DataType::kBool, {4}),
                         Var("b", DataType::kBool, {4}), {4});
  EXPECT_EQ((Run2<uint8_t, uint8_t>(mb, {0, 1, 0, 1}, {0, 0, 1, 1})),
            B({0, 1, 1, 0}));
}

// int8, both scales 2^-10, zero points 0. Rescaling:
//   v = MBQM(q << 8, 2^30, -9) = RDBPOT(q·2^7, 9) = q / 4 rounded half away
// so q = 0 and 1 both become 0 (equal!), 2 and 3 both 1, -2 -> -1.
TEST(ComparisonOp, Int8RescalingMergesNeighbours) {
  const std::vector<int8_t> a = {1, 2, 2, -2, 0};
  const std::vector<int8_t> b = {0, 3, 1, -1, 1};
  SingleOpModel eq =
      Cmp(Op::EQUAL, QSpec("a", DataType::kInt8, {5}, 1.0f / 1024, 0),
          QSpec("b", DataType::kInt8, {5}, 1.0f / 1024, 0), {5});
  EXPECT_EQ((Run2<uint8_t, int8_t>(eq, a, b)), B({1, 1, 0, 0, 1}));
  SingleOpModel lt =
      Cmp(Op::LESS, QSpec("a", DataType::kInt8, {5}, 1.0f / 1024, 0),
          QSpec("b", DataType::kInt8, {5}, 1.0f / 1024, 0), {5});
  // v: a = [0, 1, 1, -1, 0], b = [0, 1, 0, 0, 0].
  EXPECT_EQ((Run2<uint8_t, int8_t>(lt, a, b)), B({0, 0, 0, 1, 0}));
}

// Quantized int16 in EQUAL / NOT_EQUAL is rescaled like int8 (measured on
// LiteRT.js at scale 2^-10: 0 == 1, 2 == 3, 300 == 301, -2 != -1); LESS and
// unquantized int16 compare raw.
TEST(ComparisonOp, Int16EqualRescalesWhenQuantized) {
  const std::vector<int16_t> a = {0, 1, 2, 3, -2, 300};
  const std::vector<int16_t> b = {1, 0, 3, 3, -1, 301};
  const float s = 1.0f / 1024;
  SingleOpModel eq = Cmp(Op::EQUAL, QSpec("a", DataType::kInt16, {6}, s, 0),
                         QSpec("b", DataType::kInt16, {6}, s, 0), {6});
  EXPECT_EQ((Run2<uint8_t, int16_t>(eq, a, b)), B({1, 1, 1, 1, 0, 1}));
  SingleOpModel ne = Cmp(Op::NOT_EQUAL, QSpec("a", DataType::kInt16, {6}, s, 0),
                         QSpec("b", DataType::kInt16, {6}, s, 0), {6});
  EXPECT_EQ((Run2<uint8_t, int16_t>(ne, a, b)), B({0, 0, 0, 0, 1, 0}));
  SingleOpModel lt = Cmp(Op::LESS, QSpec("a", DataType::kInt16, {6}, s, 0),
                         QSpec("b", DataType::kInt16, {6}, s, 0), {6});
  EXPECT_EQ((Run2<uint8_t, int16_t>(lt, a, b)), B({1, 0, 1, 0, 1, 1}));
  SingleOpModel raw = Cmp(Op::EQUAL, Var("a", DataType::kInt16, {6}),
                          Var("b", DataType::kInt16, {6}), {6});
  EXPECT_EQ((Run2<uint8_t, int16_t>(raw, a, b)), B({0, 0, 0, 1, 0, 0}));
}

// uint8 with different quantizations compares reals: a (0.5, 128), b (0.25,
// 128): 130 is 1.0 like 132; v = 2·256·0.5 = 256 = 4·256·0.25. 131 (1.5) vs
// 133 (1.25): 384 vs 320. 126 (-1.0) vs 124 (-1.0): -256 vs -256.
TEST(ComparisonOp, Uint8DifferentScalesCompareReals) {
  SingleOpModel m =
      Cmp(Op::LESS_EQUAL, QSpec("a", DataType::kUInt8, {3}, 0.5f, 128),
          QSpec("b", DataType::kUInt8, {3}, 0.25f, 128), {3});
  EXPECT_EQ((Run2<uint8_t, uint8_t>(m, {130, 131, 126}, {132, 133, 124})),
            B({1, 0, 1}));
}

TEST(ComparisonOp, Errors) {
  ExpectPrepareError(
      Cmp(Op::EQUAL, QSpec("a", DataType::kUInt8, {2}, 1.0f, 128),
          QSpec("b", DataType::kUInt8, {2}, 0.5f, 128), {2}),
      StatusCode::kUnsupported, "input 0 (tensor 0 'a'): scale 1 >= 1");
  ExpectPrepareError(Cmp(Op::LESS, Var("a", DataType::kBool, {2}),
                         Var("b", DataType::kBool, {2}), {2}),
                     StatusCode::kUnsupported, "LESS of bool is not supported");
  ExpectPrepareError(OpModel(Op::GREATER, 1,
                             {Var("a", DataType::kFloat32, {2}),
                              Var("b", DataType::kFloat32, {2})},
                             {Var("y", DataType::kFloat32, {2})}),
                     StatusCode::kInvalidModel,
                     "output 0 (tensor 2 'y'): type float32 is not bool");
  ExpectPrepareError(Cmp(Op::EQUAL, Var("a", DataType::kFloat32, {2}),
                         Var("b", DataType::kInt32, {2}), {2}),
                     StatusCode::kInvalidModel,
                     "type int32 differs from input 0");
}

TEST(ComparisonOp, InvokeAllocatesNothing) {
  ExpectInvokeAllocatesNothing(
      Cmp(Op::GREATER, QSpec("a", DataType::kInt8, {2, 3}, 0.1f, 0),
          QSpec("b", DataType::kInt8, {3}, 0.2f, 4), {2, 3}));
}

}  // namespace
}  // namespace edgelite
