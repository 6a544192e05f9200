// Which TFLite judges a case, and how it is made to run it.
//
// Rules (docs/conformance.md, "Oracle rules"):
//   1. LiteRT.js is the first oracle. Its JS API passes only float32, int32 and
//      uint8 tensors, so:
//        - all graph I/O in those types            → litert runs the model as is;
//        - int8/int16 per-tensor-quantized I/O     → litert runs a *wrapped* copy:
//          each such input is fed as float32 through a QUANTIZE op, each such
//          output leaves through a DEQUANTIZE op; the float outputs are mapped
//          back exactly (q = round(f / scale) + zp, f was scale·(q − zp));
//        - anything else (bool, int64, per-channel I/O…) → litert cannot judge.
//   2. tfjs-tflite runs the original model (it passes every type) as the second
//      opinion, and judges when litert cannot or refuses the model.
//   3. Where both ran, their agreement is recorded; when they disagree LiteRT.js
//      is the judge (known case: per-channel int8 FULLY_CONNECTED, which
//      tfjs-tflite runs on a single-rounding built-in kernel).
//   4. A peer that refuses a model (unsupported op/type, strict check) is
//      reported with its message; if no peer runs it the case is skipped.
import { runLiteRt, runTfjs, LITERT_IO_DTYPES, RuntimeRefusal } from './runners.mjs';
import { writeModel } from './tflite_writer.mjs';
import { compareOutputs } from './compare.mjs';

const WRAPPABLE = new Set(['int8', 'int16']);

function tensorOf(model, r) {
  return typeof r === 'number' ? model.tensors[r] : model.tensors.find((t) => t.name === r);
}

function perTensorQuant(t) {
  const q = t.quant;
  if (!q) return null;
  const s = Array.isArray(q.scale) || ArrayBuffer.isView(q.scale) ? Array.from(q.scale) : [q.scale];
  const z = Array.isArray(q.zeroPoint) || ArrayBuffer.isView(q.zeroPoint) ? Array.from(q.zeroPoint) : [q.zeroPoint ?? 0];
  if (s.length !== 1) return null;
  return { scale: s[0], zeroPoint: Number(z[0]) };
}

// How litert can run a model description: 'direct', 'wrapped' or null (+ why).
// `model` is a writer description; with {file: true} it is a model file's
// reader info (inputs/outputs are tensors), which cannot be wrapped.
export function litertPlan(model, { file = false } = {}) {
  const io = file ? [...model.inputs, ...model.outputs] : [...model.inputs, ...model.outputs].map((r) => tensorOf(model, r));
  if (io.every((t) => LITERT_IO_DTYPES.has(t.dtype))) return { mode: 'direct' };
  const blockers = io.filter((t) => !LITERT_IO_DTYPES.has(t.dtype) && (file || !(WRAPPABLE.has(t.dtype) && perTensorQuant(t))));
  if (blockers.length === 0) return { mode: 'wrapped' };
  const t = blockers[0];
  return { mode: null, why: `LiteRT.js cannot pass ${t.dtype}${t.quant && !file ? ' (per-channel)' : ''} tensor '${t.name}'` };
}

// A copy of the model with QUANTIZE in front of each int8/int16 input and
// DEQUANTIZE after each such output; → {model, mapInputs, unmapOutputs}.
export function wrapForLiteRt(model) {
  const tensors = model.tensors.map((t) => ({ ...t }));
  const pre = [];
  const post = [];
  const names = new Set(tensors.map((t) => t.name));
  const fresh = (base) => {
    let n = `${base}_f32`;
    while (names.has(n)) n += '_';
    names.add(n);
    return n;
  };
  const inputs = [];
  const inputMaps = [];
  for (const r of model.inputs) {
    const t = tensorOf(model, r);
    const idx = tensors.findIndex((x) => x.name === t.name);
    if (!WRAPPABLE.has(t.dtype)) {
      inputs.push(idx);
      inputMaps.push(null);
      continue;
    }
    const q = perTensorQuant(t);
    tensors.push({ name: fresh(t.name), dtype: 'float32', shape: t.shape.slice() });
    const f = tensors.length - 1;
    pre.push({ op: 'QUANTIZE', version: t.dtype === 'int16' ? 4 : 2, inputs: [f], outputs: [idx] });
    inputs.push(f);
    inputMaps.push(q);
  }
  const outputs = [];
  const outputMaps = [];
  for (const r of model.outputs) {
    const t = tensorOf(model, r);
    const idx = tensors.findIndex((x) => x.name === t.name);
    if (!WRAPPABLE.has(t.dtype)) {
      outputs.push(idx);
      outputMaps.push(null);
      continue;
    }
    const q = perTensorQuant(t);
    tensors.push({ name: fresh(t.name), dtype: 'float32', shape: t.shape.slice() });
    const f = tensors.length - 1;
    post.push({ op: 'DEQUANTIZE', version: t.dtype === 'int16' ? 4 : 2, inputs: [idx], outputs: [f] });
    outputs.push(f);
    outputMaps.push({ ...q, dtype: t.dtype, name: t.name });
  }
  const wrapped = { ...model, tensors, operators: [...pre, ...model.operators, ...post], inputs, outputs };
  return {
    model: wrapped,
    // Original input arrays → the wrapped model's named inputs.
    mapInputs(caseInputs) {
      return caseInputs.map((x, i) => {
        const q = inputMaps[i];
        const name = tensors[inputs[i]].name;
        if (!q) return { ...x, name };
        const f = new Float32Array(x.data.length);
        for (let k = 0; k < f.length; k++) f[k] = Math.fround(q.scale * (x.data[k] - q.zeroPoint));
        return { name, shape: x.shape, dtype: 'float32', data: f };
      });
    },
    // The wrapped model's float outputs → the original quantized outputs.
    unmapOutputs(outs) {
      return outs.map((o, i) => {
        const q = outputMaps[i];
        if (!q) return o;
        const Ctor = q.dtype === 'int8' ? Int8Array : Int16Array;
        const data = new Ctor(o.data.length);
        for (let k = 0; k < data.length; k++) {
          const v = o.data[k] / q.scale;
          const r = Math.round(v);
          if (Math.abs(v - r) > 0.01) {
            throw new Error(`QUANTIZE/DEQUANTIZE wrap: output '${q.name}' value ${o.data[k]} is not a multiple of scale ${q.scale}`);
          }
          data[k] = r + q.zeroPoint;
        }
        return { name: q.name, dtype: q.dtype, shape: o.shape, data };
      });
    },
  };
}

function refusalText(e) {
  return e instanceof RuntimeRefusal ? `${e.runtime} refused (${e.stage}): ${e.message}` : `${e.name || 'Error'}: ${e.message}`;
}

// Runs the peers on a case. → {
//   judge: 'litert' | 'litert (QUANTIZE/DEQUANTIZE-wrapped)' | 'tfjs-tflite' | null,
//   expected: outputs of the judge (or null), notes: [string],
//   refusals: [string], agree: true | false | null, disagreement: string|null }
// opts.oracle: 'auto' (default) | 'litert' | 'tfjs-tflite' (only that peer);
// opts.second: run tfjs-tflite even when litert judges (default true).
export async function consultPeers(model, bytes, inputs, { oracle = 'auto', second = true, tolerance, file = false, top5 = false } = {}) {
  const out = { judge: null, expected: null, refusals: [], notes: [], agree: null, disagreement: null };
  let lit = null;
  let tf = null;
  if (oracle !== 'tfjs-tflite') {
    const plan = litertPlan(model, { file });
    if (!plan.mode) out.notes.push(plan.why);
    else {
      try {
        if (plan.mode === 'direct') {
          lit = { name: 'litert', outputs: (await runLiteRt(bytes, inputs)).outputs };
        } else {
          const w = wrapForLiteRt(model);
          const wrappedBytes = writeModel(w.model);
          const r = await runLiteRt(wrappedBytes, w.mapInputs(inputs));
          lit = { name: 'litert (QUANTIZE/DEQUANTIZE-wrapped)', outputs: w.unmapOutputs(r.outputs) };
        }
      } catch (e) {
        if (!(e instanceof RuntimeRefusal)) throw e;
        out.refusals.push(refusalText(e));
      }
    }
  }
  if (oracle === 'tfjs-tflite' || (oracle === 'auto' && (second || !lit))) {
    try {
      tf = { name: 'tfjs-tflite', outputs: (await runTfjs(bytes, inputs)).outputs };
    } catch (e) {
      if (!(e instanceof RuntimeRefusal)) throw e;
      out.refusals.push(refusalText(e));
    }
  }
  const judge = lit ?? tf;
  if (judge) {
    out.judge = judge.name;
    out.expected = judge.outputs;
  }
  if (lit && tf) {
    const problems = compareOutputs(lit.outputs, tf.outputs, { tolerance, top5 });
    out.agree = problems.length === 0;
    if (!out.agree) out.disagreement = `tfjs-tflite vs litert: ${problems.map((p) => `output ${p.output}: ${p.message}`).join('; ')}`;
  }
  return out;
}
