// The static server behind the browser tests and the example page (no browser needed).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_PATH, serve } from './serve.mjs';

let root;
let outside;
let server;

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'edgelite-serve-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'edgelite-outside-'));
  fs.mkdirSync(path.join(root, 'dir/sub'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dir/sub/index.html'), '<p>index</p>');
  fs.writeFileSync(path.join(root, 'a b.txt'), 'spaced');
  for (const ext of ['wasm', 'mjs', 'js', 'html', 'tflite', 'bmp', 'json']) fs.writeFileSync(path.join(root, `f.${ext}`), 'x');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'TOP-SECRET-CONTENT');
  fs.symlinkSync(outside, path.join(root, 'link-out'));
  fs.symlinkSync(path.join(root, 'dir'), path.join(root, 'link-in'));
  server = await serve({ root });
});

after(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

// A raw request: the path is sent as written (fetch would normalize "..").
function get(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], length: res.headers['content-length'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('listens on 127.0.0.1 on a free port', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(server.port > 0);
});

test('MIME types: application/wasm exactly, text/javascript for .js and .mjs', async () => {
  const want = {
    wasm: 'application/wasm',
    mjs: 'text/javascript; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    html: 'text/html; charset=utf-8',
    tflite: 'application/octet-stream',
    bmp: 'image/bmp',
    json: 'application/json; charset=utf-8',
  };
  for (const [ext, type] of Object.entries(want)) {
    const r = await get(`/f.${ext}`);
    assert.equal(r.status, 200, ext);
    assert.equal(r.type, type, ext);
    assert.equal(r.length, '1');
  }
});

test('files, percent-encoded names, index.html of a directory, HEAD', async () => {
  assert.equal((await get('/a%20b.txt')).body, 'spaced');
  assert.equal((await get('/dir/sub/')).body, '<p>index</p>');
  assert.equal((await get('/link-in/sub/index.html')).body, '<p>index</p>', 'a symlink inside the root');
  const head = await get('/f.wasm', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.equal((await get('/f.wasm', 'POST')).status, 405);
});

test('nothing outside the root: .., encoded .., symlinks out, missing files, directories without index', async () => {
  const outsideName = path.basename(outside);
  for (const p of [
    `/../${outsideName}/secret.txt`,
    `/%2e%2e/${outsideName}/secret.txt`,
    `/dir/..%2f..%2f${outsideName}/secret.txt`,
    `/link-out/secret.txt`,
    '/%00',
    '/%E0%A4%A',
    '/nope.txt',
    '/dir/',
  ]) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.ok(!r.body.includes('TOP-SECRET-CONTENT'), p);
  }
});

test('node tests/browser/serve.mjs PORT prints the example page URL', async () => {
  const script = fileURLToPath(new URL('./serve.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/example page: (\S+)/);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    assert.match(url, new RegExp(`^http://127\\.0\\.0\\.1:\\d+${EXAMPLE_PATH.replace(/\./g, '\\.')}$`));
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script type="module" src="classify.js">/);
    const lib = await fetch(new URL('../src/index.js', url)); // what the page's import map names
    assert.equal(lib.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await lib.text(), /export async function load/);
  } finally {
    child.kill();
  }
});
