// A minimal .tflite reader for the model suite (generic FlatBuffers access,
// no generated code): subgraph 0's tensors (name, dtype, shape, quantization,
// and where quantized_dimension sits in the file), its inputs/outputs and the
// operator histogram. Also patches the quantized_dimension of quantized 1-D
// tensors that carry an out-of-range value (tflite-micro's person_detect.tflite:
// per-channel conv biases with quantized_dimension 3), which full TFLite
// rejects.
import { createRequire } from 'node:module';
import { OP_NAMES, TENSOR_TYPE_NAMES } from './schema.mjs';

const flatbuffers = createRequire(import.meta.url)('flatbuffers');

// Field slot → vtable offset.
const vt = (slot) => 4 + 2 * slot;

function table(bb, pos, slot) {
  const o = bb.__offset(pos, vt(slot));
  return o ? bb.__indirect(pos + o) : 0;
}
function vector(bb, pos, slot) {
  const o = bb.__offset(pos, vt(slot));
  if (!o) return null;
  return { start: bb.__vector(pos + o), length: bb.__vector_len(pos + o) };
}
function tables(bb, pos, slot) {
  const v = vector(bb, pos, slot);
  if (!v) return [];
  return Array.from({ length: v.length }, (_, i) => bb.__indirect(v.start + i * 4));
}
function ints(bb, pos, slot) {
  const v = vector(bb, pos, slot);
  return v ? Array.from({ length: v.length }, (_, i) => bb.readInt32(v.start + i * 4)) : [];
}
function floats(bb, pos, slot) {
  const v = vector(bb, pos, slot);
  return v ? Array.from({ length: v.length }, (_, i) => bb.readFloat32(v.start + i * 4)) : [];
}
function longs(bb, pos, slot) {
  const v = vector(bb, pos, slot);
  return v ? Array.from({ length: v.length }, (_, i) => Number(bb.readInt64(v.start + i * 8))) : [];
}
function scalar(bb, pos, slot, read, dflt) {
  const o = bb.__offset(pos, vt(slot));
  return o ? read.call(bb, pos + o) : dflt;
}
function string(bb, pos, slot) {
  const o = bb.__offset(pos, vt(slot));
  return o ? bb.__string(pos + o) : '';
}

export function readModel(bytes) {
  const bb = new flatbuffers.ByteBuffer(bytes);
  if (bytes.length < 8 || bb.__has_identifier && !bb.__has_identifier('TFL3')) throw new Error('not a .tflite file (no TFL3 identifier)');
  const root = bb.readInt32(bb.position()) + bb.position();
  const codes = tables(bb, root, 1).map((c) => {
    const deprecated = scalar(bb, c, 0, bb.readInt8, 0);
    const code = Math.max(deprecated, scalar(bb, c, 3, bb.readInt32, 0));
    const custom = string(bb, c, 1);
    return custom ? `CUSTOM:${custom}` : OP_NAMES[code] ?? `BUILTIN_${code}`;
  });
  const subgraphs = tables(bb, root, 2);
  if (!subgraphs.length) throw new Error('the model has no subgraph');
  const sg = subgraphs[0];
  const tensors = tables(bb, sg, 0).map((t, index) => {
    const q = table(bb, t, 4);
    let quant = null;
    let qdimPos = -1;
    if (q) {
      const scale = floats(bb, q, 2);
      const zeroPoint = longs(bb, q, 3);
      const o = bb.__offset(q, vt(6));
      if (o) qdimPos = q + o;
      const axis = o ? bb.readInt32(q + o) : 0;
      if (scale.length) quant = { scale, zeroPoint, axis };
    }
    return {
      index,
      name: string(bb, t, 3),
      dtype: TENSOR_TYPE_NAMES[scalar(bb, t, 1, bb.readInt8, 0)] ?? 'unknown',
      shape: ints(bb, t, 0),
      quant,
      qdimPos,
    };
  });
  // The first SignatureDef of subgraph 0 names the inputs as LiteRT.js reports
  // them ('dense_input' for the tensor 'serving_default_dense_input:0').
  const sig = tables(bb, root, 7).find((d) => scalar(bb, d, 4, bb.readUint32, 0) === 0);
  if (sig) {
    for (const m of [...tables(bb, sig, 0), ...tables(bb, sig, 1)]) {
      const t = tensors[scalar(bb, m, 1, bb.readUint32, 0)];
      if (t) t.alias = string(bb, m, 0);
    }
  }
  const ops = tables(bb, sg, 3).map((o) => codes[scalar(bb, o, 0, bb.readUint32, 0)]);
  const histogram = {};
  for (const op of ops) histogram[op] = (histogram[op] || 0) + 1;
  return {
    tensors,
    inputs: ints(bb, sg, 1).map((i) => tensors[i]),
    outputs: ints(bb, sg, 2).map((i) => tensors[i]),
    ops: histogram,
    subgraphCount: subgraphs.length,
  };
}

// A copy with quantized_dimension → 0 on every 1-D tensor whose
// quantized_dimension is out of range (>= 1): dimension 0 is the only one its
// scales can run along, so the meaning is unchanged. Same size, 4 bytes each.
// → {bytes, patched: [names]}.
export function patchQuantizedDimension(bytes, model = readModel(bytes)) {
  const out = bytes.slice();
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const patched = [];
  for (const t of model.tensors) {
    // A 1-D tensor has one dimension: its scales can only run along it.
    const oneD = t.shape.length === 1 && (t.quant?.scale.length === 1 || t.quant?.scale.length === t.shape[0]);
    if (t.quant && oneD && t.qdimPos >= 0 && t.quant.axis >= 1) {
      dv.setInt32(t.qdimPos, 0, true);
      patched.push(t.name);
    }
  }
  return { bytes: out, patched };
}
