// The download a page pays for: .wasm + glue, gzip. Budget and reasoning in
// docs/web.md ("Footprint").
import test from 'node:test';
import assert from 'node:assert/strict';
import { GZIP_BUDGET_BYTES, formatSizes, variantSizes } from '../tools/sizes.mjs';

test('the SIMD variant with every operator stays within the gzip budget', () => {
  const rows = ['simd', 'scalar'].map((v) => variantSizes(v));
  console.log(formatSizes(rows));
  const simd = rows[0];
  assert.ok(simd.gzip <= GZIP_BUDGET_BYTES, `simd: ${simd.gzip} B gzip > budget ${GZIP_BUDGET_BYTES} B`);
  // The scalar build exists and is not accidentally the SIMD one.
  assert.notEqual(rows[1].raw, simd.raw);
});
