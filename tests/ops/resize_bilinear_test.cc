// RESIZE_BILINEAR: the coordinate mappings (legacy, align_corners,
// half_pixel_centers), XNNPACK's float and 11-bit integer arithmetic, TFLite's
// uint8 and integer (int8/int16) kernels, and the refused configurations.
// Expected values are derived in comments.
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

TensorSpec Size(int32_t h, int32_t w) {
  TensorSpec s = Var("size", DataType::kInt32, {2});
  s.data = testing::Bytes(std::vector<int32_t>{h, w});
  return s;
}

SingleOpModel Resize(TensorSpec in, TensorSpec size, TensorSpec out,
                     bool align = false, bool half = false) {
  SingleOpModel m;
  m.inputs = {std::move(in), std::move(size)};
  m.outputs = {std::move(out)};
  m.op.builtin_code =
      static_cast<int32_t>(tfl::BuiltinOperator::RESIZE_BILINEAR);
  m.op.version = half ? 3 : 1;
  m.op.options_type = tfl::BuiltinOptions::ResizeBilinearOptions;
  m.op.options = [align, half](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateResizeBilinearOptions(fbb, align, half).Union();
  };
  return m;
}

template <typename T>
std::vector<T> RunOp(const SingleOpModel& m, const std::vector<T>& x,
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
  return testing::GetOutput<T>(*interp, 0);
}

// 2×2 [[0, 10], [20, 30]] → 4×4, no flags: scale 0.5, coordinates 0, 0.5,
// 1, 1.5 (the last clamps to the last pixel: lo = hi = 1). Rows 0 and 1 of
// the input become [0, 5, 10, 10] and [20, 25, 30, 30]; output row 1 is their
// average [10, 15, 20, 20]; rows 2 and 3 equal input row 1's.
TEST(ResizeBilinearOp, FloatLegacyUpscale) {
  SingleOpModel m =
      Resize(Var("x", DataType::kFloat32, {1, 2, 2, 1}), Size(4, 4),
             Var("y", DataType::kFloat32, {1, 4, 4, 1}));
  Shape shape;
  EXPECT_EQ(RunOp<float>(m, {0, 10, 20, 30}, &shape),
            (std::vector<float>{0, 5, 10, 10, 10, 15, 20, 20, 20, 25, 30, 30,
                                20, 25, 30, 30}));
  EXPECT_EQ(shape, Shape({1, 4, 4, 1}));
}

// half_pixel_centers, 2 → 4: x = v * 0.5 + (0.25 - 0.5) clamped to [0, 1]:
// 0 (clamped from -0.25), 0.25, 0.75, 1 (clamped from 1.25). Row 0 becomes
// [0, 2.5, 7.5, 10]; rows move by 20 per input row: +0, +5, +15, +20.
TEST(ResizeBilinearOp, FloatHalfPixelCenters) {
  SingleOpModel m =
      Resize(Var("x", DataType::kFloat32, {1, 2, 2, 1}), Size(4, 4),
             Var("y", DataType::kFloat32, {1, 4, 4, 1}), false, true);
  EXPECT_EQ(RunOp<float>(m, {0, 10, 20, 30}),
            (std::vector<float>{0, 2.5f, 7.5f, 10, 5, 7.5f, 12.5f, 15, 15,
                                17.5f, 22.5f, 25, 20, 22.5f, 27.5f, 30}));
}

// align_corners, 2 → 3 in both directions with two channels: scale
// (2-1)/(3-1) = 0.5, coordinates 0, 0.5, 1. Channel 1 is channel 0 + 1.
TEST(ResizeBilinearOp, FloatAlignCornersTwoChannels) {
  SingleOpModel m =
      Resize(Var("x", DataType::kFloat32, {1, 2, 2, 2}), Size(3, 3),
             Var("y", DataType::kFloat32, {1, 3, 3, 2}), true);
  EXPECT_EQ(RunOp<float>(m, {0, 1, 10, 11, 20, 21, 30, 31}),
            (std::vector<float>{0, 1, 5, 6, 10, 11, 10, 11, 15, 16, 20, 21, 20,
                                21, 25, 26, 30, 31}));
}

// Downscale 4 → 2 in width (legacy): coordinates 0 and 2 pick pixels 0 and 2
// exactly (alpha 0); batch 2 keeps the images apart.
TEST(ResizeBilinearOp, FloatDownscaleTwoBatches) {
  SingleOpModel m =
      Resize(Var("x", DataType::kFloat32, {2, 1, 4, 1}), Size(1, 2),
             Var("y", DataType::kFloat32, {2, 1, 2, 1}));
  EXPECT_EQ(RunOp<float>(m, {1, 2, 3, 4, 5, 6, 7, 8}),
            (std::vector<float>{1, 3, 5, 7}));
}

// int8 row [-3, 0] → 4 wide (legacy), same quantization in and out →
// XNNPACK's s8 kernel. Coordinate 0.5 has alpha 0.5 → weight 1024:
//   t = -3 * 2048 + 3 * 1024 = -3072; acc = -3072 * 2048 = -6291456;
//   (acc + 2^21) >> 22 = -4194304 >> 22 = -1   (half rounds up).
// With other output quantization TFLite's integer kernel runs instead:
//   scale10 = (1024 * 2 + 2) / 4 = 512, s = 512 → lo 0, hi 1, weights 512/512
//   acc = -3 * 1024 * 512 = -1572864; (acc - 2^19) / 2^20 = -2 (half away).
// Coordinate 1.5: both taps on pixel 1 (value 0) → 0 in both.
TEST(ResizeBilinearOp, Int8XnnpackVersusTfliteRounding) {
  SingleOpModel same =
      Resize(Var("x", DataType::kInt8, {1, 1, 2, 1}, {0.5f}, {0}), Size(1, 4),
             Var("y", DataType::kInt8, {1, 1, 4, 1}, {0.5f}, {0}));
  EXPECT_EQ(RunOp<int8_t>(same, {-3, 0}), (std::vector<int8_t>{-3, -1, 0, 0}));
  SingleOpModel other =
      Resize(Var("x", DataType::kInt8, {1, 1, 2, 1}, {0.5f}, {0}), Size(1, 4),
             Var("y", DataType::kInt8, {1, 1, 4, 1}, {0.25f}, {1}));
  EXPECT_EQ(RunOp<int8_t>(other, {-3, 0}), (std::vector<int8_t>{-3, -2, 0, 0}));
}

// int16 always runs the integer kernel: the same row as above.
TEST(ResizeBilinearOp, Int16Integer) {
  SingleOpModel m =
      Resize(Var("x", DataType::kInt16, {1, 1, 2, 1}, {0.5f}, {0}), Size(1, 4),
             Var("y", DataType::kInt16, {1, 1, 4, 1}, {0.5f}, {0}));
  EXPECT_EQ(RunOp<int16_t>(m, {-3, 0}), (std::vector<int16_t>{-3, -2, 0, 0}));
}

// uint8 2×2 [[0, 255], [255, 0]] → 3×3 align_corners (coordinates 0, .5, 1).
// XNNPACK (same quantization): centre t = 0 + 255 * 1024 = 261120,
// b = 255 * 2048 - 255 * 1024 = 261120, acc = 261120 * 2048 → 127.5 + 0.5
// → 128; edge midpoints 127.5 → 128.
// TFLite's uint8 kernel (other output quantization): 255 * 0.5 + 0.5 = 128
// for the midpoints, centre 0*.25 + 255*.25 + 255*.25 + 0*.25 + .5 = 128.
TEST(ResizeBilinearOp, Uint8BothKernels) {
  const std::vector<uint8_t> x = {0, 255, 255, 0};
  const std::vector<uint8_t> want = {0, 128, 255, 128, 128, 128, 255, 128, 0};
  SingleOpModel same =
      Resize(Var("x", DataType::kUInt8, {1, 2, 2, 1}, {0.1f}, {3}), Size(3, 3),
             Var("y", DataType::kUInt8, {1, 3, 3, 1}, {0.1f}, {3}), true);
  EXPECT_EQ(RunOp<uint8_t>(same, x), want);
  SingleOpModel other =
      Resize(Var("x", DataType::kUInt8, {1, 2, 2, 1}, {0.1f}, {3}), Size(3, 3),
             Var("y", DataType::kUInt8, {1, 3, 3, 1}, {0.2f}, {3}), true);
  EXPECT_EQ(RunOp<uint8_t>(other, x), want);
}

// One pixel in: every output is that pixel (all coordinates clamp to 0).
TEST(ResizeBilinearOp, SinglePixelInput) {
  for (bool half : {false, true}) {
    SingleOpModel m =
        Resize(Var("x", DataType::kFloat32, {1, 1, 1, 3}), Size(2, 3),
               Var("y", DataType::kFloat32, {1, 2, 3, 3}), false, half);
    const std::vector<float> out = RunOp<float>(m, {1, -2, 3});
    ASSERT_EQ(out.size(), 18u);
    for (size_t i = 0; i < out.size(); ++i) {
      EXPECT_EQ(out[i], (std::vector<float>{1, -2, 3})[i % 3]) << i;
    }
  }
}

Status Prepare(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(m.Build(), &interp);
}

TEST(ResizeBilinearOp, RefusedConfigurations) {
  Status s =
      Prepare(Resize(Var("x", DataType::kFloat32, {1, 2, 2, 1}), Size(4, 4),
                     Var("y", DataType::kFloat32, {1, 4, 4, 1}), true, true));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (RESIZE_BILINEAR v3): align_corners and half_pixel_centers "
            "cannot both be true");

  s = Prepare(Resize(Var("x", DataType::kFloat32, {1, 2, 2, 1}), Size(0, 4),
                     Var("y", DataType::kFloat32, {1, 0, 4, 1})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (RESIZE_BILINEAR v1): input 1 (tensor 1 'size'): size must "
            "be positive, got [0, 4]");

  s = Prepare(Resize(Var("x", DataType::kFloat32, {1, 2, 2, 1}),
                     Var("size", DataType::kInt32, {2}),
                     Var("y", DataType::kFloat32, {1, 4, 4, 1})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(),
            "op 0 (RESIZE_BILINEAR v1): input 1 (tensor 1 'size'): a "
            "non-constant size tensor is not supported; edgelite plans memory "
            "before Invoke");

  s = Prepare(Resize(Var("x", DataType::kFloat32, {2, 2, 1}), Size(4, 4),
                     Var("y", DataType::kFloat32, {4, 4, 1})));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (RESIZE_BILINEAR v1): input 0 (tensor 0 'x'): expected rank "
            "4, got shape [2, 2, 1]");

  s = Prepare(Resize(Var("x", DataType::kInt32, {1, 2, 2, 1}), Size(4, 4),
                     Var("y", DataType::kInt32, {1, 4, 4, 1})));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(),
            "op 0 (RESIZE_BILINEAR v1): input 0 (tensor 0 'x'): int32 is not "
            "supported (float32, uint8, int8 and int16 are)");
}

}  // namespace
}  // namespace edgelite
