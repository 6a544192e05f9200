// TFLite_Detection_PostProcess: box decoding, fast and regular NMS (score
// threshold, IoU suppression, several classes per box, merge order on ties),
// quantized inputs, zero padding of unused rows, and the option checks
// (FlexBuffer options from a hostile file). Expected values derived in
// comments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "flatbuffers/flexbuffers.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"
#include "support/op_test_util.h"

namespace edgelite {
namespace {

using testing::SingleOpModel;
using testing::TensorSpec;
using testing::Var;
namespace tfl = ::edgelite::tfl;

struct Options {
  int max_detections = 3;
  int max_classes_per_detection = 1;
  int detections_per_class = -1;  // -1: key absent
  int use_regular_nms = -1;       // -1: key absent, else 0/1
  float score_threshold = 0.5f;
  float iou_threshold = 0.5f;
  int num_classes = 2;
  float y_scale = 10, x_scale = 10, h_scale = 5, w_scale = 5;
  const char* drop = nullptr;  // leave this key out
};

std::vector<uint8_t> Flex(const Options& o) {
  flexbuffers::Builder fbb;
  fbb.Map([&]() {
    auto i = [&](const char* k, int v) {
      if (!o.drop || std::strcmp(o.drop, k) != 0) fbb.Int(k, v);
    };
    auto f = [&](const char* k, float v) {
      if (!o.drop || std::strcmp(o.drop, k) != 0) fbb.Float(k, v);
    };
    i("max_detections", o.max_detections);
    i("max_classes_per_detection", o.max_classes_per_detection);
    if (o.detections_per_class >= 0)
      i("detections_per_class", o.detections_per_class);
    if (o.use_regular_nms >= 0)
      fbb.Bool("use_regular_nms", o.use_regular_nms != 0);
    f("nms_score_threshold", o.score_threshold);
    f("nms_iou_threshold", o.iou_threshold);
    i("num_classes", o.num_classes);
    f("y_scale", o.y_scale);
    f("x_scale", o.x_scale);
    f("h_scale", o.h_scale);
    f("w_scale", o.w_scale);
  });
  fbb.Finish();
  return fbb.GetBuffer();
}

// Three anchors (y, x, h, w): 0 and 1 overlap (IoU 0.818), 2 is apart.
// Zero encodings decode to the anchors: [0, 0, .5, .5], [0, .05, .5, .55],
// [.5, .5, 1, 1].
const std::vector<float> kAnchors = {0.25f, 0.25f, 0.5f, 0.5f,  //
                                     0.25f, 0.3f,  0.5f, 0.5f,  //
                                     0.75f, 0.75f, 0.5f, 0.5f};
// Rows: background, class 0, class 1.
const std::vector<float> kScores = {0.0f, 0.9f,  0.8f,   //
                                    0.0f, 0.85f, 0.95f,  //
                                    0.0f, 0.3f,  0.7f};

SingleOpModel Model(std::vector<uint8_t> options, TensorSpec boxes,
                    TensorSpec scores, TensorSpec anchors, int rows) {
  SingleOpModel m;
  m.inputs = {std::move(boxes), std::move(scores), std::move(anchors)};
  m.outputs = {Var("boxes", DataType::kFloat32, {1, rows, 4}),
               Var("classes", DataType::kFloat32, {1, rows}),
               Var("scores", DataType::kFloat32, {1, rows}),
               Var("num", DataType::kFloat32, {1})};
  m.op.builtin_code = static_cast<int32_t>(tfl::BuiltinOperator::CUSTOM);
  m.op.custom_code = "TFLite_Detection_PostProcess";
  m.op.custom_options = std::move(options);
  return m;
}

SingleOpModel FloatModel(const Options& o) {
  TensorSpec anchors = Var("anchors", DataType::kFloat32, {3, 4});
  anchors.data = testing::Bytes(kAnchors);
  return Model(Flex(o), Var("enc", DataType::kFloat32, {1, 3, 4}),
               Var("cls", DataType::kFloat32, {1, 3, 3}), anchors,
               std::max(0, o.max_detections * o.max_classes_per_detection));
}

struct Result {
  std::vector<float> boxes, classes, scores;
  float num = -1;
};

Result RunOp(const SingleOpModel& m, const std::vector<uint8_t>& enc,
             const std::vector<uint8_t>& cls) {
  Result r;
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(m.Build(), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return r;
  testing::SetInput(interp.get(), 0, enc);
  testing::SetInput(interp.get(), 1, cls);
  // Garbage in the outputs must not survive: unused rows are zeroed.
  for (int i = 0; i < 4; ++i)
    std::memset(interp->output(i)->data, 0x7f, interp->output(i)->bytes);
  const int64_t before = testing::AllocationCount();
  s = interp->Invoke();
  EXPECT_EQ(testing::AllocationCount(), before) << "Invoke allocated";
  EXPECT_TRUE(s.ok()) << s.message();
  r.boxes = testing::GetOutput<float>(*interp, 0);
  r.classes = testing::GetOutput<float>(*interp, 1);
  r.scores = testing::GetOutput<float>(*interp, 2);
  r.num = testing::GetOutput<float>(*interp, 3)[0];
  return r;
}

const std::vector<float> kBox0 = {0.0f, 0.0f, 0.5f, 0.5f};
const std::vector<float> kBox1 = {0.0f, 0.3f - 0.25f, 0.5f, 0.3f + 0.25f};
const std::vector<float> kBox2 = {0.5f, 0.5f, 1.0f, 1.0f};
const std::vector<float> kZero = {0, 0, 0, 0};

std::vector<float> Cat(std::initializer_list<std::vector<float>> parts) {
  std::vector<float> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// Fast NMS, one class per box: max scores 0.9 (box 0, class 0), 0.95 (box 1,
// class 1), 0.7 (box 2, class 1). Box 1 wins and suppresses box 0 (IoU
// 0.225 / 0.275 = 0.82 > 0.5); box 2 follows; row 2 stays zero.
TEST(DetectionPostProcessOp, FastNmsOneClass) {
  Options o;
  const Result r =
      RunOp(FloatModel(o), testing::Bytes(std::vector<float>(12, 0.0f)),
            testing::Bytes(kScores));
  EXPECT_EQ(r.num, 2.0f);
  EXPECT_EQ(r.boxes, Cat({kBox1, kBox2, kZero}));
  EXPECT_EQ(r.classes, (std::vector<float>{1, 1, 0}));
  EXPECT_EQ(r.scores, (std::vector<float>{0.95f, 0.7f, 0}));
}

// Two classes per box: each selected box reports its two best classes in
// decreasing order; rows of a missing third detection stay zero.
TEST(DetectionPostProcessOp, FastNmsTwoClassesPerBox) {
  Options o;
  o.max_classes_per_detection = 2;
  const Result r =
      RunOp(FloatModel(o), testing::Bytes(std::vector<float>(12, 0.0f)),
            testing::Bytes(kScores));
  EXPECT_EQ(r.num, 2.0f);
  EXPECT_EQ(r.boxes, Cat({kBox1, kBox1, kBox2, kBox2, kZero, kZero}));
  EXPECT_EQ(r.classes, (std::vector<float>{1, 0, 1, 0, 0, 0}));
  EXPECT_EQ(r.scores, (std::vector<float>{0.95f, 0.85f, 0.7f, 0.3f, 0, 0}));
}

// Regular NMS: class 0 keeps box 0 (0.9; box 1's 0.85 is suppressed, box 2's
// 0.3 is under the threshold); class 1 keeps box 1 (0.95) and box 2 (0.7),
// box 0 (0.8) suppressed. Merged by score: box 1/c1, box 0/c0, box 2/c1.
TEST(DetectionPostProcessOp, RegularNms) {
  Options o;
  o.use_regular_nms = 1;
  const Result r =
      RunOp(FloatModel(o), testing::Bytes(std::vector<float>(12, 0.0f)),
            testing::Bytes(kScores));
  EXPECT_EQ(r.num, 3.0f);
  EXPECT_EQ(r.boxes, Cat({kBox1, kBox0, kBox2}));
  EXPECT_EQ(r.classes, (std::vector<float>{1, 0, 1}));
  EXPECT_EQ(r.scores, (std::vector<float>{0.95f, 0.9f, 0.7f}));
}

// Regular NMS with equal scores across classes: the merge is stable, so the
// earlier class comes first; detections_per_class 1 keeps one per class.
TEST(DetectionPostProcessOp, RegularNmsTiesKeepClassOrder) {
  Options o;
  o.use_regular_nms = 1;
  o.detections_per_class = 1;
  const std::vector<float> scores = {0, 0.1f, 0.1f,  //
                                     0, 0.1f, 0.1f,  //
                                     0, 0.7f, 0.7f};
  const Result r =
      RunOp(FloatModel(o), testing::Bytes(std::vector<float>(12, 0.0f)),
            testing::Bytes(scores));
  EXPECT_EQ(r.num, 2.0f);
  EXPECT_EQ(r.boxes, Cat({kBox2, kBox2, kZero}));
  EXPECT_EQ(r.classes, (std::vector<float>{0, 1, 0}));
  EXPECT_EQ(r.scores, (std::vector<float>{0.7f, 0.7f, 0}));
}

// Decoding with non-zero encodings (double arithmetic, rounded to float):
// box 2 with (y, x, h, w) = (1, -2, ln 2 * 5, 0): ycenter = 1/10 * .5 + .75
// = .8, xcenter = -2/10 * .5 + .75 = .65, half_h = .5 * exp(ln 2) * .5 = .5,
// half_w = .25 → [.3, .4, 1.3, .9].
TEST(DetectionPostProcessOp, DecodesBoxes) {
  Options o;
  o.max_detections = 1;
  std::vector<float> enc(12, 0.0f);
  const double ln2x5 = std::log(2.0) * 5;
  enc[8] = 1;
  enc[9] = -2;
  enc[10] = static_cast<float>(ln2x5);
  const std::vector<float> scores = {0,    0.1f, 0.1f, 0,   0.1f,
                                     0.1f, 0,    0.9f, 0.1f};
  const Result r =
      RunOp(FloatModel(o), testing::Bytes(enc), testing::Bytes(scores));
  ASSERT_EQ(r.num, 1.0f);
  const float yc = static_cast<float>(1.0 / 10 * 0.5 + double{0.75f});
  const float xc = static_cast<float>(-2.0 / 10 * 0.5 + double{0.75f});
  const float hh = static_cast<float>(
      0.5 * std::exp(double{static_cast<float>(ln2x5)} / 5) * 0.5);
  EXPECT_EQ(r.boxes,
            (std::vector<float>{yc - hh, xc - 0.25f, yc + hh, xc + 0.25f}));
  EXPECT_NEAR(r.boxes[0], 0.3f, 1e-6f);
  EXPECT_NEAR(r.boxes[2], 1.3f, 1e-6f);
}

// uint8 boxes, scores and anchors, with a background-less score layout
// (num_classes 3 = the tensor's width). Scores (q - 5) / 250: box 0 class 2
// = 255 → 1.0; box 1 class 0 = 130 → 0.5 exactly; box 2 all < 0.5. Box 0's
// anchor (q / 100) is [.2, .2, .4, .4]; box 1's [.8, .8, .4, .4]; encodings
// at the zero point decode to the anchors.
TEST(DetectionPostProcessOp, Uint8Inputs) {
  Options o;
  o.num_classes = 3;
  o.max_detections = 2;
  TensorSpec anchors = Var("anchors", DataType::kUInt8, {3, 4}, {0.01f}, {0});
  anchors.data = {20, 20, 40, 40, 80, 80, 40, 40, 50, 50, 10, 10};
  SingleOpModel m =
      Model(Flex(o), Var("enc", DataType::kUInt8, {1, 3, 4}, {0.05f}, {128}),
            Var("cls", DataType::kUInt8, {1, 3, 3}, {0.004f}, {5}), anchors, 2);
  const Result r = RunOp(m, std::vector<uint8_t>(12, 128),
                         {5, 5, 255, 130, 5, 5, 100, 100, 100});
  EXPECT_EQ(r.num, 2.0f);
  EXPECT_EQ(r.classes, (std::vector<float>{2, 0}));
  EXPECT_EQ(r.scores[0], static_cast<float>(0.004 * 250));
  EXPECT_EQ(r.scores[1], static_cast<float>(double{0.004f} * 125));
  EXPECT_NEAR(r.boxes[0], 0.0f, 1e-6f);
  EXPECT_NEAR(r.boxes[2], 0.4f, 1e-6f);
  EXPECT_NEAR(r.boxes[4], 0.6f, 1e-6f);
  EXPECT_NEAR(r.boxes[7], 1.0f, 1e-6f);
}

// A negative anchor height decodes to an inverted box: Invoke fails (as in
// TFLite) with a message naming the box.
TEST(DetectionPostProcessOp, InvertedBoxFailsInvoke) {
  Options o;
  std::vector<float> a = kAnchors;
  a[6] = -0.5f;
  TensorSpec anchors = Var("anchors", DataType::kFloat32, {3, 4});
  anchors.data = testing::Bytes(a);
  SingleOpModel m =
      Model(Flex(o), Var("enc", DataType::kFloat32, {1, 3, 4}),
            Var("cls", DataType::kFloat32, {1, 3, 3}), anchors, 3);
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(testing::MakeInterpreter(m.Build(), &interp).ok());
  const Status s = interp->Invoke();
  EXPECT_EQ(s.code(), StatusCode::kRuntimeError);
  EXPECT_EQ(s.message().rfind(
                "op 0 (CUSTOM 'TFLite_Detection_PostProcess' v1): box 1 "
                "decodes to an inverted box",
                0),
            0u)
      << s.message();
}

Status Prepare(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(m.Build(), &interp);
}

const char kPrefix[] = "op 0 (CUSTOM 'TFLite_Detection_PostProcess' v1): ";

TEST(DetectionPostProcessOp, RefusedOptions) {
  Options o;
  o.drop = "num_classes";
  Status s = Prepare(FloatModel(o));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "custom options: required key 'num_classes' is missing");

  o = Options();
  o.iou_threshold = 0.0f;
  s = Prepare(FloatModel(o));
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "custom options: nms_iou_threshold must be in (0, 1], got 0");

  o = Options();
  o.max_classes_per_detection = 0;
  s = Prepare(FloatModel(o));
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "custom options: max_classes_per_detection must be positive");

  o = Options();
  o.max_detections = -1;
  s = Prepare(FloatModel(o));
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "custom options: 'max_detections' must be between 0 and "
                "2147483647, got -1");

  o = Options();
  o.num_classes = 5;  // the scores tensor has 3 columns
  s = Prepare(FloatModel(o));
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "input 1 (tensor 1 'cls'): has 3 classes per box; "
                "num_classes 5 allows 5 or 6 (with a background class)");

  // A string where a number belongs.
  flexbuffers::Builder fbb;
  fbb.Map([&]() {
    fbb.Int("max_detections", 3);
    fbb.String("max_classes_per_detection", "1");
  });
  fbb.Finish();
  TensorSpec anchors = Var("anchors", DataType::kFloat32, {3, 4});
  anchors.data = testing::Bytes(kAnchors);
  s = Prepare(Model(fbb.GetBuffer(), Var("enc", DataType::kFloat32, {1, 3, 4}),
                    Var("cls", DataType::kFloat32, {1, 3, 3}), anchors, 3));
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "custom options: the value of "
                "'max_classes_per_detection' is a string, not a number");

  // No options at all.
  s = Prepare(Model({}, Var("enc", DataType::kFloat32, {1, 3, 4}),
                    Var("cls", DataType::kFloat32, {1, 3, 3}), anchors, 3));
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "custom options: a FlexBuffer needs at least 3 bytes, got 0");
}

TEST(DetectionPostProcessOp, RefusedTensors) {
  Options o;
  TensorSpec anchors = Var("anchors", DataType::kFloat32, {2, 4});
  anchors.data = testing::Bytes(std::vector<float>(8, 0.5f));
  Status s =
      Prepare(Model(Flex(o), Var("enc", DataType::kFloat32, {1, 3, 4}),
                    Var("cls", DataType::kFloat32, {1, 3, 3}), anchors, 3));
  EXPECT_EQ(s.code(), StatusCode::kInvalidModel);
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "input 2 (tensor 2 'anchors'): anchors must have shape "
                "[3, 4], got [2, 4]");

  TensorSpec a3 = Var("anchors", DataType::kFloat32, {3, 4});
  a3.data = testing::Bytes(kAnchors);
  s = Prepare(Model(Flex(o), Var("enc", DataType::kInt16, {1, 3, 4}, {1}, {0}),
                    Var("cls", DataType::kFloat32, {1, 3, 3}), a3, 3));
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_EQ(s.message(), std::string(kPrefix) +
                             "input 0 (tensor 0 'enc'): int16 is not supported "
                             "(float32, uint8 and int8 are)");

  s = Prepare(Model(Flex(o), Var("enc", DataType::kFloat32, {1, 3, 3}),
                    Var("cls", DataType::kFloat32, {1, 3, 3}), a3, 3));
  EXPECT_EQ(s.message(),
            std::string(kPrefix) +
                "input 0 (tensor 0 'enc'): box encodings must have shape "
                "[1, boxes, 4 or more], got [1, 3, 3]");
}

}  // namespace
}  // namespace edgelite
