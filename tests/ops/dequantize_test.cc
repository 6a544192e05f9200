// DEQUANTIZE: hand-computed cases. y = f32(scale * (q - zp)), rounded once;
// float16 converts exactly. Both QuantArithmetic modes compute the same bytes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
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

std::vector<uint8_t> DequantizeModel(const TensorSpec& in,
                                     const TensorSpec& out) {
  SingleOpModel m;
  m.inputs = {in};
  m.outputs = {out};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::DEQUANTIZE);
  return m.Build();
}

template <typename In>
std::vector<float> RunDequantize(
    const std::vector<uint8_t>& model, const std::vector<In>& input,
    QuantArithmetic mode = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = mode;
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(model, &interp, options);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  EXPECT_EQ(interp->input(0)->bytes, input.size() * sizeof(In));
  testing::SetInput(interp.get(), 0, input);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<float>(*interp, 0);
}

std::vector<uint32_t> Bits(const std::vector<float>& v) {
  std::vector<uint32_t> out(v.size());
  if (!v.empty()) std::memcpy(out.data(), v.data(), v.size() * sizeof(float));
  return out;
}

Status PrepareStatus(const std::vector<uint8_t>& model) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(model, &interp);
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(DequantizeTest, Int8PerTensor) {
  // scale 0.5, zero point -1: 0.5 * (q + 1).
  const auto model =
      DequantizeModel(Var("q", DataType::kInt8, {4}, {0.5f}, {-1}),
                      Var("y", DataType::kFloat32, {4}));
  const std::vector<int8_t> q = {-128, -1, 0, 127};
  const std::vector<float> want = {-63.5f, 0.0f, 0.5f, 64.0f};
  EXPECT_EQ(RunDequantize(model, q), want);
  EXPECT_EQ(RunDequantize(model, q, QuantArithmetic::kMicro), want);
}

TEST(DequantizeTest, Uint8PerTensorRoundsTheProductOnce) {
  // scale 0.1f = 13421773 * 2^-27, zero point 128.
  //   q=0:   -128 * 0.1f = -1717986944 * 2^-27, exact in float:
  //          -12.80000019073486328125
  //   q=129: 1 * 0.1f = 0.100000001490116119384765625
  //   q=255: 127 * 13421773 = 1704565171 (31 bits) * 2^-27; to 24 bits:
  //          1704565171 / 2^7 = 13316915.398 → 13316915 * 2^-20 =
  //          12.69999980926513671875
  const auto model =
      DequantizeModel(Var("q", DataType::kUInt8, {4}, {0.1f}, {128}),
                      Var("y", DataType::kFloat32, {4}));
  EXPECT_EQ(RunDequantize<uint8_t>(model, {0, 128, 129, 255}),
            (std::vector<float>{-12.80000019073486328125f, 0.0f,
                                0.100000001490116119384765625f,
                                12.69999980926513671875f}));
}

TEST(DequantizeTest, Int16PerTensor) {
  const auto model =
      DequantizeModel(Var("q", DataType::kInt16, {3}, {0.25f}, {0}),
                      Var("y", DataType::kFloat32, {3}));
  EXPECT_EQ(RunDequantize<int16_t>(model, {-32768, 32767, 3}),
            (std::vector<float>{-8192.0f, 8191.75f, 0.75f}));
}

TEST(DequantizeTest, Int32UsesA64BitDifference) {
  // scale 0.5, zero point -2^31: q = 2^31 - 1 gives q - zp = 2^32 - 1, which
  // overflows int32; 0.5 * (2^32 - 1) = 2147483647.5 → float 2^31.
  // q = -2^31 → 0. q = 0 → 2^30.
  const auto model =
      DequantizeModel(Var("q", DataType::kInt32, {3}, {0.5f}, {-2147483648LL}),
                      Var("y", DataType::kFloat32, {3}));
  EXPECT_EQ(RunDequantize<int32_t>(
                model, {2147483647, std::numeric_limits<int32_t>::min(), 0}),
            (std::vector<float>{2147483648.0f, 0.0f, 1073741824.0f}));
  // scale 1, zero point 0: 2^24 + 1 is a tie between 2^24 and 2^24 + 2 →
  // even → 2^24; 2^24 + 3 → 2^24 + 4.
  const auto unit =
      DequantizeModel(Var("q", DataType::kInt32, {2}, {1.0f}, {0}),
                      Var("y", DataType::kFloat32, {2}));
  EXPECT_EQ(RunDequantize<int32_t>(unit, {16777217, 16777219}),
            (std::vector<float>{16777216.0f, 16777220.0f}));
}

TEST(DequantizeTest, PerChannelLastAxis) {
  // Shape [2, 3], quantized_dimension 1: scales {0.5, 0.25, 2}, zero points
  // {0, 1, -1}.
  //   row 0: q {2, 5, -1} → {0.5*2, 0.25*4, 2*0} = {1, 1, 0}
  //   row 1: q {-4, 1, 3} → {0.5*-4, 0.25*0, 2*4} = {-2, 0, 8}
  TensorSpec in =
      Var("q", DataType::kInt8, {2, 3}, {0.5f, 0.25f, 2.0f}, {0, 1, -1});
  in.quantized_dimension = 1;
  const auto model = DequantizeModel(in, Var("y", DataType::kFloat32, {2, 3}));
  const std::vector<int8_t> q = {2, 5, -1, -4, 1, 3};
  const std::vector<float> want = {1, 1, 0, -2, 0, 8};
  EXPECT_EQ(RunDequantize(model, q), want);
  EXPECT_EQ(RunDequantize(model, q, QuantArithmetic::kMicro), want);
}

TEST(DequantizeTest, PerChannelMiddleAxis) {
  // Shape [2, 3, 2], quantized_dimension 1, scales {1, 2, 4}, zero points 0;
  // q = 0..11 in memory order, element (o, c, i) = q * scale[c]:
  //   o=0: c0 {0, 1}, c1 {2*2, 3*2} = {4, 6}, c2 {4*4, 5*4} = {16, 20}
  //   o=1: c0 {6, 7}, c1 {16, 18}, c2 {40, 44}
  TensorSpec in =
      Var("q", DataType::kUInt8, {2, 3, 2}, {1.0f, 2.0f, 4.0f}, {0, 0, 0});
  in.quantized_dimension = 1;
  const auto model =
      DequantizeModel(in, Var("y", DataType::kFloat32, {2, 3, 2}));
  EXPECT_EQ(
      RunDequantize<uint8_t>(model, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}),
      (std::vector<float>{0, 1, 4, 6, 16, 20, 6, 7, 16, 18, 40, 44}));
}

// IEEE half bit patterns and their exact float32 values.
const std::vector<uint16_t> kHalf = {
    0x3C00,  // 1
    0xC000,  // -2
    0x0001,  // smallest subnormal 2^-24
    0x03FF,  // largest subnormal 1023 * 2^-24
    0x0400,  // smallest normal 2^-14
    0x7BFF,  // largest finite 65504
    0x7C00,  // +inf
    0xFC00,  // -inf
    0x8000,  // -0
    0x7E00,  // quiet NaN (payload 0x200 → float mantissa 0x400000)
};
const std::vector<uint32_t> kHalfAsFloatBits = {
    0x3F800000u,  // 1.0f
    0xC0000000u,  // -2.0f
    0x33800000u,  // 2^-24
    0x387FC000u,  // 0x1.ff8p-15
    0x38800000u,  // 2^-14
    0x477FE000u,  // 65504.0f
    0x7F800000u,  // +inf
    0xFF800000u,  // -inf
    0x80000000u,  // -0.0f
    0x7FC00000u,  // NaN
};

TEST(DequantizeTest, Float16IncludingSubnormalsAndInfinities) {
  const auto model = DequantizeModel(Var("h", DataType::kFloat16, {10}),
                                     Var("y", DataType::kFloat32, {10}));
  EXPECT_EQ(Bits(RunDequantize(model, kHalf)), kHalfAsFloatBits);
}

TEST(DequantizeTest, Float16ConstantIsConvertedOnEveryInvoke) {
  TensorSpec w = Var("w", DataType::kFloat16, {10});
  w.data = testing::Bytes(kHalf);
  SingleOpModel m;
  m.inputs = {w};
  m.outputs = {Var("y", DataType::kFloat32, {10})};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::DEQUANTIZE);
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(m.Build(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_EQ(Bits(testing::GetOutput<float>(*interp, 0)), kHalfAsFloatBits);
  }
}

TEST(DequantizeTest, InvokeAllocatesNothing) {
  TensorSpec in =
      Var("q", DataType::kInt8, {2, 3}, {0.5f, 0.25f, 2.0f}, {0, 1, -1});
  in.quantized_dimension = 1;
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(
          DequantizeModel(in, Var("y", DataType::kFloat32, {2, 3})), &interp)
          .ok());
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// ---- errors ----

TEST(DequantizeTest, RejectsNonFloat32Output) {
  const Status s = PrepareStatus(
      DequantizeModel(Var("q", DataType::kInt8, {2}, {0.5f}, {0}),
                      Var("y", DataType::kInt8, {2}, {0.5f}, {0})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "op 0 (DEQUANTIZE v1): output 0 (tensor 1 "
                       "'y'): type must be float32, got int8"))
      << s.message();
}

TEST(DequantizeTest, RejectsFloat32Input) {
  const Status s = PrepareStatus(DequantizeModel(
      Var("q", DataType::kFloat32, {2}), Var("y", DataType::kFloat32, {2})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(s.message(),
                       "input 0 (tensor 0 'q'): type float32 "
                       "cannot be dequantized"))
      << s.message();
}

TEST(DequantizeTest, RejectsMissingQuantization) {
  const Status s = PrepareStatus(DequantizeModel(
      Var("q", DataType::kUInt8, {2}), Var("y", DataType::kFloat32, {2})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_TRUE(Contains(s.message(),
                       "uint8 input has no quantization "
                       "parameters"))
      << s.message();
}

}  // namespace
}  // namespace edgelite
