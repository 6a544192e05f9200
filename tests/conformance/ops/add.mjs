// ADD: float32, int32, int8 and uint8 (per-tensor), NumPy broadcasting up to
// rank 5, fused activations. Quantized scales are drawn so that some cases
// fall outside XNNPACK's accepted input/output scale ratio [2^-10, 2^8) and
// run on TFLite's built-in kernel instead (edgelite mirrors both).
import { broadcastPair, randomQuant, randomActivation, randomTensor, singleOpModel, quantForRange } from '../lib/gen.mjs';

export const generators = {
  ADD(rng) {
    const dtype = rng.pickWeighted([['float32', 3], ['int8', 4], ['uint8', 2], ['int32', 1]]);
    const { a, b, out } = broadcastPair(rng, { rank: rng.int(1, 5), max: rng.pick([3, 6, 9]) });
    const act = dtype === 'int32' ? rng.pick(['NONE', 'RELU', 'RELU6']) : randomActivation(rng);
    let qa, qb, qo;
    if (dtype === 'int8' || dtype === 'uint8') {
      qa = randomQuant(rng, dtype);
      qb = rng.bool(0.2) ? { ...qa } : randomQuant(rng, dtype);
      // Usually an output scale a converter would pick for the sum's range;
      // sometimes an unrelated one (ratios outside XNNPACK's window).
      if (rng.bool(0.75)) {
        const [lo, hi] = dtype === 'int8' ? [-128, 127] : [0, 255];
        const ra = [qa.scale * (lo - qa.zeroPoint), qa.scale * (hi - qa.zeroPoint)];
        const rb = [qb.scale * (lo - qb.zeroPoint), qb.scale * (hi - qb.zeroPoint)];
        const f = rng.float(0.4, 1.2);
        qo = quantForRange((ra[0] + rb[0]) * f, (ra[1] + rb[1]) * f, dtype);
      } else {
        qo = randomQuant(rng, dtype, { minScale: 1e-4, maxScale: 2 });
      }
    }
    const t = (shape, q) => ({ dtype, shape, ...(q ? { quant: q } : {}) });
    // Now and then the second operand is a constant (as in real graphs).
    const constB = rng.bool(0.2);
    const bTensor = t(b, qb);
    const bData = randomTensor(rng, dtype, b, { min: dtype === 'float32' ? -4 : undefined, max: dtype === 'float32' ? 4 : undefined });
    if (constB) bTensor.data = bData;
    const model = singleOpModel({
      op: 'ADD',
      version: dtype === 'int8' ? 2 : 1,
      options: { type: 'AddOptions', fields: { fused_activation_function: act } },
      inputs: [t(a, qa), bTensor],
      outputs: [t(out, qo)],
    });
    const inputs = [randomTensor(rng, dtype, a, dtype === 'float32' ? { min: -4, max: 4 } : {})];
    if (!constB) inputs.push(bData);
    return { model, inputs, label: `${dtype} [${a}] + [${b}]${constB ? ' (const)' : ''} -> [${out}] ${act}` };
  },
};
