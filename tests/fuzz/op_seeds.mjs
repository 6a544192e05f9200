// Writes fuzz seed models: single-op (and small multi-op) .tflite files from
// the conformance generators (tests/conformance/ops/*.mjs), so the mutating
// fuzzer starts from every operator edgelite registers, not only from the
// shipped models' ops.
//
//   node tests/fuzz/op_seeds.mjs OUT_DIR [--per-op N] [--seed S]
//
// scripts/fuzz.sh runs it (build/fuzz/seeds/ops). Deterministic: the same
// generators, seed and count give the same files.
import fs from 'node:fs';
import path from 'node:path';
import { loadGenerators } from '../conformance/op_suite.mjs';
import { Rng, hashSeed } from '../conformance/lib/prng.mjs';
import { writeModel } from '../conformance/lib/tflite_writer.mjs';

function usage(msg) {
  if (msg) console.error(`op_seeds: ${msg}`);
  console.error('usage: node tests/fuzz/op_seeds.mjs OUT_DIR [--per-op N] [--seed S]');
  process.exit(2);
}

const args = process.argv.slice(2);
let out = null;
let perOp = 3;
let seed = 1;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--per-op' || a === '--seed') {
    const v = Number(args[++i]);
    if (!Number.isInteger(v) || v < (a === '--seed' ? 0 : 1)) usage(`${a} needs a whole number`);
    if (a === '--per-op') perOp = v;
    else seed = v;
  } else if (a.startsWith('-')) {
    usage(`unknown option ${a}`);
  } else if (out === null) {
    out = a;
  } else {
    usage(`unexpected argument ${a}`);
  }
}
if (out === null) usage('OUT_DIR is required');

fs.mkdirSync(out, { recursive: true });
const gens = await loadGenerators();
let written = 0;
let failed = 0;
for (const gen of gens) {
  for (let index = 0; index < perOp; index++) {
    try {
      const c = gen.generate(new Rng(hashSeed(seed, gen.op, index)), { op: gen.op, index, seed });
      const bytes = writeModel(c.model);
      fs.writeFileSync(path.join(out, `${gen.op.toLowerCase()}-${index}.tflite`), bytes);
      written++;
    } catch (e) {
      failed++;
      console.error(`op_seeds: ${gen.op} case ${index}: ${e.message}`);
    }
  }
}
console.log(`op_seeds: ${written} models for ${gens.length} ops in ${out}`);
process.exit(failed ? 1 : 0);
