// Shape and data-movement ops: SHAPE, RANK, EXPAND_DIMS, RESHAPE, SQUEEZE,
// FILL, PACK, UNPACK, SPLIT, SPLIT_V, SLICE, STRIDED_SLICE, TRANSPOSE, TILE,
// BROADCAST_TO, GATHER, GATHER_ND, ONE_HOT, RANGE, REVERSE_V2. They move bytes, so every
// output is compared byte for byte; the generators vary dtypes (float32,
// int8/uint8/int16 quantized, int32, bool where TFLite has them),
// ranks, negative axes, masks, index types and constant vs run-time inputs.
//
// bool graph I/O can only be judged by tfjs-tflite (an older TFLite than
// LiteRT.js); where the two TFLites differ on out-of-range slice starts,
// those cases keep their indices in range.
import { isQuantizedType, randomQuant, randomShape, randomTensor, singleOpModel, elementCount } from '../lib/gen.mjs';

// int64 never crosses the graph boundary: LiteRT.js takes only float32,
// int32 and uint8 (int8/int16 through a QUANTIZE/DEQUANTIZE wrapper) and
// tfjs-tflite's JavaScript API has no int64 tensors at all, so no peer could
// judge. int64 data is covered by the C++ op tests; int64 index constants are
// generated here.
const WEIGHTS = { float32: 3, int8: 3, uint8: 2, int16: 1, int32: 2, bool: 1 };
const ALL = Object.keys(WEIGHTS);

function pickDtype(rng, allowed = ALL) {
  return rng.pickWeighted(allowed.map((d) => [d, WEIGHTS[d]]));
}

// A tensor description; quantized dtypes get per-tensor quantization.
function tensor(dtype, shape, quant, data) {
  const t = { dtype, shape };
  if (quant) t.quant = quant;
  if (data !== undefined) t.data = data;
  return t;
}

const quantFor = (rng, dtype) => (isQuantizedType(dtype) ? randomQuant(rng, dtype) : undefined);

// Usually the input's quantization, now and then another: these ops copy
// bytes, and TFLite neither requires equal parameters nor requantizes.
// Used where both peers copy the bytes as edgelite does (RESHAPE, SPLIT_V,
// TILE, BROADCAST_TO, REVERSE_V2, GATHER, GATHER_ND). Not for EXPAND_DIMS,
// PACK, UNPACK, FILL: TFLite refuses unequal ones (so does edgelite). Not for
// SLICE, SPLIT, TRANSPOSE, STRIDED_SLICE: tfjs-tflite's built-in kernels copy
// the bytes like edgelite, but LiteRT.js 2.5.3 (XNNPACK) fails on such a node
// without saying so and returns an unwritten output (zeros or stale bytes).
const outQuant = (rng, dtype, q) => (q && rng.bool(0.15) ? randomQuant(rng, dtype) : q);

// A constant int32 or int64 vector (or scalar when `scalar`).
function indexConst(dtype, values, scalar = false) {
  const data = dtype === 'int64' ? BigInt64Array.from(values.map((v) => BigInt(v))) : Int32Array.from(values);
  return { dtype, shape: scalar ? [] : [values.length], data };
}

function indexArray(dtype, values) {
  return dtype === 'int64' ? BigInt64Array.from(values.map((v) => BigInt(v))) : Int32Array.from(values);
}

function shapeOf(rng, rank, { min = 1, max = 5, pOne = 0.15 } = {}) {
  return Array.from({ length: rank }, () => (rng.bool(pOne) ? 1 : rng.int(min, max)));
}

const data = (rng, dtype, shape) => randomTensor(rng, dtype, shape);

// ---- STRIDED_SLICE shape arithmetic (LiteRT's strided_slice.cc) ----------------

function clamp(v, lo, hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

// The output shape TFLite computes, or null when the case falls where the
// two peers (or edgelite, by design) part ways.
function stridedSliceShape(inShape, begin, end, strides, m) {
  const n = begin.length;
  const r = inShape.length;
  let numAdd = 0;
  for (let i = 0; i < n; i++) if (!((m.ellipsis >> i) & 1) && (m.newAxis >> i) & 1) numAdd++;
  const eff = r + numAdd;
  let effEll = 0;
  let effNew = 0;
  let ellStart = eff;
  let expanded = 0;
  for (let i = 0; i < eff; ) {
    if ((m.ellipsis >> i) & 1) {
      ellStart = i;
      const stop = Math.max(i + 1, Math.min(i + 1 + numAdd + r - n, eff));
      expanded = stop - ellStart - 1;
      for (; i < stop; i++) effEll |= 1 << i;
      continue;
    }
    if ((m.newAxis >> (i - expanded)) & 1) effNew |= 1 << i;
    i++;
  }
  const out = [];
  let addedEll = 0;
  let addedAxes = 0;
  for (let i = 0; i < eff; i++) {
    let size;
    let b = 0;
    let e = 0;
    let s = 1;
    let bm = false;
    let em = false;
    let shrink = false;
    if ((effEll >> i) & 1) {
      addedEll = Math.max(0, i - ellStart);
      bm = em = true;
      size = inShape[i - addedAxes];
    } else if ((effNew >> i) & 1) {
      size = 1;
      e = 1;
      addedAxes++;
    } else if (i >= n + expanded) {
      bm = em = true;
      size = inShape[i - addedAxes];
    } else {
      const o = i - addedEll;
      b = begin[o];
      e = end[o];
      s = strides[o];
      bm = ((m.begin >> o) & 1) === 1;
      em = ((m.end >> o) & 1) === 1;
      shrink = ((m.shrink >> o) & 1) === 1;
      size = inShape[i - addedAxes];
    }
    if (size === undefined) return null;
    const fwd = s > 0;
    let start = b < 0 ? b + size : b;
    start = fwd ? clamp(start, 0, size) : clamp(start, -1, size - 1);
    if (bm) start = fwd ? 0 : size - 1;
    if (shrink) {
      if (start < 0 || start >= size || !fwd) return null;
      continue;
    }
    let stop = m.offset ? start + e : e;
    if (stop < 0) stop += size;
    stop = fwd ? clamp(stop, 0, size) : clamp(stop, -1, size - 1);
    if (em) stop = fwd ? size : -1;
    const count = Math.max(0, Math.ceil((stop - start) / s));
    if (m.offset && count !== Math.max(0, Math.ceil(e / s))) return null;
    out.push(count);
  }
  return out;
}

function stridedSliceCase(rng) {
  const dtype = pickDtype(rng);
  const oldPeerOnly = dtype === 'bool';
  const rank = rng.int(1, 5);
  const inShape = shapeOf(rng, rank, { max: 6 });
  // tfjs-tflite (the only judge of bool I/O) predates ellipsis,
  // new_axis and offset.
  const style = oldPeerOnly ? 'plain' : rng.pickWeighted([['plain', 6], ['ellipsis', 2], ['newaxis', 2], ['offset', 1]]);
  const m = { begin: 0, end: 0, ellipsis: 0, newAxis: 0, shrink: 0, offset: false };
  let n = style === 'plain' && rng.bool(0.25) ? rng.int(1, rank) : rank;
  if (style === 'ellipsis') n = rng.int(1, rank);
  // TFLite allows at most 5 axes including the new ones.
  if (style === 'newaxis') n = rank + rng.int(1, Math.max(1, 5 - rank));
  if (style === 'newaxis' && rank === 5) return null;
  const begin = [];
  const end = [];
  const strides = [];
  if (style === 'ellipsis') m.ellipsis = 1 << rng.int(0, n - 1);
  if (style === 'newaxis') {
    // new axes at random spec positions; the others index real axes in order.
    const slots = rng.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, n - rank);
    for (const p of slots) m.newAxis |= 1 << p;
  }
  if (style === 'offset') m.offset = true;
  // Which input axis each spec position addresses (for sizes).
  let axis = 0;
  for (let i = 0; i < n; i++) {
    if ((m.ellipsis >> i) & 1) {
      axis += rank - (n - 1);
      begin.push(0);
      end.push(0);
      strides.push(1);
      continue;
    }
    if ((m.newAxis >> i) & 1) {
      begin.push(0);
      end.push(rng.int(0, 2));
      strides.push(1);
      continue;
    }
    const size = inShape[axis++] ?? 1;
    if (m.offset) {
      const len = rng.int(0, size);
      const b = rng.int(0, size - len);
      begin.push(rng.bool(0.3) && b > 0 ? b - size : b);
      end.push(len);
      strides.push(rng.pickWeighted([[1, 4], [2, 1], [3, 1]]));
      continue;
    }
    let s = rng.pickWeighted([[1, 5], [2, 2], [3, 1], [-1, 2], [-2, 1]]);
    const lo = oldPeerOnly ? -size : -size - 2;
    const hi = oldPeerOnly ? size - 1 : size + 2;
    let b = rng.int(lo, hi);
    let e = rng.int(-size - 2, size + 2);
    if (rng.bool(0.2)) m.begin |= 1 << i;
    if (rng.bool(0.2)) m.end |= 1 << i;
    if (rng.bool(0.15)) {
      // shrink: a valid index and a positive stride (TFLite writes nothing
      // for a shrunk axis with a negative stride).
      m.shrink |= 1 << i;
      b = rng.int(-size, size - 1);
      e = b + 1;
      s = 1;
      m.begin &= ~(1 << i);
    }
    begin.push(b);
    end.push(e);
    strides.push(s);
  }
  const out = stridedSliceShape(inShape, begin, end, strides, m);
  if (out === null) return null;
  // Few empty outputs: LiteRT.js refuses them, leaving the older peer.
  if (out.includes(0) && rng.bool(0.85)) return null;
  const idxType = 'int32';  // TFLite's kernel reads int32 only
  const q = quantFor(rng, dtype);
  const runtimeBegin = m.offset && rng.bool(0.4);
  let version = 1;
  if (dtype === 'int8') version = 2;
  if (dtype === 'bool') version = 3;
  if (rank > 4 || out.length > 4) version = 4;
  if (m.ellipsis || m.newAxis) version = 6;
  if (m.offset) version = 8;
  const beginT = runtimeBegin ? { dtype: idxType, shape: [n] } : indexConst(idxType, begin);
  const model = singleOpModel({
    op: 'STRIDED_SLICE',
    version,
    options: {
      type: 'StridedSliceOptions',
      fields: {
        begin_mask: m.begin,
        end_mask: m.end,
        ellipsis_mask: m.ellipsis,
        new_axis_mask: m.newAxis,
        shrink_axis_mask: m.shrink,
        offset: m.offset,
      },
    },
    inputs: [tensor(dtype, inShape, q), beginT, indexConst(idxType, end), indexConst(idxType, strides)],
    outputs: [tensor(dtype, out, q)],
  });
  const inputs = [data(rng, dtype, inShape)];
  if (runtimeBegin) inputs.push(indexArray(idxType, begin));
  const maskStr = `b${m.begin} e${m.end} el${m.ellipsis} na${m.newAxis} sh${m.shrink}${m.offset ? ' offset' : ''}`;
  return {
    model,
    inputs,
    label: `${dtype} [${inShape}] [${begin}]:[${end}]:[${strides}] ${maskStr}${runtimeBegin ? ' (run-time begin)' : ''} -> [${out}]`,
  };
}

// LiteRT.js 2.5.3 hands back zeros for an output TFLite computes at prepare
// time (SHAPE's, RANK's, RANGE's: persistent read-only tensors); tfjs-tflite
// returns the values.
const PREPARE_TIME_OUTPUT = {
  oracle: 'tfjs-tflite',
  oracleWhy: 'LiteRT.js 2.5.3 returns zeros for outputs computed at prepare time',
};

// SQUEEZE (written with the RESHAPE generator of f3d9769): all size-1 dims
// or the listed ones, negative indices too.
function squeezeCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 2], ['uint8', 2], ['int32', 1]]);
  const inShape = randomShape(rng, { rank: rng.int(1, 5), max: 5, pOne: 0.45 });
  if (!inShape.includes(1)) inShape[rng.int(0, inShape.length - 1)] = 1;
  const ones = inShape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
  let dims = [];
  if (rng.bool(0.6)) {
    dims = ones.filter(() => rng.bool(0.6));
    if (dims.length === 0) dims = [ones[0]];
    dims = dims.map((d) => (rng.bool(0.3) ? d - inShape.length : d));
  }
  const squeezed = new Set(dims.length ? dims.map((d) => (d < 0 ? d + inShape.length : d)) : ones);
  const outShape = inShape.filter((_, i) => !squeezed.has(i));
  const q = dtype === 'int8' || dtype === 'uint8' ? randomQuant(rng, dtype) : null;
  const t = (shape) => ({ dtype, shape, ...(q ? { quant: { ...q } } : {}) });
  const model = singleOpModel({
    op: 'SQUEEZE',
    options: { type: 'SqueezeOptions', fields: dims.length ? { squeeze_dims: dims } : {} },
    inputs: [{ name: 'input', ...t(inShape) }],
    outputs: [{ name: 'output', ...t(outShape) }],
  });
  return { model, inputs: [randomTensor(rng, dtype, inShape)], label: `${dtype} [${inShape}] squeeze_dims [${dims}] -> [${outShape}]` };
}

// ---- generators ---------------------------------------------------------------

export const generators = {
  SQUEEZE: squeezeCase,

  SHAPE(rng) {
    const dtype = pickDtype(rng);
    const shape = shapeOf(rng, rng.int(1, 5));
    const model = singleOpModel({
      op: 'SHAPE',
      options: { type: 'ShapeOptions', fields: { out_type: 'INT32' } },
      inputs: [tensor(dtype, shape, quantFor(rng, dtype))],
      outputs: [{ dtype: 'int32', shape: [shape.length] }],
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] -> int32`, ...PREPARE_TIME_OUTPUT };
  },

  RANK(rng) {
    const dtype = pickDtype(rng);
    const shape = shapeOf(rng, rng.int(1, 6));
    const model = singleOpModel({
      op: 'RANK',
      inputs: [tensor(dtype, shape, quantFor(rng, dtype))],
      outputs: [{ dtype: 'int32', shape: [] }],
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}]`, ...PREPARE_TIME_OUTPUT };
  },

  EXPAND_DIMS(rng) {
    const dtype = pickDtype(rng);
    const rank = rng.int(0, 4);
    const shape = shapeOf(rng, rank);
    const axis = rng.int(-rank - 1, rank);
    const pos = axis < 0 ? axis + rank + 1 : axis;
    const out = [...shape.slice(0, pos), 1, ...shape.slice(pos)];
    const q = quantFor(rng, dtype);
    const axisT = indexConst(rng.pick(['int32', 'int64']), [axis], rng.bool());
    const model = singleOpModel({
      op: 'EXPAND_DIMS',
      inputs: [tensor(dtype, shape, q), axisT],
      outputs: [tensor(dtype, out, q)],
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] axis ${axis} (${axisT.dtype}) -> [${out}]` };
  },

  RESHAPE(rng) {
    const dtype = pickDtype(rng);
    const shape = shapeOf(rng, rng.int(1, 5), { max: 4 });
    // The target: the same elements regrouped.
    const factors = [];
    for (const d of shape) {
      let v = d;
      for (let p = 2; p <= v; p++) {
        while (v % p === 0) {
          factors.push(p);
          v /= p;
        }
      }
    }
    rng.shuffle(factors);
    const rank = rng.int(1, Math.max(1, Math.min(5, factors.length + 1)));
    const target = new Array(rank).fill(1);
    for (const f of factors) target[rng.int(0, rank - 1)] *= f;
    const spec = target.slice();
    if (rng.bool(0.4)) spec[rng.int(0, rank - 1)] = -1;
    const q = quantFor(rng, dtype);
    const source = rng.pickWeighted([['options', 2], ['int32', 3], ['int32+options', 1], ['int64+options', 1]]);
    const inputs = [tensor(dtype, shape, q)];
    if (source !== 'options') inputs.push(indexConst(source.startsWith('int64') ? 'int64' : 'int32', spec));
    // An int32 shape input comes with an empty options table or none at all
    // (converters write either).
    const options =
      source === 'int32'
        ? rng.bool() ? null : { type: 'ReshapeOptions', fields: {} }
        : { type: 'ReshapeOptions', fields: { new_shape: spec } };
    const model = singleOpModel({ op: 'RESHAPE', options, inputs, outputs: [tensor(dtype, target, outQuant(rng, dtype, q))] });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] -> [${spec}] from ${source}` };
  },

  FILL(rng) {
    const dtype = pickDtype(rng, ['float32', 'int32', 'bool', 'int8', 'int16']);
    const shape = shapeOf(rng, rng.int(1, 4));
    const q = quantFor(rng, dtype);
    const dimsT = indexConst(rng.pick(['int32', 'int64']), shape);
    let version = 1;
    if (dtype === 'bool') version = 2;
    if (dtype === 'int8' || dtype === 'int16') version = 3;
    const model = singleOpModel({
      op: 'FILL',
      version,
      inputs: [dimsT, tensor(dtype, [], q)],
      outputs: [tensor(dtype, shape, q)],
    });
    return { model, inputs: [data(rng, dtype, [])], label: `${dtype} dims [${shape}] (${dimsT.dtype})` };
  },

  PACK(rng) {
    if (rng.bool(0.1)) return shapeChainCase(rng);
    const dtype = pickDtype(rng, ['float32', 'int8', 'uint8', 'int16', 'int32']);
    const rank = rng.int(0, 4);
    const shape = shapeOf(rng, rank);
    const count = rng.int(1, 4);
    const axis = rng.int(-rank - 1, rank);
    const pos = axis < 0 ? axis + rank + 1 : axis;
    const out = [...shape.slice(0, pos), count, ...shape.slice(pos)];
    const q = quantFor(rng, dtype);
    const ins = [];
    const inputs = [];
    let nConst = 0;
    for (let i = 0; i < count; i++) {
      const d = data(rng, dtype, shape);
      if (i > 0 && rng.bool(0.25)) {
        ins.push(tensor(dtype, shape, q, d));
        nConst++;
      } else {
        ins.push(tensor(dtype, shape, q));
        inputs.push(d);
      }
    }
    let version = 1;
    if (dtype === 'int8') version = 2;
    if (dtype === 'int16') version = 3;
    const model = singleOpModel({
      op: 'PACK',
      version,
      options: { type: 'PackOptions', fields: { values_count: count, axis } },
      inputs: ins,
      outputs: [tensor(dtype, out, q)],
    });
    return { model, inputs, label: `${dtype} ${count} × [${shape}] axis ${axis}${nConst ? ` (${nConst} const)` : ''} -> [${out}]` };
  },

  UNPACK(rng) {
    const dtype = pickDtype(rng, ['float32', 'int8', 'uint8', 'int16', 'int32', 'bool']);
    const rank = rng.int(1, 5);
    const shape = shapeOf(rng, rank, { max: 4 });
    const axis = rng.int(-rank, rank - 1);
    const pos = axis < 0 ? axis + rank : axis;
    const num = shape[pos];
    const outShape = shape.filter((_, i) => i !== pos);
    const q = quantFor(rng, dtype);
    let version = 1;
    if (dtype === 'int8' || dtype === 'uint8') version = 2;
    if (dtype === 'bool') version = 3;
    if (dtype === 'int16') version = 4;
    const model = singleOpModel({
      op: 'UNPACK',
      version,
      options: { type: 'UnpackOptions', fields: { num, axis } },
      inputs: [tensor(dtype, shape, q)],
      outputs: Array.from({ length: num }, () => tensor(dtype, outShape, q)),
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] axis ${axis} -> ${num} × [${outShape}]` };
  },

  SPLIT(rng) {
    const dtype = pickDtype(rng, ['float32', 'int8', 'uint8', 'int16', 'int32']);
    const rank = rng.int(1, 5);
    const shape = shapeOf(rng, rank, { max: 4 });
    const axis = rng.int(-rank, rank - 1);
    const pos = axis < 0 ? axis + rank : axis;
    const n = rng.int(1, 3);
    shape[pos] = n * rng.int(1, 3);
    const outShape = shape.slice();
    outShape[pos] = shape[pos] / n;
    const q = quantFor(rng, dtype);
    let version = 1;
    if (dtype === 'int8') version = 2;
    if (dtype === 'int32') version = 3;
    if (dtype === 'int16') version = 4;
    const model = singleOpModel({
      op: 'SPLIT',
      version,
      options: { type: 'SplitOptions', fields: { num_splits: n } },
      inputs: [indexConst('int32', [axis], rng.bool()), tensor(dtype, shape, q)],
      outputs: Array.from({ length: n }, () => tensor(dtype, outShape, q)),
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] axis ${axis} into ${n}` };
  },

  SPLIT_V(rng) {
    const dtype = pickDtype(rng, ['float32', 'int8', 'uint8', 'int16', 'int32']);
    const rank = rng.int(1, 4);
    const shape = shapeOf(rng, rank, { max: 4 });
    const axis = rng.int(-rank, rank - 1);
    const pos = axis < 0 ? axis + rank : axis;
    const n = rng.int(1, 4);
    const sizes = Array.from({ length: n }, () => rng.int(rng.bool(0.15) ? 0 : 1, 3));
    shape[pos] = sizes.reduce((a, b) => a + b, 0);
    if (shape[pos] === 0) {
      sizes[0] = 1;
      shape[pos] = 1;
    }
    const spec = sizes.slice();
    if (rng.bool(0.4)) spec[rng.int(0, n - 1)] = -1;
    const q = quantFor(rng, dtype);
    const outs = sizes.map((s) => {
      const o = shape.slice();
      o[pos] = s;
      return tensor(dtype, o, outQuant(rng, dtype, q));
    });
    const model = singleOpModel({
      op: 'SPLIT_V',
      version: dtype === 'int8' ? 2 : 1,
      options: { type: 'SplitVOptions', fields: { num_splits: n } },
      inputs: [tensor(dtype, shape, q), indexConst('int32', spec), indexConst('int32', [axis], rng.bool())],
      outputs: outs,
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] sizes [${spec}] axis ${axis}` };
  },

  SLICE(rng) {
    const dtype = pickDtype(rng);
    const rank = rng.int(1, 5);
    const shape = shapeOf(rng, rank, { max: 6 });
    const begin = shape.map((d) => rng.int(0, d - 1));
    // Mostly non-empty: LiteRT.js refuses empty outputs, leaving tfjs-tflite.
    const size = shape.map((d, i) => (rng.bool(0.05) ? 0 : rng.int(1, d - begin[i])));
    const runtimeBegin = rng.bool(0.2);
    const spec = size.map((s, i) => (!runtimeBegin && rng.bool(0.2) ? -1 : s));
    const out = spec.map((s, i) => (s === -1 ? shape[i] - begin[i] : s));
    const idxType = runtimeBegin ? 'int32' : rng.pick(['int32', 'int64']);
    const q = quantFor(rng, dtype);
    let version = 1;
    if (dtype === 'int8') version = 2;
    if (dtype === 'int16') version = 4;
    if (rank > 4) version = 5;
    const model = singleOpModel({
      op: 'SLICE',
      version,
      inputs: [
        tensor(dtype, shape, q),
        runtimeBegin ? { dtype: idxType, shape: [rank] } : indexConst(idxType, begin),
        indexConst(idxType, spec),
      ],
      outputs: [tensor(dtype, out, q)],
    });
    const inputs = [data(rng, dtype, shape)];
    if (runtimeBegin) inputs.push(indexArray(idxType, begin));
    return {
      model,
      inputs,
      label: `${dtype} [${shape}] begin [${begin}]${runtimeBegin ? ' (run-time)' : ''} size [${spec}] (${idxType}) -> [${out}]`,
    };
  },

  STRIDED_SLICE(rng) {
    for (;;) {
      const c = stridedSliceCase(rng);
      if (c) return c;
    }
  },

  TRANSPOSE(rng) {
    const dtype = pickDtype(rng);
    const rank = rng.int(1, 6);
    const shape = shapeOf(rng, rank, { max: rank > 4 ? 3 : 5 });
    const perm = rng.shuffle(Array.from({ length: rank }, (_, i) => i));
    const out = perm.map((p) => shape[p]);
    const q = quantFor(rng, dtype);
    let version = 1;
    if (dtype === 'int8') version = 2;
    if (dtype === 'bool') version = 3;
    if (rank > 4) version = 4;
    if (dtype === 'int16') version = 5;
    if (rank > 5) version = 6;
    // int32 only: TFLite reads perm as int32 whatever its type (both peers give
    // garbage for an int64 perm; edgelite reads it correctly).
    const permT = indexConst('int32', perm);
    const model = singleOpModel({
      op: 'TRANSPOSE',
      version,
      inputs: [tensor(dtype, shape, q), permT],
      outputs: [tensor(dtype, out, q)],
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] perm [${perm}] (${permT.dtype})` };
  },

  TILE(rng) {
    const dtype = pickDtype(rng, ['float32', 'int8', 'uint8', 'int32', 'bool', 'int16']);
    const rank = rng.int(1, 5);
    const shape = shapeOf(rng, rank, { max: 4 });
    const mult = shape.map(() => rng.pickWeighted([[1, 3], [2, 3], [3, 1], [0, 0.3]]));
    const out = shape.map((d, i) => d * mult[i]);
    const q = quantFor(rng, dtype);
    const mT = indexConst(rng.pick(['int32', 'int64']), mult);
    const model = singleOpModel({
      op: 'TILE',
      version: dtype === 'int8' ? 3 : 1,
      inputs: [tensor(dtype, shape, q), mT],
      outputs: [tensor(dtype, out, outQuant(rng, dtype, q))],
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] multiples [${mult}] (${mT.dtype})` };
  },

  BROADCAST_TO(rng) {
    const dtype = pickDtype(rng);
    const outRank = rng.int(1, 6);
    const out = shapeOf(rng, outRank, { max: 4 });
    const inRank = rng.int(0, outRank);
    const shape = out.slice(outRank - inRank).map((d) => (rng.bool(0.4) ? 1 : d));
    const q = quantFor(rng, dtype);
    const sT = indexConst(rng.pick(['int32', 'int64']), out);
    const model = singleOpModel({
      op: 'BROADCAST_TO',
      version: dtype === 'int8' || dtype === 'int16' ? 3 : 2,
      inputs: [tensor(dtype, shape, q), sT],
      outputs: [tensor(dtype, out, outQuant(rng, dtype, q))],
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] -> [${out}] (${sT.dtype})` };
  },

  REVERSE_V2(rng) {
    const dtype = pickDtype(rng, ['float32', 'int8', 'uint8', 'int16', 'int32', 'bool']);
    const rank = rng.int(1, 5);
    const shape = shapeOf(rng, rank, { max: 5 });
    // Several axes only when adjacent: LiteRT.js reverses the whole span
    // between the first and last axis (garbage for non-adjacent ones), and
    // tfjs-tflite only the first axis (LiteRT.js judges those).
    const first = rng.int(0, rank - 1);
    const span = first + 1 < rank && dtype !== 'bool' && rng.bool(0.25) ? 2 : 1;
    const axes = rng
      .shuffle(Array.from({ length: span }, (_, i) => first + i))
      .map((a) => (rng.bool(0.3) ? a - rank : a));
    const q = quantFor(rng, dtype);
    let version = 1;
    if (dtype === 'bool') version = 2;
    if (dtype === 'int8') version = 3;
    const model = singleOpModel({
      op: 'REVERSE_V2',
      version,
      inputs: [tensor(dtype, shape, q), indexConst('int32', axes)],
      outputs: [tensor(dtype, shape, outQuant(rng, dtype, q))],
    });
    return { model, inputs: [data(rng, dtype, shape)], label: `${dtype} [${shape}] axes [${axes}]` };
  },

  GATHER(rng) {
    const dtype = pickDtype(rng);
    const rank = rng.int(1, 4);
    const pshape = shapeOf(rng, rank, { max: 5 });
    const axis = rng.int(-rank, rank - 1);
    const pos = axis < 0 ? axis + rank : axis;
    const batchDims = pos > 0 && rng.bool(0.25) ? rng.int(1, pos) : 0;
    const ishape = [...pshape.slice(0, batchDims), ...shapeOf(rng, rng.int(0, 2), { max: 4 })];
    const constIdx = rng.bool(0.5);
    const idxType = constIdx ? rng.pickWeighted([['int32', 4], ['int64', 1]]) : 'int32';
    const nIdx = elementCount(ishape);
    const idx = Array.from({ length: nIdx }, () => rng.int(0, pshape[pos] - 1));
    const out = [...pshape.slice(0, pos), ...ishape.slice(batchDims), ...pshape.slice(pos + 1)];
    const q = quantFor(rng, dtype);
    let version = 1;
    if (dtype === 'int8') version = 2;
    if (dtype === 'bool') version = 3;
    if (dtype === 'int16') version = 4;
    if (batchDims) version = 5;
    const idxT = constIdx ? { ...indexConst(idxType, idx), shape: ishape } : { dtype: idxType, shape: ishape };
    const model = singleOpModel({
      op: 'GATHER',
      version,
      options: { type: 'GatherOptions', fields: { axis, batch_dims: batchDims } },
      inputs: [tensor(dtype, pshape, q), idxT],
      outputs: [tensor(dtype, out, outQuant(rng, dtype, q))],
    });
    const inputs = [data(rng, dtype, pshape)];
    if (!constIdx) inputs.push(indexArray(idxType, idx));
    return {
      model,
      inputs,
      label: `${dtype} [${pshape}] axis ${axis} batch_dims ${batchDims} indices ${idxType}[${ishape}]${constIdx ? ' const' : ''} -> [${out}]`,
    };
  },

  GATHER_ND(rng) {
    const dtype = pickDtype(rng, ['float32', 'int8', 'uint8', 'int16', 'int32']);
    const rank = rng.int(1, 4);
    const pshape = shapeOf(rng, rank, { max: 5 });
    const nd = rng.int(1, rank);
    const lead = shapeOf(rng, rng.int(0, 2), { max: 4 });
    const ishape = [...lead, nd];
    const slices = elementCount(lead);
    const idx = [];
    for (let s = 0; s < slices; s++) for (let j = 0; j < nd; j++) idx.push(rng.int(0, pshape[j] - 1));
    const constIdx = rng.bool(0.5);
    const idxType = constIdx ? rng.pickWeighted([['int32', 4], ['int64', 1]]) : 'int32';
    const out = [...lead, ...pshape.slice(nd)];
    const q = quantFor(rng, dtype);
    const idxT = constIdx ? { ...indexConst(idxType, idx), shape: ishape } : { dtype: idxType, shape: ishape };
    const model = singleOpModel({
      op: 'GATHER_ND',
      version: dtype === 'int16' ? 3 : 1,
      inputs: [tensor(dtype, pshape, q), idxT],
      outputs: [tensor(dtype, out, outQuant(rng, dtype, q))],
    });
    const inputs = [data(rng, dtype, pshape)];
    if (!constIdx) inputs.push(indexArray(idxType, idx));
    return { model, inputs, label: `${dtype} [${pshape}] indices ${idxType}[${ishape}]${constIdx ? ' const' : ''} -> [${out}]` };
  },

  ONE_HOT(rng) {
    const dtype = pickDtype(rng, ['float32', 'int32', 'int8', 'uint8', 'bool']);
    const rank = rng.int(0, 3);
    const ishape = shapeOf(rng, rank, { max: 4 });
    const depth = rng.int(1, 5);
    const axis = rng.bool(0.5) ? -1 : rng.int(0, rank);
    const pos = axis === -1 ? rank : axis;
    const out = [...ishape.slice(0, pos), depth, ...ishape.slice(pos)];
    const idxType = 'int32';
    const idx = Array.from({ length: elementCount(ishape) }, () => rng.int(-1, depth));
    const onOff = randomTensor(rng, dtype, 2);
    const scalar = (v) => {
      const a = new onOff.constructor(1);
      a[0] = v;
      return { dtype, shape: [], data: a };
    };
    const model = singleOpModel({
      op: 'ONE_HOT',
      options: { type: 'OneHotOptions', fields: { axis } },
      inputs: [{ dtype: idxType, shape: ishape }, indexConst('int32', [depth], true), scalar(onOff[0]), scalar(onOff[1])],
      outputs: [{ dtype, shape: out }],
    });
    return { model, inputs: [indexArray(idxType, idx)], label: `${dtype} indices ${idxType}[${ishape}] depth ${depth} axis ${axis}` };
  },

  RANGE(rng) {
    const dtype = rng.pick(['int32', 'float32']);
    let start;
    let limit;
    let delta;
    if (dtype === 'float32') {
      start = Math.fround(rng.float(-5, 5));
      delta = Math.fround(rng.pick([1, -1]) * rng.logUniform(0.05, 2));
      limit = Math.fround(start + delta * rng.float(0, 12));
    } else {
      start = rng.int(-20, 20);
      delta = rng.pick([1, -1]) * rng.int(1, 4);
      limit = start + delta * rng.int(0, 10) + (rng.bool() ? Math.sign(delta) : 0);
    }
    const n =
      dtype === 'float32'
        ? Math.ceil(Math.abs(Math.fround(Math.fround(limit - start) / delta)))
        : Math.ceil(Math.abs(limit - start) / Math.abs(delta));
    const arr = (v) => (dtype === 'int32' ? Int32Array.of(v) : Float32Array.of(v));
    // All three constant (the output size depends on them): a model without
    // inputs, which edgelite folds at prepare time.
    const model = singleOpModel({
      op: 'RANGE',
      inputs: [
        { dtype, shape: [], data: arr(start) },
        { dtype, shape: [], data: arr(limit) },
        { dtype, shape: [], data: arr(delta) },
      ],
      outputs: [{ dtype, shape: [n] }],
    });
    return { model, inputs: [], label: `${dtype} range(${start}, ${limit}, ${delta}) -> [${n}]`, ...PREPARE_TIME_OUTPUT };
  },
};

// SHAPE → STRIDED_SLICE (shrink) → PACK with a constant, as TF emits for
// dynamic shapes (dilated_conv.tflite): run at Invoke time.
function shapeChainCase(rng) {
  const shape = shapeOf(rng, rng.int(2, 4), { max: 6 });
  const k = rng.int(0, shape.length - 1);
  const c = rng.int(1, 9);
  const model = {
    tensors: [
      { name: 'x', dtype: 'float32', shape },
      { name: 'shape', dtype: 'int32', shape: [shape.length] },
      { name: 'begin', ...indexConst('int32', [k]) },
      { name: 'end', ...indexConst('int32', [k + 1]) },
      { name: 'strides', ...indexConst('int32', [1]) },
      { name: 'dim', dtype: 'int32', shape: [] },
      { name: 'c', dtype: 'int32', shape: [], data: Int32Array.of(c) },
      { name: 'packed', dtype: 'int32', shape: [2] },
    ],
    operators: [
      { op: 'SHAPE', inputs: ['x'], outputs: ['shape'], options: { type: 'ShapeOptions', fields: { out_type: 'INT32' } } },
      {
        op: 'STRIDED_SLICE',
        inputs: ['shape', 'begin', 'end', 'strides'],
        outputs: ['dim'],
        options: { type: 'StridedSliceOptions', fields: { shrink_axis_mask: 1 } },
      },
      { op: 'PACK', inputs: ['c', 'dim'], outputs: ['packed'], options: { type: 'PackOptions', fields: { values_count: 2, axis: 0 } } },
    ],
    inputs: ['x'],
    outputs: ['packed'],
  };
  return { model, inputs: [randomTensor(rng, 'float32', shape)], label: `SHAPE [${shape}] -> [${k}] -> PACK(${c}, ·)` };
}
