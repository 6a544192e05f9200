// `edgelite run`: raw tensors in, raw tensors out.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "cli/cli_util.h"
#include "cli/command.h"

namespace edgelite {
namespace cli {
namespace {

std::string Describe(const Tensor& t) {
  return StrFormat("'%s' %s", t.name, TypeAndShape(t.type, t.shape).c_str());
}

// A short look at an output: the first values (dequantized when quantized)
// and the index of the largest.
void PrintSummary(int i, const Tensor& t) {
  std::printf("output %d: %s (%zu bytes)\n", i, Describe(t).c_str(), t.bytes);
  std::vector<float> values;
  if (!TensorToFloats(t, &values).ok() || values.empty()) return;
  const bool quantized =
      t.quant != nullptr && !t.quant->empty() && t.type != DataType::kFloat32;
  std::string s;
  const size_t shown = std::min<size_t>(values.size(), 8);
  for (size_t k = 0; k < shown; ++k) {
    s += (k ? ", " : "") + StrFormat("%.6g", static_cast<double>(values[k]));
  }
  if (shown < values.size()) s += ", ...";
  std::printf("  %s[%s]\n", quantized ? "dequantized " : "", s.c_str());
  if (values.size() > 1) {
    const size_t arg = static_cast<size_t>(
        std::max_element(values.begin(), values.end()) - values.begin());
    std::printf("  max %.6g at index %zu\n", static_cast<double>(values[arg]),
                arg);
  }
}

Status Run(const ParsedArgs& args) {
  const std::string& path = args.positional[0];
  const std::vector<std::string>& inputs = args.All("input");
  const std::vector<std::string>& outputs = args.All("output");
  std::shared_ptr<const ModelView> model;
  std::unique_ptr<Interpreter> interp;
  InterpreterOptions options;
  EDGELITE_RETURN_IF_ERROR(InterpreterOptionsFromArgs(args, &options));
  EDGELITE_RETURN_IF_ERROR(LoadInterpreter(path, &model, &interp, options));

  if (static_cast<int>(inputs.size()) != interp->num_inputs()) {
    return InvalidArgumentError(
        "the model has %d input(s); %zu --input file(s) given",
        interp->num_inputs(), inputs.size());
  }
  if (!outputs.empty() &&
      static_cast<int>(outputs.size()) != interp->num_outputs()) {
    return InvalidArgumentError(
        "the model has %d output(s); %zu --output file(s) given",
        interp->num_outputs(), outputs.size());
  }
  for (int i = 0; i < interp->num_inputs(); ++i) {
    Tensor* t = interp->input(i);
    std::vector<uint8_t> bytes;
    EDGELITE_RETURN_IF_ERROR(ReadFile(inputs[i], &bytes));
    if (bytes.size() != t->bytes) {
      return InvalidArgumentError(
          "input %d %s needs %zu bytes (%s, little-endian); '%s' has %zu", i,
          Describe(*t).c_str(), t->bytes, DataTypeName(t->type),
          inputs[i].c_str(), bytes.size());
    }
    if (t->bytes > 0) std::memcpy(t->data, bytes.data(), t->bytes);
  }
  const int64_t start = NowNs();
  EDGELITE_RETURN_IF_ERROR(interp->Invoke());
  const double ms = static_cast<double>(NowNs() - start) / 1e6;

  for (int i = 0; i < interp->num_outputs(); ++i) {
    const Tensor* t = interp->output(i);
    if (!outputs.empty()) {
      EDGELITE_RETURN_IF_ERROR(WriteFile(outputs[i], t->data, t->bytes));
    }
  }
  if (outputs.empty()) {
    for (int i = 0; i < interp->num_outputs(); ++i) {
      PrintSummary(i, *interp->output(i));
    }
    std::printf("inference %.3f ms\n", ms);
  } else {
    for (int i = 0; i < interp->num_outputs(); ++i) {
      std::fprintf(stderr, "wrote output %d %s to %s\n", i,
                   Describe(*interp->output(i)).c_str(), outputs[i].c_str());
    }
  }
  return Status::Ok();
}

}  // namespace

CommandSpec RunCommand() {
  return CommandSpec{
      "run",
      "run a model on raw tensor files",
      "MODEL --input FILE... [--output FILE...]",
      "Each --input file holds one input tensor's raw little-endian bytes, in\n"
      "the model's input order; its size must equal the tensor's. With\n"
      "--output, each output tensor's bytes are written to the files in "
      "order;\n"
      "without it, a summary of every output is printed.",
      1,
      1,
      {
          {"input", FlagType::kString, "FILE",
           "input tensor file (one per input, in order)", true, true},
          {"output", FlagType::kString, "FILE",
           "output tensor file (one per output, in order)", true, true},
          ArithmeticFlag(),
      },
      &Run};
}

}  // namespace cli
}  // namespace edgelite
