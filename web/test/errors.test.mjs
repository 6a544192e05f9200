// Every bad call gets its specific EdgeliteError, and the module keeps
// working afterwards. Includes the whole malformed-model corpus of the
// native suite (tests/data/malformed/EXPECTED.txt), with the same messages.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as edgelite from '../src/index.js';
import { VARIANTS, data, readModel, simdOf } from './helpers.mjs';

async function rejects(promise, code, fragment) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof edgelite.EdgeliteError, `not an EdgeliteError: ${e && e.stack}`);
    assert.equal(e.name, 'EdgeliteError');
    assert.equal(e.code, code, e.message);
    if (fragment) assert.ok(e.message.includes(fragment), `"${e.message}" lacks "${fragment}"`);
    return true;
  });
}

async function stillWorks(simd) {
  const m = await edgelite.load(readModel('hello_world_float.tflite'), { simd });
  const [y] = await m.run(new Float32Array([1]));
  assert.ok(Math.abs(y[0] - Math.sin(1)) < 0.05);
  m.dispose();
}

const corpus = fs
  .readFileSync(data('malformed/EXPECTED.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [file, code, text] = l.split('\t');
    return { file, code, text };
  });

for (const variant of VARIANTS) {
  const simd = simdOf(variant);

  test(`${variant}: wrong inputs name the input, its type and shape`, async () => {
    const m = await edgelite.load(readModel('hello_world_int8.tflite'), { simd });
    const name = m.inputs[0].name;
    await rejects(m.run(new Float32Array([1])), 'INVALID_ARGUMENT', `input 0 '${name}' (int8 [1, 1]) needs an Int8Array, got a Float32Array`);
    await rejects(m.run(new Int8Array(3)), 'INVALID_ARGUMENT', 'needs 1 elements, got 3');
    await rejects(m.run([new Int8Array(1), new Int8Array(1)]), 'INVALID_ARGUMENT', 'the model has 1 input(s), got 2');
    await rejects(m.run({ nope: new Int8Array(1) }), 'INVALID_ARGUMENT', "the model has no input named 'nope'");
    await rejects(m.run([[1]]), 'INVALID_ARGUMENT', 'needs an Int8Array, got an Array');
    await rejects(m.run('x'), 'INVALID_ARGUMENT', 'run() takes a typed array');
    await rejects(m.resizeInput(3, [1, 1]), 'INVALID_ARGUMENT', 'input 3 does not exist');
    await rejects(m.resizeInput(0, [1, 2]), 'INVALID_ARGUMENT', 'dimension 1 is fixed at 1');
    await rejects(m.classify({ data: new Uint8Array(12), width: 2, height: 2 }), 'INVALID_ARGUMENT', 'an image input must be [1, height, width, 3]');
    // And it still runs.
    const [out] = await m.run(new Int8Array([0]));
    assert.equal(out.length, 1);
    m.dispose();
  });

  test(`${variant}: bad images and options`, async () => {
    const m = await edgelite.load(readModel('mobilenet_v1_0.25_224_quant.tflite'), { simd });
    await rejects(m.classify({ data: new Uint8Array(10), width: 2, height: 2 }), 'INVALID_ARGUMENT', 'not 1, 3 or 4 per pixel');
    await rejects(m.classify({ data: [1, 2, 3], width: 1, height: 1 }), 'INVALID_ARGUMENT', 'image.data must be a Uint8Array');
    await rejects(m.classify({ data: new Uint8Array(3), width: 1, height: 1 }, { topK: 0 }), 'INVALID_ARGUMENT', 'topK must be a positive integer');
    await rejects(m.classify({ data: new Uint8Array(3), width: 1, height: 1 }, { crop: 1.5 }), 'INVALID_ARGUMENT', 'crop must be in (0, 1]');
    await rejects(m.classify({ data: new Uint8Array(0), width: 0, height: 0 }), 'INVALID_ARGUMENT', 'positive integers');
    await rejects(m.classify({ data: new Uint8Array(3 * 20000 * 1), width: 20000, height: 1 }), 'INVALID_ARGUMENT', 'outside the limits');
    await rejects(m.classify(42), 'INVALID_ARGUMENT', 'classify() takes ImageData');
    const top = await m.classify({ data: new Uint8Array(3 * 4 * 4).fill(128), width: 4, height: 4 });
    assert.equal(top.length, 5);
    // More than there are classes (even beyond an int32): all of them.
    assert.equal((await m.classify({ data: new Uint8Array(3), width: 1, height: 1 }, { topK: 2 ** 40 })).length, 1001);
    m.dispose();
    await rejects(edgelite.load(readModel('hello_world_int8.tflite'), { simd, arithmetic: 'fast' }), 'INVALID_ARGUMENT', "option arithmetic must be 'tflite' or 'micro'");
    await rejects(edgelite.load(readModel('hello_world_int8.tflite'), { simd: 'maybe' }), 'INVALID_ARGUMENT', 'option simd');
    await rejects(edgelite.load(12345, { simd }), 'INVALID_ARGUMENT', 'a model is a URL or path');
    await rejects(edgelite.load(readModel('hello_world_int8.tflite'), { simd, normalization: { mean: 0, std: 0 } }), 'INVALID_ARGUMENT', 'normalization.std must not be 0');
    await rejects(edgelite.load(readModel('hello_world_int8.tflite'), { simd, normalization: { mean: [1, 2], std: 1 } }), 'INVALID_ARGUMENT', 'normalization.mean must be a finite number or an array of 1 or 3, got [1,2]');
    await rejects(edgelite.load('/nonexistent/model.tflite', { simd }), 'IO_ERROR', 'cannot read /nonexistent/model.tflite');
    await rejects(edgelite.load(readModel('hello_world_int8.tflite'), { simd, maxArenaBytes: 16 }), 'RESOURCE_EXHAUSTED', 'more than the limit of 16 bytes');
    for (const bad of [0, -1, 1.5, NaN, '100', null]) {
      await rejects(edgelite.load(readModel('hello_world_int8.tflite'), { simd, maxArenaBytes: bad }), 'INVALID_ARGUMENT', 'option maxArenaBytes must be a positive integer or Infinity');
    }
    // Beyond wasm32's size_t: no cap rather than a wrapped one.
    for (const big of [2 ** 32, 2 ** 40, Infinity]) {
      (await edgelite.load(readModel('hello_world_int8.tflite'), { simd, maxArenaBytes: big })).dispose();
    }
    await stillWorks(simd);
  });

  test(`${variant}: a disposed model refuses every call`, async () => {
    const m = await edgelite.load(readModel('hello_world_float.tflite'), { simd });
    m[Symbol.dispose ?? Symbol.for('Symbol.dispose')]();
    assert.equal(m.disposed, true);
    m.dispose(); // twice is fine
    await rejects(m.run(new Float32Array([1])), 'DISPOSED', 'this model was disposed');
    await rejects(m.classify({ data: new Uint8Array(3), width: 1, height: 1 }), 'DISPOSED');
    await rejects(m.profile(), 'DISPOSED');
    await rejects(m.resizeInput(0, [2, 1]), 'DISPOSED');
    await stillWorks(simd);
  });

  test(`${variant}: truncated, corrupted and unsupported models: ${corpus.length} corpus files`, async () => {
    assert.ok(corpus.length >= 30);
    for (const { file, code, text } of corpus) {
      const bytes = new Uint8Array(fs.readFileSync(data(`malformed/${file}`)));
      // Natively an empty *file* is an I/O error; empty bytes are an invalid model.
      const want = bytes.length === 0 ? 'INVALID_MODEL' : code;
      await rejects(edgelite.load(bytes, { simd }), want, bytes.length === 0 ? 'empty' : text).catch((e) => {
        throw new Error(`${file}: ${e.message}`);
      });
    }
    const good = readModel('mobilenet_v1_0.25_224_quant.tflite');
    await rejects(edgelite.load(good.slice(0, good.length >> 1), { simd }), 'INVALID_MODEL', 'truncated or corrupted');
    const wrongId = good.slice();
    wrongId.set([0x58, 0x58, 0x58, 0x58], 4);
    await rejects(edgelite.load(wrongId, { simd }), 'INVALID_MODEL', "expected 'TFL3'");
    await stillWorks(simd);
  });
}
