#include "api/session.h"

#include <algorithm>
#include <cstdlib>

namespace edgelite {
namespace {

class AdoptedBuffer final : public ByteSource {
 public:
  AdoptedBuffer(uint8_t* data, size_t size) : data_(data), size_(size) {}
  ~AdoptedBuffer() override { std::free(data_); }
  const uint8_t* data() const override { return data_; }
  size_t size() const override { return size_; }

 private:
  uint8_t* data_;
  size_t size_;
};

}  // namespace

uint8_t* AllocateModelBuffer(size_t size) {
  // aligned_alloc wants a multiple of the alignment.
  const size_t rounded = (std::max<size_t>(size, 1) + 15) & ~size_t{15};
  return static_cast<uint8_t*>(std::aligned_alloc(16, rounded));
}

void FreeModelBuffer(uint8_t* data) { std::free(data); }

std::shared_ptr<const ByteSource> AdoptModelBuffer(uint8_t* data, size_t size) {
  return std::make_shared<AdoptedBuffer>(data, size);
}

Status PreprocessImage(const Image& rgb, float crop,
                       const NormalizationParams& norm, Tensor* input,
                       Image* cropped_scratch, Image* resized_scratch) {
  int w = 0, h = 0, c = 0;
  EDGELITE_RETURN_IF_ERROR(ImageInputSize(*input, &w, &h, &c));
  const Image* src = &rgb;
  if (crop != 1.0f) {
    EDGELITE_RETURN_IF_ERROR(CenterCrop(rgb, crop, cropped_scratch));
    src = cropped_scratch;
  }
  EDGELITE_RETURN_IF_ERROR(ResizeBilinear(*src, w, h, resized_scratch));
  return FillInputTensor(*resized_scratch, norm, input);
}

Status Session::Create(std::shared_ptr<const ByteSource> bytes,
                       const SessionOptions& options,
                       std::unique_ptr<Session>* out) {
  std::unique_ptr<Session> s(new Session());
  std::unique_ptr<ModelView> view;
  EDGELITE_RETURN_IF_ERROR(
      ModelView::Create(std::move(bytes), &view, options.limits));
  s->model_ = std::shared_ptr<const ModelView>(std::move(view));
  EDGELITE_RETURN_IF_ERROR(
      Interpreter::Create(s->model_, options.interpreter, &s->interp_));
  EDGELITE_RETURN_IF_ERROR(s->interp_->AllocateTensors());
  s->metadata_ = ReadModelMetadata(*s->model_);
  s->labels_ =
      LabelsFromModel(*s->model_, s->metadata_, &s->metadata_.warnings);
  if (!s->metadata_.input_mean.empty()) {
    s->norm_.mean = s->metadata_.input_mean;
    s->norm_.std = s->metadata_.input_std;
  }
  s->image_limits_ = options.image_limits;
  *out = std::move(s);
  return Status::Ok();
}

Status Session::ResizeInput(int i, const Shape& shape) {
  if (i < 0 || i >= interp_->num_inputs()) {
    return InvalidArgumentError("input %d does not exist (the model has %d)", i,
                                interp_->num_inputs());
  }
  EDGELITE_RETURN_IF_ERROR(interp_->ResizeInput(i, shape));
  return interp_->AllocateTensors();
}

Status Session::Run() { return interp_->Invoke(); }

Status Session::StageImage(int width, int height, int channels,
                           uint8_t** pixels) {
  if (channels != 1 && channels != 3 && channels != 4) {
    return InvalidArgumentError(
        "an image has 1 (gray), 3 (RGB) or 4 (RGBA) channels, not %d",
        channels);
  }
  if (width <= 0 || height <= 0 || width > image_limits_.max_side ||
      height > image_limits_.max_side ||
      int64_t{width} * height > image_limits_.max_pixels) {
    return InvalidArgumentError(
        "image size %dx%d is outside the limits (1 to %d per side, %lld "
        "pixels)",
        width, height, image_limits_.max_side,
        static_cast<long long>(image_limits_.max_pixels));
  }
  staged_.width = width;
  staged_.height = height;
  staged_.channels = channels;
  staged_.pixels.resize(static_cast<size_t>(width) * height * channels);
  *pixels = staged_.pixels.data();
  return Status::Ok();
}

Status Session::ClassifyStaged(float crop, int top_k,
                               std::vector<ScoredClass>* top) {
  if (staged_.pixels.empty()) {
    return FailedPreconditionError("no image was staged");
  }
  if (staged_.channels == 3) return Classify(staged_, crop, top_k, top);
  // RGBA → RGB (alpha ignored), gray → RGB.
  const size_t n = static_cast<size_t>(staged_.width) * staged_.height;
  rgb_.width = staged_.width;
  rgb_.height = staged_.height;
  rgb_.channels = 3;
  rgb_.pixels.resize(n * 3);
  const uint8_t* s = staged_.pixels.data();
  uint8_t* d = rgb_.pixels.data();
  const int c = staged_.channels;
  for (size_t i = 0; i < n; ++i, s += c, d += 3) {
    d[0] = s[0];
    d[1] = s[c == 1 ? 0 : 1];
    d[2] = s[c == 1 ? 0 : 2];
  }
  return Classify(rgb_, crop, top_k, top);
}

Status Session::Classify(const Image& image, float crop, int top_k,
                         std::vector<ScoredClass>* top) {
  if (!(crop > 0.0f && crop <= 1.0f)) {
    return InvalidArgumentError("crop must be in (0, 1], got %g",
                                static_cast<double>(crop));
  }
  if (top_k < 1)
    return InvalidArgumentError("topK must be at least 1, got %d", top_k);
  if (interp_->num_inputs() != 1) {
    return InvalidArgumentError(
        "classify needs a model with one image input; this one has %d inputs",
        interp_->num_inputs());
  }
  EDGELITE_RETURN_IF_ERROR(PreprocessImage(
      image, crop, norm_, interp_->input(0), &cropped_, &resized_));
  EDGELITE_RETURN_IF_ERROR(interp_->Invoke());
  EDGELITE_RETURN_IF_ERROR(TensorToFloats(*interp_->output(0), &scores_));
  TopK(scores_, top_k, &order_, top);
  return Status::Ok();
}

}  // namespace edgelite
