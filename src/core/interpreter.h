// Interpreter: one static execution plan over a validated ModelView and one
// planned arena. AllocateTensors() runs every op's Prepare and plans memory;
// Invoke() runs the plan and allocates nothing.
#ifndef EDGELITE_CORE_INTERPRETER_H_
#define EDGELITE_CORE_INTERPRETER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/op.h"
#include "core/status.h"
#include "core/tensor.h"
#include "format/model_view.h"

namespace edgelite {

struct InterpreterOptions {
  QuantArithmetic arithmetic = QuantArithmetic::kTflite;
  // Cap on arena bytes (activations + scratch). AllocateTensors() fails with
  // kResourceExhausted, giving the numbers, when a plan needs more.
  size_t max_arena_bytes = size_t{1} << 30;
  // Record per-node wall time during Invoke (see node_times_ns()).
  bool profile = false;
};

// Lists every op of the model edgelite cannot run (unknown op or version),
// e.g. "op 3 (FOO v1): no such operator in edgelite". Empty when all are
// supported.
std::vector<std::string> UnsupportedOps(const ModelView& model);

struct PlannedBuffer {
  int tensor = -1;  // tensor index, or -1 for scratch
  int node = -1;    // for scratch: the node that requested it
  size_t offset = 0;
  size_t bytes = 0;
  int first = 0, last = 0;
};

class Interpreter {
 public:
  // Fails with kUnsupported (listing every unsupported op at once) when the
  // model uses ops edgelite does not have.
  static Status Create(std::shared_ptr<const ModelView> model,
                       const InterpreterOptions& options,
                       std::unique_ptr<Interpreter>* out);
  ~Interpreter();

  // Changes input i's shape (e.g. a batch size for a -1 dimension). Only dims
  // the model marks dynamic (-1 in shape_signature) may change, unless the
  // model has no signature. Takes effect at the next AllocateTensors().
  Status ResizeInput(int i, const Shape& shape);
  // Prepares every op and plans the arena. Needed before the first Invoke()
  // and after ResizeInput(). Tensor data pointers change here.
  Status AllocateTensors();
  // Runs the plan. Allocates nothing.
  Status Invoke();

  int num_inputs() const { return static_cast<int>(model_->inputs().size()); }
  int num_outputs() const { return static_cast<int>(model_->outputs().size()); }
  Tensor* input(int i) { return &tensors_[model_->inputs()[i]]; }
  const Tensor* output(int i) const { return &tensors_[model_->outputs()[i]]; }
  const Tensor* tensor(int index) const { return &tensors_[index]; }
  int num_tensors() const { return static_cast<int>(tensors_.size()); }

  const ModelView& model() const { return *model_; }
  const InterpreterOptions& options() const { return options_; }
  bool allocated() const { return allocated_; }

  size_t arena_bytes() const { return arena_bytes_; }
  size_t arena_lower_bound() const { return arena_lower_bound_; }
  // Bytes of the tensors computed once in AllocateTensors() because all
  // their inputs are constant (held outside the arena; see FoldNode).
  size_t folded_bytes() const { return folded_bytes_; }
  // Whether node n was evaluated at prepare time (Invoke() skips it).
  bool node_folded(int n) const;
  const std::vector<PlannedBuffer>& plan() const { return plan_; }
  // Turns per-node timing on or off for the next Invoke() calls.
  void set_profiling(bool on) { options_.profile = on; }
  // Per-node time of the last Invoke() when options.profile is set; node n
  // is model().operators()[n].
  const std::vector<int64_t>& node_times_ns() const { return node_times_ns_; }

 private:
  class NodeContext;
  Interpreter() = default;
  Status FoldNode(NodeContext* node);
  void ReleaseFolded();

  std::shared_ptr<const ModelView> model_;
  InterpreterOptions options_;
  std::vector<Tensor> tensors_;
  std::vector<Shape> input_shapes_;  // requested by ResizeInput
  std::vector<std::unique_ptr<NodeContext>> nodes_;
  std::vector<PlannedBuffer> plan_;
  std::vector<int64_t> node_times_ns_;
  uint8_t* arena_ = nullptr;
  size_t arena_bytes_ = 0;
  size_t arena_capacity_ = 0;
  size_t arena_lower_bound_ = 0;
  std::vector<void*> folded_buffers_;
  size_t folded_bytes_ = 0;
  bool allocated_ = false;
};

}  // namespace edgelite

#endif  // EDGELITE_CORE_INTERPRETER_H_
