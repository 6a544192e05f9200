#include "core/status.h"

#include <cstdarg>
#include <cstdio>

namespace edgelite {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "INVALID_ARGUMENT";
    case StatusCode::kInvalidModel:
      return "INVALID_MODEL";
    case StatusCode::kUnsupported:
      return "UNSUPPORTED";
    case StatusCode::kResourceExhausted:
      return "RESOURCE_EXHAUSTED";
    case StatusCode::kFailedPrecondition:
      return "FAILED_PRECONDITION";
    case StatusCode::kRuntimeError:
      return "RUNTIME_ERROR";
    case StatusCode::kIoError:
      return "IO_ERROR";
  }
  return "UNKNOWN";
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  return Status(code_, context + ": " + message_);
}

static std::string VFormat(const char* fmt, va_list args) {
  va_list copy;
  va_copy(copy, args);
  char small[256];
  int n = std::vsnprintf(small, sizeof(small), fmt, copy);
  va_end(copy);
  if (n < 0) return fmt;
  if (static_cast<size_t>(n) < sizeof(small)) return std::string(small, n);
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::vsnprintf(&out[0], out.size(), fmt, args);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string StrFormat(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  std::string s = VFormat(fmt, args);
  va_end(args);
  return s;
}

#define EDGELITE_STATUS_FN(Name, Code)             \
  Status Name(const char* fmt, ...) {              \
    va_list args;                                  \
    va_start(args, fmt);                           \
    std::string s = VFormat(fmt, args);            \
    va_end(args);                                  \
    return Status(StatusCode::Code, std::move(s)); \
  }
EDGELITE_STATUS_FN(InvalidArgumentError, kInvalidArgument)
EDGELITE_STATUS_FN(InvalidModelError, kInvalidModel)
EDGELITE_STATUS_FN(UnsupportedError, kUnsupported)
EDGELITE_STATUS_FN(ResourceExhaustedError, kResourceExhausted)
EDGELITE_STATUS_FN(FailedPreconditionError, kFailedPrecondition)
EDGELITE_STATUS_FN(RuntimeError, kRuntimeError)
EDGELITE_STATUS_FN(IoError, kIoError)
#undef EDGELITE_STATUS_FN

}  // namespace edgelite
