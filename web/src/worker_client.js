// load(..., {worker: true}): the model lives in a worker (a module Web Worker
// in browsers, worker_threads in Node); this proxy has the Model API, every
// method async. Inference never blocks the calling thread.
import { EdgeliteError } from './errors.js';
import { readBytes, readLabels } from './sources.js';

const IS_NODE = typeof process === 'object' && !!process.versions && !!process.versions.node;
const DISPOSE = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol.for('Symbol.dispose');

async function spawn() {
  const url = new URL('./worker.js', import.meta.url);
  if (IS_NODE && typeof Worker === 'undefined') {
    const { Worker: NodeWorker } = await import('node:worker_threads');
    const w = new NodeWorker(url);
    return {
      post: (msg, transfer) => w.postMessage(msg, transfer),
      onMessage: (fn) => w.on('message', fn),
      onError: (fn) => w.on('error', fn),
      terminate: () => w.terminate(),
      unref: () => w.unref(),
    };
  }
  const w = new Worker(url, { type: 'module' });
  return {
    post: (msg, transfer) => w.postMessage(msg, transfer),
    onMessage: (fn) => w.addEventListener('message', (e) => fn(e.data)),
    onError: (fn) => w.addEventListener('error', (e) => fn(e.error ?? new Error(e.message || 'worker failed to start'))),
    terminate: () => w.terminate(),
    unref: () => {},
  };
}

class WorkerModel {
  #worker;
  #pending = new Map();
  #nextId = 1;
  #disposed = false;

  constructor(worker) {
    this.#worker = worker;
    worker.onMessage(({ id, result, error }) => {
      const p = this.#pending.get(id);
      if (!p) return;
      this.#pending.delete(id);
      if (error) p.reject(new EdgeliteError(error.code, error.message));
      else p.resolve(result);
    });
    worker.onError((e) => {
      for (const p of this.#pending.values()) p.reject(new EdgeliteError('INTERNAL', `the worker failed: ${e.message}`));
      this.#pending.clear();
    });
  }

  call(method, args, transfer = []) {
    if (this.#disposed) {
      return Promise.reject(new EdgeliteError('DISPOSED', 'this model was disposed; load it again to use it'));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.post({ id, method, args }, transfer);
    });
  }

  apply(snapshot) {
    Object.assign(this, snapshot);
    return this;
  }

  async run(inputs, options = {}) {
    // Inputs are copied to the worker; outputs come back as transferred copies.
    return this.call('run', [inputs, { ...options, zeroCopy: false }]);
  }

  async classify(image, options = {}) {
    let payload = image;
    const transfer = [];
    const isPlain = image && typeof image === 'object' && 'data' in image && 'width' in image && 'height' in image &&
      !(typeof HTMLCanvasElement === 'function' && image instanceof HTMLCanvasElement);
    if (isPlain) {
      payload = { data: image.data, width: image.width, height: image.height };
    } else if (typeof createImageBitmap === 'function' && image && typeof image === 'object') {
      payload = image instanceof ImageBitmap ? image : await createImageBitmap(image);
      if (payload !== image) transfer.push(payload);
    }
    return this.call('classify', [payload, options], transfer);
  }

  runSync() {
    throw new EdgeliteError('FAILED_PRECONDITION', 'runSync() is not available on a worker model (load(…, {worker: true})): use run()');
  }

  classifySync() {
    throw new EdgeliteError('FAILED_PRECONDITION', 'classifySync() is not available on a worker model (load(…, {worker: true})): use classify()');
  }

  async resizeInput(index, shape) {
    this.apply(await this.call('resizeInput', [index, shape]));
  }

  async profile() {
    return this.call('profile', []);
  }

  dispose() {
    if (this.#disposed) return;
    this.call('dispose', []).catch(() => {}).finally(() => this.#worker.terminate());
    this.#disposed = true;
  }

  [DISPOSE]() {
    this.dispose();
  }

  get disposed() {
    return this.#disposed;
  }
}

export async function loadInWorker(source, options) {
  // Read in the calling thread (it has the page's URL base and cookies); the
  // bytes are transferred, not copied.
  const [bytes, labels] = await Promise.all([
    readBytes(source),
    options.labels === undefined ? undefined : readLabels(options.labels),
  ]);
  const copy = bytes.slice();
  const worker = await spawn();
  const model = new WorkerModel(worker);
  const { worker: _w, labels: _l, ...rest } = options;
  const workerOptions = { ...rest, labels };
  if (workerOptions.baseUrl !== undefined) workerOptions.baseUrl = String(new URL(String(workerOptions.baseUrl), typeof location === 'object' ? location.href : `file://${process.cwd()}/`));
  try {
    model.apply(await model.call('load', [copy, workerOptions], [copy.buffer]));
  } catch (e) {
    worker.terminate();
    throw e;
  }
  return model;
}
