// The runtimes the benchmark drives, and how each one is driven in Node.
//
// RUNTIMES (static facts, used by the parent) and makeDriver() (used in the
// child process). A driver imports nothing from its runtime until init(), so
// everything the runtime costs to start is inside the timed phases:
//   init()          import the runtime's JavaScript + load and instantiate its wasm
//   load(bytes)     model bytes (already in memory) → model ready to run
//   inputs()        [{name, dtype, shape}]
//   run(arrays)     copy the inputs in, invoke, copy every output out (JS-owned arrays)
//   files()         absolute paths of the runtime's files this process loaded
//   info()          which build/variant is in use, versions
//   readyAt         (tfjs-tflite only) performance.now() when its wasm module
//                   became ready, inside load(): see makeTfjsTflite()
// Every peer file comes from the project's own node_modules.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const RUNTIMES = {
  edgelite: {
    peer: false,
    about: 'edgelite, SIMD128 build (web/dist/edgelite-simd), public API web/src/index.js',
  },
  'edgelite-scalar': {
    peer: false,
    about: 'edgelite, scalar build (web/dist/edgelite-scalar), for engines without SIMD',
  },
  litert: {
    peer: true,
    about: 'LiteRT.js @litertjs/core, the build it picks itself in plain Node 20 (compat: SIMD128, no relaxed SIMD), XNNPACK, 1 thread',
  },
  'litert-relaxed': {
    peer: true,
    flags: ['--experimental-wasm-relaxed-simd'],
    about: 'LiteRT.js with relaxed SIMD enabled in V8: it then picks litert_wasm_internal (SIMD128 + relaxed SIMD), 1 thread',
  },
  'tfjs-tflite': {
    peer: true,
    about: '@tensorflow/tfjs-tflite, tflite_web_api_cc_simd (SIMD128, single-threaded), XNNPACK, 1 thread',
  },
};

export const DEFAULT_RUNTIMES = ['edgelite', 'litert', 'litert-relaxed', 'tfjs-tflite'];

const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

function packageVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

// Files under node_modules that CommonJS loaded into this process.
function requiredFiles() {
  // (node_modules may be a symlink: require.cache holds real paths.)
  return Object.keys(requireFromRoot.cache).filter((f) => f.includes(`${path.sep}node_modules${path.sep}`));
}

function makeEdgelite(simd) {
  let lib;
  let model;
  const variant = simd ? 'simd' : 'scalar';
  const src = path.join(ROOT, 'web/src');
  const dist = path.join(ROOT, 'web/dist');
  return {
    async init() {
      lib = await import(pathToFileURL(path.join(src, 'index.js')).href);
      // memoryBytes() instantiates the variant's wasm module (the runtime every
      // model of that variant shares); load() below then reuses it.
      await lib.memoryBytes({ simd });
    },
    async load(bytes) {
      model = await lib.load(bytes, { simd });
    },
    inputs() {
      return model.inputs.map((t) => ({ name: t.name, dtype: t.dtype, shape: t.shape }));
    },
    async run(arrays) {
      return model.run(arrays); // copies
    },
    files() {
      // index.js imports errors.js, sources.js and image.js; the worker files are not loaded.
      return [
        ...['index.js', 'errors.js', 'sources.js', 'image.js'].map((f) => path.join(src, f)),
        path.join(dist, `edgelite-${variant}.mjs`),
        path.join(dist, `edgelite-${variant}.wasm`),
      ];
    },
    info() {
      return { variant: model ? model.variant : variant, package: `edgelite@${readJson(path.join(ROOT, 'web/package.json')).version}` };
    },
  };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
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

function makeLiteRt() {
  let lib;
  let model;
  let inMeta;
  const loaded = [];
  const wasmDir = path.join(ROOT, 'node_modules/@litertjs/core/wasm');
  return {
    async init() {
      // Without a DOM, LiteRT.js loads its glue with importScripts(); provide one.
      globalThis.self = globalThis;
      globalThis.importScripts = (url) => {
        const file = String(url).startsWith('file:') ? fileURLToPath(url) : String(url);
        loaded.push(file, file.replace(/\.js$/, '.wasm'));
        const exp = runClassicScript(file);
        globalThis.ModuleFactory = exp.default || exp;
      };
      const entry = requireFromRoot.resolve('@litertjs/core');
      loaded.push(entry, requireFromRoot.resolve('@litertjs/wasm-utils'));
      lib = await import(pathToFileURL(entry).href);
      // A directory: LiteRT.js picks the build itself (relaxed SIMD or compat).
      await lib.loadLiteRt(`${wasmDir}/`);
    },
    async load(bytes) {
      model = await lib.loadAndCompile(bytes, { accelerator: 'wasm', cpuOptions: { numThreads: 1 } });
      // A dynamic dimension (-1, e.g. a batch of the signature) runs as 1.
      inMeta = model.getInputDetails().map((d) => ({ name: d.name, dtype: d.dtype, shape: Array.from(d.shape, (x) => (x < 0 ? 1 : x)) }));
    },
    inputs() {
      return inMeta;
    },
    async run(arrays) {
      const ins = arrays.map((a, i) => new lib.Tensor(a, inMeta[i].shape));
      try {
        const outs = await model.run(ins);
        try {
          return outs.map((o) => o.toTypedArray()); // copies out of the wasm heap
        } finally {
          outs.forEach((o) => o.delete());
        }
      } finally {
        ins.forEach((t) => t.delete());
      }
    },
    files() {
      return loaded;
    },
    info() {
      const glue = loaded.find((f) => f.endsWith('_internal.js'));
      return { variant: glue ? path.basename(glue, '.js') : '?', package: `@litertjs/core@${packageVersion('@litertjs/core')}` };
    },
  };
}

function makeTfjsTflite() {
  let tflite;
  let runner;
  let ins;
  let outs;
  const loaded = [];
  const variant = 'tflite_web_api_cc_simd';
  const wasmDir = path.join(ROOT, 'node_modules/@tensorflow/tfjs-tflite/wasm');
  const driver = {
    readyAt: undefined,
    async init() {
      // Without a window, tfjs-tflite behaves as in a web worker: importScripts()
      // for its emscripten glue and self.location. It asks for the *_threaded
      // build when SharedArrayBuffer exists (it does in Node): load the
      // single-threaded SIMD build instead. That glue has no Node file loader,
      // so it gets the .wasm bytes as Module.wasmBinary.
      globalThis.self = globalThis;
      globalThis.location = { origin: '', href: 'file:///' };
      globalThis.importScripts = (url) => {
        const asked = String(url).startsWith('file:') ? fileURLToPath(url) : String(url);
        if (path.dirname(asked) !== wasmDir) throw new Error(`unexpected importScripts(${url})`);
        const file = path.join(wasmDir, `${variant}.js`);
        const wasmFile = path.join(wasmDir, `${variant}.wasm`);
        loaded.push(file, wasmFile);
        vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
        const factory = globalThis.tflite_web_api_ModuleFactory;
        const wasmBinary = fs.readFileSync(wasmFile);
        globalThis.tflite_web_api_ModuleFactory = (m = {}) => {
          const ready = factory({ ...m, wasmBinary });
          // The wasm is instantiated lazily, inside loadTFLiteModel(): note
          // when it is ready, to split "init" from "load" like the others.
          Promise.resolve(ready).then(() => {
            if (driver.readyAt === undefined) driver.readyAt = performance.now();
          });
          return ready;
        };
      };
      requireFromRoot('@tensorflow/tfjs-core');
      requireFromRoot('@tensorflow/tfjs-backend-cpu');
      tflite = requireFromRoot('@tensorflow/tfjs-tflite');
      tflite.setWasmPath(`${wasmDir}/`);
    },
    async load(bytes) {
      const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const model = await tflite.loadTFLiteModel(ab, { numThreads: 1 });
      runner = model.modelRunner;
      ins = runner.getInputs();
      outs = runner.getOutputs();
    },
    inputs() {
      return ins.map((t) => ({ name: t.name, dtype: t.dataType, shape: String(t.shape).split(',').map(Number) }));
    },
    async run(arrays) {
      arrays.forEach((a, i) => ins[i].data().set(a));
      if (!runner.infer()) throw new Error('TFLiteWebModelRunner.infer() returned false');
      return outs.map((o) => o.data().slice());
    },
    files() {
      return [...requiredFiles(), ...loaded];
    },
    info() {
      return { variant, package: `@tensorflow/tfjs-tflite@${packageVersion('@tensorflow/tfjs-tflite')}` };
    },
  };
  return driver;
}

export function makeDriver(name) {
  switch (name) {
    case 'edgelite':
      return makeEdgelite(true);
    case 'edgelite-scalar':
      return makeEdgelite(false);
    case 'litert':
    case 'litert-relaxed':
      return makeLiteRt();
    case 'tfjs-tflite':
      return makeTfjsTflite();
    default:
      throw new Error(`unknown runtime '${name}'`);
  }
}
