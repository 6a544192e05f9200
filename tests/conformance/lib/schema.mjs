// The parts of TFLite's schema (tensorflow/compiler/mlir/lite/schema/schema.fbs)
// that the model writer needs: operator codes, tensor types, the BuiltinOptions
// union (its order defines the union type numbers) and the fields of every
// options table in it, in field-id order. Field ids are positions in these
// lists, so a deprecated field keeps its slot (written as `-name:type`).
//
// Field types: bool, byte, int, uint, long, float, string, [int], [long],
// [float], or an enum below (a byte: give its name or its number).

export const BUILTIN_OPS = {
  ADD: 0, AVERAGE_POOL_2D: 1, CONCATENATION: 2, CONV_2D: 3, DEPTHWISE_CONV_2D: 4, DEPTH_TO_SPACE: 5,
  DEQUANTIZE: 6, EMBEDDING_LOOKUP: 7, FLOOR: 8, FULLY_CONNECTED: 9, HASHTABLE_LOOKUP: 10,
  L2_NORMALIZATION: 11, L2_POOL_2D: 12, LOCAL_RESPONSE_NORMALIZATION: 13, LOGISTIC: 14, LSH_PROJECTION: 15,
  LSTM: 16, MAX_POOL_2D: 17, MUL: 18, RELU: 19, RELU_N1_TO_1: 20, RELU6: 21, RESHAPE: 22,
  RESIZE_BILINEAR: 23, RNN: 24, SOFTMAX: 25, SPACE_TO_DEPTH: 26, SVDF: 27, TANH: 28, CONCAT_EMBEDDINGS: 29,
  SKIP_GRAM: 30, CALL: 31, CUSTOM: 32, EMBEDDING_LOOKUP_SPARSE: 33, PAD: 34, UNIDIRECTIONAL_SEQUENCE_RNN: 35,
  GATHER: 36, BATCH_TO_SPACE_ND: 37, SPACE_TO_BATCH_ND: 38, TRANSPOSE: 39, MEAN: 40, SUB: 41,
  DIV: 42, SQUEEZE: 43, UNIDIRECTIONAL_SEQUENCE_LSTM: 44, STRIDED_SLICE: 45, BIDIRECTIONAL_SEQUENCE_RNN: 46,
  EXP: 47, TOPK_V2: 48, SPLIT: 49, LOG_SOFTMAX: 50, DELEGATE: 51, BIDIRECTIONAL_SEQUENCE_LSTM: 52,
  CAST: 53, PRELU: 54, MAXIMUM: 55, ARG_MAX: 56, MINIMUM: 57, LESS: 58, NEG: 59, PADV2: 60,
  GREATER: 61, GREATER_EQUAL: 62, LESS_EQUAL: 63, SELECT: 64, SLICE: 65, SIN: 66, TRANSPOSE_CONV: 67,
  SPARSE_TO_DENSE: 68, TILE: 69, EXPAND_DIMS: 70, EQUAL: 71, NOT_EQUAL: 72, LOG: 73, SUM: 74,
  SQRT: 75, RSQRT: 76, SHAPE: 77, POW: 78, ARG_MIN: 79, FAKE_QUANT: 80, REDUCE_PROD: 81, REDUCE_MAX: 82,
  PACK: 83, LOGICAL_OR: 84, ONE_HOT: 85, LOGICAL_AND: 86, LOGICAL_NOT: 87, UNPACK: 88, REDUCE_MIN: 89,
  FLOOR_DIV: 90, REDUCE_ANY: 91, SQUARE: 92, ZEROS_LIKE: 93, FILL: 94, FLOOR_MOD: 95, RANGE: 96,
  RESIZE_NEAREST_NEIGHBOR: 97, LEAKY_RELU: 98, SQUARED_DIFFERENCE: 99, MIRROR_PAD: 100, ABS: 101,
  SPLIT_V: 102, UNIQUE: 103, CEIL: 104, REVERSE_V2: 105, ADD_N: 106, GATHER_ND: 107, COS: 108,
  WHERE: 109, RANK: 110, ELU: 111, REVERSE_SEQUENCE: 112, MATRIX_DIAG: 113, QUANTIZE: 114,
  MATRIX_SET_DIAG: 115, ROUND: 116, HARD_SWISH: 117, IF: 118, WHILE: 119, NON_MAX_SUPPRESSION_V4: 120,
  NON_MAX_SUPPRESSION_V5: 121, SCATTER_ND: 122, SELECT_V2: 123, DENSIFY: 124, SEGMENT_SUM: 125,
  BATCH_MATMUL: 126, PLACEHOLDER_FOR_GREATER_OP_CODES: 127, CUMSUM: 128, CALL_ONCE: 129, BROADCAST_TO: 130,
  RFFT2D: 131, CONV_3D: 132, IMAG: 133, REAL: 134, COMPLEX_ABS: 135, HASHTABLE: 136, HASHTABLE_FIND: 137,
  HASHTABLE_IMPORT: 138, HASHTABLE_SIZE: 139, REDUCE_ALL: 140, CONV_3D_TRANSPOSE: 141, VAR_HANDLE: 142,
  READ_VARIABLE: 143, ASSIGN_VARIABLE: 144, BROADCAST_ARGS: 145, RANDOM_STANDARD_NORMAL: 146,
  BUCKETIZE: 147, RANDOM_UNIFORM: 148, MULTINOMIAL: 149, GELU: 150, DYNAMIC_UPDATE_SLICE: 151,
  RELU_0_TO_1: 152, UNSORTED_SEGMENT_PROD: 153, UNSORTED_SEGMENT_MAX: 154, UNSORTED_SEGMENT_SUM: 155,
  ATAN2: 156, UNSORTED_SEGMENT_MIN: 157, SIGN: 158, BITCAST: 159, BITWISE_XOR: 160, RIGHT_SHIFT: 161,
  STABLEHLO_LOGISTIC: 162, STABLEHLO_ADD: 163, STABLEHLO_DIVIDE: 164, STABLEHLO_MULTIPLY: 165,
  STABLEHLO_MAXIMUM: 166, STABLEHLO_RESHAPE: 167, STABLEHLO_CLAMP: 168, STABLEHLO_CONCATENATE: 169,
  STABLEHLO_BROADCAST_IN_DIM: 170, STABLEHLO_CONVOLUTION: 171, STABLEHLO_SLICE: 172, STABLEHLO_CUSTOM_CALL: 173,
  STABLEHLO_REDUCE: 174, STABLEHLO_ABS: 175, STABLEHLO_AND: 176, STABLEHLO_COSINE: 177, STABLEHLO_EXPONENTIAL: 178,
  STABLEHLO_FLOOR: 179, STABLEHLO_LOG: 180, STABLEHLO_MINIMUM: 181, STABLEHLO_NEGATE: 182,
  STABLEHLO_OR: 183, STABLEHLO_POWER: 184, STABLEHLO_REMAINDER: 185, STABLEHLO_RSQRT: 186,
  STABLEHLO_SELECT: 187, STABLEHLO_SUBTRACT: 188, STABLEHLO_TANH: 189, STABLEHLO_SCATTER: 190,
  STABLEHLO_COMPARE: 191, STABLEHLO_CONVERT: 192, STABLEHLO_DYNAMIC_SLICE: 193, STABLEHLO_DYNAMIC_UPDATE_SLICE: 194,
  STABLEHLO_PAD: 195, STABLEHLO_IOTA: 196, STABLEHLO_DOT_GENERAL: 197, STABLEHLO_REDUCE_WINDOW: 198,
  STABLEHLO_SORT: 199, STABLEHLO_WHILE: 200, STABLEHLO_GATHER: 201, STABLEHLO_TRANSPOSE: 202,
  DILATE: 203, STABLEHLO_RNG_BIT_GENERATOR: 204, REDUCE_WINDOW: 205, STABLEHLO_COMPOSITE: 206,
  STABLEHLO_SHIFT_LEFT: 207, STABLEHLO_CBRT: 208, STABLEHLO_CASE: 209,};
export const OP_NAMES = Object.fromEntries(Object.entries(BUILTIN_OPS).map(([k, v]) => [v, k]));

// TensorType, and the dtype names edgelite's JavaScript API uses for them.
export const TENSOR_TYPES = {
  float32: 0, float16: 1, int32: 2, uint8: 3, int64: 4, string: 5, bool: 6, int16: 7,
  complex64: 8, int8: 9, float64: 10, complex128: 11, uint64: 12, resource: 13, variant: 14,
  uint32: 15, uint16: 16, int4: 17, bfloat16: 18,
};
export const TENSOR_TYPE_NAMES = Object.fromEntries(Object.entries(TENSOR_TYPES).map(([k, v]) => [v, k]));

// Bytes per element of each dtype the writer can store constant data for.
export const DTYPE_BYTES = {
  float32: 4, float16: 2, int32: 4, uint8: 1, int64: 8, bool: 1, int16: 2, int8: 1,
  float64: 8, uint64: 8, uint32: 4, uint16: 2,
};

export const ENUMS = {
  Padding: { SAME: 0, VALID: 1 },
  ActivationFunctionType: { NONE: 0, RELU: 1, RELU_N1_TO_1: 2, RELU6: 3, TANH: 4, SIGN_BIT: 5 },
  TensorType: Object.fromEntries(Object.entries(TENSOR_TYPES).map(([k, v]) => [k.toUpperCase(), v])),
  FullyConnectedOptionsWeightsFormat: { DEFAULT: 0, SHUFFLED4x16INT8: 1 },
  LSHProjectionType: { UNKNOWN: 0, SPARSE: 1, DENSE: 2 },
  LSTMKernelType: { FULL: 0, BASIC: 1 },
  CombinerType: { SUM: 0, MEAN: 1, SQRTN: 2 },
  MirrorPadMode: { REFLECT: 0, SYMMETRIC: 1 },
};

// The BuiltinOptions union in schema order: the union type of an options table
// is its index here + 1 (0 is NONE).
export const BUILTIN_OPTIONS_UNION = [
  'Conv2DOptions', 'DepthwiseConv2DOptions', 'ConcatEmbeddingsOptions', 'LSHProjectionOptions',
  'Pool2DOptions', 'SVDFOptions', 'RNNOptions', 'FullyConnectedOptions', 'SoftmaxOptions',
  'ConcatenationOptions', 'AddOptions', 'L2NormOptions', 'LocalResponseNormalizationOptions',
  'LSTMOptions', 'ResizeBilinearOptions', 'CallOptions', 'ReshapeOptions', 'SkipGramOptions',
  'SpaceToDepthOptions', 'EmbeddingLookupSparseOptions', 'MulOptions', 'PadOptions',
  'GatherOptions', 'BatchToSpaceNDOptions', 'SpaceToBatchNDOptions', 'TransposeOptions',
  'ReducerOptions', 'SubOptions', 'DivOptions', 'SqueezeOptions', 'SequenceRNNOptions',
  'StridedSliceOptions', 'ExpOptions', 'TopKV2Options', 'SplitOptions', 'LogSoftmaxOptions',
  'CastOptions', 'DequantizeOptions', 'MaximumMinimumOptions', 'ArgMaxOptions', 'LessOptions',
  'NegOptions', 'PadV2Options', 'GreaterOptions', 'GreaterEqualOptions', 'LessEqualOptions',
  'SelectOptions', 'SliceOptions', 'TransposeConvOptions', 'SparseToDenseOptions', 'TileOptions',
  'ExpandDimsOptions', 'EqualOptions', 'NotEqualOptions', 'ShapeOptions', 'PowOptions',
  'ArgMinOptions', 'FakeQuantOptions', 'PackOptions', 'LogicalOrOptions', 'OneHotOptions',
  'LogicalAndOptions', 'LogicalNotOptions', 'UnpackOptions', 'FloorDivOptions', 'SquareOptions',
  'ZerosLikeOptions', 'FillOptions', 'BidirectionalSequenceLSTMOptions',
  'BidirectionalSequenceRNNOptions', 'UnidirectionalSequenceLSTMOptions', 'FloorModOptions',
  'RangeOptions', 'ResizeNearestNeighborOptions', 'LeakyReluOptions', 'SquaredDifferenceOptions',
  'MirrorPadOptions', 'AbsOptions', 'SplitVOptions', 'UniqueOptions', 'ReverseV2Options',
  'AddNOptions', 'GatherNdOptions', 'CosOptions', 'WhereOptions', 'RankOptions',
  'ReverseSequenceOptions', 'MatrixDiagOptions', 'QuantizeOptions', 'MatrixSetDiagOptions',
  'HardSwishOptions', 'IfOptions', 'WhileOptions', 'DepthToSpaceOptions',
  'NonMaxSuppressionV4Options', 'NonMaxSuppressionV5Options', 'ScatterNdOptions',
  'SelectV2Options', 'DensifyOptions', 'SegmentSumOptions', 'BatchMatMulOptions', 'CumsumOptions',
  'CallOnceOptions', 'BroadcastToOptions', 'Rfft2dOptions', 'Conv3DOptions', 'HashtableOptions',
  'HashtableFindOptions', 'HashtableImportOptions', 'HashtableSizeOptions', 'VarHandleOptions',
  'ReadVariableOptions', 'AssignVariableOptions', 'RandomOptions', 'BucketizeOptions',
  'GeluOptions', 'DynamicUpdateSliceOptions', 'UnsortedSegmentProdOptions',
  'UnsortedSegmentMaxOptions', 'UnsortedSegmentMinOptions', 'UnsortedSegmentSumOptions',
  'ATan2Options', 'SignOptions', 'BitcastOptions', 'BitwiseXorOptions', 'RightShiftOptions',
];

// Fields of each options table (field id = position). Tables not listed here
// are in the union but have no fields (e.g. PadOptions, QuantizeOptions).
const A = 'fused_activation_function:ActivationFunctionType';
const FIELDS = {
  Conv2DOptions: ['padding:Padding', 'stride_w:int', 'stride_h:int', A, 'dilation_w_factor:int=1', 'dilation_h_factor:int=1', 'quantized_bias_type:TensorType'],
  DepthwiseConv2DOptions: ['padding:Padding', 'stride_w:int', 'stride_h:int', 'depth_multiplier:int', A, 'dilation_w_factor:int=1', 'dilation_h_factor:int=1'],
  ConcatEmbeddingsOptions: ['num_channels:int', 'num_columns_per_channel:[int]', 'embedding_dim_per_channel:[int]'],
  LSHProjectionOptions: ['type:LSHProjectionType'],
  Pool2DOptions: ['padding:Padding', 'stride_w:int', 'stride_h:int', 'filter_width:int', 'filter_height:int', A],
  SVDFOptions: ['rank:int', A, 'asymmetric_quantize_inputs:bool'],
  RNNOptions: [A, 'asymmetric_quantize_inputs:bool'],
  FullyConnectedOptions: [A, 'weights_format:FullyConnectedOptionsWeightsFormat', 'keep_num_dims:bool', 'asymmetric_quantize_inputs:bool', 'quantized_bias_type:TensorType'],
  SoftmaxOptions: ['beta:float'],
  ConcatenationOptions: ['axis:int', A],
  AddOptions: [A, 'pot_scale_int16:bool=true'],
  L2NormOptions: [A],
  LocalResponseNormalizationOptions: ['radius:int', 'bias:float', 'alpha:float', 'beta:float'],
  LSTMOptions: [A, 'cell_clip:float', 'proj_clip:float', 'kernel_type:LSTMKernelType', 'asymmetric_quantize_inputs:bool'],
  ResizeBilinearOptions: ['-new_height:int', '-new_width:int', 'align_corners:bool', 'half_pixel_centers:bool'],
  CallOptions: ['subgraph:uint'],
  ReshapeOptions: ['new_shape:[int]'],
  SkipGramOptions: ['ngram_size:int', 'max_skip_size:int', 'include_all_ngrams:bool'],
  SpaceToDepthOptions: ['block_size:int'],
  EmbeddingLookupSparseOptions: ['combiner:CombinerType'],
  MulOptions: [A],
  GatherOptions: ['axis:int', 'batch_dims:int'],
  ReducerOptions: ['keep_dims:bool'],
  SubOptions: [A, 'pot_scale_int16:bool=true'],
  DivOptions: [A],
  SqueezeOptions: ['squeeze_dims:[int]'],
  SequenceRNNOptions: ['time_major:bool', A, 'asymmetric_quantize_inputs:bool'],
  StridedSliceOptions: ['begin_mask:int', 'end_mask:int', 'ellipsis_mask:int', 'new_axis_mask:int', 'shrink_axis_mask:int', 'offset:bool'],
  SplitOptions: ['num_splits:int'],
  CastOptions: ['in_data_type:TensorType', 'out_data_type:TensorType'],
  ArgMaxOptions: ['output_type:TensorType'],
  ArgMinOptions: ['output_type:TensorType'],
  TransposeConvOptions: ['padding:Padding', 'stride_w:int', 'stride_h:int', A, 'quantized_bias_type:TensorType'],
  SparseToDenseOptions: ['validate_indices:bool'],
  ShapeOptions: ['out_type:TensorType'],
  FakeQuantOptions: ['min:float', 'max:float', 'num_bits:int', 'narrow_range:bool'],
  PackOptions: ['values_count:int', 'axis:int'],
  OneHotOptions: ['axis:int'],
  UnpackOptions: ['num:int', 'axis:int'],
  BidirectionalSequenceLSTMOptions: [A, 'cell_clip:float', 'proj_clip:float', 'merge_outputs:bool', 'time_major:bool=true', 'asymmetric_quantize_inputs:bool'],
  BidirectionalSequenceRNNOptions: ['time_major:bool', A, 'merge_outputs:bool', 'asymmetric_quantize_inputs:bool'],
  UnidirectionalSequenceLSTMOptions: [A, 'cell_clip:float', 'proj_clip:float', 'time_major:bool', 'asymmetric_quantize_inputs:bool', 'diagonal_recurrent_tensors:bool'],
  ResizeNearestNeighborOptions: ['align_corners:bool', 'half_pixel_centers:bool'],
  LeakyReluOptions: ['alpha:float'],
  MirrorPadOptions: ['mode:MirrorPadMode'],
  SplitVOptions: ['num_splits:int'],
  UniqueOptions: ['idx_out_type:TensorType=2'],
  ReverseSequenceOptions: ['seq_dim:int', 'batch_dim:int'],
  IfOptions: ['then_subgraph_index:int', 'else_subgraph_index:int'],
  WhileOptions: ['cond_subgraph_index:int', 'body_subgraph_index:int'],
  DepthToSpaceOptions: ['block_size:int'],
  BatchMatMulOptions: ['adj_x:bool', 'adj_y:bool', 'asymmetric_quantize_inputs:bool'],
  CumsumOptions: ['exclusive:bool', 'reverse:bool'],
  CallOnceOptions: ['init_subgraph_index:int'],
  Conv3DOptions: ['padding:Padding', 'stride_d:int', 'stride_w:int', 'stride_h:int', A, 'dilation_d_factor:int=1', 'dilation_w_factor:int=1', 'dilation_h_factor:int=1'],
  HashtableOptions: ['table_id:int', 'key_dtype:TensorType', 'value_dtype:TensorType'],
  VarHandleOptions: ['container:string', 'shared_name:string'],
  RandomOptions: ['seed:long', 'seed2:long'],
  BucketizeOptions: ['boundaries:[float]'],
  GeluOptions: ['approximate:bool'],
};

// name → {id, name, type, default, deprecated}
function parseField(spec, id) {
  const deprecated = spec.startsWith('-');
  const m = /^-?([a-z0-9_]+):([A-Za-z0-9[\]]+)(?:=(.*))?$/.exec(spec);
  if (!m) throw new Error(`bad field spec ${spec}`);
  const [, name, type, dflt] = m;
  let def = 0;
  if (dflt === 'true') def = true;
  else if (dflt !== undefined) def = Number(dflt);
  else if (type === 'bool') def = false;
  return { id, name, type, default: def, deprecated };
}

for (const t of Object.keys(FIELDS)) {
  if (!BUILTIN_OPTIONS_UNION.includes(t)) throw new Error(`schema.mjs: ${t} is not in the BuiltinOptions union`);
}

export const OPTION_TABLES = Object.fromEntries(
  BUILTIN_OPTIONS_UNION.map((table, i) => [
    table,
    { table, unionType: i + 1, fields: (FIELDS[table] || []).map(parseField) },
  ]),
);

// The options table TFLite's converter writes for each builtin op (ops whose
// options table is empty or that have none are omitted or map to null). The
// writer uses it when a model description gives no options for an op.
export const DEFAULT_OPTIONS_FOR_OP = {
  ADD: 'AddOptions', AVERAGE_POOL_2D: 'Pool2DOptions', CONCATENATION: 'ConcatenationOptions',
  CONV_2D: 'Conv2DOptions', DEPTHWISE_CONV_2D: 'DepthwiseConv2DOptions',
  DEPTH_TO_SPACE: 'DepthToSpaceOptions', DEQUANTIZE: 'DequantizeOptions',
  FULLY_CONNECTED: 'FullyConnectedOptions', L2_NORMALIZATION: 'L2NormOptions',
  L2_POOL_2D: 'Pool2DOptions', LOCAL_RESPONSE_NORMALIZATION: 'LocalResponseNormalizationOptions',
  MAX_POOL_2D: 'Pool2DOptions', MUL: 'MulOptions', RESHAPE: 'ReshapeOptions',
  RESIZE_BILINEAR: 'ResizeBilinearOptions', SOFTMAX: 'SoftmaxOptions',
  SPACE_TO_DEPTH: 'SpaceToDepthOptions', PAD: 'PadOptions', GATHER: 'GatherOptions',
  BATCH_TO_SPACE_ND: 'BatchToSpaceNDOptions', SPACE_TO_BATCH_ND: 'SpaceToBatchNDOptions',
  TRANSPOSE: 'TransposeOptions', MEAN: 'ReducerOptions', SUM: 'ReducerOptions',
  REDUCE_MAX: 'ReducerOptions', REDUCE_MIN: 'ReducerOptions', REDUCE_PROD: 'ReducerOptions',
  REDUCE_ANY: 'ReducerOptions', REDUCE_ALL: 'ReducerOptions', SUB: 'SubOptions', DIV: 'DivOptions',
  SQUEEZE: 'SqueezeOptions', STRIDED_SLICE: 'StridedSliceOptions', EXP: 'ExpOptions',
  TOPK_V2: 'TopKV2Options', SPLIT: 'SplitOptions', LOG_SOFTMAX: 'LogSoftmaxOptions',
  CAST: 'CastOptions', MAXIMUM: 'MaximumMinimumOptions', MINIMUM: 'MaximumMinimumOptions',
  ARG_MAX: 'ArgMaxOptions', ARG_MIN: 'ArgMinOptions', LESS: 'LessOptions', NEG: 'NegOptions',
  PADV2: 'PadV2Options', GREATER: 'GreaterOptions', GREATER_EQUAL: 'GreaterEqualOptions',
  LESS_EQUAL: 'LessEqualOptions', SELECT: 'SelectOptions', SLICE: 'SliceOptions',
  TRANSPOSE_CONV: 'TransposeConvOptions', TILE: 'TileOptions', EXPAND_DIMS: 'ExpandDimsOptions',
  EQUAL: 'EqualOptions', NOT_EQUAL: 'NotEqualOptions', SHAPE: 'ShapeOptions', POW: 'PowOptions',
  PACK: 'PackOptions', LOGICAL_OR: 'LogicalOrOptions', ONE_HOT: 'OneHotOptions',
  LOGICAL_AND: 'LogicalAndOptions', LOGICAL_NOT: 'LogicalNotOptions', UNPACK: 'UnpackOptions',
  FLOOR_DIV: 'FloorDivOptions', SQUARE: 'SquareOptions', ZEROS_LIKE: 'ZerosLikeOptions',
  FILL: 'FillOptions', FLOOR_MOD: 'FloorModOptions', RANGE: 'RangeOptions',
  RESIZE_NEAREST_NEIGHBOR: 'ResizeNearestNeighborOptions', LEAKY_RELU: 'LeakyReluOptions',
  SQUARED_DIFFERENCE: 'SquaredDifferenceOptions', MIRROR_PAD: 'MirrorPadOptions', ABS: 'AbsOptions',
  SPLIT_V: 'SplitVOptions', UNIQUE: 'UniqueOptions', REVERSE_V2: 'ReverseV2Options',
  ADD_N: 'AddNOptions', GATHER_ND: 'GatherNdOptions', COS: 'CosOptions', WHERE: 'WhereOptions',
  RANK: 'RankOptions', REVERSE_SEQUENCE: 'ReverseSequenceOptions', MATRIX_DIAG: 'MatrixDiagOptions',
  QUANTIZE: 'QuantizeOptions', MATRIX_SET_DIAG: 'MatrixSetDiagOptions', HARD_SWISH: 'HardSwishOptions',
  SELECT_V2: 'SelectV2Options', BATCH_MATMUL: 'BatchMatMulOptions', CUMSUM: 'CumsumOptions',
  BROADCAST_TO: 'BroadcastToOptions', GELU: 'GeluOptions', SIGN: 'SignOptions',
  ATAN2: 'ATan2Options', BITCAST: 'BitcastOptions', BITWISE_XOR: 'BitwiseXorOptions',
  RIGHT_SHIFT: 'RightShiftOptions', DYNAMIC_UPDATE_SLICE: 'DynamicUpdateSliceOptions',
  BUCKETIZE: 'BucketizeOptions', SPARSE_TO_DENSE: 'SparseToDenseOptions',
  LSTM: 'LSTMOptions', UNIDIRECTIONAL_SEQUENCE_LSTM: 'UnidirectionalSequenceLSTMOptions',
  BIDIRECTIONAL_SEQUENCE_LSTM: 'BidirectionalSequenceLSTMOptions', RNN: 'RNNOptions',
  UNIDIRECTIONAL_SEQUENCE_RNN: 'SequenceRNNOptions', BIDIRECTIONAL_SEQUENCE_RNN: 'BidirectionalSequenceRNNOptions',
  SVDF: 'SVDFOptions', CONV_3D: 'Conv3DOptions', CONV_3D_TRANSPOSE: 'Conv3DOptions',
  SEGMENT_SUM: 'SegmentSumOptions', SCATTER_ND: 'ScatterNdOptions', DENSIFY: 'DensifyOptions',
  FAKE_QUANT: 'FakeQuantOptions',
};
