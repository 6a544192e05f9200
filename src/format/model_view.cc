// Verification and semantic validation of .tflite files.
//
// Order matters: FlatBuffers verification first (after it, every offset read
// below is in bounds), then operator codes and operator index lists (so tensor
// messages can name the op that uses the tensor), then tensors, then the data
// flow of the graph.
#include "format/model_view.h"

#include <flatbuffers/flatbuffers.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "format/tflite_schema.h"

namespace edgelite {

const char* BuiltinOpName(int32_t code) {
  if (code >= static_cast<int32_t>(tfl::BuiltinOperator::MIN) &&
      code <= static_cast<int32_t>(tfl::BuiltinOperator::MAX)) {
    const char* name =
        tfl::EnumNameBuiltinOperator(static_cast<tfl::BuiltinOperator>(code));
    if (name != nullptr && name[0] != '\0') return name;
  }
  return "UNKNOWN_BUILTIN";
}

std::string OperatorInfo::OpName() const {
  if (builtin_code == static_cast<int32_t>(tfl::BuiltinOperator::CUSTOM)) {
    return custom_code;
  }
  if (!BuiltinOpName(builtin_code) ||
      std::strcmp(BuiltinOpName(builtin_code), "UNKNOWN_BUILTIN") == 0) {
    return StrFormat("BUILTIN_%d", builtin_code);
  }
  return BuiltinOpName(builtin_code);
}

std::string OperatorInfo::Describe() const {
  if (builtin_code == static_cast<int32_t>(tfl::BuiltinOperator::CUSTOM)) {
    return StrFormat("op %d (CUSTOM '%s' v%d)", index, custom_code.c_str(),
                     version);
  }
  return StrFormat("op %d (%s v%d)", index, OpName().c_str(), version);
}

std::string ModelView::DescribeTensor(int index) const {
  if (index < 0 || index >= static_cast<int>(tensors_.size())) {
    return StrFormat("tensor %d", index);
  }
  return StrFormat("tensor %d '%s'", index, tensors_[index].name.c_str());
}

namespace {

std::string SafeString(const flatbuffers::String* s, size_t max = 256) {
  if (s == nullptr) return std::string();
  std::string out(s->c_str(), std::min<size_t>(s->size(), max));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

bool ValidPadding(tfl::Padding p) {
  return p == tfl::Padding::SAME || p == tfl::Padding::VALID;
}

bool ValidActivation(tfl::ActivationFunctionType a) {
  const int v = static_cast<int>(a);
  return v >= 0 && v <= 5;
}

}  // namespace

class ModelParser {
 public:
  ModelParser(ModelView* view, const tfl::Model* model,
              const LoadLimits& limits)
      : view_(view), model_(model), limits_(limits) {}

  Status Parse();

 private:
  Status ParseOpcodes();
  Status ParseOperators();
  Status ParseTensors();
  Status ParseTensor(int index, const tfl::Tensor* t);
  Status ParseQuantization(int index, const tfl::QuantizationParameters* q,
                           TensorInfo* info);
  Status ParseOptions(const tfl::Operator* op, OperatorInfo* info);
  Status CheckDataFlow();
  Status ParseMetadata();
  // "op 17 (CONV_2D v3): input tensor 33 'w'" or "tensor 33 'w'".
  std::string TensorWho(int index) const;
  // TensorWho(index) (or a fixed text), formatted only when an error message
  // needs it:
  // formatting it for every tensor of an honest model cost more than the rest
  // of parsing in the wasm build.
  class LazyWho {
   public:
    LazyWho(const ModelParser* parser, int index)
        : parser_(parser), index_(index) {}
    explicit LazyWho(std::string text)
        : parser_(nullptr), index_(-1), done_(true), text_(std::move(text)) {}
    const char* c_str() const {
      if (!done_) {
        text_ = parser_->TensorWho(index_);
        done_ = true;
      }
      return text_.c_str();
    }

   private:
    const ModelParser* parser_;
    int index_;
    mutable bool done_ = false;
    mutable std::string text_;
  };
  Status BufferBytes(uint32_t buffer_index, const uint8_t** data, size_t* size,
                     const LazyWho& who);
  // Charges `bytes` of file data that the parser is about to walk or copy.
  // A FlatBuffer may point any number of tables at one vector or one table,
  // so without this a small file could make parsing quadratic in its size
  // (and allocate accordingly). Distinct tables, vectors and strings occupy
  // distinct bytes, so an honest file never runs out of budget.
  Status Charge(uint64_t bytes, const char* what);
  Status Charge(uint64_t bytes, const LazyWho& who, const char* what);
  // Bytes a table costs in an honest file at least: its entry in the
  // parent's offset vector and its own vtable offset.
  static constexpr uint64_t kTableBytes = 8;

  ModelView* view_;
  const tfl::Model* model_;
  const LoadLimits& limits_;
  const tfl::SubGraph* subgraph_ = nullptr;
  struct OpCode {
    int32_t builtin = 0;
    std::string custom;
    int32_t version = 1;
  };
  std::vector<OpCode> opcodes_;
  std::vector<int> first_consumer_;  // per tensor: op index or -1
  std::vector<int> first_consumer_slot_;
  std::vector<std::string> tensor_names_;
  uint64_t budget_ = 0;
};

Status ModelParser::Charge(uint64_t bytes, const char* what) {
  if (bytes <= budget_) {
    budget_ -= bytes;
    return Status::Ok();
  }
  return InvalidModelError(
      "%s: the model refers to more data than its %zu-byte file holds (tables "
      "share FlatBuffers vectors or tables); refusing it",
      what, view_->bytes_->size());
}

Status ModelParser::Charge(uint64_t bytes, const LazyWho& who,
                           const char* what) {
  if (bytes <= budget_) {
    budget_ -= bytes;
    return Status::Ok();
  }
  return Charge(bytes, StrFormat("%s: %s", who.c_str(), what).c_str());
}

std::string ModelParser::TensorWho(int index) const {
  std::string name =
      index >= 0 && index < static_cast<int>(tensor_names_.size())
          ? tensor_names_[index]
          : std::string();
  std::string t = StrFormat("tensor %d '%s'", index, name.c_str());
  if (index >= 0 && index < static_cast<int>(first_consumer_.size()) &&
      first_consumer_[index] >= 0) {
    const OperatorInfo& op = view_->operators_[first_consumer_[index]];
    return StrFormat("%s: input %d (%s)", op.Describe().c_str(),
                     first_consumer_slot_[index], t.c_str());
  }
  return t;
}

Status ModelParser::Parse() {
  view_->schema_version_ = model_->version();
  view_->description_ = SafeString(model_->description());
  const auto* subgraphs = model_->subgraphs();
  if (subgraphs == nullptr || subgraphs->size() == 0) {
    return InvalidModelError("model has no subgraphs");
  }
  view_->num_subgraphs_ = subgraphs->size();
  subgraph_ = subgraphs->Get(0);
  if (subgraph_ == nullptr) return InvalidModelError("subgraph 0 is missing");
  budget_ = view_->bytes_->size();

  const auto* tensors = subgraph_->tensors();
  const size_t num_tensors = tensors ? tensors->size() : 0;
  if (num_tensors > limits_.max_tensors) {
    return ResourceExhaustedError(
        "model has %zu tensors, more than the limit of %zu "
        "(LoadLimits::max_tensors)",
        num_tensors, limits_.max_tensors);
  }
  const size_t num_ops =
      subgraph_->operators() ? subgraph_->operators()->size() : 0;
  if (num_ops > limits_.max_operators) {
    return ResourceExhaustedError(
        "model has %zu operators, more than the limit of %zu "
        "(LoadLimits::max_operators)",
        num_ops, limits_.max_operators);
  }
  EDGELITE_RETURN_IF_ERROR(Charge(kTableBytes * num_tensors, "tensors"));
  tensor_names_.resize(num_tensors);
  for (size_t i = 0; i < num_tensors; ++i) {
    const flatbuffers::String* name = tensors->Get(i)->name();
    EDGELITE_RETURN_IF_ERROR(
        Charge(name ? std::min<size_t>(name->size(), 256) : 0,
               StrFormat("tensor %zu", i).c_str()));
    tensor_names_[i] = SafeString(name);
  }
  EDGELITE_RETURN_IF_ERROR(ParseOpcodes());
  EDGELITE_RETURN_IF_ERROR(ParseOperators());
  EDGELITE_RETURN_IF_ERROR(ParseTensors());
  EDGELITE_RETURN_IF_ERROR(CheckDataFlow());
  EDGELITE_RETURN_IF_ERROR(ParseMetadata());
  return Status::Ok();
}

Status ModelParser::ParseOpcodes() {
  const auto* codes = model_->operator_codes();
  if (codes == nullptr) return Status::Ok();
  EDGELITE_RETURN_IF_ERROR(
      Charge(kTableBytes * codes->size(), "operator codes"));
  opcodes_.resize(codes->size());
  for (size_t i = 0; i < codes->size(); ++i) {
    const tfl::OperatorCode* c = codes->Get(i);
    OpCode& oc = opcodes_[i];
    EDGELITE_RETURN_IF_ERROR(Charge(
        c->custom_code() ? std::min<size_t>(c->custom_code()->size(), 256) : 0,
        StrFormat("operator code %zu", i).c_str()));
    // TFLite: the larger of the two fields wins (builtin_code was added when
    // the int8 deprecated_builtin_code ran out of values).
    oc.builtin = std::max<int32_t>(static_cast<int32_t>(c->builtin_code()),
                                   c->deprecated_builtin_code());
    oc.version = c->version();
    if (oc.version < 1) {
      return InvalidModelError("operator code %zu (%s): version %d is not >= 1",
                               i, BuiltinOpName(oc.builtin), oc.version);
    }
    if (oc.builtin == static_cast<int32_t>(tfl::BuiltinOperator::CUSTOM)) {
      if (c->custom_code() == nullptr || c->custom_code()->size() == 0) {
        return InvalidModelError("operator code %zu: CUSTOM op without a name",
                                 i);
      }
      oc.custom = SafeString(c->custom_code());
    }
  }
  return Status::Ok();
}

Status ModelParser::ParseOperators() {
  const auto* ops = subgraph_->operators();
  const int num_tensors = static_cast<int>(tensor_names_.size());
  first_consumer_.assign(num_tensors, -1);
  first_consumer_slot_.assign(num_tensors, -1);
  if (ops == nullptr) return Status::Ok();
  EDGELITE_RETURN_IF_ERROR(Charge(kTableBytes * ops->size(), "operators"));
  view_->operators_.resize(ops->size());
  for (size_t i = 0; i < ops->size(); ++i) {
    const tfl::Operator* op = ops->Get(i);
    OperatorInfo& info = view_->operators_[i];
    info.index = static_cast<int>(i);
    if (op->opcode_index() >= opcodes_.size()) {
      return InvalidModelError(
          "op %zu: opcode_index %u out of range (model has %zu operator codes)",
          i, op->opcode_index(), opcodes_.size());
    }
    const OpCode& oc = opcodes_[op->opcode_index()];
    info.builtin_code = oc.builtin;
    info.custom_code = oc.custom;
    info.version = oc.version;
    auto list_size = [](const flatbuffers::Vector<int32_t>* v) -> uint64_t {
      return v ? v->size() : 0;
    };
    EDGELITE_RETURN_IF_ERROR(
        Charge(4 * (list_size(op->inputs()) + list_size(op->outputs()) +
                    list_size(op->intermediates())),
               info.Describe().c_str()));
    auto read_list = [&](const flatbuffers::Vector<int32_t>* v,
                         std::vector<int32_t>* out, const char* what,
                         bool allow_absent) -> Status {
      if (v == nullptr) return Status::Ok();
      out->reserve(v->size());
      for (size_t k = 0; k < v->size(); ++k) {
        const int32_t t = v->Get(k);
        if (t == -1 && allow_absent) {
          out->push_back(t);
          continue;
        }
        if (t < 0 || t >= num_tensors) {
          return InvalidModelError(
              "%s: %s %zu refers to tensor %d, out of range (subgraph has %d "
              "tensors)",
              info.Describe().c_str(), what, k, t, num_tensors);
        }
        out->push_back(t);
      }
      return Status::Ok();
    };
    EDGELITE_RETURN_IF_ERROR(
        read_list(op->inputs(), &info.inputs, "input", true));
    EDGELITE_RETURN_IF_ERROR(
        read_list(op->outputs(), &info.outputs, "output", false));
    EDGELITE_RETURN_IF_ERROR(read_list(op->intermediates(), &info.intermediates,
                                       "intermediate", false));
    for (size_t k = 0; k < info.inputs.size(); ++k) {
      const int32_t t = info.inputs[k];
      if (t >= 0 && first_consumer_[t] < 0) {
        first_consumer_[t] = static_cast<int>(i);
        first_consumer_slot_[t] = static_cast<int>(k);
      }
    }
    EDGELITE_RETURN_IF_ERROR(ParseOptions(op, &info));
    if (op->custom_options() != nullptr) {
      info.custom_options = op->custom_options()->data();
      info.custom_options_size = op->custom_options()->size();
    } else if (op->large_custom_options_offset() > 1) {
      const uint64_t off = op->large_custom_options_offset();
      const uint64_t size = op->large_custom_options_size();
      if (off > view_->bytes_->size() || size > view_->bytes_->size() - off) {
        return InvalidModelError(
            "%s: large custom options [%llu, +%llu) lie outside the %zu-byte "
            "file",
            info.Describe().c_str(), static_cast<unsigned long long>(off),
            static_cast<unsigned long long>(size), view_->bytes_->size());
      }
      info.custom_options = view_->bytes_->data() + off;
      info.custom_options_size = static_cast<size_t>(size);
    }
  }
  return Status::Ok();
}

Status ModelParser::ParseOptions(const tfl::Operator* op, OperatorInfo* info) {
  OpOptions& o = info->options;
  const std::string who = info->Describe();
  auto check_common =
      [&](tfl::Padding padding, tfl::ActivationFunctionType act,
          std::initializer_list<std::pair<const char*, int32_t>> positive)
      -> Status {
    if (!ValidPadding(padding)) {
      return InvalidModelError(
          "%s: builtin option padding = %d is neither SAME "
          "nor VALID",
          who.c_str(), static_cast<int>(padding));
    }
    if (!ValidActivation(act)) {
      return InvalidModelError(
          "%s: builtin option fused_activation_function = %d is unknown",
          who.c_str(), static_cast<int>(act));
    }
    for (const auto& p : positive) {
      if (p.second < 1) {
        return InvalidModelError("%s: builtin option %s = %d must be >= 1",
                                 who.c_str(), p.first, p.second);
      }
    }
    return Status::Ok();
  };
  auto check_act = [&](tfl::ActivationFunctionType act) -> Status {
    if (!ValidActivation(act)) {
      return InvalidModelError(
          "%s: builtin option fused_activation_function = %d is unknown",
          who.c_str(), static_cast<int>(act));
    }
    return Status::Ok();
  };

  auto check_finite =
      [&](std::initializer_list<std::pair<const char*, float>> values)
      -> Status {
    for (const auto& v : values) {
      if (!std::isfinite(v.second)) {
        return InvalidModelError("%s: builtin option %s is not finite",
                                 who.c_str(), v.first);
      }
    }
    return Status::Ok();
  };

  o.present = op->builtin_options_type() != tfl::BuiltinOptions::NONE &&
              op->builtin_options() != nullptr;
  switch (op->builtin_options_type()) {
    case tfl::BuiltinOptions::Conv2DOptions: {
      const auto* p = op->builtin_options_as_Conv2DOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(
          check_common(p->padding(), p->fused_activation_function(),
                       {{"stride_w", p->stride_w()},
                        {"stride_h", p->stride_h()},
                        {"dilation_w_factor", p->dilation_w_factor()},
                        {"dilation_h_factor", p->dilation_h_factor()}}));
      o.conv.padding = static_cast<Padding>(p->padding());
      o.conv.stride_w = p->stride_w();
      o.conv.stride_h = p->stride_h();
      o.conv.dilation_w = p->dilation_w_factor();
      o.conv.dilation_h = p->dilation_h_factor();
      o.conv.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.conv.quantized_bias_type =
          static_cast<DataType>(p->quantized_bias_type());
      break;
    }
    case tfl::BuiltinOptions::DepthwiseConv2DOptions: {
      const auto* p = op->builtin_options_as_DepthwiseConv2DOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(
          check_common(p->padding(), p->fused_activation_function(),
                       {{"stride_w", p->stride_w()},
                        {"stride_h", p->stride_h()},
                        {"dilation_w_factor", p->dilation_w_factor()},
                        {"dilation_h_factor", p->dilation_h_factor()}}));
      o.depthwise.padding = static_cast<Padding>(p->padding());
      o.depthwise.stride_w = p->stride_w();
      o.depthwise.stride_h = p->stride_h();
      o.depthwise.dilation_w = p->dilation_w_factor();
      o.depthwise.dilation_h = p->dilation_h_factor();
      o.depthwise.depth_multiplier = p->depth_multiplier();
      o.depthwise.activation =
          static_cast<Activation>(p->fused_activation_function());
      break;
    }
    case tfl::BuiltinOptions::Pool2DOptions: {
      const auto* p = op->builtin_options_as_Pool2DOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(
          check_common(p->padding(), p->fused_activation_function(),
                       {{"stride_w", p->stride_w()},
                        {"stride_h", p->stride_h()},
                        {"filter_width", p->filter_width()},
                        {"filter_height", p->filter_height()}}));
      o.pool.padding = static_cast<Padding>(p->padding());
      o.pool.stride_w = p->stride_w();
      o.pool.stride_h = p->stride_h();
      o.pool.filter_w = p->filter_width();
      o.pool.filter_h = p->filter_height();
      o.pool.activation =
          static_cast<Activation>(p->fused_activation_function());
      break;
    }
    case tfl::BuiltinOptions::FullyConnectedOptions: {
      const auto* p = op->builtin_options_as_FullyConnectedOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.fully_connected.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.fully_connected.weights_format =
          static_cast<int8_t>(p->weights_format());
      o.fully_connected.keep_num_dims = p->keep_num_dims();
      o.fully_connected.asymmetric_quantize_inputs =
          p->asymmetric_quantize_inputs();
      o.fully_connected.quantized_bias_type =
          static_cast<DataType>(p->quantized_bias_type());
      break;
    }
    case tfl::BuiltinOptions::SoftmaxOptions: {
      const auto* p = op->builtin_options_as_SoftmaxOptions();
      if (!p) break;
      if (!std::isfinite(p->beta())) {
        return InvalidModelError("%s: builtin option beta is not finite",
                                 who.c_str());
      }
      o.softmax.beta = p->beta();
      break;
    }
    case tfl::BuiltinOptions::ConcatenationOptions: {
      const auto* p = op->builtin_options_as_ConcatenationOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.concatenation.axis = p->axis();
      o.concatenation.activation =
          static_cast<Activation>(p->fused_activation_function());
      break;
    }
    case tfl::BuiltinOptions::AddOptions: {
      const auto* p = op->builtin_options_as_AddOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.binary.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.binary.pot_scale_int16 = p->pot_scale_int16();
      break;
    }
    case tfl::BuiltinOptions::SubOptions: {
      const auto* p = op->builtin_options_as_SubOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.binary.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.binary.pot_scale_int16 = p->pot_scale_int16();
      break;
    }
    case tfl::BuiltinOptions::MulOptions: {
      const auto* p = op->builtin_options_as_MulOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.binary.activation =
          static_cast<Activation>(p->fused_activation_function());
      break;
    }
    case tfl::BuiltinOptions::DivOptions: {
      const auto* p = op->builtin_options_as_DivOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.binary.activation =
          static_cast<Activation>(p->fused_activation_function());
      break;
    }
    case tfl::BuiltinOptions::ReshapeOptions: {
      const auto* p = op->builtin_options_as_ReshapeOptions();
      if (!p || !p->new_shape()) break;
      if (p->new_shape()->size() > kMaxRank) {
        return UnsupportedError("%s: new_shape has rank %u, more than %d",
                                who.c_str(), p->new_shape()->size(), kMaxRank);
      }
      o.reshape.has_new_shape = true;
      o.reshape.new_shape.assign(p->new_shape()->begin(),
                                 p->new_shape()->end());
      break;
    }
    case tfl::BuiltinOptions::ReducerOptions: {
      const auto* p = op->builtin_options_as_ReducerOptions();
      if (!p) break;
      o.reducer.keep_dims = p->keep_dims();
      break;
    }
    case tfl::BuiltinOptions::SqueezeOptions: {
      const auto* p = op->builtin_options_as_SqueezeOptions();
      if (!p || !p->squeeze_dims()) break;
      if (p->squeeze_dims()->size() > kMaxRank) {
        return InvalidModelError(
            "%s: squeeze_dims has %u entries, more than %d", who.c_str(),
            p->squeeze_dims()->size(), kMaxRank);
      }
      o.squeeze.squeeze_dims.assign(p->squeeze_dims()->begin(),
                                    p->squeeze_dims()->end());
      break;
    }
    case tfl::BuiltinOptions::L2NormOptions: {
      const auto* p = op->builtin_options_as_L2NormOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.l2norm.activation =
          static_cast<Activation>(p->fused_activation_function());
      break;
    }
    case tfl::BuiltinOptions::LocalResponseNormalizationOptions: {
      const auto* p =
          op->builtin_options_as_LocalResponseNormalizationOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_finite(
          {{"bias", p->bias()}, {"alpha", p->alpha()}, {"beta", p->beta()}}));
      o.lrn.radius = p->radius();
      o.lrn.bias = p->bias();
      o.lrn.alpha = p->alpha();
      o.lrn.beta = p->beta();
      break;
    }
    case tfl::BuiltinOptions::LSTMOptions: {
      const auto* p = op->builtin_options_as_LSTMOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      EDGELITE_RETURN_IF_ERROR(check_finite(
          {{"cell_clip", p->cell_clip()}, {"proj_clip", p->proj_clip()}}));
      o.lstm.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.lstm.cell_clip = p->cell_clip();
      o.lstm.proj_clip = p->proj_clip();
      o.lstm.kernel_type = static_cast<int8_t>(p->kernel_type());
      o.lstm.asymmetric_quantize_inputs = p->asymmetric_quantize_inputs();
      break;
    }
    case tfl::BuiltinOptions::UnidirectionalSequenceLSTMOptions: {
      const auto* p =
          op->builtin_options_as_UnidirectionalSequenceLSTMOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      EDGELITE_RETURN_IF_ERROR(check_finite(
          {{"cell_clip", p->cell_clip()}, {"proj_clip", p->proj_clip()}}));
      o.lstm.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.lstm.cell_clip = p->cell_clip();
      o.lstm.proj_clip = p->proj_clip();
      o.lstm.time_major = p->time_major();
      o.lstm.asymmetric_quantize_inputs = p->asymmetric_quantize_inputs();
      o.lstm.diagonal_recurrent_tensors = p->diagonal_recurrent_tensors();
      break;
    }
    case tfl::BuiltinOptions::ResizeBilinearOptions: {
      const auto* p = op->builtin_options_as_ResizeBilinearOptions();
      if (!p) break;
      o.resize.align_corners = p->align_corners();
      o.resize.half_pixel_centers = p->half_pixel_centers();
      break;
    }
    case tfl::BuiltinOptions::ResizeNearestNeighborOptions: {
      const auto* p = op->builtin_options_as_ResizeNearestNeighborOptions();
      if (!p) break;
      o.resize.align_corners = p->align_corners();
      o.resize.half_pixel_centers = p->half_pixel_centers();
      break;
    }
    case tfl::BuiltinOptions::SpaceToDepthOptions: {
      const auto* p = op->builtin_options_as_SpaceToDepthOptions();
      if (!p) break;
      o.block.block_size = p->block_size();
      break;
    }
    case tfl::BuiltinOptions::DepthToSpaceOptions: {
      const auto* p = op->builtin_options_as_DepthToSpaceOptions();
      if (!p) break;
      o.block.block_size = p->block_size();
      break;
    }
    case tfl::BuiltinOptions::MirrorPadOptions: {
      const auto* p = op->builtin_options_as_MirrorPadOptions();
      if (!p) break;
      o.mirror_pad.mode = static_cast<int8_t>(p->mode());
      break;
    }
    case tfl::BuiltinOptions::GatherOptions: {
      const auto* p = op->builtin_options_as_GatherOptions();
      if (!p) break;
      o.gather.axis = p->axis();
      o.gather.batch_dims = p->batch_dims();
      break;
    }
    case tfl::BuiltinOptions::StridedSliceOptions: {
      const auto* p = op->builtin_options_as_StridedSliceOptions();
      if (!p) break;
      o.strided_slice.begin_mask = p->begin_mask();
      o.strided_slice.end_mask = p->end_mask();
      o.strided_slice.ellipsis_mask = p->ellipsis_mask();
      o.strided_slice.new_axis_mask = p->new_axis_mask();
      o.strided_slice.shrink_axis_mask = p->shrink_axis_mask();
      o.strided_slice.offset = p->offset();
      break;
    }
    case tfl::BuiltinOptions::SplitOptions: {
      const auto* p = op->builtin_options_as_SplitOptions();
      if (!p) break;
      o.split.num_splits = p->num_splits();
      break;
    }
    case tfl::BuiltinOptions::SplitVOptions: {
      const auto* p = op->builtin_options_as_SplitVOptions();
      if (!p) break;
      o.split.num_splits = p->num_splits();
      break;
    }
    case tfl::BuiltinOptions::CastOptions: {
      const auto* p = op->builtin_options_as_CastOptions();
      if (!p) break;
      o.cast.in_data_type = static_cast<int8_t>(p->in_data_type());
      o.cast.out_data_type = static_cast<int8_t>(p->out_data_type());
      o.cast.has_types = true;
      break;
    }
    case tfl::BuiltinOptions::ArgMaxOptions: {
      const auto* p = op->builtin_options_as_ArgMaxOptions();
      if (!p) break;
      o.arg.output_type = static_cast<DataType>(p->output_type());
      break;
    }
    case tfl::BuiltinOptions::ArgMinOptions: {
      const auto* p = op->builtin_options_as_ArgMinOptions();
      if (!p) break;
      o.arg.output_type = static_cast<DataType>(p->output_type());
      break;
    }
    case tfl::BuiltinOptions::TransposeConvOptions: {
      const auto* p = op->builtin_options_as_TransposeConvOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_common(
          p->padding(), p->fused_activation_function(),
          {{"stride_w", p->stride_w()}, {"stride_h", p->stride_h()}}));
      o.transpose_conv.padding = static_cast<Padding>(p->padding());
      o.transpose_conv.stride_w = p->stride_w();
      o.transpose_conv.stride_h = p->stride_h();
      o.transpose_conv.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.transpose_conv.quantized_bias_type =
          static_cast<DataType>(p->quantized_bias_type());
      break;
    }
    case tfl::BuiltinOptions::ShapeOptions: {
      const auto* p = op->builtin_options_as_ShapeOptions();
      if (!p) break;
      o.shape.out_type = static_cast<DataType>(p->out_type());
      break;
    }
    case tfl::BuiltinOptions::PackOptions: {
      const auto* p = op->builtin_options_as_PackOptions();
      if (!p) break;
      o.pack.count = p->values_count();
      o.pack.axis = p->axis();
      break;
    }
    case tfl::BuiltinOptions::UnpackOptions: {
      const auto* p = op->builtin_options_as_UnpackOptions();
      if (!p) break;
      o.pack.count = p->num();
      o.pack.axis = p->axis();
      break;
    }
    case tfl::BuiltinOptions::OneHotOptions: {
      const auto* p = op->builtin_options_as_OneHotOptions();
      if (!p) break;
      o.one_hot.axis = p->axis();
      break;
    }
    case tfl::BuiltinOptions::LeakyReluOptions: {
      const auto* p = op->builtin_options_as_LeakyReluOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_finite({{"alpha", p->alpha()}}));
      o.leaky_relu.alpha = p->alpha();
      break;
    }
    case tfl::BuiltinOptions::BatchMatMulOptions: {
      const auto* p = op->builtin_options_as_BatchMatMulOptions();
      if (!p) break;
      o.batch_matmul.adj_x = p->adj_x();
      o.batch_matmul.adj_y = p->adj_y();
      o.batch_matmul.asymmetric_quantize_inputs =
          p->asymmetric_quantize_inputs();
      break;
    }
    case tfl::BuiltinOptions::CumsumOptions: {
      const auto* p = op->builtin_options_as_CumsumOptions();
      if (!p) break;
      o.cumsum.exclusive = p->exclusive();
      o.cumsum.reverse = p->reverse();
      break;
    }
    case tfl::BuiltinOptions::GeluOptions: {
      const auto* p = op->builtin_options_as_GeluOptions();
      if (!p) break;
      o.gelu.approximate = p->approximate();
      break;
    }
    case tfl::BuiltinOptions::SVDFOptions: {
      const auto* p = op->builtin_options_as_SVDFOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.rnn.rank = p->rank();
      o.rnn.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.rnn.asymmetric_quantize_inputs = p->asymmetric_quantize_inputs();
      break;
    }
    case tfl::BuiltinOptions::RNNOptions: {
      const auto* p = op->builtin_options_as_RNNOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.rnn.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.rnn.asymmetric_quantize_inputs = p->asymmetric_quantize_inputs();
      break;
    }
    case tfl::BuiltinOptions::SequenceRNNOptions: {
      const auto* p = op->builtin_options_as_SequenceRNNOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.rnn.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.rnn.time_major = p->time_major();
      o.rnn.asymmetric_quantize_inputs = p->asymmetric_quantize_inputs();
      break;
    }
    case tfl::BuiltinOptions::BidirectionalSequenceRNNOptions: {
      const auto* p = op->builtin_options_as_BidirectionalSequenceRNNOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      o.rnn.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.rnn.time_major = p->time_major();
      o.rnn.merge_outputs = p->merge_outputs();
      o.rnn.asymmetric_quantize_inputs = p->asymmetric_quantize_inputs();
      break;
    }
    case tfl::BuiltinOptions::BidirectionalSequenceLSTMOptions: {
      const auto* p = op->builtin_options_as_BidirectionalSequenceLSTMOptions();
      if (!p) break;
      EDGELITE_RETURN_IF_ERROR(check_act(p->fused_activation_function()));
      EDGELITE_RETURN_IF_ERROR(check_finite(
          {{"cell_clip", p->cell_clip()}, {"proj_clip", p->proj_clip()}}));
      o.lstm.activation =
          static_cast<Activation>(p->fused_activation_function());
      o.lstm.cell_clip = p->cell_clip();
      o.lstm.proj_clip = p->proj_clip();
      o.lstm.time_major = p->time_major();
      o.lstm.merge_outputs = p->merge_outputs();
      o.lstm.asymmetric_quantize_inputs = p->asymmetric_quantize_inputs();
      break;
    }
    case tfl::BuiltinOptions::ReverseSequenceOptions: {
      const auto* p = op->builtin_options_as_ReverseSequenceOptions();
      if (!p) break;
      o.reverse_sequence.seq_dim = p->seq_dim();
      o.reverse_sequence.batch_dim = p->batch_dim();
      break;
    }
    case tfl::BuiltinOptions::BucketizeOptions: {
      const auto* p = op->builtin_options_as_BucketizeOptions();
      if (!p || !p->boundaries()) break;
      o.bucketize.boundaries.assign(p->boundaries()->begin(),
                                    p->boundaries()->end());
      for (float b : o.bucketize.boundaries) {
        if (!std::isfinite(b)) {
          return InvalidModelError(
              "%s: builtin option boundaries holds a "
              "value that is not finite",
              who.c_str());
        }
      }
      break;
    }
    default:
      break;
  }
  return Status::Ok();
}

Status ModelParser::BufferBytes(uint32_t buffer_index, const uint8_t** data,
                                size_t* size, const LazyWho& who) {
  *data = nullptr;
  *size = 0;
  const auto* buffers = model_->buffers();
  const size_t num_buffers = buffers ? buffers->size() : 0;
  if (buffer_index == 0 && num_buffers == 0) return Status::Ok();
  if (buffer_index >= num_buffers) {
    return InvalidModelError(
        "%s: buffer index %u out of range (model has %zu "
        "buffers)",
        who.c_str(), buffer_index, num_buffers);
  }
  const tfl::Buffer* b = buffers->Get(buffer_index);
  if (b == nullptr) return Status::Ok();
  if (b->data() != nullptr && b->data()->size() > 0) {
    *data = b->data()->data();
    *size = b->data()->size();
  } else if (b->offset() > 1) {
    // Large models keep buffer data after the FlatBuffer, addressed from the
    // start of the file.
    const uint64_t off = b->offset();
    const uint64_t len = b->size();
    if (off > view_->bytes_->size() || len > view_->bytes_->size() - off) {
      return InvalidModelError(
          "%s: buffer %u data [%llu, +%llu) lies outside the %zu-byte file",
          who.c_str(), buffer_index, static_cast<unsigned long long>(off),
          static_cast<unsigned long long>(len), view_->bytes_->size());
    }
    if (len > 0) {
      *data = view_->bytes_->data() + off;
      *size = static_cast<size_t>(len);
    }
  }
  return Status::Ok();
}

Status ModelParser::ParseTensors() {
  const auto* tensors = subgraph_->tensors();
  if (tensors == nullptr) return Status::Ok();
  view_->tensors_.resize(tensors->size());
  for (size_t i = 0; i < tensors->size(); ++i) {
    EDGELITE_RETURN_IF_ERROR(ParseTensor(static_cast<int>(i), tensors->Get(i)));
  }
  return Status::Ok();
}

Status ModelParser::ParseTensor(int index, const tfl::Tensor* t) {
  TensorInfo& info = view_->tensors_[index];
  info.index = index;
  info.name = tensor_names_[index];
  const LazyWho who(this, index);

  const int type_code = static_cast<int>(t->type());
  if (!IsSupportedDataType(type_code)) {
    return UnsupportedError("%s: element type %s is not supported", who.c_str(),
                            TfliteTypeName(type_code));
  }
  info.type = static_cast<DataType>(type_code);
  if (t->sparsity() != nullptr) {
    return UnsupportedError("%s: sparse tensors are not supported",
                            who.c_str());
  }

  const auto* shape = t->shape();
  const size_t rank = shape ? shape->size() : 0;
  if (rank > static_cast<size_t>(kMaxRank)) {
    return UnsupportedError("%s: rank %zu exceeds the supported maximum of %d",
                            who.c_str(), rank, kMaxRank);
  }
  info.shape.rank = static_cast<int32_t>(rank);
  int64_t elements = 1;
  for (size_t d = 0; d < rank; ++d) {
    const int32_t v = shape->Get(d);
    info.shape.dims[d] = v;
    if (v < 0) {
      return InvalidModelError("%s: shape %s has a negative dimension",
                               who.c_str(), info.shape.ToString().c_str());
    }
  }
  // The bound applies to the non-zero dims too: an empty tensor of shape
  // [2^30, 2^30, 0] would overflow every size computed over its other dims.
  for (size_t d = 0; d < rank; ++d) {
    if (info.shape.dims[d] != 0) elements *= info.shape.dims[d];
    if (elements > kMaxElements) {
      bool empty = false;
      for (size_t k = 0; k < rank; ++k) empty |= info.shape.dims[k] == 0;
      return empty
                 ? InvalidModelError(
                       "%s: shape %s is too large (its non-zero dims multiply "
                       "to more than %lld)",
                       who.c_str(), info.shape.ToString().c_str(),
                       static_cast<long long>(kMaxElements))
                 : InvalidModelError(
                       "%s: shape %s has more than %lld elements (overflow)",
                       who.c_str(), info.shape.ToString().c_str(),
                       static_cast<long long>(kMaxElements));
    }
  }

  info.shape_signature = info.shape;
  if (const auto* sig = t->shape_signature()) {
    if (sig->size() != rank) {
      return InvalidModelError("%s: shape_signature has rank %u but shape %s",
                               who.c_str(), sig->size(),
                               info.shape.ToString().c_str());
    }
    for (size_t d = 0; d < rank; ++d) {
      const int32_t v = sig->Get(d);
      if (v != -1 && v != info.shape.dims[d]) {
        return InvalidModelError(
            "%s: shape_signature dimension %zu is %d but shape says %d",
            who.c_str(), d, v, info.shape.dims[d]);
      }
      info.shape_signature.dims[d] = v;
    }
  }

  const uint8_t* data = nullptr;
  size_t size = 0;
  EDGELITE_RETURN_IF_ERROR(BufferBytes(t->buffer(), &data, &size, who));
  if (data != nullptr) {
    const size_t elem = DataTypeSize(info.type);
    const uint64_t need =
        static_cast<uint64_t>(info.shape.NumElements()) * elem;
    if (size != need) {
      return InvalidModelError(
          "%s: buffer %u holds %zu bytes but shape %s of %s needs %llu",
          who.c_str(), t->buffer(), size, info.shape.ToString().c_str(),
          DataTypeName(info.type), static_cast<unsigned long long>(need));
    }
    if (reinterpret_cast<uintptr_t>(data) % elem != 0) {
      return InvalidModelError("%s: buffer %u data is not aligned to %zu bytes",
                               who.c_str(), t->buffer(), elem);
    }
    info.data = data;
    info.data_bytes = size;
  }
  info.is_variable = t->is_variable();
  if (info.is_variable && info.data != nullptr) {
    // TFLite allows an initial value for variables; we keep it.
  }
  return ParseQuantization(index, t->quantization(), &info);
}

Status ModelParser::ParseQuantization(int index,
                                      const tfl::QuantizationParameters* q,
                                      TensorInfo* info) {
  if (q == nullptr) return Status::Ok();
  const LazyWho who(this, index);
  if (q->details_type() != tfl::QuantizationDetails::NONE) {
    return UnsupportedError("%s: custom quantization details are not supported",
                            who.c_str());
  }
  const auto* scale = q->scale();
  if (scale == nullptr || scale->size() == 0)
    return Status::Ok();  // min/max only
  // Float tensors sometimes carry leftover quantization; it has no meaning.
  if (info->type == DataType::kFloat32 || info->type == DataType::kFloat16 ||
      info->type == DataType::kBool) {
    return Status::Ok();
  }
  const auto* zp = q->zero_point();
  const size_t n = scale->size();
  EDGELITE_RETURN_IF_ERROR(
      Charge(uint64_t{4} * n + (zp ? uint64_t{8} * zp->size() : 0), who,
             "quantization"));
  // The verifier checks vectors for 4-byte alignment only; int64 elements
  // read from a misplaced vector would be misaligned loads.
  if (zp != nullptr && zp->size() > 0 &&
      reinterpret_cast<uintptr_t>(zp->Data()) % 8 != 0) {
    return InvalidModelError(
        "%s: quantization zero_point vector is not 8-byte aligned in the file",
        who.c_str());
  }
  if (zp == nullptr || zp->size() != n) {
    return InvalidModelError(
        "%s: quantization has %zu scales but %u zero points", who.c_str(), n,
        zp ? zp->size() : 0u);
  }
  for (size_t k = 0; k < n; ++k) {
    const float s = scale->Get(k);
    if (std::isnan(s)) {
      return InvalidModelError("%s: quantization scale[%zu] is NaN",
                               who.c_str(), k);
    }
    if (!(s > 0.0f) || std::isinf(s)) {
      return InvalidModelError(
          "%s: quantization scale[%zu] = %g must be positive and finite",
          who.c_str(), k, static_cast<double>(s));
    }
    const int64_t z = zp->Get(k);
    int64_t lo = std::numeric_limits<int32_t>::min();
    int64_t hi = std::numeric_limits<int32_t>::max();
    if (info->type == DataType::kInt8) lo = -128, hi = 127;
    if (info->type == DataType::kUInt8) lo = 0, hi = 255;
    if (info->type == DataType::kInt16) lo = -32768, hi = 32767;
    if (z < lo || z > hi) {
      return InvalidModelError(
          "%s: zero_point[%zu] = %lld is outside the %s range [%lld, %lld]",
          who.c_str(), k, static_cast<long long>(z), DataTypeName(info->type),
          static_cast<long long>(lo), static_cast<long long>(hi));
    }
  }
  int32_t qdim = q->quantized_dimension();
  if (n > 1) {
    const int rank = info->shape.rank;
    if (rank == 1 && qdim != 0 &&
        static_cast<int64_t>(n) == info->shape.dims[0]) {
      // person_detect.tflite and similar: 1-D bias tensors that declare the
      // filter's channel axis. The only dimension is the one meant.
      view_->warnings_.push_back(StrFormat(
          "%s: quantized_dimension %d on a 1-D tensor read as 0 (%zu scales "
          "match its length)",
          who.c_str(), qdim, n));
      qdim = 0;
    }
    if (qdim < 0 || qdim >= rank) {
      return InvalidModelError(
          "%s: quantized_dimension %d is out of range for shape %s",
          who.c_str(), qdim, info->shape.ToString().c_str());
    }
    if (static_cast<int64_t>(n) != info->shape.dims[qdim]) {
      return InvalidModelError(
          "%s: per-channel scale count %zu != channels %d (quantized_dimension "
          "%d of shape %s)",
          who.c_str(), n, info->shape.dims[qdim], qdim,
          info->shape.ToString().c_str());
    }
  } else if (qdim < 0 || qdim >= std::max(info->shape.rank, 1)) {
    // One scale: the axis means nothing, but code that reads it must never
    // index a shape with it.
    view_->warnings_.push_back(StrFormat(
        "%s: quantized_dimension %d of per-tensor quantization is out of range "
        "for shape %s; read as 0",
        who.c_str(), qdim, info->shape.ToString().c_str()));
    qdim = 0;
  }
  info->quant.scale.assign(scale->begin(), scale->end());
  info->quant.zero_point.assign(zp->begin(), zp->end());
  info->quant.quantized_dimension = qdim;
  return Status::Ok();
}

Status ModelParser::CheckDataFlow() {
  const int num_tensors = static_cast<int>(view_->tensors_.size());
  auto read_io = [&](const flatbuffers::Vector<int32_t>* v,
                     std::vector<int32_t>* out, const char* what) -> Status {
    if (v == nullptr) return Status::Ok();
    EDGELITE_RETURN_IF_ERROR(
        Charge(uint64_t{4} * v->size(), StrFormat("model %ss", what).c_str()));
    for (size_t k = 0; k < v->size(); ++k) {
      const int32_t t = v->Get(k);
      if (t < 0 || t >= num_tensors) {
        return InvalidModelError(
            "model %s %zu refers to tensor %d, out of range (subgraph has %d "
            "tensors)",
            what, k, t, num_tensors);
      }
      out->push_back(t);
    }
    return Status::Ok();
  };
  EDGELITE_RETURN_IF_ERROR(
      read_io(subgraph_->inputs(), &view_->inputs_, "input"));
  EDGELITE_RETURN_IF_ERROR(
      read_io(subgraph_->outputs(), &view_->outputs_, "output"));

  // -2: not yet available; -1: model input / constant / variable; >= 0: op.
  std::vector<int> producer(num_tensors, -2);
  for (int t = 0; t < num_tensors; ++t) {
    const TensorInfo& info = view_->tensors_[t];
    if (info.is_constant() || info.is_variable) producer[t] = -1;
  }
  for (int32_t t : view_->inputs_) {
    if (view_->tensors_[t].is_constant()) {
      return InvalidModelError("model input %s is a constant",
                               view_->DescribeTensor(t).c_str());
    }
    producer[t] = -1;
  }
  // A zero-element tensor that nothing produces is an empty constant (e.g.
  // MEAN's axes [] written with no bytes): TFLite runs such models.
  std::vector<bool> is_op_output(num_tensors, false);
  for (const OperatorInfo& op : view_->operators_) {
    for (int32_t t : op.outputs) is_op_output[t] = true;
  }
  for (int t = 0; t < num_tensors; ++t) {
    TensorInfo& info = view_->tensors_[t];
    if (producer[t] == -2 && !is_op_output[t] &&
        info.shape.NumElements() == 0) {
      info.data = view_->bytes_->data();
      info.data_bytes = 0;
      producer[t] = -1;
    }
  }
  for (const OperatorInfo& op : view_->operators_) {
    for (size_t k = 0; k < op.inputs.size(); ++k) {
      const int32_t t = op.inputs[k];
      if (t >= 0 && producer[t] == -2) {
        return InvalidModelError(
            "%s: input %zu (%s) is used before it is produced",
            op.Describe().c_str(), k, view_->DescribeTensor(t).c_str());
      }
    }
    for (size_t k = 0; k < op.outputs.size(); ++k) {
      const int32_t t = op.outputs[k];
      const TensorInfo& info = view_->tensors_[t];
      if (info.is_constant()) {
        return InvalidModelError("%s: output %zu (%s) is a constant tensor",
                                 op.Describe().c_str(), k,
                                 view_->DescribeTensor(t).c_str());
      }
      if (producer[t] >= 0) {
        return InvalidModelError(
            "%s: output %zu (%s) is already produced by op %d",
            op.Describe().c_str(), k, view_->DescribeTensor(t).c_str(),
            producer[t]);
      }
      if (producer[t] == -1) {
        return InvalidModelError(
            "%s: output %zu (%s) overwrites a model input or variable",
            op.Describe().c_str(), k, view_->DescribeTensor(t).c_str());
      }
      producer[t] = op.index;
    }
  }
  for (size_t k = 0; k < view_->outputs_.size(); ++k) {
    const int32_t t = view_->outputs_[k];
    if (producer[t] == -2) {
      return InvalidModelError("model output %zu (%s) is never produced", k,
                               view_->DescribeTensor(t).c_str());
    }
  }
  return Status::Ok();
}

Status ModelParser::ParseMetadata() {
  const auto* md = model_->metadata();
  if (md == nullptr) return Status::Ok();
  EDGELITE_RETURN_IF_ERROR(Charge(kTableBytes * md->size(), "metadata"));
  for (size_t i = 0; i < md->size(); ++i) {
    const tfl::Metadata* m = md->Get(i);
    EDGELITE_RETURN_IF_ERROR(
        Charge(m->name() ? std::min<size_t>(m->name()->size(), 256) : 0,
               StrFormat("metadata %zu", i).c_str()));
    MetadataEntry e;
    e.name = SafeString(m->name());
    const Status s =
        BufferBytes(m->buffer(), &e.data, &e.size,
                    LazyWho(StrFormat("metadata '%s'", e.name.c_str())));
    if (!s.ok()) {
      // Metadata never affects inference; a bad entry is a warning.
      view_->warnings_.push_back(s.message());
      continue;
    }
    view_->metadata_.push_back(std::move(e));
  }
  return Status::Ok();
}

Status ModelView::Create(std::shared_ptr<const ByteSource> bytes,
                         std::unique_ptr<ModelView>* out,
                         const LoadLimits& limits) {
  if (bytes == nullptr) return InvalidArgumentError("no model bytes given");
  const uint8_t* data = bytes->data();
  const size_t size = bytes->size();
  if (size > limits.max_file_bytes || size >= FLATBUFFERS_MAX_BUFFER_SIZE) {
    return ResourceExhaustedError(
        "model is %zu bytes, more than the %zu-byte limit", size,
        std::min<size_t>(limits.max_file_bytes,
                         FLATBUFFERS_MAX_BUFFER_SIZE - 1));
  }
  if (data == nullptr || size < 8) {
    return InvalidModelError(
        "file is too small to be a TFLite model (%zu bytes)", size);
  }
  if (!flatbuffers::BufferHasIdentifier(data, tfl::ModelIdentifier())) {
    char id[5] = {0};
    for (int i = 0; i < 4; ++i) {
      const char c = static_cast<char>(data[4 + i]);
      id[i] = (c >= 0x20 && c < 0x7f) ? c : '?';
    }
    return InvalidModelError(
        "not a TFLite model: file identifier is '%s', expected 'TFL3'", id);
  }
  flatbuffers::Verifier verifier(data, size, /*max_depth=*/64,
                                 /*max_tables=*/4000000);
  if (!tfl::VerifyModelBuffer(verifier)) {
    return InvalidModelError(
        "model failed FlatBuffers verification: the file is truncated or "
        "corrupted (%zu bytes)",
        size);
  }
  std::unique_ptr<ModelView> view(new ModelView());
  view->bytes_ = std::move(bytes);
  ModelParser parser(view.get(), tfl::GetModel(view->bytes_->data()), limits);
  EDGELITE_RETURN_IF_ERROR(parser.Parse());
  *out = std::move(view);
  return Status::Ok();
}

}  // namespace edgelite
