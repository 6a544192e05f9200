// Y4M (YUV4MPEG2) video for Chromium's fake camera
// (--use-file-for-fake-video-capture=FILE.y4m): the pixels of an RGB image as
// 4:2:0 frames, BT.601 full-range ("JPEG") YCbCr, which is what the C420jpeg
// colour-space tag says. Chromium loops the file, so a few identical frames
// are a still camera picture.
import fs from 'node:fs';

const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/**
 * RGB bytes ({data, width, height}, as readBmp returns; even width and height)
 * → {y, u, v} planes, 4:2:0 (each chroma sample is the mean of a 2×2 block).
 */
export function rgbToI420({ data, width, height }) {
  if (width % 2 || height % 2) throw new Error(`4:2:0 needs an even size, not ${width}x${height}`);
  const y = new Uint8Array(width * height);
  const cw = width / 2;
  const ch = height / 2;
  const u = new Uint8Array(cw * ch);
  const v = new Uint8Array(cw * ch);
  const cb = new Float64Array(width * height);
  const cr = new Float64Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const r = data[i * 3];
    const g = data[i * 3 + 1];
    const b = data[i * 3 + 2];
    y[i] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
    cb[i] = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
    cr[i] = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  }
  for (let j = 0; j < ch; j++) {
    for (let i = 0; i < cw; i++) {
      const p = 2 * j * width + 2 * i;
      const q = p + width;
      u[j * cw + i] = clamp((cb[p] + cb[p + 1] + cb[q] + cb[q + 1]) / 4);
      v[j * cw + i] = clamp((cr[p] + cr[p + 1] + cr[q] + cr[q + 1]) / 4);
    }
  }
  return { y, u, v, width, height };
}

/** The {y, u, v} planes back to RGB bytes (full range; chroma upsampled by repetition). */
export function i420ToRgb({ y, u, v, width, height }) {
  const data = new Uint8Array(width * height * 3);
  const cw = width / 2;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const Y = y[row * width + col];
      const c = (row >> 1) * cw + (col >> 1);
      const U = u[c] - 128;
      const V = v[c] - 128;
      const o = (row * width + col) * 3;
      data[o] = clamp(Y + 1.402 * V);
      data[o + 1] = clamp(Y - 0.344136 * U - 0.714136 * V);
      data[o + 2] = clamp(Y + 1.772 * U);
    }
  }
  return { data, width, height };
}

/** Writes `frames` copies of the RGB image as a Y4M file (C420jpeg, `fps` frames per second). */
export function writeY4m(file, rgb, { frames = 2, fps = 15 } = {}) {
  const { y, u, v, width, height } = rgbToI420(rgb);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'latin1');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'latin1'), y, u, v]);
  fs.writeFileSync(file, Buffer.concat([header, ...Array(frames).fill(frame)]));
  return file;
}
