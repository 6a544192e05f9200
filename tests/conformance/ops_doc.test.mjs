// docs/ops.md is generated (tests/conformance/ops_doc.mjs); this keeps it
// current and keeps every registered op under the conformance suite.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { render, readRegistry, opCoverage, DOC } from './ops_doc.mjs';

test('docs/ops.md is current (npm run ops-doc regenerates it)', async () => {
  const expected = await render();
  const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
  assert.ok(current === expected, 'docs/ops.md is out of date: run `npm run ops-doc` and commit it');
});

test('the registry parses: names, classes and version ranges', () => {
  const ops = readRegistry();
  assert.ok(ops.length > 0);
  for (const op of ops) {
    assert.ok(op.min >= 1 && op.max >= op.min, `${op.name}: versions ${op.min}-${op.max}`);
  }
  assert.deepEqual(ops.find((o) => o.name === 'CONV_2D'), { name: 'CONV_2D', custom: false, cls: 'Conv2D', min: 1, max: 8 });
});
