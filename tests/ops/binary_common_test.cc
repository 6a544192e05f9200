// The shared broadcast iterator of the element-wise ops (ops/binary_common):
// dim merging, strides, zero-size outputs and the broadcast-shape errors,
// checked with a row function that records which input elements each output
// element saw.
#include "ops/binary_common.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace edgelite {
namespace {

// out[i] = index of a * 1000 + index of b (inputs hold their own indices).
struct Pair {
  int32_t operator()(int32_t a, int32_t b) const { return a * 1000 + b; }
};

std::vector<int32_t> Iota(int64_t n) {
  std::vector<int32_t> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v[i] = static_cast<int32_t>(i);
  return v;
}

// Runs the loop for two int32 inputs and returns the output.
std::vector<int32_t> RunPair(const Shape& a, const Shape& b, const Shape& out,
                             BroadcastLoop* loop_out = nullptr) {
  const Shape* shapes[2] = {&a, &b};
  const size_t sizes[2] = {4, 4};
  BroadcastLoop loop;
  PlanBroadcast(shapes, sizes, 2, out, 4, &loop);
  if (loop_out) *loop_out = loop;
  const std::vector<int32_t> va = Iota(a.NumElements());
  const std::vector<int32_t> vb = Iota(b.NumElements());
  std::vector<int32_t> o(static_cast<size_t>(out.NumElements()), -1);
  const uint8_t* in[2] = {reinterpret_cast<const uint8_t*>(va.data()),
                          reinterpret_cast<const uint8_t*>(vb.data())};
  const Pair f;
  RunBroadcast(loop, in, reinterpret_cast<uint8_t*>(o.data()),
               &BinaryRow<int32_t, int32_t, Pair>, &f);
  return o;
}

// The NumPy answer computed the slow way.
std::vector<int32_t> Expected(const Shape& a, const Shape& b,
                              const Shape& out) {
  std::vector<int32_t> o;
  const int r = out.rank;
  for (int64_t i = 0; i < out.NumElements(); ++i) {
    int64_t rem = i;
    int64_t idx[kMaxRank] = {};
    for (int d = r - 1; d >= 0; --d) {
      idx[d] = rem % out.dims[d];
      rem /= out.dims[d];
    }
    auto flat = [&](const Shape& s) {
      int64_t f = 0;
      for (int d = 0; d < s.rank; ++d) {
        const int od = d + (r - s.rank);
        f = f * s.dims[d] + (s.dims[d] == 1 ? 0 : idx[od]);
      }
      return f;
    };
    o.push_back(static_cast<int32_t>(flat(a) * 1000 + flat(b)));
  }
  return o;
}

TEST(BroadcastLoop, SameShapeIsOneRow) {
  BroadcastLoop loop;
  const Shape s({2, 3, 4});
  EXPECT_EQ(RunPair(s, s, s, &loop), Expected(s, s, s));
  EXPECT_EQ(loop.rank, 1);
  EXPECT_EQ(loop.dims[0], 24);
  EXPECT_EQ(loop.inner_step[0], 1);
  EXPECT_EQ(loop.inner_step[1], 1);
}

TEST(BroadcastLoop, ChannelBiasMergesOuterDims) {
  // [1,4,4,8] + [8]: 16 rows of 8, b restarting each row.
  BroadcastLoop loop;
  const Shape a({1, 4, 4, 8}), b({8}), out({1, 4, 4, 8});
  EXPECT_EQ(RunPair(a, b, out, &loop), Expected(a, b, out));
  EXPECT_EQ(loop.rank, 2);
  EXPECT_EQ(loop.dims[0], 16);
  EXPECT_EQ(loop.dims[1], 8);
  EXPECT_EQ(loop.in_stride[1][0], 0);
}

TEST(BroadcastLoop, ScalarOnEitherSide) {
  const Shape a({3, 5}), s({});
  EXPECT_EQ(RunPair(a, s, a), Expected(a, s, a));
  EXPECT_EQ(RunPair(s, a, a), Expected(s, a, a));
  BroadcastLoop loop;
  RunPair(s, s, s, &loop);
  EXPECT_EQ(loop.rank, 1);
  EXPECT_EQ(loop.dims[0], 1);
}

TEST(BroadcastLoop, BothInputsBroadcastAlternating) {
  // Patterns alternate per dim: nothing merges.
  const Shape a({2, 1, 3, 1, 2}), b({1, 4, 1, 5, 2}), out({2, 4, 3, 5, 2});
  BroadcastLoop loop;
  EXPECT_EQ(RunPair(a, b, out, &loop), Expected(a, b, out));
  EXPECT_EQ(loop.rank, 5);
}

TEST(BroadcastLoop, InnerBroadcastHasStepZero) {
  // [2,3,1] x [2,3,4]: a repeats along the innermost dim.
  const Shape a({2, 3, 1}), b({2, 3, 4}), out({2, 3, 4});
  BroadcastLoop loop;
  EXPECT_EQ(RunPair(a, b, out, &loop), Expected(a, b, out));
  EXPECT_EQ(loop.inner_step[0], 0);
  EXPECT_EQ(loop.inner_step[1], 1);
}

TEST(BroadcastLoop, Rank8AndOnesEverywhere) {
  const Shape a({2, 1, 1, 3, 1, 1, 2, 1}), b({1, 1, 2, 1, 1, 1, 2, 3});
  const Shape out({2, 1, 2, 3, 1, 1, 2, 3});
  EXPECT_EQ(RunPair(a, b, out), Expected(a, b, out));
}

TEST(BroadcastLoop, ZeroSizeOutputRunsNoRow) {
  const Shape a({2, 0, 3}), b({3}), out({2, 0, 3});
  EXPECT_TRUE(RunPair(a, b, out).empty());
}

TEST(BroadcastLoop, ThreeInputs) {
  // cond [3,1], x [4], y [] -> [3,4]: x[j] if cond[i] else y.
  const Shape c({3, 1}), x({4}), y({}), out({3, 4});
  const Shape* shapes[3] = {&c, &x, &y};
  const size_t sizes[3] = {1, 4, 4};
  BroadcastLoop loop;
  PlanBroadcast(shapes, sizes, 3, out, 4, &loop);
  const uint8_t cond[3] = {1, 0, 1};
  const int32_t xv[4] = {10, 11, 12, 13};
  const int32_t yv[1] = {-1};
  int32_t o[12] = {};
  struct Select {
    static void Row(const void*, const uint8_t* const* in, const int64_t* step,
                    uint8_t* out, int64_t n) {
      const int32_t* x = reinterpret_cast<const int32_t*>(in[1]);
      const int32_t* y = reinterpret_cast<const int32_t*>(in[2]);
      int32_t* o = reinterpret_cast<int32_t*>(out);
      for (int64_t i = 0; i < n; ++i) {
        o[i] = in[0][i * step[0]] ? x[i * step[1]] : y[i * step[2]];
      }
    }
  };
  const uint8_t* in[3] = {cond, reinterpret_cast<const uint8_t*>(xv),
                          reinterpret_cast<const uint8_t*>(yv)};
  RunBroadcast(loop, in, reinterpret_cast<uint8_t*>(o), &Select::Row, nullptr);
  const std::vector<int32_t> want = {10, 11, 12, 13, -1, -1,
                                     -1, -1, 10, 11, 12, 13};
  EXPECT_EQ(std::vector<int32_t>(o, o + 12), want);
}

TEST(BroadcastLoop, WrappingIntegerHelpers) {
  EXPECT_EQ(WrapAdd<int32_t>(INT32_MAX, 1), INT32_MIN);
  EXPECT_EQ(WrapSub<int32_t>(INT32_MIN, 1), INT32_MAX);
  EXPECT_EQ(WrapMul<int32_t>(65536, 65536), 0);
  EXPECT_EQ(WrapMul<int16_t>(300, 300), 24464);  // 90000 - 65536
  EXPECT_EQ(WrapMul<int64_t>(INT64_MAX, 2), -2);
  EXPECT_EQ(SaturatingDoubleToInt32(3e10), INT32_MAX);
  EXPECT_EQ(SaturatingDoubleToInt32(-3e10), INT32_MIN);
  EXPECT_EQ(SaturatingDoubleToInt32(-2.9), -2);
}

}  // namespace
}  // namespace edgelite
