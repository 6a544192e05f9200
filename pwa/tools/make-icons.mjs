// Draws the edgelite app icons (an eye/lens on a dark rounded tile) and writes
// them as PNG files with nothing but node:zlib:
//
//   node pwa/tools/make-icons.mjs        # writes pwa/icons/*.png
//
// icon-192.png, icon-512.png: "any" purpose, transparent corners.
// maskable-512.png: full-bleed background, the logo inside the 80 % safe zone
// (a circle of radius 40 % of the size), also used as the apple-touch-icon.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../icons');

// ---- PNG writer -----------------------------------------------------------
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA bytes (width × height × 4) → PNG file bytes (8-bit RGBA, filter 0). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- drawing ----------------------------------------------------------------
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * Math.min(1, Math.max(0, t)));

const TILE_TOP = hex('#1e1b4b'); // indigo 950
const TILE_BOTTOM = hex('#0b1120');
const EYE = hex('#f1f5f9');
const IRIS_IN = hex('#5eead4'); // teal 300
const IRIS_OUT = hex('#0f766e'); // teal 700
const PUPIL = hex('#0b1120');
const RING = hex('#2dd4bf');

function inRoundedSquare(x, y, inset, radius) {
  const lo = inset;
  const hi = 1 - inset;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}

// The eye: a vesica (intersection of two circles) of half-width a, half-height b.
function inEye(x, y, a, b) {
  const d = (a * a - b * b) / (2 * b);
  const r = d + b;
  return x * x + (y - d) ** 2 <= r * r && x * x + (y + d) ** 2 <= r * r;
}

/** Colour [r, g, b, a] (0–255, alpha 0–1) at (x, y) in [0, 1]². */
function shade(x, y, { maskable }) {
  let color = null;
  // Background tile.
  if (maskable || inRoundedSquare(x, y, 0.04, 0.2)) color = mix(TILE_TOP, TILE_BOTTOM, y);
  if (!color) return [0, 0, 0, 0];
  // Logo around the centre; smaller in the maskable icon (safe zone).
  const s = maskable ? 0.78 : 1;
  const u = (x - 0.5) / s;
  const v = (y - 0.5) / s;
  const rr = Math.hypot(u, v);
  // A thin lens ring around the eye.
  if (rr > 0.385 && rr < 0.405) color = mix(RING, TILE_TOP, 0.35);
  if (inEye(u, v, 0.34, 0.2)) {
    color = EYE;
    const iris = Math.hypot(u, v);
    if (iris < 0.145) color = mix(IRIS_IN, IRIS_OUT, iris / 0.145);
    if (iris < 0.062) color = PUPIL;
    if (Math.hypot(u - 0.045, v + 0.045) < 0.026) color = EYE; // highlight
  }
  return [...color, 1];
}

function render(size, opts) {
  const SS = 4; // 4×4 supersampling for smooth edges
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, opts);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return out;
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
]) {
  const png = encodePng(size, size, render(size, { maskable }));
  fs.writeFileSync(path.join(OUT, name), png);
  console.log(`${path.relative(process.cwd(), path.join(OUT, name))}: ${size}×${size}, ${png.length} bytes`);
}
