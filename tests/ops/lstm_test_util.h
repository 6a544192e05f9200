// Test helpers for LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM: a model builder
// over TFLite's 24 inputs (optional ones absent), a textbook float LSTM to
// compare with, and a deterministic generator of small weights.
#ifndef EDGELITE_TESTS_OPS_LSTM_TEST_UTIL_H_
#define EDGELITE_TESTS_OPS_LSTM_TEST_UTIL_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/interpreter.h"
#include "support/model_builder.h"
#include "support/op_test_util.h"

namespace edgelite {
namespace lstm_test {

namespace tfl = ::edgelite::tfl;
using testing::Const;
using testing::TensorSpec;
using testing::Var;

// Input slots (TFLite lstm_shared.h).
constexpr int kInputW = 1, kRecurrentW = 5, kPeephole = 9, kBias = 12,
              kProjW = 16, kProjB = 17, kOutState = 18, kCellState = 19,
              kLayerNorm = 20;
inline int PeepholeSlot(int g) { return g == 0 ? 9 : (g == 1 ? 10 : 11); }

struct LstmModel {
  bool sequence = true;  // UNIDIRECTIONAL_SEQUENCE_LSTM, else LSTM
  int version = 1;
  TensorSpec slots[24];  // name "" = absent
  bool present[24] = {};
  int num_inputs = 24;
  TensorSpec output;
  std::vector<TensorSpec> intermediates;
  Activation act = Activation::kTanh;
  float cell_clip = 0.0f, proj_clip = 0.0f;
  bool time_major = false, asymmetric = false, diagonal = false;
  int kernel_type = 0;

  void Set(int slot, TensorSpec s) {
    slots[slot] = std::move(s);
    present[slot] = true;
  }

  std::vector<uint8_t> Build() const {
    testing::ModelBuilder b;
    testing::OperatorSpec op;
    op.builtin_code = static_cast<int32_t>(
        sequence ? tfl::BuiltinOperator::UNIDIRECTIONAL_SEQUENCE_LSTM
                 : tfl::BuiltinOperator::LSTM);
    op.version = version;
    std::vector<int32_t> model_inputs;
    for (int i = 0; i < num_inputs; ++i) {
      if (!present[i]) {
        op.inputs.push_back(-1);
        continue;
      }
      const int idx = b.AddTensor(slots[i]);
      op.inputs.push_back(idx);
      if (slots[i].data.empty() && !slots[i].is_variable) {
        model_inputs.push_back(idx);
      }
    }
    const int out = b.AddTensor(output);
    op.outputs = {out};
    for (const TensorSpec& t : intermediates) {
      op.intermediates.push_back(b.AddTensor(t));
    }
    const Activation a = act;
    const float cc = cell_clip, pc = proj_clip;
    const bool tm = time_major, asym = asymmetric, diag = diagonal;
    const int kt = kernel_type;
    if (sequence) {
      op.options_type = tfl::BuiltinOptions::UnidirectionalSequenceLSTMOptions;
      op.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
        return tfl::CreateUnidirectionalSequenceLSTMOptions(
                   fbb, static_cast<tfl::ActivationFunctionType>(a), cc, pc, tm,
                   asym, diag)
            .Union();
      };
    } else {
      op.options_type = tfl::BuiltinOptions::LSTMOptions;
      op.options = [=](flatbuffers::FlatBufferBuilder& fbb) {
        return tfl::CreateLSTMOptions(
                   fbb, static_cast<tfl::ActivationFunctionType>(a), cc, pc,
                   static_cast<tfl::LSTMKernelType>(kt), asym)
            .Union();
      };
    }
    b.AddOperator(op);
    b.SetInputs(model_inputs);
    b.SetOutputs({out});
    return b.Build();
  }
};

inline TensorSpec Variable(const std::string& name, DataType type,
                           std::vector<int32_t> shape,
                           std::vector<float> scales = {},
                           std::vector<int64_t> zps = {}) {
  TensorSpec s =
      Var(name, type, std::move(shape), std::move(scales), std::move(zps));
  s.is_variable = true;
  return s;
}

// Float LSTM configuration and weights (row-major [cells, inputs] etc.).
struct FloatLstm {
  int batch = 1, time = 1, n_input = 1, n_cell = 1, n_output = 1;
  bool cifg = false, peephole = false, projection = false,
       projection_bias = false, layer_norm = false;
  std::vector<float> w[4], r[4], p[4], b[4], ln[4], pw, pb;
};

// Deterministic weights in [-scale, scale).
inline std::vector<float> Fill(int n, uint32_t seed, float scale) {
  std::vector<float> v(n);
  uint32_t s = seed * 2654435761u + 12345u;
  for (int i = 0; i < n; ++i) {
    s = s * 1664525u + 1013904223u;
    v[i] = (static_cast<float>(s >> 8) / 16777216.0f * 2.0f - 1.0f) * scale;
  }
  return v;
}

inline void FillWeights(FloatLstm* f, uint32_t seed) {
  for (int g = 0; g < 4; ++g) {
    f->w[g] = Fill(f->n_cell * f->n_input, seed + 10 * g + 1, 0.8f);
    f->r[g] = Fill(f->n_cell * f->n_output, seed + 10 * g + 2, 0.6f);
    f->p[g] = Fill(f->n_cell, seed + 10 * g + 3, 0.5f);
    f->b[g] = Fill(f->n_cell, seed + 10 * g + 4, 0.3f);
    f->ln[g] = Fill(f->n_cell, seed + 10 * g + 5, 0.5f);
    for (float& x : f->ln[g]) x += 1.0f;
  }
  f->pw = Fill(f->n_output * f->n_cell, seed + 91, 0.7f);
  f->pb = Fill(f->n_output, seed + 92, 0.2f);
}

// The LSTM of the TFLite float kernel written from its formula (tanh cell
// activation), batch-major input [batch, time, input]. h, c: the states,
// updated.
inline std::vector<float> ReferenceLstm(const FloatLstm& f,
                                        const std::vector<float>& x,
                                        std::vector<float>* h,
                                        std::vector<float>* c, float cell_clip,
                                        float proj_clip) {
  std::vector<float> y(static_cast<size_t>(f.batch) * f.time * f.n_output);
  auto sigmoid = [](float v) { return 1.0f / (1.0f + std::exp(-v)); };
  for (int bt = 0; bt < f.batch; ++bt) {
    float* hb = h->data() + bt * f.n_output;
    float* cb = c->data() + bt * f.n_cell;
    for (int t = 0; t < f.time; ++t) {
      const float* xt = x.data() + (bt * f.time + t) * f.n_input;
      std::vector<float> pre[4];
      auto gate = [&](int g, const float* cell) {
        std::vector<float> v(f.n_cell);
        for (int i = 0; i < f.n_cell; ++i) {
          double s = 0;
          for (int k = 0; k < f.n_input; ++k)
            s += f.w[g][i * f.n_input + k] * xt[k];
          for (int k = 0; k < f.n_output; ++k)
            s += f.r[g][i * f.n_output + k] * hb[k];
          if (f.peephole && g != 2) s += f.p[g][i] * cell[i];
          v[i] = static_cast<float>(s) + (f.layer_norm ? 0.0f : f.b[g][i]);
        }
        if (f.layer_norm) {
          double mean = 0, var = 0;
          for (float e : v) mean += e;
          mean /= f.n_cell;
          for (float e : v) var += (e - mean) * (e - mean);
          var /= f.n_cell;
          for (int i = 0; i < f.n_cell; ++i) {
            v[i] = static_cast<float>((v[i] - mean) / std::sqrt(var + 1e-8)) *
                       f.ln[g][i] +
                   f.b[g][i];
          }
        }
        for (float& e : v) e = g == 2 ? std::tanh(e) : sigmoid(e);
        return v;
      };
      std::vector<float> fg = gate(1, cb), gg = gate(2, cb);
      std::vector<float> ig = f.cifg ? std::vector<float>() : gate(0, cb);
      for (int i = 0; i < f.n_cell; ++i) {
        const float in = f.cifg ? 1.0f - fg[i] : ig[i];
        cb[i] = fg[i] * cb[i] + in * gg[i];
        if (cell_clip > 0)
          cb[i] = std::max(-cell_clip, std::min(cb[i], cell_clip));
      }
      std::vector<float> og = gate(3, cb);
      std::vector<float> hid(f.n_cell);
      for (int i = 0; i < f.n_cell; ++i) hid[i] = og[i] * std::tanh(cb[i]);
      for (int o = 0; o < f.n_output; ++o) {
        if (!f.projection) {
          hb[o] = hid[o];
          continue;
        }
        double s = f.projection_bias ? f.pb[o] : 0.0;
        for (int i = 0; i < f.n_cell; ++i) s += f.pw[o * f.n_cell + i] * hid[i];
        float v = static_cast<float>(s);
        if (proj_clip > 0) v = std::max(-proj_clip, std::min(v, proj_clip));
        hb[o] = v;
      }
      std::memcpy(y.data() + (bt * f.time + t) * f.n_output, hb,
                  sizeof(float) * f.n_output);
    }
  }
  return y;
}

// A float (or, with int8 weights, hybrid) model of f. Input [batch, time,
// input] (time_major: [time, batch, input]).
inline LstmModel FloatModel(const FloatLstm& f, bool time_major = false,
                            bool hybrid = false) {
  LstmModel m;
  m.time_major = time_major;
  const std::vector<int32_t> in_shape =
      time_major ? std::vector<int32_t>{f.time, f.batch, f.n_input}
                 : std::vector<int32_t>{f.batch, f.time, f.n_input};
  m.Set(0, Var("x", DataType::kFloat32, in_shape));
  auto weights = [&](const std::string& name, std::vector<int32_t> shape,
                     const std::vector<float>& v) {
    if (!hybrid) return Const(name, DataType::kFloat32, shape, v);
    float mx = 0;
    for (float e : v) mx = std::max(mx, std::fabs(e));
    const float s = mx > 0 ? mx / 127.0f : 1.0f;
    std::vector<int8_t> q(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
      q[i] = static_cast<int8_t>(std::lround(v[i] / s));
    }
    return Const(name, DataType::kInt8, shape, q, {s}, {0});
  };
  for (int g = 0; g < 4; ++g) {
    if (g == 0 && f.cifg) continue;
    const std::string n = std::to_string(g);
    m.Set(kInputW + g, weights("w" + n, {f.n_cell, f.n_input}, f.w[g]));
    m.Set(kRecurrentW + g, weights("r" + n, {f.n_cell, f.n_output}, f.r[g]));
    m.Set(kBias + g, Const("b" + n, DataType::kFloat32, {f.n_cell}, f.b[g]));
    if (f.peephole && g != 2) {
      m.Set(PeepholeSlot(g), weights("p" + n, {f.n_cell}, f.p[g]));
    }
    if (f.layer_norm) {
      m.Set(kLayerNorm + g,
            Const("ln" + n, DataType::kFloat32, {f.n_cell}, f.ln[g]));
    }
  }
  if (f.projection) {
    m.Set(kProjW, weights("pw", {f.n_output, f.n_cell}, f.pw));
    if (f.projection_bias) {
      m.Set(kProjB, Const("pb", DataType::kFloat32, {f.n_output}, f.pb));
    }
  }
  m.Set(kOutState, Variable("h", DataType::kFloat32, {f.batch, f.n_output}));
  m.Set(kCellState, Variable("c", DataType::kFloat32, {f.batch, f.n_cell}));
  std::vector<int32_t> out_shape = in_shape;
  out_shape[2] = f.n_output;
  m.output = Var("y", DataType::kFloat32, out_shape);
  return m;
}

}  // namespace lstm_test
}  // namespace edgelite

#endif  // EDGELITE_TESTS_OPS_LSTM_TEST_UTIL_H_
