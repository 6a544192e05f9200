// A tiny static HTTP server over the repository root, for the browser tests
// and for trying the example page by hand:
//
//   node tests/browser/serve.mjs [port]     # prints the example page's URL
//
// As a module: `const server = await serve(); … server.url … await server.close();`
// Listens on 127.0.0.1 only (a secure context for browsers), GET and HEAD
// only, no directory listings, nothing outside the root (also not through
// symlinks), no caching (so a rebuilt web/dist is picked up on reload).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE_PATH = '/web/examples/classify.html';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  // Exactly this (no parameters): WebAssembly.compileStreaming insists on it.
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.bmp': 'image/bmp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.y4m': 'video/x-raw-yuv',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function reply(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

// The file a URL path names under root (real path), or null if it names none.
async function resolveFile(realRoot, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let file = path.resolve(realRoot, `.${path.posix.normalize(`/${decoded}`)}`);
  try {
    file = await fs.promises.realpath(file);
    if (file !== realRoot && !file.startsWith(realRoot + path.sep)) return null; // a symlink out of the root
    let stat = await fs.promises.stat(file);
    if (stat.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = await fs.promises.stat(file);
    }
    return stat.isFile() ? { file, size: stat.size } : null;
  } catch {
    return null;
  }
}

/**
 * Starts the server. Options: root (default: the repository root), port
 * (default 0: a free one), host (default 127.0.0.1).
 * Resolves to {url, port, close()}; url has no trailing slash.
 */
export async function serve({ root = REPO_ROOT, port = 0, host = '127.0.0.1' } = {}) {
  const realRoot = await fs.promises.realpath(root);
  const sockets = new Set();
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const { pathname } = new URL(req.url, 'http://localhost');
    const found = await resolveFile(realRoot, pathname);
    if (!found) {
      reply(res, 404, `not found: ${pathname}`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': mimeType(found.file),
      'Content-Length': found.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy(); // keep-alive connections
      });
    },
  };
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const arg = process.argv[2];
  const port = arg === undefined ? 8080 : Number(arg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('usage: node tests/browser/serve.mjs [port]   (default 8080; 0 = any free port)\n');
    process.exit(2);
  }
  let url;
  try {
    ({ url } = await serve({ port }));
  } catch (e) {
    process.stderr.write(`cannot listen on 127.0.0.1:${port}: ${e.message}\n` +
      'pass another port: node tests/browser/serve.mjs PORT (0 = any free one)\n');
    process.exit(1);
  }
  process.stdout.write(`serving ${REPO_ROOT} at ${url}/\n`);
  process.stdout.write(`example page: ${url}${EXAMPLE_PATH}\n`);
  if (!fs.existsSync(path.join(REPO_ROOT, 'web/dist/edgelite-simd.wasm'))) {
    process.stderr.write('warning: web/dist has no wasm build yet: run bash scripts/build-wasm.sh\n');
  }
  process.stdout.write('Ctrl+C to stop\n');
}
