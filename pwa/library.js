// The model library of the edgelite PWA: the catalog (/models/catalog.json),
// models kept for offline use in Cache Storage ("edgelite-models", keyed by
// the model's URL, labels too), streamed downloads with progress and sha256
// verification, and reading a model's bytes and labels (cache first).
import { AppError } from './ui.js';

export const MODELS_CACHE = 'edgelite-models';
export const CATALOG_URL = '/models/catalog.json';

// What the app can still do when the catalog cannot be read at all (first
// visit with no network, or a server without it): the default model.
const FALLBACK_CATALOG = {
  build: null,
  default: 'mobilenet-v2-ptq',
  models: [
    {
      id: 'mobilenet-v2-ptq',
      name: 'MobileNet v2 (int8, 1000 ImageNet classes)',
      description: 'The default model.',
      task: 'classification',
      url: '/models/tf2_mobilenet_v2_1.0_224_ptq.tflite',
      labelsUrl: '/models/imagenet_labels.txt',
      bytes: 0,
      sha256: null,
      default: true,
    },
  ],
};

const hasCaches = () => typeof caches === 'object' && caches !== null;

/** The catalog: {build, default, models: [...]}, with `fallback: true` when it could not be fetched. */
export async function fetchCatalog() {
  try {
    const response = await fetch(CATALOG_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const catalog = await response.json();
    if (!catalog || !Array.isArray(catalog.models) || catalog.models.length === 0) throw new Error('no models listed');
    const models = catalog.models.filter((m) => m && typeof m.id === 'string' && typeof m.url === 'string');
    const def = catalog.default ?? models.find((m) => m.default)?.id ?? models[0].id;
    return { build: catalog.build ?? null, default: def, models, fallback: false };
  } catch (e) {
    console.warn(`[edgelite] cannot read ${CATALOG_URL} (${e.message}); using the built-in default`);
    return { ...FALLBACK_CATALOG, fallback: true };
  }
}

/** Whether the model's bytes are in the edgelite-models cache (downloaded for offline use). */
export async function isStored(entry) {
  if (!hasCaches()) return false;
  const cache = await caches.open(MODELS_CACHE);
  return !!(await cache.match(entry.url));
}

/** Response for `url`: any cache first (the service worker's shell cache has the default model), else the network. */
async function cachedOrFetch(url, what) {
  if (hasCaches()) {
    const hit = await caches.match(url);
    if (hit) return hit;
  }
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new AppError('IO_ERROR', `cannot fetch ${what} ${url}: ${navigator.onLine === false ? 'this device is offline' : e.message}`, { cause: e });
  }
  if (!response.ok) throw new AppError('IO_ERROR', `cannot fetch ${what} ${url}: HTTP ${response.status}`);
  return response;
}

/** Lines of a labels file (as the library reads them: \r\n or \n, no trailing empty line). */
export function parseLabels(text) {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The model's bytes (Uint8Array). */
export async function readModel(entry) {
  const response = await cachedOrFetch(entry.url, 'the model');
  return new Uint8Array(await response.arrayBuffer());
}

/** The catalog's labels for the model (string[]), or undefined (use the model's own). */
export async function readLabels(entry) {
  if (!entry.labelsUrl) return undefined;
  const response = await cachedOrFetch(entry.labelsUrl, 'the labels');
  return parseLabels(await response.text());
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Downloads a model for offline use: streams it (onProgress(percent) from
 * Content-Length), checks its sha256 against the catalog, then stores it and
 * its labels in the edgelite-models cache. A mismatch throws INTEGRITY and
 * stores nothing.
 */
export async function download(entry, { onProgress = () => {}, signal } = {}) {
  if (!hasCaches()) throw new AppError('UNSUPPORTED', 'this browser has no Cache Storage (is the page served over https?)');
  let response;
  try {
    // no-store: bytes from the server, not from an HTTP cache that may hold an older file.
    response = await fetch(entry.url, { cache: 'no-store', signal });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new AppError('IO_ERROR', `cannot download ${entry.url}: ${navigator.onLine === false ? 'this device is offline' : e.message}`, { cause: e });
  }
  if (!response.ok) throw new AppError('IO_ERROR', `cannot download ${entry.url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('Content-Length')) || entry.bytes || 0;
  const chunks = [];
  let received = 0;
  onProgress(0);
  if (response.body && response.body.getReader) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total) onProgress(Math.min(100, (received / total) * 100));
    }
  } else {
    chunks.push(new Uint8Array(await response.arrayBuffer()));
    received = chunks[0].length;
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  onProgress(100);
  if (entry.sha256) {
    const actual = hex(await crypto.subtle.digest('SHA-256', bytes));
    if (actual !== String(entry.sha256).toLowerCase()) {
      throw new AppError(
        'INTEGRITY',
        `${entry.url}: sha256 ${actual} does not match the catalog's ${entry.sha256} (${received} bytes received` +
          `${entry.bytes ? `, ${entry.bytes} expected` : ''}); nothing was stored`,
      );
    }
  }
  let labelsText = null;
  if (entry.labelsUrl) {
    const r = await cachedOrFetch(entry.labelsUrl, 'the labels');
    labelsText = await r.text();
  }
  const headers = (type, length) => ({
    'Content-Type': type,
    'Content-Length': String(length),
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  const cache = await caches.open(MODELS_CACHE);
  try {
    if (labelsText !== null) {
      const body = new TextEncoder().encode(labelsText);
      await cache.put(entry.labelsUrl, new Response(body, { headers: headers('text/plain; charset=utf-8', body.length) }));
    }
    await cache.put(entry.url, new Response(bytes, { headers: headers('application/octet-stream', bytes.length) }));
  } catch (e) {
    await cache.delete(entry.url);
    const quota = e?.name === 'QuotaExceededError';
    throw new AppError(quota ? 'RESOURCE_EXHAUSTED' : 'IO_ERROR', `cannot store ${entry.url} for offline use: ${e.message}`, { cause: e });
  }
  return bytes;
}

/** Removes a downloaded model (and its labels, unless another stored model uses them). */
export async function remove(entry, catalog) {
  if (!hasCaches()) return;
  const cache = await caches.open(MODELS_CACHE);
  await cache.delete(entry.url);
  if (entry.labelsUrl) {
    const others = catalog.models.filter((m) => m.id !== entry.id && m.labelsUrl === entry.labelsUrl);
    const stillUsed = await Promise.all(others.map(isStored));
    if (!stillUsed.some(Boolean)) await cache.delete(entry.labelsUrl);
  }
}
