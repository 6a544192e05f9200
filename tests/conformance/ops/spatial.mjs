// Padding, space/batch/depth rearrangement and reductions: PAD, PADV2,
// MIRROR_PAD, SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND, SPACE_TO_DEPTH,
// DEPTH_TO_SPACE, SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD, REDUCE_ANY,
// REDUCE_ALL, CUMSUM and L2_POOL_2D. Data-movement ops draw every dtype TFLite
// accepts (they are byte copies); reductions draw negative and duplicate axes,
// keep_dims, empty axis lists and edge sizes; quantized SUM / REDUCE_PROD draw
// output scales near the real result's range and unrelated ones.
import { quantForRange, randomActivation, randomQuant, randomShape, randomTensor, singleOpModel, convOutSize } from '../lib/gen.mjs';

const QTYPES = new Set(['int8', 'uint8', 'int16']);

// A tensor description with the dtype's quantization when it has one.
function tensor(dtype, shape, quant, extra = {}) {
  return { dtype, shape, ...(quant ? { quant } : {}), ...extra };
}

function quantFor(rng, dtype) {
  return QTYPES.has(dtype) ? randomQuant(rng, dtype) : undefined;
}

// Version per the converter's op_version.cc rules for the copy ops.
function copyVersion(op, dtype, rank) {
  switch (op) {
    case 'PAD':
    case 'PADV2':
      return rank > 4 ? 4 : dtype === 'int16' ? 3 : dtype === 'int8' ? 2 : 1;
    case 'MIRROR_PAD':
      return dtype === 'int16' ? 3 : dtype === 'int8' ? 2 : 1;
    case 'SPACE_TO_BATCH_ND':
    case 'BATCH_TO_SPACE_ND':
      return dtype === 'int16' ? 4 : rank !== 4 ? 3 : dtype === 'int8' ? 2 : 1;
    default:
      return dtype === 'int8' ? 2 : 1;
  }
}

const int32 = (values) => Int32Array.from(values);

function padCase(rng, op) {
  const dtype = rng.pickWeighted([
    ['float32', 4], ['int8', 3], ['uint8', 2], ['int16', 1], ['int32', 1],
  ]);
  const rank = rng.pickWeighted([[1, 1], [2, 2], [3, 2], [4, 4], [5, 1]]);
  const shape = randomShape(rng, { rank, max: rank > 3 ? 4 : 6 });
  const imageStyle = rank === 4 && rng.bool(0.4);
  const pads = [];
  for (let d = 0; d < rank; d++) {
    const zero = imageStyle && (d === 0 || d === 3);
    pads.push(zero ? 0 : rng.int(0, 3), zero ? 0 : rng.int(0, 3));
  }
  const outShape = shape.map((s, d) => s + pads[2 * d] + pads[2 * d + 1]);
  // int8 without quantization pads with 0 instead of the zero point.
  const q = dtype === 'int8' && rng.bool(0.1) ? undefined : quantFor(rng, dtype);
  // Only tfjs-tflite takes non-quantized int8 I/O, and its (older) TFLite
  // reads int64 paddings as int32 there; LiteRT.js reads them right.
  const pdtype = rng.bool(0.3) && !(dtype === 'int8' && !q) ? 'int64' : 'int32';
  const paddings = {
    dtype: pdtype,
    shape: [rank, 2],
    data: pdtype === 'int64' ? BigInt64Array.from(pads, BigInt) : int32(pads),
  };
  const ins = [tensor(dtype, shape, q), paddings];
  const inputs = [randomTensor(rng, dtype, shape)];
  let label = `${dtype} [${shape}] pads ${JSON.stringify(pads)} (${pdtype})`;
  if (op === 'PADV2') {
    const value = randomTensor(rng, dtype, [1]);
    const constant = rng.bool(0.7);
    ins.push(tensor(dtype, [], q, constant ? { data: value } : {}));
    if (!constant) inputs.push(value);
    label += constant ? ' const value' : ' value input';
  }
  const model = singleOpModel({
    op,
    version: copyVersion(op, dtype, rank),
    inputs: ins,
    outputs: [tensor(dtype, outShape, q)],
  });
  return { model, inputs, label };
}

function mirrorPadCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 2], ['uint8', 1], ['int16', 1], ['int32', 1]]);
  const rank = rng.int(1, 4);
  const shape = randomShape(rng, { rank, max: 5 });
  const mode = rng.pick(['REFLECT', 'SYMMETRIC']);
  const offset = mode === 'REFLECT' ? 1 : 0;
  const pads = [];
  for (const s of shape) pads.push(rng.int(0, s - offset), rng.int(0, s - offset));
  const outShape = shape.map((s, d) => s + pads[2 * d] + pads[2 * d + 1]);
  const q = quantFor(rng, dtype);
  const model = singleOpModel({
    op: 'MIRROR_PAD',
    version: copyVersion('MIRROR_PAD', dtype, rank),
    options: { type: 'MirrorPadOptions', fields: { mode } },
    inputs: [tensor(dtype, shape, q), { dtype: 'int32', shape: [rank, 2], data: int32(pads) }],
    outputs: [tensor(dtype, outShape, q)],
  });
  return { model, inputs: [randomTensor(rng, dtype, shape)], label: `${dtype} [${shape}] ${mode} ${JSON.stringify(pads)}` };
}

const COPY_DTYPES = [['float32', 3], ['int8', 3], ['uint8', 2], ['int32', 1]];

function spaceToBatchCase(rng) {
  const dtype = rng.pickWeighted([...COPY_DTYPES, ['int16', 1]]);
  const rank = rng.pickWeighted([[4, 3], [3, 1]]);
  const spatial = rank - 2;
  const batch = rng.int(1, 2);
  const depth = rng.int(1, 5);
  const dims = [], block = [], pads = [];
  for (let d = 0; d < spatial; d++) {
    const b = rng.int(1, 3);
    const s = rng.int(1, 7);
    const before = rng.int(0, 2);
    const after = ((b - ((s + before) % b)) % b) + (rng.bool(0.2) ? b : 0);
    dims.push(s);
    block.push(b);
    pads.push(before, after);
  }
  const shape = [batch, ...dims, depth];
  const outShape = [batch * block.reduce((a, b) => a * b, 1), ...dims.map((s, d) => (s + pads[2 * d] + pads[2 * d + 1]) / block[d]), depth];
  const q = quantFor(rng, dtype);
  const model = singleOpModel({
    op: 'SPACE_TO_BATCH_ND',
    version: copyVersion('SPACE_TO_BATCH_ND', dtype, rank),
    inputs: [
      tensor(dtype, shape, q),
      { dtype: 'int32', shape: [spatial], data: int32(block) },
      { dtype: 'int32', shape: [spatial, 2], data: int32(pads) },
    ],
    outputs: [tensor(dtype, outShape, q)],
  });
  return { model, inputs: [randomTensor(rng, dtype, shape)], label: `${dtype} [${shape}] block ${block} pads ${pads}` };
}

function batchToSpaceCase(rng) {
  const dtype = rng.pickWeighted([...COPY_DTYPES, ['int16', 1]]);
  const rank = rng.pickWeighted([[4, 3], [3, 1]]);
  const spatial = rank - 2;
  const outBatch = rng.int(1, 2);
  const depth = rng.int(1, 5);
  const dims = [], block = [], crops = [], outDims = [];
  for (let d = 0; d < spatial; d++) {
    const b = rng.int(1, 3);
    const s = rng.int(1, 4);
    const full = s * b;
    const c0 = rng.int(0, Math.min(2, full - 1));
    const c1 = rng.int(0, Math.min(2, full - 1 - c0));
    dims.push(s);
    block.push(b);
    crops.push(c0, c1);
    outDims.push(full - c0 - c1);
  }
  const shape = [outBatch * block.reduce((a, b) => a * b, 1), ...dims, depth];
  const q = quantFor(rng, dtype);
  const model = singleOpModel({
    op: 'BATCH_TO_SPACE_ND',
    version: copyVersion('BATCH_TO_SPACE_ND', dtype, rank),
    inputs: [
      tensor(dtype, shape, q),
      { dtype: 'int32', shape: [spatial], data: int32(block) },
      { dtype: 'int32', shape: [spatial, 2], data: int32(crops) },
    ],
    outputs: [tensor(dtype, [outBatch, ...outDims, depth], q)],
  });
  return { model, inputs: [randomTensor(rng, dtype, shape)], label: `${dtype} [${shape}] block ${block} crops ${crops}` };
}

function depthSpaceCase(rng, op) {
  const dtype = rng.pickWeighted(COPY_DTYPES);
  const b = rng.int(1, 3);
  const n = rng.int(1, 2);
  let shape, outShape;
  if (op === 'SPACE_TO_DEPTH') {
    const h = b * rng.int(1, 3), w = b * rng.int(1, 3), c = rng.int(1, 4);
    shape = [n, h, w, c];
    outShape = [n, h / b, w / b, c * b * b];
  } else {
    const h = rng.int(1, 3), w = rng.int(1, 3), c = rng.int(1, 3);
    shape = [n, h, w, c * b * b];
    outShape = [n, h * b, w * b, c];
  }
  const q = quantFor(rng, dtype);
  const model = singleOpModel({
    op,
    version: copyVersion(op, dtype, 4),
    options: { type: op === 'SPACE_TO_DEPTH' ? 'SpaceToDepthOptions' : 'DepthToSpaceOptions', fields: { block_size: b } },
    inputs: [tensor(dtype, shape, q)],
    outputs: [tensor(dtype, outShape, q)],
  });
  return { model, inputs: [randomTensor(rng, dtype, shape)], label: `${dtype} [${shape}] block ${b}` };
}

// Reduction geometry: shape, the axis list as written (negative forms,
// duplicates, sometimes empty), keep_dims, and the output shape.
function reduction(rng, { maxRank = 5, minReduced = 1, allowEmpty = true } = {}) {
  const rank = rng.int(1, maxRank);
  const shape = randomShape(rng, { rank, max: rank > 3 ? 4 : 6, pOne: 0.2 });
  const axes = [];
  if (!allowEmpty || !rng.bool(0.08)) {
    const chosen = rng.shuffle([...Array(rank).keys()]).slice(0, rng.int(1, rank));
    for (const a of chosen) {
      axes.push(rng.bool(0.3) ? a - rank : a);
      if (rng.bool(0.1)) axes.push(a);  // a duplicate
    }
  }
  const keepDims = rng.bool();
  const reduced = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
  for (const d of reduced) shape[d] = Math.max(shape[d], minReduced);
  const outShape = [];
  let n = 1;
  shape.forEach((s, d) => {
    if (reduced.has(d)) {
      n *= s;
      if (keepDims) outShape.push(1);
    } else {
      outShape.push(s);
    }
  });
  return { shape, axes, keepDims, outShape, n };
}

function reduceModel(op, version, dtype, g, qin, qout) {
  return singleOpModel({
    op,
    version,
    options: { type: 'ReducerOptions', fields: { keep_dims: g.keepDims } },
    inputs: [tensor(dtype, g.shape, qin), { dtype: 'int32', shape: [g.axes.length], data: int32(g.axes) }],
    outputs: [tensor(dtype, g.outShape, qout)],
  });
}

const reduceLabel = (dtype, g) => `${dtype} [${g.shape}] axes ${JSON.stringify(g.axes)}${g.keepDims ? ' keep' : ''}`;

function sumCase(rng) {
  const dtype = rng.pickWeighted([['float32', 4], ['int8', 4], ['uint8', 2], ['int16', 1], ['int32', 1]]);
  const g = reduction(rng);
  let qin, qout;
  if (QTYPES.has(dtype)) {
    qin = randomQuant(rng, dtype);
    const [lo, hi] = dtype === 'int8' ? [-128, 127] : dtype === 'uint8' ? [0, 255] : [-32767, 32767];
    const r = rng.pickWeighted([['range', 6], ['same', 1], ['random', 1]]);
    if (r === 'same') {
      qout = { ...qin };
    } else if (r === 'random') {
      qout = randomQuant(rng, dtype, { minScale: 1e-3, maxScale: 4 });
    } else {
      // The range of a sum of n typical values (~sqrt(n) spread), which a
      // calibrated converter would pick; some results still fall outside.
      const f = Math.sqrt(g.n) * rng.float(0.5, 1.5);
      qout = quantForRange(qin.scale * (lo - qin.zeroPoint) * f, qin.scale * (hi - qin.zeroPoint) * f, dtype);
    }
  }
  const model = reduceModel('SUM', dtype === 'int8' ? 2 : 1, dtype, g, qin, qout);
  const input = randomTensor(rng, dtype, g.shape, dtype === 'float32' ? { min: -2, max: 2 } : {});
  // Measured: LiteRT.js adds float sums in another order than TFLite's
  // built-in sequential kernel (which tfjs-tflite and edgelite match bit for
  // bit); with cancellation the results differ by more than a few ulp. Allow
  // the reordering error bound n · 2ε · max|x| (max|x| = 2 here).
  const tolerance =
    dtype === 'float32' ? { abs: g.n * 2 * 2 ** -23 * 2, why: 'float summation order differs between TFLite builds' } : undefined;
  return { model, inputs: [input], label: reduceLabel(dtype, g), ...(tolerance ? { tolerance } : {}) };
}

function minMaxCase(rng, op) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 3], ['uint8', 2], ['int16', 1], ['int32', 1]]);
  const g = reduction(rng);
  const q = quantFor(rng, dtype);
  const version = dtype === 'int16' ? 3 : dtype === 'int8' ? 2 : 1;
  const model = reduceModel(op, version, dtype, g, q, q);
  return { model, inputs: [randomTensor(rng, dtype, g.shape)], label: reduceLabel(dtype, g) };
}

function prodCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int32', 1], ['int8', 3], ['int16', 1]]);
  // Quantized: TFLite reads uninitialized accumulators when every reduced dim
  // has size 1 (run-to-run different bytes), so reduced dims are >= 2 there,
  // and an empty axis list crashes tfjs-tflite (out-of-bounds access).
  const quantized = dtype === 'int8' || dtype === 'int16';
  const g = reduction(rng, { maxRank: 4, minReduced: quantized ? 2 : 1, allowEmpty: !quantized });
  let qin, qout, input;
  if (dtype === 'float32') {
    input = randomTensor(rng, dtype, g.shape, { min: 0.5, max: 1.6 });
    for (let i = 0; i < input.length; i++) if (rng.bool(0.3)) input[i] = -input[i];
  } else if (dtype === 'int32') {
    input = randomTensor(rng, dtype, g.shape, { min: -3, max: 3 });
  } else {
    // Real values near ±1 so products stay representable.
    const real = rng.float(1, 2.5);
    qin = quantForRange(-real, real, dtype);
    if (dtype === 'int8' && rng.bool(0.5)) qin = { ...qin, zeroPoint: rng.int(-20, 20) };
    const outReal = Math.min(real ** Math.min(g.n, 6), 100) * rng.float(0.5, 1.5);
    qout = rng.bool(0.85) ? quantForRange(-outReal, outReal, dtype) : randomQuant(rng, dtype);
    input = randomTensor(rng, dtype, g.shape);
  }
  const version = dtype === 'int8' || dtype === 'int16' ? 2 : 1;
  const model = reduceModel('REDUCE_PROD', version, dtype, g, qin, qout);
  return { model, inputs: [input], label: reduceLabel(dtype, g) };
}

function anyAllCase(rng, op) {
  const g = reduction(rng);
  const model = reduceModel(op, 1, 'bool', g);
  // Mostly-true or mostly-false inputs so both outcomes show up.
  const p = rng.pick([0.1, 0.5, 0.9]);
  const input = Uint8Array.from({ length: g.shape.reduce((a, b) => a * b, 1) }, () => (rng.bool(p) ? 1 : 0));
  return { model, inputs: [input], label: reduceLabel('bool', g) };
}

function cumsumCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int32', 1]]);
  const rank = rng.int(1, 4);
  const shape = randomShape(rng, { rank, max: 6 });
  const axis = rng.int(-rank, rank - 1);
  const exclusive = rng.bool(), reverse = rng.bool();
  const model = singleOpModel({
    op: 'CUMSUM',
    options: { type: 'CumsumOptions', fields: { exclusive, reverse } },
    inputs: [tensor(dtype, shape), { dtype: 'int32', shape: [], data: int32([axis]) }],
    outputs: [tensor(dtype, shape)],
  });
  return {
    model,
    inputs: [randomTensor(rng, dtype, shape, dtype === 'float32' ? { min: -2, max: 2 } : {})],
    label: `${dtype} [${shape}] axis ${axis}${exclusive ? ' exclusive' : ''}${reverse ? ' reverse' : ''}`,
  };
}

function l2PoolCase(rng) {
  const n = rng.int(1, 2), h = rng.int(1, 9), w = rng.int(1, 9), c = rng.int(1, 5);
  const padding = rng.pick(['SAME', 'VALID']);
  const fh = rng.int(1, Math.min(3, h)), fw = rng.int(1, Math.min(3, w));
  const sh = rng.int(1, 2), sw = rng.int(1, 2);
  const act = randomActivation(rng);
  const oh = convOutSize(padding, h, fh, sh), ow = convOutSize(padding, w, fw, sw);
  const model = singleOpModel({
    op: 'L2_POOL_2D',
    options: {
      type: 'Pool2DOptions',
      fields: { padding, stride_w: sw, stride_h: sh, filter_width: fw, filter_height: fh, fused_activation_function: act },
    },
    inputs: [tensor('float32', [n, h, w, c])],
    outputs: [tensor('float32', [n, oh, ow, c])],
  });
  return {
    model,
    inputs: [randomTensor(rng, 'float32', [n, h, w, c], { min: -3, max: 3 })],
    label: `[${n},${h},${w},${c}] ${fh}x${fw} /${sh}x${sw} ${padding} ${act}`,
  };
}

export const generators = {
  PAD: (rng) => padCase(rng, 'PAD'),
  PADV2: (rng) => padCase(rng, 'PADV2'),
  MIRROR_PAD: mirrorPadCase,
  SPACE_TO_BATCH_ND: spaceToBatchCase,
  BATCH_TO_SPACE_ND: batchToSpaceCase,
  SPACE_TO_DEPTH: (rng) => depthSpaceCase(rng, 'SPACE_TO_DEPTH'),
  DEPTH_TO_SPACE: (rng) => depthSpaceCase(rng, 'DEPTH_TO_SPACE'),
  SUM: sumCase,
  REDUCE_MAX: (rng) => minMaxCase(rng, 'REDUCE_MAX'),
  REDUCE_MIN: (rng) => minMaxCase(rng, 'REDUCE_MIN'),
  REDUCE_PROD: prodCase,
  REDUCE_ANY: (rng) => anyAllCase(rng, 'REDUCE_ANY'),
  REDUCE_ALL: (rng) => anyAllCase(rng, 'REDUCE_ALL'),
  CUMSUM: cumsumCase,
  L2_POOL_2D: l2PoolCase,
};
