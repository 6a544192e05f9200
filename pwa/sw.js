// The edgelite PWA's service worker: precaches the app shell, the library, both
// WebAssembly variants and the default model, so that the app starts and
// classifies with no network. Behaviour: docs/pwa.md ("Service worker").
//
// The server replaces __EDGELITE_BUILD__ with a hash of the precached files,
// so any change to them changes this file's bytes and the browser installs
// the new worker, which then waits until the page asks it to take over
// ({type: 'SKIP_WAITING'}, sent by the "update available — reload" banner).
const BUILD = '__EDGELITE_BUILD__';
const SHELL_CACHE = `edgelite-shell-${BUILD}`;
const SHELL_PREFIX = 'edgelite-shell-';
const MODELS_CACHE = 'edgelite-models'; // downloaded models (the page manages it); never deleted here
const CATALOG = '/models/catalog.json';

// Everything the app needs to start offline. Keep in step with pwa/*.js,
// web/src/*.js and web/dist/ (see pwa/README.md).
const SHELL = [
  '/',
  '/index.html',
  '/style.css',
  '/app.js',
  '/camera.js',
  '/library.js',
  '/ui.js',
  '/updates.js',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-512.png',
  '/lib/index.js',
  '/lib/errors.js',
  '/lib/image.js',
  '/lib/sources.js',
  '/lib/worker.js',
  '/lib/worker_client.js',
  '/dist/edgelite-simd.mjs',
  '/dist/edgelite-simd.wasm',
  '/dist/edgelite-scalar.mjs',
  '/dist/edgelite-scalar.wasm',
];
// Precached when the server has them; not needed to run (a missing one does
// not fail the install).
const SHELL_OPTIONAL = ['/lib/index.d.ts'];
// Used when the catalog cannot be read at install time.
const FALLBACK_DEFAULT = { url: '/models/tf2_mobilenet_v2_1.0_224_ptq.tflite', labelsUrl: '/models/imagenet_labels.txt' };

// Fresh from the server, bypassing the HTTP cache (/dist/ and models are
// served with max-age, and a new build must not precache stale bytes).
async function fetchFresh(url) {
  const response = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
  if (!response.ok) throw new Error(`precache: ${url}: HTTP ${response.status}`);
  return response;
}

async function precache() {
  const cache = await caches.open(SHELL_CACHE);
  // The catalog names the default model and its labels.
  const catalogResponse = await fetchFresh(CATALOG);
  let model = FALLBACK_DEFAULT;
  try {
    const catalog = await catalogResponse.clone().json();
    const entry = catalog.models.find((m) => m.id === catalog.default) ?? catalog.models.find((m) => m.default);
    if (entry?.url) model = { url: entry.url, labelsUrl: entry.labelsUrl ?? null };
  } catch {
    // keep the fallback
  }
  const required = [...SHELL, model.url, ...(model.labelsUrl ? [model.labelsUrl] : [])];
  // Fetch everything before writing anything: a failed install leaves no half-filled cache.
  const responses = await Promise.all(required.map(fetchFresh));
  const optional = await Promise.all(SHELL_OPTIONAL.map((url) => fetchFresh(url).catch(() => null)));
  await Promise.all([
    cache.put(CATALOG, catalogResponse),
    ...required.map((url, i) => cache.put(url, responses[i])),
    ...SHELL_OPTIONAL.map((url, i) => (optional[i] ? cache.put(url, optional[i]) : null)),
  ]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(SHELL_PREFIX) && n !== SHELL_CACHE).map((n) => caches.delete(n)),
      );
      // Control the page that installed us (first visit), so it works offline
      // without a reload. After an update the page reloads on controllerchange.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'GET_BUILD') event.source?.postMessage({ type: 'BUILD', build: BUILD });
});

async function cacheFirst(request) {
  const navigate = request.mode === 'navigate';
  const shell = await caches.open(SHELL_CACHE);
  const hit = (await shell.match(request, { ignoreSearch: navigate })) ??
    (await (await caches.open(MODELS_CACHE)).match(request));
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (e) {
    // Offline and not cached: any page of the app is the app.
    if (navigate) {
      const app = await shell.match('/');
      if (app) return app;
    }
    throw e;
  }
}

async function networkFirst(request) {
  const shell = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request, { cache: 'no-store' });
    if (response.ok) await shell.put(CATALOG, response.clone());
    return response;
  } catch (e) {
    const hit = await shell.match(CATALOG);
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/sw.js' || url.pathname === '/healthz') return;
  if (url.pathname === CATALOG) {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});
