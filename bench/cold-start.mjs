#!/usr/bin/env node
// Cold-start benchmark: module init + model load + first inference, edgelite
// vs LiteRT.js vs tfjs-tflite in the same run, each measurement in a fresh
// Node process, runtimes interleaved round by round. Prints per-phase medians,
// the ratio edgelite ÷ best peer, top-1 agreement and download sizes (gzip).
// Methodology: bench/README.md. Results: bench/RESULTS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RUNTIMES, ROOT, RUNTIMES } from './lib/runtimes.mjs';
import { formatSizes, variantSizes } from '../web/tools/sizes.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(HERE, 'lib/child.mjs');
const RESULT_TAG = 'EDGELITE_BENCH_RESULT ';
const GOAL = 0.25;

const HELP = `usage: node bench/cold-start.mjs [options]      (or: npm run bench -- [options])

Cold start = module init + model load + first inference, measured with
performance.now() inside a fresh Node process per runtime and round (no
compiled wasm is cached between processes). The runtimes run one after the
other, in an order rotated every round.

options:
  --model PATH       .tflite model (default models/tf2_mobilenet_v2_1.0_224_ptq.tflite)
  --image PATH|none  BMP fed to image-shaped inputs, resized to the input size
                     (default models/sample.bmp); none: pseudo-random input
  --rounds N         rounds; every runtime runs once per round (default 7)
  --runtimes a,b     default ${DEFAULT_RUNTIMES.join(',')}
  --warm N           timed warm inferences after the first one, per process;
                     0 skips the steady-state section (default 20)
  --warmup N         untimed inferences before those (default 5)
  --seed S           seed of the pseudo-random inputs (default 42)
  --json FILE        write every measurement, the summary and the sizes as JSON
  --timeout-s S      limit per process, then it is killed (default 180)
  --verbose          forward the runtimes' own logs (stderr)
  -h, --help         this text

runtimes:
${Object.entries(RUNTIMES)
  .map(([name, r]) => `  ${name.padEnd(16)} ${r.about}${r.flags ? ` [node ${r.flags.join(' ')}]` : ''}`)
  .join('\n')}

The ratio is edgelite's median total ÷ the lowest median total among the
peers in the run; the goal is ≤ ${GOAL}×. Progress goes to stderr, the report to stdout.`;

function parseArgs(argv) {
  const o = {
    model: path.join(ROOT, 'models/tf2_mobilenet_v2_1.0_224_ptq.tflite'),
    image: path.join(ROOT, 'models/sample.bmp'),
    rounds: 7,
    runtimes: DEFAULT_RUNTIMES,
    warm: 20,
    warmup: 5,
    seed: 42,
    json: null,
    timeoutS: 180,
    verbose: false,
  };
  const int = (name, v, min) => {
    if (!/^\d+$/.test(v ?? '') || +v < min) fail(`--${name} needs an integer ≥ ${min}, got ${v === undefined ? 'nothing' : `'${v}'`}`);
    return +v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '-h':
      case '--help':
        console.log(HELP);
        process.exit(0);
        break;
      case '--model':
        o.model = path.resolve(value() ?? fail('--model needs a path'));
        break;
      case '--image': {
        const v = value() ?? fail('--image needs a path or none');
        o.image = v === 'none' ? null : path.resolve(v);
        break;
      }
      case '--rounds':
        o.rounds = int('rounds', value(), 1);
        break;
      case '--runtimes':
        o.runtimes = String(value() ?? '').split(',').filter(Boolean);
        break;
      case '--warm':
        o.warm = int('warm', value(), 0);
        break;
      case '--warmup':
        o.warmup = int('warmup', value(), 0);
        break;
      case '--seed':
        o.seed = int('seed', value(), 0);
        break;
      case '--json':
        o.json = path.resolve(value() ?? fail('--json needs a file name'));
        break;
      case '--timeout-s':
        o.timeoutS = int('timeout-s', value(), 1);
        break;
      case '--verbose':
        o.verbose = true;
        break;
      default:
        fail(`unknown argument '${a}' (see --help)`);
    }
  }
  if (!o.runtimes.length) fail('--runtimes is empty');
  for (const r of o.runtimes) if (!RUNTIMES[r]) fail(`unknown runtime '${r}' (known: ${Object.keys(RUNTIMES).join(', ')})`);
  if (new Set(o.runtimes).size !== o.runtimes.length) fail('--runtimes lists a runtime twice');
  if (!fs.existsSync(o.model)) fail(`model not found: ${o.model}`);
  if (o.image && !fs.existsSync(o.image)) fail(`image not found: ${o.image}`);
  return o;
}

function fail(msg) {
  console.error(`cold-start: ${msg}`);
  process.exit(2);
}

const log = (msg) => process.stderr.write(`${msg}\n`);

// What each runtime needs on disk, checked before anything runs.
function preflight(runtimes) {
  const missing = [];
  for (const r of runtimes) {
    const need =
      r === 'edgelite' ? ['web/dist/edgelite-simd.wasm', 'web/dist/edgelite-simd.mjs']
      : r === 'edgelite-scalar' ? ['web/dist/edgelite-scalar.wasm', 'web/dist/edgelite-scalar.mjs']
      : r.startsWith('litert') ? ['node_modules/@litertjs/core/package.json', 'node_modules/@litertjs/wasm-utils/package.json']
      : ['node_modules/@tensorflow/tfjs-tflite/package.json', 'node_modules/@tensorflow/tfjs-core/package.json', 'node_modules/@tensorflow/tfjs-backend-cpu/package.json'];
    for (const f of need) if (!fs.existsSync(path.join(ROOT, f))) missing.push(`${f} (${r})`);
  }
  if (missing.length) {
    fail(`missing: ${missing.join(', ')}\n  build the wasm with bash scripts/build-wasm.sh and install the peers with bash scripts/npm-deps.sh (npm run bench does both)`);
  }
}

function runChild(runtime, o) {
  const args = [
    ...(RUNTIMES[runtime].flags ?? []),
    CHILD,
    '--runtime', runtime,
    '--model', o.model,
    '--image', o.image ?? 'none',
    '--warm', String(o.warm),
    '--warmup', String(o.warmup),
    '--seed', String(o.seed),
  ];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      if (err.length > 65536) err = err.slice(-32768);
      if (o.verbose) process.stderr.write(d);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wall = +(performance.now() - t0).toFixed(1);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_TAG));
      let res;
      try {
        res = line ? JSON.parse(line.slice(RESULT_TAG.length)) : null;
      } catch {
        res = null;
      }
      if (!res) {
        res = {
          runtime,
          ok: false,
          stage: 'process',
          error: signal === 'SIGKILL' ? `killed after ${o.timeoutS} s (--timeout-s)` : `exited with ${signal ?? code} without a result`,
        };
      }
      if (!res.ok) {
        res.stderr_tail = err.split('\n').filter((l) => l && !l.startsWith('INFO:')).slice(-8).join('\n');
      }
      res.wall_ms = wall;
      resolve(res);
    });
  });
}

// --- statistics and formatting -------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const PHASES = [
  ['init_ms', 'init'],
  ['load_ms', 'load'],
  ['first_ms', 'first run'],
  ['total_ms', 'total'],
];

function summarize(results, runtimes) {
  const rows = {};
  for (const r of runtimes) {
    const ok = results.filter((x) => x.runtime === r && x.ok);
    const failed = results.filter((x) => x.runtime === r && !x.ok);
    const row = { runtime: r, peer: RUNTIMES[r].peer, n: ok.length, failed: failed.length };
    if (failed.length) row.error = `${failed[0].stage}: ${failed[0].error}`;
    for (const [k] of PHASES) {
      const xs = ok.map((x) => x[k]);
      row[k] = xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : null;
    }
    const warm = ok.filter((x) => x.warm);
    row.warm = warm.length
      ? { median: median(warm.map((x) => x.warm.median_ms)), min: Math.min(...warm.map((x) => x.warm.min_ms)), n: warm[0].warm.n }
      : null;
    row.top1 = [...new Set(ok.map((x) => x.top1))];
    row.outputs = [...new Set(ok.map((x) => x.outputs.map((t) => t.sha256).join(',')))];
    row.variant = [...new Set(ok.map((x) => x.info.variant))].join(', ');
    row.deterministic = warm.every((x) => x.deterministic);
    row.boot_ms = ok.length ? median(ok.map((x) => x.boot_ms)) : null;
    rows[r] = row;
  }
  return rows;
}

const f1 = (x) => (x === null || x === undefined ? '—' : x.toFixed(x < 1 ? 2 : 1));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const cell = (s) => (s ? `${f1(s.median)} (${f1(s.min)})` : '—');

function table(headers, rows, alignLeft = 1) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (cols) => cols.map((c, i) => (i < alignLeft ? pad(c, widths[i]) : lpad(c, widths[i]))).join('  ').trimEnd();
  return [fmt(headers), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}

function gzipOf(file) {
  const bytes = fs.readFileSync(file);
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

const loadText = (h) => `load average ${h.loadavg_1m}${h.cpu_pressure_avg60 === null ? '' : `, CPU pressure ${h.cpu_pressure_avg60} %`}`;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : kb(n));

function displayPath(f) {
  const i = f.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  return i >= 0 ? f.slice(i + 1) : path.relative(ROOT, f);
}

// gzip of the runtime files each child reported loading (union over rounds).
function runtimeSizes(results, runtimes) {
  const out = {};
  for (const r of runtimes) {
    const files = [...new Set(results.filter((x) => x.runtime === r && x.ok).flatMap((x) => x.files))];
    if (!files.length) continue;
    const seen = new Set();
    const list = [];
    for (const f of files) {
      const real = fs.realpathSync(f);
      if (seen.has(real)) continue;
      seen.add(real);
      list.push({ file: displayPath(f), ...gzipOf(real) });
    }
    const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
    const wasm = list.filter((x) => x.file.endsWith('.wasm'));
    const js = list.filter((x) => !x.file.endsWith('.wasm'));
    out[r] = {
      files: list,
      wasm: { raw: sum(wasm, 'raw'), gzip: sum(wasm, 'gzip') },
      js: { raw: sum(js, 'raw'), gzip: sum(js, 'gzip') },
      total: { raw: sum(list, 'raw'), gzip: sum(list, 'gzip') },
    };
  }
  return out;
}

// Linux PSI: % of the last minute some task waited for a CPU (other load on the machine).
function cpuPressure() {
  try {
    const m = fs.readFileSync('/proc/pressure/cpu', 'utf8').match(/^some .*avg60=([\d.]+)/m);
    return m ? +m[1] : null;
  } catch {
    return null;
  }
}

function hostInfo() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model || '?';
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: model.trim(),
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    loadavg_1m: +os.loadavg()[0].toFixed(2),
    cpu_pressure_avg60: cpuPressure(),
    platform: `${os.platform()} ${os.arch()}`,
  };
}

function versions() {
  const v = (p) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  return {
    '@litertjs/core': v('@litertjs/core'),
    '@tensorflow/tfjs-tflite': v('@tensorflow/tfjs-tflite'),
    '@tensorflow/tfjs-core': v('@tensorflow/tfjs-core'),
  };
}

// --- main --------------------------------------------------------------------

async function main() {
  const o = parseArgs(process.argv.slice(2));
  preflight(o.runtimes);
  const host = hostInfo();
  const started = new Date();
  const modelBytes = fs.statSync(o.model).size;
  log(`cold-start: ${path.relative(ROOT, o.model)} (${mb(modelBytes)}), ${o.rounds} round(s) × ${o.runtimes.join(', ')}`);
  log(`cold-start: node ${host.node}, ${host.nproc} CPU(s) ${host.cpu}, ${loadText(host)}`);

  const results = [];
  const t0 = performance.now();
  for (let round = 0; round < o.rounds; round++) {
    const k = round % o.runtimes.length;
    const order = [...o.runtimes.slice(k), ...o.runtimes.slice(0, k)];
    for (const r of order) {
      const res = await runChild(r, o);
      res.round = round + 1;
      results.push(res);
      const tag = `round ${round + 1}/${o.rounds} ${pad(r, 15)}`;
      if (res.ok) {
        const warm = res.warm ? `, warm ${f1(res.warm.median_ms)}` : '';
        log(`${tag} total ${lpad(f1(res.total_ms), 7)} ms = init ${f1(res.init_ms)} + load ${f1(res.load_ms)} + first ${f1(res.first_ms)}${warm}; top-1 ${res.top1}`);
      } else {
        log(`${tag} FAILED at ${res.stage}: ${String(res.error).split('\n')[0]}`);
      }
    }
  }
  const wallS = +((performance.now() - t0) / 1000).toFixed(1);

  const rows = summarize(results, o.runtimes);
  const edge = rows.edgelite ?? rows['edgelite-scalar'];
  const edgeName = edge?.runtime;
  const peers = Object.values(rows).filter((r) => r.peer && r.total_ms);
  const best = peers.length ? peers.reduce((a, b) => (b.total_ms.median < a.total_ms.median ? b : a)) : null;
  const bestWarm = peers.filter((p) => p.warm).reduce((a, b) => (!a || b.warm.median < a.warm.median ? b : a), null);

  // Top-1 agreement: against edgelite's answer (or the first runtime's).
  const ref = (edge && edge.top1.length ? edge : Object.values(rows).find((r) => r.top1.length))?.top1[0];
  const refOut = (edge && edge.outputs.length ? edge : Object.values(rows).find((r) => r.outputs.length))?.outputs[0];

  // Per-round ratio (edgelite's total ÷ the best peer total of that round).
  const perRound = [];
  for (let round = 1; round <= o.rounds; round++) {
    const e = results.find((x) => x.round === round && x.runtime === edgeName && x.ok);
    const p = results.filter((x) => x.round === round && RUNTIMES[x.runtime].peer && x.ok);
    if (e && p.length) perRound.push(e.total_ms / Math.min(...p.map((x) => x.total_ms)));
  }

  const out = [];
  const modelRel = path.relative(ROOT, o.model);
  out.push(`# edgelite cold start — ${modelRel}, ${o.rounds} round(s), ${started.toISOString().slice(0, 10)}`);
  out.push(`node ${host.node} (V8 ${host.v8}), ${host.nproc} CPU(s): ${host.cpu}`);
  const ver = versions();
  out.push(`peers: ${Object.entries(ver).map(([k, v]) => `${k} ${v ?? 'not installed'}`).join(', ')}`);
  out.push(`input: ${o.image ? `${path.relative(ROOT, o.image)} resized to the input size` : 'pseudo-random'}; model bytes read into memory before timing`);
  out.push('');
  out.push('Cold start, ms: median (min) over rounds; one fresh process per runtime and round.');
  out.push('total = init + load + first run, summed per process (median of those sums).');
  const headers = ['runtime', 'init', 'load', 'first run', 'total', `${edgeName ?? 'edgelite'} ÷`, o.warm ? `warm (${o.warm}×)` : 'warm', 'top-1', 'output'];
  const body = o.runtimes.map((r) => {
    const x = rows[r];
    const vs = edge && edge.total_ms && x.total_ms && x !== edge ? `${(edge.total_ms.median / x.total_ms.median).toFixed(3)}×` : '';
    const top = x.top1.length ? x.top1.join('/') : '—';
    const agree = !x.top1.length ? 'FAILED' : x === edge && x.top1.length === 1 ? (x.outputs.length === 1 ? 'reference' : 'varies by round') : x.top1.length === 1 && x.top1[0] === ref ? (x.outputs.length === 1 && x.outputs[0] === refOut ? 'same bytes' : 'same top-1') : 'WARNING: top-1 differs';
    return [
      r + (x.failed ? ` (${x.failed} failed)` : ''),
      cell(x.init_ms),
      cell(x.load_ms),
      cell(x.first_ms),
      cell(x.total_ms),
      vs,
      x.warm ? `${f1(x.warm.median)} (${f1(x.warm.min)})` : '—',
      top,
      agree,
    ];
  });
  out.push('');
  out.push(table(headers, body));
  out.push('');
  out.push(`builds: ${o.runtimes.map((r) => `${r} = ${rows[r].variant || 'failed'}`).join('; ')}`);

  let verdict = null;
  if (edge && edge.total_ms && best) {
    const ratio = edge.total_ms.median / best.total_ms.median;
    verdict = { ratio, goal: GOAL, met: ratio <= GOAL, best_peer: best.runtime };
    out.push('');
    out.push(`cold-start ratio: ${edgeName} ${f1(edge.total_ms.median)} ms ÷ best peer ${best.runtime} ${f1(best.total_ms.median)} ms = ${ratio.toFixed(3)}× ` +
      `(goal ≤ ${GOAL}×: ${ratio <= GOAL ? 'MET' : 'NOT MET'})`);
    if (perRound.length) {
      out.push(`per-round ratios (÷ that round's best peer): median ${median(perRound).toFixed(3)}×, range ${Math.min(...perRound).toFixed(3)}–${Math.max(...perRound).toFixed(3)}×`);
    }
    const phaseRatios = PHASES.map(([k, label]) => `${label} ${(edge[k].median / best[k].median).toFixed(2)}×`).join(', ');
    out.push(`per phase vs ${best.runtime} (median ÷ median): ${phaseRatios}`);
    const budget = GOAL * best.total_ms.median;
    out.push(`the goal means a total ≤ ${f1(budget)} ms here; ${edgeName} is ${edge.total_ms.median <= budget ? 'under' : 'over'} it by ${f1(Math.abs(edge.total_ms.median - budget))} ms`);
    if (edge.warm && bestWarm) {
      out.push(`steady state (not part of the goal): ${edgeName} ${f1(edge.warm.median)} ms ÷ ${bestWarm.runtime} ${f1(bestWarm.warm.median)} ms = ${(edge.warm.median / bestWarm.warm.median).toFixed(2)}× per inference`);
    }
  } else if (!edge || !edge.total_ms) {
    out.push('', 'no ratio: edgelite did not run (or failed every round)');
  } else {
    out.push('', 'no ratio: no peer ran successfully');
  }
  const disagree = Object.values(rows).filter((x) => x.top1.length && (x.top1.length > 1 || x.top1[0] !== ref));
  if (disagree.length) out.push(`WARNING: top-1 disagrees: ${disagree.map((x) => `${x.runtime} ${x.top1.join('/')}`).join(', ')} vs ${ref}`);
  for (const x of Object.values(rows)) if (x.error) out.push(`${x.runtime} failed ${x.failed}×: ${x.error.split('\n')[0]}`);

  // Sizes: what each runtime loaded in this run, and edgelite's two variants.
  log('cold-start: computing gzip sizes…');
  const sizes = runtimeSizes(results, o.runtimes);
  out.push('');
  out.push('Download size of what each runtime loaded in these processes (gzip -9; JS = glue + library):');
  out.push(table(
    ['runtime', 'wasm raw', 'wasm gzip', 'JS raw', 'JS gzip', 'total gzip'],
    o.runtimes.filter((r) => sizes[r]).map((r) => {
      const s = sizes[r];
      return [r, mb(s.wasm.raw), mb(s.wasm.gzip), mb(s.js.raw), mb(s.js.gzip), mb(s.total.gzip)];
    }),
  ));
  const edgeVariants = ['simd', 'scalar']
    .filter((v) => fs.existsSync(path.join(ROOT, `web/dist/edgelite-${v}.wasm`)))
    .map((v) => variantSizes(v));
  out.push('');
  out.push('edgelite wasm + glue (web/tools/sizes.mjs):');
  out.push(formatSizes(edgeVariants));
  out.push('');
  const end = { loadavg_1m: +os.loadavg()[0].toFixed(2), cpu_pressure_avg60: cpuPressure() };
  out.push(`${results.length} processes, ${wallS} s; machine load: ${loadText(host)} at start, ${loadText(end)} at the end.`);

  process.stdout.write(`${out.join('\n')}\n`);

  if (o.json) {
    const doc = {
      date: started.toISOString(),
      command: `node bench/cold-start.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      model: modelRel,
      model_bytes: modelBytes,
      image: o.image ? path.relative(ROOT, o.image) : null,
      options: { rounds: o.rounds, runtimes: o.runtimes, warm: o.warm, warmup: o.warmup, seed: o.seed },
      host,
      versions: ver,
      verdict,
      per_round_ratios: perRound,
      summary: rows,
      sizes: { runtimes: sizes, edgelite_variants: edgeVariants },
      results,
      wall_s: wallS,
      host_at_end: end,
    };
    fs.writeFileSync(o.json, `${JSON.stringify(doc, null, 2)}\n`);
    log(`cold-start: wrote ${path.relative(process.cwd(), o.json) || o.json}`);
  }
  process.exitCode = edge && edge.n ? 0 : 1;
}

main();
