// Mutation fuzzing through the JavaScript API: hostile model bytes must give
// an EdgeliteError with a documented code (never INTERNAL, never a wasm trap),
// the module must keep working, and wasm memory must stay bounded.
//
//   EDGELITE_FUZZ_SEED=1234        replay one seed (printed by every run)
//   EDGELITE_FUZZ_ITERATIONS=N     iterations per variant (default 4000: ~20 s for both on 2 cores)
//
// An INTERNAL or a non-EdgeliteError saves the mutant to
// build/artifacts/fuzz-js/<seed>-<variant>-<iteration>.tflite for reproduction.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as edgelite from '../src/index.js';
import { DEFAULT_MODEL, ROOT, VARIANTS, data, readBmp, readModel, simdOf } from './helpers.mjs';

const SEED = process.env.EDGELITE_FUZZ_SEED
  ? Number(process.env.EDGELITE_FUZZ_SEED) >>> 0
  : (Date.now() ^ (process.pid << 16)) >>> 0;
const ITERATIONS = Number(process.env.EDGELITE_FUZZ_ITERATIONS || 4000);
const MAX_ARENA = 64 * 1024 * 1024;
// Wasm memory never shrinks: a mutant may take up to MAX_ARENA of arena plus
// its own copy of the model bytes and tensor metadata.
const MEMORY_MARGIN = 96 * 1024 * 1024;
const ARTIFACTS = path.join(ROOT, 'build/artifacts/fuzz-js');
const CODES = new Set([
  'INVALID_ARGUMENT', 'INVALID_MODEL', 'UNSUPPORTED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION',
  'RUNTIME_ERROR', 'IO_ERROR', 'DISPOSED',
]);

// The small test models (the 224×224 MobileNets and the float VWW are left to
// golden.test.mjs: they would dominate the time without adding structure).
const MODELS = [
  'hello_world_int8.tflite',
  'hello_world_float.tflite',
  'micro_speech_quantized.tflite',
  'person_detect.tflite',
  'vww_96_int8.tflite',
  'mobilenet_v1_0.25_128_quant.tflite',
].map((name) => ({ name, bytes: readModel(name) }));
for (const m of MODELS) m.weights = weightRegions(m.bytes);

console.log(`# fuzz.test.mjs: EDGELITE_FUZZ_SEED=${SEED} EDGELITE_FUZZ_ITERATIONS=${ITERATIONS}`);

// mulberry32: the whole run is a function of SEED.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  return next;
}

// The byte ranges of the model's Buffer.data vectors (the weights): most of
// a file, and mutating them rarely reaches the loader's checks, so mutations
// mostly land elsewhere. A minimal FlatBuffers walk: Model.buffers is field 4.
function weightRegions(b) {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (o) => dv.getUint32(o, true);
  const field = (table, i) => {
    const vt = table - dv.getInt32(table, true);
    return 4 + 2 * i < dv.getUint16(vt, true) ? dv.getUint16(vt + 4 + 2 * i, true) : 0;
  };
  const regions = [];
  const root = u32(0);
  const off = field(root, 4);
  if (!off) return regions;
  const vec = root + off + u32(root + off);
  for (let i = 0, n = u32(vec); i < n; i++) {
    const entry = vec + 4 + 4 * i;
    const buffer = entry + u32(entry);
    const d = field(buffer, 0);
    if (!d) continue;
    const data = buffer + d + u32(buffer + d);
    const len = u32(data);
    if (len >= 64) regions.push([data + 4, data + 4 + len]);
  }
  return regions;
}

function structuralOffset(r, model, length) {
  for (let tries = 0; tries < 8; tries++) {
    const o = r.int(length);
    if (!model.weights.some(([s, e]) => o >= s && o < e)) return o;
  }
  return r.int(length);
}

// 1–8 random mutations of a copy of model.bytes.
function mutate(r, model) {
  let b = model.bytes.slice();
  const n = 1 + Math.floor(r() * r() * 8); // 1–8, mostly few
  const ops = [];
  for (let k = 0; k < n && b.length > 0; k++) {
    const at = r() < 0.85 && b.length === model.bytes.length ? structuralOffset(r, model, b.length) : r.int(b.length);
    const kind = [0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 7, 8][r.int(14)];
    switch (kind) {
      case 0:
        b[at] ^= 1 << r.int(8);
        ops.push(`flip@${at}`);
        break;
      case 1:
        b[at] = r.int(256);
        ops.push(`byte@${at}`);
        break;
      case 2: {
        const v = [0, 0xff, 0x7f, 0x80][r.int(4)];
        b[at] = v;
        ops.push(`set${v}@${at}`);
        break;
      }
      case 3:
      case 4: {
        // A 4-byte little-endian int from elsewhere (offsets, sizes, indices).
        if (b.length < 8) break;
        const to = at & ~3;
        const from = r.int(b.length - 4) & ~3;
        if (to + 4 <= b.length) b.copyWithin(to, from, from + 4);
        ops.push(`copy${from}→${to}`);
        break;
      }
      case 5: {
        const small = [0, 1, 2, 3, 4, 8, 0x7fffffff, 0xffffffff, 0x80000000, 0x10000][r.int(9 + 1)];
        const to = at & ~3;
        if (to + 4 <= b.length) new DataView(b.buffer).setUint32(to, small >>> 0, true);
        ops.push(`int${small}@${to}`);
        break;
      }
      case 6:
        b = b.slice(0, at);
        ops.push(`truncate@${at}`);
        break;
      case 7: {
        const len = 1 + r.int(64);
        const chunk = new Uint8Array(len).map(() => r.int(256));
        const out = new Uint8Array(b.length + len);
        out.set(b.subarray(0, at));
        out.set(chunk, at);
        out.set(b.subarray(at), at + len);
        b = out;
        ops.push(`insert${len}@${at}`);
        break;
      }
      case 8: {
        const len = Math.min(1 + r.int(64), b.length - at);
        const out = new Uint8Array(b.length - len);
        out.set(b.subarray(0, at));
        out.set(b.subarray(at + len), at);
        b = out;
        ops.push(`delete${len}@${at}`);
        break;
      }
    }
  }
  return { bytes: b, ops };
}

const ARRAY_TYPES = {
  float32: Float32Array, int32: Int32Array, int16: Int16Array, int8: Int8Array,
  uint8: Uint8Array, float16: Uint16Array, bool: Uint8Array, int64: BigInt64Array,
};

function zeroInputs(m) {
  return m.inputs.map((t) => new (ARRAY_TYPES[t.dtype] ?? Uint8Array)(t.shape.reduce((a, d) => a * d, 1)));
}

const smallImage = { data: new Uint8Array(8 * 6 * 3).map((_, i) => (i * 37) & 255), width: 8, height: 6 };

for (const variant of VARIANTS) {
  const simd = simdOf(variant);

  test(`${variant}: ${ITERATIONS} mutated models load, run, classify and dispose with EdgeliteErrors only (seed ${SEED})`, async () => {
    const seed = (SEED + (simd ? 0 : 0x9e3779b9)) >>> 0;
    const r = rng(seed);
    const tally = {};
    const stats = { loaded: 0, ran: 0, classified: 0, slowest: { ms: 0 } };
    const problems = [];
    let current;

    // A call resolves, or throws an EdgeliteError with a documented code and
    // a message. Anything else is recorded with the mutant's bytes.
    const guard = async (what, fn, i) => {
      try {
        return { ok: true, value: await fn() };
      } catch (e) {
        const code = e instanceof edgelite.EdgeliteError ? e.code : `not an EdgeliteError (${e && e.name})`;
        tally[`${what} ${code}`] = (tally[`${what} ${code}`] ?? 0) + 1;
        if (process.env.EDGELITE_FUZZ_VERBOSE) console.log(`# ${i} ${what} ${code}: ${e && e.message}`);
        if (!(e instanceof edgelite.EdgeliteError) || !CODES.has(e.code) || !e.message) {
          fs.mkdirSync(ARTIFACTS, { recursive: true });
          const file = path.join(ARTIFACTS, `${seed}-${variant}-${i}.tflite`);
          fs.writeFileSync(file, current.bytes);
          problems.push(`iteration ${i} (${current.model}: ${current.ops.join(' ')}) ${what}: ${code}: ${e && e.message}\n  saved ${file}`);
          console.log(`# FUZZ PROBLEM seed ${seed} iteration ${i}: ${problems.at(-1)}`);
          if (!(e instanceof edgelite.EdgeliteError)) throw e; // a trap: the module is not trustworthy any more
        }
        return { ok: false, error: e };
      }
    };

    const cycle = async (bytes, i) => {
      const t0 = performance.now();
      const loaded = await guard('load', () => edgelite.load(bytes, { simd, maxArenaBytes: MAX_ARENA }), i);
      if (!loaded.ok) return;
      const m = loaded.value;
      stats.loaded++;
      if ((await guard('run', () => m.run(zeroInputs(m)), i)).ok) stats.ran++;
      const t = m.inputs[0];
      if (m.inputs.length === 1 && t.shape.length === 4) {
        if ((await guard('classify', () => m.classify(smallImage, { topK: 3 }), i)).ok) stats.classified++;
      }
      m.dispose();
      const ms = performance.now() - t0;
      if (ms > stats.slowest.ms) stats.slowest = { ms: Math.round(ms), i };
    };

    // Warm-up: every model unmutated, so that their arenas set the baseline.
    for (const { name, bytes } of MODELS) {
      current = { model: name, ops: ['none'], bytes };
      await cycle(bytes, -1);
    }
    assert.equal(stats.loaded, MODELS.length);
    assert.equal(stats.ran, MODELS.length);
    const warm = await edgelite.memoryBytes({ simd });

    const t0 = performance.now();
    try {
      for (let i = 0; i < ITERATIONS; i++) {
        const model = MODELS[r.int(MODELS.length)];
        const { bytes, ops } = mutate(r, model);
        current = { model: model.name, ops, bytes };
        await cycle(bytes, i);
      }
    } finally {
      const after = await edgelite.memoryBytes({ simd }).catch(() => NaN);
      const MiB = (x) => `${(x / 2 ** 20).toFixed(1)} MiB`;
      console.log(`# ${variant} seed ${seed}: ${ITERATIONS} mutants in ${Math.round(performance.now() - t0)} ms; ` +
        `${stats.loaded - MODELS.length} loaded, ${stats.ran - MODELS.length} ran, ` +
        `${stats.classified} classified (incl. warm-up); slowest ${stats.slowest.ms} ms (iteration ${stats.slowest.i})`);
      for (const [k, v] of Object.entries(tally).sort()) console.log(`#   ${k}: ${v}`);
      console.log(`# ${variant} wasm memory: ${MiB(warm)} after warm-up, ${MiB(after)} after the loop (bound ${MiB(warm + MEMORY_MARGIN)})`);
    }
    assert.deepEqual(problems, [], `seed ${seed}: replay with EDGELITE_FUZZ_SEED=${SEED}`);
    assert.ok((await edgelite.memoryBytes({ simd })) <= warm + MEMORY_MARGIN, 'wasm memory grew past the bound');

    // The module still works: the default model still calls Grace Hopper a
    // military uniform.
    const model = await edgelite.load(DEFAULT_MODEL, { simd });
    const [top] = await model.classify(readBmp(data('images/grace_hopper.bmp')));
    assert.equal(top.index, 653);
    model.dispose();
  });
}
