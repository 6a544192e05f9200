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

struct L2NormOptions {  // L2_NORMALIZATION
  Activation activation = Activation::kNone;
};

struct LrnOptions {  // LOCAL_RESPONSE_NORMALIZATION
  int32_t radius = 0;
  float bias = 0.0f, alpha = 0.0f, beta = 0.0f;
};

// LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM (time_major and
// diagonal_recurrent_tensors only exist for the latter, kernel_type only for
// the former).
struct LstmOptions {
  Activation activation = Activation::kNone;
  float cell_clip = 0.0f;  // 0 = no clipping
  float proj_clip = 0.0f;
  bool time_major = false;
  bool asymmetric_quantize_inputs = false;
  bool diagonal_recurrent_tensors = false;
  bool merge_outputs = false;  // BIDIRECTIONAL_SEQUENCE_LSTM
  int8_t kernel_type = 0;      // 0 = FULL, 1 = BASIC
};

struct ResizeOpOptions {  // RESIZE_BILINEAR, RESIZE_NEAREST_NEIGHBOR
  bool align_corners = false;
  bool half_pixel_centers = false;
};

struct BlockSizeOptions {  // SPACE_TO_DEPTH, DEPTH_TO_SPACE
  int32_t block_size = 0;
};

struct MirrorPadOptions {  // MIRROR_PAD
  int8_t mode = 0;         // 0 = REFLECT, 1 = SYMMETRIC
};

struct GatherOptions {  // GATHER
  int32_t axis = 0;
  int32_t batch_dims = 0;
};

struct StridedSliceOptions {  // STRIDED_SLICE
  int32_t begin_mask = 0, end_mask = 0, ellipsis_mask = 0;
  int32_t new_axis_mask = 0, shrink_axis_mask = 0;
  bool offset = false;
};

struct SplitOptions {  // SPLIT, SPLIT_V
  int32_t num_splits = 0;
};

// CAST. TFLite type codes as stored (0 = FLOAT32 is also "unset"); ops check
// them against the tensors' types.
struct CastOptions {
  int8_t in_data_type = 0, out_data_type = 0;
  bool has_types = false;  // the table carried the fields at all
};

struct ArgOptions {  // ARG_MAX, ARG_MIN
  DataType output_type = DataType::kInt64;
};

struct TransposeConvOptions {  // TRANSPOSE_CONV
  Padding padding = Padding::kSame;
  int32_t stride_w = 1, stride_h = 1;
  Activation activation = Activation::kNone;
  DataType quantized_bias_type = DataType::kFloat32;  // kFloat32 = unset
};

struct ShapeOptions {  // SHAPE
  DataType out_type = DataType::kInt32;
};

struct PackOptions {  // PACK (values_count), UNPACK (num)
  int32_t count = 0;
  int32_t axis = 0;
};

struct OneHotOptions {  // ONE_HOT
  int32_t axis = -1;
};

struct LeakyReluOptions {  // LEAKY_RELU
  float alpha = 0.0f;
};

struct BatchMatMulOptions {  // BATCH_MATMUL
  bool adj_x = false, adj_y = false;
  bool asymmetric_quantize_inputs = false;
};

struct CumsumOptions {  // CUMSUM
  bool exclusive = false, reverse = false;
};

struct GeluOptions {  // GELU
  bool approximate = false;
};

// SVDF (rank), RNN / UNIDIRECTIONAL_SEQUENCE_RNN / BIDIRECTIONAL_SEQUENCE_RNN
// (time_major, merge_outputs where the table has them).
struct RnnOptions {
  int32_t rank = 0;  // SVDF only
  Activation activation = Activation::kNone;
  bool time_major = false;
  bool merge_outputs = false;
  bool asymmetric_quantize_inputs = false;
};

struct ReverseSequenceOptions {  // REVERSE_SEQUENCE
  int32_t seq_dim = 0, batch_dim = 0;
};

struct BucketizeOptions {  // BUCKETIZE
  std::vector<float> boundaries;
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
  L2NormOptions l2norm;
  LrnOptions lrn;
  LstmOptions lstm;
  ResizeOpOptions resize;
  BlockSizeOptions block;
  MirrorPadOptions mirror_pad;
  GatherOptions gather;
  StridedSliceOptions strided_slice;
  SplitOptions split;
  CastOptions cast;
  ArgOptions arg;
  TransposeConvOptions transpose_conv;
  ShapeOptions shape;
  PackOptions pack;
  OneHotOptions one_hot;
  LeakyReluOptions leaky_relu;
  BatchMatMulOptions batch_matmul;
  CumsumOptions cumsum;
  GeluOptions gelu;
  RnnOptions rnn;
  ReverseSequenceOptions reverse_sequence;
  BucketizeOptions bucketize;
};

}  // namespace edgelite

#endif  // EDGELITE_CORE_OP_OPTIONS_H_
