// What the headless-Chromium tests share (tests/browser/, tests/pwa/e2e): the
// browser binary and flags, and the prerequisite check that turns a missing
// Chromium, playwright-core or wasm build into one failing test whose message
// says how to fix it (or a skip with EDGELITE_ALLOW_SKIP=1 and no Chromium).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.EDGELITE_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// What is missing to run Chromium tests: [messages], and playwright's chromium.
export async function prerequisites() {
  const missing = [];
  if (!isExecutable(CHROMIUM)) {
    missing.push(`Chromium not found at ${CHROMIUM}: install it with \`bash scripts/bootstrap.sh --browser\``);
  }
  for (const f of ['edgelite-simd.mjs', 'edgelite-simd.wasm', 'edgelite-scalar.mjs', 'edgelite-scalar.wasm']) {
    if (!fs.existsSync(path.join(REPO_ROOT, 'web/dist', f))) {
      missing.push(`web/dist/${f} is missing: build it with \`bash scripts/build-wasm.sh\``);
      break;
    }
  }
  let chromium = null;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    missing.push(`playwright-core cannot be imported (${e.message}): run \`bash scripts/npm-deps.sh\``);
  }
  return { missing, chromium };
}

// Runs `suite()` when nothing is missing; otherwise registers one skipped
// test (no Chromium and EDGELITE_ALLOW_SKIP=1) or one failing test.
export function runOrExplain(name, missing, suite) {
  if (!isExecutable(CHROMIUM) && process.env.EDGELITE_ALLOW_SKIP === '1') {
    test(name, {
      skip: `no Chromium at ${CHROMIUM} and EDGELITE_ALLOW_SKIP=1; install it with: bash scripts/bootstrap.sh --browser`,
    }, () => {});
  } else if (missing.length) {
    test(`${name}: prerequisites`, () => {
      assert.fail(`cannot run the ${name} tests:\n  ${missing.join('\n  ')}\n` +
        '(EDGELITE_ALLOW_SKIP=1 skips them when Chromium is not installed)');
    });
  } else {
    suite();
  }
}
