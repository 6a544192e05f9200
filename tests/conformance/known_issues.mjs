// Mismatches the conformance suite has found in edgelite and that are not
// fixed yet. A case that matches an entry and mismatches is reported as
// "known" (listed in the summary, not a test failure); every other mismatch
// fails. When the fix lands, delete the entry: the cases then have to pass.
//
// Each entry: id, op, what (the finding: case, expected vs actual), and
// matches(case) — a predicate over the generated case {model, inputs, label}
// that selects exactly the affected cases (by their structure, not by seed).

// Entries look like {id, op, what, matches(c) {…}}; none are open.
export const KNOWN_ISSUES = [];

export function knownIssueFor(op, c) {
  return KNOWN_ISSUES.find((k) => k.op === op && k.matches(c)) ?? null;
}
