// Post-processing shared by the CLI, the wasm module and the tests:
// dequantized scores, deterministic top-K and the labels a model carries.
#ifndef EDGELITE_API_CLASSIFY_H_
#define EDGELITE_API_CLASSIFY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "api/metadata.h"
#include "core/status.h"
#include "core/tensor.h"
#include "format/model_view.h"

namespace edgelite {

struct ScoredClass {
  int index = 0;
  float score = 0.0f;
};

// Values of a tensor as real numbers: float32 as is, quantized integers
// dequantized with the tensor's (first) scale and zero point. `out` keeps
// its capacity across calls.
Status TensorToFloats(const Tensor& t, std::vector<float>* out);

// The k highest scores, highest first; equal scores rank the lower index
// first, so results are deterministic (quantized outputs tie often). `order`
// is scratch space reused across calls.
void TopK(const std::vector<float>& scores, int k, std::vector<int>* order,
          std::vector<ScoredClass>* out);
std::vector<ScoredClass> TopK(const std::vector<float>& scores, int k);

// Splits text into lines ('\n', a trailing '\r' removed). Empty lines are
// kept so that line numbers stay class indices.
void SplitLines(const uint8_t* data, size_t size,
                std::vector<std::string>* lines);

// Labels packed into the model itself (tflite-support models name the file in
// their metadata and append it as a zip archive). Empty when there are none;
// a named file that cannot be read adds a warning.
std::vector<std::string> LabelsFromModel(const ModelView& model,
                                         const ModelMetadataInfo& meta,
                                         std::vector<std::string>* warnings);

}  // namespace edgelite

#endif  // EDGELITE_API_CLASSIFY_H_
