// node:test entry of the op-level differential suite (npm test's conformance
// stage runs `node --test tests/conformance/`): one test per op, each running
// that op's seeded cases. Knobs come from the environment
// (EDGELITE_CONFORMANCE_SEED, _CASES, _OP, _CASE, _VARIANTS, _ORACLE); see
// op_suite.mjs and docs/conformance.md.
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseOptions, selectGenerators, runOp, summarize, replayCommand } from './op_suite.mjs';
import { versions } from './lib/runners.mjs';

const opts = parseOptions([], process.env);
const gens = await selectGenerators(opts);
const all = [];

console.log(`op conformance: seed ${opts.seed}, ${opts.caseIndex !== null ? `case ${opts.caseIndex}` : `${opts.cases} cases per op`}, variants ${opts.variants.join(',')}`);

test('op conformance: generators found', () => {
  assert.ok(gens.length > 0, `no generator in tests/conformance/ops/ matches ${opts.ops.join(',') || '(all)'}`);
});

for (const gen of gens) {
  test(`op conformance: ${gen.op} (ops/${gen.file})`, async (t) => {
    const results = await runOp(gen, opts);
    all.push(...results);
    const s = summarize(results);
    for (const line of s.lines) t.diagnostic(line);
    const bad = results.filter((r) => r.status === 'mismatch' || r.status === 'error');
    const compared = results.filter((r) => r.status === 'pass' || r.status === 'mismatch' || r.status === 'known').length;
    // Known (listed, unfixed) mismatches are shown, not failed.
    for (const r of results.filter((x) => x.status === 'known')) t.diagnostic(r.message.split('\n')[0]);
    if (bad.length) {
      assert.fail(
        `${bad.length} of ${results.length} ${gen.op} cases failed (seed ${opts.seed}):\n\n` +
          bad.map((r) => (r.status === 'error' ? `ERROR ${gen.op} case ${r.index}: ${r.message}\n  replay: ${replayCommand(r.seed, r.op, r.index)}` : r.message)).join('\n\n'),
      );
    }
    // Every case skipped (peers refused them all) means the op was not tested.
    assert.ok(compared > 0, `no ${gen.op} case was compared: ${s.lines[0]}`);
  });
}

const t0 = performance.now();

test('op conformance: summary', async (t) => {
  const s = summarize(all);
  t.diagnostic(`${all.length} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const v = await versions();
  t.diagnostic(`peers: ${Object.values(v).join(', ')}`);
  for (const line of s.lines) {
    t.diagnostic(line);
    console.log(line);
  }
});
