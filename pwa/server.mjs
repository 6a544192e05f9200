#!/usr/bin/env node
// The edgelite camera app's server: a small static HTTP server with no
// dependencies (Node ≥ 18, only node: modules), the one behind `npm start`.
//
//   node pwa/server.mjs [--port N] [--host H] [--dev] [--verbose] [--help]
//
// URL layout (docs: README.md, "The camera app (PWA)"):
//   /, /index.html, /<file>    pwa/<file> (the app shell; /sw.js gets its build id)
//   /lib/<file>                web/src/<file> (the edgelite library)
//   /dist/<file>               web/dist/<file> (its WebAssembly builds)
//   /models/catalog.json       generated at start from pwa/catalog.json
//   /models/<file>             models/<file> (models and labels)
//   /healthz                   "ok"
//
// Every response carries COOP/COEP/CORP and nosniff; Cache-Control is no-cache
// except for /models/*.tflite and /dist/* (public, max-age=3600); ETags let
// revalidations end in 304. GET and HEAD only; no directory listings, nothing
// outside those directories (also not through encoded "..", NUL or symlinks).
//
// As a module: `const s = await startServer({port: 0, quiet: true}); … s.url …
// await s.close();` (see startServer below).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_PLACEHOLDER = '__EDGELITE_BUILD__';
export const DIST_FILES = ['edgelite-simd.mjs', 'edgelite-simd.wasm', 'edgelite-scalar.mjs', 'edgelite-scalar.wasm'];

const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';
// Files in pwa/ that belong to the server side: never served, not part of the shell.
const SERVER_SIDE = new Set(['server.mjs', 'catalog.json', 'README.md']);

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm', // exactly this: WebAssembly.compileStreaming insists on it
  '.tflite': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const COMMON_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

const LONG_CACHE = 'public, max-age=3600';

function cacheControl(urlPath) {
  if (urlPath.startsWith('/dist/')) return LONG_CACHE;
  if (urlPath.startsWith('/models/') && urlPath.endsWith('.tflite')) return LONG_CACHE;
  return 'no-cache';
}

class StartupError extends Error {}

// --- mapping URLs to files ----------------------------------------------------

// The URL path's segments, decoded; null if any is unsafe ("..", ".", a dotfile,
// an encoded slash or backslash, NUL, an empty segment) or badly encoded.
function safeSegments(rawPath) {
  const parts = rawPath.split('/').slice(1); // rawPath starts with '/'
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    let seg;
    try {
      seg = decodeURIComponent(parts[i]);
    } catch {
      return null;
    }
    if (seg === '') {
      if (i === parts.length - 1 && i === 0) break; // "/" itself
      return null;
    }
    if (seg.startsWith('.') || /[/\\\0]/.test(seg) || seg.includes(':')) return null;
    out.push(seg);
  }
  return out;
}

// {dir, rel} for a URL path, or null when no route matches.
function route(segments, bases) {
  if (segments.length === 0) return { dir: bases.pwa, rel: ['index.html'] };
  const [head, ...rest] = segments;
  if (head === 'lib' && rest.length) return { dir: bases.lib, rel: rest };
  if (head === 'dist' && rest.length) return { dir: bases.dist, rel: rest };
  if (head === 'models' && rest.length) return { dir: bases.models, rel: rest };
  if (segments.length === 1 && SERVER_SIDE.has(head)) return null;
  if (['lib', 'dist', 'models'].includes(head)) return null;
  return { dir: bases.pwa, rel: segments };
}

// The real path and stat of a regular file inside dir, or null.
async function fileIn(dir, rel) {
  if (!dir) return null;
  try {
    const file = await fs.promises.realpath(path.join(dir, ...rel));
    if (!file.startsWith(dir + path.sep)) return null; // a symlink out of the directory
    const stat = await fs.promises.stat(file);
    return stat.isFile() ? { file, stat } : null;
  } catch {
    return null;
  }
}

async function realDir(dir) {
  try {
    const real = await fs.promises.realpath(dir);
    return (await fs.promises.stat(real)).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

// --- the generated files: catalog and build id ---------------------------------

function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

async function listFiles(dir, prefix = '') {
  const out = [];
  let entries;
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...await listFiles(path.join(dir, e.name), rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}

// The catalog entry's file (a "/models/…" URL) or a StartupError naming it.
async function catalogFile(bases, id, field, url) {
  if (typeof url !== 'string' || !url.startsWith('/models/')) {
    throw new StartupError(`pwa/catalog.json: model "${id}": ${field} must be a /models/… URL (got ${JSON.stringify(url)})`);
  }
  const segments = safeSegments(url);
  const found = segments && segments.length > 1 ? await fileIn(bases.models, segments.slice(1)) : null;
  if (!found) {
    throw new StartupError(`pwa/catalog.json: model "${id}": ${field} ${url} names a file that is missing: ` +
      `models/${segments ? segments.slice(1).join('/') : url} (copy it into models/ or remove the entry)`);
  }
  return found;
}

// Reads pwa/catalog.json, checks it and fills in bytes/sha256. Returns
// {catalog (without build), precache: [{name, file, bytes?}] of the default model + labels}.
// The default is the top-level "default" id, else the entry with "default": true,
// else the first entry.
async function buildCatalog(root, bases) {
  const source = path.join(root, 'pwa/catalog.json');
  let spec;
  try {
    spec = JSON.parse(await fs.promises.readFile(source, 'utf8'));
  } catch (e) {
    throw new StartupError(`cannot read pwa/catalog.json: ${e.message}`);
  }
  if (!spec || !Array.isArray(spec.models) || spec.models.length === 0) {
    throw new StartupError('pwa/catalog.json: "models" must be a non-empty array');
  }
  const ids = new Set();
  const models = [];
  const flagged = spec.models.filter((m) => m && m.default === true).map((m) => m.id);
  const defaultId = spec.default ?? flagged[0] ?? spec.models[0].id;
  if (flagged.length > 1 || (flagged.length === 1 && flagged[0] !== defaultId)) {
    throw new StartupError(`pwa/catalog.json: conflicting default models (${[...new Set([defaultId, ...flagged])].join(', ')})`);
  }
  let precache = [];
  for (const m of spec.models) {
    if (!m || typeof m.id !== 'string' || !m.id) throw new StartupError('pwa/catalog.json: every model needs an "id"');
    if (ids.has(m.id)) throw new StartupError(`pwa/catalog.json: duplicate model id "${m.id}"`);
    ids.add(m.id);
    const model = await catalogFile(bases, m.id, 'url', m.url);
    const bytes = await fs.promises.readFile(model.file);
    const labelsUrl = m.labelsUrl ?? null;
    const labels = labelsUrl === null ? null : await catalogFile(bases, m.id, 'labelsUrl', labelsUrl);
    const entry = {
      id: m.id,
      name: m.name ?? m.id,
      description: m.description ?? '',
      task: m.task ?? 'classification',
      url: m.url,
      labelsUrl,
      ...m,
      bytes: bytes.length,
      sha256: sha256(bytes),
      default: m.id === defaultId,
    };
    entry.labelsUrl = labelsUrl;
    models.push(entry);
    if (m.id === defaultId) {
      precache = [{ name: m.url, file: model.file, bytes }]; // already read: not read again
      if (labels) precache.push({ name: labelsUrl, file: labels.file });
    }
  }
  if (!ids.has(defaultId)) throw new StartupError(`pwa/catalog.json: the default model "${defaultId}" is not in "models"`);
  return { catalog: { default: defaultId, models }, precache };
}

// Everything a run of the server serves from memory: the catalog and the build
// id (first 12 hex of a sha256 over the precached files' names and bytes).
async function computeState(root, bases) {
  for (const f of DIST_FILES) {
    if (!(await fileIn(bases.dist, [f]))) {
      throw new StartupError(`web/dist/${f} is missing: build the WebAssembly first with \`bash scripts/build-wasm.sh\``);
    }
  }
  const { catalog, precache } = await buildCatalog(root, bases);
  const files = [];
  if (bases.pwa) {
    for (const rel of await listFiles(bases.pwa)) {
      if (!SERVER_SIDE.has(rel)) files.push({ name: `/${rel}`, file: path.join(bases.pwa, rel) });
    }
  }
  for (const rel of await listFiles(bases.lib)) files.push({ name: `/lib/${rel}`, file: path.join(bases.lib, rel) });
  for (const f of DIST_FILES) files.push({ name: `/dist/${f}`, file: path.join(bases.dist, f) });
  files.push(...precache);

  // Names and lengths go in too, so that moving bytes between files or
  // renaming one also gives a new id.
  const hash = crypto.createHash('sha256');
  for (const { name, file, bytes: known } of files) {
    const bytes = known ?? (await fs.promises.readFile(file));
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  // The catalog is precached too; its bytes are these plus the build id itself.
  const catalogBody = Buffer.from(JSON.stringify(catalog));
  hash.update(`/models/catalog.json\0${catalogBody.length}\0`).update(catalogBody);
  const build = hash.digest('hex').slice(0, 12);
  const catalogJson = Buffer.from(`${JSON.stringify({ build, ...catalog }, null, 2)}\n`);
  return { build, catalogJson, hasIndex: Boolean(await fileIn(bases.pwa, ['index.html'])) };
}

// --- the server ----------------------------------------------------------------

function hostForUrl(host) {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function lanAddresses(port, family = 'IPv4') {
  const out = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal) continue;
      if (a.family === 'IPv4' || a.family === 4) out.push(`http://${a.address}:${port}/`);
      else if (family === 'IPv6' && !a.address.startsWith('fe80')) out.push(`http://[${a.address}]:${port}/`);
    }
  }
  return out;
}

/**
 * Starts the server.
 *   port     default 8080 (0: a free one)
 *   host     default 127.0.0.1 (0.0.0.0: every interface, for phones on the LAN)
 *   root     the repository root (default: this file's ../); serves its pwa/,
 *            web/src/, web/dist/ and models/
 *   quiet    no console output at all (default false: prints the URL line)
 *   verbose  one log line per request
 *   dev      recompute the catalog and build id for every request of /sw.js
 *            or /models/catalog.json instead of once at start
 * Resolves to {url, port, build, close()} once listening; url ends in '/'.
 * close() resolves when the server is closed; open (keep-alive) connections
 * are destroyed at once. Rejects with a message naming the problem when
 * web/dist is not built, a catalog file is missing, or the port is taken.
 */
export async function startServer({
  port = DEFAULT_PORT, host = DEFAULT_HOST, root = REPO_ROOT, quiet = false, verbose = false, dev = false,
} = {}) {
  root = path.resolve(root);
  const bases = {
    pwa: await realDir(path.join(root, 'pwa')),
    lib: await realDir(path.join(root, 'web/src')),
    dist: await realDir(path.join(root, 'web/dist')),
    models: await realDir(path.join(root, 'models')),
  };
  if (!bases.lib) throw new StartupError(`${path.join(root, 'web/src')} is missing: is ${root} an edgelite checkout?`);
  if (!bases.dist) {
    throw new StartupError('web/dist/ is missing: build the WebAssembly first with `bash scripts/build-wasm.sh`');
  }
  if (!bases.models) throw new StartupError(`${path.join(root, 'models')} is missing`);
  let state = await computeState(root, bases);
  const log = (line) => {
    if (!quiet) process.stdout.write(`${line}\n`);
  };

  // --dev: recompute for every request that needs it (one at a time; requests
  // arriving meanwhile share the result).
  let refreshing = null;
  async function currentState() {
    if (!dev) return state;
    refreshing ??= (async () => {
      try {
        state = await computeState(root, bases);
      } finally {
        refreshing = null;
      }
      return state;
    })();
    return refreshing;
  }

  function send(req, res, status, headers, body) {
    const all = { ...COMMON_HEADERS, ...headers };
    if (body !== undefined) all['Content-Length'] = body.length;
    res.writeHead(status, all);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function sendText(req, res, status, text, extra = {}) {
    send(req, res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...extra },
      Buffer.from(`${text}\n`));
  }

  function sendGenerated(req, res, body, contentType) {
    const etag = `"${sha256(body).slice(0, 32)}"`;
    const headers = { 'Content-Type': contentType, 'Cache-Control': 'no-cache', ETag: etag };
    if (matches(req, etag)) return send(req, res, 304, headers);
    return send(req, res, 200, headers, body);
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(req, res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    }
    const rawPath = (req.url ?? '').split('?')[0].split('#')[0];
    if (!rawPath.startsWith('/')) return sendText(req, res, 400, 'bad request');
    if (rawPath === '/healthz') return sendText(req, res, 200, 'ok');
    const segments = safeSegments(rawPath);
    if (!segments) return sendText(req, res, 404, 'not found');
    const urlPath = `/${segments.join('/')}`;

    if (urlPath === '/models/catalog.json') {
      const s = await currentState();
      return sendGenerated(req, res, s.catalogJson, 'application/json');
    }
    const target = route(segments, bases);
    const found = target && await fileIn(target.dir, target.rel);
    if (!found) return sendText(req, res, 404, 'not found');

    if (urlPath === '/sw.js') {
      const { build } = await currentState();
      const text = await fs.promises.readFile(found.file, 'utf8');
      return sendGenerated(req, res, Buffer.from(text.replaceAll(BUILD_PLACEHOLDER, build)), 'text/javascript');
    }

    const { stat } = found;
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = {
      'Content-Type': mimeType(found.file),
      'Cache-Control': cacheControl(urlPath),
      ETag: etag,
    };
    if (matches(req, etag)) return send(req, res, 304, headers);
    res.writeHead(200, { ...COMMON_HEADERS, ...headers, 'Content-Length': stat.size });
    if (req.method === 'HEAD') return res.end();
    const stream = fs.createReadStream(found.file);
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  }

  const sockets = new Set();
  const server = http.createServer((req, res) => {
    if (verbose && !quiet) {
      res.on('finish', () => log(`${new Date().toISOString()} ${req.method} ${req.url} ${res.statusCode}`));
    }
    handle(req, res).catch((e) => {
      if (!quiet) process.stderr.write(`edgelite: error: ${req.method} ${req.url}: ${e.message}\n`);
      if (!res.headersSent) sendText(req, res, 500, `server error: ${e.message}`);
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    const onError = (e) => {
      if (e.code === 'EADDRINUSE') {
        reject(new StartupError(`port ${port} on ${host} is already in use: stop the other server, or pick ` +
          'another port with --port N (--port 0: any free one)'));
      } else if (e.code === 'EACCES') {
        reject(new StartupError(`no permission to listen on ${host}:${port} (ports below 1024 need root): use --port N`));
      } else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
        reject(new StartupError(`cannot listen on ${host}: no such address on this machine (--host H)`));
      } else {
        reject(e);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `http://${hostForUrl(host)}:${actualPort}/`;
  log(`edgelite PWA: ${url}`);
  if (!state.hasIndex) log('edgelite: warning: pwa/index.html is missing: / will answer 404');
  if (host === '0.0.0.0' || host === '::') {
    const lan = lanAddresses(actualPort, host === '::' ? 'IPv6' : 'IPv4');
    for (const a of lan) log(`  on your network: ${a}`);
    if (lan.length) log('  (other devices need HTTPS for the camera and offline use: see README.md, "The camera app (PWA)")');
  }

  let closing = null;
  return {
    url,
    port: actualPort,
    get build() {
      return state.build;
    },
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy(); // keep-alive and in-flight connections
      });
      return closing;
    },
  };
}

function matches(req, etag) {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const strip = (t) => t.trim().replace(/^W\//, '');
  return header === '*' || header.split(',').some((t) => strip(t) === strip(etag));
}

// --- the command line ----------------------------------------------------------

const USAGE = `usage: node pwa/server.mjs [--port N] [--host H] [--dev] [--verbose] [--help]

Serves the edgelite camera app (pwa/), the library (web/src -> /lib/), its
WebAssembly (web/dist -> /dist/) and the models (models/ -> /models/, with
/models/catalog.json generated from pwa/catalog.json) and prints the URL.

  --port N    port to listen on (default 8080, or $PORT; 0 = any free port)
  --host H    address to listen on (default 127.0.0.1, or $HOST);
              0.0.0.0 = every interface, to reach it from a phone on the LAN
              (which then needs HTTPS: see README.md, "The camera app (PWA)")
  --dev       recompute the build id and catalog on every request of /sw.js
              and /models/catalog.json (not only at start), so edits to the
              app, library, wasm or models reach the service worker without
              a restart
  --verbose   log every request
  --help      this text

npm start (scripts/start.sh) builds what is missing first, then runs this with
the same arguments: npm start -- --port 9000`;

function parseArgs(argv, env) {
  const opts = { port: env.PORT || String(DEFAULT_PORT), host: env.HOST || DEFAULT_HOST, dev: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case '-h':
      case '--help': opts.help = true; break;
      case '-p':
      case '--port': opts.port = value(); break;
      case '--host': opts.host = value(); break;
      case '--dev': opts.dev = true; break;
      case '--verbose': opts.verbose = true; break;
      default: throw new Error(`unknown argument '${arg}'`);
    }
  }
  if (!/^\d+$/.test(String(opts.port)) || Number(opts.port) > 65535) {
    throw new Error(`the port must be a number from 0 to 65535 (got '${opts.port}')`);
  }
  opts.port = Number(opts.port);
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`edgelite: error: ${e.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let server;
  try {
    server = await startServer({ port: opts.port, host: opts.host, dev: opts.dev, verbose: opts.verbose });
  } catch (e) {
    process.stderr.write(`edgelite: error: ${e instanceof StartupError ? e.message : e.stack ?? e}\n`);
    process.exit(1);
  }
  process.stdout.write(`  build ${server.build}${opts.dev ? ' (--dev: recomputed per request)' : ''}; Ctrl+C to stop\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) await main();
