// Reading model bytes and label files from the places a user has them.
import { EdgeliteError, toEdgeliteError } from './errors.js';

const IS_NODE = typeof process === 'object' && !!process.versions && !!process.versions.node;

function isUrlLike(s) {
  return /^(https?|blob|data|file):/i.test(s);
}

async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw toEdgeliteError(e, 'IO_ERROR', `cannot fetch ${url}`);
  }
  if (!response.ok) throw new EdgeliteError('IO_ERROR', `cannot fetch ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function readPath(path) {
  const fs = await import('node:fs/promises');
  try {
    return new Uint8Array(await fs.readFile(path));
  } catch (e) {
    throw toEdgeliteError(e, 'IO_ERROR', `cannot read ${path}`);
  }
}

/** Bytes of a model given as a URL/path, ArrayBuffer, typed array, Blob or Response. */
export async function readBytes(source) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  if (typeof Blob !== 'undefined' && source instanceof Blob) return new Uint8Array(await source.arrayBuffer());
  if (typeof Response !== 'undefined' && source instanceof Response) {
    if (!source.ok) throw new EdgeliteError('IO_ERROR', `cannot load the model: HTTP ${source.status}`);
    return new Uint8Array(await source.arrayBuffer());
  }
  if (source instanceof URL) {
    if (IS_NODE && source.protocol === 'file:') return readPath(source);
    return fetchBytes(source.href);
  }
  if (typeof source === 'string') {
    if (IS_NODE && !isUrlLike(source)) return readPath(source);
    if (IS_NODE && source.startsWith('file:')) return readPath(new URL(source));
    return fetchBytes(source);
  }
  const what = source === null ? 'null' : typeof source === 'object' ? source.constructor?.name ?? 'object' : typeof source;
  throw new EdgeliteError(
    'INVALID_ARGUMENT',
    `a model is a URL or path, an ArrayBuffer, a typed array, a Blob or a Response; got ${what}`,
  );
}

/** Labels given as an array, or a URL/path of a text file with one per line. */
export async function readLabels(labels) {
  if (Array.isArray(labels)) return labels.map(String);
  if (typeof labels === 'string' || labels instanceof URL) {
    const bytes = await readBytes(labels);
    const lines = new TextDecoder().decode(bytes).split('\n').map((l) => l.replace(/\r$/, ''));
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }
  throw new EdgeliteError('INVALID_ARGUMENT', 'labels must be an array of strings or the URL/path of a text file');
}
