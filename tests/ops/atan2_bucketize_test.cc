// ATAN2 and BUCKETIZE: hand-computed values, quadrants and signed zeros for
// ATAN2, boundary hits (upper_bound) for BUCKETIZE, refusals.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
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

std::vector<uint8_t> Atan2Model(std::vector<int32_t> ys,
                                std::vector<int32_t> xs) {
  SingleOpModel m;
  m.inputs = {Var("y", DataType::kFloat32, ys),
              Var("x", DataType::kFloat32, xs)};
  m.outputs = {Var("out", DataType::kFloat32, ys)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::ATAN2);
  return m.Build();
}

std::vector<uint8_t> BucketizeModel(DataType type, std::vector<int32_t> shape,
                                    std::vector<float> boundaries) {
  SingleOpModel m;
  m.inputs = {Var("x", type, shape)};
  m.outputs = {Var("out", DataType::kInt32, shape)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::BUCKETIZE);
  m.op.options_type = tfl::BuiltinOptions::BucketizeOptions;
  m.op.options = [boundaries](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateBucketizeOptions(fbb, fbb.CreateVector(boundaries))
        .Union();
  };
  return m.Build();
}

// atan2(1, 1) = pi/4, atan2(1, -1) = 3pi/4, atan2(-1, -1) = -3pi/4,
// atan2(+0, -1) = pi, atan2(-0, -1) = -pi, atan2(0, 0) = 0.
TEST(Atan2Test, Quadrants) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(Atan2Model({6}, {6}), &interp).ok());
  testing::SetInput(interp.get(), 0,
                    std::vector<float>{1, 1, -1, 0.0f, -0.0f, 0});
  testing::SetInput(interp.get(), 1, std::vector<float>{1, -1, -1, -1, -1, 0});
  ASSERT_TRUE(interp->Invoke().ok());
  const auto y = testing::GetOutput<float>(*interp, 0);
  const float pi = 3.14159265358979f;
  EXPECT_FLOAT_EQ(y[0], pi / 4);
  EXPECT_FLOAT_EQ(y[1], 3 * pi / 4);
  EXPECT_FLOAT_EQ(y[2], -3 * pi / 4);
  EXPECT_FLOAT_EQ(y[3], pi);
  EXPECT_FLOAT_EQ(y[4], -pi);
  EXPECT_EQ(y[5], 0.0f);
}

TEST(Atan2Test, RejectsDifferentShapes) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(Atan2Model({2, 2}, {2}), &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("shape [2] differs from y's [2, 2] (ATAN2 does "
                             "not broadcast)"),
            std::string::npos)
      << s.message();
}

// Boundaries [0, 10, 100]: -5 -> 0, 0 -> 1 (equal goes right), 5 -> 1,
// 10 -> 2, 150 -> 3, NaN -> 3.
TEST(BucketizeTest, FloatUpperBound) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(
          BucketizeModel(DataType::kFloat32, {2, 3}, {0, 10, 100}), &interp)
          .ok());
  testing::SetInput(interp.get(), 0,
                    std::vector<float>{-5, 0, 5, 10, 150, std::nanf("")});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0),
            (std::vector<int32_t>{0, 1, 1, 2, 3, 3}));
}

TEST(BucketizeTest, Int32AndNoBoundaries) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  BucketizeModel(DataType::kInt32, {3}, {-1.5f, 2}), &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<int32_t>{-2, -1, 2});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0),
            (std::vector<int32_t>{0, 1, 2}));

  ASSERT_TRUE(testing::MakeInterpreter(
                  BucketizeModel(DataType::kFloat32, {2}, {}), &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0),
            (std::vector<int32_t>{0, 0}));
}

TEST(BucketizeTest, RejectsUnsortedBoundaries) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      BucketizeModel(DataType::kFloat32, {1}, {1, 3, 2}), &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("boundaries must be sorted ascending; "
                             "boundaries[2] = 2 < boundaries[1] = 3"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
