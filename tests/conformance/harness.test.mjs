// Tests of the conformance harness itself: the contract catches what it must
// (a flipped byte, a float beyond tolerance, a shape or dtype change), the
// writer produces what the reader and the peers read back, the int8 wrap is
// exact, and a missing peer is an error, not a pass.
import test from 'node:test';
import assert from 'node:assert/strict';
import { compareTensor, compareOutputs, topK, ulp32 } from './lib/compare.mjs';
import { writeModel, opCode } from './lib/tflite_writer.mjs';
import { readModel, patchQuantizedDimension } from './lib/tflite_reader.mjs';
import { OPTION_TABLES, BUILTIN_OPS } from './lib/schema.mjs';
import { wrapForLiteRt, litertPlan, consultPeers } from './lib/oracle.mjs';
import { requirePeer, runEdgelite } from './lib/runners.mjs';
import { Rng, hashSeed } from './lib/prng.mjs';
import { broadcastPair, broadcastShape, quantForRange } from './lib/gen.mjs';
import { parseOptions, defaultCases } from './op_suite.mjs';

const t = (dtype, shape, data) => ({ dtype, shape, data });

test('contract: one flipped byte of a quantized output is a mismatch', () => {
  const e = t('int8', [2, 3], Int8Array.from([1, 2, 3, 4, 5, 6]));
  const a = t('int8', [2, 3], Int8Array.from([1, 2, 3, 4, 5 ^ 1, 6]));
  const p = compareTensor(e, a);
  assert.ok(p, 'flipped byte not caught');
  assert.equal(p.index, 4);
  assert.match(p.message, /first at flat index 4 \[1,1\]: expected 5, got 4/);
  assert.equal(compareTensor(e, t('int8', [2, 3], Int8Array.from(e.data))), null);
});

test('contract: float tolerance is max(1e-5 × range, 1e-6, 4 ulp)', () => {
  const e = t('float32', [4], Float32Array.from([0, 10, 5, -10]));
  assert.equal(compareTensor(e, t('float32', [4], Float32Array.from([0, 10 + 1e-4, 5, -10]))), null); // 1e-4 ≤ 2e-4
  assert.ok(compareTensor(e, t('float32', [4], Float32Array.from([0, 10 + 4e-4, 5, -10]))));
  const tiny = t('float32', [2], Float32Array.from([1e-9, 1e-9]));
  assert.equal(compareTensor(tiny, t('float32', [2], Float32Array.from([1e-7, 1e-9]))), null, 'abs floor 1e-6');
  assert.ok(compareTensor(tiny, t('float32', [2], Float32Array.from([1e-5, 1e-9]))));
  assert.ok(compareTensor(e, t('float32', [4], Float32Array.from([0, NaN, 5, -10]))), 'NaN vs a number');
  const n = t('float32', [1], Float32Array.from([NaN]));
  assert.equal(compareTensor(n, t('float32', [1], Float32Array.from([NaN]))), null, 'NaN meets NaN');
  assert.ok(compareTensor(e, t('float32', [4], Float32Array.from([0, 10, 5, -10])), { rel: 1e-5 }) === null);
  assert.equal(ulp32(1), 2 ** -23);
});

test('contract: dtype, shape and top-5 are compared', () => {
  const e = t('uint8', [1, 6], Uint8Array.from([1, 9, 3, 7, 5, 2]));
  assert.match(compareTensor(e, t('int8', [1, 6], Int8Array.from([1, 9, 3, 7, 5, 2]))).message, /dtype int8, expected uint8/);
  assert.match(compareTensor(e, t('uint8', [6], Uint8Array.from(e.data))).message, /shape \[6\], expected \[1,6\]/);
  assert.deepEqual(topK(e.data), [1, 3, 4, 2, 5]);
  const ef = t('float32', [1, 6], Float32Array.from([0.1, 0.5, 0.3, 0.49999, 0.2, 0]));
  const af = t('float32', [1, 6], Float32Array.from([0.1, 0.49999, 0.3, 0.5, 0.2, 0]));
  const p = compareOutputs([ef], [af], { tolerance: { rel: 1 }, top5: true });
  assert.equal(p.length, 1);
  assert.equal(p[0].kind, 'top5');
});

test('writer: tensors, quantization, operator codes and options read back', () => {
  const bytes = writeModel({
    tensors: [
      { name: 'x', dtype: 'int8', shape: [1, 4], quant: { scale: 0.5, zeroPoint: -3 } },
      { name: 'w', dtype: 'int8', shape: [3, 4], data: new Int8Array(12), quant: { scale: [0.1, 0.2, 0.3], zeroPoint: [0, 0, 0], axis: 0 } },
      { name: 'y', dtype: 'int8', shape: [1, 3], quant: { scale: 1, zeroPoint: 0 } },
      { name: 'g', dtype: 'int8', shape: [1, 3], quant: { scale: 1, zeroPoint: 0 } },
    ],
    operators: [
      { op: 'FULLY_CONNECTED', version: 5, inputs: ['x', 'w', -1], outputs: ['y'], options: { type: 'FullyConnectedOptions', fields: { fused_activation_function: 'RELU', keep_num_dims: true } } },
      { op: 'GELU', inputs: ['y'], outputs: ['g'] }, // code 150 > 127
    ],
    inputs: ['x'],
    outputs: ['g'],
  });
  const m = readModel(bytes);
  assert.deepEqual(m.ops, { FULLY_CONNECTED: 1, GELU: 1 });
  assert.equal(m.inputs[0].name, 'x');
  assert.deepEqual(m.inputs[0].quant, { scale: [0.5], zeroPoint: [-3], axis: 0 });
  assert.deepEqual(m.tensors[1].quant.scale.map((s) => Math.round(s * 10) / 10), [0.1, 0.2, 0.3]);
  assert.equal(m.inputs[0].alias, 'x', 'a serving_default signature names the inputs');
  assert.equal(opCode('GELU'), 150);
});

test('writer: every table of the BuiltinOptions union can be written with its defaults', () => {
  assert.equal(Object.keys(OPTION_TABLES).length, 126);
  assert.equal(OPTION_TABLES.Conv2DOptions.unionType, 1);
  assert.equal(OPTION_TABLES.QuantizeOptions.unionType, 89);
  assert.equal(OPTION_TABLES.RightShiftOptions.unionType, 126);
  assert.equal(OPTION_TABLES.ResizeBilinearOptions.fields.find((f) => f.name === 'align_corners').id, 2, 'deprecated fields keep their slots');
  for (const type of Object.keys(OPTION_TABLES)) {
    writeModel({
      tensors: [{ name: 'x', dtype: 'float32', shape: [1] }, { name: 'y', dtype: 'float32', shape: [1] }],
      operators: [{ op: 'CUSTOM', customCode: 'X', customOptions: Uint8Array.from([1, 2]), inputs: [0], outputs: [1], options: { type, fields: {} } }],
      inputs: [0],
      outputs: [1],
    });
  }
  assert.throws(() => writeModel({ tensors: [], operators: [{ op: 'ADD', inputs: [], outputs: [], options: { type: 'AddOptions', fields: { nope: 1 } } }] }), /AddOptions has no field 'nope'/);
  assert.ok(BUILTIN_OPS.STABLEHLO_CASE === 209);
});

test('reader: person_detect quantized_dimension repair touches only 1-D tensors', async () => {
  const fs = await import('node:fs');
  const bytes = new Uint8Array(fs.readFileSync(new URL('../../models/person_detect.tflite', import.meta.url)));
  const { bytes: fixed, patched } = patchQuantizedDimension(bytes);
  assert.equal(fixed.length, bytes.length);
  assert.ok(patched.length > 0);
  for (const t of readModel(fixed).tensors) if (t.quant && t.shape.length === 1) assert.equal(t.quant.axis, 0);
});

test('oracle: the QUANTIZE/DEQUANTIZE wrap maps int8 values exactly', () => {
  const model = {
    tensors: [
      { name: 'x', dtype: 'int8', shape: [256], quant: { scale: 0.0123, zeroPoint: -7 } },
      { name: 'y', dtype: 'int8', shape: [256], quant: { scale: 0.37, zeroPoint: 5 } },
    ],
    operators: [{ op: 'RELU', inputs: [0], outputs: [1] }],
    inputs: [0],
    outputs: [1],
  };
  assert.equal(litertPlan(model).mode, 'wrapped');
  const w = wrapForLiteRt(model);
  assert.deepEqual(w.model.operators.map((o) => o.op), ['QUANTIZE', 'RELU', 'DEQUANTIZE']);
  const q = Int8Array.from({ length: 256 }, (_, i) => i - 128);
  const [fin] = w.mapInputs([{ name: 'x', shape: [256], data: q }]);
  assert.equal(fin.dtype, 'float32');
  const back = w.unmapOutputs([{ dtype: 'float32', shape: [256], data: Float32Array.from(q, (v) => Math.fround(0.37 * (v - 5))) }]);
  assert.deepEqual(Array.from(back[0].data), Array.from(q));
  assert.equal(litertPlan({ ...model, tensors: [model.tensors[0], { ...model.tensors[1], dtype: 'bool', quant: undefined }] }).mode, null);
});

test('peers: a missing peer package is an error that says how to install it', () => {
  assert.throws(() => requirePeer('@litertjs/not-installed'), /not installed .* scripts\/npm-deps\.sh/);
  assert.match(requirePeer('@litertjs/core'), /^\d+\.\d+\.\d+/);
  assert.match(requirePeer('@tensorflow/tfjs-tflite'), /^\d/);
});

test('peers and edgelite run a written model; a wrong expectation is caught end to end', async () => {
  const model = {
    tensors: [
      { name: 'a', dtype: 'uint8', shape: [2, 3], quant: { scale: 0.05, zeroPoint: 10 } },
      { name: 'b', dtype: 'uint8', shape: [3], quant: { scale: 0.07, zeroPoint: 200 } },
      { name: 'y', dtype: 'uint8', shape: [2, 3], quant: { scale: 0.1, zeroPoint: 128 } },
    ],
    operators: [{ op: 'ADD', inputs: ['a', 'b'], outputs: ['y'] }],
    inputs: ['a', 'b'],
    outputs: ['y'],
  };
  const bytes = writeModel(model);
  const inputs = [
    { name: 'a', dtype: 'uint8', shape: [2, 3], data: Uint8Array.from([0, 50, 100, 150, 200, 255]) },
    { name: 'b', dtype: 'uint8', shape: [3], data: Uint8Array.from([0, 128, 255]) },
  ];
  const peers = await consultPeers(model, bytes, inputs);
  assert.equal(peers.judge, 'litert');
  assert.equal(peers.agree, true);
  const mine = await runEdgelite(bytes, inputs);
  assert.deepEqual(compareOutputs(peers.expected, mine.outputs), []);
  const wrong = peers.expected.map((o) => ({ ...o, data: o.data.slice() }));
  wrong[0].data[5] ^= 1;
  const p = compareOutputs(wrong, mine.outputs);
  assert.equal(p.length, 1);
  assert.equal(p[0].index, 5);
});

test('generators get reproducible randomness per (seed, op, case)', () => {
  const a = new Rng(hashSeed(1, 'ADD', 7));
  const b = new Rng(hashSeed(1, 'ADD', 7));
  assert.deepEqual([a.int(0, 100), a.float(0, 1)], [b.int(0, 100), b.float(0, 1)]);
  assert.notEqual(hashSeed(1, 'ADD', 7), hashSeed(1, 'ADD', 8));
  const r = new Rng(3);
  for (let i = 0; i < 200; i++) {
    const { a: x, b: y, out } = broadcastPair(r);
    assert.deepEqual(broadcastShape(x, y), out);
  }
  const q = quantForRange(-1, 3, 'uint8');
  assert.ok(q.zeroPoint >= 0 && q.zeroPoint <= 255 && q.scale > 0);
});

test('op suite options: CLI and environment', () => {
  const o = parseOptions(['--seed', '7', '--cases=5', '--op', 'add,conv_2d', '--case', '3'], {});
  assert.deepEqual([o.seed, o.cases, o.ops, o.caseIndex], [7, 5, ['ADD', 'CONV_2D'], 3]);
  const e = parseOptions([], { EDGELITE_CONFORMANCE_SEED: '9', EDGELITE_CONFORMANCE_CASES: '2', EDGELITE_CONFORMANCE_OP: 'MEAN' });
  assert.deepEqual([e.seed, e.cases, e.ops], [9, 2, ['MEAN']]);
  assert.throws(() => parseOptions(['--bogus'], {}), /unknown option/);
  assert.equal(parseOptions([], {}).cases, null, 'default: resolved from the number of ops');
  assert.deepEqual([defaultCases(15), defaultCases(90), defaultCases(400)], [120, 33, 20]);
});
