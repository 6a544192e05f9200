// RESIZE_NEAREST_NEIGHBOR: TFLite's float mapping for each flag, the 16.16
// fixed point of its optimized uint8 kernel (a size where the two differ),
// type-agnostic copies, and the refused configurations.
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
      static_cast<int32_t>(tfl::BuiltinOperator::RESIZE_NEAREST_NEIGHBOR);
  m.op.version = (align || half) ? 3 : 1;
  m.op.options_type = tfl::BuiltinOptions::ResizeNearestNeighborOptions;
  m.op.options = [align, half](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateResizeNearestNeighborOptions(fbb, align, half).Union();
  };
  return m;
}

template <typename T>
std::vector<T> RunOp(const SingleOpModel& m, const std::vector<T>& x) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(m.Build(), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, x);
  const int64_t before = testing::AllocationCount();
  s = interp->Invoke();
  EXPECT_EQ(testing::AllocationCount(), before) << "Invoke allocated";
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<T>(*interp, 0);
}

// Width 2 → 3 with each flag (float reference mapping):
//   none:  scale 2/3, floor(v * 0.6666667)          → 0, 0, 1
//   align: scale 1/2, round_half_away(v * 0.5)      → 0, 1 (0.5 → 1), 1
//   half:  scale 2/3, floor((v + 0.5) * 0.6666667)  → 0, 1, 1
TEST(ResizeNearestNeighborOp, FloatFlags) {
  struct {
    bool align, half;
    std::vector<float> want;
  } cases[] = {{false, false, {7, 7, 9}},
               {true, false, {7, 9, 9}},
               {false, true, {7, 9, 9}}};
  for (const auto& c : cases) {
    SingleOpModel m =
        Resize(Var("x", DataType::kFloat32, {1, 1, 2, 1}), Size(1, 3),
               Var("y", DataType::kFloat32, {1, 1, 3, 1}), c.align, c.half);
    EXPECT_EQ(RunOp<float>(m, {7, 9}), c.want) << c.align << c.half;
  }
}

// 26 → 22 pixels: for v = 11 TFLite's float mapping gives
// floor(11 * f32(26/22)) = floor(12.9999990) = 12, its optimized uint8
// kernel's fixed point (11 * ((26 << 16) / 22 + 1)) >> 16 = 13.
TEST(ResizeNearestNeighborOp, Uint8FixedPointDiffersFromFloat) {
  std::vector<uint8_t> x(26);
  std::vector<float> xf(26);
  for (int i = 0; i < 26; ++i) {
    x[i] = static_cast<uint8_t>(i);
    xf[i] = static_cast<float>(i);
  }
  SingleOpModel q =
      Resize(Var("x", DataType::kUInt8, {1, 1, 26, 1}, {1}, {0}), Size(1, 22),
             Var("y", DataType::kUInt8, {1, 1, 22, 1}, {1}, {0}));
  SingleOpModel f =
      Resize(Var("x", DataType::kFloat32, {1, 1, 26, 1}), Size(1, 22),
             Var("y", DataType::kFloat32, {1, 1, 22, 1}));
  EXPECT_EQ(RunOp<uint8_t>(q, x)[11], 13);
  EXPECT_EQ(RunOp<float>(f, xf)[11], 12.0f);
  // With a flag the uint8 kernel uses the float mapping too.
  SingleOpModel qh =
      Resize(Var("x", DataType::kUInt8, {1, 1, 26, 1}, {1}, {0}), Size(1, 22),
             Var("y", DataType::kUInt8, {1, 1, 22, 1}, {1}, {0}), false, true);
  SingleOpModel fh =
      Resize(Var("x", DataType::kFloat32, {1, 1, 26, 1}), Size(1, 22),
             Var("y", DataType::kFloat32, {1, 1, 22, 1}), false, true);
  const std::vector<uint8_t> uq = RunOp<uint8_t>(qh, x);
  const std::vector<float> uf = RunOp<float>(fh, xf);
  ASSERT_EQ(uq.size(), uf.size());
  for (size_t i = 0; i < uq.size(); ++i) EXPECT_EQ(uq[i], uf[i]) << i;
}

// 2×2 int16 image with 2 channels, 2× up: each pixel (both channels) is
// repeated twice along each axis; int32 works the same (edgelite only).
TEST(ResizeNearestNeighborOp, Int16AndInt32Upscale) {
  SingleOpModel m =
      Resize(Var("x", DataType::kInt16, {1, 2, 2, 2}, {1}, {0}), Size(4, 4),
             Var("y", DataType::kInt16, {1, 4, 4, 2}, {1}, {0}));
  const std::vector<int16_t> out =
      RunOp<int16_t>(m, {1, -1, 2, -2, 3, -3, 4, -4});
  const std::vector<int16_t> row0 = {1, -1, 1, -1, 2, -2, 2, -2};
  const std::vector<int16_t> row2 = {3, -3, 3, -3, 4, -4, 4, -4};
  std::vector<int16_t> want;
  for (const auto* r : {&row0, &row0, &row2, &row2})
    want.insert(want.end(), r->begin(), r->end());
  EXPECT_EQ(out, want);

  SingleOpModel i32 =
      Resize(Var("x", DataType::kInt32, {1, 1, 2, 1}), Size(1, 4),
             Var("y", DataType::kInt32, {1, 1, 4, 1}));
  EXPECT_EQ(RunOp<int32_t>(i32, {100000, -7}),
            (std::vector<int32_t>{100000, 100000, -7, -7}));
}

// Downscale 4×4 → 2×2 (float): sources 0 and 2 in each direction.
TEST(ResizeNearestNeighborOp, Int8Downscale) {
  std::vector<int8_t> x(16);
  for (int i = 0; i < 16; ++i) x[i] = static_cast<int8_t>(i - 8);
  SingleOpModel m =
      Resize(Var("x", DataType::kInt8, {1, 4, 4, 1}, {1}, {0}), Size(2, 2),
             Var("y", DataType::kInt8, {1, 2, 2, 1}, {1}, {0}));
  EXPECT_EQ(RunOp<int8_t>(m, x), (std::vector<int8_t>{-8, -6, 0, 2}));
}

TEST(ResizeNearestNeighborOp, RefusedConfigurations) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(
      Resize(Var("x", DataType::kBool, {1, 1, 2, 1}), Size(1, 4),
             Var("y", DataType::kBool, {1, 1, 4, 1}))
          .Build(),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(
      s.message(),
      "op 0 (RESIZE_NEAREST_NEIGHBOR v1): input 0 (tensor 0 'x'): bool is "
      "not supported (float32, uint8, int8, int16 and int32 are)");

  TensorSpec bad = Var("size", DataType::kInt64, {2});
  bad.data = testing::Bytes(std::vector<int64_t>{1, 4});
  s = testing::MakeInterpreter(
      Resize(Var("x", DataType::kFloat32, {1, 1, 2, 1}), bad,
             Var("y", DataType::kFloat32, {1, 1, 4, 1}))
          .Build(),
      &interp);
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            "op 0 (RESIZE_NEAREST_NEIGHBOR v1): input 1 (tensor 1 'size'): "
            "size must be an int32 tensor of shape [2], got int64 [2]");
}

}  // namespace
}  // namespace edgelite
