// UNIDIRECTIONAL_SEQUENCE_LSTM: float variants against a textbook LSTM
// written from the formulas (tests/ops/lstm_test_util.h), time-major vs
// batch-major, state carried across Invoke() calls, hybrid close to float, a
// one-cell integer LSTM computed by hand in fixed point, the shared
// trained_lstm_int8.tflite against bytes recorded from TFLite, and the
// rejected configurations with their messages.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "ops/lstm_test_util.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

using lstm_test::FloatLstm;
using lstm_test::FloatModel;
using lstm_test::LstmModel;
using lstm_test::Variable;
using testing::Const;
using testing::Var;

Status Make(const LstmModel& m, std::unique_ptr<Interpreter>* interp) {
  return testing::MakeInterpreter(m.Build(), interp);
}

std::vector<float> RunFloat(Interpreter* interp, const std::vector<float>& x) {
  testing::SetInput(interp, 0, x);
  const Status s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  return testing::GetOutput<float>(*interp, 0);
}

void ExpectNear(const std::vector<float>& got, const std::vector<float>& want,
                float tol, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_NEAR(got[i], want[i], tol) << what << " index " << i;
  }
}

struct Variant {
  const char* name;
  bool cifg, peephole, projection, projection_bias, layer_norm;
  int n_output;
  float cell_clip, proj_clip;
};

const Variant kVariants[] = {
    {"plain", false, false, false, false, false, 4, 0, 0},
    {"cifg", true, false, false, false, false, 4, 0, 0},
    {"peephole", false, true, false, false, false, 4, 0, 0},
    {"cifg_peephole", true, true, false, false, false, 4, 0, 0},
    {"projection", false, false, true, false, false, 3, 0, 0},
    {"projection_bias_clip", false, false, true, true, false, 5, 0.6f, 0.3f},
    {"layer_norm", false, false, false, false, true, 4, 0, 0},
    {"layer_norm_cifg_peephole", true, true, false, false, true, 4, 0, 0},
    {"everything", false, true, true, true, true, 2, 0.4f, 0.5f},
};

FloatLstm MakeFloat(const Variant& v, int batch, int time, uint32_t seed) {
  FloatLstm f;
  f.batch = batch;
  f.time = time;
  f.n_input = 3;
  f.n_cell = 4;
  f.n_output = v.projection ? v.n_output : 4;
  f.cifg = v.cifg;
  f.peephole = v.peephole;
  f.projection = v.projection;
  f.projection_bias = v.projection_bias;
  f.layer_norm = v.layer_norm;
  lstm_test::FillWeights(&f, seed);
  return f;
}

TEST(UnidirectionalSequenceLstm, FloatVariantsMatchTheFormula) {
  for (const Variant& v : kVariants) {
    FloatLstm f = MakeFloat(v, 2, 3, 7);
    LstmModel m = FloatModel(f);
    m.cell_clip = v.cell_clip;
    m.proj_clip = v.proj_clip;
    std::unique_ptr<Interpreter> interp;
    Status s = Make(m, &interp);
    ASSERT_TRUE(s.ok()) << v.name << ": " << s.message();
    const std::vector<float> x = lstm_test::Fill(2 * 3 * 3, 99, 1.5f);
    std::vector<float> h(2 * f.n_output, 0.0f), c(2 * f.n_cell, 0.0f);
    const std::vector<float> want =
        lstm_test::ReferenceLstm(f, x, &h, &c, v.cell_clip, v.proj_clip);
    ExpectNear(RunFloat(interp.get(), x), want, 2e-6f, v.name);
    // The second call starts from the state the first one left.
    const std::vector<float> want2 =
        lstm_test::ReferenceLstm(f, x, &h, &c, v.cell_clip, v.proj_clip);
    ExpectNear(RunFloat(interp.get(), x), want2, 2e-6f,
               std::string(v.name) + " (second invoke)");
  }
}

TEST(UnidirectionalSequenceLstm, TimeMajorIsTheTransposedLayout) {
  const Variant& v = kVariants[8];
  FloatLstm f = MakeFloat(v, 3, 2, 11);
  const std::vector<float> x = lstm_test::Fill(3 * 2 * 3, 5, 1.0f);
  std::vector<float> xt(x.size());  // [time, batch, input]
  for (int b = 0; b < 3; ++b) {
    for (int t = 0; t < 2; ++t) {
      for (int k = 0; k < 3; ++k)
        xt[(t * 3 + b) * 3 + k] = x[(b * 2 + t) * 3 + k];
    }
  }
  LstmModel m = FloatModel(f, /*time_major=*/true);
  m.cell_clip = v.cell_clip;
  m.proj_clip = v.proj_clip;
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(Make(m, &interp).ok());
  std::vector<float> h(3 * f.n_output, 0.0f), c(3 * f.n_cell, 0.0f);
  const std::vector<float> want =
      lstm_test::ReferenceLstm(f, x, &h, &c, v.cell_clip, v.proj_clip);
  const std::vector<float> got = RunFloat(interp.get(), xt);
  ASSERT_EQ(got.size(), want.size());
  for (int b = 0; b < 3; ++b) {
    for (int t = 0; t < 2; ++t) {
      for (int o = 0; o < f.n_output; ++o) {
        EXPECT_NEAR(got[(t * 3 + b) * f.n_output + o],
                    want[(b * 2 + t) * f.n_output + o], 2e-6f);
      }
    }
  }
}

// Two one-step invokes equal one two-step sequence; AllocateTensors() starts
// the state over.
TEST(UnidirectionalSequenceLstm, StateCarriesOverInvokesAndResets) {
  FloatLstm f2 = MakeFloat(kVariants[2], 1, 2, 3);
  FloatLstm f1 = f2;
  f1.time = 1;
  const std::vector<float> x = lstm_test::Fill(2 * 3, 8, 1.0f);
  std::unique_ptr<Interpreter> seq, step;
  ASSERT_TRUE(Make(FloatModel(f2), &seq).ok());
  ASSERT_TRUE(Make(FloatModel(f1), &step).ok());
  const std::vector<float> both = RunFloat(seq.get(), x);
  const std::vector<float> first =
      RunFloat(step.get(), std::vector<float>(x.begin(), x.begin() + 3));
  const std::vector<float> second =
      RunFloat(step.get(), std::vector<float>(x.begin() + 3, x.end()));
  for (int o = 0; o < 4; ++o) {
    EXPECT_EQ(first[o], both[o]);
    EXPECT_EQ(second[o], both[4 + o]);
  }
  ASSERT_TRUE(step->AllocateTensors().ok());
  EXPECT_EQ(RunFloat(step.get(), std::vector<float>(x.begin(), x.begin() + 3)),
            first);
}

// Hybrid: int8 weights, activations quantized per row at run time; close to
// the float LSTM of the dequantized weights.
TEST(UnidirectionalSequenceLstm, HybridIsCloseToFloat) {
  for (bool asymmetric : {false, true}) {
    for (const Variant& v : kVariants) {
      FloatLstm f = MakeFloat(v, 2, 3, 21);
      LstmModel m = FloatModel(f, false, /*hybrid=*/true);
      m.asymmetric = asymmetric;
      m.cell_clip = v.cell_clip;
      m.proj_clip = v.proj_clip;
      std::unique_ptr<Interpreter> interp;
      Status s = Make(m, &interp);
      ASSERT_TRUE(s.ok()) << v.name << ": " << s.message();
      const std::vector<float> x = lstm_test::Fill(2 * 3 * 3, 4, 1.0f);
      std::vector<float> h(2 * f.n_output, 0.0f), c(2 * f.n_cell, 0.0f);
      const std::vector<float> want =
          lstm_test::ReferenceLstm(f, x, &h, &c, v.cell_clip, v.proj_clip);
      ExpectNear(RunFloat(interp.get(), x), want, 0.05f,
                 std::string(v.name) + (asymmetric ? " asymmetric" : ""));
    }
  }
}

// One cell, one input, one step at a time, weights 1.0 (64 at scale 1/64),
// input 0.5 (64 at 1/128), no recurrent weight, cell scale 2^-11, hidden and
// output state at 1/128:
//  gate pre-activation: 64·64 · (1/64 · 1/128 / 2^-12 = 0.5) = 2048 (0.5 in
//    Q3.12); sigmoid(0.5) = 0.62246 → ≈20397 in Q0.15, tanh(0.5) = 0.46212
//    → ≈15143;
//  step 1: c = 20397·15143 >> 19 = 589 (0.2876); tanh(c) = 0.27998 → ≈9174;
//    h = 20397·9174 · 2^-23 = 22.3 → 22;
//  step 2: c = 589·20397 >> 15 (366.6 → 367) + 589 = 956 (0.4668);
//    tanh = 0.43563 → ≈14275; h = 20397·14275 · 2^-23 = 34.7 → 35.
// (± 2 LSB in the gemmlowp sigmoid/tanh moves none of these roundings.)
LstmModel OneCellInteger(int8_t input_zp_shift = 0) {
  LstmModel m;
  m.Set(0,
        Var("x", DataType::kInt8, {1, 1, 1}, {1.0f / 128}, {input_zp_shift}));
  for (int g = 0; g < 4; ++g) {
    const std::string n = std::to_string(g);
    m.Set(lstm_test::kInputW + g,
          Const("w" + n, DataType::kInt8, {1, 1}, std::vector<int8_t>{64},
                {1.0f / 64}, {0}));
    m.Set(lstm_test::kRecurrentW + g,
          Const("r" + n, DataType::kInt8, {1, 1}, std::vector<int8_t>{0},
                {1.0f / 64}, {0}));
    m.Set(lstm_test::kBias + g,
          Const("b" + n, DataType::kInt32, {1}, std::vector<int32_t>{0},
                {1.0f / 8192}, {0}));
  }
  m.Set(lstm_test::kOutState,
        Variable("h", DataType::kInt8, {1, 1}, {1.0f / 128}, {0}));
  m.Set(lstm_test::kCellState,
        Variable("c", DataType::kInt16, {1, 1}, {1.0f / 2048}, {0}));
  m.output = Var("y", DataType::kInt8, {1, 1, 1}, {1.0f / 128}, {0});
  for (int i = 0; i < 4; ++i) {
    m.intermediates.push_back(
        Var("gate" + std::to_string(i), DataType::kFloat32, {0}));
  }
  m.intermediates.push_back(
      Var("hidden", DataType::kInt8, {0}, {1.0f / 128}, {0}));
  return m;
}

TEST(UnidirectionalSequenceLstm, IntegerOneCellByHand) {
  std::unique_ptr<Interpreter> interp;
  Status s = Make(OneCellInteger(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  testing::SetInput(interp.get(), 0, std::vector<int8_t>{64});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int8_t>(*interp, 0), std::vector<int8_t>{22});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int8_t>(*interp, 0), std::vector<int8_t>{35});
}

// QuantArithmetic::kMicro computes the same (TFLite builtin) arithmetic:
// tflite-micro's LSTM is a different kernel, not modelled.
TEST(UnidirectionalSequenceLstm, MicroArithmeticIsTheSame) {
  InterpreterOptions options;
  options.arithmetic = QuantArithmetic::kMicro;
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(OneCellInteger().Build(), &interp, options)
          .ok());
  testing::SetInput(interp.get(), 0, std::vector<int8_t>{64});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int8_t>(*interp, 0), std::vector<int8_t>{22});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int8_t>(*interp, 0), std::vector<int8_t>{35});
}

// TFLite's ResetVariableTensor fills int8 variables with their zero point.
TEST(UnidirectionalSequenceLstm, Int8StateStartsAtItsZeroPoint) {
  LstmModel m = OneCellInteger();
  m.slots[lstm_test::kOutState].zero_points = {-7};
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(Make(m, &interp).ok());
  int state = -1;
  for (int t = 0; t < 20; ++t) {
    if (std::string(interp->tensor(t)->name) == "h") state = t;
  }
  ASSERT_GE(state, 0);
  EXPECT_EQ(interp->tensor(state)->Data<int8_t>()[0], -7);
}

std::string Hex(const uint8_t* p, size_t n) {
  static const char* kDigits = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s += kDigits[p[i] >> 4];
    s += kDigits[p[i] & 15];
  }
  return s;
}

std::vector<uint8_t> FromHex(const std::string& h) {
  std::vector<uint8_t> out(h.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<uint8_t>(std::stoi(h.substr(2 * i, 2), nullptr, 16));
  }
  return out;
}

// The shared model against TFLite (tfjs-tflite), four consecutive invokes;
// see tests/data/golden/lstm_trained_int8_golden.txt for how the bytes were
// recorded.
TEST(UnidirectionalSequenceLstm, TrainedModelMatchesTfliteOverInvokes) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(
      testing::ReadFile(
          testing::SourcePath("tests/data/models/trained_lstm_int8.tflite")),
      &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  std::ifstream golden(
      testing::SourcePath("tests/data/golden/lstm_trained_int8_golden.txt"));
  ASSERT_TRUE(golden.good());
  std::string line;
  int invokes = 0;
  while (std::getline(golden, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    std::string key, value;
    in >> key >> value;
    if (key == "input") {
      const std::vector<uint8_t> x = FromHex(value);
      ASSERT_EQ(x.size(), interp->input(0)->bytes);
      std::memcpy(interp->input(0)->data, x.data(), x.size());
      const int64_t before = testing::AllocationCount();
      ASSERT_TRUE(interp->Invoke().ok());
      EXPECT_EQ(testing::AllocationCount(), before) << "Invoke allocated";
      ++invokes;
    } else if (key == "lstm") {
      const Tensor* t = interp->tensor(23);
      EXPECT_EQ(Hex(t->data, t->bytes), value) << "invoke " << invokes;
    } else if (key == "output") {
      const Tensor* t = interp->output(0);
      EXPECT_EQ(Hex(t->data, t->bytes), value) << "invoke " << invokes;
    }
  }
  EXPECT_EQ(invokes, 4);
}

TEST(UnidirectionalSequenceLstm, InvokeAllocatesNothing) {
  for (bool hybrid : {false, true}) {
    FloatLstm f = MakeFloat(kVariants[8], 2, 3, 1);
    std::unique_ptr<Interpreter> interp;
    ASSERT_TRUE(Make(FloatModel(f, false, hybrid), &interp).ok());
    const int64_t before = testing::AllocationCount();
    ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_EQ(testing::AllocationCount(), before);
  }
}

std::string Error(const LstmModel& m) {
  std::unique_ptr<Interpreter> interp;
  const Status s = Make(m, &interp);
  EXPECT_FALSE(s.ok());
  return s.message();
}

// No time steps: an empty output, the state untouched; no batch rows: empty
// states. Nothing is read out of bounds.
TEST(UnidirectionalSequenceLstm, EmptySequenceAndBatch) {
  FloatLstm f = MakeFloat(kVariants[8], 1, 0, 2);
  std::unique_ptr<Interpreter> interp;
  Status s = Make(FloatModel(f), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(interp->output(0)->shape.ToString(), "[1, 0, 2]");
  FloatLstm g = MakeFloat(kVariants[8], 0, 2, 2);
  s = Make(FloatModel(g), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(interp->output(0)->NumElements(), 0);
}

TEST(UnidirectionalSequenceLstm, Rejections) {
  const std::string op = "op 0 (UNIDIRECTIONAL_SEQUENCE_LSTM v1): ";
  FloatLstm f = MakeFloat(kVariants[0], 1, 2, 1);
  {
    LstmModel m = FloatModel(f);
    m.num_inputs = 21;
    EXPECT_EQ(Error(m), op + "expects 20 or 24 inputs, has 21");
  }
  {
    LstmModel m = FloatModel(f);
    m.diagonal = true;
    EXPECT_EQ(Error(m), op + "diagonal_recurrent_tensors is not supported");
  }
  {
    LstmModel m = FloatModel(f);
    m.present[lstm_test::kInputW] = false;  // CIFG weights half present
    EXPECT_EQ(Error(m), op + "input-gate weights (inputs 1 and 5) must be both "
                             "present or both absent (CIFG)");
  }
  {
    LstmModel m = FloatModel(f);
    m.slots[lstm_test::kOutState].is_variable = false;
    m.slots[lstm_test::kOutState].data =
        testing::Bytes(std::vector<float>(4, 0.0f));
    EXPECT_EQ(Error(m), op + "input 18 (tensor 13 'h'): the output state must "
                             "be a variable tensor");
  }
  {
    LstmModel m = FloatModel(f);
    m.Set(lstm_test::kPeephole + 1,
          Const("p1", DataType::kFloat32, {4}, std::vector<float>(4, 0)));
    EXPECT_EQ(Error(m), op +
                            "peephole weights (inputs 9, 10, 11) must be all "
                            "present (input 9 absent with CIFG) or all absent");
  }
  {
    LstmModel m = FloatModel(f);
    m.Set(lstm_test::kProjB,
          Const("pb", DataType::kFloat32, {4}, std::vector<float>(4, 0)));
    EXPECT_EQ(Error(m), op + "input 17 (tensor 13 'pb'): a projection bias "
                             "needs projection weights (input 16)");
  }
  {
    LstmModel m = FloatModel(f);
    m.slots[lstm_test::kRecurrentW + 2].shape = {4, 3};
    m.slots[lstm_test::kRecurrentW + 2].data =
        testing::Bytes(std::vector<float>(12, 0.0f));
    EXPECT_EQ(Error(m), op + "input 7 (tensor 7 'r2'): recurrent weights "
                             "[cells, outputs]: expected shape [4, 4], got "
                             "[4, 3]");
  }
  {
    LstmModel m = FloatModel(f);
    m.slots[0].type = DataType::kInt16;
    m.slots[0].scales = {1.0f};
    m.slots[0].zero_points = {0};
    EXPECT_EQ(Error(m), op + "input type int16 with float32 weights is not "
                             "supported (float32 with float32 or int8 weights, "
                             "or int8 with int8 weights)");
  }
  {
    LstmModel m = FloatModel(f, false, /*hybrid=*/true);
    m.slots[lstm_test::kInputW + 3].scales = {0.1f, 0.1f, 0.1f, 0.1f};
    m.slots[lstm_test::kInputW + 3].zero_points = {0, 0, 0, 0};
    EXPECT_EQ(Error(m), op + "input 4 (tensor 4 'w3'): expected per-tensor "
                             "quantization, got 4 scales");
  }
  {
    LstmModel m = OneCellInteger();
    m.intermediates.pop_back();
    EXPECT_EQ(Error(m), op +
                            "an integer LSTM needs 5 intermediate tensors (the "
                            "gate and hidden quantization), has 4");
  }
  {
    LstmModel m = OneCellInteger();
    m.slots[lstm_test::kCellState].scales = {1.0f / 3000};
    EXPECT_EQ(Error(m), op + "input 19 (tensor 14 'c'): the cell state scale "
                             "0.000333333 is not a power of two");
  }
  {
    LstmModel m = OneCellInteger();
    m.slots[lstm_test::kCellState].scales = {1.0f / 256};
    EXPECT_EQ(Error(m), op + "input 19 (tensor 14 'c'): the cell state scale "
                             "2^-8 is outside TFLite's range 2^-15 … 2^-9");
  }
  {
    LstmModel m = OneCellInteger();
    m.slots[lstm_test::kBias + 1].type = DataType::kFloat32;
    EXPECT_EQ(Error(m), op + "input 13 (tensor 10 'b1'): gate bias must be "
                             "int32, got float32");
  }
}

}  // namespace
}  // namespace edgelite
