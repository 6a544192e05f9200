// TFLite model metadata: real model, synthetic buffers, hostile buffers.
#include "api/metadata.h"

#include <flatbuffers/flatbuffers.h>
#include <gtest/gtest.h>

#include "cli/test_files.h"
#include "format/metadata_schema_generated.h"
#include "format/tflite_schema.h"

namespace edgelite {
namespace {

namespace mfb = ::edgelite::metadata_fb;

// tflite-support's quantized MobileNet carries metadata (normalization 127.5 /
// 127.5, labels.txt). Note: mobilenet_v1_0.25_224_1_default_1.tflite, though
// listed as carrying metadata, has no TFLITE_METADATA entry at all.
const char kMetadataModel[] = "models/mobilenet_v1_0.25_224_quant.tflite";
const char kNoMetadataModel[] =
    "models/mobilenet_v1_0.25_224_1_default_1.tflite";

// Finds the TFLITE_METADATA buffer with the generated .tflite reader, so this
// test depends on nothing but the metadata code under test.
std::vector<uint8_t> MetadataBufferOf(const std::vector<uint8_t>& model) {
  flatbuffers::Verifier v(model.data(), model.size());
  if (!tfl::VerifyModelBuffer(v)) return {};
  const tfl::Model* m = tfl::GetModel(model.data());
  if (!m->metadata() || !m->buffers()) return {};
  for (const tfl::Metadata* md : *m->metadata()) {
    if (md->name() && md->name()->str() == kTfliteMetadataName &&
        md->buffer() < m->buffers()->size()) {
      const tfl::Buffer* b = m->buffers()->Get(md->buffer());
      if (b->data()) return {b->data()->begin(), b->data()->end()};
    }
  }
  return {};
}

TEST(MetadataTest, QuantMobilenetNormalizationIs127_5) {
  const std::vector<uint8_t> model =
      testing::ReadBytes(testing::TestData(kMetadataModel));
  ASSERT_FALSE(model.empty()) << "missing tests/data/" << kMetadataModel;
  const std::vector<uint8_t> buf = MetadataBufferOf(model);
  ASSERT_FALSE(buf.empty());
  const ModelMetadataInfo info = ParseModelMetadata(buf.data(), buf.size());
  EXPECT_TRUE(info.present);
  EXPECT_TRUE(info.warnings.empty());
  EXPECT_EQ(info.name, "MobileNetV1 image classifier (quantized)");
  ASSERT_EQ(info.input_mean.size(), 1u);
  ASSERT_EQ(info.input_std.size(), 1u);
  EXPECT_EQ(info.input_mean[0], 127.5f);
  EXPECT_EQ(info.input_std[0], 127.5f);
  EXPECT_EQ(info.output_label_files, (std::vector<std::string>{"labels.txt"}));
}

TEST(MetadataTest, ModelWithoutMetadataHasNone) {
  const std::vector<uint8_t> model =
      testing::ReadBytes(testing::TestData(kNoMetadataModel));
  ASSERT_FALSE(model.empty()) << "missing tests/data/" << kNoMetadataModel;
  EXPECT_TRUE(MetadataBufferOf(model).empty());
}

std::vector<uint8_t> BuildMetadata() {
  flatbuffers::FlatBufferBuilder b;
  auto norm = mfb::CreateNormalizationOptions(
      b, b.CreateVector(std::vector<float>{1.0f, 2.0f, 3.0f}),
      b.CreateVector(std::vector<float>{4.0f, 5.0f, 6.0f}));
  auto in_unit = mfb::CreateProcessUnit(
      b, mfb::ProcessUnitOptions::NormalizationOptions, norm.Union());
  auto input = mfb::CreateTensorMetadata(b, b.CreateString("image"), 0, 0, 0,
                                         b.CreateVector(&in_unit, 1));
  auto thr = mfb::CreateScoreThresholdingOptions(b, 0.25f);
  auto out_unit = mfb::CreateProcessUnit(
      b, mfb::ProcessUnitOptions::ScoreThresholdingOptions, thr.Union());
  std::vector<flatbuffers::Offset<mfb::AssociatedFile>> files = {
      mfb::CreateAssociatedFile(b, b.CreateString("readme.txt"), 0,
                                mfb::AssociatedFileType::DESCRIPTIONS),
      mfb::CreateAssociatedFile(b, b.CreateString("labels.txt"), 0,
                                mfb::AssociatedFileType::TENSOR_AXIS_LABELS)};
  auto output = mfb::CreateTensorMetadata(b, b.CreateString("probability"), 0,
                                          0, 0, b.CreateVector(&out_unit, 1), 0,
                                          b.CreateVector(files));
  auto sg = mfb::CreateSubGraphMetadata(b, 0, 0, b.CreateVector(&input, 1),
                                        b.CreateVector(&output, 1));
  auto root = mfb::CreateModelMetadata(
      b, b.CreateString("net"), b.CreateString("a test"), b.CreateString("v1"),
      b.CreateVector(&sg, 1));
  mfb::FinishModelMetadataBuffer(b, root);
  return {b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize()};
}

TEST(MetadataTest, ReadsEveryExtractedField) {
  const std::vector<uint8_t> buf = BuildMetadata();
  const ModelMetadataInfo info = ParseModelMetadata(buf.data(), buf.size());
  ASSERT_TRUE(info.present);
  EXPECT_EQ(info.name, "net");
  EXPECT_EQ(info.description, "a test");
  EXPECT_EQ(info.version, "v1");
  EXPECT_EQ(info.input_mean, (std::vector<float>{1.0f, 2.0f, 3.0f}));
  EXPECT_EQ(info.input_std, (std::vector<float>{4.0f, 5.0f, 6.0f}));
  EXPECT_EQ(info.output_label_files, (std::vector<std::string>{"labels.txt"}));
  EXPECT_TRUE(info.has_score_threshold);
  EXPECT_EQ(info.score_threshold, 0.25f);
}

TEST(MetadataTest, UnalignedBufferIsFine) {
  const std::vector<uint8_t> buf = BuildMetadata();
  std::vector<uint8_t> shifted(buf.size() + 1);
  std::copy(buf.begin(), buf.end(), shifted.begin() + 1);
  const ModelMetadataInfo info =
      ParseModelMetadata(shifted.data() + 1, buf.size());
  EXPECT_TRUE(info.present);
  EXPECT_EQ(info.input_mean.size(), 3u);
}

TEST(MetadataTest, GarbageIsIgnoredWithAWarning) {
  const uint8_t junk[] = "definitely not a flatbuffer at all";
  ModelMetadataInfo info = ParseModelMetadata(junk, sizeof(junk));
  EXPECT_FALSE(info.present);
  EXPECT_EQ(info.warnings.size(), 1u);
  info = ParseModelMetadata(nullptr, 0);
  EXPECT_FALSE(info.present);
}

TEST(MetadataTest, CorruptedBuffersNeverCrash) {
  const std::vector<uint8_t> good = BuildMetadata();
  // Every truncation, and every single-byte corruption.
  for (size_t n = 0; n < good.size(); ++n) {
    ParseModelMetadata(good.data(), n);
  }
  for (size_t i = 0; i < good.size(); ++i) {
    for (uint8_t x : {uint8_t{0x00}, uint8_t{0xFF}, uint8_t{0x7F}}) {
      std::vector<uint8_t> bad = good;
      bad[i] = x;
      const ModelMetadataInfo info = ParseModelMetadata(bad.data(), bad.size());
      if (!info.present) {
        EXPECT_FALSE(info.warnings.empty());
      }
    }
  }
}

}  // namespace
}  // namespace edgelite

namespace edgelite {
namespace {

// The same through the runtime's ModelView, as the CLI reads it.
TEST(MetadataTest, ReadModelMetadataThroughModelView) {
  std::shared_ptr<const ByteSource> bytes;
  Status s = ByteSource::FromFile(testing::TestData(kMetadataModel), &bytes);
  ASSERT_TRUE(s.ok()) << s.message();
  std::unique_ptr<ModelView> view;
  s = ModelView::Create(bytes, &view);
  ASSERT_TRUE(s.ok()) << s.message();
  const ModelMetadataInfo info = ReadModelMetadata(*view);
  EXPECT_TRUE(info.present);
  EXPECT_EQ(info.input_mean, (std::vector<float>{127.5f}));
  EXPECT_EQ(info.input_std, (std::vector<float>{127.5f}));

  s = ByteSource::FromFile(testing::TestData(kNoMetadataModel), &bytes);
  ASSERT_TRUE(s.ok()) << s.message();
  s = ModelView::Create(bytes, &view);
  ASSERT_TRUE(s.ok()) << s.message();
  const ModelMetadataInfo none = ReadModelMetadata(*view);
  EXPECT_FALSE(none.present);
  EXPECT_TRUE(none.warnings.empty());
}

}  // namespace
}  // namespace edgelite
