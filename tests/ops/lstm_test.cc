// LSTM (builtin 16, FULL kernel): one step per Invoke() with input [batch,
// input], sharing the cell of UNIDIRECTIONAL_SEQUENCE_LSTM. Float variants
// against the textbook LSTM over consecutive invokes, hybrid close to float,
// the one-cell integer LSTM computed by hand, and the rejections (BASIC
// kernel, rank).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "ops/lstm_test_util.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

using lstm_test::FloatLstm;
using lstm_test::LstmModel;
using lstm_test::Variable;
using testing::Const;
using testing::Var;

// The sequence model of f (time 1) turned into an LSTM op model.
LstmModel StepModel(const FloatLstm& f, bool hybrid = false) {
  LstmModel m = lstm_test::FloatModel(f, false, hybrid);
  m.sequence = false;
  m.version = hybrid ? 3 : 1;
  m.slots[0].shape = {f.batch, f.n_input};
  m.output.shape = {f.batch, f.n_output};
  return m;
}

FloatLstm Config(bool cifg, bool peephole, bool projection, bool layer_norm,
                 uint32_t seed) {
  FloatLstm f;
  f.batch = 2;
  f.time = 1;
  f.n_input = 3;
  f.n_cell = 5;
  f.n_output = projection ? 3 : 5;
  f.cifg = cifg;
  f.peephole = peephole;
  f.projection = projection;
  f.projection_bias = projection;
  f.layer_norm = layer_norm;
  lstm_test::FillWeights(&f, seed);
  return f;
}

TEST(LstmOp, FloatStepsMatchTheFormula) {
  for (int variant = 0; variant < 16; ++variant) {
    const FloatLstm f = Config(variant & 1, variant & 2, variant & 4,
                               variant & 8, 40 + variant);
    LstmModel m = StepModel(f);
    m.cell_clip = 0.7f;
    std::unique_ptr<Interpreter> interp;
    Status s = testing::MakeInterpreter(m.Build(), &interp);
    ASSERT_TRUE(s.ok()) << "variant " << variant << ": " << s.message();
    std::vector<float> h(f.batch * f.n_output, 0.0f),
        c(f.batch * f.n_cell, 0.0f);
    for (int step = 0; step < 3; ++step) {
      const std::vector<float> x =
          lstm_test::Fill(f.batch * f.n_input, 100 + step, 1.2f);
      const std::vector<float> want =
          lstm_test::ReferenceLstm(f, x, &h, &c, 0.7f, 0.0f);
      testing::SetInput(interp.get(), 0, x);
      const int64_t before = testing::AllocationCount();
      ASSERT_TRUE(interp->Invoke().ok());
      EXPECT_EQ(testing::AllocationCount(), before);
      const std::vector<float> got = testing::GetOutput<float>(*interp, 0);
      ASSERT_EQ(got.size(), want.size());
      for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_NEAR(got[i], want[i], 2e-6f)
            << "variant " << variant << " step " << step << " index " << i;
      }
    }
  }
}

TEST(LstmOp, HybridIsCloseToFloat) {
  const FloatLstm f = Config(false, true, true, false, 77);
  std::unique_ptr<Interpreter> interp;
  ASSERT_TRUE(
      testing::MakeInterpreter(StepModel(f, true).Build(), &interp).ok());
  std::vector<float> h(f.batch * f.n_output, 0.0f), c(f.batch * f.n_cell, 0.0f);
  const std::vector<float> x = lstm_test::Fill(f.batch * f.n_input, 5, 1.0f);
  const std::vector<float> want = lstm_test::ReferenceLstm(f, x, &h, &c, 0, 0);
  testing::SetInput(interp.get(), 0, x);
  ASSERT_TRUE(interp->Invoke().ok());
  const std::vector<float> got = testing::GetOutput<float>(*interp, 0);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], 0.05f);
}

// The one-cell integer LSTM of unidirectional_sequence_lstm_test.cc
// (IntegerOneCellByHand): 22, then 35 from the carried state.
LstmModel IntegerOneCell() {
  LstmModel m;
  m.sequence = false;
  m.Set(0, Var("x", DataType::kInt8, {1, 1}, {1.0f / 128}, {0}));
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
  m.output = Var("y", DataType::kInt8, {1, 1}, {1.0f / 128}, {0});
  for (int i = 0; i < 4; ++i) {
    m.intermediates.push_back(
        Var("g" + std::to_string(i), DataType::kFloat32, {0}));
  }
  m.intermediates.push_back(
      Var("hidden", DataType::kInt8, {0}, {1.0f / 128}, {0}));
  return m;
}

TEST(LstmOp, IntegerOneCellByHand) {
  std::unique_ptr<Interpreter> interp;
  Status s = testing::MakeInterpreter(IntegerOneCell().Build(), &interp);
  ASSERT_TRUE(s.ok()) << s.message();
  testing::SetInput(interp.get(), 0, std::vector<int8_t>{64});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int8_t>(*interp, 0), std::vector<int8_t>{22});
  ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::GetOutput<int8_t>(*interp, 0), std::vector<int8_t>{35});
}

std::string Error(const LstmModel& m) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(m.Build(), &interp);
  EXPECT_FALSE(s.ok());
  return s.message();
}

TEST(LstmOp, Rejections) {
  const FloatLstm f = Config(false, false, false, false, 1);
  {
    LstmModel m = StepModel(f);
    m.kernel_type = 1;
    EXPECT_EQ(Error(m),
              "op 0 (LSTM v1): kernel_type BASIC (the 4-input uint8 LSTM) is "
              "not supported, only FULL");
  }
  {
    LstmModel m = StepModel(f);
    m.slots[0].shape = {2, 1, 3};
    m.output.shape = {2, 1, 5};
    EXPECT_EQ(Error(m),
              "op 0 (LSTM v1): input 0 (tensor 0 'x'): expected rank 2, got "
              "shape [2, 1, 3]");
  }
  {
    LstmModel m = IntegerOneCell();
    for (int i = 0; i < 7; ++i) {
      m.intermediates.push_back(
          Var("extra" + std::to_string(i), DataType::kInt8, {0}, {0.01f}, {0}));
    }
    EXPECT_EQ(Error(m),
              "op 0 (LSTM v1): the integer LSTM with 8-bit gates (\"8x8→8\", "
              "12 intermediate tensors) is not supported, only 8x8→16 (5 "
              "intermediate tensors)");
  }
  {
    LstmModel m = StepModel(f);
    m.slots[lstm_test::kCellState].shape = {3, 5};
    EXPECT_EQ(Error(m),
              "op 0 (LSTM v1): input 19 (tensor 14 'c'): the cell state has 15 "
              "elements, expected batch × cells = 10");
  }
}

}  // namespace
}  // namespace edgelite
