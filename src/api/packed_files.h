// Files packed into a .tflite model. tflite-support's metadata writer appends
// a zip archive holding the metadata's associated files (label lists,
// vocabularies) after the FlatBuffer, so one file carries both; the names
// come from the metadata (see api/metadata.h).
#ifndef EDGELITE_API_PACKED_FILES_H_
#define EDGELITE_API_PACKED_FILES_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/status.h"

namespace edgelite {

// Finds `name` in the zip archive at the end of `data` and points `*out` /
// `*out_size` at its bytes (inside `data`; no copy). Only stored
// (uncompressed) entries are read — that is how tflite-support packs them.
// kInvalidArgument when there is no archive or no such entry, kUnsupported
// for a compressed entry. Every offset is bounds-checked: a hostile archive
// yields an error, never an out-of-range read.
Status FindPackedFile(const uint8_t* data, size_t size, const std::string& name,
                      const uint8_t** out, size_t* out_size);

}  // namespace edgelite

#endif  // EDGELITE_API_PACKED_FILES_H_
