// End-to-end tests of the offline camera PWA (pwa/) in headless Chromium,
// through what docs/pwa.md promises only: the server's URL layout and
// headers, the page's DOM (body data-* attributes, #results, #library, #error,
// …), the web app manifest and the service worker.
//
//   node --test tests/pwa/e2e.test.mjs
//
// Every scenario (a describe block) gets its own server (startServer from
// pwa/server.mjs on a free port) and its own Chromium profile (a fresh temporary
// user-data-dir, removed afterwards), so no service worker or cache leaks from
// one to the next. The camera is Chromium's fake capture device playing a Y4M
// file made at test time from tests/data/images/grace_hopper.bmp.
//
// Needs /usr/bin/chromium (bash scripts/bootstrap.sh --browser; another binary:
// EDGELITE_CHROMIUM=PATH), playwright-core (bash scripts/npm-deps.sh), the wasm
// build in web/dist (bash scripts/build-wasm.sh) and the PWA (pwa/server.mjs).
// A missing Chromium is a failure, unless EDGELITE_ALLOW_SKIP=1: then these
// tests are skipped. Screenshots of the live view go to build/artifacts/pwa/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeY4m } from './y4m.mjs';
import { CHROMIUM, CHROMIUM_ARGS, prerequisites as chromiumPrerequisites, runOrExplain } from '../browser/chromium.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_MODULE = path.join(REPO_ROOT, 'pwa/server.mjs');
const GRACE_HOPPER = path.join(REPO_ROOT, 'tests/data/images/grace_hopper.bmp');
const CAT = path.join(REPO_ROOT, 'tests/data/images/cat.bmp');
const DEFAULT_MODEL = path.join(REPO_ROOT, 'models/tf2_mobilenet_v2_1.0_224_ptq.tflite');
const ARTIFACTS = path.join(REPO_ROOT, 'build/artifacts/pwa');
const VWW_FILE = 'vww_96_int8.tflite';
const VWW_LABELS = ['no person', 'person'];

const FIRST_RESULT_MS = 10_000; // issue 5: top-1 within 10 s of page load
const WAIT_MS = 15_000; // anything else the page is waited for
const TEST_TIMEOUT_MS = 60_000;

// The shared Chromium prerequisites, plus the PWA's server module.
async function prerequisites() {
  const { missing, chromium } = await chromiumPrerequisites();
  let startServer = null;
  try {
    ({ startServer } = await import(pathToFileURL(SERVER_MODULE).href));
    if (typeof startServer !== 'function') throw new Error('it exports no startServer()');
  } catch (e) {
    missing.push(`pwa/server.mjs cannot be used (${e.message})`);
  }
  return { missing, chromium, startServer };
}

const { missing, chromium, startServer } = await prerequisites();

runOrExplain('PWA end-to-end in headless Chromium', missing, suite);

// --- helpers ------------------------------------------------------------------

// PNG bytes → {width, height} from the IHDR chunk (throws if not a PNG).
function pngSize(bytes) {
  const b = Buffer.from(bytes);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(b.length > 24 && b.subarray(0, 8).equals(signature), 'not a PNG (bad signature)');
  assert.equal(b.toString('latin1', 12, 16), 'IHDR', 'not a PNG (no IHDR first)');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// body data-frames as a number.
const framesOf = (page) => page.evaluate(() => Number(document.body.dataset.frames));

// Waits until data-frames exceeds `count` (live classification is running).
async function waitForFramesAbove(page, count, timeout = WAIT_MS) {
  await page.waitForFunction((n) => Number(document.body.dataset.frames) > n, count, { timeout });
  return framesOf(page);
}

// Waits for `label` as the top-1 result.
async function waitForTop1(page, label, timeout = WAIT_MS) {
  await page.waitForFunction(
    (want) => document.querySelector('#results li:first-child[data-label]')?.dataset.label === want,
    label,
    { timeout },
  );
}

// [{label, score, index}] of #results.
const resultsOf = (page) => page.$$eval('#results li', (lis) => lis.map((li) => ({
  label: li.dataset.label,
  score: Number(li.dataset.score),
  index: Number(li.dataset.index),
})));

// The first number in an element's text (NaN if none).
const numberIn = (page, selector) => page.$eval(selector, (el) => {
  const m = el.textContent.match(/-?\d+(?:\.\d+)?/);
  return m ? Number(m[0]) : NaN;
});

// What the page shows, for failure messages.
async function snapshot(page) {
  try {
    return await page.evaluate(() => ({
      url: location.href,
      body: { ...document.body.dataset },
      error: (() => {
        const e = document.getElementById('error');
        return e ? { hidden: e.hidden, code: e.dataset.code, text: e.textContent.trim().slice(0, 300) } : null;
      })(),
      results: [...document.querySelectorAll('#results li')].map((li) => `${li.dataset.label} ${li.dataset.score}`),
      library: [...document.querySelectorAll('#library li')].map((li) => `${li.dataset.modelId}:${li.dataset.status}`),
      controller: navigator.serviceWorker?.controller?.scriptURL ?? null,
    }));
  } catch (e) {
    return `(no snapshot: ${e.message})`;
  }
}

// The fake camera's video, written once per run into a temporary directory.
let y4mDir = null;

async function writeCameraFile() {
  if (!y4mDir) y4mDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgelite-pwa-y4m-'));
  const file = path.join(y4mDir, 'grace_hopper.y4m');
  if (!fs.existsSync(file)) {
    // A plain Node module (a BMP reader), no wasm behind it.
    const { readBmp } = await import('../../web/test/helpers.mjs');
    writeY4m(file, readBmp(GRACE_HOPPER), { frames: 2, fps: 15 });
  }
  return file;
}

// Chromium flags for a camera: 'file' = the fake device playing the Y4M, its
// permission granted; 'denied' = the fake device, but the permission prompt
// is not answered by a fake UI, so headless Chromium refuses it
// (getUserMedia → NotAllowedError).
async function cameraArgs(camera) {
  const file = await writeCameraFile();
  const device = ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
  if (camera === 'file') return ['--use-fake-ui-for-media-stream', ...device];
  if (camera === 'denied') return device;
  throw new Error(`unknown camera mode ${camera}`);
}

// One scenario: a server, a Chromium profile and a page on the app, shared by
// the tests of a describe block (which run in order). The page is opened by
// the first test (env.open()) so that it can time the first result.
function scenario(name, { camera }, body) {
  describe(name, () => {
    const env = {
      server: null,
      serverUp: false,
      context: null,
      page: null,
      userDataDir: null,
      setupError: null,
      pageErrors: [],
      consoleErrors: [],
      firstResponse: null,
      origin: null,
      catalog: null,
      // Opens the app; resolves with the navigation response.
      async open() {
        if (env.setupError) throw env.setupError;
        env.firstResponse = await env.page.goto(env.origin);
        return env.firstResponse;
      },
      // Opens the app unless a test before did (so that one test can run alone).
      async ensureOpen() {
        if (env.setupError) throw env.setupError;
        if (env.firstResponse) return;
        await env.open();
        await env.page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: WAIT_MS });
      },
      // Stops the server for good. The browser is also told it is offline,
      // and its HTTP cache is emptied: what works after this comes from the
      // service worker and Cache Storage, not from responses the HTTP cache
      // kept (/models/*.tflite and /dist/* may be cached for an hour).
      async goOffline() {
        const cdp = await env.context.newCDPSession(env.page);
        await cdp.send('Network.clearBrowserCache');
        await cdp.detach();
        await env.context.setOffline(true);
        if (env.serverUp) {
          env.serverUp = false;
          await env.server.close();
        }
        // Nothing answers on the port any more.
        await assert.rejects(fetch(new URL('/healthz', env.origin)), 'the server still answers after close()');
      },
      // Wraps a test body: on failure, the page's state goes into the message.
      async check(t, fn) {
        if (env.setupError) throw env.setupError;
        try {
          await fn();
        } catch (e) {
          const state = await snapshot(env.page);
          t.diagnostic(`page state: ${JSON.stringify(state)}`);
          if (env.pageErrors.length) t.diagnostic(`uncaught errors in the page: ${env.pageErrors.join(' | ')}`);
          if (env.consoleErrors.length) t.diagnostic(`console errors: ${env.consoleErrors.slice(-10).join(' | ')}`);
          throw e;
        }
      },
    };

    // A failure here fails every test with its message (a failing hook would
    // only cancel them).
    before(async () => {
      try {
        env.userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgelite-pwa-chromium-'));
        const [server, args] = await Promise.all([
          startServer({ port: 0, host: '127.0.0.1', quiet: true }),
          cameraArgs(camera),
        ]);
        env.server = server;
        env.serverUp = true;
        // The contract's CLI prints the URL with a trailing slash; either form works here.
        env.origin = new URL('/', server.url).href;
        const [context, catalog] = await Promise.all([
          chromium.launchPersistentContext(env.userDataDir, {
            executablePath: CHROMIUM,
            headless: true,
            args: [...CHROMIUM_ARGS, ...args],
            viewport: { width: 1280, height: 800 },
          }),
          fetch(new URL('/models/catalog.json', env.origin)).then((r) => {
            if (!r.ok) throw new Error(`GET /models/catalog.json: HTTP ${r.status}`);
            return r.json();
          }),
        ]);
        env.context = context;
        env.catalog = catalog;
        env.page = context.pages()[0] ?? (await context.newPage());
        env.page.on('pageerror', (e) => env.pageErrors.push(String(e.stack || e)));
        env.page.on('crash', () => env.pageErrors.push('the page crashed'));
        env.page.on('console', (m) => {
          if (m.type() === 'error') env.consoleErrors.push(m.text());
        });
      } catch (e) {
        env.setupError = e;
      }
    });

    after(async () => {
      await env.context?.close().catch(() => {});
      if (env.serverUp) await env.server.close();
      if (env.userDataDir) fs.rmSync(env.userDataDir, { recursive: true, force: true });
    });

    body(env);
  });
}

// Waits until a service worker (/sw.js) is active and controls the page; if the
// worker does not claim the page that registered it, one reload brings the
// page under its control.
async function waitForController(page) {
  const active = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? 'no active worker'),
    new Promise((resolve) => setTimeout(() => resolve('timeout'), 20_000)),
  ]));
  assert.match(active, /\/sw\.js$/, 'navigator.serviceWorker.ready did not give an active /sw.js');
  let controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  if (!controller) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: WAIT_MS });
    controller = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  }
  assert.match(controller, /\/sw\.js$/);
  return controller;
}

// --- the tests ----------------------------------------------------------------

function suite() {
  after(() => {
    if (y4mDir) fs.rmSync(y4mDir, { recursive: true, force: true });
  });

  scenario('live camera (fake device playing grace_hopper.bmp)', { camera: 'file' }, (env) => {
    test('"military uniform" is the top-1 result within 10 s of page load, camera on', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        const t0 = Date.now();
        await env.open();
        await waitForTop1(env.page, 'military uniform', FIRST_RESULT_MS - (Date.now() - t0));
        t.diagnostic(`first "military uniform" after ${Date.now() - t0} ms`);
        const state = await env.page.evaluate(() => ({
          ...document.body.dataset,
          app: { modelId: window.edgeliteApp?.modelId, version: window.edgeliteApp?.version },
        }));
        assert.equal(state.camera, 'on');
        assert.equal(state.state, 'ready');
        assert.equal(state.model, env.catalog.default, 'the catalog\'s default model is in use');
        assert.equal(state.app.modelId, state.model, 'window.edgeliteApp.modelId');
        const top = await resultsOf(env.page);
        assert.ok(top.length >= 1 && top.length <= 5, `${top.length} results`);
        assert.equal(top[0].index, 653);
        assert.ok(top[0].score > 0.5 && top[0].score <= 1, `top-1 score ${top[0].score}`);
      });
    });

    test('#latency and #fps show numbers', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        await env.ensureOpen();
        await env.page.waitForFunction(() => ['latency', 'fps'].every((id) => {
          const m = document.getElementById(id)?.textContent.match(/\d+(?:\.\d+)?/);
          return m && Number(m[0]) > 0;
        }), null, { timeout: WAIT_MS });
        const latency = await numberIn(env.page, '#latency');
        const fps = await numberIn(env.page, '#fps');
        t.diagnostic(`latency ${latency} ms, ${fps} fps`);
        assert.ok(latency > 0 && latency < 10_000, `latency ${latency}`);
        assert.ok(fps > 0 && fps < 1000, `fps ${fps}`);
      });
    });

    test('data-frames keeps increasing (live classification)', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        await env.ensureOpen();
        const start = await framesOf(env.page);
        const later = await waitForFramesAbove(env.page, start + 5);
        assert.ok(later > start + 5);
        await waitForTop1(env.page, 'military uniform');
      });
    });

    test('#pause stops the count, a second click resumes it', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        await env.ensureOpen();
        const { page } = env;
        await page.click('#pause');
        await page.waitForFunction(() => document.body.dataset.camera === 'paused', null, { timeout: WAIT_MS });
        await sleep(500); // a frame already in flight may still land
        const paused = await framesOf(page);
        await sleep(1500);
        assert.equal(await framesOf(page), paused, 'frames were classified while paused');

        await page.click('#pause');
        await page.waitForFunction(() => document.body.dataset.camera === 'on', null, { timeout: WAIT_MS });
        await waitForFramesAbove(page, paused + 3);
        await waitForTop1(page, 'military uniform');
      });
    });

    test('screenshots of the live view (phone 390×844, desktop 1280×800) in build/artifacts/pwa/', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        await env.ensureOpen();
        const { page } = env;
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]]) {
          const file = path.join(ARTIFACTS, `live-${name}.png`);
          fs.rmSync(file, { force: true });
          await page.setViewportSize({ width, height });
          // Two more frames classified at this size: the layout has settled.
          await waitForFramesAbove(page, (await framesOf(page)) + 2);
          await waitForTop1(page, 'military uniform');
          // The view a user opening the app sees: at the top, no focus ring
          // left on the #pause button the test clicked.
          await page.evaluate(() => {
            document.activeElement?.blur();
            window.scrollTo(0, 0);
          });
          await page.mouse.move(0, 0);
          await page.screenshot({ path: file });
          const bytes = fs.readFileSync(file);
          const size = pngSize(bytes);
          const scale = await page.evaluate(() => devicePixelRatio);
          assert.deepEqual(size, { width: width * scale, height: height * scale }, file);
          // A blank page compresses to a few KB; a camera picture does not.
          assert.ok(bytes.length > 15_000, `${file}: only ${bytes.length} bytes`);
          t.diagnostic(`${path.relative(REPO_ROOT, file)}: ${size.width}x${size.height}, ${bytes.length} bytes`);
        }
      });
    });
  });

  scenario('installable and offline', { camera: 'file' }, (env) => {
    test('the page response has the COOP/COEP headers (cross-origin isolated)', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        const response = await env.open();
        assert.equal(response.status(), 200);
        const headers = response.headers();
        assert.match(headers['content-type'] ?? '', /^text\/html/);
        assert.equal(headers['cross-origin-opener-policy'], 'same-origin');
        assert.equal(headers['cross-origin-embedder-policy'], 'require-corp');
        assert.equal(headers['cross-origin-resource-policy'], 'same-origin');
        assert.equal(headers['x-content-type-options'], 'nosniff');
        assert.equal(await env.page.evaluate(() => window.crossOriginIsolated), true);
        await waitForTop1(env.page, 'military uniform');
      });
    });

    test('the manifest (via link[rel=manifest]) and its icons', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        await env.ensureOpen();
        const href = await env.page.$eval('link[rel=manifest]', (l) => l.href);
        assert.equal(new URL(href).pathname, '/manifest.webmanifest');
        const response = await fetch(href);
        assert.equal(response.status, 200);
        const manifest = await response.json();
        assert.equal(typeof manifest.name, 'string');
        assert.ok(manifest.name.trim().length > 0, 'name');
        assert.equal(manifest.display, 'standalone');
        assert.equal(typeof manifest.start_url, 'string');
        assert.equal(new URL(manifest.start_url, href).origin, new URL(env.origin).origin, 'start_url is in the app');
        assert.equal(typeof manifest.theme_color, 'string');
        assert.ok(manifest.theme_color.trim().length > 0, 'theme_color');
        assert.ok(Array.isArray(manifest.icons) && manifest.icons.length > 0, 'icons');

        const sizes = new Set();
        const purposes = new Set();
        for (const icon of manifest.icons) {
          const url = new URL(icon.src, href);
          const r = await fetch(url);
          assert.equal(r.status, 200, `icon ${url.pathname}`);
          const bytes = Buffer.from(await r.arrayBuffer());
          for (const p of (icon.purpose ?? 'any').split(/\s+/)) purposes.add(p);
          const declared = (icon.sizes ?? '').split(/\s+/).filter((s) => /^\d+x\d+$/i.test(s));
          if (!declared.length) continue; // "any" (an SVG, say)
          const { width, height } = pngSize(bytes);
          assert.deepEqual(declared.map((s) => s.toLowerCase()), [`${width}x${height}`],
            `icon ${url.pathname} is ${width}x${height}, the manifest says ${icon.sizes}`);
          assert.match(r.headers.get('content-type') ?? '', /^image\/png/, `icon ${url.pathname}`);
          sizes.add(`${width}x${height}`);
          t.diagnostic(`icon ${url.pathname}: ${width}x${height} PNG, purpose ${icon.purpose ?? 'any'}`);
        }
        assert.ok(sizes.has('192x192'), `a 192x192 PNG icon (have ${[...sizes]})`);
        assert.ok(sizes.has('512x512'), `a 512x512 PNG icon (have ${[...sizes]})`);
        assert.ok(purposes.has('maskable'), `an icon with purpose maskable (have ${[...purposes]})`);
      });
    });

    test('a service worker (/sw.js) controls the page, with its shell cache', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        await env.ensureOpen();
        const controller = await waitForController(env.page);
        t.diagnostic(`controller: ${controller}`);
        const caches = await env.page.evaluate(() => caches.keys());
        assert.ok(caches.some((k) => /^edgelite-shell-./.test(k) && !k.includes('__EDGELITE_BUILD__')),
          `Cache Storage: ${JSON.stringify(caches)}`);
        await waitForTop1(env.page, 'military uniform');
      });
    });

    test('offline (server stopped), a reload starts the app, the camera runs and classifies', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        await env.ensureOpen();
        const { page } = env;
        await waitForController(page);
        await env.goOffline();
        const t0 = Date.now();
        await page.reload();
        await waitForTop1(page, 'military uniform');
        t.diagnostic(`offline reload: "military uniform" after ${Date.now() - t0} ms`);
        const state = await page.evaluate(() => ({ ...document.body.dataset, online: navigator.onLine }));
        assert.equal(state.state, 'ready');
        assert.equal(state.camera, 'on');
        assert.equal(state.model, env.catalog.default);
        await waitForFramesAbove(page, Number(state.frames) + 3);
        assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true, '#error is shown');
      });
    });
  });

  scenario('model library: download a second model, use it offline', { camera: 'file' }, (env) => {
    let vww;
    const item = () => `#library li[data-model-id="${vww.id}"]`;

    test('the visual wake words model downloads with progress to 100 and becomes offline', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        const { page } = env;
        vww = env.catalog.models.find((m) => m.url.endsWith(`/${VWW_FILE}`));
        assert.ok(vww, `no ${VWW_FILE} in /models/catalog.json: ${env.catalog.models.map((m) => m.url)}`);
        await env.open();
        await waitForTop1(page, 'military uniform');
        await page.waitForSelector(item(), { timeout: WAIT_MS });
        assert.equal(await page.$eval(item(), (li) => li.dataset.status), 'remote');
        assert.equal(await page.$eval(`#library li[data-model-id="${env.catalog.default}"]`, (li) => li.dataset.status), 'active');

        // Every progress value and status the entry takes (the download of
        // 300 KB from localhost is over in a moment, so polling would miss it).
        await page.evaluate((id) => {
          const seen = (window.__e2eDownload = { progress: [], status: [] });
          const sel = `li[data-model-id="${id}"]`;
          // `node`: an element of #library, now or just removed (with
          // `removedFromEntry`: removed from inside the entry; a removed
          // progress element keeps its last value).
          const look = (node, removedFromEntry = false) => {
            if (!(node instanceof Element)) return;
            const lis = node.closest(sel) ? [node.closest(sel)] : [...node.querySelectorAll(sel)];
            for (const li of lis) {
              if (li.dataset.status) seen.status.push(li.dataset.status);
              for (const p of li.querySelectorAll('progress')) if (p.hasAttribute('value')) seen.progress.push(p.value);
            }
            if (removedFromEntry) {
              for (const p of node.matches('progress') ? [node] : node.querySelectorAll('progress')) {
                if (p.hasAttribute('value')) seen.progress.push(p.value);
              }
            }
          };
          new MutationObserver((records) => {
            for (const r of records) {
              if (r.type === 'attributes' && r.attributeName === 'data-status' && r.oldValue && r.target.matches(sel)) {
                seen.status.push(r.oldValue);
              }
              look(r.target);
              r.addedNodes.forEach((n) => look(n));
              const fromEntry = r.target instanceof Element && !!r.target.closest(sel);
              r.removedNodes.forEach((n) => look(n, fromEntry));
            }
          }).observe(document.getElementById('library'), {
            subtree: true, childList: true, attributes: true, attributeOldValue: true,
          });
        }, vww.id);

        const t0 = Date.now();
        await page.click(`${item()} button[data-action="download"]`);
        await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.status === 'offline', item(), { timeout: WAIT_MS });
        const seen = await page.evaluate(() => window.__e2eDownload);
        t.diagnostic(`download: ${Date.now() - t0} ms; status ${[...new Set(seen.status)].join(' → ')}; ` +
          `progress ${[...new Set(seen.progress)].join(', ')}`);
        assert.ok(seen.progress.length > 0, 'no progress element with a value was seen');
        assert.equal(Math.max(...seen.progress), 100, 'the progress did not reach 100');

        // Stored in Cache Storage for use without network.
        const stored = await page.evaluate(async (url) => {
          const hit = await (await caches.open('edgelite-models')).match(url);
          return hit ? (await hit.arrayBuffer()).byteLength : null;
        }, vww.url);
        assert.equal(stored, vww.bytes, `bytes of ${vww.url} in the edgelite-models cache`);
        assert.equal(stored, fs.statSync(path.join(REPO_ROOT, 'tests/data/models', VWW_FILE)).size);
        assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true, '#error is shown');
      });
    });

    test('offline (server stopped), the downloaded model can be used: its results replace ImageNet\'s', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        await env.ensureOpen();
        const { page } = env;
        assert.ok(vww, 'the download test did not find the model');
        const before = await page.evaluate(() => document.body.dataset.model);
        assert.equal(before, env.catalog.default);
        await env.goOffline();

        await page.click(`${item()} button[data-action="use"]`);
        await page.waitForFunction((id) => document.body.dataset.model === id, vww.id, { timeout: WAIT_MS });
        // Results from the new model: one or two of its two labels.
        await page.waitForFunction((labels) => {
          const lis = [...document.querySelectorAll('#results li')];
          return lis.length >= 1 && lis.length <= 2 && lis.every((li) => labels.includes(li.dataset.label));
        }, VWW_LABELS, { timeout: WAIT_MS });
        const frames = await framesOf(page);
        await waitForFramesAbove(page, frames + 3);
        const top = await resultsOf(page);
        t.diagnostic(`visual wake words on the camera: ${top.map((r) => `${r.label} ${r.score}`).join(', ')}`);
        assert.ok(top.length >= 1 && top.length <= 2, `${top.length} results`);
        for (const r of top) {
          assert.ok(VWW_LABELS.includes(r.label), `label ${r.label}`);
          assert.equal(r.label, VWW_LABELS[r.index], `index ${r.index} is "${VWW_LABELS[r.index]}"`);
        }
        const state = await page.evaluate(() => ({ ...document.body.dataset, app: window.edgeliteApp?.modelId }));
        assert.equal(state.camera, 'on');
        assert.equal(state.app, vww.id, 'window.edgeliteApp.modelId');
        assert.equal(await page.$eval(item(), (li) => li.dataset.status), 'active');
        assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true, '#error is shown');
      });
    });
  });

  scenario('a corrupt model from the device', { camera: 'file' }, (env) => {
    test('a truncated .tflite shows #error INVALID_MODEL; the previous model stays, live classification goes on', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        const { page } = env;
        await env.open();
        await waitForTop1(page, 'military uniform');
        const model = await page.evaluate(() => document.body.dataset.model);
        assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true, '#error is hidden at first');

        const truncated = fs.readFileSync(DEFAULT_MODEL).subarray(0, 1000);
        await page.setInputFiles('#model-file', { name: 'bad.tflite', mimeType: 'application/octet-stream', buffer: truncated });
        await page.waitForSelector('#error', { state: 'visible', timeout: WAIT_MS });
        const error = await page.$eval('#error', (e) => ({ code: e.dataset.code, text: e.textContent }));
        t.diagnostic(`#error [${error.code}]: ${error.text.trim()}`);
        assert.equal(error.code, 'INVALID_MODEL');
        assert.match(error.text, /truncated/);

        assert.equal(await page.evaluate(() => document.body.dataset.model), model, 'body data-model changed');
        const frames = await framesOf(page);
        await waitForFramesAbove(page, frames + 5);
        await waitForTop1(page, 'military uniform');
        const state = await page.evaluate(() => ({ ...document.body.dataset }));
        assert.equal(state.model, model);
        assert.equal(state.state, 'ready');
        assert.equal(state.camera, 'on');
      });
    });
  });

  scenario('camera permission denied: the still-image path', { camera: 'denied' }, (env) => {
    test('data-camera=denied, #camera-message shown; cat.bmp in #still-input → "Egyptian cat" in the top 3', { timeout: TEST_TIMEOUT_MS }, async (t) => {
      await env.check(t, async () => {
        const { page } = env;
        await env.open();
        await page.waitForFunction(() => document.body.dataset.camera === 'denied', null, { timeout: WAIT_MS });
        await page.waitForSelector('#camera-message', { state: 'visible', timeout: WAIT_MS });
        const message = (await page.textContent('#camera-message')).trim();
        t.diagnostic(`#camera-message: ${message}`);
        assert.ok(message.length > 0, '#camera-message is empty');
        await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: WAIT_MS });
        const frames = await framesOf(page);

        await page.setInputFiles('#still-input', CAT);
        await page.waitForFunction(() => [...document.querySelectorAll('#results li')].slice(0, 3)
          .some((li) => li.dataset.index === '286'), null, { timeout: WAIT_MS });
        const top = await resultsOf(page);
        t.diagnostic(`cat.bmp: ${top.slice(0, 3).map((r) => `${r.label} ${r.score}`).join(', ')}`);
        const cat = top.slice(0, 3).find((r) => r.index === 286);
        assert.equal(cat.label, 'Egyptian cat');
        assert.ok(await framesOf(page) > frames, 'data-frames counts the still image');
      });
    });
  });
}
