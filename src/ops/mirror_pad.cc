// MIRROR_PAD: pads by reflecting the input at its borders. REFLECT leaves the
// border element out of the reflection ([1 2 3] padded by 2 → 3 2 [1 2 3] 2 1),
// SYMMETRIC repeats it (2 1 [1 2 3] 3 2). Paddings come from a constant
// int32/int64 [rank, 2] input.
//
// TFLite's kernel does not check the padding sizes and reads out of bounds
// when they exceed what the mode can reflect; TensorFlow requires
// padding <= dim - 1 (REFLECT) or <= dim (SYMMETRIC), and so do we (the model
// is rejected in Prepare).
#include <cstdint>

#include "core/op.h"
#include "ops/op_util.h"
#include "ops/ops.h"
#include "ops/pad_common.h"

namespace edgelite {
namespace {

class MirrorPadOp final : public Op {
 public:
  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    const Tensor* in = nullptr;
    EDGELITE_RETURN_IF_ERROR(RequireInput(ctx, 0, &in));
    switch (in->type) {
      case DataType::kFloat32:
      case DataType::kInt8:
      case DataType::kUInt8:
      case DataType::kInt16:
      case DataType::kInt32:
      case DataType::kInt64:
        break;
      default:
        return ctx.InputError(
            StatusCode::kUnsupported, 0,
            StrFormat("MIRROR_PAD of %s is not supported (float32, int8, "
                      "uint8, int16, int32, int64 are)",
                      DataTypeName(in->type)));
    }
    const int8_t mode = ctx.options().mirror_pad.mode;
    if (mode != 0 && mode != 1) {
      return ctx.Error(
          StatusCode::kInvalidModel,
          StrFormat("mode %d is neither REFLECT (0) nor SYMMETRIC (1)", mode));
    }
    EDGELITE_RETURN_IF_ERROR(PreparePadShape(ctx, kMaxRank, &plan_));
    // REFLECT skips the border element, SYMMETRIC repeats it.
    offset_ = mode == 0 ? 1 : 0;
    int64_t map_size = 0;
    for (int d = 0; d < plan_.rank; ++d) {
      const int32_t size = plan_.in_dims[d];
      const int32_t limit = size - offset_;
      if (plan_.before[d] > limit || plan_.after[d] > limit) {
        return ctx.InputError(
            StatusCode::kInvalidModel, 1,
            StrFormat("paddings [%d, %d] of dim %d exceed what %s can mirror "
                      "from size %d (at most %d)",
                      plan_.before[d], plan_.after[d], d,
                      mode == 0 ? "REFLECT" : "SYMMETRIC", size,
                      limit < 0 ? 0 : limit));
      }
      map_size += plan_.out_dims[d];
    }
    // The source index of every output position, per dim: built in scratch
    // (charged to the arena limit) at each Eval, so a hostile shape cannot
    // make Prepare allocate more than the output it could never run.
    return ctx.RequestScratch(static_cast<size_t>(map_size) * sizeof(int32_t),
                              &map_id_);
  }

  Status Eval(OpContext& ctx) override {
    int32_t* map = static_cast<int32_t*>(ctx.scratch(map_id_));
    int32_t* m = map;
    for (int d = 0; d < plan_.rank; ++d) {
      const int32_t size = plan_.in_dims[d];
      for (int32_t p = 0; p < plan_.out_dims[d]; ++p) {
        int32_t i = p - plan_.before[d];
        if (i < 0) {
          i = -i - 1 + offset_;
        } else if (i >= size) {
          i = 2 * size - 1 - offset_ - i;
        }
        *m++ = i;
      }
    }
    GatherPad(plan_, map, ctx.input(0)->data, ctx.output(0)->data);
    return Status::Ok();
  }

 private:
  PadPlan plan_;
  int32_t offset_ = 0;
  int map_id_ = -1;
};

}  // namespace

std::unique_ptr<Op> CreateMirrorPad() {
  return std::make_unique<MirrorPadOp>();
}

}  // namespace edgelite
