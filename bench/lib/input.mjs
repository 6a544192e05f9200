// The benchmark's input tensors and output checks. Pure JS (node: builtins
// only), so every runtime's child process builds byte-identical inputs.
//
// An image-shaped input ([1, H, W, C] with C = 1 or 3, or [H, W, C]) gets the
// sample picture resized to H×W (bilinear, half-pixel centres, whole image);
// any other input gets mulberry32 pseudo-random pixels. A pixel p in 0..255
// maps to the tensor's dtype as in the anchors protocol: uint8/int* p,
// int8 p - 128, float32 (p - 127.5) / 127.5.
import crypto from 'node:crypto';
// The BMP reader and the mulberry32 generator the web library's tests use.
import { readBmp, prngBytes as prngPixels } from '../../web/test/helpers.mjs';

export { readBmp };

// RGB image → H×W×C pixels (C = 3, or 1 = luma), bilinear with half-pixel centres.
export function resizePixels(img, outW, outH, channels) {
  const out = new Uint8Array(outW * outH * channels);
  const sx = img.width / outW;
  const sy = img.height / outH;
  const px = (x, y, c) => img.data[(y * img.width + x) * 3 + c];
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), img.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, img.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), img.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, img.width - 1);
      const wx = fx - x0;
      const rgb = [0, 1, 2].map((c) => {
        const top = px(x0, y0, c) * (1 - wx) + px(x1, y0, c) * wx;
        const bottom = px(x0, y1, c) * (1 - wx) + px(x1, y1, c) * wx;
        return top * (1 - wy) + bottom * wy;
      });
      const o = (y * outW + x) * channels;
      if (channels === 3) {
        for (let c = 0; c < 3; c++) out[o + c] = Math.round(rgb[c]);
      } else {
        out[o] = Math.round(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]);
      }
    }
  }
  return out;
}

const ARRAYS = {
  uint8: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  float32: Float32Array,
  bool: Uint8Array,
};

// Runtimes spell dtypes differently ('FLOAT32', 'float32', …).
export function normalizeDtype(dtype) {
  return String(dtype).toLowerCase();
}

function pixelsToTensor(pixels, dtype) {
  const Ctor = ARRAYS[dtype];
  if (!Ctor) throw new Error(`input dtype ${dtype} is not supported by the benchmark`);
  const out = new Ctor(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i];
    out[i] = dtype === 'int8' ? p - 128 : dtype === 'float32' ? (p - 127.5) / 127.5 : dtype === 'bool' ? +(p >= 128) : p;
  }
  return out;
}

function imageDims(shape) {
  const s = shape.length === 4 && shape[0] === 1 ? shape.slice(1) : shape;
  if (s.length === 3 && (s[2] === 3 || s[2] === 1) && s[0] > 1 && s[1] > 1) return { h: s[0], w: s[1], c: s[2] };
  return null;
}

/**
 * One typed array per input ({dtype, shape}); `image` is readBmp()'s result
 * or null. Returns {arrays, kinds} (kinds[i]: 'image' | 'prng').
 */
export function makeInputs(inputs, image, seed = 42) {
  const kinds = [];
  const arrays = inputs.map((t, i) => {
    const dtype = normalizeDtype(t.dtype);
    const n = t.shape.reduce((a, d) => a * d, 1);
    const dims = imageDims(t.shape);
    if (image && dims) {
      kinds.push('image');
      return pixelsToTensor(resizePixels(image, dims.w, dims.h, dims.c), dtype);
    }
    kinds.push('prng');
    return pixelsToTensor(prngPixels(n, seed + i), dtype);
  });
  return { arrays, kinds };
}

/** Index of the largest element (ties → the lower index). */
export function argmax(arr) {
  let best = 0;
  for (let i = 1; i < arr.length; i++) if (arr[i] > arr[best]) best = i;
  return best;
}

export function sha256(typed) {
  return crypto
    .createHash('sha256')
    .update(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength))
    .digest('hex');
}
