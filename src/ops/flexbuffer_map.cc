#include "ops/flexbuffer_map.h"

#include <cmath>
#include <cstring>

#include "core/status.h"

namespace edgelite {
namespace {

// FlexBuffer type codes (flexbuffers::Type).
constexpr int kNull = 0;
constexpr int kInt = 1;
constexpr int kUInt = 2;
constexpr int kFloat = 3;
constexpr int kIndirectInt = 6;
constexpr int kIndirectUInt = 7;
constexpr int kIndirectFloat = 8;
constexpr int kMap = 9;
constexpr int kBool = 26;

bool ValidWidth(size_t w) { return w == 1 || w == 2 || w == 4 || w == 8; }

const char* TypeName(int type) {
  switch (type) {
    case 4:
      return "a key";
    case 5:
      return "a string";
    case kMap:
      return "a map";
    case 25:
      return "a blob";
    default:
      return type >= 10 && type <= 36 ? "a vector" : "of unknown type";
  }
}

int64_t SignExtend(uint64_t v, size_t width) {
  if (width == 8) return static_cast<int64_t>(v);
  const unsigned bits = static_cast<unsigned>(width * 8);
  const uint64_t sign = uint64_t{1} << (bits - 1);
  return static_cast<int64_t>((v ^ sign) - sign);
}

}  // namespace

int64_t FlexMap::Value::AsInt64() const {
  switch (kind) {
    case Kind::kInt:
    case Kind::kBool:
      return i;
    case Kind::kUInt:
      return static_cast<int64_t>(u);
    case Kind::kFloat:
      // Saturate instead of the undefined conversion of huge values.
      if (std::isnan(f)) return 0;
      if (f >= 9.2e18) return INT64_MAX;
      if (f <= -9.2e18) return INT64_MIN;
      return static_cast<int64_t>(f);
    case Kind::kMissing:
      break;
  }
  return 0;
}

double FlexMap::Value::AsDouble() const {
  switch (kind) {
    case Kind::kInt:
    case Kind::kBool:
      return static_cast<double>(i);
    case Kind::kUInt:
      return static_cast<double>(u);
    case Kind::kFloat:
      return f;
    case Kind::kMissing:
      break;
  }
  return 0.0;
}

bool FlexMap::Value::AsBool() const {
  switch (kind) {
    case Kind::kInt:
    case Kind::kBool:
      return i != 0;
    case Kind::kUInt:
      return u != 0;
    case Kind::kFloat:
      return f != 0.0;
    case Kind::kMissing:
      break;
  }
  return false;
}

bool FlexMap::Read(size_t pos, size_t width, uint64_t* out) const {
  if (!ValidWidth(width) || pos > size_ || size_ - pos < width) return false;
  uint64_t v = 0;
  for (size_t b = 0; b < width; ++b) {
    v |= uint64_t{data_[pos + b]} << (8 * b);  // little-endian
  }
  *out = v;
  return true;
}

bool FlexMap::Indirect(size_t pos, size_t width, size_t* target) const {
  uint64_t off = 0;
  if (!Read(pos, width, &off) || off > pos) return false;
  *target = pos - static_cast<size_t>(off);
  return true;
}

bool FlexMap::KeyEquals(size_t key_pos, const char* key) const {
  for (size_t j = 0;; ++j) {
    if (key_pos >= size_ || size_ - key_pos <= j) return false;  // no NUL
    const char c = static_cast<char>(data_[key_pos + j]);
    if (c != key[j]) return false;
    if (c == '\0') return true;
  }
}

bool FlexMap::Parse(const uint8_t* data, size_t size, std::string* error) {
  data_ = data;
  size_ = data == nullptr ? 0 : size;
  count_ = 0;
  if (size_ < 3) {
    *error = StrFormat("a FlexBuffer needs at least 3 bytes, got %zu", size_);
    return false;
  }
  const size_t root_width = data_[size_ - 1];
  const uint8_t packed = data_[size_ - 2];
  if (!ValidWidth(root_width) || size_ - 2 < root_width) {
    *error = StrFormat("invalid FlexBuffer root width %zu", root_width);
    return false;
  }
  if ((packed >> 2) != kMap) {
    *error =
        StrFormat("the FlexBuffer root is not a map (type %d)", packed >> 2);
    return false;
  }
  size_t map = 0;
  if (!Indirect(size_ - 2 - root_width, root_width, &map)) {
    *error = "the FlexBuffer root map offset is out of bounds";
    return false;
  }
  width_ = size_t{1} << (packed & 3);
  uint64_t count = 0, key_width = 0, key_count = 0;
  if (map < 3 * width_ || !Read(map - width_, width_, &count) ||
      !Read(map - 2 * width_, width_, &key_width) || !ValidWidth(key_width) ||
      !Indirect(map - 3 * width_, width_, &keys_)) {
    *error = "the FlexBuffer map header is out of bounds";
    return false;
  }
  // count value slots of width_ bytes, then count type bytes.
  if (map > size_ || count > (size_ - map) / (width_ + 1)) {
    *error = StrFormat("the FlexBuffer map's %llu values run past the end",
                       static_cast<unsigned long long>(count));
    return false;
  }
  key_width_ = static_cast<size_t>(key_width);
  if (keys_ < key_width_ || !Read(keys_ - key_width_, key_width_, &key_count) ||
      key_count != count || keys_ > size_ ||
      count > (size_ - keys_) / key_width_) {
    *error = "the FlexBuffer map's key vector is malformed";
    return false;
  }
  values_ = map;
  count_ = static_cast<size_t>(count);
  return true;
}

bool FlexMap::Find(const char* key, Value* out, std::string* error) const {
  *out = Value();
  for (size_t i = 0; i < count_; ++i) {
    size_t key_pos = 0;
    if (!Indirect(keys_ + i * key_width_, key_width_, &key_pos)) {
      *error = StrFormat("FlexBuffer key %zu is out of bounds", i);
      return false;
    }
    if (!KeyEquals(key_pos, key)) continue;

    const uint8_t packed = data_[values_ + count_ * width_ + i];
    const int type = packed >> 2;
    const size_t child_width = size_t{1} << (packed & 3);
    const size_t slot = values_ + i * width_;
    size_t pos = slot, width = width_;
    if (type == kIndirectInt || type == kIndirectUInt ||
        type == kIndirectFloat) {
      if (!Indirect(slot, width_, &pos)) {
        *error = StrFormat("the value of '%s' is out of bounds", key);
        return false;
      }
      width = child_width;
    }
    uint64_t bits = 0;
    if (type != kNull && !Read(pos, width, &bits)) {
      *error = StrFormat("the value of '%s' is out of bounds", key);
      return false;
    }
    switch (type) {
      case kNull:
        return true;  // an explicit null counts as absent
      case kInt:
      case kIndirectInt:
        out->kind = Kind::kInt;
        out->i = SignExtend(bits, width);
        return true;
      case kUInt:
      case kIndirectUInt:
        out->kind = Kind::kUInt;
        out->u = bits;
        return true;
      case kBool:
        out->kind = Kind::kBool;
        out->i = bits != 0 ? 1 : 0;
        return true;
      case kFloat:
      case kIndirectFloat:
        if (width == 4) {
          float f = 0.0f;
          const uint32_t b32 = static_cast<uint32_t>(bits);
          std::memcpy(&f, &b32, sizeof(f));
          out->f = f;
        } else if (width == 8) {
          std::memcpy(&out->f, &bits, sizeof(out->f));
        } else {
          *error =
              StrFormat("the value of '%s' is a %zu-byte float", key, width);
          return false;
        }
        out->kind = Kind::kFloat;
        return true;
      default:
        *error = StrFormat("the value of '%s' is %s, not a number", key,
                           TypeName(type));
        return false;
    }
  }
  return true;  // absent
}

}  // namespace edgelite
