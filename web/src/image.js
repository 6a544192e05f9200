// Pixels of the image sources a page has, as {data, width, height}.
// Resizing and conversion happen in C++ (the same code as the CLI); here we
// only get at the bytes.
import { EdgeliteError } from './errors.js';

function has(name) {
  return typeof globalThis[name] === 'function';
}

function drawable(image) {
  if (has('HTMLVideoElement') && image instanceof HTMLVideoElement) {
    if (image.readyState < 2 || !image.videoWidth) {
      throw new EdgeliteError('INVALID_ARGUMENT', 'the video has no frame yet (wait for its loadeddata event)');
    }
    return { width: image.videoWidth, height: image.videoHeight };
  }
  if (has('HTMLImageElement') && image instanceof HTMLImageElement) {
    if (!image.complete || !image.naturalWidth) {
      throw new EdgeliteError('INVALID_ARGUMENT', 'the image has not loaded (or failed to decode)');
    }
    return { width: image.naturalWidth, height: image.naturalHeight };
  }
  if (
    (has('ImageBitmap') && image instanceof ImageBitmap) ||
    (has('HTMLCanvasElement') && image instanceof HTMLCanvasElement) ||
    (has('OffscreenCanvas') && image instanceof OffscreenCanvas) ||
    (has('VideoFrame') && image instanceof VideoFrame)
  ) {
    const width = image.displayWidth ?? image.width;
    const height = image.displayHeight ?? image.height;
    return { width, height };
  }
  return null;
}

let scratch = null;

function readPixels(image, width, height) {
  if (has('HTMLCanvasElement') && image instanceof HTMLCanvasElement) {
    const ctx = image.getContext('2d', { willReadFrequently: true });
    if (ctx) return ctx.getImageData(0, 0, width, height);
  }
  if (!scratch || scratch.width !== width || scratch.height !== height) {
    scratch = has('OffscreenCanvas') ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  }
  const ctx = scratch.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(image, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

/** {data, width, height} of an image source. */
export async function imagePixels(image) {
  if (image && typeof image === 'object' && 'data' in image && 'width' in image && 'height' in image &&
      !(has('HTMLCanvasElement') && image instanceof HTMLCanvasElement)) {
    const { data, width, height } = image; // ImageData or a plain object
    if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) {
      throw new EdgeliteError('INVALID_ARGUMENT', 'image.data must be a Uint8Array or Uint8ClampedArray of RGBA, RGB or gray bytes');
    }
    return { data, width, height };
  }
  const size = image && typeof image === 'object' ? drawable(image) : null;
  if (!size) {
    throw new EdgeliteError(
      'INVALID_ARGUMENT',
      'classify() takes ImageData, an ImageBitmap, a canvas, an <img>, a <video> or {data, width, height}',
    );
  }
  if (!size.width || !size.height) throw new EdgeliteError('INVALID_ARGUMENT', 'the image is empty (0 pixels)');
  return readPixels(image, size.width, size.height);
}
