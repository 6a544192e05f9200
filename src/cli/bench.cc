// `edgelite bench`: load and invoke timings on a deterministic input.
#include <algorithm>
#include <cstdio>
#include <numeric>

#include "cli/cli_util.h"
#include "cli/command.h"

namespace edgelite {
namespace cli {
namespace {

// The same pseudo-random input on every run and machine (xorshift32, fixed
// seed), so timings of data-dependent kernels are comparable.
void FillDeterministic(Tensor* t, uint32_t seed) {
  uint32_t state = seed ? seed : 1;
  auto next = [&state]() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  };
  const int64_t n = t->NumElements();
  switch (t->type) {
    case DataType::kFloat32:
      for (int64_t i = 0; i < n; ++i)
        t->MutableData<float>()[i] =
            static_cast<float>(next() >> 8) / 8388608.0f - 1.0f;  // [-1, 1)
      break;
    case DataType::kUInt8:
    case DataType::kInt8:
    case DataType::kInt16:
      for (size_t i = 0; i < t->bytes; ++i)
        t->data[i] = static_cast<uint8_t>(next() >> 24);
      break;
    default:  // indices, booleans: zero is always valid
      std::fill(t->data, t->data + t->bytes, uint8_t{0});
      break;
  }
}

double Ms(int64_t ns) { return static_cast<double>(ns) / 1e6; }

Status Bench(const ParsedArgs& args) {
  const std::string& path = args.positional[0];
  const long long runs = args.GetInt("runs", 50);
  const long long warmup = args.GetInt("warmup", 5);
  if (runs < 1 || runs > 1000000) {
    return InvalidArgumentError("--runs must be between 1 and 1000000");
  }
  if (warmup < 0 || warmup > 1000000) {
    return InvalidArgumentError("--warmup must be between 0 and 1000000");
  }

  const int64_t t0 = NowNs();
  std::shared_ptr<const ModelView> model;
  EDGELITE_RETURN_IF_ERROR(LoadModel(path, &model));
  const int64_t t1 = NowNs();
  std::unique_ptr<Interpreter> interp;
  InterpreterOptions options;
  EDGELITE_RETURN_IF_ERROR(InterpreterOptionsFromArgs(args, &options));
  Status s = Interpreter::Create(model, options, &interp);
  const int64_t t2 = NowNs();
  if (s.ok()) s = interp->AllocateTensors();
  const int64_t t3 = NowNs();
  if (!s.ok()) return s.WithContext(StrFormat("model '%s'", path.c_str()));

  for (int i = 0; i < interp->num_inputs(); ++i) {
    FillDeterministic(interp->input(i), 0x9E3779B9u + static_cast<uint32_t>(i));
  }
  for (long long i = 0; i < warmup; ++i) {
    EDGELITE_RETURN_IF_ERROR(interp->Invoke());
  }
  std::vector<int64_t> times;
  times.reserve(static_cast<size_t>(runs));
  for (long long i = 0; i < runs; ++i) {
    const int64_t start = NowNs();
    EDGELITE_RETURN_IF_ERROR(interp->Invoke());
    times.push_back(NowNs() - start);
  }
  std::sort(times.begin(), times.end());
  const size_t n = times.size();
  const double median =
      n % 2 ? Ms(times[n / 2]) : (Ms(times[n / 2 - 1]) + Ms(times[n / 2])) / 2;
  const double mean =
      Ms(std::accumulate(times.begin(), times.end(), int64_t{0})) /
      static_cast<double>(n);

  std::printf("model: %s (%s)\n", path.c_str(),
              HumanBytes(model->file_size()).c_str());
  std::printf(
      "load %.3f ms (read + validate %.3f ms, interpreter %.3f ms, allocate "
      "%.3f ms)\n",
      Ms(t3 - t0), Ms(t1 - t0), Ms(t2 - t1), Ms(t3 - t2));
  std::printf("arena %s (%s B)\n", HumanBytes(interp->arena_bytes()).c_str(),
              WithThousands(interp->arena_bytes()).c_str());
  std::printf(
      "invoke x %lld (after %lld warm-up): min %.3f ms, median %.3f "
      "ms, mean %.3f ms\n",
      runs, warmup, Ms(times.front()), median, mean);
  return Status::Ok();
}

}  // namespace

CommandSpec BenchCommand() {
  return CommandSpec{
      "bench",
      "time loading and inference",
      "MODEL",
      "Loads the model (timing read + validation, interpreter creation and\n"
      "arena planning), fills every input with a fixed pseudo-random pattern,\n"
      "then times N invocations after the warm-up ones.",
      1,
      1,
      {
          {"runs", FlagType::kInt, "N", "timed invocations (50)"},
          {"warmup", FlagType::kInt, "N", "untimed invocations first (5)"},
          ArithmeticFlag(),
      },
      &Bench};
}

}  // namespace cli
}  // namespace edgelite
