// Prints raw and gzip sizes of the built wasm module and its glue per variant
// (`node web/tools/sizes.mjs [simd] [scalar] [--json]`). Also used by the
// footprint test and the benchmarks, so every run reports the same numbers.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

// The budget the footprint test enforces (docs/web.md explains it): gzip of
// .wasm + glue of the SIMD variant with every operator.
// 150 KB until issue 3 took the op set from 15 to 127 operators (211 KB at
// that commit); see docs/web.md "Footprint budget".
export const GZIP_BUDGET_BYTES = 240 * 1024;

export function variantSizes(variant, dist = DIST) {
  const files = [`edgelite-${variant}.wasm`, `edgelite-${variant}.mjs`].map((name) => {
    const bytes = fs.readFileSync(path.join(dist, name));
    return { name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  return {
    variant,
    files,
    raw: files.reduce((a, f) => a + f.raw, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function formatSizes(rows) {
  const lines = ['variant  file                     raw        gzip'];
  for (const r of rows) {
    for (const f of r.files) {
      lines.push(`${r.variant.padEnd(8)} ${f.name.padEnd(24)} ${kb(f.raw).padStart(9)}  ${kb(f.gzip).padStart(9)}`);
    }
    lines.push(`${r.variant.padEnd(8)} ${'total'.padEnd(24)} ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(9)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  let variants = args.filter((a) => !a.startsWith('--'));
  if (!variants.length) variants = ['simd', 'scalar'];
  const rows = variants.map((v) => variantSizes(v));
  if (json) {
    console.log(JSON.stringify(rows));
  } else {
    console.log(formatSizes(rows));
    console.log(`budget: gzip of the simd variant ≤ ${kb(GZIP_BUDGET_BYTES)}`);
  }
}
