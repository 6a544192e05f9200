// The edgelite PWA: live camera classification in a Web Worker, still images
// (file picker, drag-and-drop, paste), a model library for offline use and
// models opened from the device. DOM contract with the server and the tests:
// docs/pwa.md. Only edgelite's public API is used.
import * as edgelite from '/lib/index.js';
import { $, AppError, announce, clearError, clearResults, formatBytes, renderResults, setBody, showError } from './ui.js';
import { Camera } from './camera.js';
import * as library from './library.js';
import { registerServiceWorker } from './updates.js';

const LAST_MODEL_KEY = 'edgelite.lastModel';
const TOP_K = 5;
// An 8×8 black RGBA image: classifying it once after loading checks that the
// model takes an image and gives scores, before it replaces the current one.
const PROBE_PIXELS = { data: new Uint8Array(8 * 8 * 4), width: 8, height: 8 };
const FPS_WINDOW_MS = 2000;
const MAX_STILL_SIDE = 4096;

const state = {
  catalog: null,
  active: null, // {id, name, entry, model}
  loadingId: null, // model being loaded (library shows "Loading…")
  stored: new Set(), // catalog ids downloaded to edgelite-models
  downloads: new Map(), // id → {controller, progress}
  paused: false, // the user paused live classification
  still: false, // a still image is shown (live classification stops)
  stillReady: false, // the still canvas holds an image
  frames: 0,
  inflight: null, // promise of the frame being classified (one at a time)
  frameTimes: [],
  fileLabels: null, // {name, labels} from #labels-file
  fileModel: null, // {name, bytes} of the model opened from the device
  liveErrors: 0,
};

// Diagnostics for tests and the console (contract: version, modelId, variant, lastResults, frames).
const diagnostics = {
  version: 'dev',
  modelId: null,
  variant: null,
  lastResults: [],
  frames: 0,
  camera: 'starting',
  state: 'loading',
};
window.edgeliteApp = diagnostics;

const video = $('video');
const stillCanvas = $('still');
const camera = new Camera(video, onCameraState);
let loadToken = 0;
let looping = false;

// ---- body state ---------------------------------------------------------

function setAppState(value) {
  setBody('state', value);
  diagnostics.state = value;
}

function syncCamera() {
  const s = camera.state === 'on' && (state.paused || state.still) ? 'paused' : camera.state;
  setBody('camera', s);
  diagnostics.camera = s;
  const live = s === 'on';
  const pause = $('pause');
  const resumable = camera.state === 'on' || (state.still && camera.state !== 'starting');
  pause.disabled = !resumable && !live;
  pause.setAttribute('aria-label', live ? 'Pause live classification' : 'Resume live classification');
  pause.title = live ? 'Pause' : 'Resume live';
  pause.classList.toggle('is-paused', !live);
  $('switch-camera').disabled = camera.state === 'denied' || camera.state === 'unavailable' || !camera.supported;
  const badge = $('mode-badge');
  badge.textContent = state.still ? 'Photo' : live ? 'Live' : s === 'paused' ? 'Paused' : '';
  badge.dataset.mode = state.still ? 'still' : s;
  document.body.dataset.view = state.still ? 'still' : 'live';
  updateAspect();
  if (!live) $('fps').textContent = '–';
}

// The stage takes the aspect ratio of what it shows (phones: no bars, little crop).
function updateAspect() {
  const w = state.still ? stillCanvas.width : video.videoWidth;
  const h = state.still ? stillCanvas.height : video.videoHeight;
  if (w > 0 && h > 0) $('stage').style.setProperty('--ar', (w / h).toFixed(4));
}

function onCameraState(s, detail) {
  syncCamera();
  const message = $('camera-message');
  if (s === 'denied' || s === 'unavailable') {
    $('camera-message-title').textContent = s === 'denied' ? 'Camera access was refused' : 'No camera available';
    $('camera-message-text').textContent =
      `${detail ?? ''} You can still classify photos: choose one, drop it here or paste it.` +
      (s === 'denied' ? ' To use the camera, allow it in this site’s settings and try again.' : '');
    message.hidden = false;
  } else {
    message.hidden = true;
  }
  $('stage-status').hidden = s !== 'starting';
  if (s === 'on') liveLoop();
}

// ---- classification -----------------------------------------------------

function shouldRunLive() {
  return camera.state === 'on' && !state.paused && !state.still && !!state.active &&
    document.visibilityState !== 'hidden';
}

async function liveLoop() {
  if (looping) return;
  looping = true;
  try {
    while (shouldRunLive()) {
      await camera.nextFrame();
      if (!shouldRunLive()) break;
      // createImageBitmap(video): a frame the library transfers to the worker.
      const ok = await classifyOnce('live', () => createImageBitmap(video));
      if (!ok) await new Promise((r) => setTimeout(r, 500)); // back off after an error
    }
  } finally {
    looping = false;
  }
}

/** Classifies one image with the active model; one call in flight at a time. Resolves to success. */
async function classifyOnce(kind, makeImage) {
  const active = state.active;
  if (!active) return false;
  while (state.inflight) await state.inflight;
  const run = (async () => {
    const image = await makeImage();
    try {
      const t0 = performance.now();
      const top = await active.model.classify(image, { topK: TOP_K });
      return { top, ms: performance.now() - t0 };
    } finally {
      // The worker received a copy; free this frame now rather than at the
      // next garbage collection (a camera frame is ~1 MB of pixels).
      image.close?.();
    }
  })();
  const settled = run.then(() => {}, () => {});
  state.inflight = settled;
  let result;
  try {
    result = await run;
  } catch (e) {
    if (active !== state.active || e?.code === 'DISPOSED') return true; // the model was replaced meanwhile
    if (kind === 'still' || state.liveErrors++ === 0) showError(e, kind === 'still' ? 'Could not classify the image' : 'Could not classify the camera frame');
    return false;
  } finally {
    if (state.inflight === settled) state.inflight = null;
  }
  // Drop a result that no longer applies (model replaced, paused, or a still image shown meanwhile).
  if (active !== state.active) return true;
  if (kind === 'live' && !shouldRunLive()) return true;
  state.liveErrors = 0;
  showFrame(kind, result.top, result.ms);
  return true;
}

function showFrame(kind, top, ms) {
  state.frames += 1;
  setBody('frames', state.frames);
  renderResults(top);
  announce(top);
  $('latency').textContent = ms.toFixed(1);
  const now = performance.now();
  if (kind === 'live') {
    state.frameTimes.push(now);
    while (state.frameTimes.length && now - state.frameTimes[0] > FPS_WINDOW_MS) state.frameTimes.shift();
    const n = state.frameTimes.length;
    if (n >= 2) $('fps').textContent = (((n - 1) * 1000) / (state.frameTimes[n - 1] - state.frameTimes[0])).toFixed(1);
  } else {
    state.frameTimes = [];
    $('fps').textContent = '–';
  }
  diagnostics.lastResults = top;
  diagnostics.frames = state.frames;
  diagnostics.latencyMs = ms;
}

// ---- still images ---------------------------------------------------------

/** An image file → something drawable with its size (createImageBitmap, else an <img>: SVG). */
async function decodeImage(file) {
  try {
    const bitmap = await createImageBitmap(file);
    return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
  } catch (e) {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.src = url;
    try {
      await img.decode();
    } catch {
      URL.revokeObjectURL(url);
      throw e;
    }
    const width = img.naturalWidth || 512;
    const height = img.naturalHeight || 512;
    return { image: img, width, height, release: () => URL.revokeObjectURL(url) };
  }
}

async function classifyStillFile(file) {
  let decoded;
  try {
    decoded = await decodeImage(file);
  } catch (e) {
    showError(new AppError('INVALID_ARGUMENT', `${file.name || 'the pasted file'} is not an image this browser can decode (${file.type || 'unknown type'})`, { cause: e }), 'Could not read the image');
    return;
  }
  const scale = Math.min(1, MAX_STILL_SIDE / Math.max(decoded.width, decoded.height));
  stillCanvas.width = Math.max(1, Math.round(decoded.width * scale));
  stillCanvas.height = Math.max(1, Math.round(decoded.height * scale));
  const ctx = stillCanvas.getContext('2d');
  ctx.drawImage(decoded.image, 0, 0, stillCanvas.width, stillCanvas.height);
  decoded.release();
  stillCanvas.setAttribute('aria-label', `Photo: ${file.name || 'pasted image'}`);
  state.stillReady = true;
  state.still = true;
  stillCanvas.hidden = false;
  syncCamera();
  await classifyStill();
}

async function classifyStill() {
  if (!state.still || !state.stillReady || !state.active) return;
  await classifyOnce('still', () => createImageBitmap(stillCanvas));
}

function backToLive() {
  state.still = false;
  state.paused = false;
  stillCanvas.hidden = true;
  state.frameTimes = [];
  syncCamera();
  liveLoop();
}

function togglePause() {
  if (state.still) {
    if (camera.state === 'on') backToLive();
    else if (camera.state !== 'starting') {
      // No camera yet: try it again, then go live.
      state.still = false;
      stillCanvas.hidden = true;
      state.paused = false;
      syncCamera();
      camera.start();
    }
    return;
  }
  state.paused = !state.paused;
  state.frameTimes = [];
  syncCamera();
  liveLoop();
}

// ---- models -------------------------------------------------------------

const entryById = (id) => state.catalog?.models.find((m) => m.id === id) ?? null;
const isDefault = (entry) => entry.id === state.catalog.default;
const isOffline = (entry) => isDefault(entry) || state.stored.has(entry.id);

/**
 * Loads `bytes` as the new model (in a worker), checks it classifies, then
 * makes it the active one. On failure the previous model stays active and
 * the error (an EdgeliteError, whose message names the op/tensor/field) is thrown.
 */
async function activate({ id, name, entry = null, bytes, labels }) {
  const token = ++loadToken;
  state.loadingId = id;
  renderLibrary();
  let model = null;
  try {
    model = await edgelite.load(bytes, { worker: true, labels });
    await model.classify(PROBE_PIXELS, { topK: 1 });
  } catch (e) {
    model?.dispose();
    if (token === loadToken) {
      state.loadingId = null;
      renderLibrary();
    }
    throw e;
  }
  if (token !== loadToken) {
    model.dispose(); // superseded by a later choice
    return false;
  }
  const previous = state.active;
  state.active = { id, name, entry, model };
  state.loadingId = null;
  // The old model finishes its frame in flight, then goes.
  if (previous) Promise.resolve(state.inflight).then(() => previous.model.dispose());
  setBody('model', id);
  setAppState('ready');
  diagnostics.modelId = id;
  diagnostics.variant = model.variant;
  diagnostics.lastResults = [];
  clearResults();
  state.frameTimes = [];
  state.liveErrors = 0;
  describeModel();
  renderLibrary();
  if (state.still) classifyStill();
  else liveLoop();
  return true;
}

const shortName = (name) => name.replace(/\s*\([^)]*\)\s*$/, '') || name;

function stillUsing() {
  return state.active ? `${state.active.name} is still in use.` : '';
}

function describeModel() {
  const a = state.active;
  if (!a) return;
  const input = a.model.inputs[0];
  const shape = input?.shape ?? [];
  const size = shape.length === 4 ? `${shape[2]}×${shape[1]}${shape[3] === 1 ? ' gray' : ''}` : `[${shape.join(', ')}]`;
  const labels = a.model.labels.length ? `${a.model.labels.length} labels` : 'no labels';
  $('model-name').textContent = shortName(a.name);
  $('model-chip').title = `Model in use: ${a.name}`;
  $('model-meta').textContent = `${a.name} · input ${size} ${input?.dtype ?? ''} · ${labels} · ${a.model.variant === 'simd' ? 'WebAssembly SIMD' : 'WebAssembly'} in a worker`;
}

/** Loads a catalog model (cache first, else network) and makes it active. */
async function useEntry(entry) {
  const [bytes, labels] = await Promise.all([
    library.readModel(entry),
    library.readLabels(entry).catch((e) => {
      console.warn(`[edgelite] labels of ${entry.id}: ${e.message}; using the model's own`);
      return undefined;
    }),
  ]);
  const ok = await activate({ id: entry.id, name: entry.name, entry, bytes, labels });
  if (ok) {
    try {
      localStorage.setItem(LAST_MODEL_KEY, entry.id);
    } catch {
      // storage may be unavailable (private mode): nothing to remember then
    }
  }
  return ok;
}

async function loadInitialModel() {
  const catalog = state.catalog;
  const def = entryById(catalog.default) ?? catalog.models[0];
  let last = null;
  try {
    last = entryById(localStorage.getItem(LAST_MODEL_KEY));
  } catch {
    last = null;
  }
  const candidates = last && last !== def && state.stored.has(last.id) ? [last, def] : [def];
  let error = null;
  for (const entry of candidates) {
    try {
      await useEntry(entry);
      if (error) showError(error, 'Could not load the last used model', `Using ${entry.name} instead.`);
      return;
    } catch (e) {
      error = e;
    }
  }
  setAppState('error');
  $('model-name').textContent = 'No model';
  showError(error, 'No model could be loaded');
}

async function openModelFile(file) {
  const id = `file:${file.name}`;
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    showError(new AppError('IO_ERROR', `cannot read ${file.name}: ${e.message}`, { cause: e }), `Could not open ${file.name}`);
    return;
  }
  try {
    const ok = await activate({ id, name: file.name, bytes, labels: state.fileLabels?.labels });
    if (ok) {
      state.fileModel = { name: file.name, bytes };
      clearError();
    }
  } catch (e) {
    showError(e, `Could not open ${file.name}`, stillUsing());
  }
}

async function openLabelsFile(file) {
  try {
    const labels = library.parseLabels(await file.text());
    state.fileLabels = { name: file.name, labels };
    $('labels-file-name').textContent = `${file.name} (${labels.length})`;
  } catch (e) {
    showError(new AppError('IO_ERROR', `cannot read ${file.name}: ${e.message}`, { cause: e }), 'Could not read the labels');
    return;
  }
  // Labels chosen after the model: reload that model with them.
  if (state.active?.id?.startsWith('file:') && state.fileModel) {
    try {
      await activate({ id: state.active.id, name: state.fileModel.name, bytes: state.fileModel.bytes, labels: state.fileLabels.labels });
    } catch (e) {
      showError(e, `Could not apply the labels to ${state.fileModel.name}`);
    }
  }
}

// ---- library UI -----------------------------------------------------------

function statusOf(entry) {
  if (state.downloads.has(entry.id)) return 'downloading';
  if (state.active?.id === entry.id) return 'active';
  return isOffline(entry) ? 'offline' : 'remote';
}

const STATUS_TEXT = {
  active: 'In use',
  offline: 'On this device',
  remote: 'Online only',
  downloading: 'Downloading',
};

function libraryItem(entry) {
  const li = document.createElement('li');
  li.className = 'model';
  li.dataset.modelId = entry.id;
  const nameId = `model-${entry.id.replace(/[^a-z0-9_-]/gi, '_')}-name`;
  li.innerHTML = `
    <span class="model-title" id="${nameId}"></span>
    <p class="model-desc"></p>
    <div class="model-foot">
      <span class="model-badge"></span>
      <div class="model-actions">
        <button type="button" class="btn small ghost danger" data-action="delete">Delete</button>
        <button type="button" class="btn small ghost" data-action="cancel">Cancel</button>
        <button type="button" class="btn small" data-action="use">Use</button>
        <button type="button" class="btn small primary" data-action="download">Download</button>
      </div>
    </div>
    <progress max="100" value="0"></progress>`;
  li.querySelector('.model-title').textContent = entry.name ?? entry.id;
  const size = formatBytes(entry.bytes);
  li.querySelector('.model-desc').textContent = [entry.description, size].filter(Boolean).join(' · ');
  const label = entry.name ?? entry.id;
  li.querySelector('[data-action="use"]').setAttribute('aria-label', `Use ${label}`);
  li.querySelector('[data-action="download"]').setAttribute('aria-label', `Download ${label} for offline use`);
  li.querySelector('[data-action="cancel"]').setAttribute('aria-label', `Cancel the download of ${label}`);
  li.querySelector('[data-action="delete"]').setAttribute('aria-label', `Delete ${label} from this device`);
  li.querySelector('progress').setAttribute('aria-label', `Download progress of ${label}`);
  return li;
}

function renderLibrary() {
  if (!state.catalog) return;
  const list = $('library');
  for (const entry of state.catalog.models) {
    let li = list.querySelector(`li[data-model-id="${CSS.escape(entry.id)}"]`);
    if (!li) {
      li = libraryItem(entry);
      list.append(li);
    }
    const status = statusOf(entry);
    const offline = isOffline(entry);
    const download = state.downloads.get(entry.id);
    const loading = state.loadingId === entry.id;
    li.dataset.status = status;
    li.dataset.offline = String(offline);
    li.classList.toggle('loading', loading);
    const badge = li.querySelector('.model-badge');
    badge.textContent = status === 'downloading'
      ? `Downloading ${Math.floor(download.progress)} %`
      : status === 'active' && !offline ? 'In use · online only' : STATUS_TEXT[status];
    const show = (action, visible) => {
      li.querySelector(`[data-action="${action}"]`).hidden = !visible;
    };
    show('download', !offline && !download);
    show('cancel', !!download);
    show('delete', state.stored.has(entry.id) && !isDefault(entry) && !download);
    show('use', status !== 'active' && !download);
    const use = li.querySelector('[data-action="use"]');
    use.disabled = loading;
    use.textContent = loading ? 'Loading…' : 'Use';
    const progress = li.querySelector('progress');
    progress.hidden = !download;
    if (download) progress.value = download.progress;
  }
}

async function refreshStored() {
  const flags = await Promise.all(state.catalog.models.map((m) => library.isStored(m).catch(() => false)));
  state.stored = new Set(state.catalog.models.filter((_, i) => flags[i]).map((m) => m.id));
}

async function onLibraryClick(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const li = button.closest('li[data-model-id]');
  const entry = entryById(li?.dataset.modelId);
  if (!entry) return;
  const action = button.dataset.action;
  if (action === 'use') {
    try {
      await useEntry(entry);
      clearError();
    } catch (e) {
      showError(e, `Could not load ${entry.name}`, stillUsing());
    }
  } else if (action === 'download') {
    await downloadEntry(entry);
  } else if (action === 'cancel') {
    state.downloads.get(entry.id)?.controller.abort();
  } else if (action === 'delete') {
    try {
      await library.remove(entry, state.catalog);
    } catch (e) {
      showError(new AppError('IO_ERROR', e.message, { cause: e }), `Could not delete ${entry.name}`);
    }
    state.stored.delete(entry.id);
    renderLibrary();
  }
}

async function downloadEntry(entry) {
  if (state.downloads.has(entry.id)) return;
  const download = { controller: new AbortController(), progress: 0 };
  state.downloads.set(entry.id, download);
  renderLibrary();
  let lastRender = 0;
  try {
    await library.download(entry, {
      signal: download.controller.signal,
      onProgress: (p) => {
        download.progress = p;
        const now = performance.now();
        if (now - lastRender > 50 || p >= 100) {
          lastRender = now;
          renderLibrary();
        }
      },
    });
    state.stored.add(entry.id);
  } catch (e) {
    if (e?.name !== 'AbortError') showError(e, `Could not download ${entry.name}`);
  } finally {
    state.downloads.delete(entry.id);
    renderLibrary();
  }
}

// ---- wiring ---------------------------------------------------------------

function handleFiles(files) {
  for (const file of files) {
    if (/\.tflite$/i.test(file.name)) openModelFile(file);
    else if (/\.txt$/i.test(file.name) || file.type === 'text/plain') openLabelsFile(file);
    else classifyStillFile(file);
  }
}

function wire() {
  $('pause').addEventListener('click', togglePause);
  $('switch-camera').addEventListener('click', () => {
    state.still = false;
    stillCanvas.hidden = true;
    camera.switch();
  });
  $('retry-camera').addEventListener('click', () => camera.start());
  video.addEventListener('loadedmetadata', updateAspect);
  video.addEventListener('resize', updateAspect);
  $('still-input').addEventListener('change', (e) => {
    const [file] = e.target.files;
    if (file) classifyStillFile(file);
  });
  $('model-file').addEventListener('change', (e) => {
    const [file] = e.target.files;
    if (file) openModelFile(file);
  });
  $('labels-file').addEventListener('change', (e) => {
    const [file] = e.target.files;
    if (file) openLabelsFile(file);
  });
  $('error-dismiss').addEventListener('click', clearError);
  $('library').addEventListener('click', onLibraryClick);
  $('model-chip').addEventListener('click', () => {
    $('models-section').scrollIntoView({ behavior: 'smooth', block: 'start' });
    $('library').querySelector('li[data-status="active"] button, li button')?.focus({ preventScroll: true });
  });

  // Drag-and-drop anywhere: an image is classified, a .tflite opened, a .txt used as labels.
  let depth = 0;
  const hasFiles = (e) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth += 1;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove('dragging');
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    depth = 0;
    document.body.classList.remove('dragging');
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    handleFiles(e.dataTransfer.files);
  });
  // Paste an image (e.g. a screenshot).
  document.addEventListener('paste', (e) => {
    const files = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/'));
    if (!files.length) return;
    e.preventDefault();
    classifyStillFile(files[0]);
  });

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') liveLoop();
  });
  const online = () => {
    document.body.dataset.online = String(navigator.onLine);
    $('net-status').hidden = navigator.onLine;
  };
  addEventListener('online', online);
  addEventListener('offline', online);
  online();
  // Leaving the page releases the camera; coming back from the back/forward cache restarts it.
  addEventListener('pagehide', () => camera.stop());
  addEventListener('pageshow', (e) => {
    if (e.persisted && !camera.stream && camera.state !== 'denied' && camera.state !== 'unavailable') camera.start();
  });
}

async function main() {
  setAppState('loading');
  setBody('frames', 0);
  wire();
  syncCamera();
  registerServiceWorker();
  camera.start();
  state.catalog = await library.fetchCatalog();
  diagnostics.version = state.catalog.build ?? 'dev';
  $('build').textContent = state.catalog.build ? `build ${state.catalog.build}` : '';
  await refreshStored();
  renderLibrary();
  await loadInitialModel();
}

main().catch((e) => {
  setAppState('error');
  showError(e, 'The app could not start');
});
