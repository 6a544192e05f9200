// NON_MAX_SUPPRESSION_V4/V5: hand-computed hard NMS, score threshold, zero
// padding, soft-NMS score decay, refusals.
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

template <typename T>
TensorSpec Scalar(const std::string& name, DataType type, T v,
                  bool constant = true) {
  TensorSpec s = Var(name, type, {});
  if (constant) s.data = testing::Bytes(std::vector<T>{v});
  return s;
}

std::vector<uint8_t> Model(bool v5, int32_t n, int32_t max_out, float iou,
                           float score, float sigma = 0.0f,
                           bool max_const = true) {
  SingleOpModel m;
  m.inputs = {Var("boxes", DataType::kFloat32, {n, 4}),
              Var("scores", DataType::kFloat32, {n}),
              Scalar<int32_t>("max", DataType::kInt32, max_out, max_const),
              Scalar<float>("iou", DataType::kFloat32, iou),
              Scalar<float>("score", DataType::kFloat32, score)};
  if (v5) m.inputs.push_back(Scalar<float>("sigma", DataType::kFloat32, sigma));
  m.outputs = {Var("indices", DataType::kInt32, {max_out})};
  if (v5) m.outputs.push_back(Var("scores_out", DataType::kFloat32, {max_out}));
  m.outputs.push_back(Var("count", DataType::kInt32, {}));
  m.op.builtin_code =
      static_cast<int32_t>(v5 ? tfl::BuiltinOperator::NON_MAX_SUPPRESSION_V5
                              : tfl::BuiltinOperator::NON_MAX_SUPPRESSION_V4);
  return m.Build();
}

// Boxes (y1, x1, y2, x2): A = [0,0,1,1], B = [0,0.1,1,1.1] (IoU with A:
// 0.9 / 1.1 = 0.818), C = [2,2,3,3] (disjoint), D = [0,0,-1,-1] (corners
// swapped: [-1,-1]..[0,0], touches A only at a point).
const std::vector<float> kBoxes = {0, 0, 1, 1, 0, 0.1f, 1,  1.1f,
                                   2, 2, 3, 3, 0, 0,    -1, -1};

// Scores A 0.9, B 0.95, C 0.5, D 0.05: B first, A suppressed (0.818 >= 0.5),
// C selected, D under the 0.1 score threshold. Padded with zeros.
TEST(NonMaxSuppressionTest, V4HardSuppression) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(Model(false, 4, 4, 0.5f, 0.1f), &interp).ok());
  testing::SetInput(interp.get(), 0, kBoxes);
  testing::SetInput(interp.get(), 1,
                    std::vector<float>{0.9f, 0.95f, 0.5f, 0.05f});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0),
            (std::vector<int32_t>{1, 2, 0, 0}));
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 1), (std::vector<int32_t>{2}));
  const int64_t before = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// max_output_size 1 stops after the best box.
TEST(NonMaxSuppressionTest, V4MaxOutputSize) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(Model(false, 4, 1, 0.5f, 0.0f), &interp).ok());
  testing::SetInput(interp.get(), 0, kBoxes);
  testing::SetInput(interp.get(), 1,
                    std::vector<float>{0.9f, 0.95f, 0.5f, 0.05f});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0), (std::vector<int32_t>{1}));
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 1), (std::vector<int32_t>{1}));
}

// Soft-NMS with iou_threshold 1 (no hard suppression), sigma 0.5: A decays
// by exp(-0.5 / 0.5 * 0.818^2) = exp(-0.669) -> 0.9 * 0.512 = 0.461, below
// C's 0.5, so the order is B, C, A (decayed), D (score 0.05 > 0).
TEST(NonMaxSuppressionTest, V5SoftNms) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(Model(true, 4, 4, 1.0f, 0.0f, 0.5f), &interp)
          .ok());
  testing::SetInput(interp.get(), 0, kBoxes);
  testing::SetInput(interp.get(), 1,
                    std::vector<float>{0.9f, 0.95f, 0.5f, 0.05f});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 0),
            (std::vector<int32_t>{1, 2, 0, 3}));
  const auto s = testing::GetOutput<float>(*interp, 1);
  const float iou = 0.9f / 1.1f;
  EXPECT_FLOAT_EQ(s[0], 0.95f);
  EXPECT_FLOAT_EQ(s[1], 0.5f);
  EXPECT_NEAR(s[2], 0.9f * std::exp(-iou * iou), 1e-6f);
  EXPECT_FLOAT_EQ(s[3], 0.05f);
  EXPECT_EQ(testing::GetOutput<int32_t>(*interp, 2), (std::vector<int32_t>{4}));
}

TEST(NonMaxSuppressionTest, RejectsNonConstantMaxOutputSize) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      Model(false, 4, 2, 0.5f, 0.0f, 0.0f, false), &interp);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("a non-constant max_output_size is not supported"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
