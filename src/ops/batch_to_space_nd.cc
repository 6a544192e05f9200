// BATCH_TO_SPACE_ND: the inverse of SPACE_TO_BATCH_ND, moving batch blocks back
// into space and cropping. Block shape and crops must be constant. 3-D [batch,
// height, channels] and 4-D NHWC inputs, any element type TFLite allows (byte
// copies); see space_batch_common.h.
#include "core/op.h"
#include "ops/ops.h"
#include "ops/space_batch_common.h"

namespace edgelite {
namespace {

class BatchToSpaceNdOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    return PrepareSpaceBatch(ctx, /*to_batch=*/false, &plan_);
  }
  Status Eval(OpContext& ctx) override {
    BatchToSpace(plan_, ctx.input(0)->data, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  SpaceBatchPlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateBatchToSpaceNd() {
  return std::make_unique<BatchToSpaceNdOp>();
}

}  // namespace edgelite
