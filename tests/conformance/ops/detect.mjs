// CONCATENATION, ARG_MAX/ARG_MIN, RESIZE_BILINEAR, RESIZE_NEAREST_NEIGHBOR
// and the custom TFLite_Detection_PostProcess.
//
// Notes on the cases:
//  - CONCATENATION: uint8 inputs whose quantization differs from the output's
//    exercise TFLite's rescaling (ConcatenationWithScaling); int8 inputs share
//    the output's parameters (TFLite refuses others); int16 zero points are 0.
//  - ARG_MAX/ARG_MIN: narrow value ranges so ties (smallest index wins) are
//    frequent; int32 and int64 axis tensors; int32 outputs (see below).
//  - RESIZE_*: every flag combination, up- and downscaling, exact 2×/8×
//    factors (special-cased kernels), quantization equal or not between input
//    and output (decides whether XNNPACK takes a quantized bilinear node).
//  - TFLite_Detection_PostProcess: TFLite leaves output rows it does not
//    select unwritten (arena garbage), so every case makes all rows defined:
//    anchors sit in a grid of non-overlapping cells (at least max_detections
//    of them, every box stays inside its cell) and the score threshold of
//    fast NMS lies below every score, so each cell yields a detection; regular
//    NMS pads with zeros itself (with max_classes_per_detection 1). Scores are
//    drawn from a few levels so that ties (stable sort, libc++ partial_sort
//    order, merge order) are common.
import * as flexbuffers from 'flatbuffers/mjs/flexbuffers.js';
import { randomQuant, randomShape, randomTensor, singleOpModel, quantize } from '../lib/gen.mjs';

const QTYPES = new Set(['int8', 'uint8', 'int16']);

function quantFor(rng, dtype) {
  if (dtype === 'int16') return { scale: rng.logUniform(1e-4, 1e-2), zeroPoint: 0 };
  return randomQuant(rng, dtype);
}

// ---- CONCATENATION ----------------------------------------------------------------

function concatenation(rng) {
  const dtype = rng.pickWeighted([
    ['float32', 3], ['uint8', 3], ['int8', 2], ['int16', 1], ['int32', 1], ['int64', 1], ['bool', 1],
  ]);
  const rank = rng.int(1, 6);
  const base = randomShape(rng, { rank, max: rank > 4 ? 3 : 5 });
  const axis = rng.int(-rank, rank - 1);
  const a = axis < 0 ? axis + rank : axis;
  const n = rng.pickWeighted([[1, 1], [2, 4], [3, 3], [4, 2], [5, 1]]);
  const shapes = Array.from({ length: n }, () => {
    const s = base.slice();
    s[a] = rng.int(1, 4);
    return s;
  });
  const out = base.slice();
  out[a] = shapes.reduce((acc, s) => acc + s[a], 0);
  let outQuant;
  const inQuants = [];
  if (QTYPES.has(dtype)) {
    outQuant = quantFor(rng, dtype);
    for (let i = 0; i < n; i++) {
      const rescale = dtype !== 'int8' && rng.bool(0.5);
      inQuants.push(rescale ? quantFor(rng, dtype) : { ...outQuant });
    }
  }
  const inputs = shapes.map((shape, i) => {
    const t = { dtype, shape };
    if (inQuants[i]) t.quant = inQuants[i];
    if (rng.bool(0.15)) t.data = randomTensor(rng, dtype, shape);
    return t;
  });
  // At least one graph input: LiteRT.js returns garbage elements for a model
  // without inputs (all-constant CONCATENATION; tfjs-tflite agrees with us).
  if (inputs.every((t) => t.data !== undefined)) delete inputs[rng.int(0, n - 1)].data;
  // LiteRT ignores a fused activation (tfjs-tflite refuses the model); with
  // a single input LiteRT returns zeros instead, so that is left out.
  const act = dtype === 'float32' && n >= 2 && rng.bool(0.15) ? rng.pick(['RELU', 'RELU6', 'RELU_N1_TO_1']) : 'NONE';
  const model = singleOpModel({
    op: 'CONCATENATION',
    version: dtype === 'int8' ? 2 : dtype === 'int16' ? 3 : 1,
    options: { type: 'ConcatenationOptions', fields: { axis, fused_activation_function: act } },
    inputs,
    outputs: [{ dtype, shape: out, ...(outQuant ? { quant: outQuant } : {}) }],
  });
  const arrays = inputs.filter((t) => t.data === undefined).map((t) => randomTensor(rng, dtype, t.shape));
  const rescaled = inQuants.filter((q) => q.scale !== outQuant.scale || q.zeroPoint !== outQuant.zeroPoint).length;
  return {
    model,
    inputs: arrays,
    label: `${dtype} ${n}× along ${axis}: ${shapes.map((s) => `[${s}]`).join(' ')} -> [${out}]${rescaled ? ` (${rescaled} rescaled)` : ''}${act !== 'NONE' ? ` ${act} (ignored)` : ''}`,
  };
}

// ---- ARG_MAX / ARG_MIN --------------------------------------------------------------

function argMinMax(op) {
  return (rng) => {
    const dtype = rng.pickWeighted([['float32', 3], ['uint8', 2], ['int8', 2], ['int32', 2], ['bool', 1]]);
    const rank = rng.int(1, 5);
    const shape = randomShape(rng, { rank, max: rank > 3 ? 4 : 7 });
    const axis = rng.int(-rank, rank - 1);
    const axisType = rng.pick(['int32', 'int64']);
    // int64 outputs: neither peer returns them (LiteRT.js: "Element type
    // INT64 is not supported"; the harness cannot read tfjs-tflite's), so the
    // int64 output type is covered by the unit tests only.
    const outType = 'int32';
    const outShape = shape.filter((_, i) => i !== (axis < 0 ? axis + rank : axis));
    const narrow = rng.bool(0.5);
    const range = {
      float32: narrow ? { min: -2, max: 2 } : {},
      uint8: narrow ? { min: 100, max: 103 } : {},
      int8: narrow ? { min: -2, max: 1 } : {},
      int32: narrow ? { min: -2, max: 2 } : { min: -100000, max: 100000 },
      bool: {},
    }[dtype];
    let x = randomTensor(rng, dtype, shape, range);
    if (dtype === 'float32' && narrow) x = x.map((v) => Math.round(v * 2) / 2); // ties
    const quant = dtype === 'uint8' || dtype === 'int8' ? { quant: randomQuant(rng, dtype) } : {};
    const axisData = axisType === 'int64' ? BigInt64Array.of(BigInt(axis)) : Int32Array.of(axis);
    const model = singleOpModel({
      op,
      version: dtype === 'bool' ? 3 : dtype === 'int8' ? 2 : 1,
      options: { type: op === 'ARG_MAX' ? 'ArgMaxOptions' : 'ArgMinOptions', fields: { output_type: outType.toUpperCase() } },
      inputs: [{ dtype, shape, ...quant }, { dtype: axisType, shape: rng.bool() ? [1] : [], data: axisData }],
      outputs: [{ dtype: outType, shape: outShape }],
    });
    return { model, inputs: [x], label: `${dtype} [${shape}] axis ${axis} (${axisType}) -> ${outType} [${outShape}]` };
  };
}

// ---- RESIZE_BILINEAR / RESIZE_NEAREST_NEIGHBOR --------------------------------------

function resize(op) {
  return (rng) => {
    // int16 is left to the unit tests: LiteRT's int16 output through the
    // harness's QUANTIZE/DEQUANTIZE wrap comes back as garbage (e.g.
    // -897377792) and stops the run.
    const dtypes = [['float32', 3], ['uint8', 3], ['int8', 3]];
    const dtype = rng.pickWeighted(dtypes);
    const batch = rng.pickWeighted([[1, 4], [2, 1]]);
    const h = rng.int(1, 9);
    const w = rng.int(1, 9);
    const special = rng.int(0, 9);
    let c = rng.pick([1, 2, 3, 4, 5, 8, 16]);
    let oh;
    let ow;
    if (special === 0) {
      [oh, ow] = [2 * h, 2 * w];
    } else if (special === 1) {
      [oh, ow] = [8 * h, 8 * w];
      c = 8;
    } else {
      [oh, ow] = [rng.int(1, 17), rng.int(1, 17)];
    }
    const mode = rng.pick(['none', 'align', 'half']);
    const fields = { align_corners: mode === 'align', half_pixel_centers: mode === 'half' };
    let qin;
    let qout;
    if (QTYPES.has(dtype)) {
      qin = quantFor(rng, dtype);
      qout = rng.bool(0.75) ? { ...qin } : quantFor(rng, dtype);
    }
    const version = dtype === 'int16' ? 4 : mode === 'half' || (op !== 'RESIZE_BILINEAR' && mode === 'align') ? 3 : dtype === 'int8' ? 2 : 1;
    const model = singleOpModel({
      op,
      version,
      options: { type: op === 'RESIZE_BILINEAR' ? 'ResizeBilinearOptions' : 'ResizeNearestNeighborOptions', fields },
      inputs: [
        { dtype, shape: [batch, h, w, c], ...(qin ? { quant: qin } : {}) },
        { dtype: 'int32', shape: [2], data: Int32Array.of(oh, ow) },
      ],
      outputs: [{ dtype, shape: [batch, oh, ow, c], ...(qout ? { quant: qout } : {}) }],
    });
    const x = randomTensor(rng, dtype, [batch, h, w, c], dtype === 'float32' ? { min: -10, max: 10 } : {});
    const sameQ = qin && qout.scale === qin.scale && qout.zeroPoint === qin.zeroPoint;
    // Quantized RESIZE_BILINEAR with other output quantization: XNNPACK
    // refuses it and LiteRT.js 2.5.3 then returns uninitialized memory (int8
    // values like -8.97e8 through the QUANTIZE/DEQUANTIZE wrap, uint8 bytes
    // that tfjs-tflite does not produce); tfjs-tflite runs TFLite's kernel.
    const judge = op === 'RESIZE_BILINEAR' && qin && !sameQ
      ? { oracle: 'tfjs-tflite', oracleWhy: 'LiteRT.js returns uninitialized output when XNNPACK refuses the node' }
      : {};
    return {
      model,
      inputs: [x],
      ...judge,
      label: `${dtype} [${batch},${h},${w},${c}] -> ${oh}×${ow} ${mode}${qin && !sameQ ? ' (requantized output params)' : ''}`,
    };
  };
}

// ---- TFLite_Detection_PostProcess ---------------------------------------------------

function detectionOptions(rng, o) {
  const b = flexbuffers.builder();
  b.startMap();
  // Floats go indirect: the npm flexbuffers builder writes an inline value
  // that fits float32 (0.5, 10) as 4 bytes into an 8-byte map slot, which
  // TFLite (C++ flexbuffers) then reads as a denormal double. Inline floats
  // are covered by the unit tests (C++ builder).
  const float = (k, v) => {
    b.addKey(k);
    b.addFloat(v, true);
  };
  b.addKey('max_detections');
  b.addInt(o.maxDetections);
  b.addKey('max_classes_per_detection');
  b.addInt(o.maxClassesPerDetection);
  if (o.detectionsPerClass !== undefined) {
    b.addKey('detections_per_class');
    b.addInt(o.detectionsPerClass);
  }
  if (o.useRegularNms !== undefined) {
    b.addKey('use_regular_nms');
    b.add(o.useRegularNms);
  }
  float('nms_score_threshold', o.scoreThreshold);
  float('nms_iou_threshold', o.iouThreshold);
  b.addKey('num_classes');
  b.addInt(o.numClasses);
  float('y_scale', o.yScale);
  float('x_scale', o.xScale);
  float('h_scale', o.hScale);
  float('w_scale', o.wScale);
  b.end();
  return b.finish();
}

function detectionPostProcess(rng) {
  const regular = rng.bool(0.45);
  const numClasses = rng.int(1, 6);
  const background = rng.int(0, 1);
  const maxDetections = rng.int(1, 6);
  const maxClassesPerDetection = regular ? 1 : rng.int(1, Math.min(3, numClasses));
  const detectionsPerClass = regular ? rng.pick([undefined, 1, 2, 3, 5]) : undefined;
  // Grid of non-overlapping cells, at least maxDetections of them; every
  // cell gets 1..3 anchors (overlapping each other inside the cell).
  const grid = Math.max(2, Math.ceil(Math.sqrt(maxDetections)) + rng.int(0, 1));
  const anchors = [];
  for (let gy = 0; gy < grid; gy++) {
    for (let gx = 0; gx < grid; gx++) {
      const per = rng.pickWeighted([[1, 2], [2, 2], [3, 1]]);
      for (let k = 0; k < per; k++) {
        const cell = 1 / grid;
        const size = cell * rng.float(0.4, 0.6);
        const cy = (gy + 0.5) * cell + rng.float(-0.1, 0.1) * cell;
        const cx = (gx + 0.5) * cell + rng.float(-0.1, 0.1) * cell;
        anchors.push([cy, cx, size, rng.bool(0.3) ? size : cell * rng.float(0.4, 0.6)]);
      }
    }
  }
  const boxes = anchors.length;
  const scales = rng.pick([[10, 10, 5, 5], [1, 1, 1, 1], [8, 8, 4, 4]]);
  // Encodings that keep each box inside its cell: |shift| <= 0.05 anchor
  // size after division by the scale, size factor exp(±0.3).
  const enc = [];
  const extra = rng.pick([0, 0, 2]); // keypoint-style extra values per box
  for (let i = 0; i < boxes; i++) {
    enc.push(
      rng.float(-0.05, 0.05) * scales[0], rng.float(-0.05, 0.05) * scales[1],
      rng.float(-0.3, 0.3) * scales[2], rng.float(-0.3, 0.3) * scales[3],
      ...Array.from({ length: extra }, () => rng.float(-1, 1)),
    );
  }
  const classesWithBg = numClasses + background;
  const levels = rng.pick([4, 8, 256]);
  const scores = Array.from({ length: boxes * classesWithBg }, () => rng.int(0, levels - 1) / (levels - 1));
  const boxType = rng.pick(['float32', 'uint8']);
  const scoreType = rng.pick(['float32', 'uint8']);
  const iouThreshold = rng.pick([0.3, 0.5, 0.6, 1.0]);
  // Fast NMS: below every score, so every cell yields a detection. Regular
  // NMS pads unfilled rows with zeros, any threshold works.
  const scoreThreshold = regular ? rng.pick([0, 0.2, 0.5, 0.9]) : rng.pick([-1, 0]);
  const stride = 4 + extra;
  let boxTensor;
  let boxData;
  let anchorTensor;
  if (boxType === 'uint8') {
    const q = { scale: rng.pick([1 / 64, 1 / 32]) * Math.max(...scales) / 5, zeroPoint: 128 };
    boxTensor = { dtype: 'uint8', shape: [1, boxes, stride], quant: q };
    boxData = quantize(enc, q, 'uint8');
    const qa = { scale: 1 / 255, zeroPoint: 0 };
    anchorTensor = { dtype: 'uint8', shape: [boxes, 4], quant: qa, data: quantize(anchors.flat(), qa, 'uint8') };
  } else {
    boxTensor = { dtype: 'float32', shape: [1, boxes, stride] };
    boxData = Float32Array.from(enc);
    anchorTensor = { dtype: 'float32', shape: [boxes, 4], data: Float32Array.from(anchors.flat()) };
  }
  let scoreTensor;
  let scoreData;
  if (scoreType === 'uint8') {
    const q = { scale: 1 / 255, zeroPoint: rng.pick([0, 0, 10]) };
    scoreTensor = { dtype: 'uint8', shape: [1, boxes, classesWithBg], quant: q };
    scoreData = Uint8Array.from(scores, (s) => Math.min(255, Math.round(s * 245) + q.zeroPoint));
  } else {
    scoreTensor = { dtype: 'float32', shape: [1, boxes, classesWithBg] };
    scoreData = Float32Array.from(scores);
  }
  const n = maxDetections * maxClassesPerDetection;
  const opts = {
    maxDetections, maxClassesPerDetection, detectionsPerClass,
    useRegularNms: regular ? true : rng.pick([undefined, false]),
    scoreThreshold, iouThreshold, numClasses,
    yScale: scales[0], xScale: scales[1], hScale: scales[2], wScale: scales[3],
  };
  const model = singleOpModel({
    op: 'CUSTOM',
    customCode: 'TFLite_Detection_PostProcess',
    customOptions: detectionOptions(rng, opts),
    inputs: [boxTensor, scoreTensor, anchorTensor],
    outputs: [
      { dtype: 'float32', shape: [1, n, 4] },
      { dtype: 'float32', shape: [1, n] },
      { dtype: 'float32', shape: [1, n] },
      { dtype: 'float32', shape: [1] },
    ],
  });
  return {
    model,
    inputs: [boxData, scoreData],
    label:
      `${regular ? 'regular' : 'fast'} NMS, ${boxes} boxes (${boxType}), ${numClasses}+${background} classes (${scoreType}, ` +
      `${levels} levels), max ${maxDetections}×${maxClassesPerDetection}, iou ${iouThreshold}, score ≥ ${scoreThreshold}`,
  };
}

export const generators = {
  CONCATENATION: concatenation,
  ARG_MAX: argMinMax('ARG_MAX'),
  ARG_MIN: argMinMax('ARG_MIN'),
  RESIZE_BILINEAR: resize('RESIZE_BILINEAR'),
  RESIZE_NEAREST_NEIGHBOR: resize('RESIZE_NEAREST_NEIGHBOR'),
  TFLite_Detection_PostProcess: detectionPostProcess,
};
