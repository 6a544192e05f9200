// Child-process entry of the cold-start benchmark: ONE runtime, ONE model, in
// a fresh Node process (so nothing of the runtime is compiled or cached yet).
//
//   node [flags] bench/lib/child.mjs --runtime NAME --model M.tflite
//        [--image IMG.bmp | --image none] [--warmup N] [--warm N] [--seed S]
//
// Prints one line "EDGELITE_BENCH_RESULT {json}" on stdout; everything the
// runtime logs goes to stderr. Static imports are node: builtins and this
// directory only: the runtime's own code is imported inside the timed init.
import fs from 'node:fs';
import { makeDriver } from './runtimes.mjs';
import { argmax, makeInputs, normalizeDtype, readBmp, sha256 } from './input.mjs';

export const RESULT_TAG = 'EDGELITE_BENCH_RESULT ';

const writeStdout = process.stdout.write.bind(process.stdout);
for (const k of ['log', 'info', 'warn', 'debug']) console[k] = (...a) => console.error(...a);

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : def;
}

const ms = (x) => +x.toFixed(3);
const now = () => performance.now();

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  const runtime = arg('runtime');
  const modelPath = arg('model');
  const imagePath = arg('image', 'none');
  const warmup = +arg('warmup', 5);
  const warm = +arg('warm', 20);
  const seed = +arg('seed', 42);
  const res = { runtime, ok: false, stage: 'setup', pid: process.pid };

  try {
    // Not timed: reading the model and the image from disk, decoding the BMP.
    const bytes = new Uint8Array(fs.readFileSync(modelPath));
    const image = imagePath === 'none' ? null : readBmp(imagePath);
    const driver = makeDriver(runtime);
    // Node has booted and loaded this script by now: informational.
    res.boot_ms = ms(now());

    res.stage = 'init';
    const t0 = now();
    await driver.init();
    const t1 = now();
    res.stage = 'load';
    await driver.load(bytes);
    const t2 = now();
    // tfjs-tflite instantiates its wasm inside loadTFLiteModel(): split there.
    const split = driver.readyAt !== undefined && driver.readyAt >= t0 && driver.readyAt <= t2 ? driver.readyAt : t1;
    res.init_ms = ms(split - t0);
    res.load_ms = ms(t2 - split);

    res.stage = 'inputs';
    const inputs = driver.inputs().map((t) => ({ name: t.name, dtype: normalizeDtype(t.dtype), shape: t.shape }));
    const { arrays, kinds } = makeInputs(inputs, image, seed);
    res.inputs = inputs.map((t, i) => ({ ...t, kind: kinds[i], sha256: sha256(arrays[i]) }));

    res.stage = 'first run';
    const t3 = now();
    const outs = await driver.run(arrays);
    const t4 = now();
    res.first_ms = ms(t4 - t3);
    res.total_ms = ms(res.init_ms + res.load_ms + res.first_ms);
    res.top1 = argmax(outs[0]);
    res.outputs = outs.map((o) => ({ length: o.length, type: o.constructor.name, sha256: sha256(o) }));

    if (warm > 0) {
      res.stage = 'warm runs';
      for (let i = 0; i < warmup; i++) await driver.run(arrays);
      const samples = [];
      let last;
      for (let i = 0; i < warm; i++) {
        const t = now();
        last = await driver.run(arrays);
        samples.push(now() - t);
      }
      res.warm = { warmup, n: warm, median_ms: ms(median(samples)), min_ms: ms(Math.min(...samples)) };
      res.deterministic = sha256(last[0]) === res.outputs[0].sha256;
    }
    res.info = driver.info();
    res.files = driver.files();
    res.ok = true;
    delete res.stage;
  } catch (e) {
    res.error = String(e && e.stack ? e.stack : e).split('\n').slice(0, 6).join('\n');
  }
  res.node = process.version;
  res.flags = process.execArgv;
  writeStdout(`${RESULT_TAG}${JSON.stringify(res)}\n`, () => process.exit(0));
}

main();
