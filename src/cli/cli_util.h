// Helpers shared by the CLI commands: files, model loading, number and JSON
// formatting, tensor descriptions.
#ifndef EDGELITE_CLI_CLI_UTIL_H_
#define EDGELITE_CLI_CLI_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "api/classify.h"
#include "cli/command.h"
#include "core/interpreter.h"
#include "core/status.h"
#include "core/tensor.h"
#include "format/model_view.h"

namespace edgelite {
namespace cli {

// Reads a whole file. Errors are kIoError naming the path and the reason.
Status ReadFile(const std::string& path, std::vector<uint8_t>* out);
Status WriteFile(const std::string& path, const uint8_t* data, size_t size);

// Maps and validates a model file. Errors name the path.
Status LoadModel(const std::string& path,
                 std::shared_ptr<const ModelView>* model);

// Loads, creates the interpreter and allocates tensors.
// The --arithmetic flag shared by run, classify and bench, and its reading
// into InterpreterOptions ("tflite" or "micro"; a usage error otherwise).
FlagSpec ArithmeticFlag();
Status InterpreterOptionsFromArgs(const ParsedArgs& args,
                                  InterpreterOptions* options);

Status LoadInterpreter(
    const std::string& path, std::shared_ptr<const ModelView>* model,
    std::unique_ptr<Interpreter>* interp,
    const InterpreterOptions& options = InterpreterOptions());

// One label per line (trailing '\r' removed). Empty lines are kept so that
// line numbers stay class indices.
Status ReadLabels(const std::string& path, std::vector<std::string>* labels);

// SplitLines and TensorToFloats are in api/classify.h.

// "3,211,264"
std::string WithThousands(uint64_t v);
// "3.1 MiB", "512 B"
std::string HumanBytes(uint64_t v);
// "int8 [1, 224, 224, 3]"
std::string TypeAndShape(DataType type, const Shape& shape);
// "scale 0.0078125, zero point 128" / "per-channel (32 scales, axis 3)" /
// "" when not quantized.
std::string DescribeQuant(const QuantParams& q);

// A JSON string literal, quotes included.
std::string JsonString(const std::string& s);
// A JSON number (%.9g), or null when not finite.
std::string JsonNumber(double v);
std::string JsonShape(const Shape& shape);

// Last path component: "a/b/c.tflite" → "c.tflite".
std::string BaseName(const std::string& path);

// Monotonic clock in nanoseconds.
int64_t NowNs();

}  // namespace cli
}  // namespace edgelite

#endif  // EDGELITE_CLI_CLI_UTIL_H_
