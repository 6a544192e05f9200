// MEAN: float32, int8, uint8; constant int32 axes (any subset, negative
// axes, duplicates, sometimes empty), keep_dims on and off; output
// quantization equal to the input's or different; the 4-D {1, 2} global
// average pooling shape (XNNPACK's path) comes up often on purpose.
import { randomQuant, randomShape, randomTensor, singleOpModel } from '../lib/gen.mjs';

export const generators = {
  MEAN(rng) {
    const dtype = rng.pickWeighted([['float32', 3], ['int8', 4], ['uint8', 2]]);
    const pooling = rng.bool(0.35);
    const shape = pooling ? [rng.int(1, 2), rng.int(1, 9), rng.int(1, 9), rng.int(1, 12)] : randomShape(rng, { rank: rng.int(1, 4), max: 7 });
    const rank = shape.length;
    let axes;
    if (pooling) axes = rng.pick([[1, 2], [2, 1], [-3, -2], [2]]);
    else {
      axes = Array.from({ length: rank }, (_, i) => i).filter(() => rng.bool(0.5));
      if (axes.length === 0 && rng.bool(0.7)) axes = [rng.int(0, rank - 1)];
      axes = axes.map((a) => (rng.bool(0.3) ? a - rank : a));
      if (axes.length && rng.bool(0.1)) axes.push(axes[0]); // a duplicate
    }
    const keepDims = pooling ? rng.bool(0.7) : rng.bool(0.5);
    const reduced = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
    const outShape = keepDims ? shape.map((d, i) => (reduced.has(i) ? 1 : d)) : shape.filter((_, i) => !reduced.has(i));
    let qi = null;
    let qo = null;
    if (dtype !== 'float32') {
      qi = randomQuant(rng, dtype, { minScale: 0.005, maxScale: 0.2 });
      qo = rng.bool(0.4) ? { ...qi } : randomQuant(rng, dtype, { minScale: qi.scale / 4, maxScale: qi.scale * 2 });
    }
    const model = singleOpModel({
      op: 'MEAN',
      version: dtype === 'int8' ? 2 : 1,
      options: { type: 'ReducerOptions', fields: { keep_dims: keepDims } },
      inputs: [
        { name: 'input', dtype, shape, ...(qi ? { quant: qi } : {}) },
        { name: 'axes', dtype: 'int32', shape: [axes.length], data: Int32Array.from(axes) },
      ],
      outputs: [{ name: 'output', dtype, shape: outShape, ...(qo ? { quant: qo } : {}) }],
    });
    return {
      model,
      inputs: [randomTensor(rng, dtype, shape, dtype === 'float32' ? { min: -4, max: 4 } : {})],
      label: `${dtype} [${shape}] axes [${axes}] keep_dims ${keepDims}${qi && qo.scale === qi.scale ? ' same quant' : ''} -> [${outShape}]`,
    };
  },
};
