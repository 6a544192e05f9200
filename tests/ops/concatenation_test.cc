// CONCATENATION: byte copies along any axis for every type, TFLite's uint8
// rescaling, and the refused configurations. Expected values are derived in
// comments.
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
namespace tfl = ::edgelite::tfl;

SingleOpModel Concat(
    std::vector<TensorSpec> ins, TensorSpec out, int32_t axis,
    tfl::ActivationFunctionType act = tfl::ActivationFunctionType::NONE) {
  SingleOpModel m;
  m.inputs = std::move(ins);
  m.outputs = {std::move(out)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::CONCATENATION);
  m.op.version = 1;
  m.op.options_type = tfl::BuiltinOptions::ConcatenationOptions;
  m.op.options = [axis, act](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateConcatenationOptions(fbb, axis, act).Union();
  };
  return m;
}

// Runs with one input vector per model input (as raw bytes).
std::vector<uint8_t> RunOp(const SingleOpModel& m,
                           const std::vector<std::vector<uint8_t>>& inputs,
                           Shape* shape = nullptr) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(m.Build(), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  for (size_t i = 0; i < inputs.size(); ++i) {
    testing::SetInput(interp.get(), static_cast<int>(i), inputs[i]);
  }
  const int64_t before = testing::AllocationCount();
  s = interp->Invoke();
  EXPECT_EQ(testing::AllocationCount(), before) << "Invoke allocated";
  EXPECT_TRUE(s.ok()) << s.message();
  if (shape) *shape = interp->output(0)->shape;
  return testing::GetOutput<uint8_t>(*interp, 0);
}

Status Prepare(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(m.Build(), &interp);
}

// [[1,2],[3,4]] ++ [[5],[6]] along axis 1 = [[1,2,5],[3,4,6]].
TEST(ConcatenationOp, FloatInnerAxis) {
  for (int32_t axis : {1, -1}) {
    SingleOpModel m = Concat({Var("a", DataType::kFloat32, {2, 2}),
                              Var("b", DataType::kFloat32, {2, 1})},
                             Var("y", DataType::kFloat32, {2, 3}), axis);
    Shape shape;
    const std::vector<uint8_t> out = RunOp(
        m, {testing::Bytes<float>({1, 2, 3, 4}), testing::Bytes<float>({5, 6})},
        &shape);
    EXPECT_EQ(out, testing::Bytes<float>({1, 2, 5, 3, 4, 6}))
        << "axis " << axis;
    EXPECT_EQ(shape, Shape({2, 3}));
  }
}

// Axis 0 of three int32 inputs: the rows follow each other.
TEST(ConcatenationOp, Int32OuterAxisThreeInputs) {
  SingleOpModel m = Concat(
      {Var("a", DataType::kInt32, {1, 2}), Var("b", DataType::kInt32, {2, 2}),
       Var("c", DataType::kInt32, {1, 2})},
      Var("y", DataType::kInt32, {4, 2}), -2);
  EXPECT_EQ(RunOp(m, {testing::Bytes<int32_t>({1, 2}),
                      testing::Bytes<int32_t>({3, 4, 5, 6}),
                      testing::Bytes<int32_t>({7, 8})}),
            testing::Bytes<int32_t>({1, 2, 3, 4, 5, 6, 7, 8}));
}

// Middle axis of a rank-3 int64 tensor: [2,1,2] ++ [2,2,2] → [2,3,2]; for
// each outer index, a's row then b's two rows.
TEST(ConcatenationOp, Int64MiddleAxis) {
  SingleOpModel m = Concat({Var("a", DataType::kInt64, {2, 1, 2}),
                            Var("b", DataType::kInt64, {2, 2, 2})},
                           Var("y", DataType::kInt64, {2, 3, 2}), 1);
  EXPECT_EQ(
      RunOp(m, {testing::Bytes<int64_t>({1, 2, 3, 4}),
                testing::Bytes<int64_t>({10, 11, 12, 13, 14, 15, 16, 17})}),
      testing::Bytes<int64_t>({1, 2, 10, 11, 12, 13, 3, 4, 14, 15, 16, 17}));
}

TEST(ConcatenationOp, BoolAndInt16AndZeroSize) {
  SingleOpModel b =
      Concat({Var("a", DataType::kBool, {2}), Var("e", DataType::kBool, {0}),
              Var("c", DataType::kBool, {1})},
             Var("y", DataType::kBool, {3}), 0);
  EXPECT_EQ(RunOp(b, {{1, 0}, {}, {1}}), (std::vector<uint8_t>{1, 0, 1}));
  // int16 copies raw values even when the scales differ (zero points 0).
  SingleOpModel s = Concat({Var("a", DataType::kInt16, {1, 1}, {0.5f}, {0}),
                            Var("c", DataType::kInt16, {1, 2}, {2.0f}, {0})},
                           Var("y", DataType::kInt16, {1, 3}, {1.0f}, {0}), 1);
  EXPECT_EQ(RunOp(s, {testing::Bytes<int16_t>({-7}),
                      testing::Bytes<int16_t>({300, -32768})}),
            testing::Bytes<int16_t>({-7, 300, -32768}));
}

// A fused activation is ignored, as LiteRT does (see concatenation.cc).
TEST(ConcatenationOp, FusedActivationIsIgnored) {
  SingleOpModel m = Concat(
      {Var("a", DataType::kFloat32, {2}), Var("b", DataType::kFloat32, {1})},
      Var("y", DataType::kFloat32, {3}), 0, tfl::ActivationFunctionType::RELU6);
  EXPECT_EQ(
      RunOp(m, {testing::Bytes<float>({-3, 0.5f}), testing::Bytes<float>({7})}),
      testing::Bytes<float>({-3, 0.5f, 7}));
}

// Scalars concatenate into a vector of their count.
TEST(ConcatenationOp, ScalarsMakeAVector) {
  SingleOpModel m = Concat(
      {Var("a", DataType::kFloat32, {}), Var("b", DataType::kFloat32, {})},
      Var("y", DataType::kFloat32, {2}), 0);
  Shape shape;
  EXPECT_EQ(
      RunOp(m, {testing::Bytes<float>({1.5f}), testing::Bytes<float>({-2})},
            &shape),
      testing::Bytes<float>({1.5f, -2}));
  EXPECT_EQ(shape, Shape({2}));
}

// Rank 6, axis 4: outer = 2 (dims 0..3), a contributes 1×1 per outer index,
// b 2×1.
TEST(ConcatenationOp, Rank6) {
  SingleOpModel m =
      Concat({Var("a", DataType::kUInt8, {2, 1, 1, 1, 1, 1}, {1}, {0}),
              Var("b", DataType::kUInt8, {2, 1, 1, 1, 2, 1}, {1}, {0})},
             Var("y", DataType::kUInt8, {2, 1, 1, 1, 3, 1}, {1}, {0}), 4);
  EXPECT_EQ(RunOp(m, {{1, 2}, {10, 11, 12, 13}}),
            (std::vector<uint8_t>{1, 10, 11, 2, 12, 13}));
}

// uint8 input a (scale 0.5, zp 10) into an output of scale 1, zp 0:
// scale = 0.5 * (1 / 1) = 0.5, bias = -10 * 0.5 = -5, out = round(q/2 - 5):
//   q = 30 → 10;  q = 11 → 0.5 → 1 (half away from zero);  q = 13 → 1.5 → 2;
//   q = 0 → -5 → clamped to 0;  q = 255 → 122.5 → 123.
// Input b has the output's parameters and is copied (200 stays 200).
TEST(ConcatenationOp, Uint8RescalesMismatchedInputs) {
  SingleOpModel m = Concat({Var("a", DataType::kUInt8, {5}, {0.5f}, {10}),
                            Var("b", DataType::kUInt8, {1}, {1.0f}, {0})},
                           Var("y", DataType::kUInt8, {6}, {1.0f}, {0}), 0);
  EXPECT_EQ(RunOp(m, {{30, 11, 13, 0, 255}, {200}}),
            (std::vector<uint8_t>{10, 1, 2, 0, 123, 200}));
}

// Output zero point 128, scale 0.25; input scale 0.1, zp 0:
// scale = 0.1f * (1 / 0.25f) = 0.4, bias = 0 → out = round(0.4 q) + 128:
//   q = 5 → 2 + 128 = 130; q = 250 → 100 + 128 = 228; q = 255 → 102 → 230.
TEST(ConcatenationOp, Uint8RescaleWithOutputZeroPoint) {
  SingleOpModel m = Concat({Var("a", DataType::kUInt8, {3}, {0.1f}, {0})},
                           Var("y", DataType::kUInt8, {3}, {0.25f}, {128}), 0);
  EXPECT_EQ(RunOp(m, {{5, 250, 255}}), (std::vector<uint8_t>{130, 228, 230}));
}

TEST(ConcatenationOp, Int8SameQuantizationIsCopied) {
  SingleOpModel m = Concat({Var("a", DataType::kInt8, {2}, {0.3f}, {-4}),
                            Var("b", DataType::kInt8, {1}, {0.3f}, {-4})},
                           Var("y", DataType::kInt8, {3}, {0.3f}, {-4}), 0);
  EXPECT_EQ(RunOp(m, {{0x80, 0x7f}, {0x05}}),
            (std::vector<uint8_t>{0x80, 0x7f, 0x05}));
}

TEST(ConcatenationOp, RefusedConfigurations) {
  Status s = Prepare(Concat({Var("a", DataType::kInt8, {2}, {0.3f}, {-4}),
                             Var("b", DataType::kInt8, {1}, {0.5f}, {-4})},
                            Var("y", DataType::kInt8, {3}, {0.3f}, {-4}), 0));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(),
            "op 0 (CONCATENATION v1): input 1 (tensor 1 'b'): int8 "
            "quantization (scale 0.5, zero point -4) differs from the "
            "output's (scale 0.3, zero point -4); TFLite's int8 CONCATENATION "
            "does not rescale");

  s = Prepare(Concat({Var("a", DataType::kInt16, {2}, {0.5f}, {3})},
                     Var("y", DataType::kInt16, {2}, {0.5f}, {0}), 0));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(),
            "op 0 (CONCATENATION v1): input 0 (tensor 0 'a'): int16 zero "
            "point must be 0, got 3");

  s = Prepare(Concat({Var("a", DataType::kFloat32, {2, 2}),
                      Var("b", DataType::kFloat32, {3, 1})},
                     Var("y", DataType::kFloat32, {2, 3}), 1));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (CONCATENATION v1): input 1 (tensor 1 'b'): shape [3, 1] "
            "does not match input 0 shape [2, 2] outside axis 1");

  s = Prepare(Concat({Var("a", DataType::kFloat32, {2, 2})},
                     Var("y", DataType::kFloat32, {2, 2}), 2));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (CONCATENATION v1): axis 2 is out of range for input shape "
            "[2, 2]");

  s = Prepare(Concat(
      {Var("a", DataType::kFloat32, {2}), Var("b", DataType::kInt32, {2})},
      Var("y", DataType::kFloat32, {4}), 0));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (CONCATENATION v1): input 1 (tensor 1 'b'): type int32 "
            "differs from input 0 type float32");
}

}  // namespace
}  // namespace edgelite
