// Element-wise unary ops (src/ops/unary_common.cc, relu_common.cc, cast.cc,
// log_softmax.cc): float32 on random shapes (rank 0–5, dims of 1, now and
// then an empty tensor), 8-bit quantized ops both on random tensors and on a
// sweep of all 256 input values (the whole lookup table in one case),
// int16 on the full range, and plain integer / bool types.
//
// LiteRT.js passes only float32, int32 and uint8 from JavaScript: int8/int16
// tensors are quantized, so the suite wraps them in QUANTIZE/DEQUANTIZE;
// int64 and bool tensors here sit behind a CAST from/to int32 in the graph
// (the CASTs run in edgelite too) so that LiteRT.js can judge them.
import { randomQuant, quantForRange, randomShape, randomTensor, singleOpModel, dtypeRange } from '../lib/gen.mjs';

const F = Math.fround;

// ---- shapes and tensors ----------------------------------------------------------

function shapeFor(rng) {
  const k = rng.pickWeighted([['normal', 12], ['scalar', 1], ['empty', 1], ['long', 2]]);
  if (k === 'scalar') return [];
  // LiteRT.js 2.5.3 throws creating a multi-dimensional empty tensor
  // (litert_tensor_buffer.h:101); [0] works.
  if (k === 'empty') return [0];
  if (k === 'long') return [rng.int(100, 700)];
  return randomShape(rng, { rank: rng.int(1, 5), max: rng.pick([3, 5, 9]) });
}

// Every value of an 8-bit type once, shuffled, in a random 256-element shape.
function sweep8(rng, dtype) {
  const [lo] = dtypeRange(dtype);
  const a = Array.from({ length: 256 }, (_, i) => lo + i);
  const Ctor = dtype === 'int8' ? Int8Array : Uint8Array;
  return { shape: rng.pick([[256], [16, 16], [4, 8, 8], [2, 128]]), data: Ctor.from(rng.shuffle(a)) };
}

function nElems(shape) {
  return shape.reduce((a, d) => a * d, 1);
}

// Values for float ops: uniform in [lo, hi], sometimes with exact halves and
// integers mixed in (rounding ties), zeros and signed zeros.
function floatData(rng, shape, lo, hi, { ties = false } = {}) {
  const n = nElems(shape);
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const k = rng.random();
    if (ties && k < 0.3) a[i] = rng.int(Math.ceil(lo * 2), Math.floor(hi * 2)) / 2;
    else if (k < 0.03) a[i] = rng.bool() ? 0 : -0;
    else a[i] = rng.float(lo, hi);
  }
  return a;
}

// Output quantization for an op whose real outputs span f([lo, hi]):
// usually what a converter would choose, sometimes unrelated.
function outQuantFor(rng, dtype, f, lo, hi) {
  if (dtype === 'int16') {
    let m = 0;
    for (let i = 0; i <= 64; i++) m = Math.max(m, Math.abs(f(lo + ((hi - lo) * i) / 64)));
    return { scale: F(Math.max(m, 1e-3) / 32767), zeroPoint: 0 };
  }
  if (rng.bool(0.2)) return randomQuant(rng, dtype, { minScale: 2e-3, maxScale: 0.2 });
  let mn = Infinity;
  let mx = -Infinity;
  for (let i = 0; i <= 64; i++) {
    const y = f(lo + ((hi - lo) * i) / 64);
    if (Number.isFinite(y)) {
      mn = Math.min(mn, y);
      mx = Math.max(mx, y);
    }
  }
  const widen = rng.float(0.8, 1.3);
  return quantForRange(mn * widen, mx * widen, dtype);
}

function realRange(q, dtype) {
  const [lo, hi] = dtypeRange(dtype);
  return [q.scale * (lo - q.zeroPoint), q.scale * (hi - q.zeroPoint)];
}

// ---- case builders ---------------------------------------------------------------

// One op on one tensor type (in = out).
function unary({ op, version = 1, options, dtype, shape, data, inQuant, outQuant, outDtype, label, tolerance, extra = {} }) {
  const od = outDtype ?? dtype;
  const model = singleOpModel({
    op,
    version,
    ...(options !== undefined ? { options } : {}),
    inputs: [{ dtype, shape, ...(inQuant ? { quant: inQuant } : {}) }],
    outputs: [{ dtype: od, shape, ...(outQuant ? { quant: outQuant } : {}) }],
  });
  const q = (x) => (x ? ` q(${x.scale.toPrecision(4)},${x.zeroPoint})` : '');
  return {
    model,
    inputs: [data],
    label: label ?? `${dtype}${q(inQuant)} -> ${od}${q(outQuant)} [${shape}]`,
    ...(tolerance ? { tolerance } : {}),
    ...extra,
  };
}

// x (int32) → CAST → `dtype` → op → `dtype` → CAST → int32, for types
// LiteRT.js cannot pass (int64, bool).
function castWrapped({ op, version = 1, dtype, shape, data, label, options }) {
  const model = {
    tensors: [
      { name: 'x', dtype: 'int32', shape },
      { name: 'a', dtype, shape },
      { name: 'b', dtype, shape },
      { name: 'y', dtype: 'int32', shape },
    ],
    operators: [
      { op: 'CAST', inputs: ['x'], outputs: ['a'] },
      { op, version, inputs: ['a'], outputs: ['b'], ...(options !== undefined ? { options } : {}) },
      { op: 'CAST', inputs: ['b'], outputs: ['y'] },
    ],
    inputs: ['x'],
    outputs: ['y'],
  };
  return { model, inputs: [data], label: label ?? `int32 -> ${dtype} -> ${op} -> int32 [${shape}]` };
}

// A float op: values in [lo, hi].
function floatCase(rng, op, lo, hi, { tolerance, ties, options, version = 1 } = {}) {
  const shape = shapeFor(rng);
  return unary({ op, version, options, dtype: 'float32', shape, data: floatData(rng, shape, lo, hi, { ties }), tolerance });
}

// A quantized 8-bit op (int8/uint8): a sweep of every input value or a random
// tensor; the output quantization from f over the input's real range.
function quant8Case(rng, op, dtype, f, { version = 1, options, inQuant, outQuant } = {}) {
  const qi = inQuant ?? randomQuant(rng, dtype, { minScale: 2e-3, maxScale: 0.15 });
  const [lo, hi] = realRange(qi, dtype);
  const qo = outQuant ?? outQuantFor(rng, dtype, f, lo, hi);
  const sweep = rng.bool(0.5);
  const { shape, data } = sweep ? sweep8(rng, dtype) : (() => {
    const s = shapeFor(rng);
    return { shape: s, data: randomTensor(rng, dtype, s) };
  })();
  return unary({ op, version, options, dtype, shape, data, inQuant: qi, outQuant: qo, label: `${dtype}${sweep ? ' sweep' : ''} in q(${qi.scale.toPrecision(4)},${qi.zeroPoint}) out q(${qo.scale.toPrecision(4)},${qo.zeroPoint}) [${shape}]` });
}

// int16 symmetric quantization over the whole range.
function quant16Case(rng, op, f, { version = 1, options, inScale, outQuant, min, max } = {}) {
  const qi = { scale: inScale ?? F(rng.logUniform(1e-4, 1e-2)), zeroPoint: 0 };
  const [lo, hi] = realRange(qi, 'int16');
  const qo = outQuant ?? outQuantFor(rng, 'int16', f, lo, hi);
  const shape = shapeFor(rng);
  const data = randomTensor(rng, 'int16', shape, { min, max });
  return unary({ op, version, options, dtype: 'int16', shape, data, inQuant: qi, outQuant: qo, label: `int16 in q(${qi.scale.toPrecision(4)}) out q(${qo.scale.toPrecision(4)}) [${shape}]` });
}

// ---- the real functions (for output ranges) -------------------------------------

const erf = (x) => {
  // Abramowitz–Stegun 7.1.26 is enough to pick an output range.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
};
const gelu = (x) => 0.5 * x * (1 + erf(x / Math.SQRT2));
const hswish = (x) => (x * Math.min(6, Math.max(0, x + 3))) / 6;
const elu = (x) => (x < 0 ? Math.expm1(x) : x);

export const generators = {
  TANH(rng) {
    const dtype = rng.pickWeighted([['float32', 3], ['int8', 3], ['uint8', 2], ['int16', 3]]);
    if (dtype === 'float32') return floatCase(rng, 'TANH', -6, 6);
    if (dtype === 'int16') {
      // Power-of-two input scales run gemmlowp's fixed-point tanh, others
      // TFLite's sigmoid table; the output scale is always 2^-15.
      const inScale = rng.bool(0.4) ? rng.pick([2 ** -12, 2 ** -11]) : F(rng.logUniform(5e-5, 1e-3));
      return quant16Case(rng, 'TANH', Math.tanh, { version: 3, inScale, outQuant: { scale: 2 ** -15, zeroPoint: 0 } });
    }
    return quant8Case(rng, 'TANH', dtype, Math.tanh, { version: 2 });
  },

  ELU(rng) {
    if (rng.bool(0.4)) return floatCase(rng, 'ELU', -6, 4);
    return quant8Case(rng, 'ELU', 'int8', elu);
  },

  GELU(rng) {
    const approximate = rng.bool();
    const options = { type: 'GeluOptions', fields: { approximate } };
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 2], ['uint8', 1]]);
    if (dtype === 'float32') return floatCase(rng, 'GELU', -5, 5, { options });
    return quant8Case(rng, 'GELU', dtype, gelu, { version: 2, options });
  },

  HARD_SWISH(rng) {
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 2], ['uint8', 1]]);
    if (dtype === 'float32') return floatCase(rng, 'HARD_SWISH', -6, 6, { ties: true });
    return quant8Case(rng, 'HARD_SWISH', dtype, hswish);
  },

  LEAKY_RELU(rng) {
    // Alphas XNNPACK takes, and some it leaves to TFLite's kernel (|ratio ·
    // alpha| < 2^-8, or beyond ±2^7).
    const alpha = F(rng.pickWeighted([[rng.float(0.01, 0.5), 5], [rng.float(-1, 0), 1], [rng.float(1, 3), 1], [rng.float(0, 0.004), 1], [rng.pick([0, 200]), 1]]));
    const options = { type: 'LeakyReluOptions', fields: { alpha } };
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 3], ['uint8', 2], ['int16', 2]]);
    const f = (x) => (x < 0 ? alpha * x : x);
    if (dtype === 'float32') return floatCase(rng, 'LEAKY_RELU', -5, 5, { options });
    if (dtype === 'int16') return quant16Case(rng, 'LEAKY_RELU', f, { version: 2, options });
    return quant8Case(rng, 'LEAKY_RELU', dtype, f, { version: dtype === 'int8' ? 2 : 1, options });
  },

  RELU_N1_TO_1(rng) {
    const dtype = rng.pickWeighted([['float32', 1], ['int8', 2], ['uint8', 1]]);
    if (dtype === 'float32') return floatCase(rng, 'RELU_N1_TO_1', -2, 2);
    return quant8Case(rng, 'RELU_N1_TO_1', dtype, (x) => Math.min(1, Math.max(-1, x)));
  },

  RELU_0_TO_1(rng) {
    const dtype = rng.pickWeighted([['float32', 1], ['int8', 2], ['uint8', 1]]);
    if (dtype === 'float32') return floatCase(rng, 'RELU_0_TO_1', -2, 2);
    return quant8Case(rng, 'RELU_0_TO_1', dtype, (x) => Math.min(1, Math.max(0, x)));
  },

  EXP(rng) {
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 2], ['int16', 2]]);
    if (dtype === 'float32') return floatCase(rng, 'EXP', -10, 10);
    if (dtype === 'int16') {
      // exp grows fast: keep the output range reachable.
      const inScale = F(rng.logUniform(2e-5, 1.5e-4));
      return quant16Case(rng, 'EXP', Math.exp, { version: 2, inScale });
    }
    return quant8Case(rng, 'EXP', 'int8', Math.exp, { version: 2 });
  },

  LOG(rng) {
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 2], ['int16', 2]]);
    if (dtype === 'float32') return floatCase(rng, 'LOG', 1e-3, 50);
    const f = (x) => (x > 1e-4 ? Math.log(x) : Math.log(1e-4));
    if (dtype === 'int16') return quant16Case(rng, 'LOG', f, { version: 2, outQuant: { scale: F(rng.logUniform(1e-4, 5e-4)), zeroPoint: 0 } });
    return quant8Case(rng, 'LOG', 'int8', f, { version: 2 });
  },

  SQRT(rng) {
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 2], ['int16', 1]]);
    if (dtype === 'float32') return floatCase(rng, 'SQRT', 0, 100);
    if (dtype === 'int16') return quant16Case(rng, 'SQRT', (x) => Math.sqrt(Math.max(x, 0)), { version: 2, min: 0 });
    // Inputs below the zero point fail in TFLite: only sweep from it upwards.
    const qi = randomQuant(rng, 'int8', { minScale: 2e-3, maxScale: 0.15 });
    const [, hi] = realRange(qi, 'int8');
    const qo = outQuantFor(rng, 'int8', (x) => Math.sqrt(Math.max(x, 0)), 0, hi);
    const shape = shapeFor(rng);
    return unary({ op: 'SQRT', version: 2, dtype: 'int8', shape, data: randomTensor(rng, 'int8', shape, { min: qi.zeroPoint, max: 127 }), inQuant: qi, outQuant: qo });
  },

  RSQRT(rng) {
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 2], ['int16', 2]]);
    if (dtype === 'float32') return floatCase(rng, 'RSQRT', 1e-3, 100);
    if (dtype === 'int16') {
      return quant16Case(rng, 'RSQRT', (x) => 1 / Math.sqrt(Math.max(x, 1e-3)), { version: 3, min: 0, outQuant: { scale: F(rng.logUniform(1e-4, 2e-3)), zeroPoint: 0 } });
    }
    const qi = randomQuant(rng, 'int8', { minScale: 5e-3, maxScale: 0.15 });
    const [, hi] = realRange(qi, 'int8');
    const qo = outQuantFor(rng, 'int8', (x) => 1 / Math.sqrt(Math.max(x, qi.scale)), qi.scale, hi);
    const shape = shapeFor(rng);
    return unary({ op: 'RSQRT', version: 2, dtype: 'int8', shape, data: randomTensor(rng, 'int8', shape, { min: qi.zeroPoint, max: 127 }), inQuant: qi, outQuant: qo });
  },

  ABS(rng) {
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 3], ['int16', 2], ['int32', 1]]);
    if (dtype === 'float32') return floatCase(rng, 'ABS', -10, 10);
    const shape = shapeFor(rng);
    if (dtype === 'int32') return unary({ op: 'ABS', version: 4, dtype, shape, data: randomTensor(rng, 'int32', shape, { min: -100000, max: 100000 }) });
    if (dtype === 'int16' && rng.bool(0.4)) {
      // Not quantized: no runner passes it, so it sits between two CASTs.
      return castWrapped({ op: 'ABS', version: 5, dtype: 'int16', shape, data: randomTensor(rng, 'int32', shape, { min: -32768, max: 32767 }) });
    }
    if (dtype === 'int16') return quant16Case(rng, 'ABS', Math.abs, { version: 3 });
    // Equal scales (no rescale) now and then.
    const qi = randomQuant(rng, 'int8', { minScale: 2e-3, maxScale: 0.15 });
    const qo = rng.bool(0.3) ? { scale: qi.scale, zeroPoint: rng.int(-128, 0) } : undefined;
    return quant8Case(rng, 'ABS', 'int8', Math.abs, { version: 2, inQuant: qi, outQuant: qo });
  },

  NEG(rng) {
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 2], ['int32', 1], ['int64', 1]]);
    if (dtype === 'float32') return floatCase(rng, 'NEG', -10, 10);
    const shape = shapeFor(rng);
    if (dtype === 'int32') return unary({ op: 'NEG', dtype, shape, data: randomTensor(rng, 'int32', shape, { min: -2147483648, max: 2147483647 }) });
    if (dtype === 'int64') return castWrapped({ op: 'NEG', dtype: 'int64', shape, data: randomTensor(rng, 'int32', shape, { min: -2147483647, max: 2147483647 }) });
    // LiteRT.js negates the raw int8 values whatever the quantization.
    const qi = randomQuant(rng, 'int8');
    const qo = rng.bool() ? { scale: qi.scale, zeroPoint: rng.int(-128, 127) } : randomQuant(rng, 'int8');
    return quant8Case(rng, 'NEG', 'int8', (x) => -x, { inQuant: qi, outQuant: qo });
  },

  SQUARE(rng) {
    return floatCase(rng, 'SQUARE', -100, 100);
  },

  SIN(rng) {
    return floatCase(rng, 'SIN', rng.pick([-4, -20]), rng.pick([4, 20]));
  },

  COS(rng) {
    return floatCase(rng, 'COS', rng.pick([-4, -20]), rng.pick([4, 20]));
  },

  FLOOR(rng) {
    return floatCase(rng, 'FLOOR', -10, 10, { ties: true });
  },

  CEIL(rng) {
    return floatCase(rng, 'CEIL', -10, 10, { ties: true });
  },

  ROUND(rng) {
    return floatCase(rng, 'ROUND', -10, 10, { ties: true });
  },

  SIGN(rng) {
    if (rng.bool(0.6)) return floatCase(rng, 'SIGN', -3, 3, { ties: true });
    const shape = shapeFor(rng);
    return unary({ op: 'SIGN', version: 2, dtype: 'int32', shape, data: randomTensor(rng, 'int32', shape, { min: -3, max: 3 }) });
  },

  LOGICAL_NOT(rng) {
    const shape = shapeFor(rng);
    if (rng.bool()) return unary({ op: 'LOGICAL_NOT', dtype: 'bool', shape, data: randomTensor(rng, 'bool', shape) });
    return castWrapped({ op: 'LOGICAL_NOT', dtype: 'bool', shape, data: randomTensor(rng, 'int32', shape, { min: -2, max: 2 }) });
  },

  ZEROS_LIKE(rng) {
    const dtype = rng.pick(['float32', 'int32', 'int64']);
    const shape = shapeFor(rng);
    if (dtype === 'int64') return castWrapped({ op: 'ZEROS_LIKE', dtype, shape, data: randomTensor(rng, 'int32', shape) });
    return unary({ op: 'ZEROS_LIKE', dtype, shape, data: randomTensor(rng, dtype, shape) });
  },

  CAST(rng) {
    // int8/int16 carry a scale-1 quantization so that LiteRT.js can pass them
    // (CAST ignores quantization). No runner passes int64 or float16 (and
    // tfjs-tflite's runner fails on int64 outputs), so those ends are reached
    // through a second CAST from/to int32 or float32 in the graph.
    const types = ['float32', 'int8', 'uint8', 'int16', 'int32', 'int64', 'bool', 'float16'];
    const from = rng.pick(types);
    let to = rng.pick(types);
    if (to === from) to = rng.pick(types);
    const shape = shapeFor(rng);
    const n = nElems(shape);
    const unit = (t) => (t === 'int8' || t === 'int16' ? { quant: { scale: 1, zeroPoint: 0 } } : {});
    const viaIo = { int64: 'int32', float16: 'float32' };
    const ioFrom = viaIo[from] ?? from;
    const ioTo = viaIo[to] ?? (to === 'bool' && rng.bool() ? 'int32' : to);
    let data;
    switch (ioFrom) {
      case 'float32': {
        // Fractions of both signs, values beyond every integer range, NaN, ±inf.
        data = new Float32Array(n);
        for (let i = 0; i < n; i++) {
          const k = rng.random();
          data[i] = k < 0.5 ? rng.float(-300, 300) : k < 0.7 ? rng.float(-70000, 70000) : k < 0.8 ? rng.float(-5e9, 5e9) : k < 0.85 ? rng.pick([NaN, Infinity, -Infinity, -0]) : rng.int(-130, 260) + rng.pick([0, 0.5]);
        }
        break;
      }
      case 'int32':
        data = randomTensor(rng, 'int32', shape, { min: rng.pick([-300, -2147483648]), max: rng.pick([300, 2147483647]) });
        break;
      default:
        data = randomTensor(rng, ioFrom, shape);
    }
    const tensors = [{ name: 'x', dtype: ioFrom, shape, ...unit(ioFrom) }];
    const operators = [];
    let cur = 'x';
    if (ioFrom !== from) {
      tensors.push({ name: 'a', dtype: from, shape });
      operators.push({ op: 'CAST', inputs: ['x'], outputs: ['a'] });
      cur = 'a';
    }
    tensors.push({ name: 'b', dtype: to, shape, ...unit(to) });
    operators.push({ op: 'CAST', inputs: [cur], outputs: ['b'], options: { type: 'CastOptions', fields: { in_data_type: from.toUpperCase(), out_data_type: to.toUpperCase() } } });
    let out = 'b';
    if (ioTo !== to) {
      tensors.push({ name: 'y', dtype: ioTo, shape });
      operators.push({ op: 'CAST', inputs: ['b'], outputs: ['y'] });
      out = 'y';
    }
    const model = { tensors, operators, inputs: ['x'], outputs: [out] };
    const chain = [ioFrom !== from ? ioFrom : null, from, to, ioTo !== to ? ioTo : null].filter(Boolean).join(' -> ');
    return { model, inputs: [data], label: `${chain} [${shape}]` };
  },

  LOG_SOFTMAX(rng) {
    const dtype = rng.pickWeighted([['float32', 2], ['int8', 2], ['uint8', 1]]);
    const shape = randomShape(rng, { rank: rng.int(1, 4), max: 6 });
    shape[shape.length - 1] = rng.pick([1, 2, 3, 7, 10, 33, 100]);
    if (dtype === 'float32') {
      return unary({ op: 'LOG_SOFTMAX', dtype, shape, data: floatData(rng, shape, -rng.pick([1, 5, 20]), rng.pick([1, 5, 20])) });
    }
    // TFLite requires the output scale 16/256 and zero point 127 / 255.
    const qi = randomQuant(rng, dtype, { minScale: 1e-3, maxScale: 0.3 });
    const qo = { scale: 16 / 256, zeroPoint: dtype === 'int8' ? 127 : 255 };
    return unary({ op: 'LOG_SOFTMAX', version: 2, dtype, shape, data: randomTensor(rng, dtype, shape), inQuant: qi, outQuant: qo });
  },
};
