// FULLY_CONNECTED: float32, int8 with per-tensor or per-channel weights
// (axis 0), uint8; 2-D and higher-rank inputs, keep_num_dims, optional bias,
// fused activations, non-constant weights now and then, odd sizes.
//
// tfjs-tflite runs per-channel int8 FULLY_CONNECTED on a single-rounding
// built-in kernel and so disagrees with LiteRT.js on some bytes: LiteRT.js
// (through the QUANTIZE/DEQUANTIZE wrap) judges those cases.
import {
  perChannelQuant, quantForRange, quantizedBias, quantizedBiasPerTensor, randomActivation, randomQuant, randomTensor,
  singleOpModel,
} from '../lib/gen.mjs';

export const generators = {
  FULLY_CONNECTED(rng) {
    const dtype = rng.pickWeighted([['float32', 3], ['int8', 5], ['uint8', 2]]);
    const perChannel = dtype === 'int8' && rng.bool(0.6);
    const ic = rng.pickWeighted([[1, 1], [rng.int(2, 16), 4], [rng.int(17, 70), 2]]);
    const oc = rng.pickWeighted([[1, 1], [rng.int(2, 16), 4], [rng.int(17, 40), 1]]);
    const keepNumDims = rng.bool(0.25);
    // Input: [batch, ic], or a higher-rank tensor whose last dim is ic.
    let inShape;
    if (keepNumDims || rng.bool(0.3)) inShape = [...Array.from({ length: rng.int(1, 2) }, () => rng.int(1, 4)), ic];
    else inShape = [rng.pickWeighted([[1, 4], [rng.int(2, 5), 1]]), ic];
    const rows = inShape.slice(0, -1).reduce((a, d) => a * d, 1);
    const outShape = keepNumDims ? [...inShape.slice(0, -1), oc] : [rows, oc];
    const act = randomActivation(rng);
    const withBias = rng.bool(0.8);
    const constWeights = dtype !== 'float32' || rng.bool(0.85);
    let input, weights, bias, output, wData;
    if (dtype === 'float32') {
      wData = randomTensor(rng, 'float32', oc * ic, { min: -1, max: 1 });
      input = { dtype, shape: inShape };
      weights = { dtype, shape: [oc, ic] };
      bias = withBias ? { dtype, shape: [oc], data: randomTensor(rng, 'float32', oc, { min: -1, max: 1 }) } : null;
      output = { dtype, shape: outShape };
    } else {
      const inQ = randomQuant(rng, dtype, { minScale: 0.005, maxScale: 0.1 });
      let wQ, wRms;
      if (dtype === 'uint8') {
        wQ = { scale: Math.fround(rng.logUniform(0.002, 0.05)), zeroPoint: rng.int(100, 156) };
        wData = randomTensor(rng, 'uint8', oc * ic);
        wRms = (wQ.scale * 255) / Math.sqrt(12);
      } else if (perChannel) {
        wQ = perChannelQuant(rng, oc, 0, { minScale: 0.001, maxScale: 0.05 });
        wData = randomTensor(rng, 'int8', oc * ic, { min: -127, max: 127 });
        wRms = (Math.sqrt(wQ.scale.reduce((a, s) => a + s * s, 0) / oc) * 254) / Math.sqrt(12);
      } else {
        wQ = { scale: Math.fround(rng.logUniform(0.001, 0.05)), zeroPoint: 0 };
        wData = randomTensor(rng, 'int8', oc * ic, { min: -127, max: 127 });
        wRms = (wQ.scale * 254) / Math.sqrt(12);
      }
      const biasRange = rng.float(0, 2);
      const b = perChannel ? quantizedBias(rng, inQ.scale, wQ.scale, { realRange: biasRange }) : quantizedBiasPerTensor(rng, inQ.scale, wQ.scale, oc, { realRange: biasRange });
      input = { dtype, shape: inShape, quant: inQ };
      weights = { dtype, shape: [oc, ic], quant: wQ };
      bias = withBias ? { dtype: 'int32', shape: [oc], data: b.data, quant: b.quant } : null;
      const spread = 2.5 * Math.sqrt(ic) * ((inQ.scale * 255) / Math.sqrt(12)) * wRms + (withBias ? biasRange : 0);
      const f = rng.pickWeighted([[1, 6], [0.3, 1], [3, 1]]);
      output = { dtype, shape: outShape, quant: quantForRange(-spread * f * rng.float(0.3, 1), spread * f * rng.float(0.3, 1), dtype) };
    }
    if (constWeights) weights.data = wData;
    const version = keepNumDims ? 5 : dtype === 'int8' ? 4 : 1;
    const model = singleOpModel({
      op: 'FULLY_CONNECTED',
      version,
      options: { type: 'FullyConnectedOptions', fields: { fused_activation_function: act, keep_num_dims: keepNumDims } },
      // No bias is a -1 input, as the converter writes it.
      inputs: [{ name: 'input', ...input }, { name: 'weights', ...weights }, bias ? { name: 'bias', ...bias } : -1],
      outputs: [{ name: 'output', ...output }],
    });
    const inputs = [randomTensor(rng, dtype, inShape, dtype === 'float32' ? { min: -1, max: 1 } : {})];
    if (!constWeights) inputs.push(wData);
    const label =
      `${dtype}${perChannel ? ' per-channel' : dtype === 'int8' ? ' per-tensor' : ''} in [${inShape}] weights [${oc},${ic}]` +
      `${constWeights ? '' : ' (input)'}${keepNumDims ? ' keep_num_dims' : ''} ${act}${bias ? '' : ' no bias'} -> [${outShape}]`;
    return { model, inputs, label };
  },
};
