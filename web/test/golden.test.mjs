// The native suite's golden cases through the JavaScript API, on both wasm
// variants: same models, same images, same expectations.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as edgelite from '../src/index.js';
import { DEFAULT_MODEL, LABELS, VARIANTS, data, readBmp, readModel, simdOf, prngBytes } from './helpers.mjs';

const graceHopper = readBmp(data('images/grace_hopper.bmp'));
const cat = readBmp(data('images/cat.bmp'));

function rgba(img) {
  const n = img.width * img.height;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    out.set(img.data.subarray(i * 3, i * 3 + 3), i * 4);
    out[i * 4 + 3] = 255;
  }
  return { data: out, width: img.width, height: img.height };
}

for (const variant of VARIANTS) {
  const simd = simdOf(variant);

  test(`${variant}: default model, grace_hopper → 653 "military uniform", labels from its metadata`, async () => {
    const model = await edgelite.load(DEFAULT_MODEL, { simd });
    assert.equal(model.variant, variant);
    assert.equal(model.labels.length, 1001, 'labels packed in the model');
    const top = await model.classify(graceHopper, { topK: 5 });
    assert.equal(top.length, 5);
    assert.equal(top[0].index, 653);
    assert.equal(top[0].label, 'military uniform');
    // RGBA input (ImageData's layout) gives the same answer to the bit.
    assert.deepEqual(await model.classify(rgba(graceHopper), { topK: 5 }), top);
    model.dispose();
  });

  test(`${variant}: cat.bmp → 286 "Egyptian cat" in the top 3 (libcoral goldens)`, async () => {
    for (const [name, minScore] of [['mobilenet_v2_1.0_224_quant.tflite', 0.7], [DEFAULT_MODEL, 0.6]]) {
      const model = await edgelite.load(name === DEFAULT_MODEL ? name : data(`models/${name}`), { simd, labels: LABELS });
      const top = await model.classify(cat, { topK: 3 });
      const hit = top.find((t) => t.index === 286);
      assert.ok(hit, `${name}: 286 not in the top 3: ${JSON.stringify(top)}`);
      assert.ok(hit.score >= minScore, `${name}: score ${hit.score} < ${minScore}`);
      assert.equal(hit.label, 'Egyptian cat');
      model.dispose();
    }
  });

  test(`${variant}: grace_hopper → 653 with mobilenet_v2_1.0_224_quant`, async () => {
    const model = await edgelite.load(data('models/mobilenet_v2_1.0_224_quant.tflite'), { simd, labels: LABELS });
    const [first] = await model.classify(graceHopper);
    assert.equal(first.index, 653);
    model.dispose();
  });

  test(`${variant}: visual wake words int8 gives TFLite's bytes`, async () => {
    const model = await edgelite.load(data('models/vww_96_int8.tflite'), { simd });
    // tfjs-tflite on the same input tensors: cat [117, -117], grace_hopper [42, -42].
    const c = await model.classify(cat, { topK: 2 });
    assert.deepEqual(c.map((r) => r.index), [0, 1]);
    assert.equal(c[0].score, (117 + 128) / 256);
    const g = await model.classify(graceHopper, { topK: 2 });
    assert.equal(g[0].score, (42 + 128) / 256);
    model.dispose();
  });

  test(`${variant}: visual wake words float with normalization {mean: 0, std: 255} gives TFLite's scores`, async () => {
    const model = await edgelite.load(data('models/vww_96_float.tflite'), { simd, normalization: { mean: 0, std: 255 } });
    // tfjs-tflite on the same input tensors (tests/e2e/golden_test.cc).
    for (const [img, want] of [[cat, [0.9645274, 0.035472505]], [graceHopper, [0.7003349, 0.29966506]]]) {
      const top = await model.classify(img, { topK: 2 });
      const byIndex = Object.fromEntries(top.map((t) => [t.index, t.score]));
      assert.ok(Math.abs(byIndex[0] - want[0]) <= 1e-5 && Math.abs(byIndex[1] - want[1]) <= 1e-5, JSON.stringify(top));
    }
    model.dispose();
    // Without it, the default [-1, 1] mapping feeds the model something else.
    const other = await edgelite.load(data('models/vww_96_float.tflite'), { simd });
    const [first] = await other.classify(cat, { topK: 1 });
    assert.ok(Math.abs(first.score - 0.9645274) > 1e-3, `default normalization gave ${first.score}`);
    other.dispose();
  });

  test(`${variant}: hello_world float and int8 follow sin(x); dynamic batch`, async () => {
    const f = await edgelite.load(data('models/hello_world_float.tflite'), { simd });
    for (const x of [0, 1, 3, 5]) {
      const [y] = await f.run(new Float32Array([x]));
      assert.ok(Math.abs(y[0] - Math.sin(x)) <= 0.05, `x=${x}: ${y[0]}`);
    }
    await f.resizeInput(0, [4, 1]);
    assert.deepEqual(f.inputs[0].shape, [4, 1]);
    const [ys] = await f.run({ [f.inputs[0].name]: new Float32Array([0, 1, 3, 5]) });
    assert.equal(ys.length, 4);
    [0, 1, 3, 5].forEach((x, i) => assert.ok(Math.abs(ys[i] - Math.sin(x)) <= 0.05));
    f.dispose();

    const q = await edgelite.load(data('models/hello_world_int8.tflite'), { simd });
    const { scale, zeroPoint } = q.outputs[0].quantization;
    for (const [qx, x] of [[-96, 0.77], [-63, 1.57], [-34, 2.3], [0, 3.14]]) {
      const [out] = await q.run([new Int8Array([qx])]);
      assert.ok(out instanceof Int8Array);
      assert.ok(Math.abs(scale * (out[0] - zeroPoint) - Math.sin(x)) <= 0.05, `q=${qx}`);
    }
    q.dispose();
  });

  test(`${variant}: metadata normalization and model description are exposed`, async () => {
    const model = await edgelite.load(DEFAULT_MODEL, { simd });
    assert.equal(model.metadata.present, true);
    assert.deepEqual(model.metadata.mean, [127.5]);
    assert.deepEqual(model.metadata.std, [127.5]);
    assert.deepEqual(model.inputs[0].shape, [1, 224, 224, 3]);
    assert.equal(model.inputs[0].dtype, 'uint8');
    assert.ok(model.inputs[0].quantization.scale > 0);
    assert.ok(model.arenaBytes >= model.arenaLowerBound && model.arenaBytes <= model.arenaLowerBound * 1.1);
    model.dispose();
  });

  test(`${variant}: profile() times every operator`, async () => {
    const model = await edgelite.load(data('models/mobilenet_v1_0.25_224_quant.tflite'), { simd });
    await model.run(prngBytes(224 * 224 * 3));
    const p = await model.profile();
    assert.equal(p.ops.length, 31);
    assert.equal(p.ops[0].op, 'CONV_2D');
    assert.ok(p.ops.every((o, i) => o.index === i && o.ms >= 0));
    assert.ok(p.totalMs > 0);
    model.dispose();
  });
}

test('SIMD and scalar variants give identical bytes on every test model', { skip: VARIANTS.length < 2 && 'one variant selected' }, async () => {
  for (const name of ['mobilenet_v1_0.25_224_quant.tflite', 'mobilenet_v2_1.0_224_quant.tflite', 'vww_96_int8.tflite',
    'vww_96_float.tflite', 'mobilenet_v1_0.25_224_1_default_1.tflite', 'micro_speech_quantized.tflite', 'person_detect.tflite']) {
    const outs = [];
    for (const simd of [true, false]) {
      const model = await edgelite.load(data(`models/${name}`), { simd });
      const info = model.inputs[0];
      const n = info.shape.reduce((a, d) => a * d, 1);
      const p = prngBytes(n, 7);
      const input = info.dtype === 'float32' ? Float32Array.from(p, (v) => (v - 127.5) / 127.5)
        : info.dtype === 'int8' ? Int8Array.from(p, (v) => v - 128) : p;
      const [out] = await model.run(input);
      outs.push(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
      model.dispose();
    }
    assert.ok(outs[0].equals(outs[1]), `${name}: SIMD and scalar outputs differ`);
  }
});
