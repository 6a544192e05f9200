// The flatc-generated TFLite schema (build/*/generated/format/). Include this
// header, not the generated one: some C libraries (musl, used by Emscripten)
// define ARG_MAX in <limits.h>, which collides with BuiltinOperator::ARG_MAX.
#ifndef EDGELITE_FORMAT_TFLITE_SCHEMA_H_
#define EDGELITE_FORMAT_TFLITE_SCHEMA_H_

#include <climits>
#ifdef ARG_MAX
#undef ARG_MAX
#endif

#include "format/tflite_schema_generated.h"

#endif  // EDGELITE_FORMAT_TFLITE_SCHEMA_H_
