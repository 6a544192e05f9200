// EdgeliteError: every error the library reports. `code` is one of
//   INVALID_ARGUMENT  a call was given something wrong (dtype, length, shape, option)
//   INVALID_MODEL     the model bytes are malformed or inconsistent
//   UNSUPPORTED       valid TFLite that edgelite cannot run (op, version, type)
//   RESOURCE_EXHAUSTED a limit (arena bytes, memory) would be exceeded
//   FAILED_PRECONDITION call order (e.g. no image staged)
//   RUNTIME_ERROR     a data-dependent failure during inference
//   IO_ERROR          the model, labels or wasm could not be fetched/read
//   DISPOSED          the model was disposed
//   INTERNAL          anything else (a bug: please report it)
// and `message` names the op, tensor or field concerned.
export class EdgeliteError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'EdgeliteError';
    this.code = code;
  }
}

// An Error returned by the wasm bindings ({message, code}) or thrown by
// anything else, as an EdgeliteError.
export const CODES = new Set([
  'INVALID_ARGUMENT', 'INVALID_MODEL', 'UNSUPPORTED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION',
  'RUNTIME_ERROR', 'IO_ERROR', 'DISPOSED', 'INTERNAL',
]);

export function toEdgeliteError(e, fallbackCode = 'INTERNAL', context = '') {
  if (e instanceof EdgeliteError) return e;
  const code = e && CODES.has(e.code) ? e.code : fallbackCode;
  const message = e && e.message ? e.message : String(e);
  return new EdgeliteError(code, context ? `${context}: ${message}` : message, { cause: e });
}
