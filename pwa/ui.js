// DOM helpers of the edgelite PWA: the body's data-* state (read by the tests,
// see docs/pwa.md), the results list, the error box, formatting.

export const $ = (id) => document.getElementById(id);

/** An error of the app itself (not the library's), with a code like EdgeliteError's. */
export class AppError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** Sets document.body.dataset[key] (state, model, camera, frames, …). */
export function setBody(key, value) {
  document.body.dataset[key] = String(value);
}

export function formatBytes(n) {
  if (!Number.isFinite(n) || n <= 0) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

// ---- errors -------------------------------------------------------------

/**
 * Shows `e` in #error: data-code = its code (EdgeliteError's, or the app's:
 * INTEGRITY, IO_ERROR, …), the title says what was being done, the message is
 * the library's (it names the op, tensor or field).
 */
export function showError(e, title = 'Something went wrong', note = '') {
  const box = $('error');
  const code = e?.code ?? 'INTERNAL';
  box.dataset.code = code;
  $('error-title').textContent = title;
  $('error-code').textContent = code;
  $('error-message').textContent = e?.message ?? String(e);
  $('error-note').textContent = note;
  box.hidden = false;
  console.warn(`[edgelite] ${title}: ${code}: ${e?.message ?? e}`);
}

export function clearError() {
  const box = $('error');
  box.hidden = true;
  box.dataset.code = '';
}

// ---- results ------------------------------------------------------------

// The list keeps its <li> elements between frames (only attributes and text
// change), so a 30 fps stream does not churn the DOM and the bars animate.
function resultItem() {
  const li = document.createElement('li');
  li.innerHTML =
    '<span class="result-name"><span class="result-label"></span><span class="result-extra"></span></span>' +
    '<span class="result-score"></span>' +
    '<span class="result-bar" aria-hidden="true"><span></span></span>';
  return li;
}

/** Shows [{index, label, score}] in #results (top first). */
export function renderResults(top) {
  const list = $('results');
  while (list.children.length > top.length) list.lastElementChild.remove();
  while (list.children.length < top.length) list.append(resultItem());
  top.forEach(({ index, label, score }, i) => {
    const li = list.children[i];
    const shown = Number.isFinite(score) ? score : 0;
    li.dataset.label = label ?? '';
    li.dataset.score = shown.toFixed(4);
    li.dataset.index = String(index);
    // ImageNet labels list synonyms after commas: the first is the name.
    const [name, ...rest] = (label || `class ${index}`).split(',');
    const nameEl = li.querySelector('.result-label');
    if (nameEl.textContent !== name) nameEl.textContent = name;
    const extra = rest.join(',').trim();
    const extraEl = li.querySelector('.result-extra');
    if (extraEl.textContent !== extra) extraEl.textContent = extra;
    li.title = label ? `${label} (class ${index})` : `class ${index}`;
    li.querySelector('.result-score').textContent = formatScore(shown);
    li.style.setProperty('--score', String(Math.min(1, Math.max(0, shown))));
  });
}

export function clearResults() {
  $('results').replaceChildren();
}

function formatScore(score) {
  if (score >= 0 && score <= 1) return `${(score * 100).toFixed(score >= 0.995 ? 0 : 1)} %`;
  return score.toFixed(3); // not a probability: show the raw value
}

// Screen readers hear the top label when it changes, not 30 times a second.
let lastAnnounced = '';
let announceTimer = null;
export function announce(top) {
  const first = top[0];
  const text = first ? `${(first.label || `class ${first.index}`).split(',')[0]}, ${formatScore(first.score)}` : '';
  if (text.split(',')[0] === lastAnnounced.split(',')[0]) return;
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    lastAnnounced = text;
    $('announce').textContent = text;
  }, 800);
}
