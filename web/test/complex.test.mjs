// complex64 graph inputs and outputs: Float32Arrays of 2 × elements, real and
// imaginary parts interleaved (TFLite's layout), both ways.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as edgelite from '../src/index.js';
import { writeModel } from '../../tests/conformance/lib/tflite_writer.mjs';
import { VARIANTS, simdOf } from './helpers.mjs';

// x float32 [1, 4] → RFFT2D (fft_length [1, 4]) → spectrum complex64 [1, 3],
// and z complex64 [3] → COMPLEX_ABS → m float32 [3]: two independent graphs
// in one model, so one complex64 input and one complex64 output.
const MODEL = writeModel({
  tensors: [
    { name: 'x', dtype: 'float32', shape: [1, 4] },
    { name: 'fft_length', dtype: 'int32', shape: [2], data: Int32Array.from([1, 4]) },
    { name: 'spectrum', dtype: 'complex64', shape: [1, 3] },
    { name: 'z', dtype: 'complex64', shape: [3] },
    { name: 'm', dtype: 'float32', shape: [3] },
  ],
  operators: [
    { op: 'RFFT2D', inputs: ['x', 'fft_length'], outputs: ['spectrum'] },
    { op: 'COMPLEX_ABS', inputs: ['z'], outputs: ['m'] },
  ],
  inputs: ['x', 'z'],
  outputs: ['spectrum', 'm'],
});

for (const variant of VARIANTS) {
  const simd = simdOf(variant);

  test(`${variant}: complex64 inputs and outputs are interleaved Float32Arrays`, async () => {
    const model = await edgelite.load(MODEL, { simd });
    assert.equal(model.inputs[1].dtype, 'complex64');
    assert.deepEqual(model.outputs[0].shape, [1, 3]);
    // [1, 2, 3, 4]: X0 = 10, X1 = 1 - 2i - 3 + 4i = -2 + 2i, X2 = -2.
    const [spectrum, m] = await model.run({
      x: new Float32Array([1, 2, 3, 4]),
      z: new Float32Array([3, 4, -5, 12, 0, -1]),
    });
    assert.ok(spectrum instanceof Float32Array);
    const want = [10, 0, -2, 2, -2, 0];
    assert.equal(spectrum.length, want.length);
    spectrum.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-5, `spectrum[${i}] = ${v}, want ${want[i]}`));
    assert.deepEqual(Array.from(m), [5, 13, 1]);
    await assert.rejects(model.run({ x: new Float32Array(4), z: new Float32Array(3) }), (e) => {
      assert.equal(e.code, 'INVALID_ARGUMENT');
      assert.ok(
        e.message.includes("input 1 'z' (complex64 [3]) needs 6 floats (3 complex elements as interleaved real, imaginary pairs), got 3"),
        e.message,
      );
      return true;
    });
    model.dispose();
  });
}
