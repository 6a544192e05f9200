// Builtin operator options, parsed out of the FlatBuffer by src/format into
// plain structs. Ops read only the struct that belongs to them; fields keep
// TFLite's names and defaults.
#ifndef EDGELITE_CORE_OP_OPTIONS_H_
#define EDGELITE_CORE_OP_OPTIONS_H_

#include <cstdint>
#include <vector>

#include "core/types.h"

namespace edgelite {

struct ConvOptions {  // CONV_2D
  Padding padding = Padding::kSame;
  int32_t stride_w = 1, stride_h = 1;
  int32_t dilation_w = 1, dilation_h = 1;
  Activation activation = Activation::kNone;
  DataType quantized_bias_type = DataType::kFloat32;  // kFloat32 = unset
};

struct DepthwiseConvOptions {  // DEPTHWISE_CONV_2D
  Padding padding = Padding::kSame;
  int32_t stride_w = 1, stride_h = 1;
  int32_t dilation_w = 1, dilation_h = 1;
  int32_t depth_multiplier = 0;
  Activation activation = Activation::kNone;
};

struct PoolOptions {  // AVERAGE_POOL_2D, MAX_POOL_2D, L2_POOL_2D
  Padding padding = Padding::kSame;
  int32_t stride_w = 1, stride_h = 1;
  int32_t filter_w = 1, filter_h = 1;
  Activation activation = Activation::kNone;
};

struct FullyConnectedOptions {
  Activation activation = Activation::kNone;
  int8_t weights_format = 0;  // 0 = DEFAULT; anything else is rejected
  bool keep_num_dims = false;
  bool asymmetric_quantize_inputs = false;
  DataType quantized_bias_type = DataType::kFloat32;  // kFloat32 = unset
};

struct SoftmaxOptions {
  float beta = 1.0f;
};

struct ConcatenationOptions {
  int32_t axis = 0;
  Activation activation = Activation::kNone;
};

struct BinaryOptions {  // ADD, SUB, MUL, DIV
  Activation activation = Activation::kNone;
  bool pot_scale_int16 = true;
};

struct ReshapeOptions {
  bool has_new_shape = false;
  std::vector<int32_t> new_shape;
};

struct ReducerOptions {  // MEAN, SUM, REDUCE_MAX, …
  bool keep_dims = false;
};

struct SqueezeOptions {
  std::vector<int32_t> squeeze_dims;
};

// All options of one operator. Only the member matching the op is filled;
// the others hold defaults. `present` tells whether the file carried a
// builtin_options table at all.
struct OpOptions {
  bool present = false;
  ConvOptions conv;
  DepthwiseConvOptions depthwise;
  PoolOptions pool;
  FullyConnectedOptions fully_connected;
  SoftmaxOptions softmax;
  ConcatenationOptions concatenation;
  BinaryOptions binary;
  ReshapeOptions reshape;
  ReducerOptions reducer;
  SqueezeOptions squeeze;
};

}  // namespace edgelite

#endif  // EDGELITE_CORE_OP_OPTIONS_H_
