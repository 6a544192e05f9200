// The conformance contract: what "edgelite agrees with TFLite" means for one
// output tensor. See docs/conformance.md ("The contract").
//
//   * dtype and shape identical;
//   * quantized (int8/uint8/int16), integer (int32/int64/…) and bool outputs
//     byte-identical;
//   * float32/float16 outputs: max |actual − expected| ≤ tol, where
//       tol = max(rel × range(expected), abs, ulps × ulp(max |expected|))
//     with defaults rel = 1e-5, abs = 1e-6, ulps = 4 (range = max − min of
//     the expected tensor). NaN must meet NaN, ±Inf the same Inf.
//     A case (or an op's generator) may widen rel/abs/ulps with a `why`,
//     e.g. transcendental functions computed with different approximations.
//   * classifier-like outputs (model suite): identical top-5 indices.

export const DEFAULT_TOLERANCE = Object.freeze({ rel: 1e-5, abs: 1e-6, ulps: 4 });

const EXACT_DTYPES = new Set(['int8', 'uint8', 'int16', 'int32', 'int64', 'bool', 'uint16', 'uint32', 'uint64']);

// Unit in the last place of a float32 near |x|.
export function ulp32(x) {
  x = Math.abs(x);
  if (!Number.isFinite(x) || x === 0) return 2 ** -149;
  const e = Math.floor(Math.log2(x));
  return 2 ** (Math.max(e, -126) - 23);
}

function halfToFloat(h) {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

function asNumbers(t) {
  if (t.dtype === 'float16') return Array.from(t.data, halfToFloat);
  return t.data;
}

// Row-major coordinates of flat index i in shape.
export function coords(shape, i) {
  const c = new Array(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    c[d] = shape[d] ? i % shape[d] : 0;
    i = shape[d] ? Math.floor(i / shape[d]) : 0;
  }
  return c;
}

function fmt(v) {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && !Number.isInteger(v)) return v.toPrecision(9);
  return String(v);
}

function bytesOf(a) {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

// → null when `actual` meets the contract against `expected`, else
// {kind, message, index, expected, actual, maxError, mismatches}.
// tensors: {dtype, shape, data}; tolerance: overrides of DEFAULT_TOLERANCE.
export function compareTensor(expected, actual, tolerance = {}) {
  if (expected.dtype !== actual.dtype) {
    return { kind: 'dtype', message: `dtype ${actual.dtype}, expected ${expected.dtype}` };
  }
  const es = Array.from(expected.shape);
  const as = Array.from(actual.shape);
  if (es.length !== as.length || es.some((d, i) => d !== as[i])) {
    return { kind: 'shape', message: `shape [${as}], expected [${es}]` };
  }
  if (expected.data.length !== actual.data.length) {
    return { kind: 'length', message: `${actual.data.length} elements, expected ${expected.data.length}` };
  }
  const n = expected.data.length;
  if (EXACT_DTYPES.has(expected.dtype)) {
    const eb = bytesOf(expected.data);
    const ab = bytesOf(actual.data);
    if (eb.length !== ab.length) return { kind: 'length', message: `${ab.length} bytes, expected ${eb.length}` };
    let first = -1;
    let count = 0;
    let maxError = 0;
    for (let i = 0; i < n; i++) {
      const e = expected.data[i];
      const a = actual.data[i];
      if (e !== a) {
        if (first < 0) first = i;
        count++;
        const d = typeof e === 'bigint' ? Number(e - a) : e - a;
        maxError = Math.max(maxError, Math.abs(d));
      }
    }
    if (first < 0) return null;
    return {
      kind: 'bytes',
      index: first,
      expected: expected.data[first],
      actual: actual.data[first],
      maxError,
      mismatches: count,
      message:
        `${count} of ${n} elements differ (must be byte-identical); first at flat index ${first} ` +
        `[${coords(es, first)}]: expected ${fmt(expected.data[first])}, got ${fmt(actual.data[first])}; max |diff| ${maxError}`,
    };
  }
  // float32 / float16 / float64
  const tol = { ...DEFAULT_TOLERANCE, ...tolerance };
  const e = asNumbers(expected);
  const a = asNumbers(actual);
  let lo = Infinity;
  let hi = -Infinity;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const v = e[i];
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
  }
  const range = hi >= lo ? hi - lo : 0;
  const limit = Math.max(tol.rel * range, tol.abs, tol.ulps * ulp32(maxAbs));
  let first = -1;
  let worst = -1;
  let maxError = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = e[i];
    const y = a[i];
    let err;
    if (Number.isNaN(x) || Number.isNaN(y)) err = Number.isNaN(x) && Number.isNaN(y) ? 0 : Infinity;
    else if (!Number.isFinite(x) || !Number.isFinite(y)) err = x === y ? 0 : Infinity;
    else err = Math.abs(x - y);
    if (err > limit) {
      if (first < 0) first = i;
      count++;
    }
    if (err > maxError || worst < 0) {
      if (err > maxError) worst = i;
      maxError = Math.max(maxError, err);
    }
  }
  if (first < 0) return null;
  return {
    kind: 'float',
    index: first,
    expected: e[first],
    actual: a[first],
    maxError,
    mismatches: count,
    message:
      `${count} of ${n} elements outside tolerance ${limit.toExponential(3)} ` +
      `(rel ${tol.rel} × range ${range.toPrecision(6)}, abs ${tol.abs}, ${tol.ulps} ulp of ${maxAbs.toPrecision(6)}` +
      `${tol.why ? `; ${tol.why}` : ''}); first at flat index ${first} [${coords(es, first)}]: ` +
      `expected ${fmt(e[first])}, got ${fmt(a[first])}; max |error| ${maxError.toExponential(3)} at index ${worst} [${coords(es, worst)}]`,
  };
}

// Indices of the k largest values (ties → lower index), as the anchors harness.
export function topK(data, k = 5) {
  const idx = Array.from({ length: data.length }, (_, i) => i);
  idx.sort((i, j) => (data[j] > data[i] ? 1 : data[j] < data[i] ? -1 : i - j));
  return idx.slice(0, k);
}

// A classifier-like output: one row of at least 5 scores ([N] or [1, N]).
export function isClassifierLike(t) {
  const s = Array.from(t.shape);
  const n = s.reduce((a, d) => a * d, 1);
  return n >= 5 && s.filter((d) => d > 1).length === 1 && (s.length === 1 || s[s.length - 1] === n);
}

export function compareTopK(expected, actual, k = 5) {
  const e = topK(expected.data, k);
  const a = topK(actual.data, k);
  if (e.every((v, i) => v === a[i])) return null;
  return { kind: 'top5', message: `top-${k} indices [${a}], expected [${e}]` };
}

// All outputs of a run: → [{output, name, ...mismatch}] (empty = agree).
export function compareOutputs(expected, actual, { tolerance, top5 = false } = {}) {
  const problems = [];
  if (expected.length !== actual.length) {
    problems.push({ output: -1, kind: 'count', message: `${actual.length} outputs, expected ${expected.length}` });
    return problems;
  }
  expected.forEach((e, i) => {
    const p = compareTensor(e, actual[i], tolerance);
    if (p) problems.push({ output: i, name: e.name, ...p });
    else if (top5 && isClassifierLike(e)) {
      const t = compareTopK(e, actual[i]);
      if (t) problems.push({ output: i, name: e.name, ...t });
    }
  });
  return problems;
}
