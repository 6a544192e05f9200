// What both fuzz targets do with a candidate model: the same steps as the
// tests' LoadAndRun (tests/format/malformed_models.h) — ByteSource::Copy →
// ModelView::Create → Interpreter::Create → AllocateTensors → zeroed inputs
// → Invoke — with small limits so that a mutant asking for a huge batch fails
// fast with a status instead of using gigabytes or minutes. Statuses are
// ignored: only crashes, sanitizer reports, leaks and timeouts are findings.
#ifndef EDGELITE_TESTS_FUZZ_FUZZ_COMMON_H_
#define EDGELITE_TESTS_FUZZ_FUZZ_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "core/interpreter.h"
#include "core/status.h"
#include "format/model_view.h"

namespace edgelite {
namespace fuzz {

// Files ≤ 4 MiB, ≤ 4096 tensors and operators, activations + scratch ≤ 4 MiB.
// The arena cap also bounds the work: a mutant that turns a batch of 1 into
// 8961 asks for billions of multiply-adds, legitimately (TFLite would run it
// too), and would only be a libFuzzer timeout. 4 MiB is 2.7× the largest
// arena of the seed models (MobileNet v2 224, 1.4 MiB).
constexpr size_t kArenaCap = size_t{4} << 20;

inline LoadLimits FuzzLoadLimits() {
  LoadLimits limits;
  limits.max_file_bytes = size_t{4} << 20;
  limits.max_tensors = 4096;
  limits.max_operators = 4096;
  return limits;
}

inline Status LoadAndRun(const uint8_t* data, size_t size) {
  std::unique_ptr<ModelView> view;
  EDGELITE_RETURN_IF_ERROR(
      ModelView::Create(ByteSource::Copy(data, size), &view, FuzzLoadLimits()));
  InterpreterOptions options;
  options.max_arena_bytes = kArenaCap;
  std::unique_ptr<Interpreter> interp;
  EDGELITE_RETURN_IF_ERROR(Interpreter::Create(
      std::shared_ptr<const ModelView>(std::move(view)), options, &interp));
  EDGELITE_RETURN_IF_ERROR(interp->AllocateTensors());
  for (int i = 0; i < interp->num_inputs(); ++i) {
    Tensor* t = interp->input(i);
    if (t->data != nullptr && t->bytes > 0) std::memset(t->data, 0, t->bytes);
  }
  EDGELITE_RETURN_IF_ERROR(interp->Invoke());
  // Every output must be readable (ASan checks the reads).
  uint8_t sink = 0;
  for (int i = 0; i < interp->num_outputs(); ++i) {
    const Tensor* t = interp->output(i);
    for (size_t k = 0; k < t->bytes; ++k) sink ^= t->data[k];
  }
  volatile uint8_t keep = sink;
  (void)keep;
  return Status::Ok();
}

}  // namespace fuzz
}  // namespace edgelite

#endif  // EDGELITE_TESTS_FUZZ_FUZZ_COMMON_H_
