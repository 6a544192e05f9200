// Greedy arena planner: buffers with lifetimes [first, last] (node indices,
// inclusive) are placed largest first at the lowest offset that does not
// overlap any already-placed buffer whose lifetime intersects.
#ifndef EDGELITE_CORE_ARENA_PLANNER_H_
#define EDGELITE_CORE_ARENA_PLANNER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace edgelite {

constexpr size_t kArenaAlignment = 16;
// Extra bytes after the last buffer so SIMD tails may over-read.
constexpr size_t kArenaTailPadding = 64;

struct BufferRequest {
  size_t bytes = 0;
  int first = 0;  // first node that uses it
  int last = 0;   // last node that uses it (inclusive)
};

struct ArenaPlan {
  std::vector<size_t> offsets;  // one per request
  size_t arena_bytes = 0;       // bytes needed, tail padding included
  size_t lower_bound =
      0;  // max over time of bytes live at once (aligned sizes)
  // Placed buffers the first-fit scan examined: at most n(n−1)/2 for n
  // buffers. Planning is quadratic in the worst case (as TFLite's greedy
  // planner is), which LoadLimits::max_tensors (32768) bounds.
  uint64_t visits = 0;
};

ArenaPlan PlanArena(const std::vector<BufferRequest>& requests);

}  // namespace edgelite

#endif  // EDGELITE_CORE_ARENA_PLANNER_H_
