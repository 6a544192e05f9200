// SQUEEZE: bytes unchanged, shapes checked. float32, int8 (wrapped for
// LiteRT.js), uint8, int32; removes all size-1 dims or those listed (negative
// indices too). RESHAPE's generator lives with the other shape ops (shape.mjs).
import { randomQuant, randomShape, randomTensor, singleOpModel } from '../lib/gen.mjs';

function pickDtype(rng) {
  return rng.pickWeighted([['float32', 3], ['int8', 2], ['uint8', 2], ['int32', 1]]);
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
  SQUEEZE: squeezeCase,
};
