// Mismatches the conformance suite has found in edgelite and that are not
// fixed yet. A case that matches an entry and mismatches is reported as
// "known" (listed in the summary, not a test failure); every other mismatch
// fails. When the fix lands, delete the entry: the cases then have to pass.
//
// Each entry: id, op, what (the finding: case, expected vs actual), and
// matches(case) — a predicate over the generated case {model, inputs, label}
// that selects exactly the affected cases (by their structure, not by seed).

const tensorOf = (model, r) => (typeof r === 'number' ? model.tensors[r] : model.tensors.find((t) => t.name === r));

export const KNOWN_ISSUES = [
  {
    id: 'depthwise-uint8-no-bias',
    op: 'DEPTHWISE_CONV_2D',
    what:
      'uint8 DEPTHWISE_CONV_2D without a bias input: TFLite (LiteRT.js and tfjs-tflite agree) computes a ' +
      'different rounding than with an all-zero bias, edgelite computes the same bytes in both cases, so a ' +
      'few outputs are off by 1 (seed 1: e.g. expected 94, got 95).',
    matches(c) {
      const op = c.model.operators[0];
      return op.op === 'DEPTHWISE_CONV_2D' && op.inputs.length === 2 && tensorOf(c.model, op.inputs[0]).dtype === 'uint8';
    },
  },
];

export function knownIssueFor(op, c) {
  return KNOWN_ISSUES.find((k) => k.op === op && k.matches(c)) ?? null;
}
