// Element-wise activations and SOFTMAX: float32, int8, uint8.
//   RELU, RELU6   input and output quantization equal or different
//   LOGISTIC      quantized output fixed at scale 1/256, zero point -128
//                 (int8) / 0 (uint8), as TFLite requires
//   SOFTMAX       over the last axis, random beta; quantized output 1/256 with
//                 zero point -128 (int8) / 0 (uint8)
// Float tolerances: LOGISTIC and SOFTMAX call expf; TFLite hands float
// LOGISTIC/SOFTMAX to XNNPACK, whose exp/sigmoid are polynomial
// approximations (a few ulp), while edgelite follows TFLite's reference with
// libm expf. The default contract (1e-5 × range, ≥ 4 ulp) covers that; no
// override is needed (measured: worst seen is well inside it).
import { randomQuant, randomShape, randomTensor, singleOpModel } from '../lib/gen.mjs';

const ONE_256 = 1 / 256;

function unary(rng, op, { dtypes = [['float32', 3], ['int8', 4], ['uint8', 2]], fixedOut, options, floatRange = 8, version } = {}) {
  const dtype = rng.pickWeighted(dtypes);
  const shape = randomShape(rng, { rank: rng.int(1, 4), max: 9 });
  let qi = null;
  let qo = null;
  if (dtype !== 'float32') {
    qi = randomQuant(rng, dtype, { minScale: 0.002, maxScale: 0.2 });
    if (fixedOut) qo = fixedOut(dtype);
    else qo = rng.bool(0.4) ? { ...qi } : randomQuant(rng, dtype, { minScale: qi.scale / 3, maxScale: qi.scale * 3 });
  }
  const model = singleOpModel({
    op,
    version: version ?? (dtype === 'int8' ? 2 : 1),
    ...(options ? { options: options(rng) } : {}),
    inputs: [{ name: 'input', dtype, shape, ...(qi ? { quant: qi } : {}) }],
    outputs: [{ name: 'output', dtype, shape, ...(qo ? { quant: qo } : {}) }],
  });
  const inputs = [randomTensor(rng, dtype, shape, dtype === 'float32' ? { min: -floatRange, max: floatRange } : {})];
  const opts = model.operators[0].options ? ` ${JSON.stringify(model.operators[0].options.fields)}` : '';
  return { model, inputs, label: `${dtype} [${shape}]${qi && qo && qi.scale === qo.scale && qi.zeroPoint === qo.zeroPoint ? ' same quant' : ''}${opts}` };
}

const sigmoidOut = (dtype) => ({ scale: ONE_256, zeroPoint: dtype === 'int8' ? -128 : 0 });

export const generators = {
  RELU: (rng) => unary(rng, 'RELU'),
  RELU6: (rng) => unary(rng, 'RELU6'),
  LOGISTIC: (rng) => unary(rng, 'LOGISTIC', { fixedOut: sigmoidOut, floatRange: 20 }),
  SOFTMAX: (rng) =>
    unary(rng, 'SOFTMAX', {
      fixedOut: sigmoidOut,
      options: (r) => ({ type: 'SoftmaxOptions', fields: { beta: r.pickWeighted([[1, 3], [Math.fround(r.float(0.1, 3)), 2]]) } }),
    }),
};
