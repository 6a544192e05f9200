// Small helpers for the padding / space-batch-depth / reduction op tests:
// tensor specs, one-op models, running them and reading Prepare errors.
#ifndef EDGELITE_TESTS_OPS_SPATIAL_TEST_UTIL_H_
#define EDGELITE_TESTS_OPS_SPATIAL_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/interpreter.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"
#include "support/op_test_util.h"

namespace edgelite {
namespace spatial_test {

using testing::Const;
using testing::OpModel;
using testing::SingleOpModel;
using testing::TensorSpec;
using testing::Var;
namespace tfl = ::edgelite::tfl;

inline Status Make(const SingleOpModel& m, std::unique_ptr<Interpreter>* interp,
                   QuantArithmetic arith = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = arith;
  return testing::MakeInterpreter(m.Build(), interp, options);
}

// A reduction with a constant int32 axis list and ReducerOptions.
inline SingleOpModel ReduceModel(tfl::BuiltinOperator op, TensorSpec in,
                                 std::vector<int32_t> axes, TensorSpec out,
                                 bool keep_dims = false) {
  const int32_t n = static_cast<int32_t>(axes.size());
  return OpModel(op, 1,
                 {std::move(in), Const("axis", DataType::kInt32, {n}, axes)},
                 {std::move(out)}, tfl::BuiltinOptions::ReducerOptions,
                 [keep_dims](flatbuffers::FlatBufferBuilder& fbb) {
                   return tfl::CreateReducerOptions(fbb, keep_dims).Union();
                 });
}

// Prepare's status (empty message when it succeeds).
inline Status PrepareStatus(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return Make(m, &interp);
}

// Runs the model with input 0 = x and returns output 0 (and its shape).
template <typename Out, typename In>
std::vector<Out> RunOp(const SingleOpModel& m, const std::vector<In>& x,
                       Shape* out_shape = nullptr,
                       QuantArithmetic arith = QuantArithmetic::kTflite) {
  std::unique_ptr<Interpreter> interp;
  Status s = Make(m, &interp, arith);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  testing::SetInput(interp.get(), 0, x);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  if (out_shape) *out_shape = interp->output(0)->shape;
  return testing::GetOutput<Out>(*interp, 0);
}

// Invoke a few times and check that it allocates nothing.
inline void ExpectNoAllocInInvoke(const SingleOpModel& m) {
  std::unique_ptr<Interpreter> interp;
  Status s = Make(m, &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

inline std::vector<float> Iota(int n, float start = 0.0f) {
  std::vector<float> v(n);
  for (int i = 0; i < n; ++i) v[i] = start + static_cast<float>(i);
  return v;
}

#define EXPECT_PREPARE_ERROR(model, want_code, want_text)      \
  do {                                                         \
    const ::edgelite::Status s_ =                              \
        ::edgelite::spatial_test::PrepareStatus(model);        \
    EXPECT_EQ(s_.code(), want_code) << s_.message();           \
    EXPECT_NE(s_.message().find(want_text), std::string::npos) \
        << s_.message();                                       \
  } while (0)

}  // namespace spatial_test
}  // namespace edgelite

#endif  // EDGELITE_TESTS_OPS_SPATIAL_TEST_UTIL_H_
