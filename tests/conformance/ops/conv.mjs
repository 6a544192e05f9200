// CONV_2D and DEPTHWISE_CONV_2D: float32, int8 with per-channel or per-tensor
// weights, uint8 (asymmetric weights); strides, dilations, SAME/VALID, fused
// activations, optional bias, odd channel counts, 1×1 and edge sizes of 1,
// batch > 1, and (CONV_2D) grouped convolution now and then.
//
// CONV_2D always has a bias: TFLite's kernel requires one (tfjs-tflite
// refuses a model without; LiteRT.js 2.5.3's XNNPACK path returns
// uninitialized values for it). DEPTHWISE_CONV_2D without bias is written as
// two inputs; not as a -1 input, with which LiteRT.js 2.5.3 also returns
// uninitialized values and tfjs-tflite refuses the model.
import {
  convOutSize, perChannelQuant, quantForRange, quantizedBias, quantizedBiasPerTensor, randomActivation, randomQuant,
  randomTensor, singleOpModel,
} from '../lib/gen.mjs';

// Spatial geometry: input size, filter, stride, dilation, padding with an
// output of at least 1 (VALID needs the dilated filter to fit).
function geometry(rng) {
  const padding = rng.pick(['SAME', 'VALID']);
  for (;;) {
    const h = rng.pickWeighted([[1, 1], [rng.int(2, 6), 3], [rng.int(7, 14), 2]]);
    const w = rng.bool(0.3) ? h : rng.pickWeighted([[1, 1], [rng.int(2, 6), 3], [rng.int(7, 14), 2]]);
    const kh = rng.pickWeighted([[1, 2], [2, 1], [3, 4], [rng.int(4, 5), 1]]);
    const kw = rng.bool(0.7) ? kh : rng.int(1, 5);
    const sh = rng.pickWeighted([[1, 4], [2, 3], [3, 1]]);
    const sw = rng.bool(0.8) ? sh : rng.int(1, 3);
    const dilate = rng.bool(0.2);
    const dh = dilate ? rng.int(1, 3) : 1;
    const dw = dilate ? rng.int(1, 3) : 1;
    const oh = convOutSize(padding, h, kh, sh, dh);
    const ow = convOutSize(padding, w, kw, sw, dw);
    if (oh >= 1 && ow >= 1) return { padding, h, w, kh, kw, sh, sw, dh, dw, oh, ow };
  }
}

// Output quantization that covers most of the accumulator's real range
// (sometimes deliberately too narrow, so outputs saturate).
function outputQuant(rng, dtype, taps, inScale, inSpan, wRms, biasRange) {
  const inRms = (inScale * inSpan) / Math.sqrt(12);
  const spread = 2.5 * Math.sqrt(taps) * inRms * wRms + biasRange;
  const f = rng.pickWeighted([[1, 6], [0.3, 1], [3, 1]]);
  const lo = -spread * f * rng.float(0.3, 1);
  const hi = spread * f * rng.float(0.3, 1);
  return quantForRange(lo, hi, dtype);
}

function convCase(rng, depthwise) {
  const op = depthwise ? 'DEPTHWISE_CONV_2D' : 'CONV_2D';
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 5], ['uint8', 2]]);
  const perChannel = dtype === 'int8' && rng.bool(0.75);
  const g = geometry(rng);
  const n = rng.pickWeighted([[1, 5], [2, 1]]);
  const act = randomActivation(rng);
  let ic, oc, m = 1, groups = 1, filterShape;
  if (depthwise) {
    ic = rng.pickWeighted([[1, 1], [rng.int(2, 9), 4], [rng.int(10, 24), 2]]);
    m = rng.pickWeighted([[1, 4], [2, 1], [3, 1]]);
    oc = ic * m;
    filterShape = [1, g.kh, g.kw, oc];
  } else {
    const fic = rng.pickWeighted([[1, 1], [rng.int(2, 9), 4], [rng.int(10, 20), 1]]);
    groups = rng.bool(0.1) ? rng.int(2, 3) : 1;
    ic = fic * groups;
    oc = groups * rng.pickWeighted([[1, 1], [rng.int(2, 9), 4], [rng.int(10, 20), 1]]);
    filterShape = [oc, g.kh, g.kw, fic];
  }
  const taps = g.kh * g.kw * (depthwise ? 1 : filterShape[3]);
  const inShape = [n, g.h, g.w, ic];
  const outShape = [n, g.oh, g.ow, oc];
  const fcount = filterShape.reduce((a, d) => a * d, 1);
  // TFLite's CONV_2D requires a bias (kernels/conv.cc: "has_bias was not
  // true"); DEPTHWISE_CONV_2D may go without.
  const withBias = !depthwise || rng.bool(0.85);
  const qAxis = depthwise ? 3 : 0;

  let input, filter, bias, output;
  if (dtype === 'float32') {
    input = { dtype, shape: inShape };
    filter = { dtype, shape: filterShape, data: randomTensor(rng, 'float32', fcount, { min: -1, max: 1 }) };
    bias = withBias ? { dtype, shape: [oc], data: randomTensor(rng, 'float32', oc, { min: -1, max: 1 }) } : null;
    output = { dtype, shape: outShape };
  } else {
    const inQ = randomQuant(rng, dtype, { minScale: 0.005, maxScale: 0.1 });
    let wQ;
    let wData;
    let wRms;
    if (dtype === 'uint8') {
      wQ = { scale: Math.fround(rng.logUniform(0.002, 0.05)), zeroPoint: rng.int(100, 156) };
      wData = randomTensor(rng, 'uint8', fcount);
      wRms = (wQ.scale * 255) / Math.sqrt(12);
    } else if (perChannel) {
      wQ = perChannelQuant(rng, oc, qAxis, { minScale: 0.001, maxScale: 0.05 });
      // Symmetric int8 weights use [-127, 127], as the converter writes them.
      wData = randomTensor(rng, 'int8', fcount, { min: -127, max: 127 });
      wRms = (Math.sqrt(wQ.scale.reduce((a, s) => a + s * s, 0) / oc) * 254) / Math.sqrt(12);
    } else {
      wQ = { scale: Math.fround(rng.logUniform(0.001, 0.05)), zeroPoint: 0 };
      wData = randomTensor(rng, 'int8', fcount, { min: -127, max: 127 });
      wRms = (wQ.scale * 254) / Math.sqrt(12);
    }
    const biasRange = rng.float(0, 2);
    const b = perChannel ? quantizedBias(rng, inQ.scale, wQ.scale, { realRange: biasRange, axis: 0 }) : quantizedBiasPerTensor(rng, inQ.scale, wQ.scale, oc, { realRange: biasRange });
    input = { dtype, shape: inShape, quant: inQ };
    filter = { dtype, shape: filterShape, data: wData, quant: wQ };
    bias = withBias ? { dtype: 'int32', shape: [oc], data: b.data, quant: b.quant } : null;
    output = { dtype, shape: outShape, quant: outputQuant(rng, dtype, taps, inQ.scale, 255, wRms, withBias ? biasRange : 0) };
  }

  const fields = { padding: g.padding, stride_w: g.sw, stride_h: g.sh, fused_activation_function: act, dilation_w_factor: g.dw, dilation_h_factor: g.dh };
  if (depthwise) fields.depth_multiplier = m;
  const dilated = g.dh > 1 || g.dw > 1;
  const version = dtype === 'int8' ? 3 : dilated ? 2 : 1;
  const model = singleOpModel({
    op,
    version,
    options: { type: depthwise ? 'DepthwiseConv2DOptions' : 'Conv2DOptions', fields },
    inputs: [{ name: 'input', ...input }, { name: 'filter', ...filter }, ...(bias ? [{ name: 'bias', ...bias }] : [])],
    outputs: [{ name: 'output', ...output }],
  });
  const inputs = [randomTensor(rng, dtype, inShape, dtype === 'float32' ? { min: -1, max: 1 } : {})];
  const label =
    `${dtype}${perChannel ? ' per-channel' : dtype === 'int8' ? ' per-tensor' : ''} in [${inShape}] filter [${filterShape}]` +
    `${groups > 1 ? ` groups ${groups}` : ''}${depthwise ? ` M ${m}` : ''} ${g.padding} stride ${g.sh}x${g.sw} dilation ${g.dh}x${g.dw}` +
    ` ${act}${bias ? '' : ' no bias'} -> [${outShape}]`;
  return { model, inputs, label };
}

export const generators = {
  CONV_2D: (rng) => convCase(rng, false),
  DEPTHWISE_CONV_2D: (rng) => convCase(rng, true),
};
