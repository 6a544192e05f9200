// Status: the error currency of edgelite. No exceptions cross the core; every
// fallible call returns a Status whose message names what failed (op, tensor,
// field) in words a user can act on.
#ifndef EDGELITE_CORE_STATUS_H_
#define EDGELITE_CORE_STATUS_H_

#include <string>
#include <utility>

namespace edgelite {

enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 1,  // a caller passed something wrong (shape, dtype, size)
  kInvalidModel = 2,     // the model file is malformed or inconsistent
  kUnsupported =
      3,  // valid TFLite that edgelite cannot run (op, version, type)
  kResourceExhausted =
      4,  // a configured limit (arena bytes…) would be exceeded
  kFailedPrecondition =
      5,              // call order (invoke before allocate, disposed model…)
  kRuntimeError = 6,  // data-dependent failure during invoke (bad index…)
  kIoError = 7,       // file could not be read
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "context: message".
  Status WithContext(const std::string& context) const;

  // For call sites that deliberately drop a status (documented at the site).
  void IgnoreError() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// printf-style formatting into a std::string.
std::string StrFormat(const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#define EDGELITE_STATUS_FN(Name, Code) \
  Status Name(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
EDGELITE_STATUS_FN(InvalidArgumentError, kInvalidArgument)
EDGELITE_STATUS_FN(InvalidModelError, kInvalidModel)
EDGELITE_STATUS_FN(UnsupportedError, kUnsupported)
EDGELITE_STATUS_FN(ResourceExhaustedError, kResourceExhausted)
EDGELITE_STATUS_FN(FailedPreconditionError, kFailedPrecondition)
EDGELITE_STATUS_FN(RuntimeError, kRuntimeError)
EDGELITE_STATUS_FN(IoError, kIoError)
#undef EDGELITE_STATUS_FN

}  // namespace edgelite

#define EDGELITE_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::edgelite::Status _edgelite_status = (expr);        \
    if (!_edgelite_status.ok()) return _edgelite_status; \
  } while (0)

#endif  // EDGELITE_CORE_STATUS_H_
