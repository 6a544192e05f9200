// The example page's script (classify.html): load a MobileNet model once,
// classify the default image (or ?image=URL), then every file the user picks.
// Only the library's public API is used (the import map in the page maps
// 'edgelite' to web/src/index.js).
import * as edgelite from 'edgelite';

// Relative URLs resolve against the page (web/examples/classify.html).
const DEFAULT_MODEL = '../../models/tf2_mobilenet_v2_1.0_224_ptq.tflite';
const DEFAULT_LABELS = '../../models/imagenet_labels.txt'; // 1001 lines: line 0 is "background"
const DEFAULT_IMAGE = '../../models/sample.bmp';

const params = new URLSearchParams(location.search);
const modelUrl = params.get('model') ?? DEFAULT_MODEL;
// Labels: the ImageNet file for the default model; another model's own (from its metadata).
const labels = params.get('labels') ?? (params.has('model') ? undefined : DEFAULT_LABELS);
const imageUrl = params.get('image') ?? DEFAULT_IMAGE;
const worker = params.get('worker') === '1';
// simd: true / false forces a build; leaving it out picks SIMD when the browser has it.
const simd = params.has('simd') ? params.get('simd') === '1' : 'auto';

const $ = (id) => document.getElementById(id);
const canvas = $('canvas');
const fileInput = $('file');

// Machine-readable progress for tests and automation:
// <body data-state="loading|running|done|error"> and the JSON in <pre id="result">.
function setState(state, result) {
  document.body.dataset.state = state;
  if (result) $('result').textContent = JSON.stringify(result, null, 2);
}

function showError(e) {
  // Every error from edgelite is an EdgeliteError with a code; anything else
  // (a failed image download, an undecodable file) is shown the same way.
  const error = { name: e?.name ?? 'Error', code: e?.code ?? null, message: e?.message ?? String(e) };
  $('error').textContent = `${error.name}${error.code ? ` [${error.code}]` : ''}: ${error.message}`;
  $('status').textContent = 'Failed.';
  setState('error', { error });
}

async function decodeImage(source) {
  // An image file (from the file picker) or a URL → ImageBitmap.
  let blob = source;
  if (typeof source === 'string') {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`cannot fetch the image ${source}: HTTP ${response.status}`);
    blob = await response.blob();
  }
  try {
    return await createImageBitmap(blob);
  } catch (e) {
    throw new Error(`cannot decode the image ${typeof source === 'string' ? source : source.name}: ${e.message}`);
  }
}

function draw(bitmap) {
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
}

function showTop(top) {
  const rows = top.map(({ label, score }) => {
    const tr = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = label;
    const value = document.createElement('td');
    value.className = 'score';
    value.textContent = `${(score * 100).toFixed(1)} %`;
    tr.append(name, value);
    return tr;
  });
  $('top').tBodies[0].replaceChildren(...rows);
  $('top').hidden = false;
}

let model = null;
let info = null;

async function classify(source, name) {
  setState('running');
  $('error').textContent = '';
  $('status').textContent = `Classifying ${name}…`;
  draw(await decodeImage(source));
  const t0 = performance.now();
  const top = await model.classify(canvas, { topK: 5 }); // [{index, label, score}], best first
  const inferenceMs = performance.now() - t0;
  showTop(top);
  $('status').textContent =
    `${name}: ${top[0].label} (${(top[0].score * 100).toFixed(1)} %). ` +
    `Inference ${inferenceMs.toFixed(1)} ms, ${model.variant} build${worker ? ' in a Web Worker' : ''}.`;
  setState('done', {
    ...info,
    image: { source: name, width: canvas.width, height: canvas.height },
    inferenceMs,
    top,
  });
}

async function main() {
  const features = await edgelite.features(); // {simd: boolean}
  const t0 = performance.now();
  model = await edgelite.load(modelUrl, { labels, simd, worker });
  const loadMs = performance.now() - t0;
  info = {
    model: modelUrl,
    variant: model.variant, // 'simd' or 'scalar': the build actually in use
    simdSupported: features.simd,
    worker,
    input: model.inputs[0],
    loadMs,
  };
  addEventListener('pagehide', () => model.dispose());

  fileInput.disabled = false;
  fileInput.addEventListener('change', () => {
    const [file] = fileInput.files;
    if (file) classify(file, file.name).catch(showError);
  });
  await classify(imageUrl, imageUrl);
}

fileInput.disabled = true;
main().catch(showError);
