// SEGMENT_SUM and UNSORTED_SEGMENT_SUM/MAX/MIN/PROD: hand-computed rows,
// empty segments (initial values), negative ids, multi-dim ids, refusals.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"
#include "support/op_test_util.h"

namespace edgelite {
namespace {

using testing::SingleOpModel;
using testing::TensorSpec;
using testing::Var;

TensorSpec ConstI32(const std::string& name, std::vector<int32_t> shape,
                    const std::vector<int32_t>& v) {
  TensorSpec s = Var(name, DataType::kInt32, std::move(shape));
  s.data = testing::Bytes(v);
  return s;
}

std::vector<uint8_t> SegmentSumModel(DataType type, std::vector<int32_t> shape,
                                     TensorSpec ids, std::vector<int32_t> out) {
  SingleOpModel m;
  m.inputs = {Var("data", type, shape), std::move(ids)};
  m.outputs = {Var("y", type, out)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::SEGMENT_SUM);
  return m.Build();
}

std::vector<uint8_t> UnsortedModel(tfl::BuiltinOperator op, DataType type,
                                   std::vector<int32_t> shape,
                                   std::vector<int32_t> ids_shape,
                                   int32_t segments, std::vector<int32_t> out) {
  SingleOpModel m;
  m.inputs = {Var("data", type, shape),
              Var("ids", DataType::kInt32, std::move(ids_shape)),
              ConstI32("num", {}, {segments})};
  m.outputs = {Var("y", type, out)};
  m.op.builtin_code = static_cast<int32_t>(op);
  return m.Build();
}

// ids [0, 0, 1, 2, 2]: rows 0+1, row 2, rows 3+4.
TEST(SegmentSumTest, FloatRows) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(
          SegmentSumModel(DataType::kFloat32, {5, 2},
                          ConstI32("ids", {5}, {0, 0, 1, 2, 2}), {3, 2}),
          &interp)
          .ok());
  testing::SetInput(interp.get(), 0,
                    std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{4, 6, 5, 6, 16, 18}));
  EXPECT_EQ(interp->output(0)->shape, Shape({3, 2}));
}

TEST(SegmentSumTest, RejectsGapsAndNonZeroStart) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(
      SegmentSumModel(DataType::kInt32, {3}, ConstI32("ids", {3}, {0, 0, 2}),
                      {3}),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("segment_ids must start at 0 and grow by 0 or 1 "
                             "(as TFLite requires); segment_ids[2] = 2"),
            std::string::npos)
      << s.message();
  s = testing::MakeInterpreter(
      SegmentSumModel(DataType::kInt32, {2}, ConstI32("ids", {2}, {1, 1}), {2}),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
}

TEST(SegmentSumTest, RejectsUnsortedIds) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      SegmentSumModel(DataType::kInt32, {3}, ConstI32("ids", {3}, {0, 1, 0}),
                      {3}),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("segment_ids[2] = 0"), std::string::npos)
      << s.message();
}

TEST(SegmentSumTest, RejectsNonConstantIds) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      SegmentSumModel(DataType::kInt32, {3}, Var("ids", DataType::kInt32, {3}),
                      {3}),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
}

// data [1, 5, -2, 7], ids [1, -1, 1, 0], 3 segments.
TEST(UnsortedSegmentTest, AllFourReductions) {
  struct Case {
    tfl::BuiltinOperator op;
    std::vector<int32_t> want;
  };
  const int32_t lo = std::numeric_limits<int32_t>::lowest();
  const int32_t hi = std::numeric_limits<int32_t>::max();
  const Case cases[] = {
      {tfl::BuiltinOperator::UNSORTED_SEGMENT_SUM, {7, -1, 0}},
      {tfl::BuiltinOperator::UNSORTED_SEGMENT_MAX, {7, 1, lo}},
      {tfl::BuiltinOperator::UNSORTED_SEGMENT_MIN, {7, -2, hi}},
      {tfl::BuiltinOperator::UNSORTED_SEGMENT_PROD, {7, -2, 1}},
  };
  for (const Case& c : cases) {
    std::unique_ptr<Interpreter> interp;
    ASSERT_TRUE(
        testing::MakeInterpreter(
            UnsortedModel(c.op, DataType::kInt32, {4}, {4}, 3, {3}), &interp)
            .ok());
    testing::SetInput(interp.get(), 0, std::vector<int32_t>{1, 5, -2, 7});
    testing::SetInput(interp.get(), 1, std::vector<int32_t>{1, -1, 1, 0});
    ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0), c.want);
    const int64_t before = testing::AllocationCount();
    ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_EQ(testing::AllocationCount(), before);
  }
}

// ids [2, 2] over data [2, 2, 3]: rows of 3.
TEST(UnsortedSegmentTest, MultiDimIdsFloatMax) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(
          UnsortedModel(tfl::BuiltinOperator::UNSORTED_SEGMENT_MAX,
                        DataType::kFloat32, {2, 2, 3}, {2, 2}, 2, {2, 3}),
          &interp)
          .ok());
  testing::SetInput(interp.get(), 0,
                    std::vector<float>{1, 2, 3, 4, 5, 6, -1, -2, -3, 0, 9, 0});
  testing::SetInput(interp.get(), 1, std::vector<int32_t>{0, 1, 0, 0});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0),
            (std::vector<float>{1, 9, 3, 4, 5, 6}));
}

TEST(UnsortedSegmentTest, IdAboveNumSegmentsFailsEval) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  UnsortedModel(tfl::BuiltinOperator::UNSORTED_SEGMENT_SUM,
                                DataType::kFloat32, {2}, {2}, 2, {2}),
                  &interp)
                  .ok());
  testing::SetInput(interp.get(), 1, std::vector<int32_t>{0, 2});
  const Status s = interp->Invoke();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("segment_ids[1] = 2 is not below num_segments 2"),
            std::string::npos)
      << s.message();
}

TEST(UnsortedSegmentTest, RejectsNonPrefixIds) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      UnsortedModel(tfl::BuiltinOperator::UNSORTED_SEGMENT_SUM,
                    DataType::kFloat32, {2, 3}, {3}, 2, {2, 3}),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("segment_ids shape [3] must be a prefix of the "
                             "data's [2, 3]"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
