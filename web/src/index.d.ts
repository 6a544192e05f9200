// Types of the edgelite JavaScript library (web/src/index.js). Reference: docs/web.md.

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_MODEL'
  | 'UNSUPPORTED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'RUNTIME_ERROR'
  | 'IO_ERROR'
  | 'DISPOSED'
  | 'INTERNAL';

/** Every error edgelite reports; `message` names the op, tensor or field. */
export class EdgeliteError extends Error {
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown });
  readonly name: 'EdgeliteError';
  readonly code: ErrorCode;
}

export type DType = 'float32' | 'float16' | 'int32' | 'int16' | 'int8' | 'uint8' | 'int64' | 'bool' | 'complex64';

export interface Quantization {
  scale: number;
  zeroPoint: number;
  /** Per-channel quantization only. */
  scales?: number[];
  zeroPoints?: number[];
  axis?: number;
}

export interface TensorInfo {
  name: string;
  dtype: DType;
  shape: number[];
  quantization: Quantization | null;
}

/** float32 → Float32Array, int8 → Int8Array, uint8/bool → Uint8Array, int16 → Int16Array,
 *  int32 → Int32Array, int64 → BigInt64Array, float16 → Uint16Array (raw half bits),
 *  complex64 → Float32Array of 2 × elements (real, imaginary interleaved). */
export type TensorData =
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Uint16Array
  | BigInt64Array;

export interface Pixels {
  /** RGBA, RGB or gray bytes, row-major, no padding. */
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export type ImageSource =
  | Pixels
  | ImageData
  | ImageBitmap
  | HTMLCanvasElement
  | OffscreenCanvas
  | HTMLImageElement
  | HTMLVideoElement
  | VideoFrame;

export interface Classification {
  index: number;
  label: string;
  score: number;
}

export interface ModelMetadata {
  present: boolean;
  name: string;
  description: string;
  version: string;
  author: string;
  license: string;
  /** Normalization of float image inputs: (pixel − mean) / std, per channel or one value. */
  mean: number[];
  std: number[];
  scoreThreshold: number | null;
  warnings: string[];
}

export interface OpTime {
  index: number;
  op: string;
  ms: number;
}

export interface LoadOptions {
  /** Class labels, or the URL/path of a text file with one label per line. Default: the model's own. */
  labels?: string[] | string | URL;
  /** Run the model in a Web Worker (worker_threads in Node). */
  worker?: boolean;
  /** Which WebAssembly variant: default 'auto' (SIMD when the engine has it). */
  simd?: boolean | 'auto';
  /** Where edgelite-{simd,scalar}.{mjs,wasm} are served from. Default: ../dist/ next to the library. */
  baseUrl?: string | URL;
  /** Time every operator on every run. */
  profile?: boolean;
  /** 'tflite' (default): TFLite's arithmetic; 'micro': tflite-micro's reference kernels. */
  arithmetic?: 'tflite' | 'micro';
  /** Cap on the tensor arena in bytes, activations + scratch: a positive integer or Infinity
   *  (default 1 GiB). A model that needs more rejects with RESOURCE_EXHAUSTED giving both numbers. */
  maxArenaBytes?: number;
  /** How classify() maps pixels p to a float32 input: (p − mean) / std, one value or per channel (RGB).
   *  Default: the model's metadata, else mean = std = 127.5. */
  normalization?: { mean: number | number[]; std: number | number[] };
}

export type ModelSource = string | URL | ArrayBuffer | ArrayBufferView | Blob | Response;

export interface Model {
  readonly variant: 'simd' | 'scalar';
  readonly inputs: TensorInfo[];
  readonly outputs: TensorInfo[];
  readonly labels: string[];
  readonly metadata: ModelMetadata;
  readonly description: string;
  readonly arenaBytes: number;
  readonly arenaLowerBound: number;
  readonly disposed: boolean;
  /** One output array per model output: copies, or with zeroCopy views on wasm memory valid until the next call. */
  run(inputs: TensorData | TensorData[] | Record<string, TensorData>, options?: { zeroCopy?: boolean }): Promise<TensorData[]>;
  classify(image: ImageSource, options?: { topK?: number; crop?: number }): Promise<Classification[]>;
  /** run() without the promise (not on worker models). */
  runSync(inputs: TensorData | TensorData[] | Record<string, TensorData>, options?: { zeroCopy?: boolean }): TensorData[];
  /** classify() of {data, width, height} pixels without the promise (not on worker models). */
  classifySync(pixels: Pixels, options?: { topK?: number; crop?: number }): Classification[];
  resizeInput(index: number, shape: number[]): Promise<void>;
  profile(): Promise<{ totalMs: number; ops: OpTime[] }>;
  dispose(): void;
  [Symbol.dispose](): void;
}

export function load(source: ModelSource, options?: LoadOptions): Promise<Model>;
export function features(): Promise<{ simd: boolean }>;
/** Current wasm memory size of a variant's runtime, in bytes. */
export function memoryBytes(options?: { simd?: boolean | 'auto'; baseUrl?: string | URL }): Promise<number>;
