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

  // Lower bound: the most bytes live at any one node.
  int last_node = 0;
  for (const auto& r : requests) last_node = std::max(last_node, r.last);
  std::vector<size_t> live(static_cast<size_t>(last_node) + 2, 0);
  for (const auto& r : requests) {
    if (r.bytes == 0) continue;
    for (int t = r.first; t <= r.last; ++t) live[t] += AlignUp(r.bytes);
  }
  for (size_t v : live) plan.lower_bound = std::max(plan.lower_bound, v);

  // Largest first; ties by earlier first use, then index, for determinism.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (requests[a].bytes != requests[b].bytes) {
      return requests[a].bytes > requests[b].bytes;
    }
    return requests[a].first < requests[b].first;
  });

  struct Placed {
    size_t offset, end;
    int first, last;
  };
  std::vector<Placed> placed;
  placed.reserve(n);
  size_t high_water = 0;
  std::vector<const Placed*> conflicts;
  for (size_t idx : order) {
    const BufferRequest& r = requests[idx];
    if (r.bytes == 0) continue;
    const size_t size = AlignUp(r.bytes);
    conflicts.clear();
    for (const Placed& p : placed) {
      if (p.first <= r.last && r.first <= p.last) conflicts.push_back(&p);
    }
    std::sort(conflicts.begin(), conflicts.end(),
              [](const Placed* a, const Placed* b) { return a->offset < b->offset; });
    // First gap (in offset order) that fits.
    size_t candidate = 0;
    for (const Placed* p : conflicts) {
      if (p->offset >= candidate + size) break;
      candidate = std::max(candidate, p->end);
    }
    plan.offsets[idx] = candidate;
    placed.push_back({candidate, candidate + size, r.first, r.last});
    high_water = std::max(high_water, candidate + size);
  }
  plan.arena_bytes = high_water == 0 ? 0 : high_water + kArenaTailPadding;
  return plan;
}

}  // namespace edgelite
