// A bounds-checked reader for the one FlexBuffer shape custom operators use
// for their options: a root map from key strings to scalars. The bytes come
// from the model file, so every offset, width and key is checked before it is
// followed; nothing here can read outside [data, data + size).
//
// Layout (flatbuffers/flexbuffers.h): the buffer ends with the root value,
// its packed type byte (type << 2 | log2 width) and the root's byte width. A
// map is reached through an offset (counted backwards); before its values lie
// [keys offset, keys byte width, count], after them one packed type byte per
// value. Keys are a vector of offsets to NUL-terminated strings. Scalars are
// stored inline in their slot (int, uint, float, bool) or through an offset
// (indirect int/uint/float).
#ifndef EDGELITE_OPS_FLEXBUFFER_MAP_H_
#define EDGELITE_OPS_FLEXBUFFER_MAP_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace edgelite {

class FlexMap {
 public:
  enum class Kind { kMissing, kInt, kUInt, kFloat, kBool };
  struct Value {
    Kind kind = Kind::kMissing;
    int64_t i = 0;   // kInt, kBool (0/1)
    uint64_t u = 0;  // kUInt
    double f = 0.0;  // kFloat

    bool present() const { return kind != Kind::kMissing; }
    // Conversions as flexbuffers' AsInt64 / AsDouble / AsBool do them.
    int64_t AsInt64() const;
    double AsDouble() const;
    bool AsBool() const;
  };

  // Reads the root map and checks its header; `error` says what is wrong.
  bool Parse(const uint8_t* data, size_t size, std::string* error);

  // The value stored under `key`. kMissing when the key is absent or its
  // value is null; false with `error` set when the value is not a scalar
  // number or bool, or its bytes are out of bounds.
  bool Find(const char* key, Value* out, std::string* error) const;

 private:
  bool Read(size_t pos, size_t width, uint64_t* out) const;
  bool Indirect(size_t pos, size_t width, size_t* target) const;
  bool KeyEquals(size_t key_pos, const char* key) const;

  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t values_ = 0;     // position of the first value slot
  size_t width_ = 0;      // byte width of the value slots
  size_t count_ = 0;      // number of entries
  size_t keys_ = 0;       // position of the first key slot
  size_t key_width_ = 0;  // byte width of the key slots
};

}  // namespace edgelite

#endif  // EDGELITE_OPS_FLEXBUFFER_MAP_H_
