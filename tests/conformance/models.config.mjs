// Model-level conformance configuration.
//
// EXPECTED_SUPPORTED: models (file names without .tflite) that edgelite must
// run today. A model not listed here that edgelite refuses is reported as
// "not yet supported by edgelite: <message>" and does not fail; a listed one
// that edgelite refuses fails. Add a model here when the ops it needs land.
// (deeplabv3_mnv2_dm05_pascal_quant runs too, but its int64 output reaches
// no peer here; tests/e2e/detection_golden_test.cc checks its class map
// against TFLite's, taken on a copy with an int32 ARG_MAX.)
export const EXPECTED_SUPPORTED = [
  'coco_ssd_mobilenet_v1_1.0_quant_2018_06_29',
  'hello_world_float',
  'hello_world_int8',
  'micro_speech_quantized',
  'mobilenet_v1_0.25_128_quant',
  'mobilenet_v1_0.25_224_1_default_1',
  'mobilenet_v1_0.25_224_quant',
  'mobilenet_v2_1.0_224_quant',
  'person_detect',
  'tf2_mobilenet_v2_1.0_224_ptq',
  'trained_lstm_int8',
  'vww_96_float',
  'vww_96_int8',
];

// Per-model overrides of the float contract (lib/compare.mjs), each with the
// reason. Whole float networks accumulate in a different order than XNNPACK
// (edgelite's kernels sum in their own order and without FMA); the default
// 1e-5 × range is kept unless a model needs more — none does today.
export const MODEL_TOLERANCES = {};

// Models whose outputs TFLite's JavaScript builds cannot produce, with the
// reason and where the model is checked instead. The suite still runs them
// through edgelite (so a refusal fails) but compares nothing.
export const PEER_CANNOT_JUDGE = {
  dilated_conv:
    'its output is a dynamic tensor (shapes computed by SHAPE/STRIDED_SLICE/PACK at run time): LiteRT.js ' +
    'crashes (memory access out of bounds) and tfjs-tflite hands back an unwritten, all-zero buffer; ' +
    'tests/e2e/dilated_conv_test.cc checks it against the equivalent single dilated CONV_2D, which the op ' +
    'suite checks against TFLite',
};
