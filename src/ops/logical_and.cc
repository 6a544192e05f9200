// LOGICAL_AND (and LOGICAL_OR, ops/logical_or.cc, sharing this file): bool
// inputs, bool output, NumPy broadcasting (up to rank 6). TFLite's kernel
// (kernels/logical.cc) is the plain && / ||. A byte other than 0/1 in a bool
// tensor counts as true (read as a byte, never as a C++ bool).
#include <cstdint>

#include "core/op.h"
#include "ops/binary_common.h"
#include "ops/op_util.h"
#include "ops/ops.h"

namespace edgelite {
namespace {

struct And {
  bool operator()(uint8_t a, uint8_t b) const { return a != 0 && b != 0; }
};
struct Or {
  bool operator()(uint8_t a, uint8_t b) const { return a != 0 || b != 0; }
};

class LogicalOp final : public ElementwiseOp {
 public:
  explicit LogicalOp(bool is_and) : and_(is_and) {}

  Status Prepare(OpContext& ctx) override {
    EDGELITE_RETURN_IF_ERROR(CheckArity(ctx, 2, 2, 1));
    EDGELITE_RETURN_IF_ERROR(CheckSameTypes(ctx, 2, /*check_output=*/true));
    const DataType type = ctx.input(0)->type;
    if (type != DataType::kBool) {
      return ctx.InputError(
          StatusCode::kInvalidModel, 0,
          StrFormat("%s needs bool inputs, got %s",
                    and_ ? "LOGICAL_AND" : "LOGICAL_OR", DataTypeName(type)));
    }
    EDGELITE_RETURN_IF_ERROR(PrepareLoop(ctx, 2, DataType::kBool));
    if (and_) {
      SetRow(&BinaryRow<uint8_t, bool, And>, &and_f_);
    } else {
      SetRow(&BinaryRow<uint8_t, bool, Or>, &or_f_);
    }
    return Status::Ok();
  }

 private:
  const bool and_;
  And and_f_;
  Or or_f_;
};

}  // namespace

std::unique_ptr<Op> CreateLogicalOp(bool is_and) {
  return std::make_unique<LogicalOp>(is_and);
}

std::unique_ptr<Op> CreateLogicalAnd() { return CreateLogicalOp(true); }

}  // namespace edgelite
