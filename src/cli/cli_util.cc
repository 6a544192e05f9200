#include "cli/cli_util.h"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace edgelite {
namespace cli {

Status ReadFile(const std::string& path, std::vector<uint8_t>* out) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    return IoError("cannot open '%s': %s", path.c_str(), std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) {
    return IoError("cannot read '%s': it is a directory", path.c_str());
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return IoError("cannot open '%s': %s", path.c_str(), std::strerror(errno));
  }
  out->clear();
  uint8_t buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) {
    out->insert(out->end(), buf, buf + n);
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return IoError("error reading '%s'", path.c_str());
  return Status::Ok();
}

Status WriteFile(const std::string& path, const uint8_t* data, size_t size) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    return IoError("cannot create '%s': %s", path.c_str(),
                   std::strerror(errno));
  }
  const bool ok = std::fwrite(data, 1, size, f) == size;
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) return IoError("error writing '%s'", path.c_str());
  return Status::Ok();
}

Status LoadModel(const std::string& path,
                 std::shared_ptr<const ModelView>* model) {
  // A clear message for the common mistakes before the loader sees the path.
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    return IoError("cannot open model '%s': %s", path.c_str(),
                   std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) {
    return IoError("cannot read model '%s': it is a directory", path.c_str());
  }
  std::shared_ptr<const ByteSource> bytes;
  Status s = ByteSource::FromFile(path, &bytes);
  if (!s.ok()) {
    if (s.message().find(path) == std::string::npos) {
      return s.WithContext(StrFormat("model '%s'", path.c_str()));
    }
    return s;
  }
  std::unique_ptr<ModelView> view;
  s = ModelView::Create(bytes, &view);
  if (!s.ok()) return s.WithContext(StrFormat("model '%s'", path.c_str()));
  *model = std::shared_ptr<const ModelView>(std::move(view));
  return Status::Ok();
}

FlagSpec ArithmeticFlag() {
  return {"arithmetic", FlagType::kString, "MODE",
          "quantized arithmetic: tflite (default; what TFLite computes) or "
          "micro (tflite-micro's reference kernels)"};
}

Status InterpreterOptionsFromArgs(const ParsedArgs& args,
                                  InterpreterOptions* options) {
  const std::string mode = args.Get("arithmetic", "tflite");
  if (mode == "tflite") {
    options->arithmetic = QuantArithmetic::kTflite;
  } else if (mode == "micro") {
    options->arithmetic = QuantArithmetic::kMicro;
  } else {
    return InvalidArgumentError(
        "--arithmetic must be 'tflite' or 'micro', got '%s'", mode.c_str());
  }
  return Status::Ok();
}

Status LoadInterpreter(const std::string& path,
                       std::shared_ptr<const ModelView>* model,
                       std::unique_ptr<Interpreter>* interp,
                       const InterpreterOptions& options) {
  EDGELITE_RETURN_IF_ERROR(LoadModel(path, model));
  Status s = Interpreter::Create(*model, options, interp);
  if (s.ok()) s = (*interp)->AllocateTensors();
  if (!s.ok()) return s.WithContext(StrFormat("model '%s'", path.c_str()));
  return Status::Ok();
}

Status ReadLabels(const std::string& path, std::vector<std::string>* labels) {
  std::vector<uint8_t> bytes;
  Status s = ReadFile(path, &bytes);
  if (!s.ok()) return s.WithContext("labels");
  SplitLines(bytes.data(), bytes.size(), labels);
  return Status::Ok();
}

std::string WithThousands(uint64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string HumanBytes(uint64_t v) {
  const double d = static_cast<double>(v);
  if (v >= (uint64_t{1} << 30)) return StrFormat("%.1f GiB", d / (1 << 30));
  if (v >= (uint64_t{1} << 20)) return StrFormat("%.1f MiB", d / (1 << 20));
  if (v >= (uint64_t{1} << 10)) return StrFormat("%.1f KiB", d / (1 << 10));
  return StrFormat("%llu B", static_cast<unsigned long long>(v));
}

std::string TypeAndShape(DataType type, const Shape& shape) {
  return std::string(DataTypeName(type)) + " " + shape.ToString();
}

std::string DescribeQuant(const QuantParams& q) {
  if (q.empty()) return "";
  if (q.per_channel()) {
    return StrFormat("per-channel (%zu scales, axis %d)", q.scale.size(),
                     q.quantized_dimension);
  }
  const long long zp = q.zero_point.empty() ? 0 : q.zero_point[0];
  return StrFormat("scale %.9g, zero point %lld",
                   static_cast<double>(q.scale[0]), zp);
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += StrFormat("\\u%04x", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out += "\"";
  return out;
}

std::string JsonNumber(double v) {
  if (!std::isfinite(v)) return "null";
  return StrFormat("%.9g", v);
}

std::string JsonShape(const Shape& shape) {
  std::string s = "[";
  for (int i = 0; i < shape.rank; ++i) {
    if (i) s += ", ";
    s += std::to_string(shape.dims[i]);
  }
  return s + "]";
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace cli
}  // namespace edgelite
