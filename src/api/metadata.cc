// Reader for tflite-support model metadata. Only verified buffers are read;
// every accessor of the generated code may return null, so each is checked.
#include "api/metadata.h"

#include <flatbuffers/flatbuffers.h>

#include <cmath>
#include <cstring>

#include "format/metadata_schema_generated.h"

namespace edgelite {
namespace {

namespace fb = ::edgelite::metadata_fb;

std::string Str(const flatbuffers::String* s) {
  return s ? std::string(s->c_str(), s->size()) : std::string();
}

std::vector<float> Floats(const flatbuffers::Vector<float>* v) {
  std::vector<float> out;
  if (v) out.assign(v->begin(), v->end());
  return out;
}

void ReadInput(const fb::TensorMetadata& t, ModelMetadataInfo* info) {
  if (!t.process_units()) return;
  for (const fb::ProcessUnit* unit : *t.process_units()) {
    if (!unit) continue;
    const fb::NormalizationOptions* norm =
        unit->options_as_NormalizationOptions();
    if (!norm) continue;
    std::vector<float> mean = Floats(norm->mean());
    std::vector<float> std = Floats(norm->std());
    bool sane = !mean.empty() && !std.empty();
    for (float m : mean) sane = sane && std::isfinite(m);
    for (float s : std) sane = sane && std::isfinite(s) && s != 0.0f;
    if (!sane) {
      info->warnings.push_back(
          "metadata: input normalization ignored (mean/std missing, not "
          "finite, or std is zero)");
      continue;
    }
    info->input_mean = std::move(mean);
    info->input_std = std::move(std);
    return;
  }
}

void ReadOutput(const fb::TensorMetadata& t, ModelMetadataInfo* info) {
  if (t.associated_files()) {
    for (const fb::AssociatedFile* f : *t.associated_files()) {
      if (f && f->type() == fb::AssociatedFileType::TENSOR_AXIS_LABELS &&
          f->name()) {
        info->output_label_files.push_back(Str(f->name()));
      }
    }
  }
  if (t.process_units()) {
    for (const fb::ProcessUnit* unit : *t.process_units()) {
      const fb::ScoreThresholdingOptions* th =
          unit ? unit->options_as_ScoreThresholdingOptions() : nullptr;
      if (th && std::isfinite(th->global_score_threshold())) {
        info->has_score_threshold = true;
        info->score_threshold = th->global_score_threshold();
        break;
      }
    }
  }
}

}  // namespace

ModelMetadataInfo ParseModelMetadata(const uint8_t* bytes, size_t size) {
  ModelMetadataInfo info;
  // A metadata buffer inside a model has no alignment guarantee, and the
  // generated accessors read scalars in place: work on an 8-aligned copy.
  std::vector<uint64_t> aligned;
  const uint8_t* data = nullptr;
  if (bytes != nullptr && size > 0 && size < (size_t{1} << 31)) {
    aligned.resize((size + 7) / 8);
    std::memcpy(aligned.data(), bytes, size);
    data = reinterpret_cast<const uint8_t*>(aligned.data());
  }
  if (data == nullptr || size < 8 ||
      size >= static_cast<size_t>(FLATBUFFERS_MAX_BUFFER_SIZE)) {
    info.warnings.push_back("metadata: ignored (buffer empty or too large)");
    return info;
  }
  if (!fb::ModelMetadataBufferHasIdentifier(data)) {
    info.warnings.push_back(
        "metadata: ignored (TFLITE_METADATA does not have the \"M001\" "
        "identifier)");
    return info;
  }
  flatbuffers::Verifier verifier(data, size);
  if (!fb::VerifyModelMetadataBuffer(verifier)) {
    info.warnings.push_back(
        "metadata: ignored (TFLITE_METADATA is not a valid ModelMetadata "
        "FlatBuffer)");
    return info;
  }
  const fb::ModelMetadata* m = fb::GetModelMetadata(data);
  info.present = true;
  info.name = Str(m->name());
  info.description = Str(m->description());
  info.version = Str(m->version());
  info.author = Str(m->author());
  info.license = Str(m->license());
  const auto* subgraphs = m->subgraph_metadata();
  if (!subgraphs || subgraphs->size() == 0 || !subgraphs->Get(0)) return info;
  const fb::SubGraphMetadata* sg = subgraphs->Get(0);
  if (sg->input_tensor_metadata() && sg->input_tensor_metadata()->size() > 0 &&
      sg->input_tensor_metadata()->Get(0)) {
    ReadInput(*sg->input_tensor_metadata()->Get(0), &info);
  }
  if (sg->output_tensor_metadata() &&
      sg->output_tensor_metadata()->size() > 0 &&
      sg->output_tensor_metadata()->Get(0)) {
    ReadOutput(*sg->output_tensor_metadata()->Get(0), &info);
  }
  return info;
}

ModelMetadataInfo ReadModelMetadata(const ModelView& model) {
  for (const MetadataEntry& entry : model.metadata()) {
    if (entry.name == kTfliteMetadataName) {
      return ParseModelMetadata(entry.data, entry.size);
    }
  }
  return ModelMetadataInfo();
}

}  // namespace edgelite
