// ARG_MAX / ARG_MIN: every input type, both output types, int32/int64 axis,
// negative axes, ties (smallest index), NaN, and the refused configurations.
#include <gtest/gtest.h>

#include <cmath>
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
namespace tfl = ::edgelite::tfl;

TensorSpec Axis32(int32_t axis) {
  TensorSpec s = Var("axis", DataType::kInt32, {1});
  s.data = testing::Bytes(std::vector<int32_t>{axis});
  return s;
}

TensorSpec Axis64(int64_t axis) {
  TensorSpec s = Var("axis", DataType::kInt64, {});
  s.data = testing::Bytes(std::vector<int64_t>{axis});
  return s;
}

SingleOpModel Arg(bool is_max, TensorSpec in, TensorSpec axis, TensorSpec out,
                  tfl::TensorType output_type) {
  SingleOpModel m;
  m.inputs = {std::move(in), std::move(axis)};
  m.outputs = {std::move(out)};
  m.op.builtin_code = static_cast<int32_t>(
      is_max ? tfl::BuiltinOperator::ARG_MAX : tfl::BuiltinOperator::ARG_MIN);
  m.op.version = 1;
  if (is_max) {
    m.op.options_type = tfl::BuiltinOptions::ArgMaxOptions;
    m.op.options = [output_type](flatbuffers::FlatBufferBuilder& fbb) {
      return tfl::CreateArgMaxOptions(fbb, output_type).Union();
    };
  } else {
    m.op.options_type = tfl::BuiltinOptions::ArgMinOptions;
    m.op.options = [output_type](flatbuffers::FlatBufferBuilder& fbb) {
      return tfl::CreateArgMinOptions(fbb, output_type).Union();
    };
  }
  return m;
}

template <typename Out, typename In>
std::vector<Out> RunOp(const SingleOpModel& m, const std::vector<In>& x,
                       Shape* shape = nullptr) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(m.Build(), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, x);
  const int64_t before = testing::AllocationCount();
  s = interp->Invoke();
  EXPECT_EQ(testing::AllocationCount(), before) << "Invoke allocated";
  EXPECT_TRUE(s.ok()) << s.message();
  if (shape) *shape = interp->output(0)->shape;
  return testing::GetOutput<Out>(*interp, 0);
}

// x = [[3, 9, 9], [7, 1, 7]] (float).
//   axis 1 (or -1): max → [1 (first 9), 0 (first 7)]; min → [0, 1].
//   axis 0: max → [1, 0, 0] (9 vs 9 in column 2: the first, row 0... column 2
//   is 9 vs 7 → 0); min → [0, 1, 1].
TEST(ArgMinMaxOp, FloatBothAxesAndTies) {
  const std::vector<float> x = {3, 9, 9, 7, 1, 7};
  Shape shape;
  EXPECT_EQ((RunOp<int32_t>(
                Arg(true, Var("x", DataType::kFloat32, {2, 3}), Axis32(-1),
                    Var("y", DataType::kInt32, {2}), tfl::TensorType::INT32),
                x, &shape)),
            (std::vector<int32_t>{1, 0}));
  EXPECT_EQ(shape, Shape({2}));
  EXPECT_EQ((RunOp<int64_t>(
                Arg(false, Var("x", DataType::kFloat32, {2, 3}), Axis64(1),
                    Var("y", DataType::kInt64, {2}), tfl::TensorType::INT64),
                x)),
            (std::vector<int64_t>{0, 1}));
  EXPECT_EQ((RunOp<int32_t>(
                Arg(true, Var("x", DataType::kFloat32, {2, 3}), Axis32(0),
                    Var("y", DataType::kInt32, {3}), tfl::TensorType::INT32),
                x)),
            (std::vector<int32_t>{1, 0, 0}));
  EXPECT_EQ((RunOp<int32_t>(
                Arg(false, Var("x", DataType::kFloat32, {2, 3}), Axis64(-2),
                    Var("y", DataType::kInt32, {3}), tfl::TensorType::INT32),
                x)),
            (std::vector<int32_t>{0, 1, 1}));
}

// Comparisons with NaN are false: a leading NaN is never replaced, a later
// one never taken.
TEST(ArgMinMaxOp, FloatNaN) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  SingleOpModel m =
      Arg(true, Var("x", DataType::kFloat32, {2, 3}), Axis32(1),
          Var("y", DataType::kInt32, {2}), tfl::TensorType::INT32);
  EXPECT_EQ((RunOp<int32_t>(m, std::vector<float>{nan, 5, 6, 1, nan, 2})),
            (std::vector<int32_t>{0, 2}));
}

// Quantized inputs compare raw values; bool max is the first true.
TEST(ArgMinMaxOp, IntegerTypes) {
  EXPECT_EQ(
      (RunOp<int32_t>(
          Arg(true, Var("x", DataType::kUInt8, {4}, {0.1f}, {128}), Axis32(0),
              Var("y", DataType::kInt32, {}), tfl::TensorType::INT32),
          std::vector<uint8_t>{3, 250, 250, 1})),
      (std::vector<int32_t>{1}));
  EXPECT_EQ(
      (RunOp<int64_t>(
          Arg(false, Var("x", DataType::kInt8, {4}, {0.1f}, {0}), Axis32(0),
              Var("y", DataType::kInt64, {}), tfl::TensorType::INT64),
          std::vector<int8_t>{3, -128, 5, -128})),
      (std::vector<int64_t>{1}));
  EXPECT_EQ((RunOp<int32_t>(
                Arg(false, Var("x", DataType::kInt32, {2, 2}), Axis32(1),
                    Var("y", DataType::kInt32, {2}), tfl::TensorType::INT32),
                std::vector<int32_t>{-5, 2000000000, 7, 7})),
            (std::vector<int32_t>{0, 0}));
  EXPECT_EQ((RunOp<int32_t>(
                Arg(true, Var("x", DataType::kBool, {2, 3}), Axis32(1),
                    Var("y", DataType::kInt32, {2}), tfl::TensorType::INT32),
                std::vector<uint8_t>{0, 1, 1, 0, 0, 0})),
            (std::vector<int32_t>{1, 0}));
}

// [2,3,2] over axis 1: out[i][k] = argmax_j x[i][j][k]; x = 0..11 except a
// large value at [1][0][1] = 100. Row 0: the last j (2) both columns. Row 1:
// column 0 → 2, column 1 → 0.
TEST(ArgMinMaxOp, MiddleAxis) {
  std::vector<float> x(12);
  for (int i = 0; i < 12; ++i) x[i] = static_cast<float>(i);
  x[7] = 100;
  Shape shape;
  EXPECT_EQ((RunOp<int32_t>(
                Arg(true, Var("x", DataType::kFloat32, {2, 3, 2}), Axis32(1),
                    Var("y", DataType::kInt32, {2, 2}), tfl::TensorType::INT32),
                x, &shape)),
            (std::vector<int32_t>{2, 2, 2, 0}));
  EXPECT_EQ(shape, Shape({2, 2}));
}

Status Prepare(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(m.Build(), &interp);
}

TEST(ArgMinMaxOp, RefusedConfigurations) {
  Status s =
      Prepare(Arg(true, Var("x", DataType::kFloat32, {2, 3}), Axis32(2),
                  Var("y", DataType::kInt32, {2}), tfl::TensorType::INT32));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (ARG_MAX v1): input 1 (tensor 1 'axis'): axis 2 is out of "
            "range for input shape [2, 3]");

  s = Prepare(Arg(false, Var("x", DataType::kFloat32, {2, 0}), Axis32(1),
                  Var("y", DataType::kInt32, {2}), tfl::TensorType::INT32));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (ARG_MIN v1): input 0 (tensor 0 'x'): axis 1 of shape "
            "[2, 0] is empty; there is no index to return");

  s = Prepare(Arg(true, Var("x", DataType::kFloat32, {2}), Axis32(0),
                  Var("y", DataType::kInt64, {}), tfl::TensorType::INT32));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (ARG_MAX v1): output 0 (tensor 2 'y'): type int64 differs "
            "from the options' output_type int32");

  s = Prepare(Arg(true, Var("x", DataType::kInt16, {2}), Axis32(0),
                  Var("y", DataType::kInt32, {}), tfl::TensorType::INT32));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(),
            "op 0 (ARG_MAX v1): input 0 (tensor 0 'x'): int16 is not "
            "supported (float32, uint8, int8, int32 and bool are)");

  TensorSpec two = Var("axis", DataType::kInt32, {2});
  two.data = testing::Bytes(std::vector<int32_t>{0, 1});
  s = Prepare(Arg(true, Var("x", DataType::kFloat32, {2, 2}), two,
                  Var("y", DataType::kInt32, {2}), tfl::TensorType::INT32));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (ARG_MAX v1): input 1 (tensor 1 'axis'): axis must hold "
            "exactly one value, got shape [2]");

  s = Prepare(Arg(true, Var("x", DataType::kFloat32, {2, 2}),
                  Var("axis", DataType::kInt32, {1}),
                  Var("y", DataType::kInt32, {2}), tfl::TensorType::INT32));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(),
            "op 0 (ARG_MAX v1): input 1 (tensor 1 'axis'): a non-constant "
            "axis tensor is not supported; edgelite plans memory before "
            "Invoke");
}

}  // namespace
}  // namespace edgelite
