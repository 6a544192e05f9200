// load(..., {worker: true}): the same API, the model in a worker thread.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as edgelite from '../src/index.js';
import { DEFAULT_MODEL, VARIANTS, data, readBmp, readModel, simdOf } from './helpers.mjs';

for (const variant of VARIANTS) {
  const simd = simdOf(variant);
  test(`${variant}: worker mode classifies, runs, profiles, reports errors and disposes`, async () => {
    const m = await edgelite.load(DEFAULT_MODEL, { simd, worker: true });
    assert.equal(m.variant, variant);
    assert.equal(m.labels.length, 1001);
    assert.deepEqual(m.inputs[0].shape, [1, 224, 224, 3]);
    const top = await m.classify(readBmp(data('images/grace_hopper.bmp')), { topK: 3 });
    assert.equal(top[0].index, 653);
    assert.equal(top[0].label, 'military uniform');
    const p = await m.profile();
    assert.ok(p.ops.length > 10);
    await assert.rejects(m.run(new Float32Array(3)), (e) => e instanceof edgelite.EdgeliteError && e.code === 'INVALID_ARGUMENT');
    const [out] = await m.run(new Uint8Array(224 * 224 * 3).fill(128));
    assert.equal(out.length, 1001);
    assert.throws(() => m.runSync(new Uint8Array(224 * 224 * 3)), (e) => e.code === 'FAILED_PRECONDITION' && /use run\(\)/.test(e.message));
    m.dispose();
    await assert.rejects(m.run(new Uint8Array(10)), (e) => e.code === 'DISPOSED');
  });

  test(`${variant}: worker mode rejects a bad model with its message`, async () => {
    const bad = readModel('hello_world_int8.tflite').slice(0, 100);
    await assert.rejects(edgelite.load(bad, { simd, worker: true }), (e) =>
      e instanceof edgelite.EdgeliteError && e.code === 'INVALID_MODEL' && /truncated or corrupted/.test(e.message));
  });
}
