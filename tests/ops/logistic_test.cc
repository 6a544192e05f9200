// LOGISTIC: float reference, int8/uint8 through TFLite's 256-entry table
// (kTflite) and tflite-micro's fixed-point sigmoid (kMicro). Table entries
// are derived as round_half_away(256 / (1 + expf(-in_scale * (q - zp)))) plus
// the output zero point, clamped.
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

SingleOpModel LogisticModel(TensorSpec in, TensorSpec out) {
  SingleOpModel m;
  m.inputs = {std::move(in)};
  m.outputs = {std::move(out)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::LOGISTIC);
  m.op.version = 2;
  return m;
}

Status Make(const SingleOpModel& m, std::unique_ptr<Interpreter>* interp,
            QuantArithmetic arith = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = arith;
  return testing::MakeInterpreter(m.Build(), interp, options);
}

template <typename T>
std::vector<T> RunLogistic(const SingleOpModel& m, const std::vector<T>& x,
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

// ---------------------------------------------------------------- float

// sigmoid(0) = 0.5, sigmoid(+-1) = 0.73105858 / 0.26894142; above
// 16.619047 TFLite returns 1, below -9 it returns exp(x) (4.539993e-5 at
// -10); sigmoid(16.5) = 0.99999993.
TEST(LogisticOp, Float) {
  SingleOpModel m = LogisticModel(Var("x", DataType::kFloat32, {2, 3}),
                                  Var("y", DataType::kFloat32, {2, 3}));
  const std::vector<float> got =
      RunLogistic<float>(m, {0, 1, -1, 20, -10, 16.5f});
  const std::vector<float> want = {0.5f, 0.73105858f,  0.26894142f,
                                   1.0f, 4.539993e-5f, 0.99999993f};
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_NEAR(got[i], want[i], 1e-6f) << "index " << i;
  }
  EXPECT_EQ(got[3], 1.0f);
}

// ------------------------------------------------------------ int8/uint8

// int8, in scale 0.1 zp 0, out 1/256 zp -128:
//   q = -128: x = -12.8, 256 s = 0.00071 -> 0   -> -128
//   q = -10:  x = -1,    256 s = 68.849  -> 69  -> -59
//   q = 0:    s = 0.5 exactly           -> 128 -> 0
//   q = 10:   x = 1,     256 s = 187.151 -> 187 -> 59
//   q = 127:  x = 12.7,  256 s = 255.999 -> 256 -> 128 -> clamp 127
// kMicro: multiplier/shift for 0.1 * 2^27 give radius floor(15 * 2^27 /
// 2^24) = 120, so |q| >= 120 saturates; the others round the same way.
TEST(LogisticOp, Int8EndpointsAndMidpoint) {
  SingleOpModel m =
      LogisticModel(Var("x", DataType::kInt8, {5}, {0.1f}, {0}),
                    Var("y", DataType::kInt8, {5}, {1.0f / 256}, {-128}));
  const std::vector<int8_t> x = {-128, -10, 0, 10, 127};
  const std::vector<int8_t> want = {-128, -59, 0, 59, 127};
  EXPECT_EQ(RunLogistic<int8_t>(m, x, QuantArithmetic::kTflite), want);
  EXPECT_EQ(RunLogistic<int8_t>(m, x, QuantArithmetic::kMicro), want);
}

// uint8, in scale 0.1 zp 128, out 1/256 zp 0: the same points shifted by 128.
TEST(LogisticOp, Uint8EndpointsAndMidpoint) {
  SingleOpModel m =
      LogisticModel(Var("x", DataType::kUInt8, {5}, {0.1f}, {128}),
                    Var("y", DataType::kUInt8, {5}, {1.0f / 256}, {0}));
  const std::vector<uint8_t> x = {0, 118, 128, 138, 255};
  const std::vector<uint8_t> want = {0, 69, 128, 187, 255};
  EXPECT_EQ(RunLogistic<uint8_t>(m, x, QuantArithmetic::kTflite), want);
  EXPECT_EQ(RunLogistic<uint8_t>(m, x, QuantArithmetic::kMicro), want);
}

// Near a tie the arithmetics part. in scale 1/128: q = +-1 is x = +-1/128
// and 256 sigmoid(x) = 128 +- 0.4999975.
// Table: expf(-1/128) = 0.99221796; 1 + that rounds to 1.9922180 in float;
//   256 / 1.9922180 = 128.49998 -> 128 -> int8 0. For q = -1:
//   1 + 1.0078431 = 2.0078430 -> 127.50001 -> 128 -> 0.
// Fixed point: multiplier 2^30, left shift 21 (1/128 * 2^27 = 2^20), so
//   q = 1 is 2^20 in Q4.27; logistic -> 1077936196 in Q0.31, i.e.
//   128.5000081 * 2^23 -> RoundingDivideByPOT(., 23) = 129 -> int8 1;
//   q = -1 -> 1069547451 = 127.4999918 * 2^23 -> 127 -> int8 -1.
// Both agree away from the tie: q = -128 -> -59, 64 -> 31, 127 -> 59.
TEST(LogisticOp, Int8TfliteVersusMicro) {
  SingleOpModel m =
      LogisticModel(Var("x", DataType::kInt8, {5}, {1.0f / 128}, {0}),
                    Var("y", DataType::kInt8, {5}, {1.0f / 256}, {-128}));
  const std::vector<int8_t> x = {1, -1, -128, 64, 127};
  EXPECT_EQ(RunLogistic<int8_t>(m, x, QuantArithmetic::kTflite),
            (std::vector<int8_t>{0, 0, -59, 31, 59}));
  EXPECT_EQ(RunLogistic<int8_t>(m, x, QuantArithmetic::kMicro),
            (std::vector<int8_t>{1, -1, -59, 31, 59}));
}

TEST(LogisticOp, Uint8TfliteVersusMicro) {
  // The same tie with zero point 128: 129 -> 128 vs 129; 127 -> 128 vs 127.
  SingleOpModel m =
      LogisticModel(Var("x", DataType::kUInt8, {3}, {1.0f / 128}, {128}),
                    Var("y", DataType::kUInt8, {3}, {1.0f / 256}, {0}));
  const std::vector<uint8_t> x = {129, 127, 0};
  EXPECT_EQ(RunLogistic<uint8_t>(m, x, QuantArithmetic::kTflite),
            (std::vector<uint8_t>{128, 128, 69}));
  EXPECT_EQ(RunLogistic<uint8_t>(m, x, QuantArithmetic::kMicro),
            (std::vector<uint8_t>{129, 127, 69}));
}

TEST(LogisticOp, InvokeAllocatesNothing) {
  SingleOpModel m =
      LogisticModel(Var("x", DataType::kInt8, {16}, {0.1f}, {0}),
                    Var("y", DataType::kInt8, {16}, {1.0f / 256}, {-128}));
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

Status PrepareError(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return Make(m, &interp);
}

TEST(LogisticOp, RejectsWrongOutputQuantization) {
  Status s = PrepareError(
      LogisticModel(Var("x", DataType::kInt8, {2}, {0.1f}, {0}),
                    Var("y", DataType::kInt8, {2}, {1.0f / 128}, {-128})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("output 0 (tensor 1 'y'): int8 LOGISTIC output "
                             "must have scale 1/256 (0.00390625) and zero "
                             "point -128, got scale 0.0078125 and zero point "
                             "-128"),
            std::string::npos)
      << s.message();
  s = PrepareError(
      LogisticModel(Var("x", DataType::kUInt8, {2}, {0.1f}, {128}),
                    Var("y", DataType::kUInt8, {2}, {1.0f / 256}, {128})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("zero point 0, got scale 0.00390625 and zero "
                             "point 128"),
            std::string::npos)
      << s.message();
}

TEST(LogisticOp, RejectsMissingQuantizationAndBadTypes) {
  Status s = PrepareError(
      LogisticModel(Var("x", DataType::kInt8, {2}),
                    Var("y", DataType::kInt8, {2}, {1.0f / 256}, {-128})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("input 0 (tensor 0 'x'): int8 tensor must be "
                             "quantized"),
            std::string::npos)
      << s.message();
  s = PrepareError(LogisticModel(Var("x", DataType::kInt8, {2}, {0.1f}, {0}),
                                 Var("y", DataType::kFloat32, {2})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_NE(s.message().find("type float32 differs from input 0 type int8"),
            std::string::npos)
      << s.message();
  s = PrepareError(
      LogisticModel(Var("x", DataType::kInt16, {2}, {0.1f}, {0}),
                    Var("y", DataType::kInt16, {2}, {1.0f / 32768}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("LOGISTIC of int16 is not supported"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace edgelite
