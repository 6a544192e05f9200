// The three runtimes the conformance suite drives in one Node process:
//   litert       LiteRT.js (@litertjs/core), the build it picks itself in plain Node 20
//                (SIMD128, XNNPACK, 1 thread) — the first oracle
//   tfjs-tflite  @tensorflow/tfjs-tflite, tflite_web_api_cc_simd (XNNPACK, 1 thread) — the second
//   edgelite     web/src/index.js on web/dist (SIMD and scalar variants)
// The peers are loaded the way bench/lib/runtimes.mjs loads them (importScripts
// shims, single-threaded tfjs-tflite build); unlike the benchmark this keeps
// both peers in one process, swallows their console chatter (kept in a ring
// buffer so a refusal can quote it), frees every model after use, and reports
// output dtypes and shapes.
//
// Every run*() resolves to {outputs: [{dtype, shape, data}]} or throws a
// RuntimeRefusal (the runtime would not load/compile/run the model: unsupported
// op or type, strict check) whose message says why.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

export class RuntimeRefusal extends Error {
  constructor(runtime, stage, message) {
    super(message);
    this.name = 'RuntimeRefusal';
    this.runtime = runtime;
    this.stage = stage;
  }
}

// The peers are devDependencies: a missing one is an error, never a silent pass.
export function requirePeer(pkg) {
  const dir = path.join(ROOT, 'node_modules', pkg);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(
      `conformance: the TFLite peer '${pkg}' is not installed in ${path.join(ROOT, 'node_modules')}; ` +
        "run 'bash scripts/npm-deps.sh' (npm ci installs the pinned devDependencies)",
    );
  }
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

// Console output of the peers' wasm (emscripten print/printErr): kept, not shown.
const LOG_LINES = 40;
const peerLog = [];
function logLine(line) {
  peerLog.push(String(line));
  if (peerLog.length > LOG_LINES) peerLog.shift();
}
function recentErrors() {
  return peerLog.filter((l) => !/^INFO: |NPU accelerator|WebGPU|XNNPACK delegate/.test(l)).join(' | ');
}

// Runs an emscripten "classic" script as a CommonJS file, so its own Node code
// path (require('fs'), __dirname) reads the .wasm next to it.
function runClassicScript(file) {
  const code = fs.readFileSync(file, 'utf8');
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: file });
  const mod = { exports: {} };
  wrapper(mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

// LiteRT.js and tfjs-tflite both load their glue through importScripts()
// (they think they are in a worker). One shim dispatches on the directory.
const importHandlers = new Map();
function installImportScripts() {
  globalThis.self = globalThis;
  if (!globalThis.location) globalThis.location = { origin: '', href: 'file:///' };
  globalThis.importScripts = (url) => {
    const file = String(url).startsWith('file:') ? fileURLToPath(url) : String(url);
    const handler = importHandlers.get(path.dirname(file));
    if (!handler) throw new Error(`conformance: unexpected importScripts(${url})`);
    handler(file);
  };
}

// The console chatter of the peers' JavaScript (not only their wasm) goes to
// the ring buffer too while a peer call is running.
async function quietly(fn) {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  console.log = console.warn = console.error = console.info = (...a) => logLine(a.join(' '));
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
}

function errorText(e) {
  return (e && e.message ? e.message : String(e)).split('\n')[0];
}

let litertPromise;
async function initLiteRt() {
  const version = requirePeer('@litertjs/core');
  requirePeer('@litertjs/wasm-utils');
  const wasmDir = path.join(ROOT, 'node_modules/@litertjs/core/wasm');
  installImportScripts();
  let glue;
  importHandlers.set(wasmDir, (file) => {
    glue = path.basename(file, '.js');
    const exp = runClassicScript(file);
    const factory = exp.default || exp;
    // Route the wasm's stdout/stderr into the ring buffer.
    globalThis.ModuleFactory = (m = {}) => factory({ ...m, print: logLine, printErr: logLine });
  });
  const lib = await import(pathToFileURL(requireFromRoot.resolve('@litertjs/core')).href);
  await quietly(() => lib.loadLiteRt(`${wasmDir}/`));
  return { lib, version, glue };
}

// Names of the I/O dtypes LiteRT.js 2.5.3 can pass from JavaScript.
export const LITERT_IO_DTYPES = new Set(['float32', 'int32', 'uint8']);

export async function runLiteRt(bytes, inputs) {
  litertPromise ??= initLiteRt();
  const { lib } = await litertPromise;
  try {
    return await runLiteRtOnce(lib, bytes, inputs);
  } catch (e) {
    // LiteRT.js can trap after a failed run (coco_ssd: its unshaped outputs
    // fail in JS, the next run of the model hits "memory access out of
    // bounds" in new Tensor()): a refusal, not a harness error.
    if (e instanceof WebAssembly.RuntimeError) throw new RuntimeRefusal('litert', 'run', `trapped: ${errorText(e)}`);
    throw e;
  }
}

function runLiteRtOnce(lib, bytes, inputs) {
  return quietly(async () => {
    peerLog.length = 0;
    let model;
    try {
      model = await lib.loadAndCompile(bytes, { accelerator: 'wasm', cpuOptions: { numThreads: 1 } });
    } catch (e) {
      throw new RuntimeRefusal('litert', 'compile', `${errorText(e)}${recentErrors() ? ` [log: ${recentErrors()}]` : ''}`);
    }
    try {
      let inDetails, outDetails;
      try {
        inDetails = model.getInputDetails();
        outDetails = model.getOutputDetails();
      } catch (e) {
        throw new RuntimeRefusal('litert', 'io', errorText(e));
      }
      // LiteRT.js runs the model's signature: its inputs carry the
      // signature's names (an input may give it as `alias`), and their order
      // need not be the subgraph's. Match by name; by position only when no
      // name matches at all.
      const byName = inDetails.map((d) => inputs.find((x) => x.name === d.name || x.alias === d.name));
      const ordered = byName.every(Boolean) ? byName : inDetails.map((d, k) => inputs[d.index ?? k]);
      if (ordered.length !== inputs.length || ordered.some((x) => !x)) {
        throw new Error(`litert: inputs ${inDetails.map((d) => d.name).join(', ')} do not match the case's ${inputs.map((x) => x.name).join(', ')}`);
      }
      const ins = ordered.map((x) => new lib.Tensor(x.data, Array.from(x.shape)));
      let outs;
      try {
        outs = await model.run(ins);
      } catch (e) {
        throw new RuntimeRefusal('litert', 'run', `${errorText(e)}${recentErrors() ? ` [log: ${recentErrors()}]` : ''}`);
      } finally {
        ins.forEach((t) => t.delete());
      }
      try {
        return {
          outputs: outs.map((o, i) => ({
            name: outDetails[i].name,
            dtype: o.type.dtype,
            shape: Array.from(o.type.layout.dimensions),
            data: o.toTypedArray().slice(),
          })),
        };
      } finally {
        outs.forEach((o) => o.delete());
      }
    } finally {
      model.delete();
    }
  });
}

let tfjsPromise;
async function initTfjs() {
  const version = requirePeer('@tensorflow/tfjs-tflite');
  requirePeer('@tensorflow/tfjs-core');
  requirePeer('@tensorflow/tfjs-backend-cpu');
  const variant = 'tflite_web_api_cc_simd';
  const wasmDir = path.join(ROOT, 'node_modules/@tensorflow/tfjs-tflite/wasm');
  installImportScripts();
  // It asks for the *_threaded build when SharedArrayBuffer exists (it does in
  // Node): load the single-threaded SIMD build instead. Its glue has no Node
  // file loader, so it gets the .wasm bytes as Module.wasmBinary.
  importHandlers.set(wasmDir, () => {
    const file = path.join(wasmDir, `${variant}.js`);
    vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
    const factory = globalThis.tflite_web_api_ModuleFactory;
    const wasmBinary = fs.readFileSync(path.join(wasmDir, `${variant}.wasm`));
    globalThis.tflite_web_api_ModuleFactory = (m = {}) => factory({ ...m, wasmBinary, print: logLine, printErr: logLine });
  });
  const tflite = await quietly(() => {
    requireFromRoot('@tensorflow/tfjs-core');
    requireFromRoot('@tensorflow/tfjs-backend-cpu');
    return requireFromRoot('@tensorflow/tfjs-tflite');
  });
  tflite.setWasmPath(`${wasmDir}/`);
  return { tflite, version, variant };
}

// tfjs-tflite's runner reports dtypes in TFLite's words.
const TFJS_DTYPES = { float32: 'float32', int32: 'int32', uint8: 'uint8', int8: 'int8', int16: 'int16', int64: 'int64', bool: 'bool', float16: 'float16' };

export async function runTfjs(bytes, inputs) {
  tfjsPromise ??= initTfjs();
  const { tflite } = await tfjsPromise;
  return quietly(async () => {
    peerLog.length = 0;
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    let model;
    try {
      model = await tflite.loadTFLiteModel(ab, { numThreads: 1 });
    } catch (e) {
      // Its own message is "Can't initialize model"; the cause is in the log.
      throw new RuntimeRefusal('tfjs-tflite', 'load', `${errorText(e)}${recentErrors() ? ` [log: ${recentErrors()}]` : ''}`);
    }
    const runner = model.modelRunner;
    try {
      const ins = runner.getInputs();
      const outs = runner.getOutputs();
      if (ins.length !== inputs.length) throw new Error(`tfjs-tflite: model has ${ins.length} inputs, case gives ${inputs.length}`);
      ins.forEach((t, i) => {
        const d = t.data();
        const src = inputs[i].data;
        if (d.byteLength !== src.byteLength) {
          throw new RuntimeRefusal('tfjs-tflite', 'io', `input ${i} '${t.name}' (${t.dataType}) has ${d.byteLength} bytes, the case gives ${src.byteLength}`);
        }
        new Uint8Array(d.buffer, d.byteOffset, d.byteLength).set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
      });
      let ok;
      try {
        ok = runner.infer();
      } catch (e) {
        // Its older TFLite aborts (wasm abort()) on some models newer TFLite
        // refuses or runs (e.g. int32 ADD broadcasting at rank 5). The module
        // is dead after that: start a fresh one for the next case.
        resetTfjs();
        throw new RuntimeRefusal('tfjs-tflite', 'run', `aborted: ${errorText(e)}${recentErrors() ? ` [log: ${recentErrors()}]` : ''}`);
      }
      if (!ok) throw new RuntimeRefusal('tfjs-tflite', 'run', `infer() returned false${recentErrors() ? ` [log: ${recentErrors()}]` : ''}`);
      for (const o of outs) {
        // int64 outputs: its data() returns nothing sliceable.
        if (typeof o.data()?.slice !== 'function') {
          throw new RuntimeRefusal('tfjs-tflite', 'io', `cannot read output '${o.name}' (${o.dataType})`);
        }
      }
      return {
        outputs: outs.map((o) => ({
          name: o.name,
          dtype: TFJS_DTYPES[o.dataType] || o.dataType,
          shape: String(o.shape) === '' ? [] : String(o.shape).split(',').map(Number),
          data: o.data().slice(),
        })),
      };
    } finally {
      if (tfjsPromise) runner.cleanUp();
    }
  });
}

// Forgets the tfjs-tflite module (and the library's cached instance of it),
// so the next runTfjs() loads both afresh.
function resetTfjs() {
  tfjsPromise = null;
  const dir = path.dirname(requireFromRoot.resolve('@tensorflow/tfjs-tflite/package.json'));
  for (const k of Object.keys(requireFromRoot.cache)) {
    if (k.startsWith(dir + path.sep) || fs.realpathSync.native(k).startsWith(fs.realpathSync.native(dir) + path.sep)) {
      delete requireFromRoot.cache[k];
    }
  }
}

let edgelitePromise;
async function initEdgelite() {
  for (const f of ['web/dist/edgelite-simd.wasm', 'web/dist/edgelite-scalar.wasm']) {
    if (!fs.existsSync(path.join(ROOT, f))) {
      throw new Error(`conformance: ${f} is missing; build it with 'bash scripts/build-wasm.sh'`);
    }
  }
  return import(pathToFileURL(path.join(ROOT, 'web/src/index.js')).href);
}

// edgelite's refusals carry a code: UNSUPPORTED (an op/type it lacks) or
// INVALID_MODEL (its validator rejected the file).
export async function runEdgelite(bytes, inputs, { simd = true } = {}) {
  edgelitePromise ??= initEdgelite();
  const lib = await edgelitePromise;
  let model;
  try {
    model = await lib.load(bytes, { simd });
  } catch (e) {
    const r = new RuntimeRefusal(`edgelite-${simd ? 'simd' : 'scalar'}`, 'load', errorText(e));
    r.code = e.code;
    throw r;
  }
  try {
    // edgelite orders inputs as the subgraph does; match by name all the same.
    const arrays = model.inputs.map((info, i) => {
      const x = inputs.find((c) => c.name === info.name) ?? inputs[i];
      return x.data;
    });
    let outs;
    try {
      outs = await model.run(arrays);
    } catch (e) {
      const r = new RuntimeRefusal(`edgelite-${simd ? 'simd' : 'scalar'}`, 'run', errorText(e));
      r.code = e.code;
      throw r;
    }
    return {
      outputs: outs.map((data, i) => ({ name: model.outputs[i].name, dtype: model.outputs[i].dtype, shape: model.outputs[i].shape, data })),
      inputs: model.inputs,
    };
  } finally {
    model.dispose();
  }
}

// Versions of what is in use (for the report).
export async function versions() {
  const out = {};
  if (litertPromise) {
    const l = await litertPromise;
    out.litert = `@litertjs/core@${l.version} (${l.glue})`;
  }
  if (tfjsPromise) {
    const t = await tfjsPromise;
    out['tfjs-tflite'] = `@tensorflow/tfjs-tflite@${t.version} (${t.variant})`;
  }
  return out;
}
