// UNIDIRECTIONAL_SEQUENCE_LSTM and LSTM (FULL kernel): float32, hybrid (int8
// weights, float activations, symmetric or asymmetric input quantization)
// and integer 8x8→16 (int8 activations and weights, int16 cell state, the
// gate/hidden quantization in the 5 intermediate tensors). Variants: CIFG,
// peephole, projection (± bias), layer norm (24 inputs; else sometimes the
// legacy 20-input form), cell/projection clipping, time-major, odd sizes,
// batch > 1 and, for the sequence op, two ops chained over the same variable
// states (the second starts from the state the first left: what consecutive
// Invoke() calls see).
import { randomTensor } from '../lib/gen.mjs';

const GATES = ['input', 'forget', 'cell', 'output'];

function f32(x) {
  return Math.fround(x);
}

// Float weights in [-r, r].
function floats(rng, n, r) {
  return randomTensor(rng, 'float32', n, { min: -r, max: r });
}

// Symmetric int8 weights with a random scale; values over most of the range.
function int8Weights(rng, n) {
  const scale = f32(rng.logUniform(0.002, 0.03));
  return { data: randomTensor(rng, 'int8', n, { min: -127, max: 127 }), quant: { scale, zeroPoint: 0 } };
}

function makeCase(rng, { sequence }) {
  const mode = rng.pickWeighted([['float32', 3], ['hybrid', 2], ['int8', 4]]);
  const batch = rng.pickWeighted([[1, 3], [2, 2], [3, 1]]);
  const time = sequence ? rng.int(1, 4) : 1;
  const nIn = rng.int(1, 6);
  const nCell = rng.int(1, 8);
  const cifg = rng.bool(0.3);
  const peephole = rng.bool(0.3);
  const projection = rng.bool(0.3);
  const projBias = projection && rng.bool(0.5);
  const layerNorm = rng.bool(0.3);
  // TFLite reads past its integer peephole buffers when a projection makes
  // the output larger than the cell (edgelite refuses that).
  let nOut = projection ? rng.int(1, 8) : nCell;
  if (mode === 'int8' && peephole && nOut > nCell) nOut = nCell;
  const timeMajor = sequence && rng.bool(0.4);
  const chained = sequence && rng.bool(0.25);
  const legacy20 = !layerNorm && rng.bool(0.2);
  const asymmetric = mode === 'hybrid' && rng.bool(0.5);
  // Float activations other than TANH only in float/hybrid (integer ignores it).
  const act = mode === 'int8' ? 'TANH' : rng.pickWeighted([['TANH', 6], ['RELU', 1], ['RELU6', 1], ['RELU_N1_TO_1', 1], ['SIGN_BIT', 1], ['NONE', 2]]);
  const cellClip = rng.bool(0.3) ? f32(rng.float(0.3, 3)) : 0;
  const projClip = projection && rng.bool(0.4) ? f32(rng.float(0.1, 1)) : 0;

  const tensors = [];
  const add = (t) => {
    tensors.push(t);
    return tensors.length - 1;
  };
  const slots = new Array(24).fill(-1);
  const inShape = sequence ? (timeMajor ? [time, batch, nIn] : [batch, time, nIn]) : [batch, nIn];
  const outShape = inShape.slice(0, -1).concat([nOut]);

  // Activation quantization (int8 mode).
  const inQ = { scale: f32(rng.logUniform(0.004, 0.05)), zeroPoint: rng.int(-40, 40) };
  const stateQ = { scale: f32(rng.logUniform(0.003, 0.02)), zeroPoint: rng.int(-30, 30) };
  const cellLog2 = rng.pickWeighted([[-11, 3], [-12, 2], [-10, 1], [-13, 1], [-9, 1], [-15, 1]]);
  const hiddenQ = { scale: f32(rng.logUniform(0.003, 0.02)), zeroPoint: rng.pickWeighted([[0, 2], [rng.int(-20, 20), 1]]) };

  const weight = (name, rows, cols) => {
    const n = cols === 0 ? rows : rows * cols;
    const shape = cols === 0 ? [rows] : [rows, cols];
    if (mode === 'float32') return add({ name, dtype: 'float32', shape, data: floats(rng, n, 0.6) });
    const w = int8Weights(rng, n);
    return add({ name, dtype: 'int8', shape, data: w.data, quant: w.quant });
  };
  const gateBias = (name) => {
    if (mode !== 'int8') return add({ name, dtype: 'float32', shape: [nCell], data: floats(rng, nCell, 0.5) });
    // Raw int32 added to the gate accumulator (scale input·weight); real ±1.
    const r = Math.round(1 / (inQ.scale * 0.01));
    return add({ name, dtype: 'int32', shape: [nCell], data: randomTensor(rng, 'int32', nCell, { min: -r, max: r }), quant: { scale: f32(inQ.scale * 0.01), zeroPoint: 0 } });
  };

  slots[0] = add({ name: 'x', dtype: mode === 'int8' ? 'int8' : 'float32', shape: inShape, ...(mode === 'int8' ? { quant: inQ } : {}) });
  for (let g = 0; g < 4; g++) {
    if (g === 0 && cifg) continue;
    slots[1 + g] = weight(`w_${GATES[g]}`, nCell, nIn);
    slots[5 + g] = weight(`r_${GATES[g]}`, nCell, nOut);
    slots[12 + g] = gateBias(`b_${GATES[g]}`);
    if (peephole && g !== 2) {
      const s = g === 0 ? 9 : g === 1 ? 10 : 11;
      if (mode === 'int8') {
        const scale = f32(rng.logUniform(1e-4, 1e-2));
        slots[s] = add({ name: `p_${GATES[g]}`, dtype: 'int16', shape: [nCell], data: randomTensor(rng, 'int16', nCell, { min: -Math.round(0.5 / scale), max: Math.round(0.5 / scale) }), quant: { scale, zeroPoint: 0 } });
      } else {
        slots[s] = weight(`p_${GATES[g]}`, nCell, 0);
      }
    }
    if (layerNorm) {
      if (mode === 'int8') {
        const scale = f32(rng.logUniform(1e-4, 1e-3));
        const data = Int16Array.from({ length: nCell }, () => Math.round(rng.float(0.5, 1.5) / scale));
        slots[20 + g] = add({ name: `ln_${GATES[g]}`, dtype: 'int16', shape: [nCell], data, quant: { scale, zeroPoint: 0 } });
      } else {
        slots[20 + g] = add({ name: `ln_${GATES[g]}`, dtype: 'float32', shape: [nCell], data: Float32Array.from({ length: nCell }, () => rng.float(0.5, 1.5)) });
      }
    }
  }
  if (projection) {
    slots[16] = weight('w_proj', nOut, nCell);
    if (projBias) {
      if (mode === 'int8') {
        const r = Math.round(0.5 / (hiddenQ.scale * 0.01));
        slots[17] = add({ name: 'b_proj', dtype: 'int32', shape: [nOut], data: randomTensor(rng, 'int32', nOut, { min: -r, max: r }), quant: { scale: f32(hiddenQ.scale * 0.01), zeroPoint: 0 } });
      } else {
        slots[17] = add({ name: 'b_proj', dtype: 'float32', shape: [nOut], data: floats(rng, nOut, 0.3) });
      }
    }
  }
  const actDtype = mode === 'int8' ? 'int8' : 'float32';
  slots[18] = add({ name: 'h_state', dtype: actDtype, shape: [batch, nOut], isVariable: true, ...(mode === 'int8' ? { quant: stateQ } : {}) });
  slots[19] = add({
    name: 'c_state', dtype: mode === 'int8' ? 'int16' : 'float32', shape: [batch, nCell], isVariable: true,
    ...(mode === 'int8' ? { quant: { scale: f32(2 ** cellLog2), zeroPoint: 0 } } : {}),
  });
  // Output quantization: the state's (as converters write it), sometimes not.
  const outQ = rng.bool(0.8) ? stateQ : { scale: f32(rng.logUniform(0.003, 0.02)), zeroPoint: rng.int(-30, 30) };
  const intermediates = [];
  if (mode === 'int8') {
    for (let g = 0; g < 4; g++) {
      intermediates.push(add(layerNorm
        ? { name: `gate_${GATES[g]}`, dtype: 'int16', shape: [0], quant: { scale: f32(rng.logUniform(1e-4, 6e-4)), zeroPoint: 0 } }
        : { name: `gate_${GATES[g]}`, dtype: 'float32', shape: [0] }));
    }
    intermediates.push(add({ name: 'hidden', dtype: 'int8', shape: [0], quant: hiddenQ }));
  }
  const opInputs = legacy20 ? slots.slice(0, 20) : slots;
  const options = sequence
    ? { type: 'UnidirectionalSequenceLSTMOptions', fields: { fused_activation_function: act, cell_clip: cellClip, proj_clip: projClip, time_major: timeMajor, asymmetric_quantize_inputs: asymmetric } }
    : { type: 'LSTMOptions', fields: { fused_activation_function: act, cell_clip: cellClip, proj_clip: projClip, kernel_type: 'FULL', asymmetric_quantize_inputs: asymmetric } };
  const version = mode === 'hybrid' ? (sequence ? (asymmetric ? 3 : 2) : (asymmetric ? 4 : 3)) : 1;
  const op = sequence ? 'UNIDIRECTIONAL_SEQUENCE_LSTM' : 'LSTM';
  const operators = [];
  const graphIn = [];
  const graphOut = [];
  for (let k = 0; k < (chained ? 2 : 1); k++) {
    const x = k === 0 ? slots[0] : add({ ...tensors[slots[0]], name: 'x2' });
    const y = add({ name: k === 0 ? 'y' : 'y2', dtype: actDtype, shape: outShape, ...(mode === 'int8' ? { quant: outQ } : {}) });
    const ins = opInputs.slice();
    ins[0] = x;
    const o = { op, version, inputs: ins, outputs: [y], options };
    if (intermediates.length) o.intermediates = intermediates;
    operators.push(o);
    graphIn.push(x);
    graphOut.push(y);
  }
  const model = { tensors, operators, inputs: graphIn, outputs: graphOut };
  const inputs = graphIn.map((i) => (mode === 'int8'
    ? randomTensor(rng, 'int8', tensors[i].shape)
    : randomTensor(rng, 'float32', tensors[i].shape, { min: -1.5, max: 1.5 })));
  // Now and then an all-zero step: TFLite skips that step's input product
  // (and, hybrid, its quantization), which shows with a NONE activation.
  const zeroStep = mode !== 'int8' && rng.bool(0.25);
  if (zeroStep) {
    const x = inputs[0];
    const steps = x.length / (timeMajor ? batch * nIn : nIn);
    const s = rng.int(0, steps - 1);
    const len = timeMajor ? batch * nIn : nIn;
    x.fill(0, s * len, (s + 1) * len);
  }
  const label =
    `${mode}${asymmetric ? ' asym' : ''} in[${inShape}] cells ${nCell} out ${nOut}` +
    `${cifg ? ' cifg' : ''}${peephole ? ' peephole' : ''}${projection ? ` proj${projBias ? '+bias' : ''}` : ''}` +
    `${layerNorm ? ' layernorm' : ''}${legacy20 ? ' 20-inputs' : ''}${timeMajor ? ' time-major' : ''}` +
    `${cellClip ? ` cclip ${cellClip.toFixed(2)}` : ''}${projClip ? ` pclip ${projClip.toFixed(2)}` : ''}` +
    `${act !== 'TANH' ? ` ${act}` : ''}${mode === 'int8' ? ` cell 2^${cellLog2}` : ''}${chained ? ' chained×2' : ''}${zeroStep ? ' zero-step' : ''}`;
  // Float and hybrid outputs meet the default float contract: measured over
  // 1,000+ cases, tfjs-tflite's float LSTM agrees with edgelite's sequential
  // sums and std::tanh/exp to a few ulp, and no hybrid re-quantization
  // rounding flipped.
  return {
    model,
    inputs,
    label,
    // LiteRT.js 2.5.3 refuses every model with variable tensors ("Variable
    // tensors not yet supported", model_load.cc), and after ~370 such refused
    // loads in one process it hangs (measured: seed 7 stalls at case 373 with
    // the auto oracle, 400 cases pass with tfjs-tflite alone).
    oracle: 'tfjs-tflite',
    oracleWhy: 'LiteRT.js 2.5.3 refuses variable (LSTM state) tensors',
  };
}

export const generators = {
  UNIDIRECTIONAL_SEQUENCE_LSTM(rng) {
    return makeCase(rng, { sequence: true });
  },
  LSTM(rng) {
    return makeCase(rng, { sequence: false });
  },
};
