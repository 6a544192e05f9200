// QUANTIZE and DEQUANTIZE.
//   QUANTIZE:   float32 → int8 / uint8 / int16; int8 → int8, uint8 → uint8
//               (requantize, scale ratios inside and outside XNNPACK's window),
//               int8 ↔ uint8 (including the sign-flip shortcut: same scale,
//               zero points 128 apart), int16 → int16 / int8.
//   DEQUANTIZE: int8 / uint8 / int16 per-tensor → float32; int8 per-channel
//               (a constant, as in weight-only models) → float32; float16
//               constants → float32.
import { perChannelQuant, randomQuant, randomShape, randomTensor, singleOpModel, dequantize } from '../lib/gen.mjs';

function quantizeCase(rng) {
  const kind = rng.pickWeighted([
    ['float32>int8', 4], ['float32>uint8', 2], ['float32>int16', 2], ['int8>int8', 3], ['uint8>uint8', 2],
    ['uint8>int8', 2], ['int8>uint8', 1], ['int16>int16', 1], ['int16>int8', 1],
  ]);
  const [from, to] = kind.split('>');
  const shape = randomShape(rng, { rank: rng.int(1, 4), max: 9 });
  const qo = randomQuant(rng, to, { minScale: 0.002, maxScale: 0.2 });
  let qi = null;
  let input;
  if (from === 'float32') {
    // Mostly inside the output's range, some values beyond it (clamping),
    // some exactly on .5 steps (rounding ties).
    const [lo, hi] = to === 'int8' ? [-128, 127] : to === 'uint8' ? [0, 255] : [-32768, 32767];
    const rlo = qo.scale * (lo - qo.zeroPoint);
    const rhi = qo.scale * (hi - qo.zeroPoint);
    input = Float32Array.from({ length: shape.reduce((a, d) => a * d, 1) }, () => {
      if (rng.bool(0.1)) return Math.fround(qo.scale * (rng.int(lo, hi) - qo.zeroPoint + 0.5));
      return rng.float(rlo * 1.2, rhi * 1.2);
    });
  } else {
    if (kind === 'uint8>int8' || kind === 'int8>uint8') {
      qi = rng.bool(0.5) ? { scale: qo.scale, zeroPoint: qo.zeroPoint + (from === 'uint8' ? 128 : -128) } : randomQuant(rng, from, { minScale: 0.002, maxScale: 0.2 });
      if (qi.zeroPoint < (from === 'uint8' ? 0 : -128) || qi.zeroPoint > (from === 'uint8' ? 255 : 127)) qi = randomQuant(rng, from);
    } else {
      // Ratio in/out spread over [1/512, 512]: inside and outside [2^-8, 2^7].
      qi = randomQuant(rng, from, { minScale: qo.scale / 512, maxScale: qo.scale * 512 });
    }
    input = randomTensor(rng, from, shape);
  }
  const model = singleOpModel({
    op: 'QUANTIZE',
    version: to === 'int16' || from === 'int16' ? 3 : to === 'int8' || from === 'int8' ? 2 : 1,
    inputs: [{ name: 'input', dtype: from, shape, ...(qi ? { quant: qi } : {}) }],
    outputs: [{ name: 'output', dtype: to, shape, quant: qo }],
  });
  return { model, inputs: [input], label: `${kind} [${shape}]${qi ? ` ratio ${(qi.scale / qo.scale).toPrecision(4)}` : ''}` };
}

function dequantizeCase(rng) {
  const kind = rng.pickWeighted([['int8', 4], ['uint8', 2], ['int16', 2], ['int8 per-channel const', 2], ['float16 const', 2]]);
  const shape = randomShape(rng, { rank: rng.int(1, 4), max: 9 });
  const n = shape.reduce((a, d) => a * d, 1);
  if (kind === 'int8 per-channel const') {
    const axis = rng.int(0, shape.length - 1);
    const q = perChannelQuant(rng, shape[axis], axis, { minScale: 0.001, maxScale: 0.5 });
    // A constant feeding DEQUANTIZE, then an ADD with a graph input so the
    // model has an input (the peers want one).
    const model = {
      tensors: [
        { name: 'weights', dtype: 'int8', shape, data: randomTensor(rng, 'int8', n, { min: -127, max: 127 }), quant: q },
        { name: 'deq', dtype: 'float32', shape },
        { name: 'x', dtype: 'float32', shape },
        { name: 'output', dtype: 'float32', shape },
      ],
      operators: [
        { op: 'DEQUANTIZE', version: 4, inputs: ['weights'], outputs: ['deq'] },
        { op: 'ADD', inputs: ['deq', 'x'], outputs: ['output'] },
      ],
      inputs: ['x'],
      outputs: ['output'],
    };
    // x = 0 keeps the dequantized values bit-exact through the ADD.
    return { model, inputs: [new Float32Array(n)], label: `int8 per-channel axis ${axis} const [${shape}] (+ 0)` };
  }
  if (kind === 'float16 const') {
    const model = {
      tensors: [
        { name: 'weights', dtype: 'float16', shape, data: randomTensor(rng, 'float16', n, { min: -70000, max: 70000 }) },
        { name: 'deq', dtype: 'float32', shape },
        { name: 'x', dtype: 'float32', shape },
        { name: 'output', dtype: 'float32', shape },
      ],
      operators: [
        { op: 'DEQUANTIZE', version: 3, inputs: ['weights'], outputs: ['deq'] },
        { op: 'ADD', inputs: ['deq', 'x'], outputs: ['output'] },
      ],
      inputs: ['x'],
      outputs: ['output'],
    };
    return { model, inputs: [new Float32Array(n)], label: `float16 const [${shape}] (+ 0)` };
  }
  const q = randomQuant(rng, kind, { minScale: 0.001, maxScale: 2 });
  const model = singleOpModel({
    op: 'DEQUANTIZE',
    version: kind === 'int16' ? 4 : kind === 'int8' ? 2 : 1,
    inputs: [{ name: 'input', dtype: kind, shape, quant: q }],
    outputs: [{ name: 'output', dtype: 'float32', shape }],
  });
  void dequantize;
  return { model, inputs: [randomTensor(rng, kind, shape)], label: `${kind} [${shape}] scale ${q.scale.toPrecision(4)} zp ${q.zeroPoint}` };
}

export const generators = {
  QUANTIZE: quantizeCase,
  DEQUANTIZE: dequantizeCase,
};
