// The "next tier" ops: TOPK_V2, SVDF, RNN / UNIDIRECTIONAL_SEQUENCE_RNN and
// friends. Random shapes, dtypes and options; values drawn from small sets
// now and then so that ties (TOPK_V2's lower-index-first rule) really occur.
import { broadcastPair, randomQuant, randomShape, randomTensor, singleOpModel } from '../lib/gen.mjs';

const quantized = (dtype) => dtype === 'int8' || dtype === 'uint8' || dtype === 'int16';

// Values with many repeats (ties) or spread out.
function tiedOrSpread(rng, dtype, shape) {
  const n = shape.reduce((a, d) => a * d, 1);
  if (rng.bool(0.5)) return randomTensor(rng, dtype, shape);
  const levels = rng.int(1, 4);
  const pick = () => rng.int(-levels, levels);
  switch (dtype) {
    case 'float32':
      return Float32Array.from({ length: n }, () => pick() * 0.25);
    case 'int64':
      return BigInt64Array.from({ length: n }, () => BigInt(pick()));
    case 'uint8':
      return Uint8Array.from({ length: n }, () => 100 + pick());
    case 'int8':
      return Int8Array.from({ length: n }, () => pick());
    case 'int16':
      return Int16Array.from({ length: n }, () => pick());
    default:
      return Int32Array.from({ length: n }, () => pick());
  }
}

function topkCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 2], ['uint8', 2], ['int32', 2]]);
  const shape = randomShape(rng, { rank: rng.int(1, 4), max: 9 });
  const row = shape[shape.length - 1];
  const k = rng.pickWeighted([[1, 2], [row, 1], [rng.int(1, row), 4]]); // k = 0 (empty outputs) crashes both peers
  const out = shape.slice(0, -1).concat([k]);
  const q = quantized(dtype) ? randomQuant(rng, dtype) : null;
  const t = (s, extra = {}) => ({ dtype, shape: s, ...(q ? { quant: { ...q } } : {}), ...extra });
  const model = singleOpModel({
    op: 'TOPK_V2',
    version: dtype === 'int8' ? 2 : 1,
    options: { type: 'TopKV2Options', fields: {} },
    inputs: [{ name: 'input', ...t(shape) }, { name: 'k', dtype: 'int32', shape: rng.bool(0.5) ? [1] : [], data: Int32Array.of(k) }],
    outputs: [{ name: 'values', ...t(out) }, { name: 'indices', dtype: 'int32', shape: out }],
  });
  return { model, inputs: [tiedOrSpread(rng, dtype, shape)], label: `${dtype} [${shape}] k=${k}` };
}

// SVDF: 1-3 SVDF nodes share one variable state tensor, so a case runs that
// many time steps in one Invoke (each node shifts the state and adds its
// input's feature activations); every node has its own input and output.
function svdfCase(rng) {
  const int8 = rng.bool(0.5);
  const batch = rng.int(1, 3);
  const inputSize = rng.int(1, 8);
  const rank = rng.int(1, 3);
  const units = rng.int(1, 4);
  const filters = units * rank;
  const memory = rng.int(1, 6);
  const steps = rng.int(1, 3);
  const hasBias = rng.bool(0.7);
  const tensors = [];
  const act = int8 ? 'RELU' : rng.pick(['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1', 'TANH']);
  let xq, oq, wfq, wtq, sq;
  if (int8) {
    xq = randomQuant(rng, 'int8', { minScale: 0.01, maxScale: 0.1 });
    wfq = { scale: rng.logUniform(0.002, 0.02), zeroPoint: 0 };
    const featMax = 127 * 2 * xq.scale * 127 * wfq.scale * Math.sqrt(inputSize);
    sq = { scale: (featMax / 32767) * rng.logUniform(0.3, 3), zeroPoint: 0 };
    wtq = { scale: rng.logUniform(1e-5, 1e-4), zeroPoint: 0 };
    const outMax = featMax * 32767 * wtq.scale * Math.sqrt(memory * rank);
    oq = { scale: (outMax / 127) * rng.logUniform(0.05, 1), zeroPoint: rng.int(-20, 20) };
    tensors.push({ name: 'weights_feature', dtype: 'int8', shape: [filters, inputSize], quant: wfq, data: randomTensor(rng, 'int8', [filters, inputSize], { min: -127, max: 127 }) });
    tensors.push({ name: 'weights_time', dtype: 'int16', shape: [filters, memory], quant: wtq, data: randomTensor(rng, 'int16', [filters, memory]) });
    if (hasBias) tensors.push({ name: 'bias', dtype: 'int32', shape: [units], data: randomTensor(rng, 'int32', [units], { min: -30000, max: 30000 }) });
    tensors.push({ name: 'state', dtype: 'int16', shape: [batch, filters * memory], quant: sq, isVariable: true });
  } else {
    tensors.push({ name: 'weights_feature', dtype: 'float32', shape: [filters, inputSize], data: randomTensor(rng, 'float32', [filters, inputSize]) });
    tensors.push({ name: 'weights_time', dtype: 'float32', shape: [filters, memory], data: randomTensor(rng, 'float32', [filters, memory]) });
    if (hasBias) tensors.push({ name: 'bias', dtype: 'float32', shape: [units], data: randomTensor(rng, 'float32', [units]) });
    tensors.push({ name: 'state', dtype: 'float32', shape: [batch, filters * memory], isVariable: true });
  }
  const dtype = int8 ? 'int8' : 'float32';
  const operators = [];
  const inputs = [];
  const outputs = [];
  const data = [];
  for (let s = 0; s < steps; s++) {
    tensors.push({ name: `x${s}`, dtype, shape: [batch, inputSize], ...(int8 ? { quant: { ...xq } } : {}) });
    tensors.push({ name: `y${s}`, dtype, shape: [batch, units], ...(int8 ? { quant: { ...oq } } : {}) });
    operators.push({
      op: 'SVDF',
      version: int8 ? 3 : 1,
      inputs: [`x${s}`, 'weights_feature', 'weights_time', hasBias ? 'bias' : -1, 'state'],
      outputs: [`y${s}`],
      options: { type: 'SVDFOptions', fields: { rank, fused_activation_function: act } },
    });
    inputs.push(`x${s}`);
    outputs.push(`y${s}`);
    data.push(randomTensor(rng, dtype, [batch, inputSize]));
  }
  return {
    model: { tensors, operators, inputs, outputs },
    inputs: data,
    label: `${dtype} batch ${batch} input ${inputSize} filters ${filters} (rank ${rank}) memory ${memory} ${steps} step(s) ${hasBias ? 'bias' : 'no bias'} ${act}`,
  };
}

// RNN / UNIDIRECTIONAL_SEQUENCE_RNN (float32): 1-3 nodes share one variable
// hidden state, so the state carries from node to node within one Invoke.
function rnnCase(rng, sequence) {
  const batch = rng.int(1, 3);
  const inputSize = rng.int(1, 8);
  const units = rng.int(1, 6);
  const time = sequence ? rng.int(1, 5) : 1;
  const timeMajor = sequence && rng.bool(0.5);
  const nodes = rng.int(1, sequence ? 2 : 3);
  const act = rng.pickWeighted([['TANH', 4], ['RELU', 2], ['NONE', 1], ['RELU6', 1], ['RELU_N1_TO_1', 1]]);
  const scale = rng.pick([0.3, 0.6, 1]);
  const tensors = [
    { name: 'input_weights', dtype: 'float32', shape: [units, inputSize], data: randomTensor(rng, 'float32', [units, inputSize], { min: -scale, max: scale }) },
    { name: 'recurrent_weights', dtype: 'float32', shape: [units, units], data: randomTensor(rng, 'float32', [units, units], { min: -scale, max: scale }) },
    { name: 'bias', dtype: 'float32', shape: [units], data: randomTensor(rng, 'float32', [units]) },
    { name: 'hidden_state', dtype: 'float32', shape: [batch, units], isVariable: true },
  ];
  const inShape = sequence ? (timeMajor ? [time, batch, inputSize] : [batch, time, inputSize]) : [batch, inputSize];
  const outShape = inShape.slice(0, -1).concat([units]);
  const operators = [];
  const inputs = [];
  const outputs = [];
  const data = [];
  for (let s = 0; s < nodes; s++) {
    tensors.push({ name: `x${s}`, dtype: 'float32', shape: inShape });
    tensors.push({ name: `y${s}`, dtype: 'float32', shape: outShape });
    operators.push({
      op: sequence ? 'UNIDIRECTIONAL_SEQUENCE_RNN' : 'RNN',
      version: 1,
      inputs: [`x${s}`, 'input_weights', 'recurrent_weights', 'bias', 'hidden_state'],
      outputs: [`y${s}`],
      options: sequence
        ? { type: 'SequenceRNNOptions', fields: { time_major: timeMajor, fused_activation_function: act } }
        : { type: 'RNNOptions', fields: { fused_activation_function: act } },
    });
    inputs.push(`x${s}`);
    outputs.push(`y${s}`);
    data.push(randomTensor(rng, 'float32', inShape));
  }
  return {
    model: { tensors, operators, inputs, outputs },
    inputs: data,
    label: `float32 [${inShape}]${sequence ? (timeMajor ? ' time-major' : ' batch-major') : ''} units ${units} ${act} ${nodes} node(s)`,
  };
}

// EMBEDDING_LOOKUP: a constant (or input) table of rank 2-4, int32 ids in
// range (repeats welcome); same-type copies and the hybrid int8 -> float32.
function embeddingCase(rng) {
  const kind = rng.pickWeighted([['float32', 3], ['int8', 2], ['uint8', 1], ['int32', 1], ['hybrid', 2]]);
  const vtype = kind === 'hybrid' ? 'int8' : kind;
  const otype = kind === 'hybrid' ? 'float32' : kind;
  const rows = rng.int(1, 8);
  const shape = [rows, ...randomShape(rng, { rank: rng.int(1, 3), max: 5 })];
  const nIds = rng.int(1, 6);
  const q = quantized(vtype) ? (kind === 'hybrid' ? { scale: rng.logUniform(0.001, 0.1), zeroPoint: 0 } : randomQuant(rng, vtype)) : null;
  const tableConst = kind === 'hybrid' || rng.bool(0.7);
  const table = randomTensor(rng, vtype, shape);
  const model = singleOpModel({
    op: 'EMBEDDING_LOOKUP',
    inputs: [
      { name: 'ids', dtype: 'int32', shape: [nIds] },
      { name: 'value', dtype: vtype, shape, ...(q ? { quant: { ...q } } : {}), ...(tableConst ? { data: table } : {}) },
    ],
    outputs: [{ name: 'output', dtype: otype, shape: [nIds, ...shape.slice(1)], ...(q && kind !== 'hybrid' ? { quant: { ...q } } : {}) }],
  });
  const ids = Int32Array.from({ length: nIds }, () => rng.int(0, rows - 1));
  return { model, inputs: tableConst ? [ids] : [ids, table], label: `${kind} table [${shape}]${tableConst ? ' const' : ''} ids [${ids}]` };
}

// DYNAMIC_UPDATE_SLICE: any dtype, starts as an input (int32 or int64),
// in range or out of it (TFLite clamps).
function dynamicUpdateSliceCase(rng) {
  // No uint8: TFLite's kernel lacks it. int64 starts are constants (LiteRT.js
  // takes no int64 inputs; tfjs-tflite lacks v2).
  // int64 and bool operands are not judged: neither peer passes them as graph I/O.
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 2], ['int32', 1]]);
  const shape = randomShape(rng, { rank: rng.int(1, 4), max: 6 });
  const ushape = shape.map((d) => rng.int(1, d));
  const stype = rng.pickWeighted([['int32', 3], ['int64', 1]]);
  const startsConst = stype === 'int64' || rng.bool(0.3);
  const q = quantized(dtype) ? randomQuant(rng, dtype) : null;
  const t = (name, s) => ({ name, dtype, shape: s, ...(q ? { quant: { ...q } } : {}) });
  const starts = shape.map((d, i) => (rng.bool(0.8) ? rng.int(0, d - ushape[i]) : rng.int(-3, d + 3)));
  const startArr = stype === 'int64' ? BigInt64Array.from(starts.map(BigInt)) : Int32Array.from(starts);
  const model = singleOpModel({
    op: 'DYNAMIC_UPDATE_SLICE',
    version: stype === 'int64' ? 2 : 1,
    inputs: [t('operand', shape), t('update', ushape), { name: 'start', dtype: stype, shape: [shape.length], ...(startsConst ? { data: startArr } : {}) }],
    outputs: [t('output', shape)],
  });
  return {
    model,
    inputs: [randomTensor(rng, dtype, shape), randomTensor(rng, dtype, ushape), ...(startsConst ? [] : [startArr])],
    label: `${dtype} [${shape}] <- [${ushape}] at ${stype}${startsConst ? ' const' : ''} [${starts}]`,
  };
}

// REVERSE_SEQUENCE: rank 2-4, seq_dim and batch_dim anywhere (distinct),
// lengths in [0, seq size] as an int32 or int64 input.
function reverseSequenceCase(rng) {
  // int64 only as constant seq_lengths: neither peer passes int64 graph inputs.
  const dtype = rng.pickWeighted([['float32', 3], ['uint8', 1], ['int16', 1], ['int32', 2]]);
  const shape = randomShape(rng, { rank: rng.int(2, 4), max: 6 });
  const dims = rng.shuffle([...shape.keys()]);
  const [seqDim, batchDim] = dims;
  const ltype = rng.pickWeighted([['int32', 3], ['int64', 1]]);
  const lconst = ltype === 'int64' || rng.bool(0.3);
  const lens = Array.from({ length: shape[batchDim] }, () => rng.int(0, shape[seqDim]));
  const larr = ltype === 'int64' ? BigInt64Array.from(lens.map(BigInt)) : Int32Array.from(lens);
  const q = dtype === 'uint8' || dtype === 'int16' ? (dtype === 'uint8' ? randomQuant(rng, dtype) : { scale: 0.01, zeroPoint: 0 }) : null;
  const t = (name) => ({ name, dtype, shape, ...(q ? { quant: { ...q } } : {}) });
  const model = singleOpModel({
    op: 'REVERSE_SEQUENCE',
    options: { type: 'ReverseSequenceOptions', fields: { seq_dim: seqDim, batch_dim: batchDim } },
    inputs: [t('input'), { name: 'seq_lengths', dtype: ltype, shape: [lens.length], ...(lconst ? { data: larr } : {}) }],
    outputs: [t('output')],
  });
  return {
    model,
    inputs: [randomTensor(rng, dtype, shape), ...(lconst ? [] : [larr])],
    label: `${dtype} [${shape}] seq_dim ${seqDim} batch_dim ${batchDim} ${ltype}${lconst ? ' const' : ''} lengths [${lens}]`,
  };
}

// ATAN2: float32, equal shapes, all four quadrants, zeros now and then.
function atan2Case(rng) {
  const shape = randomShape(rng, { rank: rng.int(1, 4), max: 7 });
  const y = randomTensor(rng, 'float32', shape, { min: -3, max: 3 });
  const x = randomTensor(rng, 'float32', shape, { min: -3, max: 3 });
  for (let i = 0; i < x.length; i++) {
    if (rng.bool(0.05)) x[i] = 0;
    if (rng.bool(0.05)) y[i] = rng.bool() ? 0 : -0;
  }
  const model = singleOpModel({
    op: 'ATAN2',
    inputs: [{ name: 'y', dtype: 'float32', shape }, { name: 'x', dtype: 'float32', shape }],
    outputs: [{ name: 'output', dtype: 'float32', shape }],
  });
  return { model, inputs: [y, x], label: `float32 [${shape}]` };
}

// BUCKETIZE: sorted boundaries (with repeats), values hitting them exactly.
function bucketizeCase(rng) {
  // No int64 input: neither peer passes int64 graph inputs.
  const dtype = rng.pickWeighted([['float32', 3], ['int32', 2]]);
  const shape = randomShape(rng, { rank: rng.int(1, 4), max: 7 });
  const nb = rng.int(0, 8);
  const boundaries = Array.from({ length: nb }, () => (dtype === 'float32' ? rng.float(-5, 5) : rng.int(-10, 10) + (rng.bool(0.3) ? 0.5 : 0)));
  boundaries.sort((a, b) => a - b);
  const fb = Float32Array.from(boundaries);
  let x;
  if (dtype === 'float32') {
    x = randomTensor(rng, 'float32', shape, { min: -6, max: 6 });
    for (let i = 0; i < x.length; i++) if (nb && rng.bool(0.2)) x[i] = fb[rng.int(0, nb - 1)];
  } else {
    x = randomTensor(rng, dtype, shape, { min: -12, max: 12 });
  }
  const model = singleOpModel({
    op: 'BUCKETIZE',
    options: { type: 'BucketizeOptions', fields: { boundaries: Array.from(fb) } },
    inputs: [{ name: 'input', dtype, shape }],
    outputs: [{ name: 'output', dtype: 'int32', shape }],
  });
  return { model, inputs: [x], label: `${dtype} [${shape}] boundaries [${Array.from(fb).map((v) => v.toFixed(3))}]` };
}

function anyDtype(rng) {
  // No int64: neither peer passes int64 graph inputs.
  return rng.pickWeighted([['float32', 3], ['int8', 2], ['uint8', 1], ['int32', 2]]);
}
function maybeQuant(rng, dtype) {
  return quantized(dtype) ? { quant: randomQuant(rng, dtype) } : {};
}

// MATRIX_DIAG / MATRIX_SET_DIAG: batched, square and not.
function matrixDiagCase(rng) {
  const dtype = anyDtype(rng);
  const shape = randomShape(rng, { rank: rng.int(1, 3), max: 6 });
  const q = maybeQuant(rng, dtype);
  const out = shape.concat([shape[shape.length - 1]]);
  const model = singleOpModel({
    op: 'MATRIX_DIAG',
    inputs: [{ name: 'diagonal', dtype, shape, ...q }],
    outputs: [{ name: 'output', dtype, shape: out, ...q }],
  });
  return { model, inputs: [randomTensor(rng, dtype, shape)], label: `${dtype} [${shape}] -> [${out}]` };
}

function matrixSetDiagCase(rng) {
  const dtype = anyDtype(rng);
  const shape = randomShape(rng, { rank: rng.int(2, 4), max: 6 });
  const r = shape.length;
  const dshape = shape.slice(0, -2).concat([Math.min(shape[r - 2], shape[r - 1])]);
  const q = maybeQuant(rng, dtype);
  const model = singleOpModel({
    op: 'MATRIX_SET_DIAG',
    inputs: [{ name: 'input', dtype, shape, ...q }, { name: 'diagonal', dtype, shape: dshape, ...q }],
    outputs: [{ name: 'output', dtype, shape, ...q }],
  });
  return { model, inputs: [randomTensor(rng, dtype, shape), randomTensor(rng, dtype, dshape)], label: `${dtype} [${shape}] diag [${dshape}]` };
}

// SEGMENT_SUM: constant ids from 0 growing by 0 or 1 (TFLite's rule) and
// constant data (with non-constant data TFLite's output is dynamic and both
// peers return an unwritten buffer); an ADD with a graph input follows so
// the graph has an input (edgelite folds the SEGMENT_SUM at prepare time).
function segmentSumCase(rng) {
  const dtype = rng.pick(['float32', 'int32']);
  const shape = randomShape(rng, { rank: rng.int(1, 3), max: 6 });
  const n = shape[0];
  const ids = [0];
  for (let i = 1; i < n; i++) ids.push(ids[i - 1] + (rng.bool(0.5) ? 1 : 0));
  const out = [ids[n - 1] + 1, ...shape.slice(1)];
  const model = {
    tensors: [
      { name: 'data', dtype, shape, data: randomTensor(rng, dtype, shape) },
      { name: 'segment_ids', dtype: 'int32', shape: [n], data: Int32Array.from(ids) },
      { name: 'sum', dtype, shape: out },
      { name: 'x', dtype, shape: out },
      { name: 'output', dtype, shape: out },
    ],
    operators: [
      { op: 'SEGMENT_SUM', inputs: ['data', 'segment_ids'], outputs: ['sum'] },
      { op: 'ADD', inputs: ['sum', 'x'], outputs: ['output'] },
    ],
    inputs: ['x'],
    outputs: ['output'],
  };
  return { model, inputs: [randomTensor(rng, dtype, out)], label: `${dtype} const [${shape}] ids [${ids}] (+ x)` };
}

// UNSORTED_SEGMENT_*: constant ids (with non-constant ids TFLite's output is
// dynamic, which the peers do not return) of rank 1-2 over the data's
// leading dims, some negative (skipped), constant num_segments (empty
// segments keep the initial value).
function unsortedSegmentCase(rng, op) {
  const dtype = rng.pick(['float32', 'int32']);
  const shape = randomShape(rng, { rank: rng.int(1, 3), max: 5 });
  const idRank = rng.int(1, shape.length);
  const idShape = shape.slice(0, idRank);
  const segments = rng.int(1, 5);
  const ids = Int32Array.from({ length: idShape.reduce((a, d) => a * d, 1) }, () => (rng.bool(0.1) ? -1 : rng.int(0, segments - 1)));
  const out = [segments, ...shape.slice(idRank)];
  const model = singleOpModel({
    op,
    inputs: [
      { name: 'data', dtype, shape },
      { name: 'segment_ids', dtype: 'int32', shape: idShape, data: ids },
      { name: 'num_segments', dtype: 'int32', shape: rng.bool() ? [] : [1], data: Int32Array.of(segments) },
    ],
    outputs: [{ name: 'output', dtype, shape: out }],
  });
  const range = op === 'UNSORTED_SEGMENT_PROD' ? { min: -3, max: 3 } : {};
  return { model, inputs: [randomTensor(rng, dtype, shape, range)], label: `${dtype} [${shape}] ids [${idShape}] = [${ids}] segments ${segments}` };
}

// SCATTER_ND: constant shape, indices as an input (in range, duplicates
// welcome: they add up), element or slice updates.
function scatterNdCase(rng) {
  // No int64 updates: neither peer passes int64 graph I/O.
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 1], ['uint8', 1], ['int32', 2]]);
  const shape = randomShape(rng, { rank: rng.int(1, 4), max: 5 });
  const k = rng.int(1, shape.length);
  const outer = randomShape(rng, { rank: rng.int(1, 2), max: 4 });
  const n = outer.reduce((a, d) => a * d, 1);
  const idx = new Int32Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) idx[i * k + j] = rng.int(0, shape[j] - 1);
  const ushape = outer.concat(shape.slice(k));
  const q = quantized(dtype) ? { quant: randomQuant(rng, dtype) } : {};
  const model = singleOpModel({
    op: 'SCATTER_ND',
    inputs: [
      { name: 'indices', dtype: 'int32', shape: outer.concat([k]) },
      { name: 'updates', dtype, shape: ushape, ...q },
      { name: 'shape', dtype: 'int32', shape: [shape.length], data: Int32Array.from(shape) },
    ],
    outputs: [{ name: 'output', dtype, shape, ...q }],
  });
  const range = dtype === 'float32' ? { min: -2, max: 2 } : quantized(dtype) ? { min: -20, max: 20 } : {};
  if (dtype === 'uint8') range.min = 0;
  return { model, inputs: [idx, randomTensor(rng, dtype, ushape, range)], label: `${dtype} shape [${shape}] indices [${outer},${k}] updates [${ushape}]` };
}

// RIGHT_SHIFT / BITWISE_XOR: int8, uint8, int16, int32, broadcasting up to
// rank 4; shifts include negative and too-large amounts (TFLite clamps).
function bitwiseCase(rng, op) {
  const dtype = rng.pick(['int8', 'uint8', 'int16', 'int32']);
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 4), max: 5 });
  const bits = { int8: 8, uint8: 8, int16: 16, int32: 32 }[dtype];
  const x = randomTensor(rng, dtype, a, dtype === 'int32' ? { min: -2147483648, max: 2147483647 } : {});
  const y = op === 'RIGHT_SHIFT'
    ? randomTensor(rng, dtype, b, { min: dtype === 'uint8' ? 0 : -2, max: Math.min(bits + 2, dtype === 'int8' ? 127 : 255) })
    : randomTensor(rng, dtype, b, dtype === 'int32' ? { min: -2147483648, max: 2147483647 } : {});
  // int8/int16 get a unit scale (ignored by the op) so that LiteRT.js can
  // judge them through its QUANTIZE/DEQUANTIZE wrap (exact at scale 1);
  // tfjs-tflite predates these ops.
  const q = dtype === 'int8' || dtype === 'int16' ? { quant: { scale: 1, zeroPoint: 0 } } : {};
  const model = singleOpModel({
    op,
    inputs: [{ name: 'x', dtype, shape: a, ...q }, { name: 'y', dtype, shape: b, ...q }],
    outputs: [{ name: 'output', dtype, shape: out, ...q }],
  });
  return { model, inputs: [x, y], label: `${dtype} [${a}] ${op} [${b}] -> [${out}]` };
}

// BROADCAST_ARGS: two compatible shapes as int32 inputs (int64 I/O passes
// through neither peer; the int64 path is unit-tested).
function broadcastArgsCase(rng) {
  const dtype = 'int32';
  const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 5), max: 6 });
  const arr = (v) => (dtype === 'int64' ? BigInt64Array.from(v.map(BigInt)) : Int32Array.from(v));
  const model = singleOpModel({
    op: 'BROADCAST_ARGS',
    inputs: [{ name: 's0', dtype, shape: [a.length] }, { name: 's1', dtype, shape: [b.length] }],
    outputs: [{ name: 'output', dtype, shape: [out.length] }],
  });
  return { model, inputs: [arr(a), arr(b)], label: `${dtype} [${a}] with [${b}] -> [${out}]` };
}

// NON_MAX_SUPPRESSION_V4/V5: clustered random boxes (so IoUs cover the
// range), corners in either order now and then, distinct scores (the order of
// exact ties is up to the heap implementation), constant max_output_size,
// thresholds and sigma as constants.
function nmsCase(rng, v5) {
  const n = rng.int(1, 12);
  const boxes = new Float32Array(n * 4);
  const centers = Array.from({ length: rng.int(1, 3) }, () => [rng.float(0, 1), rng.float(0, 1)]);
  for (let i = 0; i < n; i++) {
    const [cy, cx] = rng.pick(centers);
    const h = rng.float(0.05, 0.5), w = rng.float(0.05, 0.5);
    const y = cy + rng.float(-0.15, 0.15), x = cx + rng.float(-0.15, 0.15);
    let b = [y - h / 2, x - w / 2, y + h / 2, x + w / 2];
    if (rng.bool(0.2)) b = [b[2], b[3], b[0], b[1]];
    boxes.set(b, i * 4);
  }
  const perm = rng.shuffle([...Array(n).keys()]);
  const scores = Float32Array.from({ length: n }, (_, i) => (perm[i] + rng.float(0.05, 0.95)) / n);
  const maxOut = rng.int(0, n + 2);
  const iou = rng.pick([0.3, 0.5, 0.7, rng.float(0.1, 0.9)]);
  const scoreT = rng.pick([0, 0.1, 0.4, -1]);
  const sigma = v5 ? rng.pick([0, 0, 0.3, 0.5, 1]) : 0;
  const scalar = (name, dtype, v) => ({ name, dtype, shape: [], data: dtype === 'int32' ? Int32Array.of(v) : Float32Array.of(v) });
  const inputs = [
    { name: 'boxes', dtype: 'float32', shape: [n, 4] },
    { name: 'scores', dtype: 'float32', shape: [n] },
    scalar('max_output_size', 'int32', maxOut),
    scalar('iou_threshold', 'float32', iou),
    scalar('score_threshold', 'float32', scoreT),
  ];
  if (v5) inputs.push(scalar('soft_nms_sigma', 'float32', sigma));
  const outputs = [{ name: 'selected_indices', dtype: 'int32', shape: [maxOut] }];
  if (v5) outputs.push({ name: 'selected_scores', dtype: 'float32', shape: [maxOut] });
  outputs.push({ name: 'valid_outputs', dtype: 'int32', shape: [] });
  const model = singleOpModel({ op: v5 ? 'NON_MAX_SUPPRESSION_V5' : 'NON_MAX_SUPPRESSION_V4', inputs, outputs });
  return { model, inputs: [boxes, scores], label: `${n} boxes max ${maxOut} iou ${iou.toFixed(3)} score > ${scoreT}${v5 ? ` sigma ${sigma}` : ''}` };
}

export const generators = {
  NON_MAX_SUPPRESSION_V4: (rng) => nmsCase(rng, false),
  NON_MAX_SUPPRESSION_V5: (rng) => nmsCase(rng, true),
  RIGHT_SHIFT: (rng) => bitwiseCase(rng, 'RIGHT_SHIFT'),
  BITWISE_XOR: (rng) => bitwiseCase(rng, 'BITWISE_XOR'),
  BROADCAST_ARGS: broadcastArgsCase,
  SCATTER_ND: scatterNdCase,
  SEGMENT_SUM: segmentSumCase,
  UNSORTED_SEGMENT_SUM: (rng) => unsortedSegmentCase(rng, 'UNSORTED_SEGMENT_SUM'),
  UNSORTED_SEGMENT_MAX: (rng) => unsortedSegmentCase(rng, 'UNSORTED_SEGMENT_MAX'),
  UNSORTED_SEGMENT_MIN: (rng) => unsortedSegmentCase(rng, 'UNSORTED_SEGMENT_MIN'),
  UNSORTED_SEGMENT_PROD: (rng) => unsortedSegmentCase(rng, 'UNSORTED_SEGMENT_PROD'),
  MATRIX_DIAG: matrixDiagCase,
  MATRIX_SET_DIAG: matrixSetDiagCase,
  ATAN2: atan2Case,
  BUCKETIZE: bucketizeCase,
  REVERSE_SEQUENCE: reverseSequenceCase,
  DYNAMIC_UPDATE_SLICE: dynamicUpdateSliceCase,
  EMBEDDING_LOOKUP: embeddingCase,
  RNN: (rng) => rnnCase(rng, false),
  UNIDIRECTIONAL_SEQUENCE_RNN: (rng) => rnnCase(rng, true),
  TOPK_V2: topkCase,
  SVDF: svdfCase,
};
