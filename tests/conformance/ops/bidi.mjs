// BIDIRECTIONAL_SEQUENCE_LSTM (float32, and hybrid int8 weights with float
// activations, symmetric or asymmetric input quantization, time-major only:
// edgelite refuses TFLite's batch-major hybrid, which reads the input as
// time-major) and BIDIRECTIONAL_SEQUENCE_RNN (float32). Variants: merge_outputs
// or two outputs, time-major or batch-major, CIFG / peephole / projection
// (± bias) / clipping for the LSTM, fused activations, the auxiliary input as
// the backward cell's input (TFLite's "non-stacking" mode), and two ops
// chained over the same variable states (the second starts where the first
// left them, what consecutive Invoke() calls see). TFLite requires the
// forward and backward cells to have the same sizes.
import { randomTensor } from '../lib/gen.mjs';

const GATES = ['input', 'forget', 'cell', 'output'];
const f32 = (x) => Math.fround(x);
const floats = (rng, n, r) => randomTensor(rng, 'float32', n, { min: -r, max: r });

// LiteRT.js 2.5.3 refuses every model with variable tensors and hangs after a
// few hundred refused loads (see lstm.mjs): tfjs-tflite is the judge.
const ORACLE = { oracle: 'tfjs-tflite', oracleWhy: 'LiteRT.js 2.5.3 refuses variable (recurrent state) tensors' };

function chainedModel(tensors, add, makeOp, inShape, chained, aux) {
  const operators = [];
  const graphIn = [];
  const graphOut = [];
  for (let k = 0; k < (chained ? 2 : 1); k++) {
    const x = add({ name: k ? 'x2' : 'x', dtype: 'float32', shape: inShape });
    graphIn.push(x);
    let a = -1;
    if (aux) {
      a = add({ name: k ? 'aux2' : 'aux', dtype: 'float32', shape: inShape });
      graphIn.push(a);
    }
    const op = makeOp(x, a, k ? '2' : '');
    operators.push(op);
    graphOut.push(...op.outputs);
  }
  return { tensors, operators, inputs: graphIn, outputs: graphOut };
}

function lstmCase(rng) {
  const mode = rng.pickWeighted([['float32', 3], ['hybrid', 2]]);
  const timeMajor = mode === 'hybrid' ? true : rng.bool(0.5);
  const merge = rng.bool(0.6);
  // TFLite's float kernel, merged and batch-major, reads batch row b's output
  // state at b × the merged width, past the state buffer: edgelite refuses
  // batch > 1 there.
  const batch = merge && !timeMajor ? 1 : rng.pickWeighted([[1, 3], [2, 2], [3, 1]]);
  const time = rng.int(1, 4);
  const nIn = rng.int(1, 6);
  const nCell = rng.int(1, 7);
  const cifg = rng.bool(0.3);
  const peephole = rng.bool(0.3);
  const projection = rng.bool(0.3);
  const projBias = projection && rng.bool(0.5);
  const nOut = projection ? rng.int(1, 7) : nCell;

  const aux = rng.bool(0.2);
  const chained = rng.bool(0.25);
  const asymmetric = mode === 'hybrid' && rng.bool(0.5);
  const act = rng.pickWeighted([['TANH', 6], ['RELU', 1], ['RELU6', 1], ['RELU_N1_TO_1', 1], ['SIGN_BIT', 1], ['NONE', 1]]);
  const cellClip = rng.bool(0.3) ? f32(rng.float(0.3, 3)) : 0;
  const projClip = projection && rng.bool(0.4) ? f32(rng.float(0.1, 1)) : 0;

  const tensors = [];
  const add = (t) => {
    tensors.push(t);
    return tensors.length - 1;
  };
  const weight = (name, rows, cols) => {
    const n = cols === 0 ? rows : rows * cols;
    const shape = cols === 0 ? [rows] : [rows, cols];
    if (mode === 'float32') return add({ name, dtype: 'float32', shape, data: floats(rng, n, 0.6) });
    const scale = f32(rng.logUniform(0.002, 0.03));
    return add({ name, dtype: 'int8', shape, data: randomTensor(rng, 'int8', n, { min: -127, max: 127 }), quant: { scale, zeroPoint: 0 } });
  };
  // Slots 1..17 of one direction (-1 = absent), as UNIDIRECTIONAL_SEQUENCE_LSTM numbers them.
  const cell = (p) => {
    const s = new Array(18).fill(-1);
    for (let g = 0; g < 4; g++) {
      if (g === 0 && cifg) continue;
      s[1 + g] = weight(`${p}w_${GATES[g]}`, nCell, nIn);
      s[5 + g] = weight(`${p}r_${GATES[g]}`, nCell, nOut);
      s[12 + g] = add({ name: `${p}b_${GATES[g]}`, dtype: 'float32', shape: [nCell], data: floats(rng, nCell, 0.5) });
      if (peephole && g !== 2) s[g === 0 ? 9 : g === 1 ? 10 : 11] = weight(`${p}p_${GATES[g]}`, nCell, 0);
    }
    if (projection) {
      s[16] = weight(`${p}w_proj`, nOut, nCell);
      if (projBias) s[17] = add({ name: `${p}b_proj`, dtype: 'float32', shape: [nOut], data: floats(rng, nOut, 0.3) });
    }
    return s.slice(1);
  };
  const fw = cell('fw_');
  const bw = cell('bw_');
  const states = ['fw_h', 'fw_c', 'bw_h', 'bw_c'].map((name, i) =>
    add({ name, dtype: 'float32', shape: [batch, i % 2 ? nCell : nOut], isVariable: true }));
  const inShape = timeMajor ? [time, batch, nIn] : [batch, time, nIn];
  const outShape = (n) => inShape.slice(0, -1).concat([n]);
  const version = mode === 'hybrid' ? (asymmetric ? 3 : 2) : 1;
  const model = chainedModel(tensors, add, (x, a, suffix) => {
    const outputs = merge
      ? [add({ name: `y${suffix}`, dtype: 'float32', shape: outShape(2 * nOut) })]
      : [add({ name: `y_fw${suffix}`, dtype: 'float32', shape: outShape(nOut) }), add({ name: `y_bw${suffix}`, dtype: 'float32', shape: outShape(nOut) })];
    return {
      op: 'BIDIRECTIONAL_SEQUENCE_LSTM',
      version,
      inputs: [x, ...fw, ...bw, ...states, a, ...new Array(8).fill(-1)],
      outputs,
      options: {
        type: 'BidirectionalSequenceLSTMOptions',
        fields: { fused_activation_function: act, cell_clip: cellClip, proj_clip: projClip, merge_outputs: merge, time_major: timeMajor, asymmetric_quantize_inputs: asymmetric },
      },
    };
  }, inShape, chained, aux);
  const inputs = model.inputs.map((i) => randomTensor(rng, 'float32', tensors[i].shape, { min: -1.5, max: 1.5 }));
  const label =
    `${mode}${asymmetric ? ' asym' : ''} in[${inShape}] cells ${nCell} out ${nOut}` +
    `${cifg ? ' cifg' : ''}${peephole ? ' peephole' : ''}${projection ? ` proj${projBias ? '+bias' : ''}` : ''}` +
    `${timeMajor ? ' time-major' : ''}${merge ? ' merged' : ' 2 outputs'}${aux ? ' aux→bw' : ''}` +
    `${cellClip ? ` cclip ${cellClip.toFixed(2)}` : ''}${projClip ? ` pclip ${projClip.toFixed(2)}` : ''}` +
    `${act !== 'TANH' ? ` ${act}` : ''}${chained ? ' chained×2' : ''}`;
  return { model, inputs, label, ...ORACLE };
}

function rnnCase(rng) {
  const batch = rng.int(1, 3);
  const inputSize = rng.int(1, 8);
  const units = rng.int(1, 6);
  const time = rng.int(1, 5);
  const timeMajor = rng.bool(0.5);
  const merge = rng.bool(0.6);
  const aux = rng.bool(0.2);
  const chained = rng.bool(0.25);
  const act = rng.pickWeighted([['TANH', 4], ['RELU', 2], ['NONE', 1], ['RELU6', 1], ['RELU_N1_TO_1', 1]]);
  const scale = rng.pick([0.3, 0.6, 1]);
  const tensors = [];
  const add = (t) => {
    tensors.push(t);
    return tensors.length - 1;
  };
  const cell = (p) => [
    add({ name: `${p}input_weights`, dtype: 'float32', shape: [units, inputSize], data: floats(rng, units * inputSize, scale) }),
    add({ name: `${p}recurrent_weights`, dtype: 'float32', shape: [units, units], data: floats(rng, units * units, scale) }),
    add({ name: `${p}bias`, dtype: 'float32', shape: [units], data: randomTensor(rng, 'float32', [units]) }),
    add({ name: `${p}hidden_state`, dtype: 'float32', shape: [batch, units], isVariable: true }),
  ];
  const fw = cell('fw_');
  const bw = cell('bw_');
  const inShape = timeMajor ? [time, batch, inputSize] : [batch, time, inputSize];
  const outShape = (n) => inShape.slice(0, -1).concat([n]);
  const model = chainedModel(tensors, add, (x, a, suffix) => ({
    op: 'BIDIRECTIONAL_SEQUENCE_RNN',
    version: 1,
    inputs: [x, ...fw, ...bw, a, -1, -1],
    // TFLite shapes the separate backward output [batch, time, units] even
    // when time-major.
    outputs: merge
      ? [add({ name: `y${suffix}`, dtype: 'float32', shape: outShape(2 * units) })]
      : [add({ name: `y_fw${suffix}`, dtype: 'float32', shape: outShape(units) }), add({ name: `y_bw${suffix}`, dtype: 'float32', shape: [batch, time, units] })],
    options: { type: 'BidirectionalSequenceRNNOptions', fields: { time_major: timeMajor, fused_activation_function: act, merge_outputs: merge } },
  }), inShape, chained, aux);
  const inputs = model.inputs.map((i) => randomTensor(rng, 'float32', tensors[i].shape));
  const label = `float32 [${inShape}]${timeMajor ? ' time-major' : ' batch-major'} units ${units} ${act}${merge ? ' merged' : ' 2 outputs'}${aux ? ' aux→bw' : ''}${chained ? ' chained×2' : ''}`;
  return { model, inputs, label, ...ORACLE };
}

export const generators = {
  BIDIRECTIONAL_SEQUENCE_LSTM: lstmCase,
  BIDIRECTIONAL_SEQUENCE_RNN: rnnCase,
};
