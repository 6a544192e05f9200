// LSTM cell shared by LSTM, UNIDIRECTIONAL_SEQUENCE_LSTM and
// BIDIRECTIONAL_SEQUENCE_LSTM: TFLite's builtin "full" kernel
// (kernels/lstm_eval.cc + portable_tensor_utils.cc), which is what LiteRT.js
// and tfjs-tflite run (XNNPACK does not take LSTMs). Three arithmetics, chosen
// by the input and weight types:
//
//  - float32: per step and gate, gate = act(W·x + R·h + p⊙c + b) (layer norm:
//    act(ln ⊙ normalize(W·x + R·h + p⊙c) + b)); c = f⊙c + i⊙g (CIFG: i =
//    1 − f), clipped to ±cell_clip; h = o⊙act(c), projected (Wp·h + bp,
//    clipped to ±proj_clip). Input, forget and output gates use the sigmoid,
//    the cell gate and act(c) the fused activation. Kept quirks of TFLite's
//    ApplyActivationToVector, which writes nothing for NONE: a NONE cell gate
//    whose input step is all zeros is left at its initial value (bias, or 0
//    with layer norm), and a NONE act(c) leaves the cell gate in its place.
//  - hybrid (float input and states, int8 weights): each step quantizes x
//    and h per batch row (symmetric: scale max|v|/127; with
//    asymmetric_quantize_inputs TFLite's asymmetric min/max scale and zero
//    point), multiplies in int32 and scales by row_scale · weight_scale into
//    the float gates; all-zero rows of x / h (and of the projection input)
//    skip their product, as in TFLite.
//  - integer "8x8→16" (int8 input, output state and weights, int16 cell
//    state, int32 biases, int16 peephole and layer-norm weights): gates are
//    int16 Q3.12 (or the layer-norm intermediates' scales), each product
//    requantized with TFLite's double-rounding MultiplyByQuantizedMultiplier
//    and saturated to int16 after the input and again after the recurrent
//    product; gemmlowp 16-bit sigmoid / tanh; the cell update in fixed
//    point with shifts 15 and 30 + log2(cell scale); hidden = o⊙tanh(c)
//    requantized to the hidden intermediate's scale (its zero point is
//    subtracted, as TFLite does, and added back through the projection bias).
//    The multipliers are computed in Prepare from float32 scale products, as
//    TFLite does (effective_hidden_scale and the peephole ones in double).
//    TFLite indexes the integer peephole product by the output size; with a
//    projection that shrinks the output we do the same (a larger one reads
//    past TFLite's arrays and is rejected).
//
// Time-major sequences step all batch rows at once; batch-major ones step
// each batch row through its whole sequence, as TFLite does (this only
// changes which rows an "all zeros" test sees). The output state and cell
// state inputs are variable tensors updated in place, so they carry over to
// the next Invoke().
//
// QuantArithmetic::kMicro uses the same arithmetic: tflite-micro's LSTM is a
// different kernel, not modelled here.
#include "ops/lstm_common.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "core/quant.h"
#include "ops/lstm_fixed_point.h"
#include "ops/op_util.h"
#include "ops/rnn_common.h"

namespace edgelite {
namespace {

// TFLite's input order (kernels/lstm_shared.h): the cell's "slots". A
// bidirectional op maps each direction's slots to its own input indices.
constexpr int kSlotInput = 0;
constexpr int kSlotProjectionWeights = 16;
constexpr int kSlotProjectionBias = 17;
constexpr int kSlotOutputState = 18;
constexpr int kSlotCellState = 19;
constexpr int kNumSlots = 24;
const int kIdentitySlots[kNumSlots] = {0,  1,  2,  3,  4,  5,  6,  7,
                                       8,  9,  10, 11, 12, 13, 14, 15,
                                       16, 17, 18, 19, 20, 21, 22, 23};

enum Gate : int {
  kGateInput = 0,
  kGateForget = 1,
  kGateCell = 2,
  kGateOutput = 3
};
const char* const kGateName[4] = {"input", "forget", "cell", "output"};
constexpr int PeepholeSlot(int g) {  // the cell gate has none
  return g == kGateInput ? 9 : (g == kGateForget ? 10 : 11);
}

enum class Mode : int8_t { kFloat, kHybrid, kInteger };

constexpr int32_t kI16Max = 32767;
constexpr int32_t kI16Min = -32768;

inline int32_t Clamp(int32_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

template <typename T>
bool IsZeroVector(const T* v, int n) {
  for (int i = 0; i < n; ++i) {
    if (v[i] != 0) return false;
  }
  return true;
}

inline float Sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

// TFLite ApplyActivationToVector: NONE writes nothing.
void ApplyActivation(const float* in, int n, Activation act, float* out) {
  switch (act) {
    case Activation::kNone:
      return;
    case Activation::kRelu:
      for (int i = 0; i < n; ++i) out[i] = std::max(0.0f, in[i]);
      return;
    case Activation::kReluN1To1:
      for (int i = 0; i < n; ++i)
        out[i] = std::max(-1.0f, std::min(in[i], 1.0f));
      return;
    case Activation::kRelu6:
      for (int i = 0; i < n; ++i)
        out[i] = std::max(0.0f, std::min(in[i], 6.0f));
      return;
    case Activation::kTanh:
      for (int i = 0; i < n; ++i) out[i] = std::tanh(in[i]);
      return;
    case Activation::kSignBit:
      for (int i = 0; i < n; ++i) out[i] = std::signbit(in[i]) ? 1.0f : 0.0f;
      return;
  }
}

void ApplySigmoid(const float* in, int n, float* out) {
  for (int i = 0; i < n; ++i) out[i] = Sigmoid(in[i]);
}

// out[b, r] = acc[b, r] + Σ_k w[r, k] · x[b, k].
void MatVecAccumulate(const float* w, int rows, int cols, const float* x,
                      int n_batch, const float* acc, float* out) {
  for (int b = 0; b < n_batch; ++b) {
    for (int r = 0; r < rows; ++r) {
      const float* wr = w + static_cast<size_t>(r) * cols;
      const float* xb = x + static_cast<size_t>(b) * cols;
      float dot = 0.0f;
      for (int k = 0; k < cols; ++k) dot += wr[k] * xb[k];
      out[b * rows + r] = acc[b * rows + r] + dot;
    }
  }
}

// TFLite MeanStddevNormalization (variance over n, 1e-8 guard).
void MeanStddevNormalize(float* v, int n, int n_batch) {
  for (int b = 0; b < n_batch; ++b, v += n) {
    float sum = 0.0f;
    for (int i = 0; i < n; ++i) sum += v[i];
    const float mean = sum / static_cast<float>(n);
    float sum_diff_sq = 0.0f;
    for (int i = 0; i < n; ++i) {
      const float d = v[i] - mean;
      sum_diff_sq += d * d;
    }
    const float variance = sum_diff_sq / static_cast<float>(n);
    const float stddev_inv = 1.0f / std::sqrt(variance + 1e-8f);
    for (int i = 0; i < n; ++i) v[i] = (v[i] - mean) * stddev_inv;
  }
}

void ClipFloat(float* v, int n, float clip) {
  for (int i = 0; i < n; ++i) v[i] = std::max(-clip, std::min(v[i], clip));
}

// TFLite BatchQuantizeFloats (portable Symmetric/AsymmetricQuantizeFloats).
void QuantizeRows(const float* v, int n_batch, int n, bool asymmetric,
                  int8_t* q, float* scale, int32_t* zp) {
  for (int b = 0; b < n_batch; ++b) {
    const float* row = v + static_cast<size_t>(b) * n;
    int8_t* qrow = q + static_cast<size_t>(b) * n;
    float lo = n > 0 ? row[0] : 0.0f, hi = lo;
    for (int i = 1; i < n; ++i) {
      lo = std::min(lo, row[i]);
      hi = std::max(hi, row[i]);
    }
    if (!asymmetric) {
      const float range = std::max(std::fabs(lo), std::fabs(hi));
      if (range == 0.0f) {
        std::memset(qrow, 0, n);
        scale[b] = 1.0f;
        continue;
      }
      scale[b] = range / 127.0f;
      const float inv = 127.0f / range;
      for (int i = 0; i < n; ++i) {
        const int32_t v32 = FloatToInt32Sat(std::round(row[i] * inv));
        qrow[i] = static_cast<int8_t>(Clamp(v32, -127, 127));
      }
      continue;
    }
    const double rmin = std::fmin(0.0, static_cast<double>(lo));
    const double rmax = std::fmax(0.0, static_cast<double>(hi));
    if (rmin == rmax) {
      std::memset(qrow, 0, n);
      scale[b] = 1.0f;
      zp[b] = 0;
      continue;
    }
    const double s = (rmax - rmin) / 255.0;
    const double zp_from_min = -128.0 - rmin / s;
    const double zp_from_max = 127.0 - rmax / s;
    const double err_min = 128.0 + std::fabs(rmin / s);
    const double err_max = 127.0 + std::fabs(rmax / s);
    const double zp_double = err_min < err_max ? zp_from_min : zp_from_max;
    int32_t nudged;
    if (zp_double <= -128.0) {
      nudged = -128;
    } else if (zp_double >= 127.0) {
      nudged = 127;
    } else {
      nudged = static_cast<int8_t>(std::round(zp_double));
    }
    scale[b] = static_cast<float>(s);
    zp[b] = nudged;
    const float inv = static_cast<float>(1.0 / static_cast<double>(scale[b]));
    for (int i = 0; i < n; ++i) {
      const float f = static_cast<float>(nudged) + row[i] * inv;
      qrow[i] =
          static_cast<int8_t>(Clamp(FloatToInt32Sat(std::round(f)), -128, 127));
    }
  }
}

// TFLite's hybrid MatrixBatchVectorMultiplyAccumulate (portable): integer
// dot products, the zero point removed through the row sum in float, then
// result += dot · (row_scale · weight_scale).
void HybridMatVecAccumulate(const int8_t* w, int rows, int cols,
                            const int8_t* q, const float* row_scale,
                            float w_scale, const int32_t* zp, int n_batch,
                            float* result) {
  for (int b = 0; b < n_batch; ++b) {
    const float scale = row_scale[b] * w_scale;
    const int8_t* qb = q + static_cast<size_t>(b) * cols;
    for (int r = 0; r < rows; ++r) {
      const int8_t* wr = w + static_cast<size_t>(r) * cols;
      int32_t dot = 0, row_sum = 0;
      for (int k = 0; k < cols; ++k) {
        dot += int32_t{wr[k]} * qb[k];
        row_sum += wr[k];
      }
      if (zp != nullptr) {
        dot = static_cast<int32_t>(static_cast<float>(dot) -
                                   static_cast<float>(row_sum) *
                                       static_cast<float>(zp[b]));
      }
      result[b * rows + r] += static_cast<float>(dot) * scale;
    }
  }
}

// TFLite's integer MatrixBatchVectorMultiplyAccumulate: acc = bias + Σ x·w
// (int32, wrapping), requantized, plus the output zero point and what the
// output held, saturated to T.
template <typename T>
void IntegerMatVecAccumulate(const int8_t* x, const int32_t* bias,
                             const int8_t* w, int32_t multiplier, int shift,
                             int n_batch, int cols, int rows, int32_t out_zp,
                             T* out) {
  const int32_t lo = std::numeric_limits<T>::min();
  const int32_t hi = std::numeric_limits<T>::max();
  for (int b = 0; b < n_batch; ++b) {
    const int8_t* xb = x + static_cast<size_t>(b) * cols;
    for (int r = 0; r < rows; ++r) {
      const int8_t* wr = w + static_cast<size_t>(r) * cols;
      uint32_t acc = static_cast<uint32_t>(bias[r]);
      for (int k = 0; k < cols; ++k) {
        acc += static_cast<uint32_t>(int32_t{xb[k]} * wr[k]);
      }
      int32_t v = MultiplyByQuantizedMultiplier(static_cast<int32_t>(acc),
                                                multiplier, shift);
      // int32 additions in TFLite: wrap rather than overflow.
      v = static_cast<int32_t>(static_cast<uint32_t>(v) +
                               static_cast<uint32_t>(out_zp) +
                               static_cast<uint32_t>(out[b * rows + r]));
      out[b * rows + r] = static_cast<T>(Clamp(v, lo, hi));
    }
  }
}

// TFLite ApplyLayerNorm (integer).
void IntegerLayerNorm(int16_t* v, const int16_t* weights, const int32_t* bias,
                      int32_t scale_a, int scale_b, int32_t variance_guard,
                      int n_batch, int n) {
  constexpr int kTwoToPower20 = 1 << 20;
  for (int b = 0; b < n_batch; ++b, v += n) {
    int64_t sum = 0, sum_sq = 0;
    for (int j = 0; j < n; ++j) {
      const int32_t x = v[j];
      sum += x;
      sum_sq += x * x;
    }
    const int32_t mean = static_cast<int32_t>(sum * 1024 / n);
    const int32_t temp = kTwoToPower20 / n;
    const int64_t variance =
        sum_sq * temp - static_cast<int64_t>(mean) * static_cast<int64_t>(mean);
    int32_t variance2 = static_cast<int32_t>(variance / kTwoToPower20);
    if (variance2 < 1) variance2 = variance_guard;
    int32_t inv_a;
    int inv_b;
    lstm::InvSqrtQuantizedMultiplier(variance2, &inv_a, &inv_b);
    for (int j = 0; j < n; ++j) {
      const int32_t shifted = 1024 * int32_t{v[j]} - mean;
      const int32_t rescaled =
          MultiplyByQuantizedMultiplier(shifted, inv_a, inv_b);
      // int32 arithmetic in TFLite (wraps), widened afterwards.
      const int64_t val3 =
          static_cast<int32_t>(static_cast<uint32_t>(rescaled) *
                                   static_cast<uint32_t>(int32_t{weights[j]}) +
                               static_cast<uint32_t>(bias[j]));
      const int32_t val4 =
          static_cast<int32_t>((val3 > 0 ? val3 + 512 : val3 - 512) / 1024);
      const int32_t val5 =
          MultiplyByQuantizedMultiplier(val4, scale_a, scale_b + 12);
      v[j] = static_cast<int16_t>(Clamp(val5, kI16Min, kI16Max));
    }
  }
}

// Rows of `bytes` each, contiguous in `src`, to rows `stride` bytes apart.
void CopyRows(const void* src, int rows, size_t bytes, void* dst,
              size_t stride) {
  for (int r = 0; r < rows; ++r) {
    std::memcpy(static_cast<uint8_t*>(dst) + r * stride,
                static_cast<const uint8_t*>(src) + r * bytes, bytes);
  }
}

size_t Align16(size_t n) { return (n + 15) & ~size_t{15}; }

struct IntegerGate {
  int32_t input_a = 0, recurrent_a = 0, peephole_a = 0, layer_norm_a = 0;
  int input_b = 0, recurrent_b = 0, peephole_b = 0, layer_norm_b = 0;
  int32_t variance_guard = 1;
  std::vector<int32_t> input_bias, recurrent_bias;  // zero points folded in
};

// One LSTM direction: validation, precomputation and the time loop. Its
// inputs are addressed through `slots_` (TFLite's 24 LSTM input slots → this
// op's input indices, −1 = absent), so the bidirectional op runs two cells
// over its 48 inputs with the same code.
class LstmCell {
 public:
  // `out_index`: the output this cell writes (type and quantization checks).
  Status Prepare(OpContext& ctx, const int* slots, LstmKind kind,
                 int out_index);
  size_t scratch_bytes() const { return scratch_bytes_; }
  int n_output() const { return n_output_; }
  bool hybrid() const { return mode_ == Mode::kHybrid; }
  bool integer() const { return mode_ == Mode::kInteger; }
  // Runs the whole sequence from `x` (laid out like the op's input), writing
  // each step's output row at `out` + row · out_width + out_offset elements;
  // backward (`forward` false) visits time steps last to first.
  void Run(OpContext& ctx, const uint8_t* x, uint8_t* out, int out_width,
           int out_offset, bool forward, uint8_t* scratch);

 private:
  int Idx(int slot) const { return slots_[slot]; }
  int InputWeights(int g) const { return slots_[1 + g]; }
  int RecurrentWeights(int g) const { return slots_[5 + g]; }
  int PeepholeWeights(int g) const { return slots_[PeepholeSlot(g)]; }
  int GateBias(int g) const { return slots_[12 + g]; }
  int LayerNormWeights(int g) const { return slots_[20 + g]; }

  Status CheckShapes(OpContext& ctx);
  Status CheckTypes(OpContext& ctx);
  Status PrepareInteger(OpContext& ctx);
  Status PerTensorScale(OpContext& ctx, int i, float* scale);
  void PlanScratch();

  bool has(int g) const { return g != kGateInput || !use_cifg_; }
  bool has_peephole(int g) const {
    return use_peephole_ && g != kGateCell && has(g);
  }

  void StepFloat(OpContext& ctx, int rows, const float* x, float* h, float* c,
                 float* y, int y_stride, uint8_t* scratch);
  void GateFloat(OpContext& ctx, int g, Activation act, int rows,
                 const float* x, bool x_zero, const float* h, const float* c,
                 float* gate, float* acc);
  void OutputFloat(OpContext& ctx, int rows, const float* c, float* gate_o,
                   float* gate_g, float* h, float* acc);
  void StepHybrid(OpContext& ctx, int rows, const float* x, float* h, float* c,
                  float* y, int y_stride, uint8_t* scratch);
  void StepInteger(OpContext& ctx, int rows, const int8_t* x, int8_t* h,
                   int16_t* c, int8_t* y, int y_stride, uint8_t* scratch);
  void GateInteger(OpContext& ctx, int g, int rows, const int8_t* x,
                   const int8_t* h, const int16_t* c, int16_t* gate);

  template <typename T>
  const T* Data(OpContext& ctx, int i) const {
    const Tensor* t = ctx.input(i);
    return t == nullptr ? nullptr : t->Data<T>();
  }

  const int* slots_ = kIdentitySlots;
  LstmKind kind_ = LstmKind::kSequence;
  int out_index_ = 0;
  Mode mode_ = Mode::kFloat;
  bool time_major_ = true;
  int n_batch_ = 0, n_time_ = 0, n_input_ = 0, n_cell_ = 0, n_output_ = 0;
  bool use_cifg_ = false, use_peephole_ = false, use_layer_norm_ = false;
  bool use_projection_ = false, asymmetric_ = false;
  Activation activation_ = Activation::kTanh;
  float cell_clip_ = 0.0f, proj_clip_ = 0.0f;

  // Hybrid: weight scales by op input index (a bidirectional op has 48).
  float w_scale_[48] = {};

  // Integer.
  IntegerGate gates_[4];
  int32_t proj_a_ = 0, hidden_a_ = 0;
  int proj_b_ = 0, hidden_b_ = 0;
  int32_t hidden_zp_ = 0, output_state_zp_ = 0;
  int cell_scale_ = 0;
  int16_t cell_clip_q_ = 0;
  int8_t proj_clip_q_ = 0;
  std::vector<int32_t> proj_bias_;

  // Scratch layout (byte offsets into one buffer).
  size_t off_gate_[4] = {}, off_acc_ = 0, off_xq_ = 0, off_hq_ = 0, off_sq_ = 0,
         off_x_sf_ = 0, off_h_sf_ = 0, off_x_zp_ = 0, off_h_zp_ = 0,
         off_peep_ = 0, scratch_bytes_ = 0;
};

Status LstmCell::Prepare(OpContext& ctx, const int* slots, LstmKind kind,
                         int out_index) {
  slots_ = slots;
  kind_ = kind;
  out_index_ = out_index;
  const LstmOptions& o = ctx.options().lstm;
  if (o.cell_clip < 0.0f || o.proj_clip < 0.0f) {
    return ctx.Error(StatusCode::kInvalidModel,
                     StrFormat("cell_clip %g and proj_clip %g must be >= 0",
                               o.cell_clip, o.proj_clip));
  }
  activation_ = o.activation;
  cell_clip_ = o.cell_clip;
  proj_clip_ = o.proj_clip;
  asymmetric_ = o.asymmetric_quantize_inputs;
  time_major_ = kind != LstmKind::kLstm ? o.time_major : true;
  // TFLite: with 24 inputs, layer norm iff the forget coefficients exist
  // (absent slots, as the bidirectional op's, read as nullptr).
  use_layer_norm_ = ctx.input(LayerNormWeights(kGateForget)) != nullptr;
  EDGELITE_RETURN_IF_ERROR(CheckShapes(ctx));
  EDGELITE_RETURN_IF_ERROR(CheckTypes(ctx));
  if (mode_ == Mode::kInteger) EDGELITE_RETURN_IF_ERROR(PrepareInteger(ctx));
  PlanScratch();
  return Status::Ok();
}

Status LstmCell::CheckShapes(OpContext& ctx) {
  const Tensor* in = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, Idx(kSlotInput), &in));
  const bool sequence = kind_ != LstmKind::kLstm;
  EDGELITE_RETURN_IF_ERROR(
      CheckInputRank(ctx, Idx(kSlotInput), sequence ? 3 : 2, sequence ? 3 : 2));
  if (sequence) {
    n_time_ = time_major_ ? in->shape[0] : in->shape[1];
    n_batch_ = time_major_ ? in->shape[1] : in->shape[0];
    n_input_ = in->shape[2];
  } else {
    n_time_ = 1;
    n_batch_ = in->shape[0];
    n_input_ = in->shape[1];
  }
  const Tensor* w = nullptr;
  EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, InputWeights(kGateOutput), &w));
  EDGELITE_RETURN_IF_ERROR(
      CheckInputRank(ctx, InputWeights(kGateOutput), 2, 2));
  n_cell_ = w->shape[0];
  const Tensor* r = nullptr;
  EDGELITE_RETURN_IF_ERROR(
      RequireInput(ctx, RecurrentWeights(kGateOutput), &r));
  EDGELITE_RETURN_IF_ERROR(
      CheckInputRank(ctx, RecurrentWeights(kGateOutput), 2, 2));
  n_output_ = r->shape[1];
  if (n_cell_ < 1) {
    return ctx.InputError(StatusCode::kInvalidModel, InputWeights(kGateOutput),
                          "the cell count (dimension 0) must be at least 1");
  }
  use_cifg_ = ctx.input(InputWeights(kGateInput)) == nullptr;
  if (use_cifg_ != (ctx.input(RecurrentWeights(kGateInput)) == nullptr)) {
    return ctx.Error(
        StatusCode::kInvalidModel,
        StrFormat("input-gate weights (inputs %d and %d) must be both present "
                  "or both absent (CIFG)",
                  InputWeights(kGateInput), RecurrentWeights(kGateInput)));
  }
  auto check_shape = [&](int i, std::initializer_list<int32_t> dims,
                         const char* what) -> Status {
    const Tensor* t = ctx.input(i);
    if (t == nullptr) return Status::Ok();
    Shape want;
    want.rank = static_cast<int>(dims.size());
    int d = 0;
    for (int32_t v : dims) want.dims[d++] = v;
    if (t->shape != want) {
      return ctx.InputError(
          StatusCode::kInvalidModel, i,
          StrFormat("%s: expected shape %s, got %s", what,
                    want.ToString().c_str(), t->shape.ToString().c_str()));
    }
    return Status::Ok();
  };
  for (int g = 0; g < 4; ++g) {
    if (!has(g)) continue;
    const Tensor* t = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, InputWeights(g), &t));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, RecurrentWeights(g), &t));
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, GateBias(g), &t));
    EDGELITE_RETURN_IF_ERROR(check_shape(InputWeights(g), {n_cell_, n_input_},
                                         "input weights [cells, inputs]"));
    EDGELITE_RETURN_IF_ERROR(check_shape(RecurrentWeights(g),
                                         {n_cell_, n_output_},
                                         "recurrent weights [cells, outputs]"));
    EDGELITE_RETURN_IF_ERROR(
        check_shape(GateBias(g), {n_cell_}, "gate bias [cells]"));
  }
  if (use_cifg_ && ctx.input(GateBias(kGateInput)) != nullptr) {
    return ctx.InputError(StatusCode::kInvalidModel, GateBias(kGateInput),
                          "a CIFG LSTM (no input-gate weights) has no input "
                          "gate bias");
  }
  // Peephole weights: all or none (the input one absent with CIFG).
  const bool pf = ctx.input(PeepholeWeights(kGateForget)) != nullptr;
  const bool po = ctx.input(PeepholeWeights(kGateOutput)) != nullptr;
  const bool pi = ctx.input(PeepholeWeights(kGateInput)) != nullptr;
  use_peephole_ = po;
  const bool all = pf && po && (pi || use_cifg_);
  const bool none = !pf && !po && !pi;
  if (!all && !none) {
    return ctx.Error(
        StatusCode::kInvalidModel,
        StrFormat("peephole weights (inputs %d, %d, %d) must be all present "
                  "(input %d absent with CIFG) or all absent",
                  PeepholeWeights(kGateInput), PeepholeWeights(kGateForget),
                  PeepholeWeights(kGateOutput), PeepholeWeights(kGateInput)));
  }
  for (int g : {kGateInput, kGateForget, kGateOutput}) {
    EDGELITE_RETURN_IF_ERROR(
        check_shape(PeepholeWeights(g), {n_cell_}, "peephole weights [cells]"));
  }
  use_projection_ = ctx.input(Idx(kSlotProjectionWeights)) != nullptr;
  if (!use_projection_ && ctx.input(Idx(kSlotProjectionBias)) != nullptr) {
    return ctx.InputError(StatusCode::kInvalidModel, Idx(kSlotProjectionBias),
                          StrFormat("a projection bias needs projection "
                                    "weights (input %d)",
                                    Idx(kSlotProjectionWeights)));
  }
  EDGELITE_RETURN_IF_ERROR(check_shape(Idx(kSlotProjectionWeights),
                                       {n_output_, n_cell_},
                                       "projection weights [outputs, cells]"));
  EDGELITE_RETURN_IF_ERROR(check_shape(Idx(kSlotProjectionBias), {n_output_},
                                       "projection bias [outputs]"));
  if (!use_projection_ && n_output_ != n_cell_) {
    return ctx.InputError(
        StatusCode::kInvalidModel, RecurrentWeights(kGateOutput),
        StrFormat("without projection weights the output size (%d) must equal "
                  "the cell count (%d)",
                  n_output_, n_cell_));
  }
  if (use_layer_norm_) {
    for (int g = 0; g < 4; ++g) {
      const bool present = ctx.input(LayerNormWeights(g)) != nullptr;
      if (present != has(g)) {
        return ctx.InputError(
            StatusCode::kInvalidModel, LayerNormWeights(g),
            StrFormat("%s-gate layer-norm coefficients must be %s",
                      kGateName[g], has(g) ? "present" : "absent with CIFG"));
      }
      EDGELITE_RETURN_IF_ERROR(check_shape(LayerNormWeights(g), {n_cell_},
                                           "layer-norm coefficients [cells]"));
    }
  }
  // The states: variables of n_batch·n_output and n_batch·n_cell elements.
  for (int i : {Idx(kSlotOutputState), Idx(kSlotCellState)}) {
    const Tensor* s = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, i, &s));
    if (!s->is_variable) {
      return ctx.InputError(
          StatusCode::kInvalidModel, i,
          StrFormat("the %s state must be a variable tensor",
                    i == Idx(kSlotOutputState) ? "output" : "cell"));
    }
    const int64_t want =
        int64_t{n_batch_} * (i == Idx(kSlotOutputState) ? n_output_ : n_cell_);
    if (s->NumElements() != want) {
      return ctx.InputError(
          StatusCode::kInvalidModel, i,
          StrFormat("the %s state has %lld elements, expected batch × %s = "
                    "%lld",
                    i == Idx(kSlotOutputState) ? "output" : "cell",
                    static_cast<long long>(s->NumElements()),
                    i == Idx(kSlotOutputState) ? "outputs" : "cells",
                    static_cast<long long>(want)));
    }
  }
  return Status::Ok();
}

Status LstmCell::CheckTypes(OpContext& ctx) {
  const Tensor* in = ctx.input(Idx(kSlotInput));
  const DataType wt = ctx.input(InputWeights(kGateOutput))->type;
  if (in->type == DataType::kFloat32 && wt == DataType::kFloat32) {
    mode_ = Mode::kFloat;
  } else if (in->type == DataType::kFloat32 && wt == DataType::kInt8) {
    mode_ = Mode::kHybrid;
  } else if (in->type == DataType::kInt8 && wt == DataType::kInt8) {
    mode_ = Mode::kInteger;
  } else {
    return ctx.Error(
        StatusCode::kUnsupported,
        StrFormat("input type %s with %s weights is not supported (float32 "
                  "with float32 or int8 weights, or int8 with int8 weights)",
                  DataTypeName(in->type), DataTypeName(wt)));
  }
  const bool integer = mode_ == Mode::kInteger;
  const DataType act_type = integer ? DataType::kInt8 : DataType::kFloat32;
  auto expect = [&](int i, DataType t, const char* what) -> Status {
    const Tensor* x = ctx.input(i);
    if (x == nullptr || x->type == t) return Status::Ok();
    return ctx.InputError(StatusCode::kInvalidModel, i,
                          StrFormat("%s must be %s, got %s", what,
                                    DataTypeName(t), DataTypeName(x->type)));
  };
  for (int g = 0; g < 4; ++g) {
    EDGELITE_RETURN_IF_ERROR(expect(InputWeights(g), wt, "input weights"));
    EDGELITE_RETURN_IF_ERROR(
        expect(RecurrentWeights(g), wt, "recurrent weights"));
    EDGELITE_RETURN_IF_ERROR(
        expect(GateBias(g), integer ? DataType::kInt32 : DataType::kFloat32,
               "gate bias"));
    EDGELITE_RETURN_IF_ERROR(expect(
        LayerNormWeights(g), integer ? DataType::kInt16 : DataType::kFloat32,
        "layer-norm coefficients"));
    if (g != kGateCell) {
      EDGELITE_RETURN_IF_ERROR(expect(PeepholeWeights(g),
                                      integer ? DataType::kInt16 : wt,
                                      "peephole weights"));
    }
  }
  EDGELITE_RETURN_IF_ERROR(
      expect(Idx(kSlotProjectionWeights), wt, "projection weights"));
  EDGELITE_RETURN_IF_ERROR(expect(
      Idx(kSlotProjectionBias), integer ? DataType::kInt32 : DataType::kFloat32,
      "projection bias"));
  EDGELITE_RETURN_IF_ERROR(
      expect(Idx(kSlotOutputState), act_type, "the output state"));
  EDGELITE_RETURN_IF_ERROR(expect(
      Idx(kSlotCellState), integer ? DataType::kInt16 : DataType::kFloat32,
      "the cell state"));
  if (ctx.output(out_index_)->type != act_type) {
    return ctx.OutputError(
        StatusCode::kInvalidModel, out_index_,
        StrFormat("must be %s like the input, got %s", DataTypeName(act_type),
                  DataTypeName(ctx.output(out_index_)->type)));
  }
  if (mode_ == Mode::kHybrid) {
    // Weight scales (per-tensor; TFLite's hybrid LSTM reads one scale).
    const int weight_slots[] = {1, 2, 3, 4,  5,  6,
                                7, 8, 9, 10, 11, kSlotProjectionWeights};
    for (int slot : weight_slots) {
      const int i = Idx(slot);
      if (ctx.input(i) == nullptr) continue;
      EDGELITE_RETURN_IF_ERROR(PerTensorScale(ctx, i, &w_scale_[i]));
    }
  }
  return Status::Ok();
}

Status LstmCell::PerTensorScale(OpContext& ctx, int i, float* scale) {
  const Tensor* t = ctx.input(i);
  EDGELITE_RETURN_IF_ERROR(RequirePerTensorQuant(ctx, t, true, i));
  *scale = t->scale();
  return Status::Ok();
}

Status LstmCell::PrepareInteger(OpContext& ctx) {
  if (kind_ == LstmKind::kLstm && ctx.num_intermediates() == 12) {
    return ctx.Error(StatusCode::kUnsupported,
                     "the integer LSTM with 8-bit gates (\"8x8→8\", 12 "
                     "intermediate tensors) is not supported, only 8x8→16 "
                     "(5 intermediate tensors)");
  }
  if (ctx.num_intermediates() != 5) {
    return ctx.Error(StatusCode::kInvalidModel,
                     StrFormat("an integer LSTM needs 5 intermediate tensors "
                               "(the gate and hidden quantization), has %d",
                               ctx.num_intermediates()));
  }
  // Every quantized tensor: one scale.
  float input_scale, output_state_scale, cell_state_scale;
  EDGELITE_RETURN_IF_ERROR(PerTensorScale(ctx, Idx(kSlotInput), &input_scale));
  EDGELITE_RETURN_IF_ERROR(
      PerTensorScale(ctx, Idx(kSlotOutputState), &output_state_scale));
  EDGELITE_RETURN_IF_ERROR(
      PerTensorScale(ctx, Idx(kSlotCellState), &cell_state_scale));
  EDGELITE_RETURN_IF_ERROR(
      RequirePerTensorQuant(ctx, ctx.output(out_index_), false, out_index_));
  float scale[24] = {};
  for (int i = 1; i < 24; ++i) {
    if (i == GateBias(0) || i == GateBias(1) || i == GateBias(2) ||
        i == GateBias(3) || i == Idx(kSlotProjectionBias) ||
        i == Idx(kSlotOutputState) || i == Idx(kSlotCellState) ||
        ctx.input(i) == nullptr) {
      continue;
    }
    EDGELITE_RETURN_IF_ERROR(PerTensorScale(ctx, i, &scale[i]));
  }
  // Weights and biases are folded with zero points here: constants only.
  for (int i = 1; i < 24; ++i) {
    const Tensor* t = ctx.input(i);
    if (t == nullptr || i == Idx(kSlotOutputState) || i == Idx(kSlotCellState))
      continue;
    if (!t->is_constant()) {
      return ctx.InputError(StatusCode::kUnsupported, i,
                            "a non-constant weight or bias is not supported "
                            "by the integer LSTM");
    }
  }
  if (!lstm::CheckedLog2(cell_state_scale, &cell_scale_)) {
    return ctx.InputError(StatusCode::kUnsupported, Idx(kSlotCellState),
                          StrFormat("the cell state scale %g is not a power of "
                                    "two",
                                    cell_state_scale));
  }
  if (15 + cell_scale_ < 0 || 15 + cell_scale_ > 6) {
    return ctx.InputError(
        StatusCode::kUnsupported, Idx(kSlotCellState),
        StrFormat("the cell state scale 2^%d is outside TFLite's range 2^-15 "
                  "… 2^-9",
                  cell_scale_));
  }
  if (use_peephole_ && n_output_ > n_cell_) {
    return ctx.Error(StatusCode::kUnsupported,
                     "an integer LSTM with peephole weights and a projection "
                     "to more outputs than cells is not supported (TFLite "
                     "reads past its buffers)");
  }
  // Gate intermediates: their scales with layer norm, else Q3.12.
  float inter_scale[5];
  for (int i = 0; i < 5; ++i) {
    inter_scale[i] = 1.0f / 4096.0f;
    if (i < 4 && !use_layer_norm_) continue;
    const Tensor* t = ctx.intermediate(i);
    if (t->quant == nullptr || t->quant->scale.empty()) {
      return ctx.Error(StatusCode::kInvalidModel,
                       StrFormat("intermediate %d (tensor %d '%s') must be "
                                 "quantized",
                                 i, t->index, t->name));
    }
    inter_scale[i] = t->quant->scale[0];
    if (i == 4) hidden_zp_ = static_cast<int32_t>(t->quant->zero_point[0]);
  }
  const int32_t input_zp = ctx.input(Idx(kSlotInput))->zero_point();
  output_state_zp_ = ctx.input(Idx(kSlotOutputState))->zero_point();
  // Effective scales: float32 products as TFLite computes them.
  const double cell_pow = std::pow(2.0, cell_scale_);
  for (int g = 0; g < 4; ++g) {
    if (!has(g)) continue;
    IntegerGate& q = gates_[g];
    const float in_eff = scale[InputWeights(g)] * input_scale / inter_scale[g];
    const float rec_eff =
        scale[RecurrentWeights(g)] * output_state_scale / inter_scale[g];
    QuantizeMultiplier(in_eff, &q.input_a, &q.input_b);
    QuantizeMultiplier(rec_eff, &q.recurrent_a, &q.recurrent_b);
    if (has_peephole(g)) {
      const float p_eff = static_cast<float>(
          cell_pow * scale[PeepholeWeights(g)] / inter_scale[g]);
      QuantizeMultiplier(p_eff, &q.peephole_a, &q.peephole_b);
    }
    float ln_scale = 1.0f;
    if (use_layer_norm_) ln_scale = scale[LayerNormWeights(g)];
    QuantizeMultiplier(ln_scale, &q.layer_norm_a, &q.layer_norm_b);
    // (saturating: a hostile layer-norm scale must not overflow the int)
    q.variance_guard = std::max(1, FloatToInt32Sat(10000 * ln_scale));
    // bias + zp·Σw, with TFLite's sign conventions (−input zp, −state zp);
    // with layer norm the gate bias is applied after normalization instead.
    auto fold = [&](int wi, const Tensor* bias, int32_t zp, int cols,
                    std::vector<int32_t>* out) {
      const int8_t* w = ctx.input(wi)->Data<int8_t>();
      out->assign(n_cell_, 0);
      for (int r = 0; r < n_cell_; ++r) {
        int32_t sum = 0;
        for (int k = 0; k < cols; ++k) sum += w[r * cols + k];
        (*out)[r] = static_cast<int32_t>(
            static_cast<uint32_t>(bias ? bias->Data<int32_t>()[r] : 0) +
            static_cast<uint32_t>(sum * zp));
      }
    };
    fold(InputWeights(g), use_layer_norm_ ? nullptr : ctx.input(GateBias(g)),
         -input_zp, n_input_, &q.input_bias);
    fold(RecurrentWeights(g), nullptr, -output_state_zp_, n_output_,
         &q.recurrent_bias);
  }
  const float hidden_eff = static_cast<float>(
      std::pow(2.0, -15) / static_cast<double>(inter_scale[4]) *
      std::pow(2.0, -15));
  QuantizeMultiplier(hidden_eff, &hidden_a_, &hidden_b_);
  if (use_projection_) {
    const float proj_eff = scale[Idx(kSlotProjectionWeights)] * inter_scale[4] /
                           output_state_scale;
    QuantizeMultiplier(proj_eff, &proj_a_, &proj_b_);
    const int8_t* w = ctx.input(Idx(kSlotProjectionWeights))->Data<int8_t>();
    const Tensor* b = ctx.input(Idx(kSlotProjectionBias));
    proj_bias_.assign(n_output_, 0);
    for (int r = 0; r < n_output_; ++r) {
      int32_t sum = 0;
      for (int k = 0; k < n_cell_; ++k) sum += w[r * n_cell_ + k];
      proj_bias_[r] = static_cast<int32_t>(
          static_cast<uint32_t>(b ? b->Data<int32_t>()[r] : 0) +
          static_cast<uint32_t>(sum * hidden_zp_));
    }
  }
  cell_clip_q_ = 0;
  if (cell_clip_ > 0.0f) {
    cell_clip_q_ = static_cast<int16_t>(
        std::min(std::max(cell_clip_ / cell_state_scale, -32768.0f), 32767.0f));
  }
  proj_clip_q_ = 0;
  if (proj_clip_ > 0.0f) {
    proj_clip_q_ = static_cast<int8_t>(std::min(
        std::max(proj_clip_ / ctx.output(out_index_)->scale(), -128.0f),
        127.0f));
  }
  return Status::Ok();
}

void LstmCell::PlanScratch() {
  const size_t rows = time_major_ ? n_batch_ : 1;
  const size_t cells = rows * n_cell_;
  size_t off = 0;
  auto take = [&](size_t bytes) {
    const size_t at = off;
    off += Align16(bytes);
    return at;
  };
  const size_t gate_elem = mode_ == Mode::kInteger ? 2 : 4;
  for (int g = 0; g < 4; ++g) off_gate_[g] = take(cells * gate_elem);
  if (mode_ == Mode::kInteger) {
    off_acc_ = take(cells * 2);  // tanh(c)
    off_sq_ = take(cells);       // int8 hidden
  } else {
    off_acc_ = take(rows * std::max(n_cell_, n_output_) * 4);
  }
  if (mode_ == Mode::kHybrid) {
    off_xq_ = take(rows * n_input_);
    off_hq_ = take(rows * n_output_);
    off_sq_ = take(cells);
    off_x_sf_ = take(rows * 4);
    off_h_sf_ = take(rows * 4);
    off_x_zp_ = take(rows * 4);
    off_h_zp_ = take(rows * 4);
    off_peep_ = take(static_cast<size_t>(n_cell_) * 4);
  }
  scratch_bytes_ = off;
}

void LstmCell::Run(OpContext& ctx, const uint8_t* x_data, uint8_t* out,
                   int out_width, int out_offset, bool forward,
                   uint8_t* scratch) {
  uint8_t* hs = ctx.input(Idx(kSlotOutputState))->data;
  uint8_t* cs = ctx.input(Idx(kSlotCellState))->data;
  const size_t xe = mode_ == Mode::kInteger ? 1 : 4;  // input/output/h bytes
  const size_t ce = mode_ == Mode::kInteger ? 2 : 4;  // cell bytes
  auto step = [&](int rows, size_t x_off, size_t h_off, size_t c_off,
                  size_t y_off) {
    const uint8_t* x = x_data + x_off * xe;
    uint8_t* h = hs + h_off * xe;
    uint8_t* c = cs + c_off * ce;
    uint8_t* y = out + (y_off + out_offset) * xe;
    switch (mode_) {
      case Mode::kFloat:
        StepFloat(ctx, rows, reinterpret_cast<const float*>(x),
                  reinterpret_cast<float*>(h), reinterpret_cast<float*>(c),
                  reinterpret_cast<float*>(y), out_width, scratch);
        break;
      case Mode::kHybrid:
        StepHybrid(ctx, rows, reinterpret_cast<const float*>(x),
                   reinterpret_cast<float*>(h), reinterpret_cast<float*>(c),
                   reinterpret_cast<float*>(y), out_width, scratch);
        break;
      case Mode::kInteger:
        StepInteger(ctx, rows, reinterpret_cast<const int8_t*>(x),
                    reinterpret_cast<int8_t*>(h), reinterpret_cast<int16_t*>(c),
                    reinterpret_cast<int8_t*>(y), out_width, scratch);
        break;
    }
  };
  const size_t nb = n_batch_, ni = n_input_, no = out_width, nc = n_cell_;
  const size_t nh = n_output_;
  if (time_major_) {
    for (int i = 0; i < n_time_; ++i) {
      const size_t t = forward ? i : n_time_ - 1 - i;
      step(n_batch_, t * nb * ni, 0, 0, t * nb * no);
    }
  } else {
    for (size_t b = 0; b < nb; ++b) {
      for (int i = 0; i < n_time_; ++i) {
        const size_t bt = b * n_time_ + (forward ? i : n_time_ - 1 - i);
        step(1, bt * ni, b * nh, b * nc, bt * no);
      }
    }
  }
}

// TFLite CalculateLstmGateFloat, including its buffer swap: the result ends
// in `gate` unless the input step was all zeros, in which case it ends in
// `acc` and only the activation moves it to `gate`.
void LstmCell::GateFloat(OpContext& ctx, int g, Activation act, int rows,
                         const float* x, bool x_zero, const float* h,
                         const float* c, float* gate, float* acc) {
  const int n = rows * n_cell_;
  const float* bias = Data<float>(ctx, GateBias(g));
  for (int b = 0; b < rows; ++b) {
    for (int i = 0; i < n_cell_; ++i) {
      gate[b * n_cell_ + i] = use_layer_norm_ ? 0.0f : bias[i];
    }
  }
  float* sum = gate;
  float* res = acc;
  if (!x_zero) {
    MatVecAccumulate(Data<float>(ctx, InputWeights(g)), n_cell_, n_input_, x,
                     rows, sum, res);
    std::swap(sum, res);
  }
  MatVecAccumulate(Data<float>(ctx, RecurrentWeights(g)), n_cell_, n_output_, h,
                   rows, sum, res);
  if (has_peephole(g)) {
    const float* p = Data<float>(ctx, PeepholeWeights(g));
    for (int b = 0; b < rows; ++b) {
      for (int i = 0; i < n_cell_; ++i)
        res[b * n_cell_ + i] += p[i] * c[b * n_cell_ + i];
    }
  }
  if (use_layer_norm_) {
    const float* ln = Data<float>(ctx, LayerNormWeights(g));
    MeanStddevNormalize(res, n_cell_, rows);
    for (int b = 0; b < rows; ++b) {
      for (int i = 0; i < n_cell_; ++i) {
        float& v = res[b * n_cell_ + i];
        v = v * ln[i];
        v += bias[i];
      }
    }
  }
  if (g == kGateCell) {
    ApplyActivation(res, n, act, gate);
  } else {
    ApplySigmoid(res, n, gate);
  }
}

// TFLite UpdateLstmCellFloat + CalculateLstmOutputFloat (also the hybrid's
// cell update; its output differs in the projection only).
static void UpdateCellFloat(int n, float* c, const float* gi, float* gf,
                            const float* gg, bool cifg, float clip) {
  for (int k = 0; k < n; ++k) c[k] = gf[k] * c[k];
  if (cifg) {
    for (int k = 0; k < n; ++k) gf[k] = 1.0f - gf[k];
    for (int k = 0; k < n; ++k) c[k] += gg[k] * gf[k];
  } else {
    for (int k = 0; k < n; ++k) c[k] += gg[k] * gi[k];
  }
  if (clip > 0.0f) ClipFloat(c, n, clip);
}

void LstmCell::OutputFloat(OpContext& ctx, int rows, const float* c,
                           float* gate_o, float* gate_g, float* h, float* acc) {
  const int n = rows * n_cell_;
  ApplyActivation(c, n, activation_, gate_g);
  for (int k = 0; k < n; ++k) gate_g[k] = gate_o[k] * gate_g[k];
  if (!use_projection_) {
    std::memcpy(h, gate_g, sizeof(float) * rows * n_output_);
    return;
  }
  const float* pb = Data<float>(ctx, Idx(kSlotProjectionBias));
  for (int b = 0; b < rows; ++b) {
    for (int r = 0; r < n_output_; ++r)
      acc[b * n_output_ + r] = pb ? pb[r] : 0.0f;
  }
  MatVecAccumulate(Data<float>(ctx, Idx(kSlotProjectionWeights)), n_output_,
                   n_cell_, gate_g, rows, acc, h);
  if (proj_clip_ > 0.0f) ClipFloat(h, rows * n_output_, proj_clip_);
}

void LstmCell::StepFloat(OpContext& ctx, int rows, const float* x, float* h,
                         float* c, float* y, int y_stride, uint8_t* scratch) {
  float* gate[4];
  for (int g = 0; g < 4; ++g)
    gate[g] = reinterpret_cast<float*>(scratch + off_gate_[g]);
  float* acc = reinterpret_cast<float*>(scratch + off_acc_);
  const bool x_zero = IsZeroVector(x, rows * n_input_);
  for (int g : {kGateInput, kGateForget, kGateCell}) {
    if (has(g))
      GateFloat(ctx, g, activation_, rows, x, x_zero, h, c, gate[g], acc);
  }
  UpdateCellFloat(rows * n_cell_, c, gate[kGateInput], gate[kGateForget],
                  gate[kGateCell], use_cifg_, cell_clip_);
  GateFloat(ctx, kGateOutput, activation_, rows, x, x_zero, h, c,
            gate[kGateOutput], acc);
  OutputFloat(ctx, rows, c, gate[kGateOutput], gate[kGateCell], h, acc);
  CopyRows(h, rows, n_output_ * sizeof(float), y, y_stride * sizeof(float));
}

void LstmCell::StepHybrid(OpContext& ctx, int rows, const float* x, float* h,
                          float* c, float* y, int y_stride, uint8_t* scratch) {
  float* gate[4];
  for (int g = 0; g < 4; ++g)
    gate[g] = reinterpret_cast<float*>(scratch + off_gate_[g]);
  int8_t* xq = reinterpret_cast<int8_t*>(scratch + off_xq_);
  int8_t* hq = reinterpret_cast<int8_t*>(scratch + off_hq_);
  int8_t* sq = reinterpret_cast<int8_t*>(scratch + off_sq_);
  float* x_sf = reinterpret_cast<float*>(scratch + off_x_sf_);
  float* h_sf = reinterpret_cast<float*>(scratch + off_h_sf_);
  int32_t* x_zp = reinterpret_cast<int32_t*>(scratch + off_x_zp_);
  int32_t* h_zp = reinterpret_cast<int32_t*>(scratch + off_h_zp_);
  float* peep = reinterpret_cast<float*>(scratch + off_peep_);
  const bool x_zero = IsZeroVector(x, rows * n_input_);
  const bool h_zero = IsZeroVector(h, rows * n_output_);
  if (!x_zero) QuantizeRows(x, rows, n_input_, asymmetric_, xq, x_sf, x_zp);
  if (!h_zero) QuantizeRows(h, rows, n_output_, asymmetric_, hq, h_sf, h_zp);
  auto gate_hybrid = [&](int g) {
    float* out = gate[g];
    const float* bias = Data<float>(ctx, GateBias(g));
    for (int b = 0; b < rows; ++b) {
      for (int i = 0; i < n_cell_; ++i) {
        out[b * n_cell_ + i] = use_layer_norm_ ? 0.0f : bias[i];
      }
    }
    if (!x_zero) {
      HybridMatVecAccumulate(Data<int8_t>(ctx, InputWeights(g)), n_cell_,
                             n_input_, xq, x_sf, w_scale_[InputWeights(g)],
                             asymmetric_ ? x_zp : nullptr, rows, out);
    }
    if (!h_zero) {
      HybridMatVecAccumulate(Data<int8_t>(ctx, RecurrentWeights(g)), n_cell_,
                             n_output_, hq, h_sf, w_scale_[RecurrentWeights(g)],
                             asymmetric_ ? h_zp : nullptr, rows, out);
    }
    if (has_peephole(g)) {
      const int8_t* p = Data<int8_t>(ctx, PeepholeWeights(g));
      const float ps = w_scale_[PeepholeWeights(g)];
      for (int i = 0; i < n_cell_; ++i) peep[i] = ps * p[i];
      for (int b = 0; b < rows; ++b) {
        for (int i = 0; i < n_cell_; ++i) {
          out[b * n_cell_ + i] += peep[i] * c[b * n_cell_ + i];
        }
      }
    }
    if (use_layer_norm_) {
      const float* ln = Data<float>(ctx, LayerNormWeights(g));
      MeanStddevNormalize(out, n_cell_, rows);
      for (int b = 0; b < rows; ++b) {
        for (int i = 0; i < n_cell_; ++i) {
          float& v = out[b * n_cell_ + i];
          v = v * ln[i];
          v += bias[i];
        }
      }
    }
    if (g == kGateCell) {
      ApplyActivation(out, rows * n_cell_, activation_, out);
    } else {
      ApplySigmoid(out, rows * n_cell_, out);
    }
  };
  for (int g : {kGateInput, kGateForget, kGateCell}) {
    if (has(g)) gate_hybrid(g);
  }
  UpdateCellFloat(rows * n_cell_, c, gate[kGateInput], gate[kGateForget],
                  gate[kGateCell], use_cifg_, cell_clip_);
  gate_hybrid(kGateOutput);
  // Output: h = o ⊙ act(c) (NONE leaves the cell gate), projected.
  const int n = rows * n_cell_;
  float* s = gate[kGateCell];
  ApplyActivation(c, n, activation_, s);
  for (int k = 0; k < n; ++k) s[k] = gate[kGateOutput][k] * s[k];
  if (use_projection_) {
    const float* pb = Data<float>(ctx, Idx(kSlotProjectionBias));
    for (int b = 0; b < rows; ++b) {
      for (int r = 0; r < n_output_; ++r)
        h[b * n_output_ + r] = pb ? pb[r] : 0.0f;
    }
    if (!IsZeroVector(s, n)) {
      QuantizeRows(s, rows, n_cell_, asymmetric_, sq, x_sf, x_zp);
      HybridMatVecAccumulate(Data<int8_t>(ctx, Idx(kSlotProjectionWeights)),
                             n_output_, n_cell_, sq, x_sf,
                             w_scale_[Idx(kSlotProjectionWeights)],
                             asymmetric_ ? x_zp : nullptr, rows, h);
    }
    if (proj_clip_ > 0.0f) ClipFloat(h, rows * n_output_, proj_clip_);
  } else {
    std::memcpy(h, s, sizeof(float) * rows * n_output_);
  }
  CopyRows(h, rows, n_output_ * sizeof(float), y, y_stride * sizeof(float));
}

void LstmCell::GateInteger(OpContext& ctx, int g, int rows, const int8_t* x,
                           const int8_t* h, const int16_t* c, int16_t* gate) {
  const IntegerGate& q = gates_[g];
  std::fill(gate, gate + rows * n_cell_, int16_t{0});
  IntegerMatVecAccumulate(x, q.input_bias.data(),
                          Data<int8_t>(ctx, InputWeights(g)), q.input_a,
                          q.input_b, rows, n_input_, n_cell_, 0, gate);
  IntegerMatVecAccumulate(h, q.recurrent_bias.data(),
                          Data<int8_t>(ctx, RecurrentWeights(g)), q.recurrent_a,
                          q.recurrent_b, rows, n_output_, n_cell_, 0, gate);
  if (has_peephole(g)) {
    // TFLite walks n_output (not n_cell) values per batch row here.
    const int16_t* p = Data<int16_t>(ctx, PeepholeWeights(g));
    for (int b = 0; b < rows; ++b) {
      for (int v = 0; v < n_output_; ++v) {
        const int k = b * n_output_ + v;
        const int32_t prod = MultiplyByQuantizedMultiplier(
            int32_t{p[v]} * c[k], q.peephole_a, q.peephole_b);
        gate[k] = static_cast<int16_t>(Clamp(prod + gate[k], kI16Min, kI16Max));
      }
    }
  }
  if (use_layer_norm_) {
    IntegerLayerNorm(gate, Data<int16_t>(ctx, LayerNormWeights(g)),
                     Data<int32_t>(ctx, GateBias(g)), q.layer_norm_a,
                     q.layer_norm_b, q.variance_guard, rows, n_cell_);
  }
  const int n = rows * n_cell_;
  if (g == kGateCell) {
    for (int k = 0; k < n; ++k) gate[k] = lstm::TanhInt16(gate[k], 3);
  } else {
    for (int k = 0; k < n; ++k) gate[k] = lstm::LogisticQ3(gate[k]);
  }
}

void LstmCell::StepInteger(OpContext& ctx, int rows, const int8_t* x, int8_t* h,
                           int16_t* c, int8_t* y, int y_stride,
                           uint8_t* scratch) {
  int16_t* gate[4];
  for (int g = 0; g < 4; ++g)
    gate[g] = reinterpret_cast<int16_t*>(scratch + off_gate_[g]);
  int16_t* tanh_c = reinterpret_cast<int16_t*>(scratch + off_acc_);
  int8_t* hidden = reinterpret_cast<int8_t*>(scratch + off_sq_);
  for (int g : {kGateInput, kGateForget, kGateCell}) {
    if (has(g)) GateInteger(ctx, g, rows, x, h, c, gate[g]);
  }
  // Cell: c = f·c >> 15 + i·g >> (30 + cell_scale) (CIFG: i = 32767 − f),
  // rounding, saturating only the sum, then clipped.
  const int n = rows * n_cell_;
  const int shift = 30 + cell_scale_;
  for (int k = 0; k < n; ++k) {
    const int16_t fc = static_cast<int16_t>(
        RoundingDivideByPOT(int32_t{gate[kGateForget][k]} * c[k], 15));
    const int32_t i = use_cifg_
                          ? static_cast<int16_t>(kI16Max - gate[kGateForget][k])
                          : gate[kGateInput][k];
    const int16_t ig = static_cast<int16_t>(
        RoundingDivideByPOT(i * int32_t{gate[kGateCell][k]}, shift));
    int32_t v = Clamp(int32_t{fc} + ig, kI16Min, kI16Max);
    if (cell_clip_q_ > 0) v = Clamp(v, -cell_clip_q_, cell_clip_q_);
    c[k] = static_cast<int16_t>(v);
  }
  GateInteger(ctx, kGateOutput, rows, x, h, c, gate[kGateOutput]);
  // Hidden: o · tanh(c) requantized to the hidden intermediate (TFLite
  // subtracts its zero point).
  for (int k = 0; k < n; ++k)
    tanh_c[k] = lstm::TanhInt16(c[k], 15 + cell_scale_);
  for (int k = 0; k < n; ++k) {
    int32_t v = MultiplyByQuantizedMultiplier(
        int32_t{gate[kGateOutput][k]} * tanh_c[k], hidden_a_, hidden_b_);
    v -= hidden_zp_;
    hidden[k] = static_cast<int8_t>(Clamp(v, -128, 127));
  }
  if (use_projection_) {
    std::fill(h, h + rows * n_output_, int8_t{0});
    IntegerMatVecAccumulate(hidden, proj_bias_.data(),
                            Data<int8_t>(ctx, Idx(kSlotProjectionWeights)),
                            proj_a_, proj_b_, rows, n_cell_, n_output_,
                            output_state_zp_, h);
    if (proj_clip_q_ > 0) {
      for (int k = 0; k < rows * n_output_; ++k) {
        h[k] = static_cast<int8_t>(Clamp(h[k], -proj_clip_q_, proj_clip_q_));
      }
    }
  } else {
    std::memcpy(h, hidden, rows * n_output_);
  }
  CopyRows(h, rows, n_output_, y, y_stride);
}

// LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM: one cell over inputs 0…23.
class LstmOp final : public Op {
 public:
  explicit LstmOp(LstmKind kind) : kind_(kind) {}

  Status Prepare(OpContext& ctx) override {
    if (ctx.num_inputs() != 20 && ctx.num_inputs() != 24) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("expects 20 or 24 inputs, has %d", ctx.num_inputs()));
    }
    if (ctx.num_outputs() != 1) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("expects 1 output, has %d", ctx.num_outputs()));
    }
    const LstmOptions& o = ctx.options().lstm;
    if (kind_ == LstmKind::kLstm && o.kernel_type != 0) {
      return ctx.Error(StatusCode::kUnsupported,
                       "kernel_type BASIC (the 4-input uint8 LSTM) is not "
                       "supported, only FULL");
    }
    if (kind_ == LstmKind::kSequence && o.diagonal_recurrent_tensors) {
      return ctx.Error(StatusCode::kUnsupported,
                       "diagonal_recurrent_tensors is not supported");
    }
    EDGELITE_RETURN_IF_ERROR(cell_.Prepare(ctx, kIdentitySlots, kind_, 0));
    Shape out_shape = ctx.input(kSlotInput)->shape;
    out_shape.dims[out_shape.rank - 1] = cell_.n_output();
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, out_shape));
    return ctx.RequestScratch(cell_.scratch_bytes(), &scratch_id_);
  }

  Status Eval(OpContext& ctx) override {
    cell_.Run(ctx, ctx.input(kSlotInput)->data, ctx.output(0)->data,
              cell_.n_output(), 0, true,
              static_cast<uint8_t*>(ctx.scratch(scratch_id_)));
    return Status::Ok();
  }

 private:
  LstmKind kind_;
  LstmCell cell_;
  int scratch_id_ = -1;
};

// BIDIRECTIONAL_SEQUENCE_LSTM (kernels/bidirectional_sequence_lstm.cc): a
// forward cell over inputs 1…17 (states 35, 36) and a backward cell over
// inputs 18…34 (states 37, 38) that visits the time steps last to first, both
// through TFLite's lstm_eval (so the arithmetic above), without layer norm.
// merge_outputs writes fw | bw into one output's rows, else two outputs.
// An auxiliary input (39) without auxiliary weights is the backward cell's
// input (TFLite's "non-stacking" mode); auxiliary weights (40…47, the
// cross-linked stacking) are refused. TFLite's hybrid path always treats the
// input as time-major (its time_major=false output would be the sequence
// read with batch and time swapped, past the state buffers when time >
// batch), so hybrid batch-major models are refused; time-major hybrid runs.
// Measured against tfjs-tflite: with merge_outputs and batch-major input its
// float kernel offsets batch row b's output state by b × the merged width
// (lstm_eval.cc, output_batch_leading_dim) instead of b × n_output, reading
// and writing past the state for b ≥ 1 (NaN or garbage outputs from row 1
// on); edgelite refuses that configuration when batch > 1.
constexpr int kBidiAuxInput = 39;
const int kFwSlots[kNumSlots] = {0,  1,  2,  3,  4,  5,  6,  7,
                                 8,  9,  10, 11, 12, 13, 14, 15,
                                 16, 17, 35, 36, -1, -1, -1, -1};
const int kBwSlots[kNumSlots] = {0,  18, 19, 20, 21, 22, 23, 24,
                                 25, 26, 27, 28, 29, 30, 31, 32,
                                 33, 34, 37, 38, -1, -1, -1, -1};

class BidirectionalSequenceLstmOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    merge_ = ctx.options().lstm.merge_outputs;
    EDGELITE_RETURN_IF_ERROR(CheckBidirectionalArity(ctx, 48, merge_));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, kSlotInput, &in));
    if (in->type != DataType::kFloat32) {
      return ctx.InputError(
          StatusCode::kUnsupported, kSlotInput,
          StrFormat("type %s is not supported (float32, with float32 or "
                    "int8 weights)",
                    DataTypeName(in->type)));
    }
    for (int i = kBidiAuxInput + 1; i < 48; ++i) {
      if (ctx.input(i) != nullptr) {
        return ctx.InputError(
            StatusCode::kUnsupported, i,
            "auxiliary input weights (inputs 40-47, the cross-linked "
            "stacking of stack_bidirectional_rnn) are not supported");
      }
    }
    std::copy(kBwSlots, kBwSlots + kNumSlots, bw_slots_);
    const Tensor* aux = ctx.input(kBidiAuxInput);
    if (aux != nullptr) {
      if (aux->type != DataType::kFloat32 || aux->shape != in->shape) {
        return ctx.InputError(
            StatusCode::kInvalidModel, kBidiAuxInput,
            StrFormat("the auxiliary input (the backward cell's input) must "
                      "be float32 of the input's shape %s, got %s %s",
                      in->shape.ToString().c_str(), DataTypeName(aux->type),
                      aux->shape.ToString().c_str()));
      }
      bw_slots_[kSlotInput] = kBidiAuxInput;
    }
    EDGELITE_RETURN_IF_ERROR(
        fw_.Prepare(ctx, kFwSlots, LstmKind::kBidirectional, 0));
    EDGELITE_RETURN_IF_ERROR(
        bw_.Prepare(ctx, bw_slots_, LstmKind::kBidirectional, merge_ ? 0 : 1));
    const bool time_major = ctx.options().lstm.time_major;
    const int32_t batch = in->shape.dims[time_major ? 1 : 0];
    if (merge_ && !time_major && batch > 1) {
      return ctx.Error(
          StatusCode::kUnsupported,
          StrFormat("merge_outputs with batch-major input and batch %d > 1 is "
                    "not supported: TFLite's kernel steps batch row b from "
                    "the output state at b × the merged width, past the "
                    "state buffer (its results are undefined)",
                    batch));
    }
    if ((fw_.hybrid() || bw_.hybrid()) && !time_major) {
      return ctx.Error(StatusCode::kUnsupported,
                       "hybrid (int8 weights) with time_major false is not "
                       "supported: TFLite's hybrid kernel reads the input as "
                       "time-major regardless");
    }
    Shape fw_shape = in->shape;
    fw_shape.dims[2] = fw_.n_output() + (merge_ ? bw_.n_output() : 0);
    EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(0, fw_shape));
    if (!merge_) {
      Shape bw_shape = in->shape;
      bw_shape.dims[2] = bw_.n_output();
      EDGELITE_RETURN_IF_ERROR(ctx.SetOutputShape(1, bw_shape));
    }
    // The passes run one after the other: one scratch serves both.
    return ctx.RequestScratch(
        std::max(fw_.scratch_bytes(), bw_.scratch_bytes()), &scratch_id_);
  }

  Status Eval(OpContext& ctx) override {
    uint8_t* scratch = static_cast<uint8_t*>(ctx.scratch(scratch_id_));
    const int fw_n = fw_.n_output(), bw_n = bw_.n_output();
    const int width = merge_ ? fw_n + bw_n : fw_n;
    uint8_t* out0 = ctx.output(0)->data;
    fw_.Run(ctx, ctx.input(kSlotInput)->data, out0, width, 0, true, scratch);
    bw_.Run(ctx, ctx.input(bw_slots_[kSlotInput])->data,
            merge_ ? out0 : ctx.output(1)->data, merge_ ? width : bw_n,
            merge_ ? fw_n : 0, false, scratch);
    return Status::Ok();
  }

 private:
  bool merge_ = false;
  int bw_slots_[kNumSlots] = {};
  LstmCell fw_, bw_;
  int scratch_id_ = -1;
};

}  // namespace

std::unique_ptr<Op> CreateLstmOp(LstmKind kind) {
  if (kind == LstmKind::kBidirectional) {
    return std::unique_ptr<Op>(new BidirectionalSequenceLstmOp());
  }
  return std::unique_ptr<Op>(new LstmOp(kind));
}

}  // namespace edgelite
