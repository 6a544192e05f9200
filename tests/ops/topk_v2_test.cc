// TOPK_V2: hand-computed top-k rows for every value type, ties (lower index
// first), k = 0 and k = row, and the Prepare refusals.
#include <gtest/gtest.h>

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

TensorSpec K(int32_t k, bool constant = true) {
  TensorSpec s = Var("k", DataType::kInt32, {1});
  if (constant) s.data = testing::Bytes(std::vector<int32_t>{k});
  return s;
}

std::vector<uint8_t> TopKModel(DataType type, std::vector<int32_t> in_shape,
                               int32_t k, std::vector<int32_t> out_shape,
                               bool k_constant = true,
                               DataType idx_type = DataType::kInt32) {
  SingleOpModel m;
  m.inputs = {Var("x", type, in_shape), K(k, k_constant)};
  m.outputs = {Var("values", type, out_shape),
               Var("indices", idx_type, out_shape)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::TOPK_V2);
  return m.Build();
}

template <typename T>
void RunOp(const std::vector<uint8_t>& model, const std::vector<T>& x,
           std::vector<T>* values, std::vector<int32_t>* indices,
           Shape* shape = nullptr) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  testing::SetInput(interp.get(), 0, x);
  s = interp->Invoke();
  ASSERT_TRUE(s.ok()) << s.message();
  *values = testing::GetOutput<T>(*interp, 0);
  *indices = testing::GetOutput<int32_t>(*interp, 1);
  if (shape) *shape = interp->output(0)->shape;
}

Status PrepareStatus(const std::vector<uint8_t>& model) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(model, &interp);
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// Row 0: 3 > 2 > 1; row 1: -1 > -2 > -5 (indices 2, 0, 1).
TEST(TopKV2Test, FloatTwoRows) {
  std::vector<float> v;
  std::vector<int32_t> idx;
  Shape shape;
  RunOp<float>(TopKModel(DataType::kFloat32, {2, 4}, 3, {2, 3}),
               {1, 3, 0, 2, -2, -5, -1, -7}, &v, &idx, &shape);
  EXPECT_EQ(v, (std::vector<float>{3, 2, 1, -1, -2, -5}));
  EXPECT_EQ(idx, (std::vector<int32_t>{1, 3, 0, 2, 0, 1}));
  EXPECT_EQ(shape, Shape({2, 3}));
}

// Equal values keep the lower index first; -0.0 ties with +0.0.
TEST(TopKV2Test, TiesLowerIndexFirst) {
  std::vector<float> v;
  std::vector<int32_t> idx;
  RunOp<float>(TopKModel(DataType::kFloat32, {6}, 5, {5}),
               {0.0f, 5, -0.0f, 5, 0.0f, 7}, &v, &idx);
  EXPECT_EQ(idx, (std::vector<int32_t>{5, 1, 3, 0, 2}));
  EXPECT_EQ(v[0], 7.0f);
}

TEST(TopKV2Test, Int8) {
  std::vector<int8_t> v;
  std::vector<int32_t> idx;
  RunOp<int8_t>(TopKModel(DataType::kInt8, {1, 1, 5}, 2, {1, 1, 2}),
                {-128, 127, 0, 127, -1}, &v, &idx);
  EXPECT_EQ(v, (std::vector<int8_t>{127, 127}));
  EXPECT_EQ(idx, (std::vector<int32_t>{1, 3}));
}

TEST(TopKV2Test, UInt8) {
  std::vector<uint8_t> v;
  std::vector<int32_t> idx;
  RunOp<uint8_t>(TopKModel(DataType::kUInt8, {4}, 4, {4}), {200, 0, 255, 128},
                 &v, &idx);
  EXPECT_EQ(v, (std::vector<uint8_t>{255, 200, 128, 0}));
  EXPECT_EQ(idx, (std::vector<int32_t>{2, 0, 3, 1}));
}

TEST(TopKV2Test, Int32) {
  std::vector<int32_t> v;
  std::vector<int32_t> idx;
  RunOp<int32_t>(TopKModel(DataType::kInt32, {3, 1}, 1, {3, 1}),
                 {-2147483647 - 1, 5, 2147483647}, &v, &idx);
  EXPECT_EQ(v, (std::vector<int32_t>{-2147483647 - 1, 5, 2147483647}));
  EXPECT_EQ(idx, (std::vector<int32_t>{0, 0, 0}));
}

TEST(TopKV2Test, KZeroGivesEmptyOutputs) {
  std::vector<float> v;
  std::vector<int32_t> idx;
  Shape shape;
  RunOp<float>(TopKModel(DataType::kFloat32, {2, 3}, 0, {2, 0}),
               {1, 2, 3, 4, 5, 6}, &v, &idx, &shape);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(shape, Shape({2, 0}));
}

TEST(TopKV2Test, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  TopKModel(DataType::kFloat32, {3, 9}, 4, {3, 4}), &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(TopKV2Test, RejectsNonConstantK) {
  const Status s =
      PrepareStatus(TopKModel(DataType::kFloat32, {4}, 2, {2}, false));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (TOPK_V2 v1): input 1 (tensor 1 'k'): a "
                       "non-constant k is not supported; edgelite plans "
                       "memory before Invoke"))
      << s.message();
}

TEST(TopKV2Test, RejectsKLargerThanRow) {
  const Status s =
      PrepareStatus(TopKModel(DataType::kFloat32, {2, 3}, 4, {2, 4}));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(
      s.message(), "k = 4 must be in [0, 3] (the last dimension of [2, 3])"))
      << s.message();
}

TEST(TopKV2Test, RejectsBool) {
  const Status s = PrepareStatus(TopKModel(DataType::kBool, {3}, 1, {1}));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(), "type bool is not supported"))
      << s.message();
}

TEST(TopKV2Test, RejectsFloatIndices) {
  const Status s = PrepareStatus(
      TopKModel(DataType::kFloat32, {3}, 1, {1}, true, DataType::kFloat32));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "output 1 (tensor 3 'indices'): indices must be int32 "
                       "or int16, got float32"))
      << s.message();
}

}  // namespace
}  // namespace edgelite
