// A minimal, bounds-checked reader of the zip archive appended to models with
// metadata (PKWARE APPNOTE: end of central directory, central directory
// entries, local headers).
#include "api/packed_files.h"

namespace edgelite {
namespace {

constexpr uint32_t kEndOfCentralDir = 0x06054b50;
constexpr uint32_t kCentralEntry = 0x02014b50;
constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr size_t kEndRecordSize = 22;
constexpr size_t kCentralEntrySize = 46;
constexpr size_t kLocalHeaderSize = 30;

uint16_t Le16(const uint8_t* p) {
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t Le32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) |
         (uint32_t{p[3]} << 24);
}

// True when [offset, offset + length) lies inside [0, size).
bool InRange(uint64_t offset, uint64_t length, uint64_t size) {
  return offset <= size && length <= size - offset;
}

}  // namespace

Status FindPackedFile(const uint8_t* data, size_t size, const std::string& name,
                      const uint8_t** out, size_t* out_size) {
  if (data == nullptr || size < kEndRecordSize) {
    return InvalidArgumentError("the model has no packed files");
  }
  // The end record sits in the last 22 + 65535 (maximum comment) bytes.
  size_t end = size - kEndRecordSize + 1;
  const size_t lowest =
      size > kEndRecordSize + 65535 ? size - kEndRecordSize - 65535 : 0;
  bool found = false;
  while (end-- > lowest) {
    if (Le32(data + end) == kEndOfCentralDir) {
      found = true;
      break;
    }
  }
  if (!found) return InvalidArgumentError("the model has no packed files");
  const uint64_t entries = Le16(data + end + 10);
  const uint64_t dir_size = Le32(data + end + 12);
  const uint64_t dir_offset = Le32(data + end + 16);
  // The archive was appended to the model, so its recorded offsets may be
  // relative to the archive's own start: find that start from the end record.
  if (dir_size + dir_offset > end) {
    return InvalidArgumentError("packed files: corrupt zip directory");
  }
  const uint64_t base = end - dir_size - dir_offset;
  uint64_t pos = base + dir_offset;
  for (uint64_t i = 0; i < entries; ++i) {
    if (!InRange(pos, kCentralEntrySize, end) ||
        Le32(data + pos) != kCentralEntry) {
      return InvalidArgumentError("packed files: corrupt zip directory");
    }
    const uint8_t* e = data + pos;
    const uint16_t method = Le16(e + 10);
    const uint64_t compressed = Le32(e + 20);
    const uint64_t uncompressed = Le32(e + 24);
    const uint64_t name_len = Le16(e + 28);
    const uint64_t extra_len = Le16(e + 30);
    const uint64_t comment_len = Le16(e + 32);
    const uint64_t local = Le32(e + 42);
    if (!InRange(pos + kCentralEntrySize, name_len, end)) {
      return InvalidArgumentError("packed files: corrupt zip directory");
    }
    const std::string entry_name(
        reinterpret_cast<const char*>(e + kCentralEntrySize), name_len);
    pos += kCentralEntrySize + name_len + extra_len + comment_len;
    if (entry_name != name) continue;

    if (method != 0 || compressed != uncompressed) {
      return UnsupportedError(
          "packed file '%s' is compressed; only stored files can be read",
          name.c_str());
    }
    const uint64_t header = base + local;
    if (!InRange(header, kLocalHeaderSize, size) ||
        Le32(data + header) != kLocalHeader) {
      return InvalidArgumentError("packed file '%s': corrupt zip entry",
                                  name.c_str());
    }
    const uint64_t start = header + kLocalHeaderSize +
                           Le16(data + header + 26) + Le16(data + header + 28);
    if (!InRange(start, compressed, size)) {
      return InvalidArgumentError(
          "packed file '%s' extends past the end of "
          "the model",
          name.c_str());
    }
    *out = data + start;
    *out_size = static_cast<size_t>(compressed);
    return Status::Ok();
  }
  return InvalidArgumentError("the model has no packed file named '%s'",
                              name.c_str());
}

}  // namespace edgelite
