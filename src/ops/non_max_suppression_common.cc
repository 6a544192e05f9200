// NON_MAX_SUPPRESSION_V4 / V5: single-class (soft-)NMS over float boxes
// [N, 4] (y1, x1, y2, x2, corners in any order) and scores [N], as TFLite's
// reference_ops::NonMaxSuppression:
//  - candidates are the boxes with score > score_threshold, taken from a
//    max-heap on the score;
//  - a candidate is compared with the boxes selected since it was last
//    looked at, newest first: IoU >= iou_threshold suppresses it for good;
//    otherwise (V5, soft_nms_sigma > 0) its score decays by
//    exp(-0.5 / sigma * iou^2) and, if still above the threshold, it goes
//    back into the heap; it is selected when its score did not change;
//  - at most max_output_size boxes are selected.
// max_output_size must be constant (it sizes the outputs); the outputs are
// selected_indices [max_output_size] (int32; V5 also selected_scores, float)
// and the number selected (int32 scalar); unused entries are zero, as TFLite
// writes them. Equal scores leave the order to the heap algorithm (TFLite's
// std::priority_queue; the order of exact ties may differ between C++
// libraries).
#include "ops/non_max_suppression_common.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/op.h"
#include "ops/op_util.h"

namespace edgelite {
namespace {

struct Candidate {
  int32_t index;
  float score;
  int32_t suppress_begin;
};

bool HeapLess(const Candidate& a, const Candidate& b) {
  return a.score < b.score;
}

float Iou(const float* boxes, int32_t i, int32_t j) {
  const float* a = boxes + 4 * int64_t{i};
  const float* b = boxes + 4 * int64_t{j};
  const float ay0 = std::min(a[0], a[2]), ay1 = std::max(a[0], a[2]);
  const float ax0 = std::min(a[1], a[3]), ax1 = std::max(a[1], a[3]);
  const float by0 = std::min(b[0], b[2]), by1 = std::max(b[0], b[2]);
  const float bx0 = std::min(b[1], b[3]), bx1 = std::max(b[1], b[3]);
  const float area_a = (ay1 - ay0) * (ax1 - ax0);
  const float area_b = (by1 - by0) * (bx1 - bx0);
  if (area_a <= 0.0f || area_b <= 0.0f) return 0.0f;
  const float ih = std::max(std::min(ay1, by1) - std::max(ay0, by0), 0.0f);
  const float iw = std::max(std::min(ax1, bx1) - std::max(ax0, bx0), 0.0f);
  const float inter = ih * iw;
  const float uni = area_a + area_b - inter;
  if (uni == 0.0f) return 0.0f;
  return inter / uni;
}

class NonMaxSuppressionOp final : public Op {
 public:
  explicit NonMaxSuppressionOp(bool v5) : v5_(v5) {}

  Status Prepare(OpContext& ctx) override {
    const int n_in = v5_ ? 6 : 5;
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, n_in, n_in, v5_ ? 3 : 2));
    for (int i = 0; i < n_in; ++i) {
      const Tensor* t = nullptr;
      EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &t));
      const DataType want = i == 2 ? DataType::kInt32 : DataType::kFloat32;
      EDGELITE_RETURN_IF_ERROR(CheckInputType(ctx, i, want));
      if (i >= 2 && t->shape.rank != 0) {
        return ctx.InputError(StatusCode::kInvalidModel, i,
                              StrFormat("must be a scalar, got shape %s",
                                        t->shape.ToString().c_str()));
      }
    }
    const Tensor* boxes = ctx.input(0);
    const Tensor* scores = ctx.input(1);
    if (boxes->shape.rank != 2 || boxes->shape.dims[1] != 4) {
      return ctx.InputError(StatusCode::kInvalidModel, 0,
                            StrFormat("boxes must have shape [N, 4], got %s",
                                      boxes->shape.ToString().c_str()));
    }
    num_boxes_ = boxes->shape.dims[0];
    if (scores->shape != Shape({num_boxes_})) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 1,
          StrFormat("scores must have shape [%d], got %s", num_boxes_,
                    scores->shape.ToString().c_str()));
    }
    const Tensor* max_t = ctx.input(2);
    if (!max_t->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, 2,
                            "a non-constant max_output_size is not supported "
                            "(it sizes the outputs); edgelite plans memory "
                            "before Invoke");
    }
    max_out_ = max_t->Data<int32_t>()[0];
    if (max_out_ < 0) {
      return ctx.InputError(StatusCode::kInvalidModel, 2,
                            StrFormat("max_output_size is %d", max_out_));
    }
    const int n_out = v5_ ? 3 : 2;
    for (int o = 0; o < n_out; ++o) {
      const DataType want =
          (v5_ && o == 1) ? DataType::kFloat32 : DataType::kInt32;
      if (ctx.output(o)->type != want) {
        return ctx.OutputError(
            StatusCode::kInvalidModel, o,
            StrFormat("must be %s, got %s", DataTypeName(want),
                      DataTypeName(ctx.output(o)->type)));
      }
    }
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, Shape({max_out_})));
    if (v5_) EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(1, Shape({max_out_})));
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(n_out - 1, Shape()));
    return ctx.RequestScratch(
        sizeof(Candidate) * static_cast<size_t>(num_boxes_) + 8, &scratch_);
  }

  Status Eval(OpContext& ctx) override {
    const float* boxes = ctx.input(0)->Data<float>();
    const float* scores = ctx.input(1)->Data<float>();
    const float iou_threshold = ctx.input(3)->Data<float>()[0];
    const float score_threshold = ctx.input(4)->Data<float>()[0];
    const float sigma = v5_ ? ctx.input(5)->Data<float>()[0] : 0.0f;
    if (!(sigma >= 0.0f)) {
      return ctx.Error(
          StatusCode::kInvalidArgument,
          StrFormat("soft_nms_sigma is %g; it must be >= 0", sigma));
    }
    int32_t* selected = ctx.output(0)->MutableData<int32_t>();
    float* selected_scores =
        v5_ ? ctx.output(1)->MutableData<float>() : nullptr;
    int32_t* count = ctx.output(v5_ ? 2 : 1)->MutableData<int32_t>();

    Candidate* heap = static_cast<Candidate*>(ctx.scratch(scratch_));
    int32_t size = 0;
    for (int32_t i = 0; i < num_boxes_; ++i) {
      if (scores[i] > score_threshold) {
        heap[size++] = Candidate{i, scores[i], 0};
        std::push_heap(heap, heap + size, HeapLess);
      }
    }
    int32_t n = 0;
    const int32_t limit = std::min(size, max_out_);
    const float scale = sigma > 0.0f ? -0.5f / sigma : 0.0f;
    while (n < limit && size > 0) {
      std::pop_heap(heap, heap + size, HeapLess);
      Candidate c = heap[--size];
      const float original = c.score;
      bool hard = false;
      for (int32_t j = n - 1; j >= c.suppress_begin; --j) {
        const float iou = Iou(boxes, c.index, selected[j]);
        if (iou >= iou_threshold) {
          hard = true;
          break;
        }
        if (sigma > 0.0f) c.score = c.score * std::exp(scale * iou * iou);
        if (c.score <= score_threshold) break;
      }
      c.suppress_begin = n;
      if (hard) continue;
      if (c.score == original) {
        selected[n] = c.index;
        if (selected_scores) selected_scores[n] = c.score;
        ++n;
      }
      if (c.score > score_threshold) {
        heap[size++] = c;
        std::push_heap(heap, heap + size, HeapLess);
      }
    }
    for (int32_t i = n; i < max_out_; ++i) {
      selected[i] = 0;
      if (selected_scores) selected_scores[i] = 0.0f;
    }
    *count = n;
    return Status::Ok();
  }

 private:
  bool v5_;
  int32_t num_boxes_ = 0, max_out_ = 0;
  int scratch_ = -1;
};

}  // namespace

std::unique_ptr<Op> CreateNonMaxSuppressionOp(bool v5) {
  return std::make_unique<NonMaxSuppressionOp>(v5);
}

}  // namespace edgelite
