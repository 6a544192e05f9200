// Helpers for op case generators (tests/conformance/ops/*.mjs): random shapes,
// quantization parameters, tensors of every dtype, broadcasting pairs, conv
// geometry, quantized bias, and singleOpModel() that turns one op + its
// tensors into a model description for the writer. All randomness comes from
// the Rng the suite passes in (lib/prng.mjs), so a case replays exactly.
import { ARRAY_TYPES, elementCount, f32ToF16Bits } from './tflite_writer.mjs';

export { elementCount, f32ToF16Bits, ARRAY_TYPES };

// ---- dtypes ------------------------------------------------------------------

export const QUANT_RANGES = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
};

export function dtypeRange(dtype) {
  const r = QUANT_RANGES[dtype];
  if (!r) throw new Error(`dtypeRange: ${dtype} is not an integer type`);
  return r;
}

export const isQuantizedType = (dtype) => dtype === 'int8' || dtype === 'uint8' || dtype === 'int16';

// ---- shapes ------------------------------------------------------------------

// A shape of `rank` dims, each in [min, max]; dims of 1 come up often on
// purpose (pOne) because broadcasting and edge paths live there.
export function randomShape(rng, { rank = rng.int(1, 4), min = 1, max = 8, pOne = 0.15 } = {}) {
  return Array.from({ length: rank }, () => (rng.bool(pOne) ? 1 : rng.int(min, max)));
}

// Two shapes that broadcast together (NumPy rules), and their result shape.
// The second operand may have a lower rank, and any of its dims (or the
// first's) may be 1. kind: 'same' | 'scalar' | 'broadcast' | random.
export function broadcastPair(rng, { rank = rng.int(1, 4), max = 6, kind } = {}) {
  const out = randomShape(rng, { rank, max, pOne: 0.1 });
  const k = kind ?? rng.pickWeighted([['same', 2], ['broadcast', 4], ['scalar', 1]]);
  if (k === 'same') return { a: out.slice(), b: out.slice(), out };
  if (k === 'scalar') {
    const s = rng.bool() ? [] : [1];
    return rng.bool() ? { a: out.slice(), b: s, out } : { a: s, b: out.slice(), out };
  }
  const drop = (shape) => {
    const keep = rng.int(1, shape.length);
    return shape.slice(shape.length - keep).map((d) => (rng.bool(0.4) ? 1 : d));
  };
  let a = out.map((d) => (rng.bool(0.25) ? 1 : d));
  let b = drop(out);
  // Every output dim must come from one of them.
  const r = out.length;
  for (let i = 0; i < r; i++) {
    const bi = i - (r - b.length);
    const aHas = a[i] === out[i];
    const bHas = bi >= 0 && b[bi] === out[i];
    if (!aHas && !bHas) a[i] = out[i];
  }
  if (rng.bool()) [a, b] = [b, a];
  return { a, b, out: broadcastShape(a, b) };
}

export function broadcastShape(a, b) {
  const r = Math.max(a.length, b.length);
  const out = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1;
    const db = b[b.length - r + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) throw new Error(`shapes [${a}] and [${b}] do not broadcast`);
    out.push(da === 1 ? db : da);
  }
  return out;
}

// ---- quantization --------------------------------------------------------------

// Per-tensor {scale, zeroPoint} for an activation tensor of `dtype`: scale
// log-uniform in [minScale, maxScale]; int8/uint8 zero point anywhere in the
// range (asymmetric), int16 zero point 0 (TFLite's int16 is symmetric).
export function randomQuant(rng, dtype, { minScale = 1e-3, maxScale = 0.5 } = {}) {
  const scale = Math.fround(rng.logUniform(minScale, maxScale));
  if (dtype === 'int16') return { scale, zeroPoint: 0 };
  const [lo, hi] = dtypeRange(dtype);
  // Keep the zero point mostly inside so both signs are representable.
  const zeroPoint = rng.bool(0.15) ? rng.pick([lo, hi, 0].filter((z) => z >= lo && z <= hi)) : rng.int(lo + 16, hi - 16);
  return { scale, zeroPoint };
}

// {scale, zeroPoint} that represents the real range [min, max] (0 included),
// the way TFLite's converter chooses them (asymmetric int8/uint8, symmetric int16).
export function quantForRange(min, max, dtype) {
  min = Math.min(min, 0);
  max = Math.max(max, 0);
  if (max - min < 1e-9) max = min + 1e-3;
  const [qmin, qmax] = dtypeRange(dtype);
  if (dtype === 'int16') {
    const scale = Math.fround(Math.max(-min, max) / qmax);
    return { scale, zeroPoint: 0 };
  }
  const scale = Math.fround((max - min) / (qmax - qmin));
  let zeroPoint = Math.round(qmin - min / scale);
  zeroPoint = Math.min(qmax, Math.max(qmin, zeroPoint));
  return { scale, zeroPoint };
}

// Per-channel symmetric int8 weights quantization: `channels` scales, zero
// points 0, quantized_dimension `axis` (0 for CONV_2D/FULLY_CONNECTED
// filters, 3 for DEPTHWISE_CONV_2D).
export function perChannelQuant(rng, channels, axis, { minScale = 1e-3, maxScale = 0.05 } = {}) {
  const scale = Array.from({ length: channels }, () => Math.fround(rng.logUniform(minScale, maxScale)));
  return { scale, zeroPoint: new Array(channels).fill(0), axis };
}

// The real value of q under {scale, zeroPoint}: f32(scale · (q − zp)).
export function dequantize(q, quant) {
  return Math.fround(quant.scale * (q - quant.zeroPoint));
}

// Real values → quantized typed array (round half away from zero, clamp).
export function quantize(values, quant, dtype) {
  const [lo, hi] = dtypeRange(dtype);
  const out = new ARRAY_TYPES[dtype](values.length);
  for (let i = 0; i < values.length; i++) {
    const q = Math.round(values[i] / quant.scale) + quant.zeroPoint;
    out[i] = Math.min(hi, Math.max(lo, q));
  }
  return out;
}

// Bias of a quantized CONV/DEPTHWISE/FULLY_CONNECTED: int32 with scale
// input_scale × weight_scale[c] (per channel) and zero point 0, as TFLite
// requires. Returns {quant, data}: values drawn so the real bias is about
// ±`realRange`.
export function quantizedBias(rng, inputScale, weightScales, { realRange = 2, axis = 0 } = {}) {
  const ws = Array.isArray(weightScales) ? weightScales : [weightScales];
  const scale = ws.map((w) => Math.fround(inputScale * w));
  const n = ws.length;
  const data = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const s = scale.length === 1 ? scale[0] : scale[c];
    const q = Math.round(rng.float(-realRange, realRange) / s);
    data[c] = Math.max(-(2 ** 30), Math.min(2 ** 30, q));
  }
  const quant = scale.length === 1 ? { scale: scale[0], zeroPoint: 0 } : { scale, zeroPoint: new Array(n).fill(0), axis };
  return { quant, data };
}

// Bias for a channel count when the weights are per-tensor (one scale).
export function quantizedBiasPerTensor(rng, inputScale, weightScale, channels, opts = {}) {
  const { quant } = quantizedBias(rng, inputScale, weightScale, opts);
  const data = new Int32Array(channels);
  const range = opts.realRange ?? 2;
  for (let c = 0; c < channels; c++) data[c] = Math.round(rng.float(-range, range) / quant.scale);
  return { quant, data };
}

// ---- tensors -----------------------------------------------------------------

// A random typed array of `dtype` with `n` elements (or shape). Floats are
// uniform in [min, max] (default [-1, 1]); integer types cover [min, max]
// (default: the whole range of the type; int32/int64 default ±1000); bool is
// 0/1. float16 comes back as raw IEEE half bits (Uint16Array).
export function randomTensor(rng, dtype, nOrShape, { min, max } = {}) {
  const n = Array.isArray(nOrShape) ? elementCount(nOrShape) : nOrShape;
  switch (dtype) {
    case 'float32':
    case 'float64': {
      const lo = min ?? -1;
      const hi = max ?? 1;
      return ARRAY_TYPES[dtype].from({ length: n }, () => rng.float(lo, hi));
    }
    case 'float16': {
      const lo = min ?? -1;
      const hi = max ?? 1;
      return Uint16Array.from({ length: n }, () => f32ToF16Bits(rng.float(lo, hi)));
    }
    case 'bool':
      return Uint8Array.from({ length: n }, () => (rng.bool() ? 1 : 0));
    case 'int64': {
      const lo = min ?? -1000;
      const hi = max ?? 1000;
      return BigInt64Array.from({ length: n }, () => BigInt(rng.int(lo, hi)));
    }
    case 'int32': {
      const lo = min ?? -1000;
      const hi = max ?? 1000;
      return Int32Array.from({ length: n }, () => rng.int(lo, hi));
    }
    default: {
      const [tlo, thi] = dtypeRange(dtype);
      const lo = min ?? tlo;
      const hi = max ?? thi;
      return ARRAY_TYPES[dtype].from({ length: n }, () => rng.int(lo, hi));
    }
  }
}

// ---- activations, conv/pool geometry ---------------------------------------------

export const ACTIVATIONS = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6'];

export function randomActivation(rng, { allowed = ACTIVATIONS, pNone = 0.4 } = {}) {
  if (allowed.includes('NONE') && rng.bool(pNone)) return 'NONE';
  return rng.pick(allowed);
}

// Output size of a conv/pool along one axis (TFLite's ComputeOutSize).
export function convOutSize(padding, inSize, filter, stride, dilation = 1) {
  const effective = (filter - 1) * dilation + 1;
  if (padding === 'SAME') return Math.floor((inSize + stride - 1) / stride);
  return Math.floor((inSize - effective + stride) / stride);
}

// ---- model descriptions ------------------------------------------------------------

// One op with its tensors: every tensor without `data` becomes a graph input
// (in the order given) and `outputs` the graph outputs.
//   singleOpModel({op: 'ADD', options: {...}, version: 2,
//                  inputs: [tensorA, tensorB], outputs: [tensorOut]})
// A null/-1 entry in `inputs` is an absent optional input. Tensor names
// default to in0, in1, …, out0, …
export function singleOpModel({ op, version = 1, options, inputs, outputs, customCode, customOptions }) {
  const tensors = [];
  const ins = [];
  inputs.forEach((t, i) => {
    if (t === null || t === -1) {
      ins.push(-1);
      return;
    }
    tensors.push({ name: t.name ?? `in${i}`, ...t });
    ins.push(tensors.length - 1);
  });
  const outs = outputs.map((t, i) => {
    tensors.push({ name: t.name ?? `out${i}`, ...t });
    return tensors.length - 1;
  });
  const operator = { op, version, inputs: ins, outputs: outs };
  if (options !== undefined) operator.options = options;
  if (customCode) operator.customCode = customCode;
  if (customOptions) operator.customOptions = customOptions;
  return {
    tensors,
    operators: [operator],
    inputs: ins.filter((i) => i >= 0 && tensors[i].data === undefined),
    outputs: outs,
  };
}

// The graph-input tensors of a model description, in order (for building
// the input arrays of a case).
export function graphInputs(model) {
  return model.inputs.map((r) => (typeof r === 'number' ? model.tensors[r] : model.tensors.find((t) => t.name === r)));
}

// Random input arrays for every graph input of a model description: float
// inputs in [-range, range], quantized/integer inputs over their whole range.
export function randomInputs(rng, model, { floatRange = 1 } = {}) {
  return graphInputs(model).map((t) =>
    randomTensor(rng, t.dtype, t.shape, t.dtype.startsWith('float') ? { min: -floatRange, max: floatRange } : {}),
  );
}
