// `edgelite classify`: image classification with top-K output.
#include "api/classify.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "api/image.h"
#include "api/metadata.h"
#include "api/session.h"
#include "cli/cli_util.h"
#include "cli/command.h"

namespace edgelite {
namespace cli {
namespace {

struct ImageResult {
  int ordinal = 0;  // position on the command line, from 0
  std::string path;
  int width = 0, height = 0;
  double inference_ms = 0;
  std::vector<ScoredClass> top;
};

std::string LabelOf(const std::vector<std::string>& labels, int index) {
  return index >= 0 && index < static_cast<int>(labels.size()) ? labels[index]
                                                               : "";
}

Status ClassifyOne(const std::string& path, const ParsedArgs& args,
                   const NormalizationParams& norm, int top_k,
                   Interpreter* interp, ImageResult* result) {
  std::vector<uint8_t> bytes;
  EDGELITE_RETURN_IF_ERROR(ReadFile(path, &bytes));
  Image image;
  Status s = DecodeImage(bytes.data(), bytes.size(), &image);
  if (!s.ok()) return s.WithContext(StrFormat("'%s'", path.c_str()));
  result->path = path;
  result->width = image.width;
  result->height = image.height;

  Tensor* input = interp->input(0);
  Image cropped, resized;
  EDGELITE_RETURN_IF_ERROR(
      PreprocessImage(image, static_cast<float>(args.GetFloat("crop", 1.0)),
                      norm, input, &cropped, &resized));
  if (args.Has("save-input")) {
    // One file per image: the first keeps the name, later ones get ".N".
    std::string out = args.Get("save-input", "");
    if (result->ordinal > 0) out += StrFormat(".%d", result->ordinal);
    EDGELITE_RETURN_IF_ERROR(WriteFile(out, input->data, input->bytes));
  }

  const int64_t start = NowNs();
  EDGELITE_RETURN_IF_ERROR(interp->Invoke());
  result->inference_ms = static_cast<double>(NowNs() - start) / 1e6;

  std::vector<float> scores;
  EDGELITE_RETURN_IF_ERROR(TensorToFloats(*interp->output(0), &scores));
  result->top = TopK(scores, top_k);
  return Status::Ok();
}

void PrintText(const std::vector<ImageResult>& results,
               const std::vector<std::string>& labels, int in_w, int in_h) {
  for (const ImageResult& r : results) {
    std::printf("%s (%dx%d -> %dx%d), inference %.2f ms\n", r.path.c_str(),
                r.width, r.height, in_w, in_h, r.inference_ms);
    for (size_t i = 0; i < r.top.size(); ++i) {
      const std::string label = LabelOf(labels, r.top[i].index);
      std::printf("  %2zu. %5d  %-28s %.4f\n", i + 1, r.top[i].index,
                  label.empty() ? "-" : label.c_str(),
                  static_cast<double>(r.top[i].score));
    }
  }
}

void PrintJson(const std::string& model,
               const std::vector<ImageResult>& results,
               const std::vector<std::string>& labels) {
  std::string j =
      "{\n  \"model\": " + JsonString(model) + ",\n  \"results\": [";
  for (size_t n = 0; n < results.size(); ++n) {
    const ImageResult& r = results[n];
    j += n ? ",\n" : "\n";
    j += StrFormat(
        "    {\"image\": %s, \"width\": %d, \"height\": %d, "
        "\"inference_ms\": %s, \"top\": [",
        JsonString(r.path).c_str(), r.width, r.height,
        JsonNumber(r.inference_ms).c_str());
    for (size_t i = 0; i < r.top.size(); ++i) {
      j += StrFormat(
          "%s\n      {\"rank\": %zu, \"index\": %d, \"label\": %s, "
          "\"score\": %s}",
          i ? "," : "", i + 1, r.top[i].index,
          JsonString(LabelOf(labels, r.top[i].index)).c_str(),
          JsonNumber(r.top[i].score).c_str());
    }
    j += "]}";
  }
  j += "\n  ]\n}\n";
  std::fputs(j.c_str(), stdout);
}

Status Classify(const ParsedArgs& args) {
  const std::string& model_path = args.positional[0];
  const long long top_k = args.GetInt("top", 5);
  if (top_k < 1) return InvalidArgumentError("--top must be at least 1");
  if (args.Has("crop")) {
    const double f = args.GetFloat("crop", 1.0);
    if (!(f > 0.0 && f <= 1.0)) {
      return InvalidArgumentError("--crop must be in (0, 1], got %g", f);
    }
  }
  std::vector<std::string> labels;
  if (args.Has("labels")) {
    EDGELITE_RETURN_IF_ERROR(ReadLabels(args.Get("labels", ""), &labels));
  }

  std::shared_ptr<const ModelView> model;
  std::unique_ptr<Interpreter> interp;
  InterpreterOptions options;
  EDGELITE_RETURN_IF_ERROR(InterpreterOptionsFromArgs(args, &options));
  EDGELITE_RETURN_IF_ERROR(
      LoadInterpreter(model_path, &model, &interp, options));
  if (interp->num_inputs() != 1) {
    return InvalidArgumentError(
        "classify needs a model with one image input; '%s' has %d inputs",
        model_path.c_str(), interp->num_inputs());
  }
  int in_w = 0, in_h = 0, in_c = 0;
  EDGELITE_RETURN_IF_ERROR(
      ImageInputSize(*interp->input(0), &in_w, &in_h, &in_c));

  // Float models are normalized as their metadata says (tflite-support's
  // convention); without metadata, [0, 255] → [-1, 1].
  NormalizationParams norm;
  const ModelMetadataInfo meta = ReadModelMetadata(*model);
  for (const std::string& w : meta.warnings) {
    std::fprintf(stderr, "edgelite: warning: %s\n", w.c_str());
  }
  if (!meta.input_mean.empty()) {
    norm.mean = meta.input_mean;
    norm.std = meta.input_std;
  }
  if (args.Has("mean"))
    norm.mean = {static_cast<float>(args.GetFloat("mean", 0))};
  if (args.Has("std")) {
    const double sd = args.GetFloat("std", 1);
    if (!(sd > 0))
      return InvalidArgumentError("--std must be positive, got %g", sd);
    norm.std = {static_cast<float>(sd)};
  }

  if (labels.empty()) {
    std::vector<std::string> warnings;
    labels = LabelsFromModel(*model, meta, &warnings);
    for (const std::string& w : warnings) {
      std::fprintf(stderr, "edgelite: warning: %s\n", w.c_str());
    }
  }

  std::vector<ImageResult> results;
  for (size_t i = 1; i < args.positional.size(); ++i) {
    ImageResult r;
    r.ordinal = static_cast<int>(i - 1);
    EDGELITE_RETURN_IF_ERROR(ClassifyOne(args.positional[i], args, norm,
                                         static_cast<int>(top_k), interp.get(),
                                         &r));
    results.push_back(std::move(r));
  }
  if (args.Has("json")) {
    PrintJson(model_path, results, labels);
  } else {
    PrintText(results, labels, in_w, in_h);
  }
  return Status::Ok();
}

}  // namespace

CommandSpec ClassifyCommand() {
  return CommandSpec{
      "classify",
      "classify images with an image classification model",
      "MODEL IMAGE...",
      "Each image (JPEG, PNG or BMP) is decoded, optionally center-cropped,\n"
      "resized to the model's input size with TFLite's RESIZE_BILINEAR\n"
      "(whole image, no aspect-ratio preservation) and converted to the input\n"
      "type: uint8 as is, int8 as pixel - 128, float32 as (pixel - mean) / "
      "std\n"
      "with mean and std from the model's metadata (default 127.5, 127.5;\n"
      "--mean/--std override both).\n"
      "Quantized outputs are dequantized. Ties rank the lower index first.",
      2,
      -1,
      {
          {"labels", FlagType::kString, "FILE",
           "one label per line; line N names class N (default: the labels "
           "packed in the model, if any)"},
          {"top", FlagType::kInt, "K", "number of results per image (5)"},
          {"crop", FlagType::kFloat, "F",
           "keep the central fraction F of each side before resizing"},
          {"mean", FlagType::kFloat, "M",
           "float models: subtract M from every pixel (overrides metadata)"},
          {"std", FlagType::kFloat, "S",
           "float models: then divide by S (overrides metadata)"},
          {"save-input", FlagType::kString, "FILE",
           "write the input tensor given to the model (raw bytes, for "
           "`edgelite run`); further images go to FILE.1, FILE.2, ..."},
          {"json", FlagType::kBool, nullptr, "print one JSON document"},
          ArithmeticFlag(),
      },
      &Classify};
}

}  // namespace cli
}  // namespace edgelite
