// Shared by the web library's Node tests: paths, a BMP reader (the test
// images are BMPs; Node has no image decoder) and the variants under test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const data = (p) => path.join(ROOT, 'tests/data', p);
export const DEFAULT_MODEL = path.join(ROOT, 'models/tf2_mobilenet_v2_1.0_224_ptq.tflite');
export const LABELS = path.join(ROOT, 'models/imagenet_labels.txt');

// EDGELITE_WEB_VARIANTS=simd,scalar (default both).
export const VARIANTS = (process.env.EDGELITE_WEB_VARIANTS || 'simd,scalar').split(',');
export const simdOf = (variant) => variant === 'simd';

export function readModel(name) {
  const p = name.includes('/') ? path.join(ROOT, name) : data(`models/${name}`);
  return new Uint8Array(fs.readFileSync(p));
}

// Uncompressed 24-bit or 8-bit (palette) BMP → {data: RGB bytes, width, height}.
export function readBmp(file) {
  const b = fs.readFileSync(file);
  if (b.toString('latin1', 0, 2) !== 'BM') throw new Error(`${file}: not a BMP`);
  const offset = b.readUInt32LE(10);
  const headerSize = b.readUInt32LE(14);
  const width = b.readInt32LE(18);
  const rawHeight = b.readInt32LE(22);
  const bpp = b.readUInt16LE(28);
  const compression = b.readUInt32LE(30);
  if (compression !== 0 || (bpp !== 24 && bpp !== 8)) throw new Error(`${file}: unsupported BMP (${bpp} bpp, compression ${compression})`);
  const height = Math.abs(rawHeight);
  const stride = Math.ceil((width * bpp) / 32) * 4;
  const palette = 14 + headerSize;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      let r, g, bl;
      if (bpp === 24) {
        [bl, g, r] = [b[row + x * 3], b[row + x * 3 + 1], b[row + x * 3 + 2]];
      } else {
        const p = palette + b[row + x] * 4;
        [bl, g, r] = [b[p], b[p + 1], b[p + 2]];
      }
      const o = (y * width + x) * 3;
      rgb[o] = r;
      rgb[o + 1] = g;
      rgb[o + 2] = bl;
    }
  }
  return { data: rgb, width, height };
}

// mulberry32, as the anchors harness uses: deterministic pseudo-random bytes.
export function prngBytes(n, seed = 42) {
  let a = seed >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 256);
  }
  return out;
}
