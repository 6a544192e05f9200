// ADD: placeholder until the op lands (returns kUnsupported).
#include "core/op.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class AddOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    return ctx.Error(StatusCode::kUnsupported, "not implemented yet");
  }
  Status Eval(OpContext& ctx) override {
    return ctx.Error(StatusCode::kUnsupported, "not implemented yet");
  }
};

}  // namespace

std::unique_ptr<Op> CreateAdd() { return std::make_unique<AddOp>(); }

}  // namespace edgelite
