// Seeded randomness for the conformance generators. Every case gets its own
// generator, derived from (run seed, op name, case index), so one case can be
// replayed alone (--seed S --op OP --case I) and adding a case or an op never
// changes the others.

// mulberry32: small, fast, good enough for test data; the same generator the
// anchors harness and web/test/helpers.mjs use for their "prng" inputs.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FNV-1a over a string: the seed of one case.
export function hashSeed(...parts) {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  constructor(seed) {
    this.seed = seed >>> 0;
    this.next = mulberry32(this.seed);
  }

  // A float in [0, 1).
  random() {
    return this.next();
  }

  // An integer in [lo, hi], both included.
  int(lo, hi) {
    if (hi < lo) throw new Error(`rng.int(${lo}, ${hi}): empty range`);
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  // A float in [lo, hi).
  float(lo, hi) {
    return lo + this.next() * (hi - lo);
  }

  // exp(uniform(log lo, log hi)): scales spread over orders of magnitude.
  logUniform(lo, hi) {
    return Math.exp(this.float(Math.log(lo), Math.log(hi)));
  }

  bool(pTrue = 0.5) {
    return this.next() < pTrue;
  }

  pick(list) {
    if (!list.length) throw new Error('rng.pick: empty list');
    return list[Math.floor(this.next() * list.length)];
  }

  // pick() with weights: pickWeighted([['a', 3], ['b', 1]]).
  pickWeighted(pairs) {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      if ((r -= w) < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }

  // Standard normal (Box–Muller).
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  shuffle(list) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  // A child generator (for a sub-part that should not shift the others).
  fork(label) {
    return new Rng(hashSeed(this.seed, label));
  }
}
