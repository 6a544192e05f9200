// The strided copy shared by the data-movement ops: dimension merging and
// walks with negative and zero steps, checked element by element.
#include "ops/copy_util.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace edgelite {
namespace {

std::vector<int32_t> Copy(StridedCopyPlan plan, const std::vector<int32_t>& in,
                          size_t n) {
  plan.Simplify();
  std::vector<int32_t> out(n, -1);
  StridedCopy(plan, reinterpret_cast<const uint8_t*>(in.data()),
              reinterpret_cast<uint8_t*>(out.data()));
  return out;
}

TEST(StridedCopy, ContiguousCollapsesToOneBlock) {
  StridedCopyPlan p;
  p.elem = 4;
  p.Push(2, 12);
  p.Push(3, 4);
  p.Simplify();
  EXPECT_EQ(p.rank, 0);
  EXPECT_EQ(p.elem, 24u);
}

TEST(StridedCopy, RowSliceMergesRowsKeptWhole) {
  // x[3,2,4]: rows 1..2 of the first axis whole → one block of 16 elements.
  StridedCopyPlan p;
  p.elem = 4;
  p.offset = 8 * 4;
  p.Push(2, 32);
  p.Push(2, 16);
  p.Push(4, 4);
  p.Simplify();
  EXPECT_EQ(p.rank, 0);
  EXPECT_EQ(p.elem, 64u);
}

TEST(StridedCopy, TransposeReverseAndBroadcast) {
  std::vector<int32_t> x = {0, 1, 2, 3, 4, 5};  // [2,3]
  StridedCopyPlan t;                            // transpose → [3,2]
  t.elem = 4;
  t.Push(3, 4);
  t.Push(2, 12);
  EXPECT_EQ(Copy(t, x, 6), (std::vector<int32_t>{0, 3, 1, 4, 2, 5}));
  StridedCopyPlan r;  // reverse both axes
  r.elem = 4;
  r.offset = 5 * 4;
  r.Push(2, -12);
  r.Push(3, -4);
  EXPECT_EQ(Copy(r, x, 6), (std::vector<int32_t>{5, 4, 3, 2, 1, 0}));
  StridedCopyPlan b;  // column 1 repeated 4 times, for each row
  b.elem = 4;
  b.offset = 4;
  b.Push(2, 12);
  b.Push(4, 0);
  EXPECT_EQ(Copy(b, x, 8), (std::vector<int32_t>{1, 1, 1, 1, 4, 4, 4, 4}));
}

TEST(StridedCopy, EmptyDimensionCopiesNothing) {
  StridedCopyPlan p;
  p.elem = 4;
  p.Push(3, 4);
  p.Push(0, 4);
  std::vector<int32_t> out = Copy(p, {1, 2, 3}, 2);
  EXPECT_EQ(out, (std::vector<int32_t>{-1, -1}));
}

TEST(FillBytes, RepeatsAnyElementSize) {
  const uint8_t v[3] = {1, 2, 3};
  std::vector<uint8_t> out(15);
  FillBytes(out.data(), v, 3, 5);
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], v[i % 3]) << i;
}

}  // namespace
}  // namespace edgelite
