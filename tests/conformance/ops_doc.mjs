#!/usr/bin/env node
// Generates docs/ops.md from the op registry (src/ops/ops.inc), the SIMD
// kernels each op's source reaches (src/ops → src/kernels includes) and the
// conformance generators (tests/conformance/ops/*.mjs: which dtypes and how
// many cases the default op suite checks against TFLite).
//
//   node tests/conformance/ops_doc.mjs           # rewrite docs/ops.md
//   node tests/conformance/ops_doc.mjs --check   # exit 1 if docs/ops.md is stale
//   npm run ops-doc
// ops_doc.test.mjs runs the check in npm test, so the page cannot drift.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, hashSeed } from './lib/prng.mjs';
import { loadGenerators, defaultCases, DEFAULT_SEED } from './op_suite.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DOC = path.join(ROOT, 'docs/ops.md');

// EDGELITE_OP(NAME, Class, MIN, MAX) / EDGELITE_CUSTOM_OP("name", Class, MIN, MAX).
export function readRegistry() {
  const text = fs.readFileSync(path.join(ROOT, 'src/ops/ops.inc'), 'utf8');
  const ops = [];
  const re = /^\s*EDGELITE_(OP|CUSTOM_OP)\(\s*("?[\w.]+"?)\s*,\s*(\w+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)/gm;
  for (let m; (m = re.exec(text)); ) {
    ops.push({ name: m[2].replace(/"/g, ''), custom: m[1] === 'CUSTOM_OP', cls: m[3], min: Number(m[4]), max: Number(m[5]) });
  }
  return ops;
}

const snake = (cls) => cls.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();

// The ISAs a kernel header has paths for, from its preprocessor guards.
function kernelIsas(file) {
  const t = fs.readFileSync(file, 'utf8');
  const isas = [];
  if (t.includes('__wasm_simd128__')) isas.push('WASM SIMD128');
  if (t.includes('__SSE2__') || t.includes('__SSE4_1__')) isas.push('SSE2');
  if (t.includes('__AVX2__')) isas.push('AVX2');
  if (t.includes('__ARM_NEON')) isas.push('NEON');
  if (t.includes('__ARM_FEATURE_DOTPROD')) isas.push('NEON dot-product');
  return isas;
}

// Kernel headers an op uses: reached through its own .cc, the src/ops headers
// it includes and their .cc twins (transitively), and one of the header's
// functions called in those sources.
function opKernels(op) {
  const ops = path.join(ROOT, 'src/ops');
  const seen = new Set();
  const kernels = new Set();
  let sources = '';
  const visit = (file) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    sources += text;
    for (const m of text.matchAll(/^#include "(ops|kernels)\/([\w.]+)"/gm)) {
      if (m[1] === 'kernels') kernels.add(m[2]);
      else if (m[2] !== 'ops.h') {
        visit(path.join(ops, m[2]));
        visit(path.join(ops, m[2].replace(/\.h$/, '.cc')));
      }
    }
  };
  // ops.inc: NAME lives in src/ops/<name in lower case>.cc (custom ops: the
  // class name in snake case).
  const byName = path.join(ops, `${op.name.toLowerCase()}.cc`);
  visit(fs.existsSync(byName) ? byName : path.join(ops, `${snake(op.cls)}.cc`));
  const used = [...kernels].filter((k) => {
    const header = fs.readFileSync(path.join(ROOT, 'src/kernels', k), 'utf8');
    const names = [...header.matchAll(/^inline [\w:<>* ]+?\b(\w+)\(/gm)].map((m) => m[1]);
    return names.some((n) => new RegExp(`\\b${n}(<[^>;]*>)?\\(`).test(sources));
  });
  return used.sort().map((k) => ({ name: k.replace(/\.h$/, ''), isas: kernelIsas(path.join(ROOT, 'src/kernels', k)) }));
}

const tensorOf = (model, r) => (typeof r === 'number' ? model.tensors[r] : model.tensors.find((t) => t.name === r));
const perChannel = (t) => t && t.quant && Array.isArray(t.quant.scale) && t.quant.scale.length > 1;

// "int8", "int8 per-channel weights", "float32 with int8 weights", "int8 → float32" …
function signature(model, opName) {
  const op = model.operators.find((o) => o.op === opName || o.customCode === opName) ?? model.operators[0];
  const ins = op.inputs.filter((r) => r !== -1).map((r) => tensorOf(model, r));
  const outs = op.outputs.map((r) => tensorOf(model, r));
  const variable = ins.filter((t) => !t.data);
  const first = (variable[0] ?? ins[0]).dtype;
  const out = outs[0].dtype;
  let s = first === out ? first : `${first} → ${out}`;
  const weights = ins.filter((t) => t.data && t.dtype !== first && ['int8', 'uint8', 'float16', 'int16'].includes(t.dtype) && first === 'float32');
  if (weights.length) s += ` (${weights[0].dtype} weights)`;
  if (ins.some(perChannel)) s += ' per-channel';
  return s;
}

export async function opCoverage(seed = DEFAULT_SEED) {
  const coverage = new Map();
  const gens = await loadGenerators();
  const cases = defaultCases(gens.length);
  for (const gen of gens) {
    const sigs = new Set();
    for (let i = 0; i < cases; i++) {
      const c = gen.generate(new Rng(hashSeed(seed, gen.op, i)), { op: gen.op, index: i, seed });
      sigs.add(signature(c.model, gen.op));
    }
    coverage.set(gen.op, { cases, signatures: [...sigs].sort() });
  }
  return coverage;
}

export async function render() {
  const registry = readRegistry();
  const coverage = await opCoverage();
  const builtins = registry.filter((o) => !o.custom).length;
  const checked = registry.filter((o) => coverage.has(o.name)).length;
  const lines = [
    '# Operators',
    '',
    '<!-- Generated by tests/conformance/ops_doc.mjs from src/ops/ops.inc, the kernels each op',
    '     includes and the conformance generators. Do not edit: run `npm run ops-doc`. -->',
    '',
    `edgelite runs **${builtins} TFLite builtin operators** and ${registry.length - builtins} custom operator${registry.length - builtins === 1 ? '' : 's'}; ` +
      `${checked} of the ${registry.length} have cases in the op-level conformance suite, which compares ` +
      'edgelite with TFLite itself (LiteRT.js / tfjs-tflite) on seeded random models ' +
      '([docs/conformance.md](conformance.md)): quantized and integer outputs byte-identical, float outputs ' +
      'within the documented tolerance.',
    '',
    '- **versions**: the TFLite op versions edgelite implements; a model with another version is refused ' +
      'at load with the op named. `edgelite inspect MODEL` lists every op a model needs that this build lacks; ' +
      '`edgelite ops` prints this list.',
    `- **checked against TFLite**: the tensor types the default conformance run (seed ${DEFAULT_SEED}; ` +
      '`cases` per op) compares, first variable input → output; "per-channel" = ' +
      'per-channel quantized weights. `npm run conformance -- --op NAME --cases N` runs more.',
    '- **SIMD kernels**: the hot loops the op\'s sources reach that have hand-written SIMD paths (each bit-identical to the op\'s ' +
      'portable reference, which every op has and every other platform runs).',
    '',
    '| op | versions | checked against TFLite | cases | SIMD kernels |',
    '|---|---|---|---|---|',
  ];
  for (const op of registry) {
    const cov = coverage.get(op.name);
    const kernels = opKernels(op)
      .filter((k) => k.isas.length)
      .map((k) => `${k.name} (${k.isas.join(', ')})`)
      .join('; ');
    lines.push(
      `| ${op.custom ? `\`${op.name}\` (custom)` : op.name} | ${op.min === op.max ? op.min : `${op.min}–${op.max}`} | ` +
        `${cov ? cov.signatures.join(', ') : '**none**'} | ${cov ? cov.cases : 0} | ${kernels || '—'} |`,
    );
  }
  const orphans = [...coverage.keys()].filter((n) => !registry.some((o) => o.name === n));
  if (orphans.length) {
    lines.push('', `Generators for ops not in the registry (cases expect edgelite to refuse them): ${orphans.join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const text = await render();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
    if (current !== text) {
      console.error('docs/ops.md is out of date: run `npm run ops-doc` and commit it');
      process.exit(1);
    }
    console.log('docs/ops.md is current');
    return;
  }
  fs.writeFileSync(DOC, text);
  console.log(`wrote ${path.relative(process.cwd(), DOC)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e.stack || e.message);
    process.exit(1);
  });
}
