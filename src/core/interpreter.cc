#include "core/interpreter.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "core/arena_planner.h"
#include "core/op_registry.h"
#include "format/tflite_schema.h"

namespace edgelite {

// Per-node state: the op instance and what its OpContext exposes.
class Interpreter::NodeContext final : public OpContext {
 public:
  NodeContext(Interpreter* interp, const OperatorInfo* info,
              const OpRegistration* reg)
      : interp_(interp), info_(info), reg_(reg), describe_(info->Describe()) {}

  int num_inputs() const override {
    return static_cast<int>(info_->inputs.size());
  }
  int num_outputs() const override {
    return static_cast<int>(info_->outputs.size());
  }
  const Tensor* input(int i) const override {
    if (i < 0 || i >= num_inputs()) return nullptr;
    const int32_t t = info_->inputs[i];
    return t < 0 ? nullptr : &interp_->tensors_[t];
  }
  Tensor* output(int i) override {
    if (i < 0 || i >= num_outputs()) return nullptr;
    return &interp_->tensors_[info_->outputs[i]];
  }
  const OpOptions& options() const override { return info_->options; }
  int version() const override { return info_->version; }
  const uint8_t* custom_options() const override {
    return info_->custom_options;
  }
  size_t custom_options_size() const override {
    return info_->custom_options_size;
  }
  QuantArithmetic arithmetic() const override {
    return interp_->options_.arithmetic;
  }
  int num_intermediates() const override {
    return static_cast<int>(info_->intermediates.size());
  }
  const Tensor* intermediate(int i) const override {
    if (i < 0 || i >= num_intermediates()) return nullptr;
    return &interp_->tensors_[info_->intermediates[i]];
  }

  Status SetOutputShape(int i, const Shape& shape) override {
    if (!preparing_) {
      return Error(StatusCode::kFailedPrecondition,
                   "output shapes can only be set in Prepare");
    }
    Tensor* t = output(i);
    if (t == nullptr) {
      return Error(StatusCode::kInvalidModel, StrFormat("has no output %d", i));
    }
    int64_t n = 1;  // the product of the non-zero dims (see model_view.cc)
    for (int d = 0; d < shape.rank; ++d) {
      if (shape.dims[d] < 0) {
        return OutputError(
            StatusCode::kInvalidModel, i,
            "computed shape " + shape.ToString() + " has a negative dimension");
      }
      if (shape.dims[d] != 0) n *= shape.dims[d];
      if (n > kMaxElements) {
        return OutputError(
            StatusCode::kResourceExhausted, i,
            "computed shape " + shape.ToString() + " has too many elements");
      }
    }
    t->shape = shape;
    t->bytes = SaturatedByteSize(shape.NumElements(), t->type);
    // Fail now rather than at planning: a tensor larger than the arena can
    // never run, and ops size their Prepare-time tables by their outputs.
    if (t->bytes > interp_->options_.max_arena_bytes) {
      return OutputError(
          StatusCode::kResourceExhausted, i,
          StrFormat("computed shape %s needs %zu bytes, more than the arena "
                    "limit of %zu bytes",
                    shape.ToString().c_str(), t->bytes,
                    interp_->options_.max_arena_bytes));
    }
    return Status::Ok();
  }

  Status RequestScratch(size_t bytes, int* id) override {
    if (!preparing_) {
      return Error(StatusCode::kFailedPrecondition,
                   "scratch can only be requested in Prepare");
    }
    if (static_cast<uint64_t>(bytes) > static_cast<uint64_t>(kMaxTensorBytes) ||
        bytes > interp_->options_.max_arena_bytes) {
      return Error(StatusCode::kResourceExhausted,
                   StrFormat("scratch request of %zu bytes is more than the "
                             "arena limit of %zu bytes",
                             bytes, interp_->options_.max_arena_bytes));
    }
    *id = static_cast<int>(scratch_bytes_.size());
    scratch_bytes_.push_back(bytes);
    scratch_ptrs_.push_back(nullptr);
    return Status::Ok();
  }
  void* scratch(int id) override {
    return id >= 0 && id < static_cast<int>(scratch_ptrs_.size())
               ? scratch_ptrs_[id]
               : nullptr;
  }
  const std::string& describe() const override { return describe_; }

  Status Prepare() {
    EDGELITE_RETURN_IF_ERROR(CheckComplexTensors());
    op_ = reg_->create();
    scratch_bytes_.clear();
    scratch_ptrs_.clear();
    preparing_ = true;
    Status s = op_->Prepare(*this);
    preparing_ = false;
    return s;
  }
  Status Eval() { return op_->Eval(*this); }

  // Prepare-time evaluation (see Interpreter::FoldNode).
  bool folded() const { return folded_; }
  void set_folded(bool f) { folded_ = f; }

  // After Prepare: true when every output has zero elements (and the node
  // updates no variable tensor), so Eval has nothing to compute. Invoke skips
  // such nodes: a kernel need not guard its loops over the other dims of an
  // empty tensor (e.g. CONCATENATION of [2^30, 0, 0] and [0, 4, 1]).
  bool outputs_empty() const { return outputs_empty_; }
  void ComputeOutputsEmpty() {
    outputs_empty_ = num_outputs() > 0;
    for (int i = 0; i < num_outputs() && outputs_empty_; ++i) {
      const Tensor& t = interp_->tensors_[info_->outputs[i]];
      if (t.shape.NumElements() != 0) outputs_empty_ = false;
    }
    for (int i = 0; i < num_inputs() && outputs_empty_; ++i) {
      const Tensor* t = input(i);
      if (t != nullptr && t->is_variable) outputs_empty_ = false;
    }
  }

  const OperatorInfo* info() const { return info_; }
  std::vector<size_t>& scratch_bytes() { return scratch_bytes_; }
  std::vector<void*>& scratch_ptrs() { return scratch_ptrs_; }

 private:
  // complex64 tensors reach only the ops written for them (the complex ops
  // and the byte-copying reshapes TFLite's converter puts around RFFT2D);
  // every other kernel switches on its dtypes assuming real numbers, so the
  // refusal is made once here rather than trusted to each op's default case.
  Status CheckComplexTensors() const {
    static constexpr int32_t kComplexOps[] = {
        static_cast<int32_t>(tfl::BuiltinOperator::RFFT2D),
        static_cast<int32_t>(tfl::BuiltinOperator::COMPLEX_ABS),
        static_cast<int32_t>(tfl::BuiltinOperator::REAL),
        static_cast<int32_t>(tfl::BuiltinOperator::IMAG),
        static_cast<int32_t>(tfl::BuiltinOperator::RESHAPE),
        static_cast<int32_t>(tfl::BuiltinOperator::SQUEEZE),
        static_cast<int32_t>(tfl::BuiltinOperator::EXPAND_DIMS)};
    if (reg_->custom_code == nullptr) {
      for (int32_t code : kComplexOps) {
        if (code == reg_->builtin_code) return Status::Ok();
      }
    }
    static const char kWhy[] =
        "element type complex64 is not supported (only RFFT2D, COMPLEX_ABS, "
        "REAL, IMAG, RESHAPE, SQUEEZE and EXPAND_DIMS take complex64)";
    for (int i = 0; i < num_inputs(); ++i) {
      const Tensor* t = input(i);
      if (t != nullptr && t->type == DataType::kComplex64) {
        return InputError(StatusCode::kUnsupported, i, kWhy);
      }
    }
    for (int i = 0; i < num_outputs(); ++i) {
      if (interp_->tensors_[info_->outputs[i]].type == DataType::kComplex64) {
        return OutputError(StatusCode::kUnsupported, i, kWhy);
      }
    }
    return Status::Ok();
  }

  Interpreter* interp_;
  const OperatorInfo* info_;
  const OpRegistration* reg_;
  std::string describe_;
  std::unique_ptr<Op> op_;
  std::vector<size_t> scratch_bytes_;
  std::vector<void*> scratch_ptrs_;
  bool preparing_ = false;
  bool folded_ = false;
  bool outputs_empty_ = false;
};

std::vector<std::string> UnsupportedOps(const ModelView& model) {
  std::vector<std::string> out;
  for (const OperatorInfo& op : model.operators()) {
    const OpRegistration* reg = FindOp(op.builtin_code, op.custom_code);
    if (reg == nullptr) {
      out.push_back(op.Describe() + ": operator not supported by edgelite");
    } else if (op.version < reg->min_version || op.version > reg->max_version) {
      out.push_back(op.Describe() +
                    StrFormat(": version %d not supported (edgelite supports "
                              "%s v%d to v%d)",
                              op.version, reg->name, reg->min_version,
                              reg->max_version));
    }
  }
  return out;
}

Interpreter::~Interpreter() {
  std::free(arena_);
  ReleaseFolded();
}

void Interpreter::ReleaseFolded() {
  for (void* p : folded_buffers_) std::free(p);
  folded_buffers_.clear();
  folded_bytes_ = 0;
}

namespace {

// 64-byte aligned, rounded up with a 64-byte tail so SIMD kernels may
// over-read, zero-filled. nullptr when out of memory.
// Data of zero-size tensors: never null, so kernels may pass it to memcpy or
// offset it (with zero bytes) without undefined behaviour, whatever the
// arena. Nothing is ever read from or written to it.
uint8_t* EmptyTensorData() {
  alignas(64) static uint8_t bytes[64] = {};
  return bytes;
}

void* AllocFoldBuffer(size_t bytes) {
  const size_t cap = ((bytes + 63) & ~size_t{63}) + 64;
  void* p = std::aligned_alloc(64, cap);
  if (p != nullptr) std::memset(p, 0, cap);
  return p;
}

}  // namespace

// A node whose inputs are all constant (from the file, or folded before it)
// is evaluated once here, right after its Prepare, and its outputs become
// constants. That turns shape arithmetic (SHAPE → STRIDED_SLICE → PACK →
// RESHAPE), float16 weights behind DEQUANTIZE and similar constant
// subgraphs into plain constants, so the ops after them can plan with
// known values and Invoke() skips them. Their memory lives outside the arena
// (folded_bytes()) and counts against the same limit.
Status Interpreter::FoldNode(NodeContext* node) {
  const OperatorInfo* info = node->info();
  // SHAPE and RANK read only their input's shape, which Prepare already
  // knows, so they fold whatever the input holds (e.g. the model input:
  // dilated_conv's SHAPE → STRIDED_SLICE → … → SPACE_TO_BATCH_ND paddings).
  const bool reads_shape_only =
      info->builtin_code == static_cast<int32_t>(tfl::BuiltinOperator::SHAPE) ||
      info->builtin_code == static_cast<int32_t>(tfl::BuiltinOperator::RANK);
  bool any_input = false;
  for (int32_t t : info->inputs) {
    if (t < 0) continue;
    if (!reads_shape_only && tensors_[t].storage != TensorStorage::kConstant) {
      return Status::Ok();
    }
    any_input = true;
  }
  if (!any_input) return Status::Ok();
  const ModelView& m = *model_;
  for (int32_t t : info->outputs) {
    if (m.tensors()[t].is_variable) return Status::Ok();
    for (int32_t in : m.inputs()) {
      if (in == t) return Status::Ok();
    }
  }
  size_t need = 0;
  for (int32_t t : info->outputs) need += tensors_[t].bytes;
  for (size_t b : node->scratch_bytes()) need += b;
  if (need > options_.max_arena_bytes ||
      folded_bytes_ + need > options_.max_arena_bytes) {
    return ResourceExhaustedError(
        "%s: evaluating it at prepare time (all its inputs are constant) "
        "needs %zu bytes; with %zu already folded that exceeds the arena "
        "limit of %zu bytes",
        node->describe().c_str(), need, folded_bytes_,
        options_.max_arena_bytes);
  }
  for (int32_t t : info->outputs) {
    void* p = AllocFoldBuffer(tensors_[t].bytes);
    if (p == nullptr) {
      return ResourceExhaustedError("%s: cannot allocate %zu bytes to fold it",
                                    node->describe().c_str(),
                                    tensors_[t].bytes);
    }
    folded_buffers_.push_back(p);
    folded_bytes_ += tensors_[t].bytes;
    tensors_[t].data = static_cast<uint8_t*>(p);
    tensors_[t].storage = TensorStorage::kConstant;
  }
  // Scratch lives only for this one evaluation.
  std::vector<void*> scratch;
  Status s = Status::Ok();
  for (size_t b : node->scratch_bytes()) {
    void* p = AllocFoldBuffer(b);
    if (p == nullptr) {
      s = ResourceExhaustedError(
          "%s: cannot allocate %zu bytes of scratch "
          "to fold it",
          node->describe().c_str(), b);
      break;
    }
    scratch.push_back(p);
  }
  if (s.ok() && !node->outputs_empty()) {
    node->scratch_ptrs() = scratch;
    s = node->Eval();
  }
  for (void* p : scratch) std::free(p);
  node->scratch_ptrs().clear();
  node->scratch_bytes().clear();
  if (!s.ok()) return s;
  node->set_folded(true);
  return Status::Ok();
}

Status Interpreter::Create(std::shared_ptr<const ModelView> model,
                           const InterpreterOptions& options,
                           std::unique_ptr<Interpreter>* out) {
  if (model == nullptr) return InvalidArgumentError("no model given");
  std::vector<std::string> missing = UnsupportedOps(*model);
  if (!missing.empty()) {
    std::string msg =
        StrFormat("model uses %zu unsupported operator%s: ", missing.size(),
                  missing.size() == 1 ? "" : "s");
    for (size_t i = 0; i < missing.size(); ++i) {
      if (i) msg += "; ";
      msg += missing[i];
    }
    return Status(StatusCode::kUnsupported, msg);
  }
  std::unique_ptr<Interpreter> interp(new Interpreter());
  interp->model_ = std::move(model);
  interp->options_ = options;
  const ModelView& m = *interp->model_;
  interp->tensors_.resize(m.tensors().size());
  for (size_t i = 0; i < m.tensors().size(); ++i) {
    const TensorInfo& info = m.tensors()[i];
    Tensor& t = interp->tensors_[i];
    t.index = static_cast<int>(i);
    t.name = info.name.c_str();
    t.type = info.type;
    t.shape = info.shape;
    t.quant = info.quant.empty() ? nullptr : &info.quant;
    t.bytes = SaturatedByteSize(info.shape.NumElements(), info.type);
    t.is_variable = info.is_variable;
    if (info.is_constant() && !info.is_variable) {
      t.storage = TensorStorage::kConstant;
      t.data = const_cast<uint8_t*>(info.data);
      if (t.bytes == 0) t.data = EmptyTensorData();
    }
  }
  for (int32_t idx : m.inputs())
    interp->input_shapes_.push_back(m.tensors()[idx].shape);
  for (const OperatorInfo& op : m.operators()) {
    interp->nodes_.push_back(std::make_unique<NodeContext>(
        interp.get(), &op, FindOp(op.builtin_code, op.custom_code)));
  }
  *out = std::move(interp);
  return Status::Ok();
}

Status Interpreter::ResizeInput(int i, const Shape& shape) {
  if (i < 0 || i >= num_inputs()) {
    return InvalidArgumentError("input %d out of range (model has %d inputs)",
                                i, num_inputs());
  }
  const TensorInfo& info = model_->tensors()[model_->inputs()[i]];
  if (shape.rank != info.shape.rank) {
    return InvalidArgumentError(
        "input %d '%s': new shape %s has rank %d, model expects rank %d", i,
        info.name.c_str(), shape.ToString().c_str(), shape.rank,
        info.shape.rank);
  }
  int64_t elements = 1;
  for (int d = 0; d < shape.rank; ++d) {
    if (shape.dims[d] < 0) {
      return InvalidArgumentError(
          "input %d '%s': new shape %s has a negative "
          "dimension",
          i, info.name.c_str(), shape.ToString().c_str());
    }
    if (info.shape_signature.dims[d] != -1 &&
        shape.dims[d] != info.shape.dims[d]) {
      return InvalidArgumentError(
          "input %d '%s': dimension %d is fixed at %d by the model (signature "
          "%s); cannot resize to %s",
          i, info.name.c_str(), d, info.shape.dims[d],
          info.shape_signature.ToString().c_str(), shape.ToString().c_str());
    }
    // Checked per dimension: the product of eight int32 dims overflows int64.
    // Zero dims are skipped: the other dims of an empty tensor are bounded
    // too (kernels compute sizes over them).
    if (shape.dims[d] != 0) elements *= shape.dims[d];
    if (elements > kMaxElements) {
      return InvalidArgumentError(
          "input %d '%s': shape %s has more than %lld elements", i,
          info.name.c_str(), shape.ToString().c_str(),
          static_cast<long long>(kMaxElements));
    }
  }
  if (input_shapes_[i] != shape) {
    input_shapes_[i] = shape;
    allocated_ = false;
  }
  return Status::Ok();
}

Status Interpreter::AllocateTensors() {
  allocated_ = false;
  const ModelView& m = *model_;
  ReleaseFolded();
  // Reset non-constant tensors (and those folded last time) to the model's
  // shapes, inputs to the requested.
  for (size_t i = 0; i < tensors_.size(); ++i) {
    Tensor& t = tensors_[i];
    const TensorInfo& info = m.tensors()[i];
    if (t.storage != TensorStorage::kConstant ||
        !(info.is_constant() && !info.is_variable)) {
      t.shape = m.tensors()[i].shape;
      t.data = nullptr;
      t.storage = TensorStorage::kNone;
    }
  }
  for (size_t k = 0; k < m.inputs().size(); ++k) {
    tensors_[m.inputs()[k]].shape = input_shapes_[k];
  }
  for (Tensor& t : tensors_) {
    t.bytes = SaturatedByteSize(t.shape.NumElements(), t.type);
  }

  for (auto& node : nodes_) {
    node->set_folded(false);
    EDGELITE_RETURN_IF_ERROR(node->Prepare());
    node->ComputeOutputsEmpty();
    EDGELITE_RETURN_IF_ERROR(FoldNode(node.get()));
  }

  // Lifetimes. Node n runs at time n. Inputs and variables are live from the
  // start, outputs until the end.
  const int num_nodes = static_cast<int>(nodes_.size());
  const int end = num_nodes > 0 ? num_nodes - 1 : 0;
  std::vector<int> first(tensors_.size(), -1), last(tensors_.size(), -1);
  auto touch = [&](int32_t t, int time) {
    if (t < 0 || tensors_[t].storage == TensorStorage::kConstant) return;
    if (first[t] < 0 || time < first[t]) first[t] = time;
    if (time > last[t]) last[t] = time;
  };
  for (int32_t t : m.inputs()) touch(t, 0);
  for (int n = 0; n < num_nodes; ++n) {
    const OperatorInfo* info = nodes_[n]->info();
    for (int32_t t : info->inputs) touch(t, n);
    for (int32_t t : info->outputs) touch(t, n);
  }
  for (int32_t t : m.outputs()) touch(t, end);
  for (size_t t = 0; t < tensors_.size(); ++t) {
    if (m.tensors()[t].is_variable && first[t] >= 0) {
      first[t] = 0;
      last[t] = end;
    }
  }

  std::vector<BufferRequest> requests;
  plan_.clear();
  for (size_t t = 0; t < tensors_.size(); ++t) {
    if (first[t] < 0) continue;
    requests.push_back({tensors_[t].bytes, first[t], last[t]});
    plan_.push_back(
        {static_cast<int>(t), -1, 0, tensors_[t].bytes, first[t], last[t]});
  }
  for (int n = 0; n < num_nodes; ++n) {
    for (size_t bytes : nodes_[n]->scratch_bytes()) {
      requests.push_back({bytes, n, n});
      plan_.push_back({-1, n, 0, bytes, n, n});
    }
  }
  // Every buffer must fit under the limit on its own, and the planner's
  // offsets (at most the sum of all sizes) must fit in size_t — a 32-bit
  // concern only (wasm32).
  uint64_t total = 0;
  for (size_t k = 0; k < requests.size(); ++k) {
    if (requests[k].bytes > options_.max_arena_bytes) {
      const PlannedBuffer& b = plan_[k];
      return ResourceExhaustedError(
          "%s needs %zu bytes, more than the arena limit of %zu bytes",
          b.tensor >= 0
              ? StrFormat("tensor %d '%s'", b.tensor, tensors_[b.tensor].name)
                    .c_str()
              : StrFormat("op %d's scratch buffer", b.node).c_str(),
          requests[k].bytes, options_.max_arena_bytes);
    }
    total += requests[k].bytes + 64;
  }
  if (total > std::numeric_limits<size_t>::max() / 2) {
    return ResourceExhaustedError(
        "the model's tensors total %llu bytes, more than this platform can "
        "address",
        static_cast<unsigned long long>(total));
  }
  const ArenaPlan arena = PlanArena(requests);
  if (arena.arena_bytes > options_.max_arena_bytes) {
    return ResourceExhaustedError(
        "model needs an arena of %zu bytes (lower bound %zu), more than the "
        "limit of %zu bytes",
        arena.arena_bytes, arena.lower_bound, options_.max_arena_bytes);
  }
  if (arena.arena_bytes > arena_capacity_) {
    std::free(arena_);
    arena_ = nullptr;
    arena_capacity_ = 0;
    const size_t cap = (arena.arena_bytes + 63) & ~size_t{63};
    arena_ = static_cast<uint8_t*>(std::aligned_alloc(64, cap));
    if (arena_ == nullptr) {
      return ResourceExhaustedError("cannot allocate an arena of %zu bytes",
                                    cap);
    }
    arena_capacity_ = cap;
  }
  arena_bytes_ = arena.arena_bytes;
  arena_lower_bound_ = arena.lower_bound;
  if (arena_ != nullptr) std::memset(arena_, 0, arena_bytes_);

  size_t r = 0;
  for (size_t t = 0; t < tensors_.size(); ++t) {
    if (first[t] < 0) continue;
    plan_[r].offset = arena.offsets[r];
    tensors_[t].storage = TensorStorage::kArena;
    tensors_[t].data =
        tensors_[t].bytes == 0 ? EmptyTensorData() : arena_ + arena.offsets[r];
    ++r;
  }
  for (int n = 0; n < num_nodes; ++n) {
    auto& ptrs = nodes_[n]->scratch_ptrs();
    for (size_t k = 0; k < ptrs.size(); ++k) {
      plan_[r].offset = arena.offsets[r];
      ptrs[k] = arena_ + arena.offsets[r];
      ++r;
    }
  }
  // Variables start from their initial value, else as TFLite's
  // ResetVariableTensor leaves them: int8 ones filled with their zero point,
  // the others zero (the arena was cleared above).
  for (size_t t = 0; t < tensors_.size(); ++t) {
    const TensorInfo& info = m.tensors()[t];
    Tensor& v = tensors_[t];
    if (!info.is_variable || v.data == nullptr) continue;
    if (info.data != nullptr && info.data_bytes == v.bytes) {
      std::memcpy(v.data, info.data, info.data_bytes);
    } else if (v.type == DataType::kInt8 && v.zero_point() != 0) {
      std::memset(v.data, static_cast<uint8_t>(v.zero_point()), v.bytes);
    }
  }
  node_times_ns_.assign(nodes_.size(), 0);
  allocated_ = true;
  return Status::Ok();
}

bool Interpreter::node_folded(int n) const {
  return n >= 0 && n < static_cast<int>(nodes_.size()) && nodes_[n]->folded();
}

Status Interpreter::Invoke() {
  if (!allocated_) {
    return FailedPreconditionError(
        "AllocateTensors() must succeed before Invoke() (and again after "
        "ResizeInput())");
  }
  const bool profile = options_.profile;
  for (size_t n = 0; n < nodes_.size(); ++n) {
    if (nodes_[n]->folded() || nodes_[n]->outputs_empty()) continue;
    std::chrono::steady_clock::time_point t0;
    if (profile) t0 = std::chrono::steady_clock::now();
    Status s = nodes_[n]->Eval();
    if (!s.ok()) return s;
    if (profile) {
      node_times_ns_[n] = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now() - t0)
                              .count();
    }
  }
  return Status::Ok();
}

}  // namespace edgelite
