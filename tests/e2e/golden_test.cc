// End-to-end expectations from the upstream projects' own tests
// (../shared/golden/EXPECTED.md, copied into tests/data with provenance):
// real models, real images, the same preprocessing as upstream.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "api/image.h"
#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

std::string ModelPath(const std::string& name) {
  if (name == "tf2_mobilenet_v2_1.0_224_ptq.tflite") {
    return testing::SourcePath("models/" + name);
  }
  return testing::SourcePath("tests/data/models/" + name);
}
std::string ImagePath(const std::string& name) {
  return testing::SourcePath("tests/data/images/" + name);
}

std::unique_ptr<Interpreter> Load(const std::string& model_name) {
  std::shared_ptr<const ModelView> model;
  Status s = testing::LoadModelFile(ModelPath(model_name), &model);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return nullptr;
  std::unique_ptr<Interpreter> interp;
  s = Interpreter::Create(model, InterpreterOptions(), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return nullptr;
  s = interp->AllocateTensors();
  EXPECT_TRUE(s.ok()) << s.message();
  return s.ok() ? std::move(interp) : nullptr;
}

Image DecodeFile(const std::string& path) {
  const std::vector<uint8_t> bytes = testing::ReadFile(path);
  Image img;
  Status s = DecodeImage(bytes.data(), bytes.size(), &img);
  EXPECT_TRUE(s.ok()) << path << ": " << s.message();
  return img;
}

std::vector<float> Dequantized(const Tensor& t) {
  const int64_t n = t.NumElements();
  std::vector<float> out(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    switch (t.type) {
      case DataType::kFloat32:
        out[i] = t.Data<float>()[i];
        break;
      case DataType::kUInt8:
        out[i] = t.scale() * (t.Data<uint8_t>()[i] - t.zero_point());
        break;
      case DataType::kInt8:
        out[i] = t.scale() * (t.Data<int8_t>()[i] - t.zero_point());
        break;
      default:
        ADD_FAILURE() << "unexpected output type";
        break;
    }
  }
  return out;
}

// Whole image resized with TFLite's RESIZE_BILINEAR (as libcoral and the
// tflite-support Task Library do), then mapped to the input type.
std::vector<float> Classify(
    Interpreter* interp, const std::string& image,
    const NormalizationParams& norm = NormalizationParams()) {
  Tensor* in = interp->input(0);
  int w = 0, h = 0, c = 0;
  EXPECT_TRUE(ImageInputSize(*in, &w, &h, &c).ok());
  Image resized;
  EXPECT_TRUE(
      ResizeBilinear(DecodeFile(ImagePath(image)), w, h, &resized).ok());
  Status s = FillInputTensor(resized, norm, in);
  EXPECT_TRUE(s.ok()) << s.message();
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return Dequantized(*interp->output(0));
}

std::vector<int> TopK(const std::vector<float>& scores, int k) {
  std::vector<int> idx(scores.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(),
                   [&](int a, int b) { return scores[a] > scores[b]; });
  idx.resize(std::min<size_t>(k, idx.size()));
  return idx;
}

bool InTop(const std::vector<float>& scores, int index, int k) {
  const std::vector<int> top = TopK(scores, k);
  return std::find(top.begin(), top.end(), index) != top.end();
}

// tflite-support image_classifier_test: burger.jpg → 934 "cheeseburger" 0.96
// ± 0.01. Upstream decodes with libjpeg and resizes with libyuv; we decode
// with stb_image and resize with TFLite's RESIZE_BILINEAR, which moves the
// score by one quantum (1/256): 249/256 = 0.9727. TFLite itself gives the
// same 249 on our input tensor (LiteRT.js 2.5.3 and tfjs-tflite
// 0.0.1-alpha.10, measured on `edgelite classify --save-input`), so the
// bound is widened by that one quantum and the byte is pinned exactly.
TEST(Golden, BurgerWithMobilenetV1Quant) {
  auto interp = Load("mobilenet_v1_0.25_224_quant.tflite");
  ASSERT_TRUE(interp);
  const std::vector<float> scores = Classify(interp.get(), "burger.jpg");
  ASSERT_EQ(scores.size(), 1001u);
  EXPECT_EQ(TopK(scores, 1)[0], 934);
  EXPECT_NEAR(scores[934], 0.96f, 0.01f + 1.0f / 256);
  EXPECT_EQ(interp->output(0)->Data<uint8_t>()[934], 249);
}

// libcoral model_test_cases: cat.bmp → 286 "Egyptian cat" in the top 3.
TEST(Golden, CatWithMobilenetV2Quant) {
  auto interp = Load("mobilenet_v2_1.0_224_quant.tflite");
  ASSERT_TRUE(interp);
  const std::vector<float> scores = Classify(interp.get(), "cat.bmp");
  EXPECT_TRUE(InTop(scores, 286, 3));
  EXPECT_GE(scores[286], 0.7f);
}

TEST(Golden, CatWithTf2MobilenetV2Ptq) {
  auto interp = Load("tf2_mobilenet_v2_1.0_224_ptq.tflite");
  ASSERT_TRUE(interp);
  const std::vector<float> scores = Classify(interp.get(), "cat.bmp");
  EXPECT_TRUE(InTop(scores, 286, 3));
  EXPECT_GE(scores[286], 0.6f);
}

// EXPECTED.md: grace_hopper.bmp → 653 "military uniform" (0.92 in LiteRT.js).
TEST(Golden, GraceHopperWithMobilenetV2Quant) {
  auto interp = Load("mobilenet_v2_1.0_224_quant.tflite");
  ASSERT_TRUE(interp);
  const std::vector<float> scores = Classify(interp.get(), "grace_hopper.bmp");
  EXPECT_EQ(TopK(scores, 1)[0], 653);
  EXPECT_NEAR(scores[653], 0.92f, 0.03f);
}

TEST(Golden, GraceHopperWithDefaultModel) {
  auto interp = Load("tf2_mobilenet_v2_1.0_224_ptq.tflite");
  ASSERT_TRUE(interp);
  const std::vector<float> scores = Classify(interp.get(), "grace_hopper.bmp");
  EXPECT_EQ(TopK(scores, 1)[0], 653);
}

// The float MobileNet v1 (with metadata mean/std 127.5) agrees with its
// quantized sibling on burger.jpg.
TEST(Golden, BurgerWithMobilenetV1Float) {
  auto interp = Load("mobilenet_v1_0.25_224_1_default_1.tflite");
  ASSERT_TRUE(interp);
  const std::vector<float> scores = Classify(interp.get(), "burger.jpg");
  EXPECT_EQ(TopK(scores, 1)[0], 934);
  EXPECT_GT(scores[934], 0.8f);
}

// tflite-micro person_detection_test: the 96×96 8-bit pixels are copied into
// the int8 input unchanged (bytes reinterpreted, not pixel − 128).
// Output index 1 = person, 0 = no person.
std::vector<float> PersonScores(Interpreter* interp, const std::string& image) {
  const Image img = DecodeFile(ImagePath(image));
  Tensor* in = interp->input(0);
  EXPECT_EQ(in->shape, Shape({1, 96, 96, 1}));
  EXPECT_EQ(img.width, 96);
  EXPECT_EQ(img.height, 96);
  int8_t* dst = in->MutableData<int8_t>();
  for (int i = 0; i < 96 * 96; ++i) {
    dst[i] =
        static_cast<int8_t>(img.pixels[static_cast<size_t>(i) * img.channels]);
  }
  Status s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return Dequantized(*interp->output(0));
}

TEST(Golden, PersonDetect) {
  auto interp = Load("person_detect.tflite");
  ASSERT_TRUE(interp);
  std::vector<float> person = PersonScores(interp.get(), "person.bmp");
  EXPECT_GT(person[1], person[0]);
  std::vector<float> nobody = PersonScores(interp.get(), "no_person.bmp");
  EXPECT_GT(nobody[0], nobody[1]);
}

// tflite-micro hello_world_test: y ≈ sin(x) within 0.05.
TEST(Golden, HelloWorldFloat) {
  auto interp = Load("hello_world_float.tflite");
  ASSERT_TRUE(interp);
  for (float x : {0.0f, 1.0f, 3.0f, 5.0f}) {
    testing::SetInput<float>(interp.get(), 0, {x});
    ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_NEAR(testing::GetOutput<float>(*interp, 0)[0], std::sin(x), 0.05f)
        << "x = " << x;
  }
}

TEST(Golden, HelloWorldInt8) {
  auto interp = Load("hello_world_int8.tflite");
  ASSERT_TRUE(interp);
  const struct {
    int8_t q;
    float x;
  } cases[] = {{-96, 0.77f}, {-63, 1.57f}, {-34, 2.3f}, {0, 3.14f}};
  for (const auto& c : cases) {
    testing::SetInput<int8_t>(interp.get(), 0, {c.q});
    ASSERT_TRUE(interp->Invoke().ok());
    const float y = Dequantized(*interp->output(0))[0];
    EXPECT_NEAR(y, std::sin(c.x), 0.05f) << "q = " << int{c.q};
  }
}

// hello_world declares a dynamic batch (-1): a batch of 4 in one call.
TEST(Golden, HelloWorldDynamicBatch) {
  auto interp = Load("hello_world_float.tflite");
  ASSERT_TRUE(interp);
  EXPECT_EQ(
      interp->model().tensors()[interp->model().inputs()[0]].shape_signature,
      Shape({-1, 1}));
  ASSERT_TRUE(interp->ResizeInput(0, Shape({4, 1})).ok());
  ASSERT_TRUE(interp->AllocateTensors().ok());
  const std::vector<float> xs = {0.0f, 1.0f, 3.0f, 5.0f};
  testing::SetInput(interp.get(), 0, xs);
  ASSERT_TRUE(interp->Invoke().ok());
  ASSERT_EQ(interp->output(0)->shape, Shape({4, 1}));
  const std::vector<float> ys = testing::GetOutput<float>(*interp, 0);
  for (size_t i = 0; i < xs.size(); ++i)
    EXPECT_NEAR(ys[i], std::sin(xs[i]), 0.05f);
}

// MLPerf Tiny's visual wake words model: index 0 = no person, 1 = person
// (its training script's class directories, alphabetical), input pixel / 255
// (the int8 model's input quantization, scale 1/255 and zero point −128,
// encodes exactly that: q = pixel − 128).
//
// EXPECTED.md says grace_hopper → person; that does not reproduce with
// TFLite itself: on our input tensors tfjs-tflite 0.0.1-alpha.10 gives the
// bytes pinned below (no person 0.66 for grace_hopper; person.bmp, a 96×96
// grayscale crop made for person_detect, is also "no person"). The
// person/no-person pair is therefore multi_objects.jpg (people in a street)
// against cat.bmp and burger.jpg, and every output byte must equal TFLite's.
struct VwwCase {
  const char* image;
  int8_t tflite[2];   // tfjs-tflite's int8 output on our int8 input tensor
  float tflite_f[2];  // its float output on our float input tensor
};
constexpr VwwCase kVwwCases[] = {
    {"multi_objects.jpg", {-31, 31}, {0.3905504f, 0.60944957f}},
    {"burger.jpg", {119, -119}, {0.973681f, 0.02631909f}},
    {"cat.bmp", {117, -117}, {0.9645274f, 0.035472505f}},
    {"grace_hopper.bmp", {42, -42}, {0.7003349f, 0.29966506f}},
};

TEST(Golden, VisualWakeWordsInt8) {
  auto interp = Load("vww_96_int8.tflite");
  ASSERT_TRUE(interp);
  for (const VwwCase& c : kVwwCases) {
    const std::vector<float> p = Classify(interp.get(), c.image);
    const int8_t* q = interp->output(0)->Data<int8_t>();
    EXPECT_EQ(q[0], c.tflite[0]) << c.image;
    EXPECT_EQ(q[1], c.tflite[1]) << c.image;
    if (std::string(c.image) == "multi_objects.jpg") {
      EXPECT_GT(p[1], p[0]) << "person expected";
    } else if (std::string(c.image) != "grace_hopper.bmp") {
      EXPECT_GT(p[0], p[1]) << c.image << ": no person expected";
    }
  }
}

TEST(Golden, VisualWakeWordsFloat) {
  auto interp = Load("vww_96_float.tflite");
  ASSERT_TRUE(interp);
  NormalizationParams unit;
  unit.mean = {0.0f};
  unit.std = {255.0f};
  for (const VwwCase& c : kVwwCases) {
    const std::vector<float> p = Classify(interp.get(), c.image, unit);
    EXPECT_NEAR(p[0], c.tflite_f[0], 1e-5f) << c.image;
    EXPECT_NEAR(p[1], c.tflite_f[1], 1e-5f) << c.image;
  }
}

// micro_speech has no upstream golden for a fixed input here; it must run and
// its softmax output must be a distribution.
TEST(Golden, MicroSpeechRuns) {
  auto interp = Load("micro_speech_quantized.tflite");
  ASSERT_TRUE(interp);
  std::memset(interp->input(0)->data, 0, interp->input(0)->bytes);
  ASSERT_TRUE(interp->Invoke().ok());
  const std::vector<float> p = Dequantized(*interp->output(0));
  ASSERT_EQ(p.size(), 4u);
  EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0f), 1.0f, 0.02f);
}

// Invoke allocates nothing, on a real model.
TEST(Golden, InvokeOnMobilenetAllocatesNothing) {
  auto interp = Load("mobilenet_v1_0.25_128_quant.tflite");
  ASSERT_TRUE(interp);
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

// The bar: the default model's arena within 10 % of the lower bound.
TEST(Golden, DefaultModelArenaNearLowerBound) {
  auto interp = Load("tf2_mobilenet_v2_1.0_224_ptq.tflite");
  ASSERT_TRUE(interp);
  EXPECT_GE(interp->arena_bytes(), interp->arena_lower_bound());
  EXPECT_LE(static_cast<double>(interp->arena_bytes()),
            1.10 * static_cast<double>(interp->arena_lower_bound()));
}

}  // namespace
}  // namespace edgelite
