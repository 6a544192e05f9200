// BATCH_MATMUL, TRANSPOSE_CONV, L2_NORMALIZATION, LOCAL_RESPONSE_NORMALIZATION,
// dynamic-range ("hybrid") FULLY_CONNECTED / CONV_2D / DEPTHWISE_CONV_2D
// (float32 activations, int8 weights) and float16 weights behind DEQUANTIZE.
//
// The generator keys ending in _HYBRID / _FP16_WEIGHTS are cases of the op
// before the suffix (the base op's own generator lives in another file).
//
// What LiteRT.js does, measured (see the op sources for the arithmetic):
//  - BATCH_MATMUL int8: XNNPACK (fp32 requantization) when y's zero point is
//    0, TFLite's built-in kernel (double-rounding fixed point) otherwise;
//    both kinds of case are generated, with tie-heavy scales now and then.
//  - TRANSPOSE_CONV int8/uint8: XNNPACK when the bias is absent or carries
//    quantization parameters, the built-in kernel for an int32 bias without
//    them (int8 only: LiteRT.js's uint8 built-in path returns garbage).
//  - hybrid FULLY_CONNECTED / CONV_2D / BATCH_MATMUL: XNNPACK's qd8 path
//    (tfjs-tflite runs TFLite's built-in hybrid kernels, which quantize
//    differently: LiteRT.js judges, `oracle` says why). DEPTHWISE_CONV_2D
//    hybrid: the built-in kernel in both peers, per-channel weights and a
//    bias only (per-tensor weights make TFLite read past the scale array).
import {
  convOutSize, f32ToF16Bits, perChannelQuant, quantForRange, quantizedBias, quantizedBiasPerTensor, randomActivation,
  randomQuant, randomTensor, singleOpModel,
} from '../lib/gen.mjs';

const f32 = Math.fround;
const prod = (s) => s.reduce((a, d) => a * d, 1);
const HYBRID_ORACLE = {
  oracle: 'litert',
  oracleWhy: 'tfjs-tflite runs TFLite\'s built-in hybrid kernel (other input quantization); LiteRT.js runs XNNPACK\'s',
};

// A dimension: 1 often, small mostly, sometimes larger.
function dim(rng, big = 24) {
  return rng.pickWeighted([[1, 2], [rng.int(2, 8), 6], [rng.int(9, big), 2]]);
}

// Output quantization covering ~2.5 σ of a dot product of `depth` terms.
function outQuantFor(rng, dtype, depth, inRms, wRms, extra = 0) {
  const spread = 2.5 * Math.sqrt(Math.max(1, depth)) * inRms * wRms + extra;
  const f = rng.pickWeighted([[1, 6], [0.3, 1], [3, 1]]);
  return quantForRange(-spread * f * rng.float(0.3, 1), spread * f * rng.float(0.3, 1), dtype);
}

// ---------------------------------------------------------------- BATCH_MATMUL

// Batch shapes of x and y that broadcast, with total ranks 2..5.
function batchShapes(rng) {
  const outBatch = Array.from({ length: rng.pickWeighted([[0, 3], [1, 4], [2, 2], [3, 1]]) }, () => rng.pickWeighted([[1, 2], [rng.int(2, 3), 3]]));
  const side = () => {
    const keep = rng.int(0, outBatch.length);
    return outBatch.slice(outBatch.length - keep).map((d) => (rng.bool(0.3) ? 1 : d));
  };
  let xb = side();
  let yb = side();
  // Every output batch dim must come from x or y.
  const r = outBatch.length;
  for (let i = 0; i < r; i++) {
    const xi = i - (r - xb.length);
    const yi = i - (r - yb.length);
    if (outBatch[i] === 1) continue;
    if (!(xi >= 0 && xb[xi] === outBatch[i]) && !(yi >= 0 && yb[yi] === outBatch[i])) {
      if (xi >= 0) xb[xi] = outBatch[i];
      else if (yi >= 0) yb[yi] = outBatch[i];
      else {
        xb = outBatch.slice(0, r - xb.length).concat(xb);
        xb[i] = outBatch[i];
      }
    }
  }
  const rank = Math.max(xb.length, yb.length);
  const out = [];
  for (let i = 0; i < rank; i++) {
    const a = xb[xb.length - rank + i] ?? 1;
    const b = yb[yb.length - rank + i] ?? 1;
    out.push(a === 1 ? b : a);
  }
  return { xb, yb, out };
}

function batchMatMulCase(rng) {
  const kind = rng.pickWeighted([['float32', 3], ['int8', 5], ['int8to32', 1], ['int16', 2], ['hybrid', 3]]);
  const { xb, yb, out: ob } = batchShapes(rng);
  const m = dim(rng), k = dim(rng, 40), n = dim(rng);
  const adjX = rng.bool(0.3);
  const adjY = rng.bool(0.4);
  const xShape = [...xb, ...(adjX ? [k, m] : [m, k])];
  const yShape = [...yb, ...(adjY ? [n, k] : [k, n])];
  const outShape = [...ob, m, n];
  const constY = kind === 'hybrid' || rng.bool(0.5);
  const asym = rng.bool(0.5);
  let x, y, out, yData, label;
  const extra = {};
  if (kind === 'float32') {
    yData = randomTensor(rng, 'float32', prod(yShape));
    x = { dtype: 'float32', shape: xShape };
    y = { dtype: 'float32', shape: yShape };
    out = { dtype: 'float32', shape: outShape };
  } else if (kind === 'hybrid') {
    // Per-tensor, or per-channel along N (LiteRT.js: XNNPACK's per-column
    // scales; tfjs-tflite returns zeros for those).
    const perChannel = rng.bool(0.4);
    const wq = perChannel ? perChannelQuant(rng, n, yShape.length - (adjY ? 2 : 1), { minScale: 0.002, maxScale: 0.05 }) : { scale: f32(rng.logUniform(0.002, 0.05)), zeroPoint: 0 };
    yData = randomTensor(rng, 'int8', prod(yShape), { min: -127, max: 127 });
    x = { dtype: 'float32', shape: xShape };
    y = { dtype: 'int8', shape: yShape, quant: wq };
    out = { dtype: 'float32', shape: outShape };
    Object.assign(extra, HYBRID_ORACLE);
  } else if (kind === 'int8to32') {
    // int8 × int8 → int32: the raw Σ x·y (LiteRT.js ignores the zero points;
    // tfjs-tflite's older TFLite subtracts them, so LiteRT.js judges).
    yData = randomTensor(rng, 'int8', prod(yShape));
    x = { dtype: 'int8', shape: xShape, quant: randomQuant(rng, 'int8') };
    y = { dtype: 'int8', shape: yShape, quant: randomQuant(rng, 'int8') };
    out = { dtype: 'int32', shape: outShape };
  } else {
    const dtype = kind;
    // Ties: scales whose product is a power of two over the output scale.
    const tie = rng.bool(0.25);
    const yZeroIsZero = dtype === 'int16' || rng.bool(0.55);
    const xQ = tie ? { scale: 0.5, zeroPoint: dtype === 'int8' ? rng.int(-3, 3) : 0 } : randomQuant(rng, dtype, { minScale: 0.005, maxScale: 0.1 });
    const yQ = tie ? { scale: 0.25, zeroPoint: yZeroIsZero ? 0 : rng.int(-3, 3) || 1 } : { scale: f32(rng.logUniform(0.002, 0.05)), zeroPoint: yZeroIsZero ? 0 : rng.int(-20, 20) || 5 };
    const small = tie ? { min: -6, max: 6 } : {};
    yData = randomTensor(rng, dtype, prod(yShape), small);
    x = { dtype, shape: xShape, quant: xQ };
    y = { dtype, shape: yShape, quant: yQ };
    const span = dtype === 'int8' ? 255 : 65535;
    const rms = (s) => (s * (tie ? 7 : span)) / Math.sqrt(12);
    out = {
      dtype,
      shape: outShape,
      quant: tie ? { scale: dtype === 'int8' ? 0.5 : 0.25, zeroPoint: dtype === 'int8' ? rng.int(-5, 5) : 0 } : outQuantFor(rng, dtype, k, rms(xQ.scale), rms(yQ.scale)),
    };
    extra.xInput = small;
    label = `${dtype} y_zp ${yQ.zeroPoint}${tie ? ' ties' : ''}`;
  }
  if (constY) y.data = yData;
  const version = { float32: 1, int8: 2, int8to32: 2, int16: 3, hybrid: asym ? 4 : 1 }[kind];
  const model = singleOpModel({
    op: 'BATCH_MATMUL',
    version,
    options: { type: 'BatchMatMulOptions', fields: { adj_x: adjX, adj_y: adjY, asymmetric_quantize_inputs: asym } },
    inputs: [{ name: 'x', ...x }, { name: 'y', ...y }],
    outputs: [{ name: 'output', ...out }],
  });
  const xDtype = x.dtype;
  const inputs = [randomTensor(rng, xDtype, xShape, xDtype === 'float32' ? { min: -2, max: 2 } : extra.xInput ?? {})];
  if (!constY) inputs.push(yData);
  const { xInput: _unused, ...caseExtra } = extra;
  return {
    model,
    inputs,
    label: `${label ?? kind} x [${xShape}]${adjX ? ' adj_x' : ''} y [${yShape}]${adjY ? ' adj_y' : ''}${constY ? ' const' : ''} -> [${outShape}]`,
    ...caseExtra,
  };
}

// -------------------------------------------------------------- TRANSPOSE_CONV

function transposeConvCase(rng) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 5], ['uint8', 2], ['int16', 2]]);
  const padding = rng.pick(['SAME', 'VALID']);
  let g;
  for (;;) {
    const oh = rng.pickWeighted([[1, 1], [rng.int(2, 8), 4], [rng.int(9, 16), 1]]);
    const ow = rng.bool(0.3) ? oh : rng.pickWeighted([[1, 1], [rng.int(2, 8), 4], [rng.int(9, 16), 1]]);
    const kh = rng.pickWeighted([[1, 1], [2, 2], [3, 3], [rng.int(4, 5), 1]]);
    const kw = rng.bool(0.7) ? kh : rng.int(1, 4);
    const sh = rng.pickWeighted([[1, 3], [2, 4], [3, 1]]);
    const sw = rng.bool(0.8) ? sh : rng.int(1, 3);
    const h = convOutSize(padding, oh, kh, sh);
    const w = convOutSize(padding, ow, kw, sw);
    if (h >= 1 && w >= 1) {
      g = { oh, ow, kh, kw, sh, sw, h, w };
      break;
    }
  }
  const nb = rng.pickWeighted([[1, 5], [2, 1]]);
  const ic = rng.pickWeighted([[1, 1], [rng.int(2, 9), 4], [rng.int(10, 20), 1]]);
  const oc = rng.pickWeighted([[1, 1], [rng.int(2, 9), 4], [rng.int(10, 16), 1]]);
  const wShape = [oc, g.kh, g.kw, ic];
  const inShape = [nb, g.h, g.w, ic];
  const outShape = [nb, g.oh, g.ow, oc];
  const act = rng.bool(0.3) ? randomActivation(rng, { pNone: 0 }) : 'NONE';
  const withBias = rng.bool(0.75);
  // int8: an int32 bias without quantization parameters sends LiteRT.js to
  // TFLite's built-in kernel (other rounding) — generated on purpose.
  const rawBias = dtype === 'int8' && withBias && rng.bool(0.3);
  const taps = Math.ceil((g.kh * g.kw) / (g.sh * g.sw)) * ic;
  let input, weights, bias, output;
  const perChannel = (dtype === 'int8' || dtype === 'int16') && rng.bool(0.6);
  if (dtype === 'float32') {
    input = { dtype, shape: inShape };
    weights = { dtype, shape: wShape, data: randomTensor(rng, 'float32', prod(wShape)) };
    bias = withBias ? { dtype, shape: [oc], data: randomTensor(rng, 'float32', oc) } : null;
    output = { dtype, shape: outShape };
  } else {
    const wDtype = dtype === 'int16' ? 'int8' : dtype;
    const inQ = randomQuant(rng, dtype, { minScale: dtype === 'int16' ? 1e-4 : 0.005, maxScale: dtype === 'int16' ? 1e-3 : 0.1 });
    let wQ;
    if (dtype === 'uint8') wQ = { scale: f32(rng.logUniform(0.002, 0.05)), zeroPoint: rng.int(100, 156) };
    else if (perChannel) wQ = perChannelQuant(rng, oc, 0, { minScale: 0.001, maxScale: 0.05 });
    else wQ = { scale: f32(rng.logUniform(0.001, 0.05)), zeroPoint: 0 };
    const wData = randomTensor(rng, wDtype, prod(wShape), wDtype === 'int8' ? { min: -127, max: 127 } : {});
    const wMax = Array.isArray(wQ.scale) ? Math.max(...wQ.scale) : wQ.scale;
    const wRms = (wMax * 254) / Math.sqrt(12);
    const span = dtype === 'int16' ? 65535 : 255;
    const biasRange = rng.float(0, 2);
    if (withBias) {
      if (dtype === 'int16') {
        const scales = Array.isArray(wQ.scale) ? wQ.scale : [wQ.scale];
        const data = BigInt64Array.from({ length: oc }, (_, c) => BigInt(Math.round(rng.float(-biasRange, biasRange) / f32(inQ.scale * scales[scales.length > 1 ? c : 0]))));
        bias = { dtype: 'int64', shape: [oc], data, quant: Array.isArray(wQ.scale) ? { scale: wQ.scale.map((s) => f32(inQ.scale * s)), zeroPoint: wQ.scale.map(() => 0), axis: 0 } : { scale: f32(inQ.scale * wQ.scale), zeroPoint: 0 } };
      } else {
        const b = Array.isArray(wQ.scale) ? quantizedBias(rng, inQ.scale, wQ.scale, { realRange: biasRange }) : quantizedBiasPerTensor(rng, inQ.scale, wQ.scale, oc, { realRange: biasRange });
        bias = { dtype: 'int32', shape: [oc], data: b.data, ...(rawBias ? {} : { quant: b.quant }) };
      }
    }
    input = { dtype, shape: inShape, quant: inQ };
    weights = { dtype: wDtype, shape: wShape, data: wData, quant: wQ };
    output = { dtype, shape: outShape, quant: outQuantFor(rng, dtype, taps, (inQ.scale * span) / Math.sqrt(12), wRms, withBias ? biasRange : 0) };
  }
  const version = act !== 'NONE' ? 4 : withBias || dtype === 'int16' ? 3 : dtype === 'int8' ? 2 : 1;
  const model = singleOpModel({
    op: 'TRANSPOSE_CONV',
    version,
    options: { type: 'TransposeConvOptions', fields: { padding, stride_w: g.sw, stride_h: g.sh, fused_activation_function: act } },
    inputs: [
      { name: 'output_shape', dtype: 'int32', shape: [4], data: Int32Array.from(outShape) },
      { name: 'weights', ...weights },
      { name: 'input', ...input },
      ...(bias ? [{ name: 'bias', ...bias }] : []),
    ],
    outputs: [{ name: 'output', ...output }],
  });
  const inputs = [randomTensor(rng, dtype, inShape, dtype === 'float32' ? { min: -1, max: 1 } : dtype === 'int16' ? { min: -3000, max: 3000 } : {})];
  return {
    model,
    inputs,
    label:
      `${dtype}${perChannel ? ' per-channel' : ''} in [${inShape}] weights [${wShape}] ${padding} stride ${g.sh}x${g.sw} ${act}` +
      `${bias ? (rawBias ? ' bias (no quantization)' : ' bias') : ' no bias'} -> [${outShape}]`,
  };
}

// ------------------------------------------------------------ normalizations

function l2NormCase(rng) {
  const dtype = rng.pickWeighted([['float32', 2], ['int8', 3], ['uint8', 3]]);
  const rank = rng.int(1, 4);
  const shape = Array.from({ length: rank }, (_, i) => (i === rank - 1 ? dim(rng, 64) : rng.pickWeighted([[1, 2], [rng.int(2, 4), 3]])));
  let input, output, data;
  if (dtype === 'float32') {
    input = { dtype, shape };
    output = { dtype, shape };
    // Sometimes an all-zero row (the 1e-6 floor).
    data = randomTensor(rng, dtype, shape, { min: -3, max: 3 });
    if (rng.bool(0.2)) data.fill(0, 0, shape[rank - 1]);
  } else {
    const q = randomQuant(rng, dtype, { minScale: 0.005, maxScale: 0.2 });
    input = { dtype, shape, quant: q };
    output = { dtype, shape, quant: { scale: 1 / 128, zeroPoint: dtype === 'int8' ? 0 : 128 } };
    // Values near the zero point now and then (tiny norms, large multipliers).
    const near = rng.bool(0.3);
    data = randomTensor(rng, dtype, shape, near ? { min: Math.max(dtype === 'int8' ? -128 : 0, q.zeroPoint - 3), max: Math.min(dtype === 'int8' ? 127 : 255, q.zeroPoint + 3) } : {});
  }
  const model = singleOpModel({
    op: 'L2_NORMALIZATION',
    version: dtype === 'int8' ? 2 : 1,
    options: { type: 'L2NormOptions', fields: { fused_activation_function: 'NONE' } },
    inputs: [{ name: 'input', ...input }],
    outputs: [{ name: 'output', ...output }],
  });
  return { model, inputs: [data], label: `${dtype} [${shape}]` };
}

function lrnCase(rng) {
  const shape = [rng.int(1, 2), rng.int(1, 4), rng.int(1, 4), dim(rng, 40)];
  const radius = rng.pickWeighted([[0, 1], [rng.int(1, 3), 5], [rng.int(4, 8), 1]]);
  const beta = rng.pickWeighted([[0.75, 3], [1, 2], [0.5, 2], [f32(rng.float(0.1, 1.5)), 2]]);
  const fields = { radius, bias: f32(rng.float(0.5, 2)), alpha: f32(rng.logUniform(1e-4, 0.5)), beta: f32(beta) };
  const model = singleOpModel({
    op: 'LOCAL_RESPONSE_NORMALIZATION',
    options: { type: 'LocalResponseNormalizationOptions', fields },
    inputs: [{ name: 'input', dtype: 'float32', shape }],
    outputs: [{ name: 'output', dtype: 'float32', shape }],
  });
  return {
    model,
    inputs: [randomTensor(rng, 'float32', shape, { min: -3, max: 3 })],
    label: `[${shape}] radius ${radius} bias ${fields.bias.toFixed(3)} alpha ${fields.alpha.toExponential(2)} beta ${fields.beta.toFixed(3)}`,
  };
}

// ---------------------------------------------------------------------- hybrid

// int8 weights, per-channel (along `axis`) or per-tensor.
function hybridWeights(rng, shape, channels, axis, perChannel) {
  const quant = perChannel ? perChannelQuant(rng, channels, axis, { minScale: 0.002, maxScale: 0.05 }) : { scale: f32(rng.logUniform(0.002, 0.05)), zeroPoint: 0 };
  return { dtype: 'int8', shape, data: randomTensor(rng, 'int8', prod(shape), { min: -127, max: 127 }), quant };
}

// Float inputs: mostly symmetric-ish, sometimes all positive, all negative or
// all zero (the quantization's corner cases).
function hybridInput(rng, shape) {
  const mode = rng.pickWeighted([['mixed', 6], ['positive', 1], ['negative', 1], ['zero', 1]]);
  const lo = mode === 'positive' ? 0 : -rng.float(0.5, 4);
  const hi = mode === 'negative' ? 0 : rng.float(0.5, 4);
  const data = randomTensor(rng, 'float32', shape, { min: lo, max: hi });
  if (mode === 'zero') data.fill(0);
  return { data, mode };
}

function fullyConnectedHybridCase(rng) {
  const ic = dim(rng, 70);
  const oc = dim(rng, 40);
  const keep = rng.bool(0.25);
  const inShape = keep || rng.bool(0.3) ? [...Array.from({ length: rng.int(1, 2) }, () => rng.int(1, 4)), ic] : [rng.int(1, 5), ic];
  const rows = prod(inShape.slice(0, -1));
  const outShape = keep ? [...inShape.slice(0, -1), oc] : [rows, oc];
  const perChannel = rng.bool(0.5);
  const withBias = rng.bool(0.8);
  const asym = rng.bool(0.5);
  const act = randomActivation(rng);
  const model = singleOpModel({
    op: 'FULLY_CONNECTED',
    version: keep ? 5 : asym ? 9 : 3,
    options: { type: 'FullyConnectedOptions', fields: { fused_activation_function: act, keep_num_dims: keep, asymmetric_quantize_inputs: asym } },
    inputs: [
      { name: 'input', dtype: 'float32', shape: inShape },
      { name: 'weights', ...hybridWeights(rng, [oc, ic], oc, 0, perChannel) },
      withBias ? { name: 'bias', dtype: 'float32', shape: [oc], data: randomTensor(rng, 'float32', oc) } : -1,
    ],
    outputs: [{ name: 'output', dtype: 'float32', shape: outShape }],
  });
  const x = hybridInput(rng, inShape);
  return {
    model,
    inputs: [x.data],
    label: `hybrid in [${inShape}] (${x.mode}) weights [${oc},${ic}]${perChannel ? ' per-channel' : ''}${asym ? ' asymmetric' : ''}${keep ? ' keep_num_dims' : ''} ${act}${withBias ? '' : ' no bias'}`,
    ...HYBRID_ORACLE,
  };
}

function convGeometry(rng) {
  const padding = rng.pick(['SAME', 'VALID']);
  for (;;) {
    const h = rng.pickWeighted([[1, 1], [rng.int(2, 7), 3], [rng.int(8, 12), 1]]);
    const w = rng.bool(0.3) ? h : rng.pickWeighted([[1, 1], [rng.int(2, 7), 3], [rng.int(8, 12), 1]]);
    const kh = rng.pickWeighted([[1, 2], [2, 1], [3, 3]]);
    const kw = rng.bool(0.7) ? kh : rng.int(1, 3);
    const sh = rng.pickWeighted([[1, 3], [2, 2]]);
    const sw = rng.bool(0.8) ? sh : rng.int(1, 2);
    const dh = rng.bool(0.15) ? 2 : 1;
    const dw = dh;
    const oh = convOutSize(padding, h, kh, sh, dh);
    const ow = convOutSize(padding, w, kw, sw, dw);
    if (oh >= 1 && ow >= 1) return { padding, h, w, kh, kw, sh, sw, dh, dw, oh, ow };
  }
}

function convHybridCase(rng, depthwise) {
  const g = convGeometry(rng);
  const nb = rng.pickWeighted([[1, 4], [2, 1]]);
  let ic, oc, m = 1, wShape, groups = 1;
  if (depthwise) {
    ic = rng.pickWeighted([[1, 1], [rng.int(2, 9), 4], [rng.int(10, 20), 1]]);
    m = rng.pickWeighted([[1, 4], [2, 1]]);
    oc = ic * m;
    wShape = [1, g.kh, g.kw, oc];
  } else {
    const fic = rng.pickWeighted([[1, 1], [rng.int(2, 9), 4], [rng.int(10, 16), 1]]);
    groups = rng.bool(0.1) ? 2 : 1;
    ic = fic * groups;
    oc = groups * rng.pickWeighted([[1, 1], [rng.int(2, 9), 4], [rng.int(10, 16), 1]]);
    wShape = [oc, g.kh, g.kw, fic];
  }
  // Depthwise needs per-channel scales (the built-in kernel indexes them by
  // output channel); a single output channel may be per-tensor.
  const perChannel = depthwise ? oc > 1 || rng.bool(0.5) : rng.bool(0.5);
  const act = randomActivation(rng);
  const inShape = [nb, g.h, g.w, ic];
  const outShape = [nb, g.oh, g.ow, oc];
  const fields = { padding: g.padding, stride_w: g.sw, stride_h: g.sh, fused_activation_function: act, dilation_w_factor: g.dw, dilation_h_factor: g.dh };
  if (depthwise) fields.depth_multiplier = m;
  const model = singleOpModel({
    op: depthwise ? 'DEPTHWISE_CONV_2D' : 'CONV_2D',
    version: depthwise ? 6 : 5,
    options: { type: depthwise ? 'DepthwiseConv2DOptions' : 'Conv2DOptions', fields },
    inputs: [
      { name: 'input', dtype: 'float32', shape: inShape },
      { name: 'filter', ...hybridWeights(rng, wShape, oc, depthwise ? 3 : 0, perChannel) },
      { name: 'bias', dtype: 'float32', shape: [oc], data: randomTensor(rng, 'float32', oc) },
    ],
    outputs: [{ name: 'output', dtype: 'float32', shape: outShape }],
  });
  const x = hybridInput(rng, inShape);
  return {
    model,
    inputs: [x.data],
    label:
      `hybrid in [${inShape}] (${x.mode}) filter [${wShape}]${perChannel ? ' per-channel' : ''}${groups > 1 ? ` groups ${groups}` : ''}` +
      `${depthwise ? ` M ${m}` : ''} ${g.padding} stride ${g.sh}x${g.sw} dilation ${g.dh} ${act} -> [${outShape}]`,
    ...(depthwise ? {} : HYBRID_ORACLE),
  };
}

// ------------------------------------------------------------ float16 weights

// DEQUANTIZE(float16 constant) → CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED
// in float32, as the converter writes float16-quantized models.
function fp16WeightsCase(rng) {
  const op = rng.pick(['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED']);
  let inShape, wShape, outShape, options, oc;
  if (op === 'FULLY_CONNECTED') {
    const ic = dim(rng, 40);
    oc = dim(rng, 20);
    const nb = rng.int(1, 4);
    inShape = [nb, ic];
    wShape = [oc, ic];
    outShape = [nb, oc];
    options = { type: 'FullyConnectedOptions', fields: { fused_activation_function: randomActivation(rng) } };
  } else {
    const g = convGeometry(rng);
    const dw = op === 'DEPTHWISE_CONV_2D';
    const ic = rng.int(1, 8);
    oc = dw ? ic : rng.int(1, 8);
    inShape = [1, g.h, g.w, ic];
    wShape = dw ? [1, g.kh, g.kw, oc] : [oc, g.kh, g.kw, ic];
    outShape = [1, g.oh, g.ow, oc];
    const fields = { padding: g.padding, stride_w: g.sw, stride_h: g.sh, fused_activation_function: randomActivation(rng), dilation_w_factor: g.dw, dilation_h_factor: g.dh };
    if (dw) fields.depth_multiplier = 1;
    options = { type: dw ? 'DepthwiseConv2DOptions' : 'Conv2DOptions', fields };
  }
  const half = Uint16Array.from({ length: prod(wShape) }, () => f32ToF16Bits(rng.float(-1, 1)));
  const model = {
    tensors: [
      { name: 'input', dtype: 'float32', shape: inShape },
      { name: 'weights_f16', dtype: 'float16', shape: wShape, data: half },
      { name: 'weights', dtype: 'float32', shape: wShape },
      { name: 'bias', dtype: 'float32', shape: [oc], data: randomTensor(rng, 'float32', oc) },
      { name: 'output', dtype: 'float32', shape: outShape },
    ],
    operators: [
      { op: 'DEQUANTIZE', version: 3, inputs: ['weights_f16'], outputs: ['weights'] },
      { op, version: 1, inputs: ['input', 'weights', 'bias'], outputs: ['output'], options },
    ],
    inputs: ['input'],
    outputs: ['output'],
  };
  return { model, inputs: [randomTensor(rng, 'float32', inShape)], label: `${op} float16 weights [${wShape}] in [${inShape}]` };
}

export const generators = {
  BATCH_MATMUL: batchMatMulCase,
  TRANSPOSE_CONV: transposeConvCase,
  L2_NORMALIZATION: l2NormCase,
  LOCAL_RESPONSE_NORMALIZATION: lrnCase,
  FULLY_CONNECTED_HYBRID: fullyConnectedHybridCase,
  CONV_2D_HYBRID: (rng) => convHybridCase(rng, false),
  DEPTHWISE_CONV_2D_HYBRID: (rng) => convHybridCase(rng, true),
  FLOAT16_WEIGHTS: fp16WeightsCase,
};
