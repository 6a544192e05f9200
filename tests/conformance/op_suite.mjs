#!/usr/bin/env node
// The op-level differential suite: seeded single-op (or small multi-op) models
// from the generators in tests/conformance/ops/*.mjs, run through TFLite
// (LiteRT.js, tfjs-tflite) and edgelite (SIMD and scalar wasm), compared under
// the contract of lib/compare.mjs. docs/conformance.md explains it all.
//
//   node tests/conformance/op_suite.mjs [--seed N] [--cases N] [--op NAME[,NAME]]
//                                       [--case I] [--variants simd,scalar]
//                                       [--oracle auto|litert|tfjs-tflite]
//                                       [--no-second-peer] [--dump DIR] [--verbose]
//   npm run conformance -- --seed N --cases N --op NAME
// Environment equivalents: EDGELITE_CONFORMANCE_SEED, _CASES, _OP, _CASE,
// _VARIANTS, _ORACLE, _DUMP. The node:test entry is op_suite.test.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Rng, hashSeed } from './lib/prng.mjs';
import { writeModel } from './lib/tflite_writer.mjs';
import { consultPeers } from './lib/oracle.mjs';
import { runEdgelite, RuntimeRefusal, ROOT, versions } from './lib/runners.mjs';
import { compareOutputs } from './lib/compare.mjs';
import { describeModel } from './lib/describe.mjs';
import { graphInputs } from './lib/gen.mjs';
import { knownIssueFor } from './known_issues.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const OPS_DIR = path.join(HERE, 'ops');
export const DEFAULT_SEED = 1;
// Without --cases, each op gets TOTAL_CASES / (number of ops) cases, between
// MIN_CASES and MAX_CASES: ~25 ms a case (two peers + two edgelite variants)
// keeps the whole suite near a minute on 2 cores, and well under the 3-minute
// budget of npm test, however many ops have generators.
export const TOTAL_CASES = 3000;
export const MIN_CASES = 20;
export const MAX_CASES = 120;
export function defaultCases(opCount) {
  return Math.max(MIN_CASES, Math.min(MAX_CASES, Math.floor(TOTAL_CASES / Math.max(1, opCount))));
}

// ---- options -------------------------------------------------------------------

export function parseOptions(argv = [], env = process.env) {
  const o = {
    seed: env.EDGELITE_CONFORMANCE_SEED ?? DEFAULT_SEED,
    cases: env.EDGELITE_CONFORMANCE_CASES ?? 'auto',
    op: env.EDGELITE_CONFORMANCE_OP ?? '',
    caseIndex: env.EDGELITE_CONFORMANCE_CASE ?? '',
    variants: env.EDGELITE_CONFORMANCE_VARIANTS ?? 'simd,scalar',
    oracle: env.EDGELITE_CONFORMANCE_ORACLE ?? 'auto',
    second: env.EDGELITE_CONFORMANCE_SECOND_PEER !== '0',
    dump: env.EDGELITE_CONFORMANCE_DUMP ?? path.join(ROOT, 'build/conformance'),
    verbose: env.EDGELITE_CONFORMANCE_VERBOSE === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--seed': o.seed = value(); break;
      case '--cases': o.cases = value(); break;
      case '--op': o.op = value(); break;
      case '--case': o.caseIndex = value(); break;
      case '--variants': o.variants = value(); break;
      case '--oracle': o.oracle = value(); break;
      case '--no-second-peer': o.second = false; break;
      case '--dump': o.dump = value(); break;
      case '--no-dump': o.dump = ''; break;
      case '--verbose': case '-v': o.verbose = true; break;
      case '--help': case '-h': o.help = true; break;
      default: throw new Error(`unknown option ${a} (see --help)`);
    }
  }
  if (o.seed === 'random') o.seed = Math.floor(Math.random() * 2 ** 31);
  o.seed = Number(o.seed);
  o.cases = o.cases === 'auto' ? null : Number(o.cases); // null: defaultCases(number of ops)
  if (!Number.isInteger(o.seed) || o.seed < 0) throw new Error(`--seed must be a non-negative integer or 'random'`);
  if (o.cases !== null && !(Number.isInteger(o.cases) && o.cases >= 1)) throw new Error('--cases must be a positive integer');
  o.ops = o.op ? o.op.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : [];
  o.caseIndex = o.caseIndex === '' ? null : Number(o.caseIndex);
  if (o.caseIndex !== null && !(Number.isInteger(o.caseIndex) && o.caseIndex >= 0)) throw new Error('--case must be a case index');
  o.variants = o.variants.split(',').map((s) => s.trim()).filter(Boolean);
  for (const v of o.variants) if (v !== 'simd' && v !== 'scalar') throw new Error(`--variants: '${v}' is not simd or scalar`);
  if (!['auto', 'litert', 'tfjs-tflite'].includes(o.oracle)) throw new Error(`--oracle: '${o.oracle}' is not auto, litert or tfjs-tflite`);
  return o;
}

export const USAGE = `usage: node tests/conformance/op_suite.mjs [options]   (or: npm run conformance -- [options])
  --seed N|random   run seed (default ${DEFAULT_SEED}; env EDGELITE_CONFORMANCE_SEED)
  --cases N         cases per op (default ${TOTAL_CASES} / number of ops, ${MIN_CASES}…${MAX_CASES}; env EDGELITE_CONFORMANCE_CASES)
  --op NAME[,NAME]  only these ops (env EDGELITE_CONFORMANCE_OP)
  --case I          only case index I (replay; env EDGELITE_CONFORMANCE_CASE)
  --variants LIST   edgelite wasm variants: simd,scalar (default both)
  --oracle WHO      auto (default) | litert | tfjs-tflite
  --no-second-peer  do not also run tfjs-tflite when LiteRT.js judges
  --dump DIR        where failing cases are written (default build/conformance), --no-dump
  --verbose         one line per case`;

// The one command that replays a case.
export function replayCommand(seed, op, index) {
  return `npm run conformance -- --seed ${seed} --op ${op} --case ${index}`;
}

// ---- generators ----------------------------------------------------------------

// Every tests/conformance/ops/*.mjs exports `generators`: {OP_NAME: (rng, ctx) => case}.
export async function loadGenerators(dir = OPS_DIR) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const out = [];
  const seen = new Map();
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(dir, f)).href);
    if (!mod.generators || typeof mod.generators !== 'object') {
      throw new Error(`tests/conformance/ops/${f} must export 'generators' = {OP_NAME: (rng, ctx) => case}`);
    }
    for (const [op, generate] of Object.entries(mod.generators)) {
      if (typeof generate !== 'function') throw new Error(`ops/${f}: generators.${op} is not a function`);
      if (seen.has(op)) throw new Error(`op ${op} has generators in both ops/${seen.get(op)} and ops/${f}`);
      seen.set(op, f);
      out.push({ op, file: f, generate });
    }
  }
  return out.sort((a, b) => a.op.localeCompare(b.op));
}

// Validates a generator's return value and normalizes its inputs to
// [{name, dtype, shape, data}] in graph-input order.
function normalizeCase(c, op) {
  if (!c || typeof c !== 'object' || !c.model) throw new Error(`generator ${op} returned no {model, inputs}`);
  const gi = graphInputs(c.model);
  let arrays = c.inputs;
  if (arrays && !Array.isArray(arrays) && !ArrayBuffer.isView(arrays)) arrays = gi.map((t) => c.inputs[t.name]);
  if (ArrayBuffer.isView(arrays)) arrays = [arrays];
  if (!Array.isArray(arrays) || arrays.length !== gi.length) {
    throw new Error(`generator ${op}: ${arrays ? arrays.length : 0} input arrays for ${gi.length} graph inputs`);
  }
  const inputs = gi.map((t, i) => {
    const data = arrays[i];
    if (!ArrayBuffer.isView(data)) throw new Error(`generator ${op}: input ${i} '${t.name}' is not a typed array`);
    const n = t.shape.reduce((a, d) => a * d, 1);
    if (data.length !== n) throw new Error(`generator ${op}: input '${t.name}' has ${data.length} elements, shape [${t.shape}] needs ${n}`);
    return { name: t.name, dtype: t.dtype, shape: t.shape, data };
  });
  return { ...c, inputs };
}

// ---- one case ----------------------------------------------------------------------

// → {op, index, seed, status: 'pass'|'mismatch'|'skipped'|'error', judge,
//    agree, disagreement, reason, message, label}
export async function runCase(gen, seed, index, opts) {
  const caseSeed = hashSeed(seed, gen.op, index);
  const rng = new Rng(caseSeed);
  const base = { op: gen.op, index, seed, file: gen.file };
  let c;
  let bytes;
  try {
    c = normalizeCase(gen.generate(rng, { op: gen.op, index, seed }), gen.op);
    bytes = writeModel(c.model);
  } catch (e) {
    return { ...base, status: 'error', message: `generator/writer error: ${e.stack || e.message}` };
  }
  const label = c.label ?? '';
  const desc = () => `${label ? `  case: ${label}\n` : ''}${describeModel(c.model)}`;
  // A case may name its judge (with a reason) when one peer is known wrong for it.
  const oracle = c.oracle && opts.oracle === 'auto' ? c.oracle : opts.oracle;
  const peers = await consultPeers(c.model, bytes, c.inputs, { oracle, second: opts.second, tolerance: c.tolerance });
  if (peers.judge && c.oracle && oracle === c.oracle) peers.judge += ` (chosen by the case: ${c.oracleWhy ?? 'no reason given'})`;
  const peerInfo = { judge: peers.judge, agree: peers.agree, disagreement: peers.disagreement, refusals: peers.refusals, notes: peers.notes };
  if (!peers.judge) {
    return { ...base, ...peerInfo, label, status: 'skipped', reason: `peer refused: ${peers.refusals.join('; ') || peers.notes.join('; ')}` };
  }
  const problems = [];
  for (const variant of opts.variants) {
    let actual;
    try {
      actual = await runEdgelite(bytes, c.inputs, { simd: variant === 'simd' });
    } catch (e) {
      if (!(e instanceof RuntimeRefusal)) throw e;
      if (c.allowEdgeliteRefusal) {
        return { ...base, ...peerInfo, label, status: 'skipped', reason: `edgelite refused (allowed: ${c.allowEdgeliteRefusal}): ${e.message}` };
      }
      problems.push({ kind: 'refused', text: `edgelite-${variant} refused a model TFLite runs (${e.stage}, ${e.code}): ${e.message}` });
      continue;
    }
    for (const p of compareOutputs(peers.expected, actual.outputs, { tolerance: c.tolerance })) {
      problems.push({ ...p, text: `edgelite-${variant} output ${p.output}${p.name ? ` '${p.name}'` : ''}: ${p.message}` });
    }
  }
  if (problems.length === 0) return { ...base, ...peerInfo, label, status: 'pass' };
  const known = knownIssueFor(gen.op, c, problems);
  const file = opts.dump ? dumpCase(opts.dump, gen.op, seed, index, bytes, c.inputs, peers.expected) : null;
  const message = [
    `${known ? `KNOWN MISMATCH [${known.id}]` : 'MISMATCH'} ${gen.op} seed=${seed} case=${index} (judge: ${peers.judge}${peers.agree === true ? '; tfjs-tflite agrees' : peers.agree === false ? '; peers DISAGREE' : ''})`,
    ...problems.map((p) => `  ${p.text}`),
    desc(),
    ...(peers.disagreement ? [`  note: ${peers.disagreement}`] : []),
    ...(file ? [`  model + inputs + expected outputs: ${path.relative(process.cwd(), file)}.*`] : []),
    `  replay: ${replayCommand(seed, gen.op, index)}`,
  ].join('\n');
  if (known) return { ...base, ...peerInfo, label, status: 'known', known: known.id, message };
  return { ...base, ...peerInfo, label, status: 'mismatch', message };
}

// A failing case on disk: the .tflite, and a JSON with the inputs and the
// judge's outputs (dtype, shape, values), to debug with other tools.
function dumpCase(dir, op, seed, index, bytes, inputs, expected) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const base = path.join(dir, `${op}-seed${seed}-case${index}`);
    fs.writeFileSync(`${base}.tflite`, bytes);
    const plain = (t) => ({ name: t.name, dtype: t.dtype, shape: Array.from(t.shape), data: Array.from(t.data, (v) => (typeof v === 'bigint' ? v.toString() : v)) });
    fs.writeFileSync(`${base}.json`, JSON.stringify({ op, seed, index, inputs: inputs.map(plain), expected: expected.map(plain) }));
    return base;
  } catch {
    return null;
  }
}

// ---- a run -------------------------------------------------------------------------

// opts.cases must be resolved (a number) here: see resolveCases().
export async function runOp(gen, opts, onCase = () => {}) {
  const indices = opts.caseIndex !== null ? [opts.caseIndex] : Array.from({ length: opts.cases }, (_, i) => i);
  const results = [];
  for (const i of indices) {
    const r = await runCase(gen, opts.seed, i, opts);
    results.push(r);
    onCase(r);
  }
  return results;
}

// Group skip reasons: "ADD: 3 × peer refused: …".
function skipReasons(results) {
  const groups = new Map();
  for (const r of results.filter((x) => x.status === 'skipped')) {
    const key = `${r.op}: ${r.reason.slice(0, 400)}`;
    groups.set(key, (groups.get(key) || 0) + 1);
  }
  return [...groups].map(([k, n]) => `${n} × ${k}`);
}

export function summarize(results) {
  const compared = results.filter((r) => r.status === 'pass' || r.status === 'mismatch' || r.status === 'known');
  const known = new Map();
  for (const r of results.filter((x) => x.status === 'known')) known.set(r.known, (known.get(r.known) || 0) + 1);
  const mismatches = results.filter((r) => r.status === 'mismatch');
  const errors = results.filter((r) => r.status === 'error');
  const skipped = results.filter((r) => r.status === 'skipped');
  const ops = new Set(compared.map((r) => r.op));
  const reasons = skipReasons(results);
  const judges = new Map();
  for (const r of compared) judges.set(r.judge, (judges.get(r.judge) || 0) + 1);
  const disagreements = new Map();
  for (const r of results.filter((x) => x.agree === false)) disagreements.set(r.op, (disagreements.get(r.op) || 0) + 1);
  const both = results.filter((x) => x.agree !== null && x.agree !== undefined).length;
  // Refusals by a peer on cases the other judged (informative: who could not run what).
  const refusedJudged = new Map();
  for (const r of compared) {
    for (const f of r.refusals || []) {
      const key = `${r.op}: ${f.replace(/\s*\[log:.*$/, '').slice(0, 120)}`;
      refusedJudged.set(key, (refusedJudged.get(key) || 0) + 1);
    }
  }
  const lines = [
    `op conformance: ${compared.length} cases over ${ops.size} ops compared, ${mismatches.length} mismatches` +
      `${known.size ? ` (+ ${[...known.values()].reduce((a, b) => a + b, 0)} known: ${[...known].map(([k, n]) => `${k} ×${n}`).join(', ')}; see tests/conformance/known_issues.mjs)` : ''}, ` +
      `${skipped.length} skipped${reasons.length ? ` (${reasons.join('; ')})` : ''}` +
      `${errors.length ? `, ${errors.length} generator errors` : ''}`,
    `op conformance: judged by ${[...judges].map(([j, n]) => `${j} ${n}`).join(', ') || 'nobody'}; ` +
      `both peers ran ${both} cases and disagreed on ${[...disagreements.values()].reduce((a, b) => a + b, 0)}` +
      `${disagreements.size ? ` (${[...disagreements].map(([op, n]) => `${op}: ${n}`).join(', ')}; LiteRT.js judged those)` : ''}` +
      `${refusedJudged.size ? `; a peer refused cases the other judged: ${[...refusedJudged].map(([k, n]) => `${n} × ${k}`).join('; ')}` : ''}`,
  ];
  return { lines, compared: compared.length, mismatches: mismatches.length, known: [...known.values()].reduce((a, b) => a + b, 0), skipped: skipped.length, errors: errors.length, ops: ops.size };
}

// The generators selected by opts.ops, and opts.cases resolved against the
// total number of ops (so --op X runs as many cases of X as the full run does).
export async function selectGenerators(opts) {
  const all = await loadGenerators();
  // Op names match case-insensitively (builtins are upper case, custom ops
  // such as TFLite_Detection_PostProcess are not).
  const wanted = (g) => opts.ops.includes(g.op.toUpperCase());
  const gens = all.filter((g) => opts.ops.length === 0 || wanted(g));
  if (opts.ops.length) {
    const missing = opts.ops.filter((op) => !gens.some((g) => g.op.toUpperCase() === op));
    if (missing.length) throw new Error(`no generator for ${missing.join(', ')} in tests/conformance/ops/`);
  }
  if (opts.cases === null) opts.cases = defaultCases(all.length);
  return gens;
}

export async function runOpSuite(opts, { onCase = () => {} } = {}) {
  const gens = await selectGenerators(opts);
  const results = [];
  for (const g of gens) results.push(...(await runOp(g, opts, onCase)));
  return { results, summary: summarize(results) };
}

// ---- CLI -----------------------------------------------------------------------------

async function main() {
  let opts;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  await selectGenerators(opts); // resolves opts.cases for the banner
  console.log(`op conformance: seed ${opts.seed}, ${opts.caseIndex !== null ? `case ${opts.caseIndex}` : `${opts.cases} cases per op`}` +
    `${opts.ops.length ? `, ops ${opts.ops.join(',')}` : ''}, edgelite variants ${opts.variants.join(',')}, oracle ${opts.oracle}`);
  const t0 = performance.now();
  const { results, summary } = await runOpSuite(opts, {
    onCase(r) {
      if (r.status === 'mismatch' || r.status === 'error' || (r.status === 'known' && opts.verbose)) console.log(r.message);
      else if (opts.verbose) {
        console.log(`${r.status.padEnd(8)} ${r.op} case ${r.index} [${r.judge ?? '-'}${r.agree === false ? ', peers disagree' : ''}] ${r.label || ''}${r.reason ? ` — ${r.reason}` : ''}`);
      }
    },
  });
  const v = await versions();
  console.log(`peers: ${Object.values(v).join(', ')}; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const l of summary.lines) console.log(l);
  if (summary.mismatches || summary.errors) {
    console.log('replay a failing case with:');
    for (const r of results.filter((x) => x.status === 'mismatch' || x.status === 'error')) console.log(`  ${replayCommand(r.seed, r.op, r.index)}`);
  }
  process.exitCode = summary.mismatches || summary.errors || (summary.compared === 0 && results.length > 0) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e.stack || e.message);
    process.exit(1);
  });
}
