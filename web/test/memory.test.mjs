// Wasm memory: 1,000 load → run → dispose cycles leave it no larger than
// after the first cycle, and inference never grows it.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as edgelite from '../src/index.js';
import { VARIANTS, readModel, simdOf, prngBytes } from './helpers.mjs';

for (const variant of VARIANTS) {
  const simd = simdOf(variant);

  test(`${variant}: 1000 load → run → dispose cycles do not grow wasm memory`, async () => {
    const bytes = readModel('hello_world_int8.tflite');
    const big = readModel('mobilenet_v1_0.25_224_quant.tflite');
    const cycle = async (b, input) => {
      const m = await edgelite.load(b, { simd });
      await m.run(input);
      m.dispose();
    };
    // Warm the runtime with the larger model first, so that its arena sets the
    // high-water mark, then the small one.
    await cycle(big, prngBytes(224 * 224 * 3));
    await cycle(bytes, new Int8Array([3]));
    const after1 = await edgelite.memoryBytes({ simd });
    for (let i = 0; i < 1000; i++) await cycle(bytes, new Int8Array([i & 127]));
    for (let i = 0; i < 20; i++) await cycle(big, prngBytes(224 * 224 * 3, i));
    assert.equal(await edgelite.memoryBytes({ simd }), after1);
  });

  test(`${variant}: run and classify never grow wasm memory`, async () => {
    const m = await edgelite.load(readModel('mobilenet_v2_1.0_224_quant.tflite'), { simd });
    const image = { data: prngBytes(320 * 240 * 4), width: 320, height: 240 };
    await m.classify(image);
    await m.run(prngBytes(224 * 224 * 3));
    const before = await edgelite.memoryBytes({ simd });
    for (let i = 0; i < 10; i++) {
      await m.run(prngBytes(224 * 224 * 3, i));
      await m.classify(image);
    }
    assert.equal(await edgelite.memoryBytes({ simd }), before);
    m.dispose();
  });
}
