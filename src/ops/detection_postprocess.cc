// TFLite_Detection_PostProcess (custom op): SSD box decoding plus
// non-maximum suppression, the tail of TF Object Detection API models.
//
// Inputs: box encodings [1, boxes, ≥4] (y, x, h, w first), class predictions
// [1, boxes, classes (+1 background)], anchors [boxes, 4] (y, x, h, w). Each
// is float32, or uint8/int8 with per-tensor quantization (dequantized).
// Outputs (float32): boxes [1, N, 4] (ymin, xmin, ymax, xmax), classes
// [1, N], scores [1, N], num_detections [1], N = max_detections ×
// max_classes_per_detection. Options: a FlexBuffer map (flexbuffer_map.h).
//
// Semantics of TFLite's kernel (kernels/detection_postprocess.cc, the version
// LiteRT ships), reproduced step by step:
//  - decode, per box in double: yc = y / y_scale * ha + ya, xc likewise,
//    half_h = 0.5 * exp(h / h_scale) * ha, half_w likewise, each rounded to
//    float, then ymin = yc - half_h … in float. A box with ymin > ymax or
//    xmin > xmax (negative anchor size) fails the invoke, as in TFLite.
//  - dequantization: boxes and anchors (float(q) - float(zp)) * scale;
//    class scores f32(double(scale) * (q - zp)).
//  - single-class NMS: keep scores >= nms_score_threshold, stable sort by
//    decreasing score (ties: lower box index first), greedily select up to
//    the limit, dropping later candidates whose IoU with a selected box is
//    > nms_iou_threshold. IoU in float; 0 when either area is <= 0.
//  - fast NMS (use_regular_nms false): each box competes with its best class
//    score (first maximum); for every selected box the top
//    min(max_classes_per_detection, classes) classes are reported in the
//    order libc++'s std::partial_sort leaves them (reproduced exactly, as
//    ties are common with quantized scores; one class: the first maximum).
//  - regular NMS: per class (in order) select up to min(detections_per_class,
//    max_detections) boxes, merge them into the running list by decreasing
//    score with a stable merge (earlier classes first on ties, as
//    std::inplace_merge), keep the first max_detections.
//    Measured with the conformance suite: LiteRT.js 2.5.3 agrees on every
//    case; tfjs-tflite 0.0.1-alpha.10 (an older TFLite that merged classes
//    with std::partial_sort) orders tied scores of regular NMS differently.
//  - outputs the kernel leaves unwritten (past num_detections, classes beyond
//    the available count) are 0 here.
// The uint8/int8 combinations TFLite has no code for (int8 inputs, quantized
// boxes with float anchors, float boxes with quantized anchors) are
// dequantized the same way. kMicro computes the same (tflite-micro's version
// supports float only).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/op.h"
#include "ops/flexbuffer_map.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct BoxCorner {
  float ymin, xmin, ymax, xmax;
};

struct ScoredIndex {
  int32_t index;
  float score;
};

// Dequantized element i of a float32 / uint8 / int8 tensor.
struct Dequantizer {
  DataType type = DataType::kFloat32;
  float scale = 1.0f;
  float zero_point = 0.0f;

  float operator()(const uint8_t* data, int64_t i) const {
    switch (type) {
      case DataType::kUInt8:
        return (static_cast<float>(data[i]) - zero_point) * scale;
      case DataType::kInt8:
        return (static_cast<float>(reinterpret_cast<const int8_t*>(data)[i]) -
                zero_point) *
               scale;
      default:
        return reinterpret_cast<const float*>(data)[i];
    }
  }
};

// ---- libc++'s std::partial_sort on indices, comparator values[a] > values[b]
// (heap-based: make_heap, sift-down for each later element, sort_heap with
// Floyd's pop_heap), so that ties come out in the same order.
class DescendingByValue {
 public:
  explicit DescendingByValue(const float* v) : v_(v) {}
  bool operator()(int32_t a, int32_t b) const { return v_[a] > v_[b]; }

 private:
  const float* v_;
};

void SiftDown(int32_t* first, const DescendingByValue& comp, int64_t len,
              int64_t start) {
  int64_t child = start;
  if (len < 2 || (len - 2) / 2 < child) return;
  child = 2 * child + 1;
  if (child + 1 < len && comp(first[child], first[child + 1])) ++child;
  if (comp(first[child], first[start])) return;
  const int32_t top = first[start];
  do {
    first[start] = first[child];
    start = child;
    if ((len - 2) / 2 < child) break;
    child = 2 * child + 1;
    if (child + 1 < len && comp(first[child], first[child + 1])) ++child;
  } while (!comp(first[child], top));
  first[start] = top;
}

int64_t FloydSiftDown(int32_t* first, const DescendingByValue& comp,
                      int64_t len) {
  int64_t hole = 0, child = 0;
  while (true) {
    child = 2 * child + 1;
    if (child + 1 < len && comp(first[child], first[child + 1])) ++child;
    first[hole] = first[child];
    hole = child;
    if (child > (len - 2) / 2) return hole;
  }
}

void SiftUp(int32_t* first, int64_t last, const DescendingByValue& comp,
            int64_t len) {
  if (len <= 1) return;
  len = (len - 2) / 2;
  int64_t ptr = len;
  --last;
  if (!comp(first[ptr], first[last])) return;
  const int32_t t = first[last];
  do {
    first[last] = first[ptr];
    last = ptr;
    if (len == 0) break;
    len = (len - 1) / 2;
    ptr = len;
  } while (comp(first[ptr], t));
  first[last] = t;
}

void PopHeap(int32_t* first, int64_t len, const DescendingByValue& comp) {
  if (len <= 1) return;
  const int32_t top = first[0];
  int64_t hole = FloydSiftDown(first, comp, len);
  const int64_t last = len - 1;
  if (hole == last) {
    first[hole] = top;
  } else {
    first[hole] = first[last];
    ++hole;
    first[last] = top;
    SiftUp(first, hole, comp, hole);
  }
}

void PartialSort(int32_t* first, int64_t middle, int64_t last,
                 const DescendingByValue& comp) {
  if (middle == 0) return;
  if (middle > 1) {
    for (int64_t start = (middle - 2) / 2; start >= 0; --start) {
      SiftDown(first, comp, middle, start);
    }
  }
  for (int64_t i = middle; i < last; ++i) {
    if (comp(first[i], first[0])) {
      std::swap(first[i], first[0]);
      SiftDown(first, comp, middle, 0);
    }
  }
  for (int64_t n = middle; n > 1; --n) PopHeap(first, n, comp);
}

// TFLite's ArgMaxVector: the first maximum.
int32_t FirstMax(const float* v, int32_t n) {
  float best = v[0];
  int32_t index = 0;
  for (int32_t i = 1; i < n; ++i) {
    if (v[i] > best) {
      best = v[i];
      index = i;
    }
  }
  return index;
}

// Stable sort of `idx[0..n)` by decreasing values[idx] (bottom-up merge sort,
// `tmp` holds n entries). Equal scores keep their order, as std::stable_sort.
void StableSortDescending(int32_t* idx, int32_t* tmp, int64_t n,
                          const float* values) {
  int32_t* src = idx;
  int32_t* dst = tmp;
  for (int64_t width = 1; width < n; width *= 2) {
    for (int64_t lo = 0; lo < n; lo += 2 * width) {
      const int64_t mid = std::min(lo + width, n);
      const int64_t hi = std::min(lo + 2 * width, n);
      int64_t a = lo, b = mid, o = lo;
      while (a < mid && b < hi) {
        // Take from the right run only when strictly greater.
        dst[o++] = values[src[b]] > values[src[a]] ? src[b++] : src[a++];
      }
      while (a < mid) dst[o++] = src[a++];
      while (b < hi) dst[o++] = src[b++];
    }
    std::swap(src, dst);
  }
  if (src != idx)
    std::memcpy(idx, src, static_cast<size_t>(n) * sizeof(int32_t));
}

float IntersectionOverUnion(const BoxCorner& a, const BoxCorner& b) {
  const float area_a = (a.ymax - a.ymin) * (a.xmax - a.xmin);
  const float area_b = (b.ymax - b.ymin) * (b.xmax - b.xmin);
  if (area_a <= 0 || area_b <= 0) return 0.0f;
  // std::max / std::min argument order, for NaN parity.
  auto fmax = [](float x, float y) { return x < y ? y : x; };
  auto fmin = [](float x, float y) { return y < x ? y : x; };
  const float ymin = fmax(a.ymin, b.ymin);
  const float xmin = fmax(a.xmin, b.xmin);
  const float ymax = fmin(a.ymax, b.ymax);
  const float xmax = fmin(a.xmax, b.xmax);
  const float inter = fmax(ymax - ymin, 0.0f) * fmax(xmax - xmin, 0.0f);
  return inter / (area_a + area_b - inter);
}

struct Options {
  int32_t max_detections = 0;
  int32_t max_classes_per_detection = 0;
  int32_t detections_per_class = 100;
  bool use_regular_nms = false;
  float score_threshold = 0.0f;
  float iou_threshold = 0.0f;
  int32_t num_classes = 0;
  float y_scale = 0.0f, x_scale = 0.0f, h_scale = 0.0f, w_scale = 0.0f;
};

// Scratch buffers, each requested in Prepare.
enum Scratch {
  kDecoded,      // BoxCorner[boxes]
  kScores,       // float[boxes * classes_with_background] (quantized input)
  kCandidates,   // float[boxes]: max score per box / one class's scores
  kKeepScores,   // float[boxes]
  kKeepIndices,  // int32[boxes]
  kOrder,        // int32[boxes]
  kOrderTmp,     // int32[boxes]
  kActive,       // uint8[boxes]
  kSelected,     // int32[boxes]
  kClassOrder,   // int32[classes]
  kMerged,       // ScoredIndex[2 * max_detections]
  kMergeTmp,     // ScoredIndex[max_detections]
  kNumScratch
};

class DetectionPostProcessOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 3, 3, 4));
    EDGELITE_RETURN_IF_ERROR(ParseOptions(ctx));
    const Tensor* boxes = nullptr;
    const Tensor* classes = nullptr;
    const Tensor* anchors = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &boxes));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 1, &classes));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 2, &anchors));
    EDGELITE_RETURN_IF_ERROR(PrepareInput(ctx, 0, &box_deq_));
    EDGELITE_RETURN_IF_ERROR(PrepareInput(ctx, 1, &class_deq_));
    EDGELITE_RETURN_IF_ERROR(PrepareInput(ctx, 2, &anchor_deq_));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 0, 3, 3));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 1, 3, 3));
    EDGELITE_RETURN_IF_ERROR(CheckInputRank(ctx, 2, 2, 2));

    num_boxes_ = boxes->shape.dims[1];
    box_stride_ = boxes->shape.dims[2];
    if (boxes->shape.dims[0] != 1 || box_stride_ < 4) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          "box encodings must have shape [1, boxes, 4 or more], got " +
              boxes->shape.ToString());
    }
    if (classes->shape.dims[0] != 1 || classes->shape.dims[1] != num_boxes_) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("class predictions must have shape [1, %d, classes], "
                    "got %s",
                    num_boxes_, classes->shape.ToString().c_str()));
    }
    classes_with_background_ = classes->shape.dims[2];
    label_offset_ = classes_with_background_ - opt_.num_classes;
    if (label_offset_ != 0 && label_offset_ != 1) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("has %d classes per box; num_classes %d allows %d or %d "
                    "(with a background class)",
                    classes_with_background_, opt_.num_classes,
                    opt_.num_classes, opt_.num_classes + 1));
    }
    if (anchors->shape.dims[0] < num_boxes_ || anchors->shape.dims[1] != 4) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 2,
          StrFormat("anchors must have shape [%d, 4], got %s", num_boxes_,
                    anchors->shape.ToString().c_str()));
    }

    // Outputs.
    const int64_t n =
        int64_t{opt_.max_detections} * opt_.max_classes_per_detection;
    if (n > kMaxElements / 4) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("max_detections %d × max_classes_per_detection %d is too "
                    "large",
                    opt_.max_detections, opt_.max_classes_per_detection));
    }
    const int32_t rows = static_cast<int32_t>(n);
    const Shape shapes[4] = {Shape({1, rows, 4}), Shape({1, rows}),
                             Shape({1, rows}), Shape({1})};
    for (int i = 0; i < 4; ++i) {
      if (ctx.output(i)->type != DataType::kFloat32) {
        return ctx.OutputError(StatusCode::kInvalidModel, i,
                               StrFormat("must be float32, got %s",
                                         DataTypeName(ctx.output(i)->type)));
      }
      EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(i, shapes[i]));
    }
    return RequestScratch(ctx);
  }

  Status Eval(OpContext& ctx) override {
    for (int i = 0; i < 4; ++i) {
      Tensor* t = ctx.output(i);
      if (t->bytes > 0) std::memset(t->data, 0, t->bytes);
    }
    EDGELITE_RETURN_IF_ERROR(DecodeBoxes(ctx));
    const float* scores = DequantizeScores(ctx);
    if (opt_.use_regular_nms) {
      RegularNms(ctx, scores);
    } else {
      FastNms(ctx, scores);
    }
    return Status::Ok();
  }

 private:
  Status ParseOptions(OpContext& ctx) {
    FlexMap map;
    std::string error;
    auto fail = [&](StatusCode code, const std::string& what) {
      return ctx.Error(code, "custom options: " + what);
    };
    if (!map.Parse(ctx.custom_options(), ctx.custom_options_size(), &error)) {
      return fail(StatusCode::kInvalidModel, error);
    }
    auto find = [&](const char* key, bool required,
                    FlexMap::Value* v) -> Status {
      if (!map.Find(key, v, &error))
        return fail(StatusCode::kInvalidModel, error);
      if (required && !v->present()) {
        return fail(StatusCode::kInvalidModel,
                    StrFormat("required key '%s' is missing", key));
      }
      return Status::Ok();
    };
    auto get_int = [&](const char* key, bool required, int32_t* out) -> Status {
      FlexMap::Value v;
      EDGELITE_RETURN_IF_ERROR(find(key, required, &v));
      if (!v.present()) return Status::Ok();
      const int64_t x = v.AsInt64();
      // An integral float is accepted (TFLite's AsInt32 converts it).
      if (v.kind == FlexMap::Kind::kFloat && v.f != std::trunc(v.f)) {
        return fail(StatusCode::kInvalidModel,
                    StrFormat("'%s' must be an integer, got %g", key, v.f));
      }
      if (x < 0 || x > INT32_MAX ||
          (v.kind == FlexMap::Kind::kUInt && v.u > INT32_MAX)) {
        return fail(StatusCode::kInvalidModel,
                    StrFormat("'%s' must be between 0 and %d, got %lld", key,
                              INT32_MAX, static_cast<long long>(x)));
      }
      *out = static_cast<int32_t>(x);
      return Status::Ok();
    };
    auto get_float = [&](const char* key, float* out) -> Status {
      FlexMap::Value v;
      EDGELITE_RETURN_IF_ERROR(find(key, true, &v));
      *out = static_cast<float>(v.AsDouble());
      return Status::Ok();
    };
    EDGELITE_RETURN_IF_ERROR(
        get_int("max_detections", true, &opt_.max_detections));
    EDGELITE_RETURN_IF_ERROR(get_int("max_classes_per_detection", true,
                                     &opt_.max_classes_per_detection));
    EDGELITE_RETURN_IF_ERROR(
        get_int("detections_per_class", false, &opt_.detections_per_class));
    EDGELITE_RETURN_IF_ERROR(get_int("num_classes", true, &opt_.num_classes));
    FlexMap::Value regular;
    EDGELITE_RETURN_IF_ERROR(find("use_regular_nms", false, &regular));
    opt_.use_regular_nms = regular.AsBool();
    EDGELITE_RETURN_IF_ERROR(
        get_float("nms_score_threshold", &opt_.score_threshold));
    EDGELITE_RETURN_IF_ERROR(
        get_float("nms_iou_threshold", &opt_.iou_threshold));
    EDGELITE_RETURN_IF_ERROR(get_float("y_scale", &opt_.y_scale));
    EDGELITE_RETURN_IF_ERROR(get_float("x_scale", &opt_.x_scale));
    EDGELITE_RETURN_IF_ERROR(get_float("h_scale", &opt_.h_scale));
    EDGELITE_RETURN_IF_ERROR(get_float("w_scale", &opt_.w_scale));

    // TFLite checks these in Prepare or Eval; all are known now.
    if (opt_.num_classes < 1) {
      return fail(StatusCode::kInvalidModel, "num_classes must be positive");
    }
    if (opt_.max_classes_per_detection < 1) {
      return fail(StatusCode::kInvalidModel,
                  "max_classes_per_detection must be positive");
    }
    if (!(opt_.iou_threshold > 0.0f && opt_.iou_threshold <= 1.0f)) {
      return fail(StatusCode::kInvalidModel,
                  StrFormat("nms_iou_threshold must be in (0, 1], got %g",
                            static_cast<double>(opt_.iou_threshold)));
    }
    if (opt_.use_regular_nms &&
        std::min(opt_.detections_per_class, opt_.max_detections) < 1) {
      return fail(StatusCode::kInvalidModel,
                  "regular NMS needs detections_per_class and max_detections "
                  "of at least 1");
    }
    return Status::Ok();
  }

  Status PrepareInput(OpContext& ctx, int i, Dequantizer* deq) {
    const Tensor* t = ctx.input(i);
    deq->type = t->type;
    switch (t->type) {
      case DataType::kFloat32:
        return Status::Ok();
      case DataType::kUInt8:
      case DataType::kInt8:
        EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, t, true, i));
        deq->scale = t->scale();
        deq->zero_point = static_cast<float>(t->zero_point());
        return Status::Ok();
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, i,
            StrFormat("%s is not supported (float32, uint8 and int8 are)",
                      DataTypeName(t->type)));
    }
  }

  Status RequestScratch(OpContext& ctx) {
    const size_t b = static_cast<size_t>(num_boxes_);
    const size_t det = static_cast<size_t>(opt_.max_detections);
    size_t bytes[kNumScratch] = {};
    bytes[kDecoded] = b * sizeof(BoxCorner);
    bytes[kScores] =
        class_deq_.type == DataType::kFloat32
            ? 0
            : b * static_cast<size_t>(classes_with_background_) * sizeof(float);
    bytes[kCandidates] = b * sizeof(float);
    bytes[kKeepScores] = b * sizeof(float);
    bytes[kKeepIndices] = b * sizeof(int32_t);
    bytes[kOrder] = b * sizeof(int32_t);
    bytes[kOrderTmp] = b * sizeof(int32_t);
    bytes[kActive] = b;
    bytes[kSelected] = b * sizeof(int32_t);
    bytes[kClassOrder] =
        static_cast<size_t>(opt_.num_classes) * sizeof(int32_t);
    bytes[kMerged] = opt_.use_regular_nms ? 2 * det * sizeof(ScoredIndex) : 0;
    bytes[kMergeTmp] = opt_.use_regular_nms ? det * sizeof(ScoredIndex) : 0;
    for (int i = 0; i < kNumScratch; ++i) {
      EDGELITE_RETURN_IF_ERROR(
          ctx.RequestScratch(std::max<size_t>(bytes[i], 16), &scratch_[i]));
    }
    return Status::Ok();
  }

  template <typename T>
  T* S(OpContext& ctx, Scratch s) const {
    return static_cast<T*>(ctx.scratch(scratch_[s]));
  }

  Status DecodeBoxes(OpContext& ctx) {
    const uint8_t* enc = ctx.input(0)->data;
    const uint8_t* anc = ctx.input(2)->data;
    BoxCorner* out = S<BoxCorner>(ctx, kDecoded);
    const double ys = opt_.y_scale, xs = opt_.x_scale;
    const double hs = opt_.h_scale, ws = opt_.w_scale;
    for (int32_t i = 0; i < num_boxes_; ++i) {
      const int64_t e = int64_t{i} * box_stride_;
      const int64_t a = int64_t{i} * 4;
      const double y = box_deq_(enc, e), x = box_deq_(enc, e + 1);
      const double h = box_deq_(enc, e + 2), w = box_deq_(enc, e + 3);
      const double ay = anchor_deq_(anc, a), ax = anchor_deq_(anc, a + 1);
      const double ah = anchor_deq_(anc, a + 2), aw = anchor_deq_(anc, a + 3);
      const float yc = static_cast<float>(y / ys * ah + ay);
      const float xc = static_cast<float>(x / xs * aw + ax);
      const float half_h = static_cast<float>(0.5 * std::exp(h / hs) * ah);
      const float half_w = static_cast<float>(0.5 * std::exp(w / ws) * aw);
      BoxCorner& box = out[i];
      box.ymin = yc - half_h;
      box.xmin = xc - half_w;
      box.ymax = yc + half_h;
      box.xmax = xc + half_w;
      if (box.ymin > box.ymax || box.xmin > box.xmax) {
        return ctx.Error(
            StatusCode::kRuntimeError,
            StrFormat(
                "box %d decodes to an inverted box (ymin %g, xmin %g, "
                "ymax %g, xmax %g); its anchor has a negative size",
                i, static_cast<double>(box.ymin), static_cast<double>(box.xmin),
                static_cast<double>(box.ymax), static_cast<double>(box.xmax)));
      }
    }
    return Status::Ok();
  }

  const float* DequantizeScores(OpContext& ctx) {
    const Tensor* t = ctx.input(1);
    if (class_deq_.type == DataType::kFloat32) return t->Data<float>();
    float* out = S<float>(ctx, kScores);
    const int64_t n = t->NumElements();
    const double scale = class_deq_.scale;
    const int32_t zp = static_cast<int32_t>(class_deq_.zero_point);
    for (int64_t i = 0; i < n; ++i) {
      const int32_t q =
          class_deq_.type == DataType::kUInt8
              ? int32_t{t->data[i]}
              : int32_t{reinterpret_cast<const int8_t*>(t->data)[i]};
      out[i] = static_cast<float>(scale * (q - zp));
    }
    return out;
  }

  // Greedy NMS over `scores[0..boxes)`; writes the selected box indices to
  // the kSelected scratch and returns their count.
  int32_t SingleClassNms(OpContext& ctx, const float* scores,
                         int32_t max_selected) const {
    const BoxCorner* boxes = S<BoxCorner>(ctx, kDecoded);
    float* keep_scores = S<float>(ctx, kKeepScores);
    int32_t* keep = S<int32_t>(ctx, kKeepIndices);
    int32_t* order = S<int32_t>(ctx, kOrder);
    uint8_t* active = S<uint8_t>(ctx, kActive);
    int32_t* selected = S<int32_t>(ctx, kSelected);
    int32_t kept = 0;
    for (int32_t i = 0; i < num_boxes_; ++i) {
      if (scores[i] >= opt_.score_threshold) {
        keep_scores[kept] = scores[i];
        keep[kept] = i;
        ++kept;
      }
    }
    for (int32_t i = 0; i < kept; ++i) order[i] = i;
    StableSortDescending(order, S<int32_t>(ctx, kOrderTmp), kept, keep_scores);
    const int32_t limit = std::min(kept, max_selected);
    std::memset(active, 1, static_cast<size_t>(kept));
    int32_t num_active = kept, num_selected = 0;
    for (int32_t i = 0; i < kept; ++i) {
      if (num_active == 0 || num_selected >= limit) break;
      if (!active[i]) continue;
      const int32_t box_i = keep[order[i]];
      selected[num_selected++] = box_i;
      active[i] = 0;
      --num_active;
      for (int32_t j = i + 1; j < kept; ++j) {
        if (!active[j]) continue;
        const float iou =
            IntersectionOverUnion(boxes[box_i], boxes[keep[order[j]]]);
        if (iou > opt_.iou_threshold) {
          active[j] = 0;
          --num_active;
        }
      }
    }
    return num_selected;
  }

  // The top `count` classes of one box, in TFLite's order.
  void TopClasses(const float* box_scores, int32_t count,
                  int32_t* order) const {
    const int32_t n = opt_.num_classes;
    if (count == 1) {
      order[0] = FirstMax(box_scores, n);
      return;
    }
    for (int32_t c = 0; c < n; ++c) order[c] = c;
    PartialSort(order, count, n, DescendingByValue(box_scores));
  }

  void FastNms(OpContext& ctx, const float* scores) {
    const int32_t per_box =
        std::min(opt_.max_classes_per_detection, opt_.num_classes);
    int32_t* order = S<int32_t>(ctx, kClassOrder);
    float* max_scores = S<float>(ctx, kCandidates);
    for (int32_t row = 0; row < num_boxes_; ++row) {
      const float* box_scores =
          scores + int64_t{row} * classes_with_background_ + label_offset_;
      TopClasses(box_scores, per_box, order);
      max_scores[row] = box_scores[order[0]];
    }
    const int32_t num = SingleClassNms(ctx, max_scores, opt_.max_detections);
    const int32_t* selected = S<int32_t>(ctx, kSelected);
    const BoxCorner* decoded = S<BoxCorner>(ctx, kDecoded);
    BoxCorner* out_boxes = ctx.output(0)->MutableData<BoxCorner>();
    float* out_classes = ctx.output(1)->MutableData<float>();
    float* out_scores = ctx.output(2)->MutableData<float>();
    for (int32_t o = 0; o < num; ++o) {
      const int32_t box = selected[o];
      const float* box_scores =
          scores + int64_t{box} * classes_with_background_ + label_offset_;
      TopClasses(box_scores, per_box, order);
      for (int32_t col = 0; col < per_box; ++col) {
        const int64_t at = int64_t{opt_.max_classes_per_detection} * o + col;
        out_boxes[at] = decoded[box];
        out_classes[at] = static_cast<float>(order[col]);
        out_scores[at] = box_scores[order[col]];
      }
    }
    ctx.output(3)->MutableData<float>()[0] = static_cast<float>(num);
  }

  void RegularNms(OpContext& ctx, const float* scores) {
    const int32_t per_class =
        std::min(opt_.detections_per_class, opt_.max_detections);
    float* class_scores = S<float>(ctx, kCandidates);
    ScoredIndex* merged = S<ScoredIndex>(ctx, kMerged);
    ScoredIndex* tmp = S<ScoredIndex>(ctx, kMergeTmp);
    const int32_t* selected = S<int32_t>(ctx, kSelected);
    const int32_t stride = classes_with_background_;
    int32_t size = 0;
    for (int32_t col = 0; col < opt_.num_classes; ++col) {
      const float* column = scores + col + label_offset_;
      for (int32_t row = 0; row < num_boxes_; ++row) {
        class_scores[row] = column[int64_t{row} * stride];
      }
      const int32_t num = SingleClassNms(ctx, class_scores, per_class);
      if (num == 0) continue;
      // Stable merge of merged[0..size) with this class's (already sorted)
      // selection, keeping the first max_detections.
      std::memcpy(tmp, merged, static_cast<size_t>(size) * sizeof(ScoredIndex));
      int32_t a = 0, b = 0, o = 0;
      const int32_t total = std::min(size + num, opt_.max_detections);
      while (o < total) {
        ScoredIndex next = {0, 0.0f};
        if (b < num) {
          next.index = selected[b] * stride + col + label_offset_;
          next.score = class_scores[selected[b]];
        }
        if (a < size && (b >= num || !(next.score > tmp[a].score))) {
          merged[o++] = tmp[a++];
        } else {
          merged[o++] = next;
          ++b;
        }
      }
      size = total;
    }
    const BoxCorner* decoded = S<BoxCorner>(ctx, kDecoded);
    BoxCorner* out_boxes = ctx.output(0)->MutableData<BoxCorner>();
    float* out_classes = ctx.output(1)->MutableData<float>();
    float* out_scores = ctx.output(2)->MutableData<float>();
    for (int32_t o = 0; o < size; ++o) {
      const int32_t anchor = merged[o].index / stride;
      out_boxes[o] = decoded[anchor];
      out_classes[o] =
          static_cast<float>(merged[o].index - anchor * stride - label_offset_);
      out_scores[o] = merged[o].score;
    }
    ctx.output(3)->MutableData<float>()[0] = static_cast<float>(size);
  }

  Options opt_;
  Dequantizer box_deq_, class_deq_, anchor_deq_;
  int32_t num_boxes_ = 0, box_stride_ = 0;
  int32_t classes_with_background_ = 0, label_offset_ = 0;
  int scratch_[kNumScratch] = {};
};

}  // namespace

std::unique_ptr<Op> CreateDetectionPostProcess() {
  return std::make_unique<DetectionPostProcessOp>();
}

}  // namespace edgelite
