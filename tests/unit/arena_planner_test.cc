#include "core/arena_planner.h"

#include <gtest/gtest.h>

namespace edgelite {
namespace {

bool Overlap(const BufferRequest& a, size_t ao, const BufferRequest& b,
             size_t bo) {
  const bool time = a.first <= b.last && b.first <= a.last;
  const bool space = ao < bo + b.bytes && bo < ao + a.bytes;
  return time && space;
}

TEST(ArenaPlanner, ChainReusesMemory) {
  // a(0..1) → b(1..2) → c(2..3): a and c never live together.
  std::vector<BufferRequest> r = {{100, 0, 1}, {100, 1, 2}, {100, 2, 3}};
  ArenaPlan p = PlanArena(r);
  EXPECT_EQ(p.lower_bound, 224u);  // two 112-byte (aligned) buffers at once
  EXPECT_EQ(p.arena_bytes, 224u + kArenaTailPadding);
  EXPECT_EQ(p.offsets[0], p.offsets[2]);
  EXPECT_FALSE(Overlap(r[0], p.offsets[0], r[1], p.offsets[1]));
}

TEST(ArenaPlanner, OffsetsAreAlignedAndDisjointWhenLive) {
  std::vector<BufferRequest> r;
  uint32_t seed = 12345;
  for (int i = 0; i < 200; ++i) {
    seed = seed * 1664525u + 1013904223u;
    const int first = static_cast<int>(seed % 50);
    seed = seed * 1664525u + 1013904223u;
    const int len = static_cast<int>(seed % 10);
    seed = seed * 1664525u + 1013904223u;
    r.push_back({1 + seed % 5000, first, first + len});
  }
  ArenaPlan p = PlanArena(r);
  for (size_t i = 0; i < r.size(); ++i) {
    EXPECT_EQ(p.offsets[i] % kArenaAlignment, 0u);
    EXPECT_LE(p.offsets[i] + r[i].bytes + kArenaTailPadding, p.arena_bytes);
    for (size_t j = i + 1; j < r.size(); ++j) {
      ASSERT_FALSE(Overlap(r[i], p.offsets[i], r[j], p.offsets[j]))
          << "buffers " << i << " and " << j;
    }
  }
  EXPECT_GE(p.arena_bytes, p.lower_bound);
}

TEST(ArenaPlanner, FillsGapBetweenBuffers) {
  // Big buffers A (0..2) at 0 and B (0..2) after it; C (1..1) fits nowhere
  // but above them; D (3..3) reuses offset 0.
  std::vector<BufferRequest> r = {
      {1024, 0, 2}, {512, 0, 2}, {256, 1, 1}, {1024, 3, 3}};
  ArenaPlan p = PlanArena(r);
  EXPECT_EQ(p.offsets[0], 0u);
  EXPECT_EQ(p.offsets[1], 1024u);
  EXPECT_EQ(p.offsets[2], 1536u);
  EXPECT_EQ(p.offsets[3], 0u);
  EXPECT_EQ(p.lower_bound, 1792u);
}

// Planning cost, counted rather than timed: the first-fit scan looks at each
// pair of buffers at most once (the planner that sorted every buffer's
// conflicts was n² log n). Quadratic is the worst case, bounded by
// LoadLimits::max_tensors.
TEST(ArenaPlanner, LongChainsVisitEachPairAtMostOnce) {
  const int n = 24000;
  const uint64_t pairs = uint64_t{n} * (n - 1) / 2;
  std::vector<BufferRequest> chain, all_live;
  for (int i = 0; i < n; ++i) {
    chain.push_back({64, i, i + 1});  // a RESHAPE chain: two live at a time
    all_live.push_back({64, i, n});   // every tensor a model output
  }
  const ArenaPlan c = PlanArena(chain);
  EXPECT_LE(c.visits, pairs);
  EXPECT_EQ(c.arena_bytes, 2 * 64 + kArenaTailPadding);
  for (int i = 0; i < n; ++i) ASSERT_EQ(c.offsets[i], (i % 2) * 64u) << i;
  const ArenaPlan a = PlanArena(all_live);
  EXPECT_LE(a.visits, pairs);
  EXPECT_EQ(a.arena_bytes, uint64_t{n} * 64 + kArenaTailPadding);
  EXPECT_EQ(a.lower_bound, uint64_t{n} * 64);
}

TEST(ArenaPlanner, Empty) {
  ArenaPlan p = PlanArena({});
  EXPECT_EQ(p.arena_bytes, 0u);
  EXPECT_EQ(p.lower_bound, 0u);
}

}  // namespace
}  // namespace edgelite
