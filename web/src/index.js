// edgelite: run TensorFlow Lite models in the browser and in Node with a
// small WebAssembly runtime.
//
//   import * as edgelite from 'edgelite';
//   const model = await edgelite.load('model.tflite');
//   const top5 = await model.classify(imageElement);
//
// API reference: docs/web.md. Everything here is thin: parsing, image
// preprocessing and inference run in C++ (src/api), shared with the CLI.
import { EdgeliteError, toEdgeliteError } from './errors.js';
import { readBytes, readLabels } from './sources.js';
import { imagePixels } from './image.js';

export { EdgeliteError };

const IS_NODE = typeof process === 'object' && !!process.versions && !!process.versions.node;
const DEFAULT_BASE = new URL('../dist/', import.meta.url);
const DISPOSE = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol.for('Symbol.dispose');

// A minimal module using one SIMD128 instruction: validates iff the engine
// has WebAssembly SIMD.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
]);

/** Which optional WebAssembly features this engine has. */
export async function features() {
  return { simd: WebAssembly.validate(SIMD_PROBE) };
}

function pickVariant(simd) {
  if (simd === true) return 'simd';
  if (simd === false) return 'scalar';
  if (simd !== undefined && simd !== 'auto') {
    throw new EdgeliteError('INVALID_ARGUMENT', `option simd must be true, false or 'auto', got ${String(simd)}`);
  }
  return WebAssembly.validate(SIMD_PROBE) ? 'simd' : 'scalar';
}

async function compileWasm(url) {
  if (IS_NODE && url.protocol === 'file:') {
    const fs = await import('node:fs/promises');
    return WebAssembly.compile(await fs.readFile(url));
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new EdgeliteError('IO_ERROR', `cannot load ${url.href}: HTTP ${response.status}`);
  }
  if (WebAssembly.compileStreaming && response.headers.get('content-type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// One wasm instance per variant and location, shared by every model loaded
// from it (models are separate C++ objects in the same memory).
const runtimes = new Map();

async function instantiate(variant, base) {
  const glueUrl = new URL(`edgelite-${variant}.mjs`, base);
  const wasmUrl = new URL(`edgelite-${variant}.wasm`, base);
  const [{ default: factory }, wasmModule] = await Promise.all([
    import(/* webpackIgnore: true */ glueUrl.href),
    compileWasm(wasmUrl),
  ]);
  let fail;
  const failed = new Promise((_, reject) => {
    fail = reject;
  });
  const ready = factory({
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance), fail);
      return {};
    },
    print: () => {},
    printErr: () => {},
  });
  const module = await Promise.race([ready, failed]);
  module.variant = variant;
  return module;
}

function runtime(variant, base) {
  const key = `${variant} ${base.href}`;
  if (!runtimes.has(key)) {
    const p = instantiate(variant, base).catch((e) => {
      runtimes.delete(key);
      throw toEdgeliteError(e, 'INTERNAL', `cannot start the ${variant} WebAssembly module`);
    });
    runtimes.set(key, p);
  }
  return runtimes.get(key);
}

/** The wasm memory size in bytes of an instantiated variant (for tests and diagnostics). */
export async function memoryBytes({ simd, baseUrl } = {}) {
  const module = await runtime(pickVariant(simd), baseUrlOf(baseUrl));
  return module.HEAPU8.buffer.byteLength;
}

function baseUrlOf(baseUrl) {
  if (baseUrl === undefined) return DEFAULT_BASE;
  if (baseUrl instanceof URL) return baseUrl;
  const s = String(baseUrl);
  const withSlash = s.endsWith('/') ? s : `${s}/`;
  if (IS_NODE && !/^[a-z][a-z0-9+.-]*:/i.test(withSlash)) {
    return new URL(`file://${withSlash.startsWith('/') ? '' : `${process.cwd()}/`}${withSlash}`);
  }
  return new URL(withSlash, typeof location === 'object' ? location.href : undefined);
}

const ARRAY_TYPES = {
  float32: Float32Array,
  int32: Int32Array,
  int16: Int16Array,
  int8: Int8Array,
  uint8: Uint8Array,
  float16: Uint16Array, // raw IEEE half bits
  bool: Uint8Array, // 0 or 1
  int64: BigInt64Array,
  complex64: Float32Array, // interleaved real, imaginary: 2 values per element
};

function describe(t) {
  return `${t.dtype} [${t.shape.join(', ')}]`;
}

function elementCount(shape) {
  return shape.reduce((a, d) => a * d, 1);
}

function checkInput(info, index, data) {
  const want = ARRAY_TYPES[info.dtype];
  const where = `input ${index} '${info.name}' (${describe(info)})`;
  if (!ArrayBuffer.isView(data) || data instanceof DataView) {
    throw new EdgeliteError('INVALID_ARGUMENT', `${where} needs ${article(want.name)}, got ${typeName(data)}`);
  }
  const ok = data instanceof want || (info.dtype === 'uint8' && data instanceof Uint8ClampedArray);
  if (!ok) {
    throw new EdgeliteError('INVALID_ARGUMENT', `${where} needs ${article(want.name)}, got ${article(data.constructor.name)}`);
  }
  const n = elementCount(info.shape);
  if (info.dtype === 'complex64') {
    if (data.length !== 2 * n) {
      throw new EdgeliteError(
        'INVALID_ARGUMENT',
        `${where} needs ${2 * n} floats (${n} complex elements as interleaved real, imaginary pairs), got ${data.length}`,
      );
    }
    return;
  }
  if (data.length !== n) {
    throw new EdgeliteError('INVALID_ARGUMENT', `${where} needs ${n} elements, got ${data.length}`);
  }
}

function article(name) {
  return `${/^[AEIOUaeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

function typeName(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an Array';
  if (typeof v === 'object') return article(v.constructor ? v.constructor.name : 'object');
  return typeof v;
}

/** A model loaded into the WebAssembly runtime. Create it with load(). */
export class Model {
  #module;
  #native;
  #disposed = false;
  #profileAlways;

  /** @internal */
  constructor(module, native, labels, profileAlways) {
    this.#module = module;
    this.#native = native;
    this.#profileAlways = profileAlways;
    /** 'simd' or 'scalar': the WebAssembly variant in use. */
    this.variant = module.variant;
    this.metadata = native.metadata();
    /** Class labels: from the load() option, else from the model's metadata. */
    this.labels = labels ?? (native.numLabels() === 0 ? [] : native.labelText().split('\n'));
    this.description = native.description();
    this.#refreshTensors();
  }

  #refreshTensors() {
    const n = this.#native;
    this.inputs = Array.from({ length: n.numInputs() }, (_, i) => publicTensor(n.input(i)));
    this.outputs = Array.from({ length: n.numOutputs() }, (_, i) => publicTensor(n.output(i)));
    this.arenaBytes = n.arenaBytes();
    this.arenaLowerBound = n.arenaLowerBound();
  }

  #live() {
    if (this.#disposed) {
      throw new EdgeliteError('DISPOSED', 'this model was disposed; load it again to use it');
    }
    return this.#native;
  }

  #inputsInOrder(inputs) {
    const infos = this.inputs;
    let list;
    if (ArrayBuffer.isView(inputs)) {
      list = [inputs];
    } else if (Array.isArray(inputs)) {
      list = inputs;
    } else if (inputs && typeof inputs === 'object') {
      const names = new Set(infos.map((t) => t.name));
      for (const k of Object.keys(inputs)) {
        if (!names.has(k)) {
          throw new EdgeliteError(
            'INVALID_ARGUMENT',
            `the model has no input named '${k}' (inputs: ${infos.map((t) => `'${t.name}'`).join(', ')})`,
          );
        }
      }
      list = infos.map((t) => inputs[t.name]);
    } else {
      throw new EdgeliteError('INVALID_ARGUMENT', `run() takes a typed array, an array of them or {name: array}, got ${typeName(inputs)}`);
    }
    if (list.length !== infos.length) {
      throw new EdgeliteError('INVALID_ARGUMENT', `the model has ${infos.length} input(s), got ${list.length}`);
    }
    list.forEach((d, i) => checkInput(infos[i], i, d));
    return list;
  }

  #invoke() {
    const err = this.#native.run();
    if (err) throw toEdgeliteError(err);
  }

  /**
   * Runs the model. `inputs`: one typed array (single-input models), an array
   * in input order, or {inputName: array}. Resolves to one typed array per
   * output — copies, unless {zeroCopy: true}: then views on wasm memory that
   * stay valid only until the next call on any model of this runtime.
   */
  async run(inputs, { zeroCopy = false } = {}) {
    return this.runSync(inputs, { zeroCopy });
  }

  /** run() without the promise (main-thread models only). */
  runSync(inputs, { zeroCopy = false } = {}) {
    const native = this.#live();
    const list = this.#inputsInOrder(inputs);
    list.forEach((d, i) => {
      const view = native.inputView(i);
      if (d instanceof BigInt64Array) new Uint8Array(view.buffer, view.byteOffset, view.byteLength).set(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
      else view.set(d);
    });
    this.#invoke();
    return this.outputs.map((info, i) => outputArray(info, native.outputView(i), zeroCopy));
  }

  /**
   * Classifies an image: ImageData, ImageBitmap, a canvas, an <img>, a
   * <video> or {data, width, height} (RGBA, RGB or gray bytes). Options:
   * topK (5), crop (1: the whole image; 0.875 keeps the central 87.5 %).
   * Resolves to [{index, label, score}], best first.
   */
  async classify(image, options = {}) {
    return this.classifySync(await imagePixels(image), options);
  }

  /** classify() for {data, width, height} pixels, without the promise. */
  classifySync(pixels, { topK = 5, crop = 1 } = {}) {
    const native = this.#live();
    const { data, width, height } = pixels;
    if (!Number.isInteger(topK) || topK < 1) {
      throw new EdgeliteError('INVALID_ARGUMENT', `topK must be a positive integer, got ${String(topK)}`);
    }
    if (typeof crop !== 'number' || !(crop > 0 && crop <= 1)) {
      throw new EdgeliteError('INVALID_ARGUMENT', `crop must be in (0, 1], got ${String(crop)}`);
    }
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
      throw new EdgeliteError('INVALID_ARGUMENT', `image width and height must be positive integers, got ${width}×${height}`);
    }
    const channels = data.length / (width * height);
    if (channels !== 1 && channels !== 3 && channels !== 4) {
      throw new EdgeliteError(
        'INVALID_ARGUMENT',
        `image data has ${data.length} bytes: not 1, 3 or 4 per pixel for ${width}×${height}`,
      );
    }
    const stage = native.stageImage(width, height, channels);
    if (stage instanceof Error) throw toEdgeliteError(stage);
    stage.set(data);
    // The native side takes an int; there are never that many classes.
    const result = native.classifyStaged(crop, Math.min(topK, 2 ** 31 - 1));
    if (result instanceof Error) throw toEdgeliteError(result);
    return result.map(({ index, score }) => ({ index, label: this.labels[index] ?? '', score }));
  }

  /**
   * Changes input `index`'s shape (e.g. the batch size) and re-plans memory.
   */
  async resizeInput(index, shape) {
    const native = this.#live();
    if (!Number.isInteger(index) || index < 0 || index >= this.inputs.length) {
      throw new EdgeliteError('INVALID_ARGUMENT', `input ${index} does not exist (the model has ${this.inputs.length})`);
    }
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0 && d < 2 ** 31)) {
      throw new EdgeliteError('INVALID_ARGUMENT', `a shape is an array of non-negative integers, got ${JSON.stringify(shape)}`);
    }
    const err = native.resizeInput(index, shape);
    this.#refreshTensors();
    if (err) throw toEdgeliteError(err);
  }

  /**
   * Times one inference per operator, on the current inputs (after run() or
   * classify(), or zeros). Resolves to {totalMs, ops: [{index, op, ms}]}.
   */
  async profile() {
    const native = this.#live();
    native.setProfiling(true);
    const t0 = performance.now();
    try {
      this.#invoke();
    } finally {
      if (!this.#profileAlways) native.setProfiling(false);
    }
    const totalMs = performance.now() - t0;
    return { totalMs, ops: native.nodeTimes() };
  }

  /** Frees the model's wasm memory. Later calls throw EdgeliteError 'DISPOSED'. */
  dispose() {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#native.delete();
    this.#native = null;
  }

  [DISPOSE]() {
    this.dispose();
  }

  get disposed() {
    return this.#disposed;
  }
}

function publicTensor(t) {
  return { name: t.name, dtype: t.dtype, shape: t.shape, quantization: t.quantization };
}

function outputArray(info, view, zeroCopy) {
  if (info.dtype === 'int64') {
    const bytes = zeroCopy ? view : view.slice();
    return new BigInt64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  }
  if (info.dtype === 'bool' || info.dtype === 'uint8') {
    const u8 = zeroCopy ? view : view.slice();
    return u8 instanceof Uint8Array ? u8 : new Uint8Array(u8.buffer, u8.byteOffset, u8.byteLength);
  }
  return zeroCopy ? view : view.slice();
}

function checkNormalization(n) {
  const list = (v, what) => {
    const a = typeof v === 'number' ? [v] : v;
    if (!Array.isArray(a) || (a.length !== 1 && a.length !== 3) || !a.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new EdgeliteError('INVALID_ARGUMENT', `normalization.${what} must be a finite number or an array of 1 or 3, got ${JSON.stringify(v)}`);
    }
    return a;
  };
  if (n === null || typeof n !== 'object') {
    throw new EdgeliteError('INVALID_ARGUMENT', `option normalization must be {mean, std}, got ${typeName(n)}`);
  }
  const mean = list(n.mean, 'mean');
  const std = list(n.std, 'std');
  if (!std.every((x) => x !== 0)) throw new EdgeliteError('INVALID_ARGUMENT', 'normalization.std must not be 0');
  return { mean, std };
}

/**
 * Loads a .tflite model. `source`: a URL or path string, a URL, an
 * ArrayBuffer, a typed array, a Blob or a Response. Options:
 *   labels    string[], or a URL/path of a text file with one label per line
 *   worker    true: run in a Web Worker (worker_threads in Node) behind the same API
 *   simd      true | false | 'auto' (default): which WebAssembly variant
 *   baseUrl   where edgelite-{simd,scalar}.{mjs,wasm} are (default: ../dist/ next to this file)
 *   profile   true: time every operator on every run (see profile())
 *   arithmetic 'tflite' (default, what TFLite computes) | 'micro' (tflite-micro's reference)
 *   maxArenaBytes  cap on the tensor arena, activations + scratch: a positive
 *             integer or Infinity (default 1 GiB); a model that needs more
 *             fails with RESOURCE_EXHAUSTED giving both numbers
 *   normalization  {mean, std} (numbers or per-channel arrays): how classify()
 *             maps pixels to a float32 input, (p − mean) / std. Default: the
 *             model's metadata, else mean = std = 127.5 ([−1, 1]).
 */
export async function load(source, options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new EdgeliteError('INVALID_ARGUMENT', `load() options must be an object, got ${typeName(options)}`);
  }
  if (options.worker) {
    const { loadInWorker } = await import('./worker_client.js');
    return loadInWorker(source, options);
  }
  const variant = pickVariant(options.simd);
  const normalization = options.normalization === undefined ? null : checkNormalization(options.normalization);
  const arithmetic = options.arithmetic ?? 'tflite';
  if (arithmetic !== 'tflite' && arithmetic !== 'micro') {
    throw new EdgeliteError('INVALID_ARGUMENT', `option arithmetic must be 'tflite' or 'micro', got ${String(arithmetic)}`);
  }
  const maxArenaBytes = options.maxArenaBytes;
  if (
    maxArenaBytes !== undefined &&
    !(typeof maxArenaBytes === 'number' && maxArenaBytes >= 1 && (Number.isInteger(maxArenaBytes) || maxArenaBytes === Infinity))
  ) {
    throw new EdgeliteError('INVALID_ARGUMENT', `option maxArenaBytes must be a positive integer or Infinity, got ${typeof maxArenaBytes === 'number' ? maxArenaBytes : typeName(maxArenaBytes)}`);
  }
  const [bytes, labels, module] = await Promise.all([
    readBytes(source),
    options.labels === undefined ? undefined : readLabels(options.labels),
    runtime(variant, baseUrlOf(options.baseUrl)),
  ]);
  if (bytes.length === 0) throw new EdgeliteError('INVALID_MODEL', 'the model is empty (0 bytes)');
  const ptr = module.allocModelBuffer(bytes.length);
  if (!ptr) {
    throw new EdgeliteError('RESOURCE_EXHAUSTED', `cannot allocate ${bytes.length} bytes of wasm memory for the model`);
  }
  module.HEAPU8.set(bytes, ptr);
  // The C++ side owns the buffer from here, even when loading fails.
  const native = new module.Model(ptr, bytes.length, {
    arithmetic,
    profile: !!options.profile,
    // wasm32: size_t is 32 bits, and the memory itself is smaller.
    maxArenaBytes: maxArenaBytes === undefined ? 0 : Math.min(maxArenaBytes, 2 ** 32 - 1),
  });
  const err = native.error();
  if (err) {
    native.delete();
    throw toEdgeliteError(err);
  }
  if (normalization) native.setNormalization(normalization.mean, normalization.std);
  return new Model(module, native, labels, !!options.profile);
}
