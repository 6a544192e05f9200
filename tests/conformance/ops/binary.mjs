// The element-wise binary/ternary ops of issue 3: SUB, MUL, DIV, MAXIMUM,
// MINIMUM, SQUARED_DIFFERENCE, POW, FLOOR_DIV, FLOOR_MOD, the six
// comparisons, LOGICAL_AND/OR, SELECT, SELECT_V2, PRELU, ADD_N.
//
// Quantized cases come in two flavours: "tie-heavy" (power-of-two scales,
// small zero points, so that many exact results land on .5 and the rounding
// rule of each path — XNNPACK's or TFLite's built-in kernel — shows), and
// converter-like (random scales, output scale fitted to the result's range,
// sometimes an unrelated one that pushes the scale ratio outside XNNPACK's
// window and onto the built-in kernel). Shapes broadcast up to rank 5 where
// TFLite's kernel goes that far, rank 4 where its broadcast is 4-D only.
// Divisors are never zero (TFLite fails those invokes; edgelite too, tested
// in the C++ op tests).
import {
  broadcastPair,
  randomQuant,
  randomActivation,
  randomTensor,
  randomShape,
  singleOpModel,
  quantForRange,
  dtypeRange,
  elementCount,
} from '../lib/gen.mjs';

// ---- helpers -------------------------------------------------------------------

// Neither peer's JavaScript API passes int64 tensors (LiteRT.js: float32, int32,
// uint8 only; tfjs-tflite reports the type as unknown), so int64 cases would
// only ever be skipped; the C++ op tests cover int64.
const INT64_IO = false;

const isQuant = (dtype) => dtype === 'int8' || dtype === 'uint8' || dtype === 'int16';

// Power-of-two scale, small zero point: exact .5 results are common.
function tieQuant(rng, dtype, { minExp = 0, maxExp = 7 } = {}) {
  const scale = 2 ** -rng.int(minExp, maxExp);
  if (dtype === 'int16') return { scale, zeroPoint: 0 };
  const [lo, hi] = dtypeRange(dtype);
  const zeroPoint = dtype === 'uint8' ? rng.pick([0, 128, rng.int(lo + 8, hi - 8)]) : rng.pick([0, 0, rng.int(-20, 20)]);
  return { scale, zeroPoint };
}

// Real range [lo, hi] representable by a quantized tensor.
function realRange(q, dtype) {
  const [qlo, qhi] = dtypeRange(dtype);
  return [q.scale * (qlo - q.zeroPoint), q.scale * (qhi - q.zeroPoint)];
}

const tensor = (dtype, shape, quant) => ({ dtype, shape, ...(quant ? { quant } : {}) });

function inputData(rng, dtype, shape, { floatRange = 4, intRange = 1000 } = {}) {
  if (dtype === 'float32') return randomTensor(rng, dtype, shape, { min: -floatRange, max: floatRange });
  if (dtype === 'int32' || dtype === 'int64') return randomTensor(rng, dtype, shape, { min: -intRange, max: intRange });
  return randomTensor(rng, dtype, shape);
}

// Replaces elements equal to `bad` (a number, or a predicate) by other values.
function avoid(arr, isBad, replace) {
  for (let i = 0; i < arr.length; i++) {
    while (isBad(arr[i])) arr[i] = replace(i);
  }
  return arr;
}

// Two-input model; `constB` makes the second operand a constant.
function binary(rng, { op, version, options, dtype, outDtype, a, b, out, qa, qb, qo, dataA, dataB, constB = false }) {
  const tb = tensor(dtype, b, qb);
  if (constB) tb.data = dataB;
  const model = singleOpModel({
    op,
    version,
    options,
    inputs: [tensor(dtype, a, qa), tb],
    outputs: [tensor(outDtype ?? dtype, out, qo)],
  });
  return { model, inputs: constB ? [dataA] : [dataA, dataB] };
}

const shapeLabel = (a, b, out) => `[${a}] . [${b}] -> [${out}]`;
const qLabel = (q) => (q ? `(${+q.scale.toPrecision(4)},${q.zeroPoint})` : '');

// ---- SUB / MUL -------------------------------------------------------------------

function subCase(rng) {
  const dtype = rng.pickWeighted(INT64_IO ? [['float32', 3], ['int8', 4], ['uint8', 3], ['int16', 2], ['int32', 1], ['int64', 1]]
    : [['float32', 3], ['int8', 4], ['uint8', 3], ['int16', 2], ['int32', 1]]);
  // tfjs-tflite's older TFLite aborts (not refuses) on 5-D broadcasts in its
  // built-in integer kernels (int16, int32): those stay within rank 4.
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, dtype === 'int16' || dtype === 'int32' ? 4 : 5), max: rng.pick([3, 6, 9]) });
  const intType = dtype === 'int32' || dtype === 'int64';
  const act = intType ? rng.pick(['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1']) : randomActivation(rng);
  const fields = { fused_activation_function: act };
  let qa, qb, qo;
  let version = dtype === 'int8' ? 2 : dtype === 'int64' ? 4 : 1;
  let flavour = '';
  if (dtype === 'int16') {
    version = 5;
    if (rng.bool()) {
      // TFLite's power-of-two path: one input at the output scale, the other
      // at a smaller power of two.
      const e = rng.int(6, 12);
      qo = { scale: 2 ** -e, zeroPoint: 0 };
      qa = { ...qo };
      qb = { scale: 2 ** -(e + rng.int(0, 3)), zeroPoint: 0 };
      if (rng.bool()) [qa, qb] = [qb, qa];
      flavour = 'pot';
    } else {
      qa = randomQuant(rng, 'int16', { minScale: 1e-4, maxScale: 1e-2 });
      qb = randomQuant(rng, 'int16', { minScale: 1e-4, maxScale: 1e-2 });
      const [la, ha] = realRange(qa, 'int16');
      const [lb, hb] = realRange(qb, 'int16');
      qo = quantForRange((la - hb) * rng.float(0.4, 1.1), (ha - lb) * rng.float(0.4, 1.1), 'int16');
      fields.pot_scale_int16 = false;
      flavour = 'general';
    }
  } else if (isQuant(dtype)) {
    if (rng.bool(0.4)) {
      qa = tieQuant(rng, dtype);
      qb = rng.bool(0.3) ? { ...qa } : tieQuant(rng, dtype);
      qo = tieQuant(rng, dtype, { minExp: 0, maxExp: 6 });
      // Now and then a ratio outside XNNPACK's [2^-10, 2^8): built-in kernel.
      if (rng.bool(0.25)) qa = { ...qa, scale: qo.scale * 2 ** rng.pick([-11, -12, 8, 9]) };
      flavour = 'ties';
    } else {
      qa = randomQuant(rng, dtype);
      qb = rng.bool(0.2) ? { ...qa } : randomQuant(rng, dtype);
      if (rng.bool(0.75)) {
        const [la, ha] = realRange(qa, dtype);
        const [lb, hb] = realRange(qb, dtype);
        const f = rng.float(0.4, 1.2);
        qo = quantForRange((la - hb) * f, (ha - lb) * f, dtype);
      } else {
        qo = randomQuant(rng, dtype, { minScale: 1e-4, maxScale: 2 });
      }
    }
  }
  const dataA = inputData(rng, dtype, a);
  const dataB = inputData(rng, dtype, b);
  const constB = rng.bool(0.2);
  const c = binary(rng, { op: 'SUB', version, options: { type: 'SubOptions', fields }, dtype, a, b, out, qa, qb, qo, dataA, dataB, constB });
  return { ...c, label: `${dtype}${flavour ? ` ${flavour}` : ''} ${shapeLabel(a, b, out)} ${qLabel(qa)}${qLabel(qb)}${qLabel(qo)} ${act}${constB ? ' const' : ''}` };
}

function mulCase(rng) {
  const dtype = rng.pickWeighted(INT64_IO ? [['float32', 3], ['int8', 4], ['uint8', 3], ['int16', 2], ['int32', 1], ['int64', 1]]
    : [['float32', 3], ['int8', 4], ['uint8', 3], ['int16', 2], ['int32', 1]]);
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, dtype === 'int16' || dtype === 'int32' ? 4 : 5), max: rng.pick([3, 6, 9]) });
  const intType = dtype === 'int32' || dtype === 'int64';
  const act = intType ? rng.pick(['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1']) : randomActivation(rng);
  let qa, qb, qo;
  const version = dtype === 'int8' ? 2 : dtype === 'int16' ? 4 : dtype === 'int64' ? 5 : 1;
  let flavour = '';
  if (dtype === 'int16') {
    qa = randomQuant(rng, 'int16', { minScale: 1e-4, maxScale: 1e-2 });
    qb = randomQuant(rng, 'int16', { minScale: 1e-4, maxScale: 1e-2 });
    const m = qa.scale * 32767 * qb.scale * 32767;
    qo = quantForRange(-m * rng.float(0.2, 1), m * rng.float(0.2, 1), 'int16');
  } else if (isQuant(dtype)) {
    const r = rng.float();
    if (r < 0.4) {
      // product/output ratio 2^-k: products land exactly on .5.
      qa = tieQuant(rng, dtype);
      qb = tieQuant(rng, dtype);
      const k = rng.int(1, 14);
      qo = { ...tieQuant(rng, dtype), scale: qa.scale * qb.scale * 2 ** k };
      flavour = 'ties';
    } else {
      qa = randomQuant(rng, dtype);
      qb = randomQuant(rng, dtype);
      const ra = realRange(qa, dtype);
      const rb = realRange(qb, dtype);
      const p = [ra[0] * rb[0], ra[0] * rb[1], ra[1] * rb[0], ra[1] * rb[1]];
      const f = rng.float(0.3, 1.1);
      qo = quantForRange(Math.min(...p) * f, Math.max(...p) * f, dtype);
      if (r > 0.85) {
        // Outside XNNPACK's [2^-16, 2^8) product/output window.
        const ratio = rng.pick([2 ** -17, 2 ** -16 * 0.999, 256, 300]);
        qo = { ...qo, scale: Math.fround((qa.scale * qb.scale) / ratio) };
        flavour = 'outside-xnnpack';
      }
    }
  }
  const dataA = inputData(rng, dtype, a);
  const dataB = inputData(rng, dtype, b);
  const constB = rng.bool(0.2);
  const c = binary(rng, {
    op: 'MUL', version, options: { type: 'MulOptions', fields: { fused_activation_function: act } },
    dtype, a, b, out, qa, qb, qo, dataA, dataB, constB,
  });
  return { ...c, label: `${dtype}${flavour ? ` ${flavour}` : ''} ${shapeLabel(a, b, out)} ${qLabel(qa)}${qLabel(qb)}${qLabel(qo)} ${act}${constB ? ' const' : ''}` };
}

// ---- DIV -------------------------------------------------------------------------

function divCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int32', 2], ['uint8', 3], ['int8', 2]]);
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 4), max: rng.pick([3, 6]) });
  const act = dtype === 'int32' ? rng.pick(['NONE', 'RELU', 'RELU6']) : randomActivation(rng);
  let qa, qb, qo;
  let dataA, dataB;
  if (dtype === 'float32') {
    dataA = inputData(rng, dtype, a);
    dataB = Float32Array.from({ length: elementCount(b) }, () => rng.float(0.1, 4) * (rng.bool() ? 1 : -1));
  } else if (dtype === 'int32') {
    dataA = inputData(rng, dtype, a);
    dataB = avoid(randomTensor(rng, 'int32', b, { min: -40, max: 40 }), (v) => v === 0, () => rng.int(1, 40));
  } else {
    const ties = rng.bool(0.4);
    qa = ties ? tieQuant(rng, dtype) : randomQuant(rng, dtype);
    qb = ties ? tieQuant(rng, dtype) : randomQuant(rng, dtype);
    // A converter-like output range for |a| / |b| with |b| at least a few steps.
    const ra = realRange(qa, dtype);
    const bigA = Math.max(Math.abs(ra[0]), Math.abs(ra[1]));
    const m = (bigA / (qb.scale * 4)) * rng.float(0.2, 1);
    qo = ties ? { ...tieQuant(rng, dtype), scale: 2 ** -rng.int(-3, 5) } : quantForRange(-m, m, dtype);
    dataA = inputData(rng, dtype, a);
    const [lo, hi] = dtypeRange(dtype);
    dataB = avoid(randomTensor(rng, dtype, b), (v) => v === qb.zeroPoint, () => rng.int(lo, hi));
  }
  const constB = rng.bool(0.2);
  const c = binary(rng, {
    op: 'DIV', version: a.length > 4 || b.length > 4 ? 2 : 1,
    options: { type: 'DivOptions', fields: { fused_activation_function: act } },
    dtype, a, b, out, qa, qb, qo, dataA, dataB, constB,
  });
  return { ...c, label: `${dtype} ${shapeLabel(a, b, out)} ${qLabel(qa)}${qLabel(qb)}${qLabel(qo)} ${act}${constB ? ' const' : ''}` };
}

// ---- MAXIMUM / MINIMUM --------------------------------------------------------------

function maxMinCase(rng, op) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 3], ['uint8', 2], ['int16', 1], ['int32', 1], ...(INT64_IO ? [['int64', 1]] : [])]);
  const rank = rng.int(1, dtype === 'int16' ? 4 : 5);
  const { a, b, out } = broadcastPair(rng, { rank, max: rng.pick([3, 6, 9]) });
  let qa, qb, qo;
  if (isQuant(dtype)) {
    qa = randomQuant(rng, dtype);
    // The kernel compares raw values: the same quantization everywhere is the
    // converter's case; different ones show that nothing is rescaled.
    qb = rng.bool(0.6) ? { ...qa } : randomQuant(rng, dtype);
    qo = rng.bool(0.6) ? { ...qa } : randomQuant(rng, dtype);
  }
  const version = dtype === 'int16' ? 4 : a.length > 4 || b.length > 4 ? 3 : dtype === 'int8' ? 2 : 1;
  // Small value sets: equal elements (ties) are common.
  const small = rng.bool(0.4);
  const gen = (shape) => (small && dtype !== 'float32' ? randomTensor(rng, dtype, shape, dtype === 'uint8' ? { min: 100, max: 104 } : { min: -2, max: 2 }) : inputData(rng, dtype, shape));
  const dataA = gen(a);
  const dataB = gen(b);
  const constB = rng.bool(0.2);
  const c = binary(rng, { op, version, options: { type: 'MaximumMinimumOptions', fields: {} }, dtype, a, b, out, qa, qb, qo, dataA, dataB, constB });
  return { ...c, label: `${dtype} ${shapeLabel(a, b, out)} ${qLabel(qa)}${qLabel(qb)}${qLabel(qo)}${constB ? ' const' : ''}` };
}

// ---- SQUARED_DIFFERENCE --------------------------------------------------------------

function squaredDifferenceCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 4], ['int32', 1]]);
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 4), max: rng.pick([3, 6]) });
  let qa, qb, qo;
  let flavour = '';
  if (dtype === 'int8') {
    if (rng.bool(0.4)) {
      qa = tieQuant(rng, 'int8', { minExp: 2, maxExp: 6 });
      qb = rng.bool(0.5) ? { ...qa } : tieQuant(rng, 'int8', { minExp: 2, maxExp: 6 });
      const big = Math.max(qa.scale, qb.scale);
      qo = { scale: big * big * 2 ** rng.int(1, 8), zeroPoint: rng.pick([-128, -100, 0]) };
      flavour = 'ties';
    } else {
      qa = randomQuant(rng, 'int8');
      qb = rng.bool(0.3) ? { ...qa } : randomQuant(rng, 'int8');
      const ra = realRange(qa, 'int8');
      const rb = realRange(qb, 'int8');
      const d = Math.max(ra[1] - rb[0], rb[1] - ra[0]);
      qo = quantForRange(0, d * d * rng.float(0.05, 1), 'int8');
      // The kernel needs twice_max^2 / (2^14 * out_scale) < 1.
      const twiceMax = 2 * Math.max(qa.scale, qb.scale);
      if ((twiceMax * twiceMax) / (16384 * qo.scale) >= 0.99) qo = { ...qo, scale: Math.fround((twiceMax * twiceMax) / 16000) };
    }
  }
  const dataA = inputData(rng, dtype, a);
  const dataB = inputData(rng, dtype, b);
  const constB = rng.bool(0.2);
  const c = binary(rng, { op: 'SQUARED_DIFFERENCE', version: dtype === 'int8' ? 2 : 1, options: { type: 'SquaredDifferenceOptions', fields: {} }, dtype, a, b, out, qa, qb, qo, dataA, dataB, constB });
  return { ...c, label: `${dtype}${flavour ? ` ${flavour}` : ''} ${shapeLabel(a, b, out)} ${qLabel(qa)}${qLabel(qb)}${qLabel(qo)}${constB ? ' const' : ''}` };
}

// ---- POW -------------------------------------------------------------------------

function powCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int32', 2]]);
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 4), max: rng.pick([3, 6]) });
  let dataA, dataB;
  let flavour = '';
  if (dtype === 'float32') {
    dataA = Float32Array.from({ length: elementCount(a) }, () => rng.float(0.05, 3));
    dataB = Float32Array.from({ length: elementCount(b) }, () => (rng.bool(0.2) ? rng.int(-3, 4) : rng.float(-3, 3)));
    if (rng.bool(0.2)) {
      // Negative bases with integral exponents (finite), others NaN.
      for (let i = 0; i < dataA.length; i++) if (rng.bool(0.3)) dataA[i] = -dataA[i];
      flavour = 'negative bases';
    }
  } else {
    dataA = randomTensor(rng, 'int32', a, { min: -9, max: 9 });
    dataB = randomTensor(rng, 'int32', b, { min: 0, max: 9 });
    if (rng.bool(0.1)) {
      dataA = randomTensor(rng, 'int32', a, { min: -40, max: 40 });
      dataB = randomTensor(rng, 'int32', b, { min: 0, max: 12 });
      flavour = 'overflow saturates';
    }
  }
  const constB = rng.bool(0.2);
  const c = binary(rng, { op: 'POW', version: 1, options: { type: 'PowOptions', fields: {} }, dtype, a, b, out, dataA, dataB, constB });
  return { ...c, label: `${dtype}${flavour ? ` ${flavour}` : ''} ${shapeLabel(a, b, out)}${constB ? ' const' : ''}` };
}

// ---- FLOOR_DIV / FLOOR_MOD --------------------------------------------------------------

function floorCase(rng, op) {
  const types = op === 'FLOOR_DIV'
    ? [['float32', 3], ['int32', 3], ['int16', 1], ['int8', 1]]
    : [['float32', 3], ['int32', 3], ['int16', 1], ['int8', 1], ...(INT64_IO ? [['int64', 1]] : [])];
  const dtype = rng.pickWeighted(types);
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 4), max: rng.pick([3, 6]) });
  let dataA, dataB;
  if (dtype === 'float32') {
    dataA = inputData(rng, dtype, a, { floatRange: 10 });
    dataB = Float32Array.from({ length: elementCount(b) }, () => (rng.bool(0.3) ? rng.int(1, 5) : rng.float(0.2, 4)) * (rng.bool() ? 1 : -1));
  } else {
    const [lo, hi] = dtype === 'int32' || dtype === 'int64' ? [-1000, 1000] : dtypeRange(dtype);
    dataA = randomTensor(rng, dtype, a, { min: lo, max: hi });
    const small = dtype === 'int64' ? BigInt(0) : 0;
    dataB = avoid(randomTensor(rng, dtype, b, { min: -12, max: 12 }), (v) => v === small, () => (dtype === 'int64' ? BigInt(rng.int(1, 12)) : rng.int(1, 12)));
  }
  const version = op === 'FLOOR_DIV'
    ? (dtype === 'int16' || dtype === 'int8' ? 3 : dtype === 'float32' ? 2 : 1)
    : (dtype === 'int16' || dtype === 'int8' ? 2 : 1);
  // int8/int16 carry scale 1 / zero point 0 (the kernel ignores them): that
  // lets LiteRT.js judge through its QUANTIZE/DEQUANTIZE wrapping, and
  // tfjs-tflite's older TFLite has no int8/int16 version of these ops.
  const q = dtype === 'int8' || dtype === 'int16' ? { scale: 1, zeroPoint: 0 } : undefined;
  const constB = rng.bool(0.2);
  const c = binary(rng, {
    op, version, options: { type: op === 'FLOOR_DIV' ? 'FloorDivOptions' : 'FloorModOptions', fields: {} },
    dtype, a, b, out, qa: q, qb: q, qo: q, dataA, dataB, constB,
  });
  return { ...c, label: `${dtype} ${shapeLabel(a, b, out)}${constB ? ' const' : ''}` };
}

// LiteRT.js passes no bool tensors in or out. Half of the cases with bool
// I/O are rewritten so that it can judge them (the newer TFLite, the first
// oracle): each bool graph input b becomes a float input f with
// b = GREATER(f, 0) in the graph (true -> 1.0, false -> -1.0), each bool
// output o leaves as SELECT_V2(o, 1.0, 0.0). The other half keep bool I/O
// and are judged by tfjs-tflite.
function withoutBoolIo(c) {
  const m = c.model;
  const tensors = m.tensors.slice();
  const pre = [];
  const post = [];
  const add = (t) => {
    tensors.push(t);
    return tensors.length - 1;
  };
  const zero = () => add({ name: `zero${tensors.length}`, dtype: 'float32', shape: [], data: Float32Array.from([0]) });
  const inputs = m.inputs.map((r, k) => {
    const t = tensors[r];
    if (t.dtype !== 'bool') return r;
    const f = add({ name: `${t.name}_f`, dtype: 'float32', shape: t.shape });
    pre.push({ op: 'GREATER', version: 1, inputs: [f, zero()], outputs: [r], options: { type: 'GreaterOptions', fields: {} } });
    c.inputs[k] = Float32Array.from(c.inputs[k], (v) => (v ? 1 : -1));
    return f;
  });
  const outputs = m.outputs.map((r) => {
    const t = tensors[r];
    if (t.dtype !== 'bool') return r;
    const one = add({ name: `one${tensors.length}`, dtype: 'float32', shape: [], data: Float32Array.from([1]) });
    const z = zero();
    const f = add({ name: `${t.name}_f`, dtype: 'float32', shape: t.shape });
    post.push({ op: 'SELECT_V2', version: 1, inputs: [r, one, z], outputs: [f], options: { type: 'SelectV2Options', fields: {} } });
    return f;
  });
  c.model = { ...m, tensors, operators: [...pre, ...m.operators, ...post], inputs, outputs };
  c.label = `${c.label} (bool I/O through GREATER/SELECT_V2)`;
  return c;
}

// ---- comparisons -----------------------------------------------------------------

const CMP_OPTIONS = {
  EQUAL: 'EqualOptions', NOT_EQUAL: 'NotEqualOptions', LESS: 'LessOptions', LESS_EQUAL: 'LessEqualOptions',
  GREATER: 'GreaterOptions', GREATER_EQUAL: 'GreaterEqualOptions',
};
// int16 comparisons and the op version that declares them (LiteRT.js runs all
// six; tfjs-tflite none).
const CMP_INT16 = { EQUAL: 4, NOT_EQUAL: 3, LESS: 3, LESS_EQUAL: 2, GREATER: 2, GREATER_EQUAL: 3 };

function comparisonCase(rng, op) {
  const types = [['float32', 3], ['int8', 3], ['uint8', 3], ['int32', 2], ...(INT64_IO ? [['int64', 1]] : [])];
  if (CMP_INT16[op]) types.push(['int16', 1]);
  if (op === 'EQUAL' || op === 'NOT_EQUAL') types.push(['bool', 1]);
  const dtype = rng.pickWeighted(types);
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 4), max: rng.pick([3, 6]) });
  let qa, qb;
  let dataA, dataB;
  let flavour = '';
  if (dtype === 'int8' || dtype === 'uint8') {
    const [lo, hi] = dtypeRange(dtype);
    if (rng.bool(0.4)) {
      qa = randomQuant(rng, dtype, { minScale: 1e-3, maxScale: 0.9 });
      qb = { ...qa };
      flavour = 'same quant';
    } else if (rng.bool(0.5)) {
      // Scales 2:1 and zero points that line the grids up: equal reals are common.
      qa = tieQuant(rng, dtype, { minExp: 1, maxExp: 7 });
      qb = { scale: qa.scale * 2, zeroPoint: qa.zeroPoint };
      if (qb.scale >= 1) qb.scale = qa.scale / 2;
      flavour = 'aligned grids';
    } else {
      qa = randomQuant(rng, dtype, { minScale: 1e-4, maxScale: 0.9 });
      qb = randomQuant(rng, dtype, { minScale: 1e-4, maxScale: 0.9 });
    }
    const around = (q) => Math.round(q.zeroPoint);
    const gen = (shape, q) => (rng.bool(0.5)
      ? randomTensor(rng, dtype, shape, { min: Math.max(lo, around(q) - 6), max: Math.min(hi, around(q) + 6) })
      : randomTensor(rng, dtype, shape));
    dataA = gen(a, qa);
    dataB = gen(b, qb);
  } else if (dtype === 'float32') {
    // A few distinct values so that equality happens.
    const pool = Array.from({ length: rng.int(2, 6) }, () => Math.fround(rng.float(-2, 2)));
    const genF = (shape) => Float32Array.from({ length: elementCount(shape) }, () => (rng.bool(0.7) ? rng.pick(pool) : rng.float(-2, 2)));
    dataA = genF(a);
    dataB = genF(b);
  } else if (dtype === 'bool') {
    dataA = randomTensor(rng, dtype, a);
    dataB = randomTensor(rng, dtype, b);
  } else {
    dataA = randomTensor(rng, dtype, a, { min: -3, max: 3 });
    dataB = randomTensor(rng, dtype, b, { min: -3, max: 3 });
    // int16 needs quantization for LiteRT.js's QUANTIZE wrapping; EQUAL and
    // NOT_EQUAL then rescale like int8 (small scales merge neighbours), the
    // others compare raw.
    if (dtype === 'int16') {
      qa = { scale: 2 ** -rng.int(1, 11), zeroPoint: 0 };
      qb = rng.bool() ? { ...qa } : { scale: 2 ** -rng.int(1, 11), zeroPoint: 0 };
      flavour = 'quantized';
    }
  }
  const version = dtype === 'int16' ? CMP_INT16[op] : dtype === 'int8' ? 2 : 1;
  const constB = rng.bool(0.2);
  const c = binary(rng, { op, version, options: { type: CMP_OPTIONS[op], fields: {} }, dtype, outDtype: 'bool', a, b, out, qa, qb, dataA, dataB, constB });
  const r = { ...c, label: `${dtype}${flavour ? ` ${flavour}` : ''} ${shapeLabel(a, b, out)} ${qLabel(qa)}${qLabel(qb)}${constB ? ' const' : ''}` };
  // tfjs-tflite has no int16 comparisons: those always go to LiteRT.js.
  return rng.bool() || dtype === 'int16' ? withoutBoolIo(r) : r;
}

function logicalCase(rng, op) {
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 4), max: rng.pick([3, 6]) });
  const c = binary(rng, {
    op, version: 1, options: { type: op === 'LOGICAL_AND' ? 'LogicalAndOptions' : 'LogicalOrOptions', fields: {} },
    dtype: 'bool', a, b, out, dataA: randomTensor(rng, 'bool', a), dataB: randomTensor(rng, 'bool', b),
  });
  const r = { ...c, label: `bool ${shapeLabel(a, b, out)}` };
  return rng.bool() ? withoutBoolIo(r) : r;
}

// ---- SELECT / SELECT_V2 ---------------------------------------------------------------

const SELECT_TYPES = [['float32', 3], ['int8', 2], ['uint8', 2], ['int16', 1], ['int32', 2], ['bool', 1], ...(INT64_IO ? [['int64', 1]] : [])];

function selectData(rng, dtype, shape) {
  return inputData(rng, dtype, shape);
}

function selectCase(rng, v2) {
  const dtype = rng.pickWeighted(SELECT_TYPES);
  let cond, x, y, out;
  if (v2) {
    out = randomShape(rng, { rank: rng.int(1, 4), max: rng.pick([3, 5]) });
    const suffix = () => {
      const keep = rng.int(0, out.length);
      return out.slice(out.length - keep).map((d) => (rng.bool(0.4) ? 1 : d));
    };
    // One full-rank shape covers every output dim the others leave at 1.
    const others = [suffix(), suffix()];
    const full = out.map((d, i) => {
      const covered = others.some((s) => s[i - (out.length - s.length)] === d);
      return covered && rng.bool(0.4) ? 1 : d;
    });
    [cond, x, y] = rng.shuffle([full, ...others]);
  } else {
    out = randomShape(rng, { rank: rng.int(1, 4), max: rng.pick([3, 5]) });
    x = out.slice();
    y = out.slice();
    const k = rng.pickWeighted([['same', 3], ['scalar', 1], ['rows', 2]]);
    cond = k === 'same' ? out.slice() : k === 'scalar' ? [] : [out[0]];
  }
  const q = isQuant(dtype) ? randomQuant(rng, dtype) : undefined;
  const t = (shape) => tensor(dtype, shape, q);
  const constX = rng.bool(0.15);
  const dataX = selectData(rng, dtype, x);
  const tx = t(x);
  if (constX) tx.data = dataX;
  const model = singleOpModel({
    op: v2 ? 'SELECT_V2' : 'SELECT',
    version: !v2 && dtype === 'int8' ? 2 : 1,
    options: { type: v2 ? 'SelectV2Options' : 'SelectOptions', fields: {} },
    inputs: [tensor('bool', cond), tx, t(y)],
    outputs: [t(out)],
  });
  const inputs = [randomTensor(rng, 'bool', cond)];
  if (!constX) inputs.push(dataX);
  inputs.push(selectData(rng, dtype, y));
  const r = { model, inputs, label: `${dtype} cond [${cond}] x [${x}] y [${y}] -> [${out}]${constX ? ' const x' : ''}` };
  return rng.bool() ? withoutBoolIo(r) : r;
}

// ---- PRELU -------------------------------------------------------------------------

function preluCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 3], ['uint8', 2]]);
  const rank = rng.int(2, 4);
  const shape = randomShape(rng, { rank, max: rng.pick([3, 6]) });
  // alpha: per channel, per position, full, or a single value.
  const kind = rng.pickWeighted([['channel', 4], ['spatial', 2], ['full', 1], ['single', 1]]);
  let alphaShape;
  if (kind === 'channel') alphaShape = rng.bool() ? [shape[rank - 1]] : [...new Array(rank - 1).fill(1), shape[rank - 1]];
  else if (kind === 'spatial') alphaShape = shape.slice(1);
  else if (kind === 'full') alphaShape = shape.slice();
  else alphaShape = [1];
  let qi, qa, qo;
  let alphaData;
  if (dtype === 'float32') {
    alphaData = Float32Array.from({ length: elementCount(alphaShape) }, () => rng.float(-0.5, 1));
  } else {
    qi = rng.bool(0.4) ? tieQuant(rng, dtype) : randomQuant(rng, dtype);
    qa = rng.bool(0.4) ? { ...tieQuant(rng, dtype, { minExp: 2, maxExp: 8 }) } : randomQuant(rng, dtype, { minScale: 1e-3, maxScale: 0.02 });
    const [lo, hi] = realRange(qi, dtype);
    qo = rng.bool(0.5) ? { ...qi } : quantForRange(lo * 0.5, hi * rng.float(0.5, 1.1), dtype);
    alphaData = randomTensor(rng, dtype, alphaShape);
  }
  const constAlpha = rng.bool(0.6);
  const ta = tensor(dtype, alphaShape, qa);
  if (constAlpha) ta.data = alphaData;
  const model = singleOpModel({
    op: 'PRELU', version: 1, inputs: [tensor(dtype, shape, qi), ta], outputs: [tensor(dtype, shape, qo)],
  });
  const inputs = [inputData(rng, dtype, shape, { floatRange: 3 })];
  if (!constAlpha) inputs.push(alphaData);
  return { model, inputs, label: `${dtype} [${shape}] alpha [${alphaShape}]${constAlpha ? ' const' : ''} ${qLabel(qi)}${qLabel(qa)}${qLabel(qo)}` };
}

// ---- ADD_N -------------------------------------------------------------------------

function addNCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int32', 1]]);
  const shape = randomShape(rng, { rank: rng.int(1, 5), max: rng.pick([3, 6]) });
  const n = rng.int(2, 5);
  const model = singleOpModel({
    op: 'ADD_N', version: 1, options: { type: 'AddNOptions', fields: {} },
    inputs: Array.from({ length: n }, () => tensor(dtype, shape)),
    outputs: [tensor(dtype, shape)],
  });
  const inputs = Array.from({ length: n }, () => inputData(rng, dtype, shape));
  return { model, inputs, label: `${dtype} ${n} x [${shape}]` };
}

export const generators = {
  SUB: subCase,
  MUL: mulCase,
  DIV: divCase,
  MAXIMUM: (rng) => maxMinCase(rng, 'MAXIMUM'),
  MINIMUM: (rng) => maxMinCase(rng, 'MINIMUM'),
  SQUARED_DIFFERENCE: squaredDifferenceCase,
  POW: powCase,
  FLOOR_DIV: (rng) => floorCase(rng, 'FLOOR_DIV'),
  FLOOR_MOD: (rng) => floorCase(rng, 'FLOOR_MOD'),
  EQUAL: (rng) => comparisonCase(rng, 'EQUAL'),
  NOT_EQUAL: (rng) => comparisonCase(rng, 'NOT_EQUAL'),
  LESS: (rng) => comparisonCase(rng, 'LESS'),
  LESS_EQUAL: (rng) => comparisonCase(rng, 'LESS_EQUAL'),
  GREATER: (rng) => comparisonCase(rng, 'GREATER'),
  GREATER_EQUAL: (rng) => comparisonCase(rng, 'GREATER_EQUAL'),
  LOGICAL_AND: (rng) => logicalCase(rng, 'LOGICAL_AND'),
  LOGICAL_OR: (rng) => logicalCase(rng, 'LOGICAL_OR'),
  SELECT: (rng) => selectCase(rng, false),
  SELECT_V2: (rng) => selectCase(rng, true),
  PRELU: preluCase,
  ADD_N: addNCase,
};
