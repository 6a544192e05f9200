// The camera app's server (pwa/server.mjs) over real HTTP, no browser: routes,
// headers, the generated catalog, the service worker's build id, 404s and
// path-escape attempts, HEAD, ETags, the command line and close().
//
//   node --test tests/pwa/server.test.mjs
//
// Needs the wasm build in web/dist (bash scripts/build-wasm.sh). Part of the
// `wasm` stage of npm test.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../pwa/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(ROOT, 'pwa/server.mjs');
const DEFAULT_MODEL = 'tf2_mobilenet_v2_1.0_224_ptq.tflite';

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

// One request on a fresh connection, with the path sent exactly as given (no
// URL normalization of "..", unlike fetch).
function request(base, rawPath, { method = 'GET', headers = {} } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function assertCommonHeaders(res, what) {
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', what);
  assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp', what);
  assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', what);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
}

function copyDir(from, to) {
  fs.cpSync(from, to, { recursive: true, dereference: true });
}

// A repository-shaped temp root: a stand-in app shell (the real one may not be
// in this checkout), copies of web/src and web/dist, and a small catalog with
// the default model plus VWW.
function makeRoot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'edgelite-pwa-server-'));
  const pwa = path.join(root, 'pwa');
  fs.mkdirSync(path.join(pwa, 'icons'), { recursive: true });
  fs.writeFileSync(path.join(pwa, 'index.html'), '<!doctype html><title>edgelite</title>\n');
  fs.writeFileSync(path.join(pwa, 'app.js'), 'export const app = 1;\n');
  fs.writeFileSync(path.join(pwa, 'style.css'), 'body { margin: 0; }\n');
  fs.writeFileSync(path.join(pwa, 'manifest.webmanifest'), '{"name": "edgelite"}\n');
  fs.writeFileSync(path.join(pwa, 'icons/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  fs.writeFileSync(path.join(pwa, 'sw.js'),
    "const CACHE = 'edgelite-shell-__EDGELITE_BUILD__';\nself.BUILD = '__EDGELITE_BUILD__';\n");
  fs.writeFileSync(path.join(pwa, 'catalog.json'), JSON.stringify({
    default: 'mobilenet-v2-ptq',
    models: [
      { id: 'mobilenet-v2-ptq', name: 'MobileNet v2', description: 'd', task: 'classification',
        url: `/models/${DEFAULT_MODEL}`, labelsUrl: '/models/imagenet_labels.txt' },
      { id: 'vww-int8', name: 'VWW', description: 'd', task: 'classification',
        url: '/models/vww_96_int8.tflite', labelsUrl: null },
    ],
  }));
  copyDir(path.join(ROOT, 'web/src'), path.join(root, 'web/src'));
  copyDir(path.join(ROOT, 'web/dist'), path.join(root, 'web/dist'));
  fs.mkdirSync(path.join(root, 'models'));
  for (const f of [DEFAULT_MODEL, 'imagenet_labels.txt', 'vww_96_int8.tflite', 'sample.bmp']) {
    fs.copyFileSync(path.join(ROOT, 'models', f), path.join(root, 'models', f));
  }
  return root;
}

async function buildOf(root, opts = {}) {
  const s = await startServer({ port: 0, quiet: true, root, ...opts });
  try {
    const sw = (await request(s.url, '/sw.js')).body.toString();
    const catalog = JSON.parse((await request(s.url, '/models/catalog.json')).body);
    const m = /edgelite-shell-([0-9a-f]+)'/.exec(sw);
    assert.ok(m, sw);
    assert.equal(catalog.build, m[1], 'sw.js and the catalog carry the same build id');
    return m[1];
  } finally {
    await s.close();
  }
}

// Runs the CLI; resolves {code, stdout, stderr} on exit, or when `until`
// matches stdout (then the process is left running and returned as child).
function runCli(args, { until, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`timeout; stdout: ${stdout}; stderr: ${stderr}`));
    }, 20_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (until && until.test(stdout)) {
        clearTimeout(timer);
        resolve({ child, stdout, stderr });
      }
    });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the repository served as is', () => {
  let server;
  before(async () => {
    server = await startServer({ port: 0, quiet: true });
  });
  after(() => server?.close());

  test('url and port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(server.url, `http://127.0.0.1:${server.port}/`);
  });

  test('/healthz answers ok', async () => {
    const r = await request(server.url, '/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.body.toString().trim(), 'ok');
    assertCommonHeaders(r, '/healthz');
  });

  const files = [
    // url, file, content type, cache-control
    ['/lib/index.js', 'web/src/index.js', 'text/javascript', 'no-cache'],
    ['/lib/worker.js', 'web/src/worker.js', 'text/javascript', 'no-cache'],
    ['/dist/edgelite-simd.mjs', 'web/dist/edgelite-simd.mjs', 'text/javascript', 'public, max-age=3600'],
    ['/dist/edgelite-simd.wasm', 'web/dist/edgelite-simd.wasm', 'application/wasm', 'public, max-age=3600'],
    ['/dist/edgelite-scalar.wasm', 'web/dist/edgelite-scalar.wasm', 'application/wasm', 'public, max-age=3600'],
    [`/models/${DEFAULT_MODEL}`, `models/${DEFAULT_MODEL}`, 'application/octet-stream', 'public, max-age=3600'],
    ['/models/vww_96_int8.tflite', 'models/vww_96_int8.tflite', 'application/octet-stream', 'public, max-age=3600'],
    ['/models/imagenet_labels.txt', 'models/imagenet_labels.txt', 'text/plain; charset=utf-8', 'no-cache'],
  ];
  for (const [url, file, type, cache] of files) {
    test(`GET ${url}: the file's bytes, ${type}, ${cache}`, async () => {
      const r = await request(server.url, url);
      const want = fs.readFileSync(path.join(ROOT, file));
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], type);
      assert.equal(r.headers['cache-control'], cache);
      assert.equal(Number(r.headers['content-length']), want.length);
      assert.ok(r.body.equals(want), 'body = file bytes');
      assertCommonHeaders(r, url);
    });
  }

  test('HEAD: the same headers, no body', async () => {
    for (const url of ['/dist/edgelite-simd.wasm', '/models/catalog.json', '/healthz', '/no-such-file']) {
      const get = await request(server.url, url);
      const head = await request(server.url, url, { method: 'HEAD' });
      assert.equal(head.status, get.status, url);
      assert.equal(head.body.length, 0, url);
      for (const h of ['content-type', 'content-length', 'cache-control', 'etag', 'cross-origin-embedder-policy']) {
        assert.equal(head.headers[h], get.headers[h], `${url}: ${h}`);
      }
    }
  });

  test('the catalog: every model file exists with the catalog\'s size and sha256', async () => {
    const r = await request(server.url, '/models/catalog.json');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/json');
    assert.equal(r.headers['cache-control'], 'no-cache');
    assertCommonHeaders(r, 'catalog');
    const catalog = JSON.parse(r.body);
    assert.match(catalog.build, /^[0-9a-f]{12}$/);
    assert.equal(catalog.default, 'mobilenet-v2-ptq');
    const ids = catalog.models.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.deepEqual(catalog.models.filter((m) => m.default).map((m) => m.id), ['mobilenet-v2-ptq']);
    const def = catalog.models.find((m) => m.default);
    assert.equal(def.url, `/models/${DEFAULT_MODEL}`);
    assert.equal(def.labelsUrl, '/models/imagenet_labels.txt');
    assert.deepEqual(catalog.models.map((m) => m.url).sort(), [
      '/models/mobilenet_v1_0.25_224_quant.tflite', '/models/mobilenet_v2_1.0_224_quant.tflite',
      '/models/person_detect.tflite', `/models/${DEFAULT_MODEL}`, '/models/vww_96_int8.tflite',
    ]);
    for (const m of catalog.models) {
      for (const key of ['id', 'name', 'description', 'task', 'url']) {
        assert.equal(typeof m[key], 'string', `${m.id}: ${key}`);
        assert.ok(m[key].length > 0, `${m.id}: ${key}`);
      }
      const bytes = fs.readFileSync(path.join(ROOT, m.url));
      assert.equal(m.bytes, bytes.length, `${m.id}: bytes`);
      assert.equal(m.sha256, sha256(bytes), `${m.id}: sha256`);
      // What a browser downloads is what the catalog describes.
      const served = await request(server.url, m.url);
      assert.equal(sha256(served.body), m.sha256, `${m.id}: served bytes`);
      assert.equal(Number(served.headers['content-length']), m.bytes);
      if (m.labelsUrl !== null) {
        assert.equal((await request(server.url, m.labelsUrl)).status, 200, `${m.id}: ${m.labelsUrl}`);
      }
    }
  });

  test('the catalog\'s label files fit their models\' outputs', async () => {
    const edgelite = await import('../../web/src/index.js');
    const catalog = JSON.parse((await request(server.url, '/models/catalog.json')).body);
    for (const m of catalog.models) {
      const model = await edgelite.load(path.join(ROOT, m.url));
      try {
        const classes = model.outputs[0].shape.at(-1);
        const labels = fs.readFileSync(path.join(ROOT, m.labelsUrl), 'utf8').split('\n').filter((l) => l.trim() !== '');
        assert.equal(labels.length, classes, `${m.id}: ${m.labelsUrl} has ${labels.length} lines for ${classes} classes`);
      } finally {
        model.dispose();
      }
    }
    const two = (f) => fs.readFileSync(path.join(ROOT, 'models', f), 'utf8').split('\n').filter(Boolean);
    assert.deepEqual(two('vww_labels.txt'), ['no person', 'person']);
    assert.deepEqual(two('person_detect_labels.txt'), ['no person', 'person']);
  });

  test('unknown paths, directories and server-side files are 404', async () => {
    for (const url of ['/no-such-file', '/lib/', '/lib', '/dist/', '/models/', '/models/nope.tflite', '/icons/',
      '/server.mjs', '/catalog.json', '/README.md', '/lib/nope.js', '/web/src/index.js', '/package.json']) {
      const r = await request(server.url, url);
      assert.equal(r.status, 404, url);
      assertCommonHeaders(r, url);
      assert.equal(r.headers['cache-control'], 'no-cache', url);
    }
  });

  test('no way out of the served directories', async () => {
    const pkg = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    for (const url of [
      '/..%2f..%2fetc/passwd', '/lib/../../package.json', '/lib/../package.json', '/../package.json',
      '/%2e%2e/package.json', '/lib/%2e%2e/%2e%2e/package.json', '/lib/..%2f..%2fpackage.json',
      '/lib/..%5c..%5cpackage.json', '/models/..%2fpackage.json', '/dist/%2e%2e%2f%2e%2e%2fpackage.json',
      '/lib/index.js%00.txt', '/%00', '//etc/passwd', '/.git/config', '/lib/.hidden', '/lib/%',
      '/models/%2fetc%2fpasswd',
    ]) {
      const r = await request(server.url, url);
      assert.ok(r.status === 404 || r.status === 400, `${url}: ${r.status}`);
      assert.ok(!r.body.toString().includes('"devDependencies"'), `${url} leaked package.json`);
      assert.ok(!r.body.toString().includes('root:'), `${url} leaked /etc/passwd`);
      assertCommonHeaders(r, url);
    }
    assert.ok(pkg.includes('"devDependencies"'), 'the leak check looks for something real');
  });

  test('GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await request(server.url, '/lib/index.js', { method });
      assert.equal(r.status, 405, method);
      assert.equal(r.headers.allow, 'GET, HEAD');
      assertCommonHeaders(r, method);
    }
  });

  test('ETag / If-None-Match gives 304', async () => {
    for (const url of ['/lib/index.js', '/dist/edgelite-simd.wasm', '/models/catalog.json']) {
      const first = await request(server.url, url);
      assert.ok(first.headers.etag, `${url}: ETag`);
      const again = await request(server.url, url, { headers: { 'If-None-Match': first.headers.etag } });
      assert.equal(again.status, 304, url);
      assert.equal(again.body.length, 0);
      assertCommonHeaders(again, url);
      const other = await request(server.url, url, { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(other.status, 200, url);
    }
  });

  test('sw.js precaches every file the app needs offline, and each one is served', async () => {
    // The service worker's SHELL list is written by hand: a module added to
    // pwa/ or web/src/ but not to the list would break offline starts.
    const sw = (await request(server.url, '/sw.js')).body.toString('utf8');
    const list = sw.slice(sw.indexOf('const SHELL = ['), sw.indexOf('];', sw.indexOf('const SHELL = [')));
    const shell = new Set([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]));
    const files = (dir) => fs.readdirSync(path.join(ROOT, dir));
    const needed = [
      '/', '/index.html', '/manifest.webmanifest',
      ...files('pwa').filter((f) => /\.(js|css)$/.test(f) && f !== 'sw.js').map((f) => `/${f}`),
      ...files('pwa/icons').filter((f) => f.endsWith('.png')).map((f) => `/icons/${f}`),
      ...files('web/src').filter((f) => f.endsWith('.js')).map((f) => `/lib/${f}`),
      ...['simd', 'scalar'].flatMap((v) => [`/dist/edgelite-${v}.mjs`, `/dist/edgelite-${v}.wasm`]),
    ];
    for (const url of needed) assert.ok(shell.has(url), `sw.js SHELL lacks ${url}`);
    for (const url of shell) assert.equal((await request(server.url, url)).status, 200, url);
  });

  test('query strings are ignored', async () => {
    const r = await request(server.url, '/lib/index.js?v=1');
    assert.equal(r.status, 200);
  });
});

describe('a temp copy of the repository', () => {
  let root;
  before(() => {
    root = makeRoot();
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('the app shell: /, /index.html, manifest, icons, CSS', async () => {
    const s = await startServer({ port: 0, quiet: true, root });
    try {
      for (const [url, file, type] of [
        ['/', 'index.html', 'text/html; charset=utf-8'],
        ['/index.html', 'index.html', 'text/html; charset=utf-8'],
        ['/?source=pwa', 'index.html', 'text/html; charset=utf-8'],
        ['/app.js', 'app.js', 'text/javascript'],
        ['/style.css', 'style.css', 'text/css; charset=utf-8'],
        ['/manifest.webmanifest', 'manifest.webmanifest', 'application/manifest+json'],
        ['/icons/icon.svg', 'icons/icon.svg', 'image/svg+xml'],
      ]) {
        const r = await request(s.url, url);
        assert.equal(r.status, 200, url);
        assert.equal(r.headers['content-type'], type, url);
        assert.equal(r.headers['cache-control'], 'no-cache', url);
        assert.ok(r.body.equals(fs.readFileSync(path.join(root, 'pwa', file))), url);
        assertCommonHeaders(r, url);
      }
      assert.equal((await request(s.url, '/icons/')).status, 404, 'no directory listing');
      assert.equal((await request(s.url, '/icons')).status, 404, 'no directory listing');
    } finally {
      await s.close();
    }
  });

  test('sw.js: the build id replaces every placeholder', async () => {
    const s = await startServer({ port: 0, quiet: true, root });
    try {
      const r = await request(s.url, '/sw.js');
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], 'text/javascript');
      assert.equal(r.headers['cache-control'], 'no-cache');
      assertCommonHeaders(r, 'sw.js');
      const text = r.body.toString();
      assert.ok(!text.includes('__EDGELITE_BUILD__'), text);
      assert.equal(Number(r.headers['content-length']), r.body.length);
      const { build } = JSON.parse((await request(s.url, '/models/catalog.json')).body);
      assert.match(build, /^[0-9a-f]{12}$/);
      assert.equal(s.build, build);
      assert.equal(text, `const CACHE = 'edgelite-shell-${build}';\nself.BUILD = '${build}';\n`);
    } finally {
      await s.close();
    }
  });

  test('the build id changes when a precached file changes, and only then', async () => {
    const base = await buildOf(root);
    assert.equal(await buildOf(root), base, 'stable across restarts');
    const edits = [
      'pwa/app.js', 'pwa/index.html', 'pwa/icons/icon.svg', 'web/src/image.js', 'web/dist/edgelite-scalar.wasm',
      'web/dist/edgelite-simd.mjs', `models/${DEFAULT_MODEL}`, 'models/imagenet_labels.txt',
      'models/vww_96_int8.tflite', // not precached, but its sha256 is in the (precached) catalog
    ];
    const seen = new Set([base]);
    for (const rel of edits) {
      const file = path.join(root, rel);
      const original = fs.readFileSync(file);
      fs.writeFileSync(file, Buffer.concat([original, Buffer.from('\n')]));
      try {
        const changed = await buildOf(root);
        assert.ok(!seen.has(changed), `${rel}: the build id must change (got ${changed})`);
        seen.add(changed);
      } finally {
        fs.writeFileSync(file, original);
      }
    }
    assert.equal(await buildOf(root), base, 'back to the original bytes, back to the original id');
    // Not precached: the sample image, the server-side pwa files.
    fs.writeFileSync(path.join(root, 'models/sample.bmp'), 'changed');
    fs.writeFileSync(path.join(root, 'pwa/README.md'), 'changed');
    assert.equal(await buildOf(root), base, 'files outside the precache leave the id alone');
  });

  test('--dev (dev: true) recomputes the build id per request', async () => {
    const s = await startServer({ port: 0, quiet: true, root, dev: true });
    const file = path.join(root, 'pwa/app.js');
    const original = fs.readFileSync(file);
    try {
      const before = (await request(s.url, '/sw.js')).body.toString();
      fs.writeFileSync(file, 'export const app = 2;\n');
      const after = (await request(s.url, '/sw.js')).body.toString();
      assert.notEqual(after, before);
      const { build } = JSON.parse((await request(s.url, '/models/catalog.json')).body);
      assert.ok(after.includes(build));
    } finally {
      fs.writeFileSync(file, original);
      await s.close();
    }
  });

  test('a symlink out of a served directory is not followed', async () => {
    const outside = path.join(root, 'secret.txt');
    fs.writeFileSync(outside, 'secret');
    fs.symlinkSync(outside, path.join(root, 'models/escape.txt'));
    fs.symlinkSync(path.join(ROOT, 'package.json'), path.join(root, 'pwa/escape.json'));
    const s = await startServer({ port: 0, quiet: true, root });
    try {
      assert.equal((await request(s.url, '/models/escape.txt')).status, 404);
      assert.equal((await request(s.url, '/escape.json')).status, 404);
    } finally {
      await s.close();
      fs.rmSync(path.join(root, 'models/escape.txt'));
      fs.rmSync(path.join(root, 'pwa/escape.json'));
    }
  });

  test('a catalog entry whose file is missing stops the start, naming it', async () => {
    const file = path.join(root, 'models/vww_96_int8.tflite');
    const moved = `${file}.away`;
    fs.renameSync(file, moved);
    try {
      await assert.rejects(startServer({ port: 0, quiet: true, root }), (e) => {
        assert.match(e.message, /vww-int8/);
        assert.match(e.message, /models\/vww_96_int8\.tflite/);
        assert.match(e.message, /missing/);
        return true;
      });
    } finally {
      fs.renameSync(moved, file);
    }
  });

  test('a missing wasm build stops the start, telling how to build it', async () => {
    const file = path.join(root, 'web/dist/edgelite-scalar.wasm');
    const moved = `${file}.away`;
    fs.renameSync(file, moved);
    try {
      await assert.rejects(startServer({ port: 0, quiet: true, root }), /edgelite-scalar\.wasm.*bash scripts\/build-wasm\.sh/s);
    } finally {
      fs.renameSync(moved, file);
    }
  });
});

describe('lifecycle and command line', () => {
  test('close() resolves at once with a keep-alive connection and a half-sent request open; then the port is closed', async () => {
    const s = await startServer({ port: 0, quiet: true });
    // A client in the middle of its request (headers not finished): the
    // server counts that connection as active, not idle.
    const slow = net.connect(s.port, '127.0.0.1');
    await new Promise((resolve) => slow.once('connect', resolve));
    slow.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    slow.on('error', () => {});
    const slowClosed = new Promise((resolve) => slow.once('close', resolve));
    const agent = new http.Agent({ keepAlive: true });
    const get = () => new Promise((resolve, reject) => {
      http.get(`${s.url}healthz`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      }).on('error', reject);
    });
    try {
      assert.equal(await get(), 200);
      const t0 = performance.now();
      await s.close();
      assert.ok(performance.now() - t0 < 1000, `close() took ${performance.now() - t0} ms`);
      await slowClosed;
      await assert.rejects(request(s.url, '/healthz'), /ECONNREFUSED/);
      await s.close(); // a second close is harmless
    } finally {
      agent.destroy();
      slow.destroy();
    }
  });

  test('a busy port is a clear error (module and CLI, exit code 1)', async () => {
    const s = await startServer({ port: 0, quiet: true });
    try {
      await assert.rejects(startServer({ port: s.port, quiet: true }), /already in use.*--port/s);
      const r = await runCli(['--port', String(s.port)]);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`port ${s.port} .*already in use`));
    } finally {
      await s.close();
    }
  });

  test('the CLI prints the URL and serves; PORT from the environment; --help', async () => {
    const r = await runCli(['--port', '0'], { until: /edgelite PWA: http:\/\/127\.0\.0\.1:\d+\/\n/ });
    try {
      const url = /edgelite PWA: (http:\/\/\S+)/.exec(r.stdout)[1];
      assert.equal((await request(url, '/healthz')).status, 200);
    } finally {
      r.child.kill();
    }
    const e = await runCli([], { env: { PORT: '0', HOST: '127.0.0.1' }, until: /edgelite PWA: http:\/\/127\.0\.0\.1:\d+\/\n/ });
    e.child.kill();
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--port N/);
    assert.match(help.stdout, /--host H/);
    const bad = await runCli(['--port', 'eighty']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /port/);
  });

  test('--host 0.0.0.0 prints a loopback URL (and LAN addresses, if any)', async () => {
    const r = await runCli(['--port', '0', '--host', '0.0.0.0'], { until: /build [0-9a-f]{12}/ });
    try {
      const url = /edgelite PWA: (http:\/\/\S+)/.exec(r.stdout)[1];
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.equal((await request(url, '/healthz')).status, 200);
      const lan = Object.values(os.networkInterfaces()).flat().filter((a) => !a.internal && a.family === 'IPv4');
      for (const a of lan) assert.ok(r.stdout.includes(`http://${a.address}:`), `${a.address} listed`);
    } finally {
      r.child.kill();
    }
  });
});
