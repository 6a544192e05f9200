// SPACE_TO_DEPTH: rearranges blocks of block_size x block_size pixels into
// channels. 4-D NHWC, block_size from the options; byte copies for every
// element type TFLite accepts (see depth_space_common.h).
#include "core/op.h"
#include "ops/depth_space_common.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

class SpaceToDepthOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    return PrepareDepthSpace(ctx, /*to_depth=*/true, &plan_);
  }
  Status Eval(OpContext& ctx) override {
    DepthSpace(plan_, ctx.input(0)->data, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  DepthSpacePlan plan_;
};

}  // namespace

std::unique_ptr<Op> CreateSpaceToDepth() {
  return std::make_unique<SpaceToDepthOp>();
}

}  // namespace edgelite
