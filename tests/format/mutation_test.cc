// Mutation smoke test: thousands of seeded byte-level mutants of two valid
// models go through load → Interpreter::Create → AllocateTensors → Invoke.
// Nothing may crash, hang or fail without a message; the ASan/UBSan build of
// the suite turns any memory error into a failure. Bounded (a few seconds).
//
// Reproduce a run: EDGELITE_MUTATION_SEED=<seed printed below>; add
// EDGELITE_MUTATION_VERBOSE=1 to print each mutant before it runs (so the
// last line before a crash names it); EDGELITE_MUTANTS=<n> changes the count
// per model.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "format/malformed_models.h"
#include "format/model_view.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

namespace mf = testing::malformed;

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 0) : fallback;
}

// A model that exercises more of the format than hello_world does and that
// edgelite can run today: options, a shape signature, per-channel constants,
// an int32 shape tensor, metadata.
//   x f32[1,2,3,1] (sig -1) → SQUEEZE{3} → mid[1,2,3]
//     → RESHAPE(shape=[3,2]) → y
//   w int8[3,2] per-channel const → RESHAPE{new_shape [6]} → z int8[6]
std::vector<uint8_t> BuilderModel() {
  mf::Draft d;
  testing::TensorSpec x = mf::Activation("x", DataType::kFloat32, {1, 2, 3, 1});
  x.shape_signature = {-1, 2, 3, 1};
  testing::TensorSpec w;
  w.name = "w";
  w.type = DataType::kInt8;
  w.shape = {3, 2};
  w.scales = {0.5f, 0.25f, 0.125f};
  w.zero_points = {0, 1, -1};
  w.data = {1, 2, 3, 4, 5, 6};
  d.tensors = {x,
               mf::Activation("mid", DataType::kFloat32, {1, 2, 3}),
               mf::Int32Constant("shape", {3, 2}),
               mf::Activation("y", DataType::kFloat32, {3, 2}),
               w,
               mf::Activation("z", DataType::kInt8, {6}, {0.5f}, {0})};
  testing::OperatorSpec squeeze =
      mf::Op(static_cast<int32_t>(tfl::BuiltinOperator::SQUEEZE), {0}, {1});
  squeeze.options_type = tfl::BuiltinOptions::SqueezeOptions;
  squeeze.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateSqueezeOptions(fbb,
                                     fbb.CreateVector(std::vector<int32_t>{3}))
        .Union();
  };
  testing::OperatorSpec reshape_w = mf::Op(mf::kReshape, {4}, {5});
  reshape_w.options_type = tfl::BuiltinOptions::ReshapeOptions;
  reshape_w.options = [](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateReshapeOptions(fbb,
                                     fbb.CreateVector(std::vector<int32_t>{6}))
        .Union();
  };
  d.ops = {squeeze, mf::Op(mf::kReshape, {1, 2}, {3}), reshape_w};
  d.inputs = {0};
  d.outputs = {3, 5};
  testing::ModelBuilder b;
  for (const auto& t : d.tensors) b.AddTensor(t);
  for (const auto& op : d.ops) b.AddOperator(op);
  b.SetInputs(d.inputs);
  b.SetOutputs(d.outputs);
  b.AddMetadata("meta", {1, 2, 3, 4});
  return b.Build();
}

// One to three edits: bit flips, byte and 32-bit word overwrites with values
// that sit on boundaries, small deltas to words (offsets, counts, indices).
std::string Mutate(std::vector<uint8_t>* b, std::mt19937_64* rng) {
  static const uint8_t kBytes[] = {0x00, 0x01, 0x02, 0x7f, 0x80, 0xfe, 0xff};
  const uint32_t size = static_cast<uint32_t>(b->size());
  const int32_t kWords[] = {
      0, 1, -1, -2, 2, 8, 9, 127, 128, 255, 256, 0x7fff, 0x10000, 0x7fffffff,
      std::numeric_limits<int32_t>::min(),
      // Offsets and sizes near the file's own size.
      static_cast<int32_t>(size), static_cast<int32_t>(size - 4),
      static_cast<int32_t>(size / 2)};
  std::string what;
  const int edits = 1 + static_cast<int>((*rng)() % 3);
  for (int e = 0; e < edits; ++e) {
    // Bytes 4..7 are the file identifier; hitting them only tests one check.
    size_t pos = (*rng)() % size;
    if (pos >= 4 && pos < 8) pos = 8 + (*rng)() % (size - 8);
    const size_t word = pos & ~size_t{3};
    const int kind = static_cast<int>((*rng)() % 5);
    if (kind == 0) {
      const int bit = static_cast<int>((*rng)() % 8);
      (*b)[pos] ^= static_cast<uint8_t>(1u << bit);
      what += StrFormat(" flip@%zu.%d", pos, bit);
    } else if (kind == 1) {
      (*b)[pos] = static_cast<uint8_t>((*rng)());
      what += StrFormat(" byte@%zu=%u", pos, (*b)[pos]);
    } else if (kind == 2) {
      (*b)[pos] = kBytes[(*rng)() % sizeof(kBytes)];
      what += StrFormat(" byte@%zu=%u", pos, (*b)[pos]);
    } else if (word + 4 <= size) {
      int32_t v;
      std::memcpy(&v, b->data() + word, 4);
      if (kind == 3) {
        v = kWords[(*rng)() % (sizeof(kWords) / sizeof(kWords[0]))];
      } else {
        v = static_cast<int32_t>(static_cast<uint32_t>(v) +
                                 static_cast<uint32_t>((*rng)() % 17) - 8u);
      }
      std::memcpy(b->data() + word, &v, 4);
      what += StrFormat(" word@%zu=%d", word, v);
    }
  }
  return what;
}

constexpr size_t kMutantArenaCap = size_t{16} << 20;

struct Tally {
  int load_failed = 0, create_failed = 0, allocate_failed = 0,
      invoke_failed = 0, ran = 0;
  double slowest_ms = 0;
  std::string slowest;
};

// Runs one mutant through every stage; fails the test when a status has no
// message or a message carries control characters.
void RunMutant(const std::vector<uint8_t>& bytes, const std::string& label,
               Tally* tally) {
  const auto t0 = std::chrono::steady_clock::now();
  int* failed_at = nullptr;
  const Status s = [&]() -> Status {
    std::unique_ptr<ModelView> view;
    failed_at = &tally->load_failed;
    EDGELITE_RETURN_IF_ERROR(
        ModelView::Create(ByteSource::Copy(bytes.data(), bytes.size()), &view));
    std::unique_ptr<Interpreter> interp;
    failed_at = &tally->create_failed;
    // A mutant may legitimately ask for a batch of millions (hundreds of MiB
    // and seconds of work): that is the arena cap's job, tested elsewhere.
    // Here a small cap keeps every mutant fast so a real hang stands out.
    InterpreterOptions options;
    options.max_arena_bytes = kMutantArenaCap;
    EDGELITE_RETURN_IF_ERROR(Interpreter::Create(
        std::shared_ptr<const ModelView>(std::move(view)), options, &interp));
    failed_at = &tally->allocate_failed;
    EDGELITE_RETURN_IF_ERROR(interp->AllocateTensors());
    for (int i = 0; i < interp->num_inputs(); ++i) {
      Tensor* t = interp->input(i);
      if (t->data != nullptr && t->bytes > 0) std::memset(t->data, 0, t->bytes);
    }
    failed_at = &tally->invoke_failed;
    EDGELITE_RETURN_IF_ERROR(interp->Invoke());
    // Every output is readable.
    for (int i = 0; i < interp->num_outputs(); ++i) {
      const Tensor* t = interp->output(i);
      volatile uint8_t sink = 0;
      for (size_t k = 0; k < t->bytes; ++k) sink = sink ^ t->data[k];
    }
    failed_at = &tally->ran;
    return Status::Ok();
  }();
  ++*failed_at;
  if (!s.ok()) {
    EXPECT_FALSE(s.message().empty())
        << label << ": failed with " << StatusCodeName(s.code())
        << " and no message";
    for (char c : s.message()) {
      if (static_cast<unsigned char>(c) < 0x20) {
        ADD_FAILURE() << label
                      << ": control character in message: " << s.message();
        break;
      }
    }
  }
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - t0)
                        .count();
  if (ms > tally->slowest_ms) {
    tally->slowest_ms = ms;
    tally->slowest = label;
  }
}

void MutateAndRun(const char* name, const std::vector<uint8_t>& original,
                  uint64_t seed, int count) {
  ASSERT_GT(original.size(), 16u) << name;
  ASSERT_TRUE(mf::LoadAndRun(original).code() == StatusCode::kOk ||
              std::string(name) == "hello_world_int8")
      << name << " must run unmutated";
  const bool verbose = EnvOr("EDGELITE_MUTATION_VERBOSE", 0) != 0;
  std::mt19937_64 rng(seed);
  Tally tally;
  for (int i = 0; i < count; ++i) {
    std::vector<uint8_t> b = original;
    const std::string label = StrFormat("%s mutant %d (seed %llu):", name, i,
                                        static_cast<unsigned long long>(seed)) +
                              Mutate(&b, &rng);
    if (verbose) std::fprintf(stderr, "%s\n", label.c_str());
    RunMutant(b, label, &tally);
    if (::testing::Test::HasFailure()) return;
  }
  std::printf(
      "[ mutation ] %s: %d mutants, seed %llu: %d refused at load, %d at "
      "Interpreter::Create, %d at AllocateTensors, %d at Invoke, %d ran; "
      "slowest %.2f ms (%s)\n",
      name, count, static_cast<unsigned long long>(seed), tally.load_failed,
      tally.create_failed, tally.allocate_failed, tally.invoke_failed,
      tally.ran, tally.slowest_ms, tally.slowest.c_str());
  // A hang shows up as one slow mutant long before the suite's timeout.
  EXPECT_LT(tally.slowest_ms, 1000.0) << tally.slowest;
}

constexpr uint64_t kDefaultSeed = 20261123;

TEST(Mutation, HelloWorldInt8MutantsNeverCrash) {
  const uint64_t seed = EnvOr("EDGELITE_MUTATION_SEED", kDefaultSeed);
  const int count = static_cast<int>(EnvOr("EDGELITE_MUTANTS", 10000));
  std::printf("[ mutation ] seed %llu (EDGELITE_MUTATION_SEED)\n",
              static_cast<unsigned long long>(seed));
  MutateAndRun("hello_world_int8", mf::HelloWorldInt8(), seed, count);
}

TEST(Mutation, BuilderModelMutantsNeverCrash) {
  const uint64_t seed = EnvOr("EDGELITE_MUTATION_SEED", kDefaultSeed) + 1;
  const int count = static_cast<int>(EnvOr("EDGELITE_MUTANTS", 10000));
  std::printf("[ mutation ] seed %llu (EDGELITE_MUTATION_SEED + 1)\n",
              static_cast<unsigned long long>(seed));
  MutateAndRun("builder_model", BuilderModel(), seed, count);
}

}  // namespace
}  // namespace edgelite
