// Helpers for the element-wise op tests (SUB, MUL, DIV, comparisons,
// SELECT, …): single-op models with 1–N inputs, run with byte inputs, typed
// outputs. Header-only; each test file includes it.
#ifndef EDGELITE_TESTS_OPS_ELEMENTWISE_TEST_UTIL_H_
#define EDGELITE_TESTS_OPS_ELEMENTWISE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"
#include "support/op_test_util.h"

namespace edgelite {
namespace testing {

namespace tfl = ::edgelite::tfl;

// Per-tensor quantized spec.
inline TensorSpec QSpec(const std::string& name, DataType type,
                        std::vector<int32_t> shape, float scale, int64_t zp) {
  return Var(name, type, std::move(shape), {scale}, {zp});
}

// The same spec as a constant holding `values`.
template <typename T>
TensorSpec Const(TensorSpec s, const std::vector<T>& values) {
  s.data = Bytes(values);
  return s;
}

using ActFn = tfl::ActivationFunctionType;

inline Status MakeOp(const SingleOpModel& m,
                     std::unique_ptr<Interpreter>* interp,
                     QuantArithmetic arith = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = arith;
  return MakeInterpreter(m.Build(), interp, options);
}

inline Status PrepareStatus(const SingleOpModel& m,
                            QuantArithmetic arith = QuantArithmetic::kTflite) {
  std::unique_ptr<Interpreter> interp;
  return MakeOp(m, &interp, arith);
}

// Runs with raw input bytes (one vector per non-constant input, in order);
// returns output 0 as T, and its shape. Invoke's status goes to *invoke.
template <typename T>
std::vector<T> RunBytes(const SingleOpModel& m,
                        const std::vector<std::vector<uint8_t>>& inputs,
                        QuantArithmetic arith = QuantArithmetic::kTflite,
                        Shape* out_shape = nullptr, Status* invoke = nullptr) {
  std::unique_ptr<Interpreter> interp;
  Status s = MakeOp(m, &interp, arith);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  for (size_t i = 0; i < inputs.size(); ++i) {
    Tensor* t = interp->input(static_cast<int>(i));
    EXPECT_EQ(t->bytes, inputs[i].size()) << "input " << i;
    if (!inputs[i].empty()) {
      std::memcpy(t->data, inputs[i].data(),
                  std::min(t->bytes, inputs[i].size()));
    }
  }
  s = interp->Invoke();
  if (invoke != nullptr) {
    *invoke = s;
  } else {
    EXPECT_TRUE(s.ok()) << s.message();
  }
  if (out_shape) *out_shape = interp->output(0)->shape;
  if (!s.ok()) return {};
  return GetOutput<T>(*interp, 0);
}

// Two same-typed inputs.
template <typename Out, typename In>
std::vector<Out> Run2(const SingleOpModel& m, const std::vector<In>& a,
                      const std::vector<In>& b,
                      QuantArithmetic arith = QuantArithmetic::kTflite,
                      Shape* out_shape = nullptr) {
  return RunBytes<Out>(m, {Bytes(a), Bytes(b)}, arith, out_shape);
}

// bool outputs as 0/1 bytes.
inline std::vector<uint8_t> B(std::initializer_list<int> v) {
  return std::vector<uint8_t>(v.begin(), v.end());
}

// Invoke allocates nothing (after the first run).
inline void ExpectInvokeAllocatesNothing(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  Status s = MakeOp(m, &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(AllocationCount(), before);
}

// Expects a Prepare failure with `code` whose message contains `text`.
inline void ExpectPrepareError(
    const SingleOpModel& m, StatusCode code, const std::string& text,
    QuantArithmetic arith = QuantArithmetic::kTflite) {
  const Status s = PrepareStatus(m, arith);
  EXPECT_EQ(s.code(), code) << s.message();
  EXPECT_NE(s.message().find(text), std::string::npos) << s.message();
}

// Options writers.
inline OptionsWriter SubOpts(ActFn act, bool pot = true) {
  return [act, pot](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateSubOptions(fbb, act, pot).Union();
  };
}
inline OptionsWriter AddOpts(ActFn act, bool pot = true) {
  return [act, pot](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateAddOptions(fbb, act, pot).Union();
  };
}
inline OptionsWriter MulOpts(ActFn act) {
  return [act](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateMulOptions(fbb, act).Union();
  };
}
inline OptionsWriter DivOpts(ActFn act) {
  return [act](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateDivOptions(fbb, act).Union();
  };
}

}  // namespace testing
}  // namespace edgelite

#endif  // EDGELITE_TESTS_OPS_ELEMENTWISE_TEST_UTIL_H_
