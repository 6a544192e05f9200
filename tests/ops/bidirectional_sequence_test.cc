// BIDIRECTIONAL_SEQUENCE_RNN and BIDIRECTIONAL_SEQUENCE_LSTM (float32; the
// LSTM also hybrid, time-major): hand-computed sequences, equality with a
// forward unidirectional run concatenated with a backward one (the
// unidirectional op over the reversed sequence, reversed back), merge_outputs
// and time_major both ways, the auxiliary input as the backward cell's input,
// states kept across Invokes, refusals and "Invoke allocates nothing".
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "lstm_test_util.h"
#include "support/alloc_counter.h"
#include "support/model_builder.h"

namespace edgelite {
namespace {

using lstm_test::Variable;
using testing::Const;
using testing::TensorSpec;
using testing::Var;
using Act = tfl::ActivationFunctionType;

// A model of one operator: inputs by slot (name "" = absent); tensors that
// are neither constants nor variables become model inputs, in slot order.
struct OpModel {
  int32_t code = 0;
  std::vector<TensorSpec> slots;
  std::vector<TensorSpec> outputs;
  tfl::BuiltinOptions options_type = tfl::BuiltinOptions::NONE;
  testing::OptionsWriter options;

  std::vector<uint8_t> Build() const {
    testing::ModelBuilder b;
    testing::OperatorSpec op;
    op.builtin_code = code;
    std::vector<int32_t> model_inputs, model_outputs;
    for (const TensorSpec& s : slots) {
      if (s.name.empty()) {
        op.inputs.push_back(-1);
        continue;
      }
      const int idx = b.AddTensor(s);
      op.inputs.push_back(idx);
      if (s.data.empty() && !s.is_variable) model_inputs.push_back(idx);
    }
    for (const TensorSpec& s : outputs) {
      model_outputs.push_back(b.AddTensor(s));
    }
    op.outputs = model_outputs;
    op.options_type = options_type;
    op.options = options;
    b.AddOperator(op);
    b.SetInputs(model_inputs);
    b.SetOutputs(model_outputs);
    return b.Build();
  }
};

std::unique_ptr<Interpreter> Make(const OpModel& m) {
  std::unique_ptr<Interpreter> interp;
  const Status s = testing::MakeInterpreter(m.Build(), &interp);
  EXPECT_TRUE(s.ok()) << s.message();
  return interp;
}

Status MakeError(const OpModel& m) {
  std::unique_ptr<Interpreter> interp;
  return testing::MakeInterpreter(m.Build(), &interp);
}

std::vector<std::vector<float>> RunOp(Interpreter* interp,
                                      const std::vector<std::vector<float>>& in,
                                      int num_outputs) {
  for (size_t i = 0; i < in.size(); ++i) {
    testing::SetInput(interp, static_cast<int>(i), in[i]);
  }
  const Status s = interp->Invoke();
  EXPECT_TRUE(s.ok()) << s.message();
  std::vector<std::vector<float>> out;
  for (int i = 0; i < num_outputs; ++i) {
    out.push_back(testing::GetOutput<float>(*interp, i));
  }
  return out;
}

// Reverses the time axis of a [time, batch, n] or [batch, time, n] buffer.
std::vector<float> ReverseTime(const std::vector<float>& v, int time, int batch,
                               int n, bool time_major) {
  std::vector<float> r(v.size());
  for (int t = 0; t < time; ++t) {
    for (int b = 0; b < batch; ++b) {
      const int from = time_major ? t * batch + b : b * time + t;
      const int to =
          time_major ? (time - 1 - t) * batch + b : b * time + (time - 1 - t);
      std::copy(v.begin() + from * n, v.begin() + (from + 1) * n,
                r.begin() + to * n);
    }
  }
  return r;
}

// Rows of a (width n) and b (width m) side by side.
std::vector<float> Concat(const std::vector<float>& a, int n,
                          const std::vector<float>& b, int m) {
  std::vector<float> r;
  const size_t rows = a.size() / n;
  for (size_t i = 0; i < rows; ++i) {
    r.insert(r.end(), a.begin() + i * n, a.begin() + (i + 1) * n);
    r.insert(r.end(), b.begin() + i * m, b.begin() + (i + 1) * m);
  }
  return r;
}

// ---------------------------------------------------------------- RNN

struct RnnCell {
  int units = 1, input = 1;
  std::vector<float> w, r, b;
};

RnnCell MakeRnnCell(int units, int input, uint32_t seed) {
  RnnCell c;
  c.units = units;
  c.input = input;
  c.w = lstm_test::Fill(units * input, seed + 1, 0.8f);
  c.r = lstm_test::Fill(units * units, seed + 2, 0.5f);
  c.b = lstm_test::Fill(units, seed + 3, 0.3f);
  return c;
}

void AddRnnCell(std::vector<TensorSpec>* slots, const std::string& p,
                const RnnCell& c, int batch) {
  slots->push_back(Const(p + "w", DataType::kFloat32, {c.units, c.input}, c.w));
  slots->push_back(Const(p + "r", DataType::kFloat32, {c.units, c.units}, c.r));
  slots->push_back(Const(p + "b", DataType::kFloat32, {c.units}, c.b));
  slots->push_back(Variable(p + "h", DataType::kFloat32, {batch, c.units}));
}

std::vector<int32_t> SeqShape(bool time_major, int time, int batch, int n) {
  return time_major ? std::vector<int32_t>{time, batch, n}
                    : std::vector<int32_t>{batch, time, n};
}

OpModel BidiRnn(const RnnCell& fw, const RnnCell& bw, int time, int batch,
                bool time_major, bool merge, Act act = Act::NONE,
                bool aux = false) {
  OpModel m;
  m.code =
      static_cast<int32_t>(tfl::BuiltinOperator::BIDIRECTIONAL_SEQUENCE_RNN);
  m.slots.push_back(Var("x", DataType::kFloat32,
                        SeqShape(time_major, time, batch, fw.input)));
  AddRnnCell(&m.slots, "fw_", fw, batch);
  AddRnnCell(&m.slots, "bw_", bw, batch);
  m.slots.push_back(aux ? Var("aux", DataType::kFloat32,
                              SeqShape(time_major, time, batch, fw.input))
                        : TensorSpec());
  m.slots.push_back(TensorSpec());
  m.slots.push_back(TensorSpec());
  m.outputs.push_back(Var(
      "fw_y", DataType::kFloat32,
      SeqShape(time_major, time, batch, fw.units + (merge ? bw.units : 0))));
  if (!merge) {
    m.outputs.push_back(
        Var("bw_y", DataType::kFloat32, {batch, time, bw.units}));
  }
  m.options_type = tfl::BuiltinOptions::BidirectionalSequenceRNNOptions;
  m.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateBidirectionalSequenceRNNOptions(fbb, time_major, act,
                                                      merge)
        .Union();
  };
  return m;
}

OpModel UniRnn(const RnnCell& c, int time, int batch, bool time_major,
               Act act) {
  OpModel m;
  m.code =
      static_cast<int32_t>(tfl::BuiltinOperator::UNIDIRECTIONAL_SEQUENCE_RNN);
  m.slots.push_back(
      Var("x", DataType::kFloat32, SeqShape(time_major, time, batch, c.input)));
  AddRnnCell(&m.slots, "", c, batch);
  m.outputs.push_back(
      Var("y", DataType::kFloat32, SeqShape(time_major, time, batch, c.units)));
  m.options_type = tfl::BuiltinOptions::SequenceRNNOptions;
  m.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateSequenceRNNOptions(fbb, time_major, act).Union();
  };
  return m;
}

RnnCell Scalar(float w, float r, float b) {
  RnnCell c;
  c.w = {w};
  c.r = {r};
  c.b = {b};
  return c;
}

// fw: y = x + h (a running sum); bw: y = 1 + 2x + 0.5h from the last step.
// x = 1, 2, 3: fw 1, 3, 6; bw t2: 1 + 6 = 7, t1: 1 + 4 + 3.5 = 8.5,
// t0: 1 + 2 + 4.25 = 7.25. The second Invoke starts from fw h = 6 (its last
// step) and bw h = 7.25 (its last step, t0): fw 7, 9, 12; bw t2: 7 + 3.625 =
// 10.625, t1: 5 + 5.3125 = 10.3125, t0: 3 + 5.15625 = 8.15625.
TEST(BidirectionalSequenceRnnTest, HandComputedMergedStateCarries) {
  auto interp =
      Make(BidiRnn(Scalar(1, 1, 0), Scalar(2, 0.5f, 1), 3, 1, false, true));
  ASSERT_TRUE(interp);
  EXPECT_EQ(RunOp(interp.get(), {{1, 2, 3}}, 1)[0],
            (std::vector<float>{1, 7.25f, 3, 8.5f, 6, 7}));
  EXPECT_EQ(RunOp(interp.get(), {{1, 2, 3}}, 1)[0],
            (std::vector<float>{7, 8.15625f, 9, 10.3125f, 12, 10.625f}));
}

// Time-major, two outputs: running sums forward and backward per batch row.
// TFLite gives the backward output the shape [batch, time, units] even when
// time-major, and writes it time-major.
TEST(BidirectionalSequenceRnnTest, TimeMajorTwoOutputsKeepsTfliteBwShape) {
  auto interp =
      Make(BidiRnn(Scalar(1, 1, 0), Scalar(1, 1, 0), 3, 2, true, false));
  ASSERT_TRUE(interp);
  EXPECT_EQ(interp->output(1)->shape, Shape({2, 3, 1}));
  const auto out = RunOp(interp.get(), {{1, 10, 2, 20, 3, 30}}, 2);
  EXPECT_EQ(out[0], (std::vector<float>{1, 10, 3, 30, 6, 60}));
  EXPECT_EQ(out[1], (std::vector<float>{6, 60, 5, 50, 3, 30}));
}

// The auxiliary input without auxiliary weights feeds the backward cell
// when time-major; batch-major, TFLite's backward loop reads the main input.
TEST(BidirectionalSequenceRnnTest, AuxInputFeedsBackwardCellTimeMajor) {
  auto interp = Make(BidiRnn(Scalar(1, 1, 0), Scalar(1, 1, 0), 2, 1, true, true,
                             Act::NONE, true));
  ASSERT_TRUE(interp);
  EXPECT_EQ(RunOp(interp.get(), {{1, 2}, {10, 20}}, 1)[0],
            (std::vector<float>{1, 30, 3, 20}));
  auto batch_major = Make(BidiRnn(Scalar(1, 1, 0), Scalar(1, 1, 0), 2, 1, false,
                                  true, Act::NONE, true));
  ASSERT_TRUE(batch_major);
  EXPECT_EQ(RunOp(batch_major.get(), {{1, 2}, {10, 20}}, 1)[0],
            (std::vector<float>{1, 3, 3, 2}));
}

// Equal to UNIDIRECTIONAL_SEQUENCE_RNN forward | over the reversed sequence.
TEST(BidirectionalSequenceRnnTest, EqualsTwoUnidirectionalRuns) {
  const int time = 4, batch = 2;
  const RnnCell fw = MakeRnnCell(3, 2, 7), bw = MakeRnnCell(2, 2, 8);
  const std::vector<float> x = lstm_test::Fill(time * batch * 2, 9, 1.5f);
  for (bool time_major : {false, true}) {
    for (bool merge : {false, true}) {
      SCOPED_TRACE(::testing::Message()
                   << "time_major " << time_major << " merge " << merge);
      auto bi =
          Make(BidiRnn(fw, bw, time, batch, time_major, merge, Act::TANH));
      auto uf = Make(UniRnn(fw, time, batch, time_major, Act::TANH));
      auto ub = Make(UniRnn(bw, time, batch, time_major, Act::TANH));
      ASSERT_TRUE(bi && uf && ub);
      for (int invoke = 0; invoke < 2; ++invoke) {
        const auto got = RunOp(bi.get(), {x}, merge ? 1 : 2);
        const auto f = RunOp(uf.get(), {x}, 1)[0];
        const auto b = ReverseTime(
            RunOp(ub.get(), {ReverseTime(x, time, batch, 2, time_major)}, 1)[0],
            time, batch, 2, time_major);
        if (merge) {
          EXPECT_EQ(got[0], Concat(f, 3, b, 2));
        } else {
          EXPECT_EQ(got[0], f);
          EXPECT_EQ(got[1], b);
        }
      }
    }
  }
}

TEST(BidirectionalSequenceRnnTest, InvokeAllocatesNothing) {
  auto interp = Make(BidiRnn(MakeRnnCell(3, 2, 1), MakeRnnCell(3, 2, 2), 3, 2,
                             true, true, Act::TANH));
  ASSERT_TRUE(interp);
  ASSERT_TRUE(interp->Invoke().ok());
  const int64_t before = testing::AllocationCount();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
  EXPECT_EQ(testing::AllocationCount(), before);
}

void ExpectError(const Status& s, StatusCode code, const std::string& what) {
  EXPECT_EQ(s.code(), code) << s.message();
  EXPECT_NE(s.message().find(what), std::string::npos) << s.message();
}

TEST(BidirectionalSequenceRnnTest, Refusals) {
  const RnnCell c = Scalar(1, 1, 0);
  OpModel m = BidiRnn(c, c, 2, 1, false, true);
  m.slots[10] =
      Const("fw_aux_w", DataType::kFloat32, {1, 1}, std::vector<float>{1});
  ExpectError(MakeError(m), StatusCode::kUnsupported,
              "op 0 (BIDIRECTIONAL_SEQUENCE_RNN v1): input 10 (tensor 9 "
              "'fw_aux_w'): auxiliary input weights (inputs 10 and 11, the "
              "cross-linked stacking of stack_bidirectional_rnn) are not "
              "supported");
  m = BidiRnn(c, c, 2, 1, false, false);
  m.outputs.pop_back();
  ExpectError(MakeError(m), StatusCode::kInvalidModel,
              "expects 2 outputs (merge_outputs false), has 1");
  m = BidiRnn(c, c, 2, 1, false, true);
  m.slots[5] = Const("bw_w", DataType::kInt8, {1, 1}, std::vector<int8_t>{1},
                     {0.5f}, {0});
  ExpectError(MakeError(m), StatusCode::kUnsupported,
              "input 5 (tensor 5 'bw_w'): hybrid RNN (int8 weights) is not "
              "supported yet");
  m = BidiRnn(c, c, 2, 1, false, true, Act::NONE, true);
  m.slots[9].shape = {1, 3, 1};
  ExpectError(MakeError(m), StatusCode::kInvalidModel,
              "input 9 (tensor 9 'aux'): the auxiliary input (the backward "
              "cell's input) must be float32 of the input's shape [1, 2, 1], "
              "got float32 [1, 3, 1]");
  m = BidiRnn(c, c, 2, 1, false, true);
  m.slots[8].shape = {2, 1};
  ExpectError(MakeError(m), StatusCode::kInvalidModel,
              "input 8 (tensor 8 'bw_h'): hidden_state must have shape "
              "[1, 1], got [2, 1]");
}

// ---------------------------------------------------------------- LSTM

using lstm_test::FloatLstm;
using lstm_test::LstmModel;

// 48 slots from two unidirectional models of the same input.
OpModel BidiLstm(const LstmModel& fw, const LstmModel& bw, bool merge,
                 bool time_major, Act act = Act::TANH, float cell_clip = 0,
                 float proj_clip = 0) {
  OpModel m;
  m.code =
      static_cast<int32_t>(tfl::BuiltinOperator::BIDIRECTIONAL_SEQUENCE_LSTM);
  m.slots.resize(48);
  auto take = [](const LstmModel& u, int slot, const std::string& prefix) {
    if (!u.present[slot]) return TensorSpec();
    TensorSpec s = u.slots[slot];
    s.name = prefix + s.name;
    return s;
  };
  m.slots[0] = fw.slots[0];
  for (int i = 1; i <= 17; ++i) {
    m.slots[i] = take(fw, i, "fw_");
    m.slots[17 + i] = take(bw, i, "bw_");
  }
  m.slots[35] = take(fw, 18, "fw_");
  m.slots[36] = take(fw, 19, "fw_");
  m.slots[37] = take(bw, 18, "bw_");
  m.slots[38] = take(bw, 19, "bw_");
  const int fw_n = fw.output.shape[2], bw_n = bw.output.shape[2];
  TensorSpec y = fw.output;
  y.name = "fw_y";
  if (merge) y.shape[2] = fw_n + bw_n;
  m.outputs.push_back(y);
  if (!merge) {
    TensorSpec yb = bw.output;
    yb.name = "bw_y";
    m.outputs.push_back(yb);
  }
  const bool asym = fw.asymmetric;
  m.options_type = tfl::BuiltinOptions::BidirectionalSequenceLSTMOptions;
  m.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
    return tfl::CreateBidirectionalSequenceLSTMOptions(
               fbb, act, cell_clip, proj_clip, merge, time_major, asym)
        .Union();
  };
  return m;
}

FloatLstm Tiny() {
  FloatLstm f;  // one input, one cell; everything zero but given below
  for (int g = 0; g < 4; ++g) {
    f.w[g] = {0.0f};
    f.r[g] = {0.0f};
    f.b[g] = {0.0f};
    f.p[g] = {0.0f};
    f.ln[g] = {1.0f};
  }
  f.time = 2;
  f.w[2] = {1.0f};  // cell gate = act(x)
  return f;
}

// All gates but the cell gate are sigmoid(0) = 1/2 and the cell gate is
// relu(x), so c = c/2 + relu(x)/2 and h = relu(c)/2. x = 2, 4:
// fw t0: c = 1, h = 0.5; t1: c = 0.5 + 2 = 2.5, h = 1.25.
// bw t1: c = 2, h = 1; t0: c = 1 + 1 = 2, h = 1.
// Second Invoke (cells from 2.5 and 2): fw c = 2.25, 3.125 → h = 1.125,
// 1.5625; bw t1: c = 3 → 1.5, t0: c = 2.5 → 1.25.
TEST(BidirectionalSequenceLstmTest, HandComputedMergedStateCarries) {
  const FloatLstm f = Tiny();
  const LstmModel u = lstm_test::FloatModel(f);
  auto interp = Make(BidiLstm(u, u, true, false, Act::RELU));
  ASSERT_TRUE(interp);
  EXPECT_EQ(interp->output(0)->shape, Shape({1, 2, 2}));
  EXPECT_EQ(RunOp(interp.get(), {{2, 4}}, 1)[0],
            (std::vector<float>{0.5f, 1, 1.25f, 1}));
  EXPECT_EQ(RunOp(interp.get(), {{2, 4}}, 1)[0],
            (std::vector<float>{1.125f, 1.25f, 1.5625f, 1.5f}));
}

// The same, time-major with two batch rows and two outputs (x row 1 = 2x).
TEST(BidirectionalSequenceLstmTest, HandComputedTimeMajorTwoOutputs) {
  FloatLstm f = Tiny();
  f.batch = 2;
  const LstmModel u = lstm_test::FloatModel(f, true);
  auto interp = Make(BidiLstm(u, u, false, true, Act::RELU));
  ASSERT_TRUE(interp);
  EXPECT_EQ(interp->output(1)->shape, Shape({2, 2, 1}));
  const auto out = RunOp(interp.get(), {{2, 4, 4, 8}}, 2);
  EXPECT_EQ(out[0], (std::vector<float>{0.5f, 1, 1.25f, 2.5f}));
  EXPECT_EQ(out[1], (std::vector<float>{1, 2, 1, 2}));
}

// The auxiliary input without auxiliary weights feeds the backward cell.
TEST(BidirectionalSequenceLstmTest, AuxInputFeedsBackwardCell) {
  const LstmModel u = lstm_test::FloatModel(Tiny());
  OpModel m = BidiLstm(u, u, true, false, Act::RELU);
  m.slots[39] = Var("aux", DataType::kFloat32, {1, 2, 1});
  auto interp = Make(m);
  ASSERT_TRUE(interp);
  // bw over 4, 8 (from the end): c = 4 → 2; c = 2 + 2 = 4 → 2.
  EXPECT_EQ(RunOp(interp.get(), {{2, 4}, {4, 8}}, 1)[0],
            (std::vector<float>{0.5f, 2, 1.25f, 2}));
}

struct Variant {
  bool cifg, peephole, projection, hybrid, asymmetric;
};

// Equal to UNIDIRECTIONAL_SEQUENCE_LSTM forward | over the reversed
// sequence, through the cell features and both layouts.
TEST(BidirectionalSequenceLstmTest, EqualsTwoUnidirectionalRuns) {
  const Variant variants[] = {{false, false, false, false, false},
                              {true, true, true, false, false},
                              {false, true, true, true, false},
                              {true, false, false, true, true}};
  for (const Variant& v : variants) {
    for (bool time_major : {false, true}) {
      if (v.hybrid && !time_major) continue;  // refused, see below
      for (bool merge : {false, true}) {
        if (merge && !time_major) continue;  // batch 2: refused, see below
        SCOPED_TRACE(::testing::Message()
                     << "cifg " << v.cifg << " peephole " << v.peephole
                     << " projection " << v.projection << " hybrid " << v.hybrid
                     << " time_major " << time_major << " merge " << merge);
        FloatLstm f, g;
        for (FloatLstm* l : {&f, &g}) {
          l->batch = 2;
          l->time = 3;
          l->n_input = 3;
          l->n_cell = 4;
          l->n_output = v.projection ? 2 : 4;
          l->cifg = v.cifg;
          l->peephole = v.peephole;
          l->projection = l->projection_bias = v.projection;
        }
        lstm_test::FillWeights(&f, 11);
        lstm_test::FillWeights(&g, 23);
        LstmModel fm = lstm_test::FloatModel(f, time_major, v.hybrid);
        LstmModel gm = lstm_test::FloatModel(g, time_major, v.hybrid);
        fm.asymmetric = gm.asymmetric = v.asymmetric;
        fm.cell_clip = gm.cell_clip = 1.5f;
        auto bi = Make(BidiLstm(fm, gm, merge, time_major, Act::TANH, 1.5f));
        std::unique_ptr<Interpreter> uf, ub;
        ASSERT_TRUE(testing::MakeInterpreter(fm.Build(), &uf).ok());
        ASSERT_TRUE(testing::MakeInterpreter(gm.Build(), &ub).ok());
        ASSERT_TRUE(bi);
        const std::vector<float> x = lstm_test::Fill(2 * 3 * 3, 5, 1.2f);
        const int no = f.n_output;
        for (int invoke = 0; invoke < 2; ++invoke) {
          const auto got = RunOp(bi.get(), {x}, merge ? 1 : 2);
          const auto fw = RunOp(uf.get(), {x}, 1)[0];
          const auto bw = ReverseTime(
              RunOp(ub.get(), {ReverseTime(x, 3, 2, 3, time_major)}, 1)[0], 3,
              2, no, time_major);
          if (merge) {
            EXPECT_EQ(got[0], Concat(fw, no, bw, no));
          } else {
            EXPECT_EQ(got[0], fw);
            EXPECT_EQ(got[1], bw);
          }
        }
      }
    }
  }
}

// Against the textbook formula (lstm_test_util.h), peepholes and projection.
TEST(BidirectionalSequenceLstmTest, MatchesReferenceFormula) {
  FloatLstm f, g;
  for (FloatLstm* l : {&f, &g}) {
    l->batch = 2;
    l->time = 3;
    l->n_input = 2;
    l->n_cell = 3;
    l->n_output = 2;
    l->peephole = l->projection = true;
  }
  lstm_test::FillWeights(&f, 3);
  lstm_test::FillWeights(&g, 4);
  auto bi = Make(BidiLstm(lstm_test::FloatModel(f), lstm_test::FloatModel(g),
                          false, false));
  ASSERT_TRUE(bi);
  const std::vector<float> x = lstm_test::Fill(2 * 3 * 2, 6, 1.0f);
  const auto two = RunOp(bi.get(), {x}, 2);
  const auto got = Concat(two[0], 2, two[1], 2);
  std::vector<float> h(4, 0.0f), c(6, 0.0f), h2(4, 0.0f), c2(6, 0.0f);
  const auto fw = lstm_test::ReferenceLstm(f, x, &h, &c, 0, 0);
  const auto bw =
      ReverseTime(lstm_test::ReferenceLstm(g, ReverseTime(x, 3, 2, 2, false),
                                           &h2, &c2, 0, 0),
                  3, 2, 2, false);
  const auto want = Concat(fw, 2, bw, 2);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_NEAR(got[i], want[i], 1e-5f) << i;
  }
}

TEST(BidirectionalSequenceLstmTest, InvokeAllocatesNothing) {
  FloatLstm f;
  f.batch = 2;
  f.time = 3;
  f.n_input = 2;
  f.n_cell = 3;
  f.n_output = 3;
  lstm_test::FillWeights(&f, 1);
  for (bool hybrid : {false, true}) {
    const LstmModel u = lstm_test::FloatModel(f, true, hybrid);
    auto interp = Make(BidiLstm(u, u, true, true));
    ASSERT_TRUE(interp);
    ASSERT_TRUE(interp->Invoke().ok());
    const int64_t before = testing::AllocationCount();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(interp->Invoke().ok());
    EXPECT_EQ(testing::AllocationCount(), before) << "hybrid " << hybrid;
  }
}

TEST(BidirectionalSequenceLstmTest, Refusals) {
  FloatLstm f;
  f.time = 2;
  lstm_test::FillWeights(&f, 1);
  const LstmModel u = lstm_test::FloatModel(f);
  const std::string op = "op 0 (BIDIRECTIONAL_SEQUENCE_LSTM v1): ";

  OpModel m = BidiLstm(u, u, true, false);
  m.slots[41] =
      Const("fw_aux_f", DataType::kFloat32, {1, 1}, std::vector<float>{1});
  ExpectError(MakeError(m), StatusCode::kUnsupported,
              "input 41 (tensor 29 'fw_aux_f'): auxiliary input weights "
              "(inputs 40-47, the cross-linked stacking of "
              "stack_bidirectional_rnn) are not supported");

  m = BidiLstm(u, u, true, false);
  m.slots.pop_back();
  ExpectError(MakeError(m), StatusCode::kInvalidModel,
              op + "expects 48 inputs, has 47");

  m = BidiLstm(u, u, true, false);
  m.outputs.push_back(m.outputs[0]);
  m.outputs[1].name = "extra";
  ExpectError(MakeError(m), StatusCode::kInvalidModel,
              op + "expects 1 output (merge_outputs true), has 2");

  const LstmModel h = lstm_test::FloatModel(f, false, true);
  ExpectError(MakeError(BidiLstm(h, h, true, false)), StatusCode::kUnsupported,
              op + "hybrid (int8 weights) with time_major false is not "
                   "supported: TFLite's hybrid kernel reads the input as "
                   "time-major regardless");

  FloatLstm f2 = f;
  f2.batch = 2;
  const LstmModel u2 = lstm_test::FloatModel(f2);
  ExpectError(MakeError(BidiLstm(u2, u2, true, false)),
              StatusCode::kUnsupported,
              op + "merge_outputs with batch-major input and batch 2 > 1 is "
                   "not supported: TFLite's kernel steps batch row b from the "
                   "output state at b × the merged width, past the state "
                   "buffer (its results are undefined)");

  m = BidiLstm(u, u, true, false);
  m.slots[0].type = DataType::kInt8;
  m.slots[0].scales = {0.1f};
  m.slots[0].zero_points = {0};
  ExpectError(MakeError(m), StatusCode::kUnsupported,
              "input 0 (tensor 0 'x'): type int8 is not supported (float32, "
              "with float32 or int8 weights)");

  // The backward cell's errors name its own inputs.
  m = BidiLstm(u, u, true, false);
  m.slots[26] = m.slots[10];
  m.slots[26].name = "bw_p_extra";
  ExpectError(MakeError(m), StatusCode::kInvalidModel,
              op + "peephole weights (inputs 26, 27, 28) must be all present "
                   "(input 26 absent with CIFG) or all absent");
  m = BidiLstm(u, u, true, false);
  m.slots[38].shape = {1, 2};
  ExpectError(MakeError(m), StatusCode::kInvalidModel,
              "input 38 (tensor 28 'bw_c'): the cell state has 2 elements, "
              "expected batch × cells = 1");
}

}  // namespace
}  // namespace edgelite
