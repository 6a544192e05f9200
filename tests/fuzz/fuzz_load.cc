// libFuzzer target: raw bytes → load → allocate → invoke with zeroed inputs.
// libFuzzer's own byte-level mutations; seeds are the shared models and the
// malformed corpus (scripts/fuzz.sh). See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)edgelite::fuzz::LoadAndRun(data, size);
  return 0;
}
