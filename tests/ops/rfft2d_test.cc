// RFFT2D: hand-computed 2-D DFTs (impulse, constant, cosine and sine at a bin,
// 2×2, batch dimensions, cropping, zero-padding, 1×1), a 8×16 case against
// the DFT sum, zero-size inputs, refusals, and an allocation-free Invoke.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
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

using testing::ExpectError;
using testing::SingleOpModel;
using testing::TensorSpec;
using testing::Var;
using C = std::complex<float>;

TensorSpec FftLength(std::vector<int32_t> v, DataType type = DataType::kInt32) {
  TensorSpec s = Var("fft_length", type, {static_cast<int32_t>(v.size())});
  if (type == DataType::kInt64) {
    s.data = testing::Bytes(std::vector<int64_t>(v.begin(), v.end()));
  } else {
    s.data = testing::Bytes(v);
  }
  return s;
}

std::vector<uint8_t> Model(std::vector<int32_t> in_shape,
                           std::vector<int32_t> out_shape, TensorSpec fft,
                           DataType in_type = DataType::kFloat32,
                           DataType out_type = DataType::kComplex64) {
  SingleOpModel m;
  m.inputs = {Var("x", in_type, in_shape), fft};
  m.outputs = {Var("y", out_type, out_shape)};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::RFFT2D);
  return m.Build();
}

std::vector<C> RunRfft(std::vector<int32_t> in_shape, std::vector<int32_t> fft,
                       const std::vector<float>& x,
                       Shape* out_shape = nullptr) {
  std::vector<int32_t> out = in_shape;
  out[out.size() - 2] = fft[0];
  out[out.size() - 1] = fft[1] / 2 + 1;
  std::unique_ptr<Interpreter> interp;
  const Status s =
      testing::MakeInterpreter(Model(in_shape, out, FftLength(fft)), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, x);
  const Status r = interp->Invoke();
  EXPECT_TRUE(r.ok()) << r.message();
  if (out_shape != nullptr) *out_shape = interp->output(0)->shape;
  return testing::GetOutput<C>(*interp, 0);
}

void ExpectNear(const std::vector<C>& got, const std::vector<C>& want,
                float tol = 1e-5f) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i].real(), want[i].real(), tol) << "element " << i;
    EXPECT_NEAR(got[i].imag(), want[i].imag(), tol) << "element " << i;
  }
}

// An impulse at the origin has a flat spectrum of ones.
TEST(Rfft2dTest, Impulse) {
  Shape shape;
  const auto y = RunRfft({2, 4}, {2, 4}, {1, 0, 0, 0, 0, 0, 0, 0}, &shape);
  EXPECT_EQ(shape, (Shape{2, 3}));
  ExpectNear(y, std::vector<C>(6, C(1, 0)));
}

// A constant 2 over 2×4 puts 16 in bin (0, 0) and nothing elsewhere.
TEST(Rfft2dTest, Constant) {
  const auto y = RunRfft({2, 4}, {2, 4}, std::vector<float>(8, 2.0f));
  ExpectNear(y, {C(16, 0), 0, 0, 0, 0, 0});
}

// cos(2 pi 2n / 8) over 8 points: 8/2 = 4 in bin 2. sin(2 pi n / 8): -4i in
// bin 1 (the negative-exponent convention).
TEST(Rfft2dTest, CosineAndSineAtABin) {
  std::vector<float> x(16);
  for (int n = 0; n < 8; ++n) {
    x[n] = static_cast<float>(std::cos(2 * M_PI * 2 * n / 8));
    x[8 + n] = static_cast<float>(std::sin(2 * M_PI * n / 8));
  }
  Shape shape;
  const auto y = RunRfft({2, 1, 8}, {1, 8}, x, &shape);
  EXPECT_EQ(shape, (Shape{2, 1, 5}));
  ExpectNear(y, {0, 0, C(4, 0), 0, 0, 0, C(0, -4), 0, 0, 0});
}

// [[1, 2], [3, 4]]: X00 = 10, X01 = (1-2)+(3-4) = -2, X10 = (1+2)-(3+4) = -4,
// X11 = (1-2)-(3-4) = 0. Second batch slice all ones: [4, 0; 0, 0].
TEST(Rfft2dTest, TwoByTwoWithBatchDims) {
  Shape shape;
  const auto y =
      RunRfft({2, 1, 2, 2}, {2, 2}, {1, 2, 3, 4, 1, 1, 1, 1}, &shape);
  EXPECT_EQ(shape, (Shape{2, 1, 2, 2}));
  ExpectNear(y, {C(10, 0), C(-2, 0), C(-4, 0), 0, C(4, 0), 0, 0, 0});
}

// [1, 6] cropped to [1, 4] = [1, 2, 3, 4]: X0 = 10,
// X1 = 1 - 2i - 3 + 4i = -2 + 2i, X2 = 1 - 2 + 3 - 4 = -2.
TEST(Rfft2dTest, CropsTheInput) {
  const auto y = RunRfft({1, 6}, {1, 4}, {1, 2, 3, 4, 5, 6});
  ExpectNear(y, {C(10, 0), C(-2, 2), C(-2, 0)});
}

// [1, 3] padded to [2, 4]: rows [1, 2, 3, 0] and zeros. Row spectrum
// [6, -2 - 2i, 2]; the 2-point column DFT of (v, 0) is (v, v).
TEST(Rfft2dTest, ZeroPadsTheInput) {
  Shape shape;
  const auto y = RunRfft({1, 3}, {2, 4}, {1, 2, 3}, &shape);
  EXPECT_EQ(shape, (Shape{2, 3}));
  ExpectNear(y, {C(6, 0), C(-2, -2), C(2, 0), C(6, 0), C(-2, -2), C(2, 0)});
}

// fft_length [2, 2] crops [[7, 1, 1], [5, 1, 1]] to [[7, 1], [5, 1]]:
// X00 = 14, X01 = 6 + 4 = 10, X10 = 8 - 6 = 2, X11 = 6 - 4 = 2. A height of 1
// is the DFT of the first row: [7, 1] → [8, 6].
TEST(Rfft2dTest, SmallestLengths) {
  Shape shape;
  auto y = RunRfft({2, 3}, {2, 2}, {7, 1, 1, 5, 1, 1}, &shape);
  EXPECT_EQ(shape, (Shape{2, 2}));
  ExpectNear(y, {C(14, 0), C(10, 0), C(2, 0), C(2, 0)});
  y = RunRfft({2, 3}, {1, 2}, {7, 1, 1, 5, 1, 1}, &shape);
  EXPECT_EQ(shape, (Shape{1, 2}));
  ExpectNear(y, {C(8, 0), C(6, 0)});
}

// 8×16 with arbitrary values against the DFT sum, in double.
TEST(Rfft2dTest, MatchesTheDftSum) {
  const int h = 8, w = 16;
  std::vector<float> x(h * w);
  for (int i = 0; i < h * w; ++i) {
    x[i] = static_cast<float>(std::sin(0.37 * i * i + 1.3) * 3.0);
  }
  const auto y = RunRfft({h, w}, {h, w}, x);
  std::vector<C> want;
  for (int k1 = 0; k1 < h; ++k1) {
    for (int k2 = 0; k2 <= w / 2; ++k2) {
      std::complex<double> sum = 0;
      for (int n1 = 0; n1 < h; ++n1) {
        for (int n2 = 0; n2 < w; ++n2) {
          const double a =
              -2 * M_PI * (double(k1) * n1 / h + double(k2) * n2 / w);
          sum += double(x[n1 * w + n2]) *
                 std::complex<double>(std::cos(a), std::sin(a));
        }
      }
      want.push_back(
          C(static_cast<float>(sum.real()), static_cast<float>(sum.imag())));
    }
  }
  ExpectNear(y, want, 1e-4f);
}

TEST(Rfft2dTest, ZeroSizeInputs) {
  // No slices: an empty output.
  Shape shape;
  auto y = RunRfft({0, 4, 4}, {4, 4}, {}, &shape);
  EXPECT_EQ(shape, (Shape{0, 4, 3}));
  EXPECT_TRUE(y.empty());
  // Empty slices are all padding: zeros.
  y = RunRfft({1, 0, 4}, {2, 4}, {}, &shape);
  EXPECT_EQ(shape, (Shape{1, 2, 3}));
  ExpectNear(y, std::vector<C>(6, C(0, 0)));
}

TEST(Rfft2dTest, InvokeAllocatesNothing) {
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(
                  Model({3, 5, 7}, {3, 8, 9}, FftLength({8, 16})), &interp)
                  .ok());
  testing::SetInput(interp.get(), 0, std::vector<float>(105, 1.0f));
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

TEST(Rfft2dTest, RejectsNonPowersOfTwo) {
  ExpectError(Model({4, 4}, {3, 3}, FftLength({3, 4})),
              StatusCode::kInvalidModel,
              "op 0 (RFFT2D v1): input 1 (tensor 1 'fft_length'): fft_length "
              "[3, 4] must be two positive powers of two (TFLite's FFT takes "
              "nothing else)");
  ExpectError(Model({4, 4}, {4, 4}, FftLength({4, 6})),
              StatusCode::kInvalidModel, "fft_length [4, 6] must be two");
  ExpectError(Model({4, 4}, {4, 4}, FftLength({0, 4})),
              StatusCode::kInvalidModel, "fft_length [0, 4] must be two");
  ExpectError(Model({4, 4}, {4, 1}, FftLength({4, 1})),
              StatusCode::kUnsupported,
              "op 0 (RFFT2D v1): input 1 (tensor 1 'fft_length'): "
              "fft_length [4, 1]: an fft_width of 1 is not supported "
              "(TFLite's FFT computes no DFT for it)");
  // -2^31 is a power of two as an unsigned number; TFLite's check would pass.
  ExpectError(Model({4, 4}, {4, 4}, FftLength({INT32_MIN, 4})),
              StatusCode::kInvalidModel,
              "fft_length [-2147483648, 4] must be two");
}

// With no slices the output is empty, but the working memory would still be
// 2^30 × (2^29 + 1) complex doubles.
TEST(Rfft2dTest, RejectsHugeFftLengths) {
  // An empty batch: the output holds nothing, but the working memory of one
  // 32768 × 65536 transform (~17 GB) is refused.
  ExpectError(Model({0, 4, 4}, {0, 1 << 15, (1 << 15) + 1},
                    FftLength({1 << 15, 1 << 16})),
              StatusCode::kResourceExhausted,
              "op 0 (RFFT2D v1): fft_length [32768, 65536] needs too much "
              "working memory");
}

TEST(Rfft2dTest, RejectsNonConstantFftLength) {
  SingleOpModel m;
  m.inputs = {Var("x", DataType::kFloat32, {4, 4}),
              Var("fft_length", DataType::kInt32, {2})};
  m.outputs = {Var("y", DataType::kComplex64, {4, 3})};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::RFFT2D);
  ExpectError(m.Build(), StatusCode::kUnsupported,
              "op 0 (RFFT2D v1): input 1 (tensor 1 'fft_length'): a "
              "non-constant fft_length is not supported; edgelite plans "
              "memory before Invoke");
}

TEST(Rfft2dTest, RejectsWrongTypesAndShapes) {
  ExpectError(Model({4, 4}, {4, 3}, FftLength({4, 4}), DataType::kInt32),
              StatusCode::kInvalidModel,
              "op 0 (RFFT2D v1): input 0 (tensor 0 'x'): type int32 is not "
              "supported (RFFT2D takes float32)");
  ExpectError(Model({4, 4}, {4, 3}, FftLength({4, 4}, DataType::kInt64)),
              StatusCode::kInvalidModel,
              "input 1 (tensor 1 'fft_length'): fft_length must be an int32 "
              "tensor of shape [2], got int64 [2]");
  ExpectError(Model({4, 4}, {4, 3}, FftLength({4, 4, 4})),
              StatusCode::kInvalidModel,
              "fft_length must be an int32 tensor of shape [2], got int32 [3]");
  ExpectError(Model({4, 4}, {4, 3}, FftLength({4, 4}), DataType::kFloat32,
                    DataType::kFloat32),
              StatusCode::kInvalidModel,
              "op 0 (RFFT2D v1): output 0 (tensor 2 'y'): type float32 must "
              "be complex64");
  ExpectError(Model({4}, {4, 3}, FftLength({4, 4})), StatusCode::kInvalidModel,
              "input 0 (tensor 0 'x'): rank 1: RFFT2D needs at least 2 "
              "dimensions [..., height, width]");
}

}  // namespace
}  // namespace edgelite
