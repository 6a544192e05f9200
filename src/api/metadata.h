// TFLite model metadata (tflite-support's ModelMetadata FlatBuffer, stored in
// the model's `metadata` list under the name "TFLITE_METADATA"): the parts
// edgelite uses to pre- and post-process for the user.
//
// Metadata is advisory. A missing entry yields an empty result; a malformed
// one is ignored with a warning. Reading it never fails and never crashes.
#ifndef EDGELITE_API_METADATA_H_
#define EDGELITE_API_METADATA_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "format/model_view.h"

namespace edgelite {

// Name of the model metadata entry that holds the ModelMetadata buffer.
constexpr const char kTfliteMetadataName[] = "TFLITE_METADATA";

struct ModelMetadataInfo {
  // True when a verified ModelMetadata buffer was read.
  bool present = false;
  std::string name;
  std::string description;
  std::string version;
  std::string author;
  std::string license;

  // Input 0's NormalizationOptions, as stored (one value or one per
  // channel); both empty when the model gives none.
  std::vector<float> input_mean;
  std::vector<float> input_std;

  // Output 0's associated files of type TENSOR_AXIS_LABELS, in file order.
  // The files themselves are packed into the model as a zip archive.
  std::vector<std::string> output_label_files;

  // Output 0's ScoreThresholdingOptions.global_score_threshold.
  bool has_score_threshold = false;
  float score_threshold = 0.0f;

  // Why metadata was ignored or partly ignored, for display.
  std::vector<std::string> warnings;
};

// Reads the "TFLITE_METADATA" entry of `model`, if any.
ModelMetadataInfo ReadModelMetadata(const ModelView& model);

// Parses one ModelMetadata buffer (identifier "M001"). The buffer is checked
// with a flatbuffers::Verifier before anything is read.
ModelMetadataInfo ParseModelMetadata(const uint8_t* data, size_t size);

}  // namespace edgelite

#endif  // EDGELITE_API_METADATA_H_
