// The worker side of load(..., {worker: true}): one model per worker, driven
// by worker_client.js with {id, method, args} messages. Works as a module Web
// Worker and as a Node worker_threads worker.
import { load } from './index.js';

const IS_BROWSER_WORKER = typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope;
const port = IS_BROWSER_WORKER ? self : (await import('node:worker_threads')).parentPort;

let model = null;

function snapshot(m) {
  return {
    variant: m.variant,
    inputs: m.inputs,
    outputs: m.outputs,
    labels: m.labels,
    metadata: m.metadata,
    description: m.description,
    arenaBytes: m.arenaBytes,
    arenaLowerBound: m.arenaLowerBound,
  };
}

const methods = {
  async load(source, options) {
    model = await load(source, { ...options, worker: false });
    return snapshot(model);
  },
  async run(inputs, options) {
    const outs = await model.run(inputs, options);
    return { value: outs, transfer: outs.map((o) => o.buffer) };
  },
  async classify(image, options) {
    return model.classify(image, options);
  },
  async resizeInput(index, shape) {
    try {
      await model.resizeInput(index, shape);
    } finally {
      // Shapes change even when re-planning fails.
    }
    return snapshot(model);
  },
  async profile() {
    return model.profile();
  },
  async dispose() {
    if (model) model.dispose();
    model = null;
    return null;
  },
};

function onMessage({ id, method, args }) {
  Promise.resolve()
    .then(() => {
      if (!methods[method]) throw new Error(`unknown method ${method}`);
      if (method !== 'load' && method !== 'dispose' && !model) throw Object.assign(new Error('no model is loaded'), { code: 'FAILED_PRECONDITION' });
      return methods[method](...args);
    })
    .then(
      (result) => {
        if (result && result.transfer) port.postMessage({ id, result: result.value }, result.transfer);
        else port.postMessage({ id, result });
      },
      (e) => port.postMessage({ id, error: { code: e && e.code ? e.code : 'INTERNAL', message: e && e.message ? e.message : String(e) } }),
    );
}

if (IS_BROWSER_WORKER) self.onmessage = (e) => onMessage(e.data);
else port.on('message', onMessage);
