// SPACE_TO_BATCH_ND: moves spatial blocks into the batch dimension after
// zero-padding (padded positions hold the output zero point for quantized
// types, as TFLite memsets them). Block shape and paddings must be constant.
// 3-D [batch, height, channels] and 4-D NHWC inputs, any element type TFLite
// allows (byte copies); see space_batch_common.h.
#include "core/op.h"
#include "ops/ops.h"
#include "ops/space_batch_common.h"

namespace edgelite {
namespace {

class SpaceToBatchNdOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    return PrepareSpaceBatch(ctx, /*to_batch=*/true, &plan_);
  }
  Status Eval(OpContext& ctx) override {
    SpaceToBatch(plan_, ctx.input(0)->data, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  SpaceBatchPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateSpaceToBatchNd() {
  return std::make_unique<SpaceToBatchNdOp>();
}

}  // namespace edgelite
