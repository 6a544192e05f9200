// node:test entry of the model-level differential suite (model_suite.mjs):
// one test per model, three inputs each. EDGELITE_CONFORMANCE_MODELS adds
// directories (':'-separated), e.g. /work/shared/models.
import test from 'node:test';
import assert from 'node:assert/strict';
import { listModels, runModel, modelFailure, summarizeModels, DEFAULT_MODEL_SEED } from './model_suite.mjs';

const variants = (process.env.EDGELITE_CONFORMANCE_VARIANTS || 'simd,scalar').split(',');
const seed = Number(process.env.EDGELITE_CONFORMANCE_MODEL_SEED ?? DEFAULT_MODEL_SEED);
const models = listModels();
const results = [];

console.log(`model conformance: ${models.length} models, inputs const128 / prng (seed ${seed}) / image, edgelite variants ${variants.join(',')}`);

for (const m of models) {
  test(`model conformance: ${m.name}`, async (t) => {
    const r = await runModel(m, { variants, seed });
    results.push(r);
    if (r.status === 'unsupported' || r.status === 'skipped') t.diagnostic(`${m.name}: ${r.message}`);
    for (const n of r.notes) t.diagnostic(`note: ${n}`);
    const failure = modelFailure(r);
    if (failure) assert.fail(failure);
  });
}

test('model conformance: summary', (t) => {
  for (const line of summarizeModels(results).lines) {
    t.diagnostic(line);
    if (line.startsWith('model conformance:')) console.log(line);
  }
});
