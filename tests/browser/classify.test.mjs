// The example page (web/examples/classify.html), which uses only the public
// API of web/, classifies an image in headless Chromium: SIMD build, scalar
// build, worker mode and the file picker, with the same results as the Node
// library on the same pixels; errors show up in the page with their code.
//
//   node --test tests/browser/
//
// Needs /usr/bin/chromium (bash scripts/bootstrap.sh --browser; another binary:
// EDGELITE_CHROMIUM=PATH), playwright-core (bash scripts/npm-deps.sh) and the
// wasm build in web/dist (bash scripts/build-wasm.sh). A missing Chromium is a
// failure, unless EDGELITE_ALLOW_SKIP=1: then these tests are skipped.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLE_PATH, REPO_ROOT, serve } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, prerequisites, runOrExplain } from './chromium.mjs';

const GRACE_HOPPER = '/tests/data/images/grace_hopper.bmp';
const CAT = 'tests/data/images/cat.bmp';
const MODEL = path.join(REPO_ROOT, 'models/tf2_mobilenet_v2_1.0_224_ptq.tflite');
const PAGE_TIMEOUT_MS = 30_000;


// What the Node library gives for the same BMP pixels (the C++ preprocessing
// is shared, so a browser that decodes the BMP to the same pixels must agree).
async function nodeExpectations() {
  const edgelite = await import('../../web/src/index.js');
  const { readBmp, LABELS } = await import('../../web/test/helpers.mjs');
  const model = await edgelite.load(MODEL, { labels: LABELS });
  try {
    const hopper = readBmp(path.join(REPO_ROOT, GRACE_HOPPER));
    const cat = readBmp(path.join(REPO_ROOT, CAT));
    return {
      hopperPixels: hopper,
      hopper: await model.classify(hopper, { topK: 5 }),
      cat: await model.classify(cat, { topK: 5 }),
    };
  } finally {
    model.dispose();
  }
}

const { missing, chromium } = await prerequisites();

runOrExplain('example page in headless Chromium', missing, suite);

function suite() {
  describe('example page in headless Chromium', () => {
    let server;
    let context;
    let userDataDir;
    let expected;
    let setupError = null;

    // A failure here fails every test with its message (a failing hook would
    // only cancel them).
    before(async () => {
      try {
        server = await serve();
        userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgelite-chromium-'));
        [context, expected] = await Promise.all([
          chromium.launchPersistentContext(userDataDir, {
            executablePath: CHROMIUM,
            headless: true,
            args: CHROMIUM_ARGS,
          }),
          nodeExpectations(),
        ]);
      } catch (e) {
        setupError = e;
      }
    });

    after(async () => {
      await context?.close();
      await server?.close();
      if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    });

    // Opens the example page with a query string; resolves once it reports
    // data-state done or error. `routes`: {pathname: bytes} served by the test.
    async function openExample(query, { routes = {} } = {}) {
      if (setupError) throw setupError;
      const page = await context.newPage();
      const consoleErrors = [];
      const pageErrors = [];
      const workers = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => pageErrors.push(String(e.stack || e)));
      page.on('worker', (w) => workers.push(w.url()));
      page.on('crash', () => pageErrors.push('the page crashed'));
      for (const [pathname, body] of Object.entries(routes)) {
        await page.route((url) => url.pathname === pathname, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body }));
      }
      await page.goto(`${server.url}${EXAMPLE_PATH}${query}`);
      const state = await waitForState(page, ['done', 'error']);
      return { page, state, result: await resultOf(page), consoleErrors, pageErrors, workers };
    }

    // Waits for data-state in `states` (and, given imageSource, for a result
    // about that image or an error).
    async function waitForState(page, states, imageSource) {
      await page.waitForFunction(
        ([want, source]) => {
          if (!want.includes(document.body.dataset.state)) return false;
          if (!source) return true;
          const result = JSON.parse(document.getElementById('result').textContent || 'null');
          return !!result && (!!result.error || result.image?.source === source);
        },
        [states, imageSource],
        { timeout: PAGE_TIMEOUT_MS },
      );
      return page.evaluate(() => document.body.dataset.state);
    }

    async function resultOf(page) {
      return JSON.parse(await page.textContent('#result'));
    }

    function assertClean({ consoleErrors, pageErrors }) {
      assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
      assert.deepEqual(consoleErrors, [], 'console errors in the page');
    }

    function assertGraceHopper(t, result) {
      const want = expected.hopper;
      t.diagnostic(`${result.variant}${result.worker ? ' (worker)' : ''}: top-1 ${result.top[0].label} ` +
        `${result.top[0].score} (Node: ${want[0].score}); load ${result.loadMs.toFixed(0)} ms, ` +
        `inference ${result.inferenceMs.toFixed(0)} ms`);
      assert.deepEqual(result.image, { source: GRACE_HOPPER, width: 512, height: 600 });
      assert.equal(result.top.length, 5);
      assert.equal(result.top[0].index, 653);
      assert.equal(result.top[0].label, 'military uniform');
      assert.ok(Math.abs(result.top[0].score - want[0].score) <= 1 / 256,
        `top-1 score ${result.top[0].score}, Node ${want[0].score}`);
      // Same pixels (see the SIMD test), same C++ preprocessing: the same bytes.
      assert.deepEqual(result.top, want, 'the top 5 differ from the Node library on the same BMP');
      assert.ok(Number.isFinite(result.inferenceMs) && result.inferenceMs > 0, `inferenceMs ${result.inferenceMs}`);
    }

    test('SIMD build: grace_hopper.bmp → "military uniform"; Chromium decodes the BMP to the Node reader\'s pixels', async (t) => {
      const r = await openExample(`?simd=1&image=${GRACE_HOPPER}`);
      try {
        assert.equal(r.state, 'done', `page error: ${JSON.stringify(r.result)}`);
        assert.equal(r.result.simdSupported, true, 'Chromium has WebAssembly SIMD');
        assert.equal(r.result.variant, 'simd');
        assert.equal(r.result.worker, false);
        assert.deepEqual(r.workers, []);

        // The pixels the page classified (its canvas) are the BMP's.
        const b64 = await r.page.evaluate(() => {
          const c = document.getElementById('canvas');
          const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
          let s = '';
          for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
          return btoa(s);
        });
        const rgba = Buffer.from(b64, 'base64');
        const { data: rgb, width, height } = expected.hopperPixels;
        assert.equal(rgba.length, width * height * 4);
        let differing = 0;
        let maxDiff = 0;
        for (let i = 0; i < width * height; i++) {
          assert.equal(rgba[i * 4 + 3], 255, 'opaque');
          for (let c = 0; c < 3; c++) {
            const d = Math.abs(rgba[i * 4 + c] - rgb[i * 3 + c]);
            if (d) differing++;
            maxDiff = Math.max(maxDiff, d);
          }
        }
        assert.equal(differing, 0, `${differing} channel values differ from the BMP (max ${maxDiff})`);

        assertGraceHopper(t, r.result);
        assertClean(r);
      } finally {
        await r.page.close();
      }
    });

    test('scalar build: grace_hopper.bmp → "military uniform"', async (t) => {
      const r = await openExample(`?simd=0&image=${GRACE_HOPPER}`);
      try {
        assert.equal(r.state, 'done', `page error: ${JSON.stringify(r.result)}`);
        assert.equal(r.result.variant, 'scalar');
        assert.equal(r.result.worker, false);
        assertGraceHopper(t, r.result);
        assertClean(r);
      } finally {
        await r.page.close();
      }
    });

    test('worker mode: grace_hopper.bmp → "military uniform", inference in a Web Worker', async (t) => {
      const r = await openExample(`?worker=1&image=${GRACE_HOPPER}`);
      try {
        assert.equal(r.state, 'done', `page error: ${JSON.stringify(r.result)}`);
        assert.equal(r.result.worker, true);
        assert.equal(r.result.variant, r.result.simdSupported ? 'simd' : 'scalar', 'auto picks SIMD when supported');
        assert.ok(r.workers.some((u) => u.endsWith('/web/src/worker.js')), `workers started: ${JSON.stringify(r.workers)}`);
        assertGraceHopper(t, r.result);
        assertClean(r);
      } finally {
        await r.page.close();
      }
    });

    test('file picker: a picked image (cat.bmp) is classified with the loaded model', async () => {
      const r = await openExample('');
      try {
        assert.equal(r.state, 'done', `page error: ${JSON.stringify(r.result)}`);
        assert.equal(r.result.image.source, '../../models/sample.bmp', 'the default image');
        await r.page.setInputFiles('#file', path.join(REPO_ROOT, CAT));
        assert.equal(await waitForState(r.page, ['done', 'error'], 'cat.bmp'), 'done');
        const result = await resultOf(r.page);
        assert.deepEqual(result.image, { source: 'cat.bmp', width: 512, height: 341 });
        assert.ok(result.top.slice(0, 3).some((c) => c.index === 286 && c.label === 'Egyptian cat'), JSON.stringify(result.top));
        assert.deepEqual(result.top, expected.cat, 'the top 5 differ from the Node library on the same BMP');
        assert.match(await r.page.textContent('#top'), /Egyptian cat/);
        assertClean(r);
      } finally {
        await r.page.close();
      }
    });

    for (const worker of [false, true]) {
      test(`a truncated model shows EdgeliteError INVALID_MODEL in the page${worker ? ' (worker mode)' : ''}`, async () => {
        const truncated = fs.readFileSync(MODEL).subarray(0, 1000);
        const r = await openExample(`?model=/truncated.tflite${worker ? '&worker=1' : ''}`, {
          routes: { '/truncated.tflite': truncated },
        });
        try {
          assert.equal(r.state, 'error');
          assert.equal(r.result.error.name, 'EdgeliteError');
          assert.equal(r.result.error.code, 'INVALID_MODEL');
          assert.match(r.result.error.message, /truncated/);
          const shown = await r.page.textContent('#error');
          assert.match(shown, /EdgeliteError \[INVALID_MODEL\]: .*truncated/);
          assertClean(r);
        } finally {
          await r.page.close();
        }
      });
    }

    test('every image source classify() accepts gives the same top 5, on the main thread and in a worker', async () => {
      const r = await openExample(`?image=${GRACE_HOPPER}`);
      try {
        assert.equal(r.state, 'done', `page error: ${JSON.stringify(r.result)}`);
        // In the page, through the same public entry point (the import map's 'edgelite').
        const results = await r.page.evaluate(async ({ image, model }) => {
          const edgelite = await import('edgelite');
          const blob = await (await fetch(image)).blob();
          const bitmap = await createImageBitmap(blob);
          const { width, height } = bitmap;
          const img = new Image();
          img.src = URL.createObjectURL(blob);
          await img.decode();
          const canvas = Object.assign(document.createElement('canvas'), { width, height });
          canvas.getContext('2d', { willReadFrequently: true }).drawImage(bitmap, 0, 0);
          const offscreen = new OffscreenCanvas(width, height);
          const octx = offscreen.getContext('2d', { willReadFrequently: true });
          octx.drawImage(bitmap, 0, 0);
          const imageData = octx.getImageData(0, 0, width, height);
          const rgb = new Uint8Array(width * height * 3);
          for (let i = 0; i < width * height; i++) rgb.set(imageData.data.subarray(i * 4, i * 4 + 3), i * 3);
          const frame = new VideoFrame(bitmap, { timestamp: 0 });
          const sources = { img, bitmap, canvas, offscreen, imageData, rgb: { data: rgb, width, height }, frame };
          const out = {};
          for (const worker of [false, true]) {
            const m = await edgelite.load(model, { worker });
            for (const [name, source] of Object.entries(sources)) {
              try {
                out[`${name}${worker ? ' (worker)' : ''}`] = await m.classify(source, { topK: 5 });
              } catch (e) {
                out[`${name}${worker ? ' (worker)' : ''}`] = `${e.name} ${e.code}: ${e.message}`;
              }
            }
            m.dispose();
          }
          frame.close();
          bitmap.close();
          return out;
        }, { image: GRACE_HOPPER, model: '/models/tf2_mobilenet_v2_1.0_224_ptq.tflite' });
        assert.equal(Object.keys(results).length, 14);
        for (const [name, top] of Object.entries(results)) {
          // Labels from the model's own metadata here: the same 1001 ImageNet names.
          assert.deepEqual(top, expected.hopper, name);
        }
        assertClean(r);
      } finally {
        await r.page.close();
      }
    });

    test('a missing model shows EdgeliteError IO_ERROR in the page', async () => {
      const r = await openExample('?model=/models/no-such-model.tflite');
      try {
        assert.equal(r.state, 'error');
        assert.equal(r.result.error.code, 'IO_ERROR');
        assert.match(r.result.error.message, /HTTP 404/);
        assert.match(await r.page.textContent('#error'), /EdgeliteError \[IO_ERROR\]/);
        assert.deepEqual(r.pageErrors, []);
        // Chromium itself logs the failed request; nothing else may be logged.
        assert.ok(r.consoleErrors.every((e) => /status of 404/.test(e)), JSON.stringify(r.consoleErrors));
      } finally {
        await r.page.close();
      }
    });
  });
}
