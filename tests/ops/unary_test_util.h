// Helpers for the single-input, single-output op tests (TANH, EXP, CAST, …):
// build the one-op model, run it in either QuantArithmetic mode, read the
// Prepare or Invoke status, count allocations during Invoke.
#ifndef EDGELITE_TESTS_OPS_UNARY_TEST_UTIL_H_
#define EDGELITE_TESTS_OPS_UNARY_TEST_UTIL_H_

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
namespace unary_test {

using testing::SingleOpModel;
using testing::TensorSpec;
using testing::Var;

// The operator: builtin code, version and (optionally) its options table.
struct OpDesc {
  tfl::BuiltinOperator code;
  int32_t version = 1;
  tfl::BuiltinOptions options_type = tfl::BuiltinOptions::NONE;
  testing::OptionsWriter options;
};

inline OpDesc OpOf(tfl::BuiltinOperator code, int32_t version = 1) {
  OpDesc d;
  d.code = code;
  d.version = version;
  return d;
}

inline std::vector<uint8_t> Model(const OpDesc& op, const TensorSpec& in,
                                  const TensorSpec& out) {
  SingleOpModel m;
  m.inputs = {in};
  m.outputs = {out};
  m.op.builtin_code = static_cast<int32_t>(op.code);
  m.op.version = op.version;
  m.op.options_type = op.options_type;
  m.op.options = op.options;
  return m.Build();
}

inline Status MakeInterp(const std::vector<uint8_t>& model,
                         std::unique_ptr<Interpreter>* interp,
                         QuantArithmetic mode = QuantArithmetic::kTflite) {
  InterpreterOptions options;
  options.arithmetic = mode;
  return testing::MakeInterpreter(model, interp, options);
}

// Runs the model on `input`; the output read back as TO.
template <typename TO, typename TI>
std::vector<TO> RunUnary(const std::vector<uint8_t>& model,
                         const std::vector<TI>& input,
                         QuantArithmetic mode = QuantArithmetic::kTflite) {
  std::unique_ptr<Interpreter> interp;
  Status s = MakeInterp(model, &interp, mode);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  EXPECT_EQ(interp->input(0)->bytes, input.size() * sizeof(TI));
  testing::SetInput(interp.get(), 0, input);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<TO>(*interp, 0);
}

inline Status PrepareStatus(const std::vector<uint8_t>& model,
                            QuantArithmetic mode = QuantArithmetic::kTflite) {
  std::unique_ptr<Interpreter> interp;
  return MakeInterp(model, &interp, mode);
}

template <typename TI>
Status InvokeStatus(const std::vector<uint8_t>& model,
                    const std::vector<TI>& input) {
  std::unique_ptr<Interpreter> interp;
  Status s = MakeInterp(model, &interp);
  if (!s.ok()) return s;
  testing::SetInput(interp.get(), 0, input);
  return interp->Invoke();
}

inline bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

inline std::vector<uint32_t> Bits(const std::vector<float>& v) {
  std::vector<uint32_t> out(v.size());
  if (!v.empty()) std::memcpy(out.data(), v.data(), v.size() * sizeof(float));
  return out;
}

// Prepares the model, invokes once, then checks further invokes allocate
// nothing.
inline void ExpectInvokeAllocatesNothing(const std::vector<uint8_t>& model) {
  std::unique_ptr<Interpreter> interp;
  Status s = MakeInterp(model, &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

}  // namespace unary_test
}  // namespace edgelite

#endif  // EDGELITE_TESTS_OPS_UNARY_TEST_UTIL_H_
