// A loaded model ready to run: the one object the wasm module (and any
// embedder) needs. It owns the model bytes, the interpreter, the metadata and
// labels, and reusable buffers for image input and scores, so repeated
// classify calls allocate nothing once the first one has sized them.
#ifndef EDGELITE_API_SESSION_H_
#define EDGELITE_API_SESSION_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "api/classify.h"
#include "api/image.h"
#include "api/metadata.h"
#include "core/interpreter.h"
#include "format/model_view.h"

namespace edgelite {

struct SessionOptions {
  InterpreterOptions interpreter;
  LoadLimits limits;
  ImageLimits image_limits;
};

class Session {
 public:
  // Validates the model, creates the interpreter and allocates its tensors.
  static Status Create(std::shared_ptr<const ByteSource> bytes,
                       const SessionOptions& options,
                       std::unique_ptr<Session>* out);

  Interpreter& interpreter() { return *interp_; }
  const ModelView& model() const { return *model_; }
  const ModelMetadataInfo& metadata() const { return metadata_; }
  // From the model's packed label file, or set by the embedder.
  const std::vector<std::string>& labels() const { return labels_; }
  void set_labels(std::vector<std::string> labels) {
    labels_ = std::move(labels);
  }
  // Float image inputs: from the metadata, else (p − 127.5) / 127.5.
  const NormalizationParams& normalization() const { return norm_; }
  void set_normalization(const NormalizationParams& n) { norm_ = n; }

  // Resizes input `i` and re-plans the arena.
  Status ResizeInput(int i, const Shape& shape);

  // Runs the model on the current input tensors. Allocates nothing.
  Status Run();

  // Image input in two steps so that an embedder can write pixels straight
  // into the session's buffer: StageImage sizes it (channels 3 = RGB, 4 =
  // RGBA, alpha ignored; 1 = gray) and returns where to write
  // width × height × channels bytes; ClassifyStaged crops the centre
  // fraction `crop`, resizes with TFLite's RESIZE_BILINEAR, maps pixels to
  // the input type, runs and ranks output 0.
  Status StageImage(int width, int height, int channels, uint8_t** pixels);
  Status ClassifyStaged(float crop, int top_k, std::vector<ScoredClass>* top);
  // The same from a decoded image.
  Status Classify(const Image& image, float crop, int top_k,
                  std::vector<ScoredClass>* top);

  // Per-node wall times of the last Run, when profiling is on.
  void set_profiling(bool on) { interp_->set_profiling(on); }
  const std::vector<int64_t>& node_times_ns() const {
    return interp_->node_times_ns();
  }

 private:
  Session() = default;
  Status PrepareImage(const Image& image, float crop);

  std::shared_ptr<const ModelView> model_;
  std::unique_ptr<Interpreter> interp_;
  ModelMetadataInfo metadata_;
  std::vector<std::string> labels_;
  NormalizationParams norm_;
  ImageLimits image_limits_;
  // Reused across calls.
  Image staged_, rgb_, cropped_, resized_;
  std::vector<float> scores_;
  std::vector<int> order_;
};

// A 16-byte-aligned buffer for model bytes that the caller fills and then
// hands over with AdoptModelBuffer (one copy from JavaScript into wasm memory,
// none after). FreeModelBuffer releases one that was never adopted.
uint8_t* AllocateModelBuffer(size_t size);
void FreeModelBuffer(uint8_t* data);
std::shared_ptr<const ByteSource> AdoptModelBuffer(uint8_t* data, size_t size);

// Crop the centre `crop` fraction, resize with TFLite's RESIZE_BILINEAR to
// the input's size and convert to its type: what `edgelite classify` and
// the JavaScript classify() do. `rgb` must have 3 channels. Scratch images
// keep their capacity across calls.
Status PreprocessImage(const Image& rgb, float crop,
                       const NormalizationParams& norm, Tensor* input,
                       Image* cropped_scratch, Image* resized_scratch);

}  // namespace edgelite

#endif  // EDGELITE_API_SESSION_H_
