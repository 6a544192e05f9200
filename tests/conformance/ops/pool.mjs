// AVERAGE_POOL_2D and MAX_POOL_2D: float32, int8, uint8 (input and output
// share scale and zero point, as TFLite requires), filters 1–5 (non-square
// too), strides 1–3, SAME/VALID, fused activations, windows that hang over
// the edge, batch > 1, odd channel counts.
import { convOutSize, randomActivation, randomQuant, randomTensor, singleOpModel } from '../lib/gen.mjs';

function poolCase(rng, op) {
  const dtype = rng.pickWeighted([['float32', 3], ['int8', 4], ['uint8', 2]]);
  const padding = rng.pick(['SAME', 'VALID']);
  let g;
  for (;;) {
    const h = rng.pickWeighted([[1, 1], [rng.int(2, 8), 4], [rng.int(9, 16), 2]]);
    const w = rng.bool(0.4) ? h : rng.int(1, 16);
    const fh = rng.int(1, 5);
    const fw = rng.bool(0.7) ? fh : rng.int(1, 5);
    const sh = rng.pickWeighted([[1, 3], [2, 4], [3, 1]]);
    const sw = rng.bool(0.8) ? sh : rng.int(1, 3);
    const oh = convOutSize(padding, h, fh, sh);
    const ow = convOutSize(padding, w, fw, sw);
    if (oh >= 1 && ow >= 1) {
      g = { h, w, fh, fw, sh, sw, oh, ow };
      break;
    }
  }
  const n = rng.pickWeighted([[1, 5], [2, 1]]);
  const c = rng.pickWeighted([[1, 2], [rng.int(2, 9), 4], [rng.int(10, 24), 2]]);
  const act = randomActivation(rng);
  const q = dtype === 'float32' ? null : randomQuant(rng, dtype, { minScale: 0.005, maxScale: 0.2 });
  const t = (shape) => ({ dtype, shape, ...(q ? { quant: { ...q } } : {}) });
  const inShape = [n, g.h, g.w, c];
  const outShape = [n, g.oh, g.ow, c];
  const model = singleOpModel({
    op,
    version: dtype === 'int8' ? 2 : 1,
    options: {
      type: 'Pool2DOptions',
      fields: { padding, stride_w: g.sw, stride_h: g.sh, filter_width: g.fw, filter_height: g.fh, fused_activation_function: act },
    },
    inputs: [t(inShape)],
    outputs: [t(outShape)],
  });
  return {
    model,
    inputs: [randomTensor(rng, dtype, inShape, dtype === 'float32' ? { min: -8, max: 8 } : {})],
    label: `${dtype} [${inShape}] filter ${g.fh}x${g.fw} stride ${g.sh}x${g.sw} ${padding} ${act} -> [${outShape}]`,
  };
}

export const generators = {
  AVERAGE_POOL_2D: (rng) => poolCase(rng, 'AVERAGE_POOL_2D'),
  MAX_POOL_2D: (rng) => poolCase(rng, 'MAX_POOL_2D'),
};
