// COMPLEX_ABS, REAL, IMAG: hand-computed parts and magnitudes (including
// overflow-free hypot and inf/NaN), refusals, an allocation-free Invoke,
// an RFFT2D → COMPLEX_ABS graph, and the refusal of complex64 tensors by the
// ops that do not take them.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
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

using testing::ExpectError;
using testing::SingleOpModel;
using testing::TensorSpec;
using testing::Var;
using C = std::complex<float>;

std::vector<uint8_t> PartModel(tfl::BuiltinOperator op,
                               std::vector<int32_t> shape,
                               DataType in_type = DataType::kComplex64,
                               DataType out_type = DataType::kFloat32) {
  SingleOpModel m;
  m.inputs = {Var("z", in_type, shape)};
  m.outputs = {Var("y", out_type, shape)};
  m.op.builtin_code = static_cast<int32_t>(op);
  return m.Build();
}

std::vector<float> RunPart(tfl::BuiltinOperator op, const std::vector<C>& z) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(
      PartModel(op, {1, static_cast<int32_t>(z.size())}), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, z);
  EXPECT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(interp->output(0)->shape,
            (Shape{1, static_cast<int32_t>(z.size())}));
  return testing::GetOutput<float>(*interp, 0);
}

const float kInf = std::numeric_limits<float>::infinity();
const float kNaN = std::numeric_limits<float>::quiet_NaN();

TEST(ComplexTest, RealAndImag) {
  const std::vector<C> z = {C(1.5f, -2), C(-0.0f, 3), C(kInf, kNaN)};
  const auto re = RunPart(tfl::BuiltinOperator::REAL, z);
  const auto im = RunPart(tfl::BuiltinOperator::IMAG, z);
  ASSERT_EQ(re.size(), 3u);
  ASSERT_EQ(im.size(), 3u);
  EXPECT_EQ(re[0], 1.5f);
  EXPECT_EQ(im[0], -2.0f);
  EXPECT_TRUE(std::signbit(re[1]));
  EXPECT_EQ(im[1], 3.0f);
  EXPECT_EQ(re[2], kInf);
  EXPECT_TRUE(std::isnan(im[2]));
}

// |3 + 4i| = 5, |-5 - 12i| = 13, |0| = 0; |1e38 + 1e38i| = 1.41421356e38
// although re² overflows float; |3e-30 + 4e-30i| = 5e-30 although re²
// underflows; |NaN + inf i| = inf; |NaN + 1i| = NaN.
TEST(ComplexTest, AbsIsHypot) {
  const auto y = RunPart(tfl::BuiltinOperator::COMPLEX_ABS,
                         {C(3, 4), C(-5, -12), C(0, -0.0f), C(1e38f, 1e38f),
                          C(3e-30f, 4e-30f), C(kNaN, kInf), C(kNaN, 1)});
  ASSERT_EQ(y.size(), 7u);
  EXPECT_EQ(y[0], 5.0f);
  EXPECT_EQ(y[1], 13.0f);
  EXPECT_EQ(y[2], 0.0f);
  EXPECT_FLOAT_EQ(y[3], 1.41421356e38f);
  EXPECT_FLOAT_EQ(y[4], 5e-30f);
  EXPECT_EQ(y[5], kInf);
  EXPECT_TRUE(std::isnan(y[6]));
}

TEST(ComplexTest, AnyShapeAndZeroSize) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  PartModel(tfl::BuiltinOperator::IMAG, {2, 0, 3}), &interp)
                  .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(interp->output(0)->shape, (Shape{2, 0, 3}));

  ASSERT_TRUE(testing::MakeInterpreter(
                  PartModel(tfl::BuiltinOperator::REAL, {}), &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<C>{C(-7, 1)});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<float>(*interp, 0), std::vector<float>{-7});
}

TEST(ComplexTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  PartModel(tfl::BuiltinOperator::COMPLEX_ABS, {3, 5}), &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<C>(15, C(1, 1)));
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(ComplexTest, RejectsRealInputsAndNonFloatOutputs) {
  ExpectError(
      PartModel(tfl::BuiltinOperator::COMPLEX_ABS, {2}, DataType::kFloat32),
      StatusCode::kInvalidModel,
      "op 0 (COMPLEX_ABS v1): input 0 (tensor 0 'z'): type float32 is "
      "not supported (COMPLEX_ABS takes complex64)");
  ExpectError(PartModel(tfl::BuiltinOperator::REAL, {2}, DataType::kInt32),
              StatusCode::kInvalidModel,
              "type int32 is not supported (REAL takes complex64)");
  ExpectError(PartModel(tfl::BuiltinOperator::IMAG, {2}, DataType::kComplex64,
                        DataType::kComplex64),
              StatusCode::kInvalidModel,
              "op 0 (IMAG v1): output 0 (tensor 1 'y'): type complex64 must "
              "be float32 for a complex64 input");
}

// The graph audio models use: RFFT2D then COMPLEX_ABS, with a SQUEEZE of the
// complex spectrum in between (how TFLite's converter lowers a 1-D RFFT).
// [1, 4] = [1, 0, -1, 0] (cos at bin 1): |X| = [0, 2, 0].
TEST(ComplexTest, SpectrumMagnitudeGraph) {
  testing::ModelBuilder b;
  const int x = b.AddActivation("x", DataType::kFloat32, {1, 4});
  const int len = b.AddConstant("fft_length", DataType::kInt32, {2},
                                std::vector<int32_t>{1, 4});
  const int spec = b.AddActivation("spec", DataType::kComplex64, {1, 3});
  const int flat = b.AddActivation("flat", DataType::kComplex64, {3});
  const int mag = b.AddActivation("mag", DataType::kFloat32, {3});
  testing::OperatorSpec rfft;
  rfft.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::RFFT2D);
  rfft.inputs = {x, len};
  rfft.outputs = {spec};
  b.AddOperator(rfft);
  testing::OperatorSpec squeeze;
  squeeze.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::SQUEEZE);
  squeeze.inputs = {spec};
  squeeze.outputs = {flat};
  b.AddOperator(squeeze);
  testing::OperatorSpec abs;
  abs.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::COMPLEX_ABS);
  abs.inputs = {flat};
  abs.outputs = {mag};
  b.AddOperator(abs);
  b.SetInputs({x});
  b.SetOutputs({mag});
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(b.Build(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  testing::SetInput(interp.get(), 0, std::vector<float>{1, 0, -1, 0});
  ASSERT_TRUE(interp->Invoke().ok());
  const auto y = testing::GetOutput<float>(*interp, 0);
  ASSERT_EQ(y.size(), 3u);
  EXPECT_NEAR(y[0], 0, 1e-6);
  EXPECT_NEAR(y[1], 2, 1e-6);
  EXPECT_NEAR(y[2], 0, 1e-6);
}

// Ops not written for complex numbers refuse complex64 before their own
// Prepare runs, with one message.
TEST(ComplexTest, OtherOpsRefuseComplex64) {
  const std::string why =
      "element type complex64 is not supported (only RFFT2D, COMPLEX_ABS, "
      "REAL, IMAG, RESHAPE, SQUEEZE and EXPAND_DIMS take complex64)";
  {
    SingleOpModel m;
    m.inputs = {Var("a", DataType::kComplex64, {2}),
                Var("b", DataType::kComplex64, {2})};
    m.outputs = {Var("c", DataType::kComplex64, {2})};
    m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::ADD);
    ExpectError(m.Build(), StatusCode::kUnsupported,
                "op 0 (ADD v1): input 0 (tensor 0 'a'): " + why);
  }
  {
    SingleOpModel m;
    m.inputs = {Var("a", DataType::kComplex64, {2})};
    m.outputs = {Var("c", DataType::kFloat32, {2})};
    m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::CAST);
    ExpectError(m.Build(), StatusCode::kUnsupported,
                "op 0 (CAST v1): input 0 (tensor 0 'a'): " + why);
  }
  {
    SingleOpModel m;
    m.inputs = {Var("a", DataType::kFloat32, {2})};
    m.outputs = {Var("c", DataType::kComplex64, {2})};
    m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::CAST);
    ExpectError(m.Build(), StatusCode::kUnsupported,
                "op 0 (CAST v1): output 0 (tensor 1 'c'): " + why);
  }
}

// RESHAPE moves complex64 bytes like any other 8-byte element.
TEST(ComplexTest, ReshapeCarriesComplex64) {
  SingleOpModel m;
  TensorSpec shape = Var("shape", DataType::kInt32, {2});
  shape.data = testing::Bytes(std::vector<int32_t>{2, 1});
  m.inputs = {Var("a", DataType::kComplex64, {1, 2}), shape};
  m.outputs = {Var("c", DataType::kComplex64, {2, 1})};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::RESHAPE);
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(m.Build(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  testing::SetInput(interp.get(), 0, std::vector<C>{C(1, 2), C(3, 4)});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(interp->output(0)->shape, (Shape{2, 1}));
  EXPECT_EQ(testing::GetOutput<C>(*interp, 0),
            (std::vector<C>{C(1, 2), C(3, 4)}));
}

}  // namespace
}  // namespace edgelite
