// libFuzzer target, structure-aware: LLVMFuzzerCustomMutator edits a valid
// model in place, 1–4 scalar fields at a time, found through the FlatBuffers
// reader (so each edit lands on the field it names and the file still
// verifies, unless the edit is to an offset or a union type):
//   tensors: shape / shape_signature entries and rank (vector length), type,
//     buffer index, is_variable; quantization scales, zero points, their
//     counts and quantized_dimension;
//   buffers: data length (shrunk, or grown by a few bytes), offset, size, and
//     the int32 words of small constants (reshape shapes, reduction axes);
//   operators: opcode_index, input / output / intermediate indices and counts,
//     builtin_options_type, every scalar of the builtin options (strides,
//     padding, activation, dilations, filter sizes, depth multiplier, beta,
//     axis, keep_dims, weights format…), reshape new_shape / squeeze dims;
//   operator codes: version, builtin_code, deprecated_builtin_code;
//   subgraphs: input / output indices and counts.
// With probability 1/8 it uses libFuzzer's byte-level mutator instead. An
// input that does not verify as a model is replaced by one of the seed models
// (tests/data/models ≤ 1 MiB, and the directories in EDGELITE_FUZZ_SEEDS:
// scripts/fuzz.sh writes one model per case of the conformance generators,
// so every registered op is a starting point). Then the same load → allocate →
// invoke as fuzz_load. See docs/fuzzing.md.
#include <dirent.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "format/tflite_schema.h"
#include "fuzz/fuzz_common.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace edgelite {
namespace fuzz {
namespace {

namespace fb = flatbuffers;

// Seed models larger than this are left out: a 224×224 MobileNet v2 takes
// about a second per run under ASan, which would starve the search.
constexpr size_t kMaxSeedBytes = size_t{1} << 20;

std::vector<std::vector<uint8_t>>& Seeds() {
  static std::vector<std::vector<uint8_t>> seeds;
  return seeds;
}

void LoadSeeds(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    const std::string n = e->d_name;
    if (n.size() > 7 && n.compare(n.size() - 7, 7, ".tflite") == 0) {
      names.push_back(n);
    }
  }
  closedir(d);
  std::sort(names.begin(), names.end());  // the same order on every system
  for (const std::string& n : names) {
    std::ifstream f(dir + "/" + n, std::ios::binary);
    std::vector<uint8_t> b((std::istreambuf_iterator<char>(f)),
                           std::istreambuf_iterator<char>());
    if (!b.empty() && b.size() <= kMaxSeedBytes)
      Seeds().push_back(std::move(b));
  }
}

bool IsModel(const uint8_t* data, size_t size) {
  if (size < 8 || !tfl::ModelBufferHasIdentifier(data)) return false;
  fb::Verifier v(data, size);
  return tfl::VerifyModelBuffer(v);
}

// One place in the file that can be edited in place.
enum class Kind { kI8, kU8, kI32, kU32, kI64, kU64, kF32, kLength };
struct Site {
  uint8_t* p;
  Kind kind;
};

class Sites {
 public:
  std::vector<Site> list;

  template <typename T>
  void Field(T* table, fb::voffset_t vt, Kind kind) {
    if (table == nullptr) return;
    uint8_t* p = reinterpret_cast<fb::Table*>(table)->GetAddressOf(vt);
    if (p != nullptr) list.push_back({p, kind});
  }
  // A vector's entries and its length (the uint32 before the first entry).
  template <typename T>
  void Vec(fb::Vector<T>* v, Kind kind) {
    if (v == nullptr) return;
    list.push_back({reinterpret_cast<uint8_t*>(v), Kind::kLength});
    for (fb::uoffset_t i = 0; i < v->size(); ++i) {
      list.push_back({const_cast<uint8_t*>(v->Data()) + i * sizeof(T), kind});
    }
  }
};

void CollectOptions(tfl::Operator* op, Sites* s) {
  void* o = const_cast<void*>(op->builtin_options());
  if (o == nullptr) return;
  using BO = tfl::BuiltinOptions;
  switch (op->builtin_options_type()) {
    case BO::Conv2DOptions: {
      using T = tfl::Conv2DOptions;
      auto* t = static_cast<T*>(o);
      s->Field(t, T::VT_PADDING, Kind::kI8);
      s->Field(t, T::VT_STRIDE_W, Kind::kI32);
      s->Field(t, T::VT_STRIDE_H, Kind::kI32);
      s->Field(t, T::VT_FUSED_ACTIVATION_FUNCTION, Kind::kI8);
      s->Field(t, T::VT_DILATION_W_FACTOR, Kind::kI32);
      s->Field(t, T::VT_DILATION_H_FACTOR, Kind::kI32);
      s->Field(t, T::VT_QUANTIZED_BIAS_TYPE, Kind::kI8);
      break;
    }
    case BO::DepthwiseConv2DOptions: {
      using T = tfl::DepthwiseConv2DOptions;
      auto* t = static_cast<T*>(o);
      s->Field(t, T::VT_PADDING, Kind::kI8);
      s->Field(t, T::VT_STRIDE_W, Kind::kI32);
      s->Field(t, T::VT_STRIDE_H, Kind::kI32);
      s->Field(t, T::VT_DEPTH_MULTIPLIER, Kind::kI32);
      s->Field(t, T::VT_FUSED_ACTIVATION_FUNCTION, Kind::kI8);
      s->Field(t, T::VT_DILATION_W_FACTOR, Kind::kI32);
      s->Field(t, T::VT_DILATION_H_FACTOR, Kind::kI32);
      break;
    }
    case BO::Pool2DOptions: {
      using T = tfl::Pool2DOptions;
      auto* t = static_cast<T*>(o);
      s->Field(t, T::VT_PADDING, Kind::kI8);
      s->Field(t, T::VT_STRIDE_W, Kind::kI32);
      s->Field(t, T::VT_STRIDE_H, Kind::kI32);
      s->Field(t, T::VT_FILTER_WIDTH, Kind::kI32);
      s->Field(t, T::VT_FILTER_HEIGHT, Kind::kI32);
      s->Field(t, T::VT_FUSED_ACTIVATION_FUNCTION, Kind::kI8);
      break;
    }
    case BO::FullyConnectedOptions: {
      using T = tfl::FullyConnectedOptions;
      auto* t = static_cast<T*>(o);
      s->Field(t, T::VT_FUSED_ACTIVATION_FUNCTION, Kind::kI8);
      s->Field(t, T::VT_WEIGHTS_FORMAT, Kind::kI8);
      s->Field(t, T::VT_KEEP_NUM_DIMS, Kind::kU8);
      s->Field(t, T::VT_ASYMMETRIC_QUANTIZE_INPUTS, Kind::kU8);
      s->Field(t, T::VT_QUANTIZED_BIAS_TYPE, Kind::kI8);
      break;
    }
    case BO::SoftmaxOptions: {
      using T = tfl::SoftmaxOptions;
      s->Field(static_cast<T*>(o), T::VT_BETA, Kind::kF32);
      break;
    }
    case BO::ConcatenationOptions: {
      using T = tfl::ConcatenationOptions;
      auto* t = static_cast<T*>(o);
      s->Field(t, T::VT_AXIS, Kind::kI32);
      s->Field(t, T::VT_FUSED_ACTIVATION_FUNCTION, Kind::kI8);
      break;
    }
    case BO::AddOptions: {
      using T = tfl::AddOptions;
      auto* t = static_cast<T*>(o);
      s->Field(t, T::VT_FUSED_ACTIVATION_FUNCTION, Kind::kI8);
      s->Field(t, T::VT_POT_SCALE_INT16, Kind::kU8);
      break;
    }
    case BO::ReshapeOptions:
      s->Vec(static_cast<tfl::ReshapeOptions*>(o)->mutable_new_shape(),
             Kind::kI32);
      break;
    case BO::SqueezeOptions:
      s->Vec(static_cast<tfl::SqueezeOptions*>(o)->mutable_squeeze_dims(),
             Kind::kI32);
      break;
    case BO::ReducerOptions: {
      using T = tfl::ReducerOptions;
      s->Field(static_cast<T*>(o), T::VT_KEEP_DIMS, Kind::kU8);
      break;
    }
    default:
      break;
  }
}

Sites Collect(uint8_t* data) {
  Sites s;
  tfl::Model* m = tfl::GetMutableModel(data);
  if (auto* codes = m->mutable_operator_codes()) {
    for (fb::uoffset_t i = 0; i < codes->size(); ++i) {
      using T = tfl::OperatorCode;
      T* c = codes->GetMutableObject(i);
      s.Field(c, T::VT_DEPRECATED_BUILTIN_CODE, Kind::kI8);
      s.Field(c, T::VT_VERSION, Kind::kI32);
      s.Field(c, T::VT_BUILTIN_CODE, Kind::kI32);
    }
  }
  if (auto* buffers = m->mutable_buffers()) {
    for (fb::uoffset_t i = 0; i < buffers->size(); ++i) {
      using T = tfl::Buffer;
      T* b = buffers->GetMutableObject(i);
      if (auto* d = b->mutable_data()) {
        s.list.push_back({reinterpret_cast<uint8_t*>(d), Kind::kLength});
        // Small constants are mostly int32 operands that steer an op: a
        // RESHAPE's new shape, a MEAN's axes, a bias. Their words are sites.
        if (d->size() <= 64 && d->size() % 4 == 0) {
          for (fb::uoffset_t k = 0; k < d->size(); k += 4) {
            s.list.push_back({d->data() + k, Kind::kI32});
          }
        }
      }
      s.Field(b, T::VT_OFFSET, Kind::kU64);
      s.Field(b, T::VT_SIZE, Kind::kU64);
    }
  }
  auto* subgraphs = m->mutable_subgraphs();
  if (subgraphs == nullptr) return s;
  for (fb::uoffset_t g = 0; g < subgraphs->size(); ++g) {
    tfl::SubGraph* sg = subgraphs->GetMutableObject(g);
    s.Vec(sg->mutable_inputs(), Kind::kI32);
    s.Vec(sg->mutable_outputs(), Kind::kI32);
    if (auto* tensors = sg->mutable_tensors()) {
      for (fb::uoffset_t i = 0; i < tensors->size(); ++i) {
        using T = tfl::Tensor;
        T* t = tensors->GetMutableObject(i);
        s.Vec(t->mutable_shape(), Kind::kI32);
        s.Vec(t->mutable_shape_signature(), Kind::kI32);
        s.Field(t, T::VT_TYPE, Kind::kI8);
        s.Field(t, T::VT_BUFFER, Kind::kU32);
        s.Field(t, T::VT_IS_VARIABLE, Kind::kU8);
        if (auto* q = t->mutable_quantization()) {
          using Q = tfl::QuantizationParameters;
          s.Vec(q->mutable_scale(), Kind::kF32);
          s.Vec(q->mutable_zero_point(), Kind::kI64);
          s.Field(q, Q::VT_QUANTIZED_DIMENSION, Kind::kI32);
        }
      }
    }
    if (auto* ops = sg->mutable_operators()) {
      for (fb::uoffset_t i = 0; i < ops->size(); ++i) {
        using T = tfl::Operator;
        T* op = ops->GetMutableObject(i);
        s.Field(op, T::VT_OPCODE_INDEX, Kind::kU32);
        s.Vec(op->mutable_inputs(), Kind::kI32);
        s.Vec(op->mutable_outputs(), Kind::kI32);
        s.Vec(op->mutable_intermediates(), Kind::kI32);
        s.Field(op, T::VT_BUILTIN_OPTIONS_TYPE, Kind::kU8);
        CollectOptions(op, &s);
      }
    }
  }
  return s;
}

template <typename T>
T Load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <typename T>
void Store(uint8_t* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

// An integer near the old one, on a boundary, or anything.
int64_t NewInt(int64_t old, int64_t lo, int64_t hi, std::mt19937* rng) {
  static const int64_t kEdges[] = {
      0,     1,          -1,           2,   3,   4,   7,
      8,     16,         127,          128, 255, 256, 32767,
      65535, 0x7fffffff, -0x80000000LL};
  int64_t v;
  switch ((*rng)() % 4) {
    case 0:
    case 1:
      v = old + static_cast<int64_t>((*rng)() % 7) - 3;
      break;
    case 2:
      v = kEdges[(*rng)() % (sizeof(kEdges) / sizeof(kEdges[0]))];
      break;
    default:
      v = static_cast<int64_t>((*rng)()) - (int64_t{1} << 31);
      break;
  }
  if (v < lo || v > hi)
    v = lo + static_cast<int64_t>(static_cast<uint64_t>(v - lo) %
                                  (static_cast<uint64_t>(hi - lo) + 1));
  return v;
}

float NewFloat(float old, std::mt19937* rng) {
  const float kValues[] = {0.0f,
                           -0.0f,
                           1.0f,
                           -1.0f,
                           old * 2,
                           old / 2,
                           old * 1e10f,
                           old * 1e-10f,
                           -old,
                           std::numeric_limits<float>::quiet_NaN(),
                           std::numeric_limits<float>::infinity(),
                           -std::numeric_limits<float>::infinity(),
                           std::numeric_limits<float>::max(),
                           std::numeric_limits<float>::min(),
                           std::numeric_limits<float>::denorm_min(),
                           1e-30f};
  return kValues[(*rng)() % (sizeof(kValues) / sizeof(kValues[0]))];
}

void MutateSite(const Site& s, size_t file_size, std::mt19937* rng) {
  switch (s.kind) {
    case Kind::kI8:
      Store<int8_t>(s.p,
                    static_cast<int8_t>(
                        (*rng)() % 2 ? NewInt(Load<int8_t>(s.p), -128, 127, rng)
                                     : static_cast<int64_t>((*rng)() % 24)));
      break;
    case Kind::kU8:
      Store<uint8_t>(s.p, static_cast<uint8_t>((*rng)() % 3 ? (*rng)() % 2
                                                            : (*rng)() % 256));
      break;
    case Kind::kI32:
      Store<int32_t>(s.p, static_cast<int32_t>(NewInt(
                              Load<int32_t>(s.p), INT32_MIN, INT32_MAX, rng)));
      break;
    case Kind::kU32:
      Store<uint32_t>(s.p, static_cast<uint32_t>(NewInt(Load<uint32_t>(s.p), 0,
                                                        UINT32_MAX, rng)));
      break;
    case Kind::kI64: {
      static const int64_t kEdges[] = {-128,
                                       127,
                                       255,
                                       -129,
                                       128,
                                       32767,
                                       -32768,
                                       65535,
                                       std::numeric_limits<int64_t>::min(),
                                       std::numeric_limits<int64_t>::max()};
      const int64_t old = Load<int64_t>(s.p);
      // Near the old value, wrapping (no signed overflow).
      const uint64_t near = static_cast<uint64_t>(old) + (*rng)() % 5 - 2;
      Store<int64_t>(
          s.p, (*rng)() % 2
                   ? static_cast<int64_t>(near)
                   : kEdges[(*rng)() % (sizeof(kEdges) / sizeof(kEdges[0]))]);
      break;
    }
    case Kind::kU64: {
      const uint64_t kValues[] = {0,
                                  1,
                                  8,
                                  file_size,
                                  file_size - 1,
                                  file_size / 2,
                                  uint64_t{1} << 31,
                                  std::numeric_limits<uint64_t>::max(),
                                  Load<uint64_t>(s.p) + 1,
                                  Load<uint64_t>(s.p) - 1};
      Store<uint64_t>(
          s.p, kValues[(*rng)() % (sizeof(kValues) / sizeof(kValues[0]))]);
      break;
    }
    case Kind::kF32:
      Store<float>(s.p, NewFloat(Load<float>(s.p), rng));
      break;
    case Kind::kLength: {
      // Shorter (the entries stay in bounds, so the file still verifies), or
      // a little longer (the next bytes become entries when still in bounds).
      const uint32_t old = Load<uint32_t>(s.p);
      // (in 64 bits: old may be 2^32 - 1 after an earlier edit)
      uint32_t v = (*rng)() % 4
                       ? static_cast<uint32_t>((*rng)() % (uint64_t{old} + 1))
                       : old + 1 + static_cast<uint32_t>((*rng)() % 4);
      Store<uint32_t>(s.p, v);
      break;
    }
  }
}

}  // namespace
}  // namespace fuzz
}  // namespace edgelite

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  edgelite::fuzz::LoadSeeds(EDGELITE_SOURCE_DIR "/tests/data/models");
  // More seed directories, ':'-separated (scripts/fuzz.sh passes the
  // single-op models written from the conformance generators).
  if (const char* more = std::getenv("EDGELITE_FUZZ_SEEDS")) {
    std::string dirs = more;
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      if (end > start)
        edgelite::fuzz::LoadSeeds(dirs.substr(start, end - start));
      start = end + 1;
    }
  }
  return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size,
                                          size_t max_size, unsigned int seed) {
  using namespace edgelite::fuzz;
  std::mt19937 rng(seed);
  if (rng() % 8 == 0) return LLVMFuzzerMutate(data, size, max_size);
  const auto& seeds = Seeds();
  if (!IsModel(data, size) || rng() % 32 == 0) {
    // Start again from a seed model that fits.
    std::vector<const std::vector<uint8_t>*> fit;
    for (const auto& s : seeds) {
      if (s.size() <= max_size) fit.push_back(&s);
    }
    if (fit.empty()) return LLVMFuzzerMutate(data, size, max_size);
    const std::vector<uint8_t>& s = *fit[rng() % fit.size()];
    std::memcpy(data, s.data(), s.size());
    size = s.size();
  }
  // libFuzzer's buffer is new[]-allocated, so FlatBuffers' alignment holds.
  Sites sites = Collect(data);
  if (sites.list.empty()) return LLVMFuzzerMutate(data, size, max_size);
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    MutateSite(sites.list[rng() % sites.list.size()], size, &rng);
  }
  return size;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)edgelite::fuzz::LoadAndRun(data, size);
  return 0;
}
