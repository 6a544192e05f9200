#include "core/arena_planner.h"

#include <algorithm>
#include <numeric>

namespace edgelite {

static size_t AlignUp(size_t n) {
  return (n + kArenaAlignment - 1) / kArenaAlignment * kArenaAlignment;
}

ArenaPlan PlanArena(const std::vector<BufferRequest>& requests) {
  ArenaPlan plan;
  const size_t n = requests.size();
  plan.offsets.assign(n, 0);

  // Lower bound: the most bytes live at any one node. A difference array keeps
  // this linear in requests + nodes (a hostile model may have both in the
  // tens of thousands, with lifetimes spanning the whole graph).
  int last_node = 0;
  for (const auto& r : requests) last_node = std::max(last_node, r.last);
  std::vector<size_t> delta(static_cast<size_t>(last_node) + 2, 0);
  for (const auto& r : requests) {
    if (r.bytes == 0 || r.first > r.last) continue;
    delta[r.first] += AlignUp(r.bytes);
    delta[r.last + 1] -= AlignUp(r.bytes);  // wraps, and unwraps in the sum
  }
  size_t live = 0;
  for (size_t v : delta) {
    live += v;
    plan.lower_bound = std::max(plan.lower_bound, live);
  }

  // Largest first; ties by earlier first use, then index, for determinism.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (requests[a].bytes != requests[b].bytes) {
      return requests[a].bytes > requests[b].bytes;
    }
    return requests[a].first < requests[b].first;
  });

  // Placed buffers, kept in offset order, so finding the first gap is one
  // pass over them with no per-request sort or allocation.
  struct Placed {
    size_t offset, end;
    int first, last;
  };
  std::vector<Placed> placed;
  placed.reserve(n);
  size_t high_water = 0;
  for (size_t idx : order) {
    const BufferRequest& r = requests[idx];
    if (r.bytes == 0) continue;
    const size_t size = AlignUp(r.bytes);
    // First gap (in offset order) among the buffers live at the same time.
    size_t candidate = 0;
    for (const Placed& p : placed) {
      ++plan.visits;
      // Sorted by offset: once a buffer starts above the gap, so do the rest.
      if (p.offset >= candidate + size) break;
      if (p.first > r.last || r.first > p.last) continue;
      candidate = std::max(candidate, p.end);
    }
    plan.offsets[idx] = candidate;
    const Placed entry{candidate, candidate + size, r.first, r.last};
    placed.insert(std::upper_bound(placed.begin(), placed.end(), entry,
                                   [](const Placed& a, const Placed& b) {
                                     return a.offset < b.offset;
                                   }),
                  entry);
    high_water = std::max(high_water, candidate + size);
  }
  plan.arena_bytes = high_water == 0 ? 0 : high_water + kArenaTailPadding;
  return plan;
}

}  // namespace edgelite
