#!/usr/bin/env node
// The model-level differential suite: every model the repository ships or
// tests (models/*.tflite, tests/data/models/*.tflite, plus the .tflite files of
// the directories in EDGELITE_CONFORMANCE_MODELS, ':'-separated — e.g.
// /work/shared/models for the large ones) × three inputs, through TFLite
// (LiteRT.js, else tfjs-tflite) and edgelite (SIMD and scalar), compared under
// the contract of lib/compare.mjs plus identical top-5 for classifier outputs.
//
// Inputs (the same bytes for every runtime). For each input tensor a "pixel"
// p in 0…255 is chosen per element:
//   const128  p = 128 everywhere
//   prng      p = floor(mulberry32(seed + input index)() · 256) (seed 42 by default,
//             as the anchors harness; EDGELITE_CONFORMANCE_MODEL_SEED)
//   image     a BMP from tests/data/images resized (bilinear, half-pixel centres)
//             to the input: [1, H, W, 3] → grace_hopper.bmp in RGB, [1, H, W, 1] →
//             person.bmp in gray; any other shape → person.bmp in gray resized to
//             (elements / last dim) rows × (last dim) columns
// and mapped to the tensor's dtype: uint8 → p; int8 → p − 128; int16 → (p − 128)·256;
// int32 → p; float32 → (p − 127.5) / 127.5; bool → p ≥ 128.
//
//   node tests/conformance/model_suite.mjs [--model NAME] [--variants simd,scalar]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ROOT, runEdgelite, RuntimeRefusal } from './lib/runners.mjs';
import { consultPeers } from './lib/oracle.mjs';
import { compareOutputs } from './lib/compare.mjs';
import { readModel, patchQuantizedDimension } from './lib/tflite_reader.mjs';
import { mulberry32 } from './lib/prng.mjs';
import { readBmp } from '../../web/test/helpers.mjs';
import { EXPECTED_SUPPORTED, MODEL_TOLERANCES, PEER_CANNOT_JUDGE } from './models.config.mjs';

export const INPUT_KINDS = ['const128', 'prng', 'image'];
export const DEFAULT_MODEL_SEED = 42;

// ---- which models --------------------------------------------------------------

// [{name, file}] deduplicated by content (the same file in two places runs once).
export function listModels(env = process.env) {
  const dirs = [path.join(ROOT, 'models'), path.join(ROOT, 'tests/data/models')];
  for (const d of (env.EDGELITE_CONFORMANCE_MODELS || '').split(':').filter(Boolean)) dirs.push(path.resolve(d));
  const seen = new Map();
  const out = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) throw new Error(`model directory ${dir} does not exist (EDGELITE_CONFORMANCE_MODELS?)`);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.tflite')).sort()) {
      const file = path.join(dir, f);
      const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      if (seen.has(hash)) continue;
      seen.set(hash, file);
      out.push({ name: path.basename(f, '.tflite'), file });
    }
  }
  return out;
}

// ---- inputs ----------------------------------------------------------------------

const IMAGES = path.join(ROOT, 'tests/data/images');
let imageCache = {};

function gray(img) {
  const n = img.width * img.height;
  const g = new Uint8Array(n);
  for (let i = 0; i < n; i++) g[i] = Math.round(0.299 * img.data[i * 3] + 0.587 * img.data[i * 3 + 1] + 0.114 * img.data[i * 3 + 2]);
  return { data: g, width: img.width, height: img.height, channels: 1 };
}

function image(name, channels) {
  const key = `${name}/${channels}`;
  if (!imageCache[key]) {
    const rgb = readBmp(path.join(IMAGES, name));
    imageCache[key] = channels === 1 ? gray(rgb) : { ...rgb, channels: 3 };
  }
  return imageCache[key];
}

// Bilinear resize with half-pixel centres, rounded to bytes.
export function resize(img, outH, outW) {
  const { width: w, height: h, channels: c, data } = img;
  const out = new Uint8Array(outH * outW * c);
  for (let y = 0; y < outH; y++) {
    const sy = Math.min(Math.max(((y + 0.5) * h) / outH - 0.5, 0), h - 1);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, h - 1);
    const fy = sy - y0;
    for (let x = 0; x < outW; x++) {
      const sx = Math.min(Math.max(((x + 0.5) * w) / outW - 0.5, 0), w - 1);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, w - 1);
      const fx = sx - x0;
      for (let k = 0; k < c; k++) {
        const p = (yy, xx) => data[(yy * w + xx) * c + k];
        const v = (1 - fy) * ((1 - fx) * p(y0, x0) + fx * p(y0, x1)) + fy * ((1 - fx) * p(y1, x0) + fx * p(y1, x1));
        out[(y * outW + x) * c + k] = Math.round(v);
      }
    }
  }
  return out;
}

function pixels(kind, tensor, index, seed) {
  const n = tensor.shape.reduce((a, d) => a * d, 1);
  if (kind === 'const128') return new Uint8Array(n).fill(128);
  if (kind === 'prng') {
    const r = mulberry32(seed + index);
    return Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
  }
  const s = tensor.shape;
  if (s.length === 4 && s[0] === 1 && (s[3] === 3 || s[3] === 1)) return resize(image(s[3] === 3 ? 'grace_hopper.bmp' : 'person.bmp', s[3]), s[1], s[2]);
  const cols = s.length ? s[s.length - 1] : 1;
  return resize(image('person.bmp', 1), Math.max(1, n / cols), cols);
}

export function mapPixels(p, dtype) {
  switch (dtype) {
    case 'uint8':
      return p;
    case 'int8':
      return Int8Array.from(p, (v) => v - 128);
    case 'int16':
      return Int16Array.from(p, (v) => (v - 128) * 256);
    case 'int32':
      return Int32Array.from(p);
    case 'float32':
      return Float32Array.from(p, (v) => (v - 127.5) / 127.5);
    case 'bool':
      return Uint8Array.from(p, (v) => (v >= 128 ? 1 : 0));
    default:
      throw new Error(`no input mapping for dtype ${dtype}`);
  }
}

export function modelInputs(info, kind, seed = DEFAULT_MODEL_SEED) {
  return info.inputs.map((t, i) => ({ name: t.name, alias: t.alias, dtype: t.dtype, shape: t.shape, data: mapPixels(pixels(kind, t, i, seed), t.dtype) }));
}

// ---- one model ---------------------------------------------------------------------

// → {name, status: 'compared'|'unsupported'|'skipped'|'error', supportedExpected,
//    runs: [{kind, judge, agree, problems: [string]}], message, notes: [string]}
export async function runModel({ name, file }, { variants = ['simd', 'scalar'], seed = DEFAULT_MODEL_SEED } = {}) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const rel = path.relative(ROOT, file).startsWith('..') ? file : path.relative(ROOT, file);
  const supportedExpected = EXPECTED_SUPPORTED.includes(name);
  const base = { name, file: rel, supportedExpected, runs: [], notes: [] };
  let info;
  try {
    info = readModel(bytes);
  } catch (e) {
    return { ...base, status: 'error', message: `cannot read ${rel}: ${e.message}` };
  }
  base.ops = info.ops;
  // Does edgelite take it? (load = parse + validate + Prepare of every op.)
  const probe = modelInputs(info, 'const128', seed);
  try {
    await runEdgelite(bytes, probe, { simd: variants[0] !== 'scalar' });
  } catch (e) {
    if (!(e instanceof RuntimeRefusal)) throw e;
    const message = `not yet supported by edgelite: ${e.message}`;
    return { ...base, status: 'unsupported', message };
  }
  if (PEER_CANNOT_JUDGE[name]) {
    return { ...base, supportedExpected: false, status: 'skipped', message: `skipped: edgelite runs it; no TFLite peer can judge it: ${PEER_CANNOT_JUDGE[name]}` };
  }
  // Which bytes the peers get: the original, else (when they reject its
  // quantized_dimension) a copy with that field repaired.
  let peerBytes = bytes;
  const patch = patchQuantizedDimension(bytes, info);
  const tolerance = MODEL_TOLERANCES[name];
  for (const kind of INPUT_KINDS) {
    const inputs = modelInputs(info, kind, seed);
    let peers = await consultPeers(info, peerBytes, inputs, { file: true, tolerance, top5: true });
    if (!peers.judge && patch.patched.length && peerBytes === bytes) {
      base.notes.push(
        `TFLite refuses the file (${peers.refusals.join('; ').slice(0, 200)}); the peers judge a copy with quantized_dimension set to 0 ` +
          `on ${patch.patched.length} 1-D tensors (the only dimension their scales can run along), edgelite runs the original`,
      );
      peerBytes = patch.bytes;
      peers = await consultPeers(info, peerBytes, inputs, { file: true, tolerance, top5: true });
    }
    const run = { kind, judge: peers.judge ? `${peers.judge}${peerBytes !== bytes ? ' (quantized_dimension-patched copy)' : ''}` : null, agree: peers.agree, disagreement: peers.disagreement, problems: [], refusals: peers.refusals, notes: peers.notes };
    base.runs.push(run);
    if (!peers.judge) continue;
    for (const variant of variants) {
      let actual;
      try {
        actual = await runEdgelite(bytes, inputs, { simd: variant === 'simd' });
      } catch (e) {
        if (!(e instanceof RuntimeRefusal)) throw e;
        run.problems.push(`edgelite-${variant} failed (${e.stage}, ${e.code}): ${e.message}`);
        continue;
      }
      for (const p of compareOutputs(peers.expected, actual.outputs, { tolerance, top5: true })) {
        run.problems.push(`edgelite-${variant} output ${p.output} '${p.name}': ${p.message}`);
      }
    }
  }
  const judged = base.runs.filter((r) => r.judge);
  if (judged.length === 0) {
    return { ...base, status: 'skipped', message: `skipped: peer refused (${base.runs.flatMap((r) => r.refusals).slice(0, 2).join('; ')})` };
  }
  return { ...base, status: 'compared' };
}

export function modelMismatches(r) {
  return r.runs.filter((x) => x.problems.length).length;
}

// Failure text of a model result, or '' when it passes the suite's rules.
export function modelFailure(r) {
  if (r.status === 'error') return r.message;
  if (r.status === 'unsupported') return r.supportedExpected ? `${r.name} is in EXPECTED_SUPPORTED but ${r.message}` : '';
  if (r.status === 'skipped') return r.supportedExpected ? `${r.name}: no TFLite peer runs it (${r.message})` : '';
  const bad = r.runs.filter((x) => x.problems.length);
  if (!bad.length) return '';
  return [
    `MISMATCH model ${r.name} (${r.file}; ops ${Object.entries(r.ops).map(([k, v]) => `${k}×${v}`).join(' ')})`,
    ...bad.map((x) => `  input ${x.kind} (judge: ${x.judge}${x.agree === true ? '; tfjs-tflite agrees' : x.agree === false ? '; peers DISAGREE' : ''}):\n${x.problems.map((p) => `    ${p}`).join('\n')}`),
    ...r.notes.map((n) => `  note: ${n}`),
    `  replay: node tests/conformance/model_suite.mjs --model ${r.name}`,
  ].join('\n');
}

export function summarizeModels(results) {
  const compared = results.filter((r) => r.status === 'compared');
  const inputs = INPUT_KINDS.length;
  const mismatches = compared.reduce((a, r) => a + modelMismatches(r), 0);
  const unsupported = results.filter((r) => r.status === 'unsupported');
  const skipped = results.filter((r) => r.status === 'skipped');
  const lines = [
    `model conformance: ${compared.length} models × ${inputs} inputs compared, ${mismatches} mismatches` +
      `${unsupported.length ? `; ${unsupported.length} not yet supported by edgelite (${unsupported.map((r) => r.name).join(', ')})` : ''}` +
      `${skipped.length ? `; ${skipped.length} skipped, no TFLite peer judges them (${skipped.map((r) => r.name).join(', ')})` : ''}`,
  ];
  for (const r of compared) {
    const judges = [...new Set(r.runs.map((x) => x.judge))].join(', ');
    const dis = r.runs.filter((x) => x.agree === false).length;
    const refused = [...new Set(r.runs.flatMap((x) => [...x.refusals, ...x.notes]))].map((x) => x.slice(0, 160));
    lines.push(
      `  ${r.name}: ${modelMismatches(r) ? `${modelMismatches(r)} MISMATCHED inputs` : 'identical'} (judge: ${judges}` +
        `${dis ? `; peers disagreed on ${dis} inputs` : ''}${refused.length ? `; ${refused.join('; ')}` : ''}${r.notes.length ? '; see note' : ''})`,
    );
  }
  for (const r of unsupported) lines.push(`  ${r.name}: ${r.message.split('\n')[0]}${r.supportedExpected ? ' — FAILS: listed in EXPECTED_SUPPORTED' : ''}`);
  return { lines, compared: compared.length, mismatches };
}

// ---- CLI ------------------------------------------------------------------------------

async function main() {
  const argv = process.argv.slice(2);
  let only = null;
  let variants = (process.env.EDGELITE_CONFORMANCE_VARIANTS || 'simd,scalar').split(',');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--model') only = argv[++i];
    else if (argv[i] === '--variants') variants = argv[++i].split(',');
    else {
      console.error('usage: node tests/conformance/model_suite.mjs [--model NAME] [--variants simd,scalar]');
      process.exit(2);
    }
  }
  const seed = Number(process.env.EDGELITE_CONFORMANCE_MODEL_SEED ?? DEFAULT_MODEL_SEED);
  const models = listModels().filter((m) => !only || m.name === only);
  if (!models.length) throw new Error(`no model named ${only}`);
  const results = [];
  for (const m of models) {
    const t0 = performance.now();
    const r = await runModel(m, { variants, seed });
    results.push(r);
    const f = modelFailure(r);
    console.log(`${m.name}: ${r.status} in ${((performance.now() - t0) / 1000).toFixed(1)} s${f ? `\n${f}` : ''}`);
    for (const n of r.notes) console.log(`  note: ${n}`);
  }
  for (const l of summarizeModels(results).lines) console.log(l);
  process.exitCode = results.some((r) => modelFailure(r)) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e.stack || e.message);
    process.exit(1);
  });
}
