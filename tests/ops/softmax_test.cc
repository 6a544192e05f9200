// SOFTMAX: float with beta, and int8/uint8 bytes from TFLite's float table
// (kTflite) and tflite-micro's fixed-point kernel (kMicro). Quantized
// expectations are derived below from the table formula
//   t[255 - v] = expf(-in_scale * beta * v), p = t * 256 / sum(t)
// with float32 rounding at each step.
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
namespace tfl = ::edgelite::tfl;

SingleOpModel SoftmaxModel(TensorSpec in, TensorSpec out, float beta) {
  SingleOpModel m;
  m.inputs = {std::move(in)};
  m.outputs = {std::move(out)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::SOFTMAX);
  m.op.version = 2;
  m.op.options_type = tfl::BuiltinOptions::SoftmaxOptions;
  m.op.options = [beta](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateSoftmaxOptions(fbb, beta).Union();
  };
  return m;
}

// int8 output quantization TFLite requires.
TensorSpec Int8Out(std::vector<int32_t> shape) {
  return Var("y", DataType::kInt8, std::move(shape), {1.0f / 256}, {-128});
}
TensorSpec Uint8Out(std::vector<int32_t> shape) {
  return Var("y", DataType::kUInt8, std::move(shape), {1.0f / 256}, {0});
}

Status Make(const SingleOpModel& m, std::unique_ptr<Interpreter>* interp,
            QuantArithmetic arith = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = arith;
  return testing::MakeInterpreter(m.Build(), interp, options);
}

template <typename T>
std::vector<T> RunSoftmax(const SingleOpModel& m, const std::vector<T>& x,
                          QuantArithmetic arith = QuantArithmetic::kTflite) {
  std::unique_ptr<Interpreter> interp;
  Status s = Make(m, &interp, arith);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, x);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<T>(*interp, 0);
}

void ExpectNear(const std::vector<float>& got, const std::vector<float>& want,
                float tol) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i], want[i], tol) << "index " << i;
  }
}

// ---------------------------------------------------------------- float

// x = [1, 2, 3], beta = 2: exp(2 (x - 3)) = [e^-4, e^-2, 1]; the sum is
// 1.15365092, so y = [0.01587624, 0.11731043, 0.86681333].
TEST(SoftmaxOp, FloatBeta) {
  SingleOpModel m = SoftmaxModel(Var("x", DataType::kFloat32, {3}),
                                 Var("y", DataType::kFloat32, {3}), 2.0f);
  ExpectNear(RunSoftmax<float>(m, {1, 2, 3}),
             {0.01587624f, 0.11731043f, 0.86681333f}, 1e-6f);
}

// Rows are independent: [0, 0] -> halves; [1, 0] -> e/(1+e) = 0.73105858;
// [-1000, -1000] stays finite thanks to the max subtraction.
TEST(SoftmaxOp, FloatRowsOverLastAxis) {
  SingleOpModel m = SoftmaxModel(Var("x", DataType::kFloat32, {3, 2}),
                                 Var("y", DataType::kFloat32, {3, 2}), 1.0f);
  ExpectNear(RunSoftmax<float>(m, {0, 0, 1, 0, -1000, -1000}),
             {0.5f, 0.5f, 0.73105858f, 0.26894142f, 0.5f, 0.5f}, 1e-6f);
}

// ------------------------------------------------------------ int8/uint8

// in scale 0.5, beta 1, row [0, -2, -4]: max 0, so v = 0, 2, 4 and
//   t = expf(0) = 1, expf(-1) = 0.36787945, expf(-2) = 0.13533528
//   sum = 1.5032147; inv = 1 / (sum / 256) = 170.30168
//   p = 170.30168, 62.650490, 23.047827 -> 170, 63, 23
//   int8: -128 + those = 42, -65, -105.
// The fixed-point kernel lands on the same bytes here.
TEST(SoftmaxOp, Int8SmallRowBothModes) {
  SingleOpModel m = SoftmaxModel(Var("x", DataType::kInt8, {3}, {0.5f}, {0}),
                                 Int8Out({3}), 1.0f);
  const std::vector<int8_t> want = {42, -65, -105};
  EXPECT_EQ(RunSoftmax<int8_t>(m, {0, -2, -4}, QuantArithmetic::kTflite), want);
  EXPECT_EQ(RunSoftmax<int8_t>(m, {0, -2, -4}, QuantArithmetic::kMicro), want);
}

// beta enters as -in_scale * beta: scale 0.25 with beta 2 builds the same
// table as above, and only differences to the row max matter.
TEST(SoftmaxOp, Int8BetaAndShiftInvariance) {
  SingleOpModel m = SoftmaxModel(Var("x", DataType::kInt8, {3}, {0.25f}, {7}),
                                 Int8Out({3}), 2.0f);
  EXPECT_EQ(RunSoftmax<int8_t>(m, {10, 8, 6}),
            (std::vector<int8_t>{42, -65, -105}));
}

// uint8 row [200, 198, 196], scale 0.5: the same probabilities as the int8
// case, 170.30, 62.65, 23.05, quantized as (int)(p + 0.5) with zero point 0.
TEST(SoftmaxOp, Uint8SmallRowBothModes) {
  SingleOpModel m =
      SoftmaxModel(Var("x", DataType::kUInt8, {1, 3}, {0.5f}, {128}),
                   Uint8Out({1, 3}), 1.0f);
  const std::vector<uint8_t> want = {170, 63, 23};
  EXPECT_EQ(RunSoftmax<uint8_t>(m, {200, 198, 196}, QuantArithmetic::kTflite),
            want);
  EXPECT_EQ(RunSoftmax<uint8_t>(m, {200, 198, 196}, QuantArithmetic::kMicro),
            want);
}

// Several rows, equal entries and a huge gap:
//   [5, 5]: t = 1, 1; sum 2; p = 128 -> int8 0, 0.
//   [0, -100] at scale 0.5: t[1] = expf(-50) ~ 2e-22; p = 256 -> 128 -> 127,
//     and ~0 -> -128. kMicro: -100 is below diff_min (-31), so -128 as well.
//   [-128, 127, 127]: the -255 step underflows to 0 -> -128; the two maxima
//     split 128 each -> 0, 0.
TEST(SoftmaxOp, Int8RowsEqualAndSaturated) {
  SingleOpModel m2 = SoftmaxModel(
      Var("x", DataType::kInt8, {2, 2}, {0.5f}, {0}), Int8Out({2, 2}), 1.0f);
  const std::vector<int8_t> want2 = {0, 0, 127, -128};
  EXPECT_EQ(RunSoftmax<int8_t>(m2, {5, 5, 0, -100}, QuantArithmetic::kTflite),
            want2);
  EXPECT_EQ(RunSoftmax<int8_t>(m2, {5, 5, 0, -100}, QuantArithmetic::kMicro),
            want2);
  SingleOpModel m3 =
      SoftmaxModel(Var("x", DataType::kInt8, {1, 1, 3}, {0.5f}, {0}),
                   Int8Out({1, 1, 3}), 1.0f);
  const std::vector<int8_t> want3 = {-128, 0, 0};
  EXPECT_EQ(RunSoftmax<int8_t>(m3, {-128, 127, 127}, QuantArithmetic::kTflite),
            want3);
  EXPECT_EQ(RunSoftmax<int8_t>(m3, {-128, 127, 127}, QuantArithmetic::kMicro),
            want3);
}

// A row where the two arithmetics differ by one. Scale 0.2, row
// [0, -23, -9, -32]: t = 1, expf(-4.6) = 0.010051836, expf(-1.8) =
// 0.16529889, expf(-6.4) = 0.0016615573; sum = 1.1770122;
// inv = 256 / sum = 217.49986; p = 217.49986, 2.1863, 35.9525, 0.3614 ->
// 217, 2, 36, 0 -> int8 89, -126, -92, -128.
// The fixed-point kernel (multiplier 1717986918, left shift 24, diff_min
// -124, Q12.19 sum 617093, reciprocal 1824522248) rounds the first
// probability up to 218: 90.
TEST(SoftmaxOp, Int8TfliteVersusMicro) {
  SingleOpModel m = SoftmaxModel(Var("x", DataType::kInt8, {4}, {0.2f}, {0}),
                                 Int8Out({4}), 1.0f);
  const std::vector<int8_t> x = {0, -23, -9, -32};
  EXPECT_EQ(RunSoftmax<int8_t>(m, x, QuantArithmetic::kTflite),
            (std::vector<int8_t>{89, -126, -92, -128}));
  EXPECT_EQ(RunSoftmax<int8_t>(m, x, QuantArithmetic::kMicro),
            (std::vector<int8_t>{90, -126, -92, -128}));
}

// 512 equal entries: t = 1 each, sum = 512, inv = 256 / 512 = 0.5, so every
// p is exactly 0.5: int8 rounds half away -> 1 -> -127; uint8 adds 0.5 and
// truncates -> 1. kMicro: the Q12.19 sum is 512 * 2^19 = 2^28, which has 3
// leading zeros, so 9 bits over unit and a final shift of 9 + 31 - 8 = 32;
// the exact quotient rounds to 0 -> qmin (gemmlowp's shift is undefined
// there).
TEST(SoftmaxOp, ExactHalfTieOnLongRow) {
  SingleOpModel m = SoftmaxModel(Var("x", DataType::kInt8, {512}, {0.5f}, {0}),
                                 Int8Out({512}), 1.0f);
  const std::vector<int8_t> x(512, 3);
  EXPECT_EQ(RunSoftmax<int8_t>(m, x, QuantArithmetic::kTflite),
            std::vector<int8_t>(512, -127));
  EXPECT_EQ(RunSoftmax<int8_t>(m, x, QuantArithmetic::kMicro),
            std::vector<int8_t>(512, -128));
  SingleOpModel mu = SoftmaxModel(
      Var("x", DataType::kUInt8, {512}, {0.5f}, {0}), Uint8Out({512}), 1.0f);
  EXPECT_EQ(RunSoftmax<uint8_t>(mu, std::vector<uint8_t>(512, 9)),
            std::vector<uint8_t>(512, 1));
}

TEST(SoftmaxOp, InvokeAllocatesNothing) {
  SingleOpModel m = SoftmaxModel(
      Var("x", DataType::kInt8, {4, 10}, {0.1f}, {0}), Int8Out({4, 10}), 1.0f);
  for (QuantArithmetic arith :
       {QuantArithmetic::kTflite, QuantArithmetic::kMicro}) {
    std::unique_ptr<Interpreter> interp;
    ASSERT_TRUE(Make(m, &interp, arith).ok());
    ASSERT_TRUE(interp->Invoke().ok());
    const int64_t before = testing::AllocationCount();
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_EQ(testing::AllocationCount(), before);
  }
}

// ---------------------------------------------------------------- errors

Status PrepareError(const SingleOpModel& m,
                    QuantArithmetic arith = QuantArithmetic::kTflite) {
  std::unique_ptr<Interpreter> interp;
  return Make(m, &interp, arith);
}

TEST(SoftmaxOp, RejectsInt8OutputZeroPoint) {
  Status s = PrepareError(
      SoftmaxModel(Var("x", DataType::kInt8, {3}, {0.5f}, {0}),
                   Var("y", DataType::kInt8, {3}, {1.0f / 256}, {-127}), 1.0f));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("output 0 (tensor 1 'y'): int8 SOFTMAX output "
                             "must have zero point -128 and scale 1/256 "
                             "(0.00390625), got zero point -127 and scale "
                             "0.00390625"),
            std::string::npos)
      << s.message();
}

TEST(SoftmaxOp, RejectsInt8OutputScale) {
  Status s = PrepareError(
      SoftmaxModel(Var("x", DataType::kInt8, {3}, {0.5f}, {0}),
                   Var("y", DataType::kInt8, {3}, {1.0f / 128}, {-128}), 1.0f));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("got zero point -128 and scale 0.0078125"),
            std::string::npos)
      << s.message();
}

TEST(SoftmaxOp, Uint8OtherOutputQuantizationIsUnsupported) {
  Status s = PrepareError(
      SoftmaxModel(Var("x", DataType::kUInt8, {3}, {0.5f}, {0}),
                   Var("y", DataType::kUInt8, {3}, {1.0f / 256}, {5}), 1.0f));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("uint8 SOFTMAX output must have zero point 0"),
            std::string::npos)
      << s.message();
}

TEST(SoftmaxOp, RejectsMissingQuantizationAndBadTypes) {
  Status s = PrepareError(
      SoftmaxModel(Var("x", DataType::kInt8, {3}), Int8Out({3}), 1.0f));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("input 0 (tensor 0 'x'): int8 tensor must be "
                             "quantized"),
            std::string::npos)
      << s.message();
  s = PrepareError(SoftmaxModel(Var("x", DataType::kInt8, {3}, {0.5f}, {0}),
                                Uint8Out({3}), 1.0f));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("SOFTMAX from int8 to uint8 is not supported"),
            std::string::npos)
      << s.message();
  s = PrepareError(
      SoftmaxModel(Var("x", DataType::kInt16, {3}, {0.5f}, {0}),
                   Var("y", DataType::kInt16, {3}, {1.0f / 32768}, {0}), 1.0f));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("SOFTMAX of int16 is not supported"),
            std::string::npos)
      << s.message();
}

TEST(SoftmaxOp, RejectsScalarInput) {
  Status s = PrepareError(SoftmaxModel(Var("x", DataType::kFloat32, {}),
                                       Var("y", DataType::kFloat32, {}), 1.0f));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("SOFTMAX needs rank >= 1"), std::string::npos)
      << s.message();
}

TEST(SoftmaxOp, MicroRejectsRowsTooLongForItsSum) {
  Status s =
      PrepareError(SoftmaxModel(Var("x", DataType::kInt8, {4096}, {0.5f}, {0}),
                                Int8Out({4096}), 1.0f),
                   QuantArithmetic::kMicro);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("rows of 4096 elements"), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
