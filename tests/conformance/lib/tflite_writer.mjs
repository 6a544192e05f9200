// Builds valid .tflite FlatBuffers from a plain JavaScript description, with
// the generic FlatBuffers Builder (npm `flatbuffers`, no generated code).
//
//   import { writeModel } from './tflite_writer.mjs';
//   const bytes = writeModel({
//     tensors: [
//       { name: 'x', dtype: 'int8', shape: [1, 4], quant: { scale: 0.5, zeroPoint: -1 } },
//       { name: 'w', dtype: 'int8', shape: [3, 4], data: Int8Array.from(...),
//         quant: { scale: [0.1, 0.2, 0.3], zeroPoint: [0, 0, 0], axis: 0 } },   // per-channel
//       { name: 'y', dtype: 'int8', shape: [1, 3], quant: { scale: 1, zeroPoint: 0 } },
//     ],
//     operators: [
//       { op: 'FULLY_CONNECTED', version: 5, inputs: ['x', 'w', -1], outputs: ['y'],
//         options: { type: 'FullyConnectedOptions', fields: { fused_activation_function: 'RELU' } } },
//     ],
//     inputs: ['x'], outputs: ['y'],
//   });
//
// Description reference (everything not marked optional is required):
//   tensors[i]   name, dtype (float32 float16 int8 uint8 int16 int32 int64 bool, and the
//                other TensorType names in lower case), shape (int[]),
//                data (optional: a typed array of the dtype's element type, or a plain
//                array of numbers / bigints; float16 as raw Uint16Array bits or numbers;
//                bool as 0/1): makes the tensor a constant with its own buffer,
//                quant (optional): {scale, zeroPoint} numbers for per-tensor, or arrays
//                plus axis (quantized_dimension) for per-channel; optional min, max arrays,
//                shapeSignature (optional int[], -1 = dynamic), isVariable (optional).
//   operators[i] op: a builtin name ('CONV_2D') or code, or 'CUSTOM' with customCode;
//                version (default 1); inputs/outputs: tensor indices or names, -1 for an
//                absent optional input; options: {type: 'Conv2DOptions', fields: {...}}
//                (any table of the BuiltinOptions union, see schema.mjs; enum fields take
//                their names or numbers; omitted fields keep the schema default), or
//                null for none. Without `options` the writer adds the op's usual table
//                with default fields, as TFLite's converter does.
//                customOptions (optional Uint8Array, FlexBuffers for custom ops),
//                intermediates (optional).
//   inputs, outputs   the subgraph's inputs and outputs (indices or names)
//   description (optional string), signature (default true: one 'serving_default'
//   SignatureDef naming the inputs and outputs like the converter writes).
//
// Every operator code sets both deprecated_builtin_code (min(code, 127)) and
// builtin_code, as TFLite's converter does. Buffer 0 is the empty sentinel;
// each constant tensor gets its own buffer, 16-byte aligned.
import { createRequire } from 'node:module';
import { BUILTIN_OPS, TENSOR_TYPES, DTYPE_BYTES, ENUMS, OPTION_TABLES, DEFAULT_OPTIONS_FOR_OP } from './schema.mjs';

const flatbuffers = loadFlatbuffers();

function loadFlatbuffers() {
  try {
    return createRequire(import.meta.url)('flatbuffers');
  } catch (e) {
    throw new Error(
      "tests/conformance needs the npm package 'flatbuffers' (a pinned devDependency in package.json): " +
        `run 'bash scripts/npm-deps.sh' (npm ci) first. (${e.message})`,
    );
  }
}

export const ARRAY_TYPES = {
  float32: Float32Array, float16: Uint16Array, int32: Int32Array, uint8: Uint8Array,
  int64: BigInt64Array, bool: Uint8Array, int16: Int16Array, int8: Int8Array,
  float64: Float64Array, uint64: BigUint64Array, uint32: Uint32Array, uint16: Uint16Array,
};

const PLACEHOLDER_FOR_GREATER_OP_CODES = 127;

export function elementCount(shape) {
  return shape.reduce((a, d) => a * d, 1);
}

// float → IEEE half bits (round to nearest even), for float16 constants.
export function f32ToF16Bits(value) {
  const f = new Float32Array([value]);
  const x = new Uint32Array(f.buffer)[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && half & 1)) half++;
  return sign | half;
}

// The little-endian bytes of a constant tensor's data.
function dataBytes(t) {
  const Ctor = ARRAY_TYPES[t.dtype];
  if (!Ctor) throw new Error(`tensor '${t.name}': cannot store constant data of dtype ${t.dtype}`);
  let arr = t.data;
  if (!ArrayBuffer.isView(arr)) {
    if (!Array.isArray(arr)) throw new Error(`tensor '${t.name}': data must be a typed array or an array`);
    if (t.dtype === 'float16') arr = Uint16Array.from(arr, f32ToF16Bits);
    else if (Ctor === BigInt64Array || Ctor === BigUint64Array) arr = Ctor.from(arr, (v) => BigInt(v));
    else arr = Ctor.from(arr, (v) => (typeof v === 'boolean' ? Number(v) : v));
  }
  const n = elementCount(t.shape);
  const want = n * DTYPE_BYTES[t.dtype];
  if (arr.byteLength !== want) {
    throw new Error(`tensor '${t.name}': data has ${arr.byteLength} bytes, shape [${t.shape}] of ${t.dtype} needs ${want}`);
  }
  return new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
}

function enumValue(type, value, where) {
  if (typeof value === 'number') return value;
  const e = ENUMS[type];
  if (e && typeof value === 'string' && value in e) return e[value];
  throw new Error(`${where}: ${JSON.stringify(value)} is not a ${type} (${e ? Object.keys(e).join(', ') : '?'})`);
}

// Vectors are built back to front: the builder grows downwards.
function intVector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]);
  return b.endVector();
}
function floatVector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
  return b.endVector();
}
function longVector(b, values) {
  b.startVector(8, values.length, 8);
  for (let i = values.length - 1; i >= 0; i--) b.addInt64(BigInt(values[i]));
  return b.endVector();
}
function byteVector(b, bytes, alignment = 1) {
  b.startVector(1, bytes.length, alignment);
  for (let i = bytes.length - 1; i >= 0; i--) b.addInt8(bytes[i]);
  return b.endVector();
}
function boolVector(b, values) {
  b.startVector(1, values.length, 1);
  for (let i = values.length - 1; i >= 0; i--) b.addInt8(values[i] ? 1 : 0);
  return b.endVector();
}

// One options table of the BuiltinOptions union → [unionType, offset].
function writeOptions(b, options, where) {
  const spec = OPTION_TABLES[options.type];
  if (!spec) throw new Error(`${where}: unknown options table '${options.type}' (not in the BuiltinOptions union)`);
  const fields = options.fields || {};
  const byName = new Map(spec.fields.map((f) => [f.name, f]));
  for (const k of Object.keys(fields)) {
    if (!byName.has(k)) {
      throw new Error(`${where}: ${options.type} has no field '${k}' (fields: ${spec.fields.map((f) => f.name).join(', ') || 'none'})`);
    }
  }
  // Vectors and strings first: nothing may be created while a table is open.
  const offsets = {};
  for (const f of spec.fields) {
    if (!(f.name in fields)) continue;
    const v = fields[f.name];
    if (f.type === '[int]') offsets[f.name] = intVector(b, v);
    else if (f.type === '[float]') offsets[f.name] = floatVector(b, v);
    else if (f.type === '[long]') offsets[f.name] = longVector(b, v);
    else if (f.type === 'string') offsets[f.name] = b.createString(v);
  }
  b.startObject(spec.fields.length);
  for (const f of spec.fields) {
    if (!(f.name in fields)) continue;
    const v = fields[f.name];
    const w = `${where}: ${options.type}.${f.name}`;
    switch (f.type) {
      case 'bool':
        b.addFieldInt8(f.id, v ? 1 : 0, f.default ? 1 : 0);
        break;
      case 'int':
        b.addFieldInt32(f.id, v, f.default);
        break;
      case 'uint':
        b.addFieldInt32(f.id, v >>> 0, f.default);
        break;
      case 'long':
        b.addFieldInt64(f.id, BigInt(v), BigInt(f.default));
        break;
      case 'float':
        b.addFieldFloat32(f.id, v, f.default);
        break;
      case 'byte':
        b.addFieldInt8(f.id, v, f.default);
        break;
      case '[int]':
      case '[float]':
      case '[long]':
      case 'string':
        b.addFieldOffset(f.id, offsets[f.name], 0);
        break;
      default: // a byte enum
        b.addFieldInt8(f.id, enumValue(f.type, v, w), f.default);
    }
  }
  return [spec.unionType, b.endObject()];
}

function checkQuant(t) {
  const q = t.quant;
  const scales = Array.isArray(q.scale) || ArrayBuffer.isView(q.scale) ? Array.from(q.scale) : [q.scale];
  const zps = Array.isArray(q.zeroPoint) || ArrayBuffer.isView(q.zeroPoint) ? Array.from(q.zeroPoint, Number) : [q.zeroPoint ?? 0];
  if (scales.length !== zps.length) {
    throw new Error(`tensor '${t.name}': ${scales.length} scales but ${zps.length} zero points`);
  }
  if (scales.some((s) => typeof s !== 'number')) throw new Error(`tensor '${t.name}': scales must be numbers`);
  return { scales, zps, axis: q.axis ?? 0 };
}

// Resolves a tensor reference (index, name or -1) of operator/subgraph lists.
function resolver(tensors) {
  const byName = new Map();
  tensors.forEach((t, i) => {
    if (byName.has(t.name)) throw new Error(`two tensors are named '${t.name}'`);
    byName.set(t.name, i);
  });
  return (ref, where) => {
    if (ref === -1) return -1;
    if (typeof ref === 'number') {
      if (!Number.isInteger(ref) || ref < 0 || ref >= tensors.length) throw new Error(`${where}: tensor index ${ref} out of range`);
      return ref;
    }
    if (!byName.has(ref)) throw new Error(`${where}: no tensor named '${ref}'`);
    return byName.get(ref);
  };
}

export function opCode(op) {
  if (typeof op === 'number') return op;
  if (!(op in BUILTIN_OPS)) throw new Error(`unknown builtin operator '${op}'`);
  return BUILTIN_OPS[op];
}

export function writeModel(desc) {
  const tensors = desc.tensors;
  const operators = desc.operators;
  if (!Array.isArray(tensors) || !Array.isArray(operators)) throw new Error('a model description needs tensors[] and operators[]');
  const ref = resolver(tensors);
  const b = new flatbuffers.Builder(1024);

  // Buffers: 0 = empty sentinel, then one per constant tensor.
  const bufferData = [null];
  const tensorBuffer = tensors.map((t) => {
    if (t.data === undefined || t.data === null) return 0;
    bufferData.push(dataBytes(t));
    return bufferData.length - 1;
  });
  const bufferOffsets = bufferData.map((bytes) => {
    const data = bytes ? byteVector(b, bytes, 16) : 0;
    b.startObject(3);
    if (data) b.addFieldOffset(0, data, 0);
    return b.endObject();
  });

  const tensorOffsets = tensors.map((t, i) => {
    const type = TENSOR_TYPES[t.dtype];
    if (type === undefined) throw new Error(`tensor '${t.name}': unknown dtype '${t.dtype}'`);
    if (!Array.isArray(t.shape) || t.shape.some((d) => !Number.isInteger(d))) {
      throw new Error(`tensor '${t.name}': shape must be an array of integers`);
    }
    const name = b.createString(t.name ?? `t${i}`);
    const shape = intVector(b, t.shape);
    const sig = t.shapeSignature ? intVector(b, t.shapeSignature) : 0;
    let quant = 0;
    if (t.quant) {
      const { scales, zps, axis } = checkQuant(t);
      const scaleV = floatVector(b, scales);
      const zpV = longVector(b, zps);
      const minV = t.quant.min ? floatVector(b, [].concat(t.quant.min)) : 0;
      const maxV = t.quant.max ? floatVector(b, [].concat(t.quant.max)) : 0;
      b.startObject(7);
      if (minV) b.addFieldOffset(0, minV, 0);
      if (maxV) b.addFieldOffset(1, maxV, 0);
      b.addFieldOffset(2, scaleV, 0);
      b.addFieldOffset(3, zpV, 0);
      b.addFieldInt32(6, axis, 0);
      quant = b.endObject();
    }
    b.startObject(9);
    b.addFieldOffset(0, shape, 0);
    b.addFieldInt8(1, type, 0);
    b.addFieldInt32(2, tensorBuffer[i], 0);
    b.addFieldOffset(3, name, 0);
    if (quant) b.addFieldOffset(4, quant, 0);
    b.addFieldInt8(5, t.isVariable ? 1 : 0, 0);
    if (sig) b.addFieldOffset(7, sig, 0);
    return b.endObject();
  });

  // Operator codes: one per distinct (builtin code or custom code, version).
  const codeKeys = [];
  const codeIndex = new Map();
  const opCodeOf = operators.map((o, i) => {
    const code = opCode(o.op);
    if (code === BUILTIN_OPS.CUSTOM && !o.customCode) throw new Error(`operator ${i}: a CUSTOM op needs customCode`);
    const key = JSON.stringify([code, o.customCode ?? null, o.version ?? 1]);
    if (!codeIndex.has(key)) {
      codeIndex.set(key, codeKeys.length);
      codeKeys.push({ code, custom: o.customCode, version: o.version ?? 1 });
    }
    return codeIndex.get(key);
  });
  const codeOffsets = codeKeys.map(({ code, custom, version }) => {
    const customStr = custom ? b.createString(custom) : 0;
    b.startObject(4);
    b.addFieldInt8(0, Math.min(code, PLACEHOLDER_FOR_GREATER_OP_CODES), 0);
    if (customStr) b.addFieldOffset(1, customStr, 0);
    // version defaults to 1 in the schema; write it anyway so readers that
    // ignore defaults see it.
    b.addFieldInt32(2, version, 0);
    b.addFieldInt32(3, code, 0);
    return b.endObject();
  });

  const operatorOffsets = operators.map((o, i) => {
    const where = `operator ${i} (${typeof o.op === 'number' ? o.op : o.op})`;
    const ins = intVector(b, (o.inputs || []).map((r) => ref(r, `${where} inputs`)));
    const outs = intVector(b, (o.outputs || []).map((r) => ref(r, `${where} outputs`)));
    const inter = o.intermediates ? intVector(b, o.intermediates.map((r) => ref(r, `${where} intermediates`))) : 0;
    const mutating = o.mutatingVariableInputs ? boolVector(b, o.mutatingVariableInputs) : 0;
    const custom = o.customOptions ? byteVector(b, o.customOptions) : 0;
    let options = o.options;
    if (options === undefined) {
      const name = typeof o.op === 'string' ? o.op : undefined;
      options = name && DEFAULT_OPTIONS_FOR_OP[name] ? { type: DEFAULT_OPTIONS_FOR_OP[name], fields: {} } : null;
    }
    const [optType, optOffset] = options ? writeOptions(b, options, where) : [0, 0];
    b.startObject(9);
    b.addFieldInt32(0, opCodeOf[i], 0);
    b.addFieldOffset(1, ins, 0);
    b.addFieldOffset(2, outs, 0);
    b.addFieldInt8(3, optType, 0);
    if (optOffset) b.addFieldOffset(4, optOffset, 0);
    if (custom) b.addFieldOffset(5, custom, 0);
    if (mutating) b.addFieldOffset(7, mutating, 0);
    if (inter) b.addFieldOffset(8, inter, 0);
    return b.endObject();
  });

  const inputs = (desc.inputs || []).map((r) => ref(r, 'subgraph inputs'));
  const outputs = (desc.outputs || []).map((r) => ref(r, 'subgraph outputs'));

  const vectorOfOffsets = (offs) => {
    b.startVector(4, offs.length, 4);
    for (let i = offs.length - 1; i >= 0; i--) b.addOffset(offs[i]);
    return b.endVector();
  };

  const tensorsV = vectorOfOffsets(tensorOffsets);
  const inputsV = intVector(b, inputs);
  const outputsV = intVector(b, outputs);
  const operatorsV = vectorOfOffsets(operatorOffsets);
  const subgraphName = b.createString(desc.subgraphName ?? 'main');
  b.startObject(5);
  b.addFieldOffset(0, tensorsV, 0);
  b.addFieldOffset(1, inputsV, 0);
  b.addFieldOffset(2, outputsV, 0);
  b.addFieldOffset(3, operatorsV, 0);
  b.addFieldOffset(4, subgraphName, 0);
  const subgraph = b.endObject();

  let signatures = 0;
  if (desc.signature !== false) {
    const tensorMaps = (list) =>
      vectorOfOffsets(
        list.map((idx) => {
          const n = b.createString(tensors[idx].name ?? `t${idx}`);
          b.startObject(2);
          b.addFieldOffset(0, n, 0);
          b.addFieldInt32(1, idx, 0);
          return b.endObject();
        }),
      );
    const sigIn = tensorMaps(inputs);
    const sigOut = tensorMaps(outputs);
    const key = b.createString('serving_default');
    b.startObject(5);
    b.addFieldOffset(0, sigIn, 0);
    b.addFieldOffset(1, sigOut, 0);
    b.addFieldOffset(2, key, 0);
    b.addFieldInt32(4, 0, 0);
    signatures = vectorOfOffsets([b.endObject()]);
  }

  const codesV = vectorOfOffsets(codeOffsets);
  const subgraphsV = vectorOfOffsets([subgraph]);
  const description = b.createString(desc.description ?? 'edgelite conformance model');
  const buffersV = vectorOfOffsets(bufferOffsets);
  b.startObject(8);
  b.addFieldInt32(0, 3, 0);
  b.addFieldOffset(1, codesV, 0);
  b.addFieldOffset(2, subgraphsV, 0);
  b.addFieldOffset(3, description, 0);
  b.addFieldOffset(4, buffersV, 0);
  if (signatures) b.addFieldOffset(7, signatures, 0);
  const model = b.endObject();
  b.finish(model, 'TFL3');
  // asUint8Array() is a view on the builder's buffer: copy it out.
  return b.asUint8Array().slice();
}
