// Counts heap allocations made through operator new / malloc-family calls in
// this test binary, so tests can prove Invoke() allocates nothing.
#ifndef EDGELITE_TESTS_SUPPORT_ALLOC_COUNTER_H_
#define EDGELITE_TESTS_SUPPORT_ALLOC_COUNTER_H_

#include <cstdint>

namespace edgelite {
namespace testing {

int64_t AllocationCount();

}  // namespace testing
}  // namespace edgelite

#endif  // EDGELITE_TESTS_SUPPORT_ALLOC_COUNTER_H_
