// RESHAPE and SQUEEZE: bytes unchanged, shapes checked. float32, int8 (wrapped
// for LiteRT.js), uint8, int32. RESHAPE takes its target from a constant int32
// second input or from ReshapeOptions.new_shape, with one -1 now and then;
// SQUEEZE removes all size-1 dims or those listed (negative indices too).
import { randomQuant, randomShape, randomTensor, singleOpModel } from '../lib/gen.mjs';

function pickDtype(rng) {
  return rng.pickWeighted([['float32', 3], ['int8', 2], ['uint8', 2], ['int32', 1]]);
}

// A random factorization of n into `rank` dims.
function factorShape(rng, n, rank) {
  const dims = new Array(rank).fill(1);
  let rest = n;
  for (let p = 2; p <= rest; p++) {
    while (rest % p === 0) {
      dims[rng.int(0, rank - 1)] *= p;
      rest /= p;
    }
  }
  return dims;
}

function reshapeCase(rng) {
  const dtype = pickDtype(rng);
  const inShape = randomShape(rng, { rank: rng.int(1, 4), max: 6 });
  const n = inShape.reduce((a, d) => a * d, 1);
  const outShape = factorShape(rng, n, rng.int(1, 4));
  const target = outShape.slice();
  if (rng.bool(0.4)) target[rng.int(0, target.length - 1)] = -1;
  const how = rng.pickWeighted([['input', 3], ['options', 2], ['both', 1]]);
  const q = dtype === 'int8' || dtype === 'uint8' ? randomQuant(rng, dtype) : null;
  const t = (shape, extra = {}) => ({ dtype, shape, ...(q ? { quant: { ...q } } : {}), ...extra });
  const inputs = [{ name: 'input', ...t(inShape) }];
  if (how !== 'options') inputs.push({ name: 'shape', dtype: 'int32', shape: [target.length], data: Int32Array.from(target) });
  const model = singleOpModel({
    op: 'RESHAPE',
    options: how === 'input' ? undefined : { type: 'ReshapeOptions', fields: { new_shape: target } },
    inputs,
    outputs: [{ name: 'output', ...t(outShape) }],
  });
  if (how === 'input') model.operators[0].options = null; // none, like converters that use the input
  return { model, inputs: [randomTensor(rng, dtype, inShape)], label: `${dtype} [${inShape}] -> [${target}] via ${how}` };
}

function squeezeCase(rng) {
  const dtype = pickDtype(rng);
  const inShape = randomShape(rng, { rank: rng.int(1, 5), max: 5, pOne: 0.45 });
  if (!inShape.includes(1)) inShape[rng.int(0, inShape.length - 1)] = 1;
  const ones = inShape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
  let dims = [];
  if (rng.bool(0.6)) {
    dims = ones.filter(() => rng.bool(0.6));
    if (dims.length === 0) dims = [ones[0]];
    dims = dims.map((d) => (rng.bool(0.3) ? d - inShape.length : d));
  }
  const squeezed = new Set(dims.length ? dims.map((d) => (d < 0 ? d + inShape.length : d)) : ones);
  const outShape = inShape.filter((_, i) => !squeezed.has(i));
  const q = dtype === 'int8' || dtype === 'uint8' ? randomQuant(rng, dtype) : null;
  const t = (shape) => ({ dtype, shape, ...(q ? { quant: { ...q } } : {}) });
  const model = singleOpModel({
    op: 'SQUEEZE',
    options: { type: 'SqueezeOptions', fields: dims.length ? { squeeze_dims: dims } : {} },
    inputs: [{ name: 'input', ...t(inShape) }],
    outputs: [{ name: 'output', ...t(outShape) }],
  });
  return { model, inputs: [randomTensor(rng, dtype, inShape)], label: `${dtype} [${inShape}] squeeze_dims [${dims}] -> [${outShape}]` };
}

export const generators = {
  RESHAPE: reshapeCase,
  SQUEEZE: squeezeCase,
};
