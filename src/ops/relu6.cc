// RELU6: placeholder until the op lands (returns kUnsupported).
#include "core/op.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class Relu6Op final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    return ctx.Error(StatusCode::kUnsupported, "not implemented yet");
  }
  Status Eval(OpContext& ctx) override {
    return ctx.Error(StatusCode::kUnsupported, "not implemented yet");
  }
};

}  // namespace

std::unique_ptr<Op> CreateRelu6() { return std::make_unique<Relu6Op>(); }

}  // namespace edgelite
