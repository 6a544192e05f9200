// Helpers for the shape and data-movement op tests (SHAPE, RESHAPE, SLICE,
// GATHER, …): tensor specs in one line, and a runner that builds a one-op
// model, feeds its non-constant inputs as raw bytes, invokes and checks that
// Invoke allocated nothing.
#ifndef EDGELITE_TESTS_OPS_COPY_OPS_TEST_UTIL_H_
#define EDGELITE_TESTS_OPS_COPY_OPS_TEST_UTIL_H_

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

struct OpResult {
  Status status;  // the first failure: load/prepare or invoke
  std::vector<Shape> shapes;
  std::vector<std::vector<uint8_t>> outputs;

  template <typename T>
  std::vector<T> Out(int i = 0) const {
    std::vector<T> v(outputs[i].size() / sizeof(T));
    if (!v.empty()) std::memcpy(v.data(), outputs[i].data(), outputs[i].size());
    return v;
  }
};

// Prepares the op and, when that succeeds, invokes it with `inputs` (raw
// bytes of the model inputs, in order).
inline OpResult RunOp(const SingleOpModel& m,
                      const std::vector<std::vector<uint8_t>>& inputs = {}) {
  OpResult r;
  std::unique_ptr<Interpreter> interp;
  r.status = MakeInterpreter(m.Build(), &interp);
  if (!r.status.ok()) return r;
  EXPECT_EQ(static_cast<size_t>(interp->num_inputs()), inputs.size());
  for (size_t i = 0;
       i < inputs.size() && i < static_cast<size_t>(interp->num_inputs());
       ++i) {
    Tensor* t = interp->input(static_cast<int>(i));
    EXPECT_EQ(t->bytes, inputs[i].size()) << "input " << i;
    if (!inputs[i].empty()) {
      std::memcpy(t->data, inputs[i].data(),
                  std::min(t->bytes, inputs[i].size()));
    }
  }
  const int64_t before = AllocationCount();
  r.status = interp->Invoke();
  const int64_t allocations = AllocationCount() - before;
  if (!r.status.ok()) return r;
  EXPECT_EQ(allocations, 0) << "Invoke allocated";
  for (int i = 0; i < interp->num_outputs(); ++i) {
    const Tensor* t = interp->output(i);
    r.shapes.push_back(t->shape);
    r.outputs.emplace_back(t->data, t->data + t->bytes);
  }
  return r;
}

// True when `s` failed with `code` and its message contains `text`.
inline ::testing::AssertionResult Fails(const Status& s, StatusCode code,
                                        const std::string& text) {
  if (s.ok()) return ::testing::AssertionFailure() << "succeeded";
  if (s.code() != code) {
    return ::testing::AssertionFailure()
           << "code " << StatusCodeName(s.code()) << ": " << s.message();
  }
  if (s.message().find(text) == std::string::npos) {
    return ::testing::AssertionFailure() << "message: " << s.message();
  }
  return ::testing::AssertionSuccess();
}

inline std::vector<float> Iota(int n, float start = 0) {
  std::vector<float> v(n);
  for (int i = 0; i < n; ++i) v[i] = start + static_cast<float>(i);
  return v;
}

}  // namespace testing
}  // namespace edgelite

#endif  // EDGELITE_TESTS_OPS_COPY_OPS_TEST_UTIL_H_
