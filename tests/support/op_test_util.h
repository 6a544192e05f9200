// Small helpers shared by the single-op tests: tensor specs for
// model_builder's SingleOpModel, running a one-input model, and checking the
// error a model is refused with.
#ifndef EDGELITE_TESTS_SUPPORT_OP_TEST_UTIL_H_
#define EDGELITE_TESTS_SUPPORT_OP_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/interpreter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace testing {

// A non-constant tensor (a graph input or output); per-tensor quantization
// when one scale is given, per-channel with several.
inline TensorSpec Var(const std::string& name, DataType type,
                      std::vector<int32_t> shape,
                      std::vector<float> scales = {},
                      std::vector<int64_t> zps = {}) {
  TensorSpec s;
  s.name = name;
  s.type = type;
  s.shape = std::move(shape);
  s.scales = std::move(scales);
  s.zero_points = std::move(zps);
  return s;
}

// A constant tensor holding `values`; `qdim` is the quantized dimension of a
// per-channel quantization.
template <typename T>
TensorSpec Const(const std::string& name, DataType type,
                 std::vector<int32_t> shape, const std::vector<T>& values,
                 std::vector<float> scales = {}, std::vector<int64_t> zps = {},
                 int32_t qdim = 0) {
  TensorSpec s =
      Var(name, type, std::move(shape), std::move(scales), std::move(zps));
  s.quantized_dimension = qdim;
  s.data = Bytes(values);
  return s;
}

// An absent optional input (operator input index -1).
inline TensorSpec Absent() {
  TensorSpec s;
  s.shape = {-1};
  return s;
}

// A single-op model; `options` writes the builtin options table (or none).
inline SingleOpModel OpModel(
    tfl::BuiltinOperator op, int version, std::vector<TensorSpec> inputs,
    std::vector<TensorSpec> outputs,
    tfl::BuiltinOptions options_type = tfl::BuiltinOptions::NONE,
    OptionsWriter options = nullptr) {
  SingleOpModel m;
  m.inputs = std::move(inputs);
  m.outputs = std::move(outputs);
  m.op.builtin_code = static_cast<int32_t>(op);
  m.op.version = version;
  m.op.options_type = options_type;
  m.op.options = std::move(options);
  return m;
}

// Loads `model`, sets input 0, invokes and returns output 0 (its shape in
// *shape when given). Failures are reported as test failures.
template <typename T>
std::vector<T> RunOp(const std::vector<uint8_t>& model,
                     const std::vector<T>& input,
                     QuantArithmetic mode = QuantArithmetic::kTflite,
                     Shape* shape = nullptr) {
  InterpreterOptions options;
  options.arithmetic = mode;
  std::unique_ptr<Interpreter> interp;
  Status s = MakeInterpreter(model, &interp, options);
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return {};
  SetInput(interp.get(), 0, input);
  s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  if (shape != nullptr) *shape = interp->output(0)->shape;
  return GetOutput<T>(*interp, 0);
}

// int8/uint8 vectors as ints, so failures print numbers.
template <typename T>
std::vector<int> Ints(const std::vector<T>& v) {
  return std::vector<int>(v.begin(), v.end());
}

// The status of loading and preparing `model`.
inline Status PrepareError(const std::vector<uint8_t>& model) {
  std::unique_ptr<Interpreter> interp;
  return MakeInterpreter(model, &interp);
}

// Preparing `model` fails with `code` and a message containing `fragment`.
inline void ExpectError(const std::vector<uint8_t>& model, StatusCode code,
                        const std::string& fragment) {
  Status s = PrepareError(model);
  EXPECT_EQ(s.code(), code) << s.message();
  EXPECT_NE(s.message().find(fragment), std::string::npos) << s.message();
}

}  // namespace testing
}  // namespace edgelite

#endif  // EDGELITE_TESTS_SUPPORT_OP_TEST_UTIL_H_
