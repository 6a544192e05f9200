// RFFT2D, COMPLEX_ABS, REAL, IMAG. LiteRT.js cannot take or return complex64
// graph tensors, so every case is a float32 → float32 graph: RFFT2D into a
// complex64 intermediate, then COMPLEX_ABS, REAL or IMAG. The RFFT2D key
// ends in COMPLEX_ABS (the audio front-end pattern), the others exercise
// their op on an RFFT2D spectrum. Shapes: 0–2 batch dimensions, input
// height/width that fft_length (powers of two; height 1 included, width 1
// is refused: TFLite computes no DFT for it) crops or
// zero-pads, sometimes YAMNet's [frames, 1, 400] with fft_length [1, 512],
// sometimes a SQUEEZE (the converter's 1-D RFFT), RESHAPE or EXPAND_DIMS of
// the complex spectrum in between.
import { randomTensor } from '../lib/gen.mjs';

function makeCase(rng, part) {
  const yamnet = rng.bool(0.1);
  let batch;
  let inH;
  let inW;
  let fftH;
  let fftW;
  if (yamnet) {
    batch = [rng.int(1, 3)];
    inH = 1;
    inW = 400;
    fftH = 1;
    fftW = 512;
  } else {
    batch = Array.from({ length: rng.pickWeighted([[0, 2], [1, 2], [2, 1]]) }, () => rng.int(1, 3));
    inH = rng.int(1, 9);
    inW = rng.int(1, 20);
    fftH = rng.pick([1, 2, 4, 8, 16]);
    fftW = rng.pick([2, 4, 8, 16, 32, 64]);
  }
  const inShape = [...batch, inH, inW];
  const specShape = [...batch, fftH, fftW / 2 + 1];
  // complex64 through the byte-copying shape ops edgelite lets it reach:
  // SQUEEZE of the height-1 axis (the converter's 1-D RFFT), RESHAPE
  // flattening the spectrum, EXPAND_DIMS in front.
  const cols = fftW / 2 + 1;
  const between = rng.pickWeighted([['none', 4], ['squeeze', fftH === 1 ? 3 : 0], ['reshape', 1], ['expand', 1]]);
  const outShape = {
    none: specShape,
    squeeze: [...batch, cols],
    reshape: [...batch, fftH * cols],
    expand: [1, ...specShape],
  }[between];
  const scale = rng.pick([1, 100]);
  const tensors = [
    { name: 'x', dtype: 'float32', shape: inShape },
    { name: 'fft_length', dtype: 'int32', shape: [2], data: Int32Array.from([fftH, fftW]) },
    { name: 'spectrum', dtype: 'complex64', shape: specShape },
  ];
  const operators = [{ op: 'RFFT2D', inputs: ['x', 'fft_length'], outputs: ['spectrum'] }];
  let partIn = 'spectrum';
  if (between !== 'none') {
    tensors.push({ name: 'moved', dtype: 'complex64', shape: outShape });
    partIn = 'moved';
  }
  if (between === 'squeeze') {
    operators.push({
      op: 'SQUEEZE',
      inputs: ['spectrum'],
      outputs: ['moved'],
      options: { type: 'SqueezeOptions', fields: { squeeze_dims: [batch.length] } },
    });
  } else if (between === 'reshape') {
    tensors.push({ name: 'new_shape', dtype: 'int32', shape: [outShape.length], data: Int32Array.from(outShape) });
    operators.push({
      op: 'RESHAPE',
      inputs: ['spectrum', 'new_shape'],
      outputs: ['moved'],
      options: { type: 'ReshapeOptions', fields: { new_shape: outShape } },
    });
  } else if (between === 'expand') {
    tensors.push({ name: 'axis', dtype: 'int32', shape: [], data: Int32Array.from([0]) });
    operators.push({ op: 'EXPAND_DIMS', inputs: ['spectrum', 'axis'], outputs: ['moved'] });
  }
  tensors.push({ name: 'y', dtype: 'float32', shape: outShape });
  operators.push({ op: part, inputs: [partIn], outputs: ['y'] });
  return {
    model: { tensors, operators, inputs: ['x'], outputs: ['y'] },
    inputs: [randomTensor(rng, 'float32', inShape, { min: -scale, max: scale })],
    label: `${part}(${between === 'none' ? '' : `${between.toUpperCase()} `}RFFT2D [${inShape}] fft_length [${fftH}, ${fftW}])`,
  };
}

export const generators = {
  RFFT2D(rng) {
    return makeCase(rng, 'COMPLEX_ABS');
  },
  COMPLEX_ABS(rng) {
    return makeCase(rng, 'COMPLEX_ABS');
  },
  REAL(rng) {
    return makeCase(rng, 'REAL');
  },
  IMAG(rng) {
    return makeCase(rng, 'IMAG');
  },
};
