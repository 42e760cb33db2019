/**
 * A small seeded PRNG (sfc32, seeded through cyrb128), deterministic across runs and platforms: the
 * corpus generator draws every choice from it, so a seed names a corpus. Not for cryptography.
 */

/** cyrb128: four 32-bit words from a string, to seed sfc32. */
function cyrb128(s: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: a uniform 32-bit integer per call. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
}

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** an integer in [lo, hi], both included */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** k distinct elements, in random order */
  sample<T>(list: readonly T[], k: number): T[];
  shuffle<T>(list: readonly T[]): T[];
  /** an independent stream named by `label`: what one part draws does not move another's draws */
  fork(label: string | number): Rng;
}

export function createRng(seed: string | number): Rng {
  const key = String(seed);
  const [a, b, c, d] = cyrb128(key);
  const u32 = sfc32(a, b, c, d);
  for (let i = 0; i < 15; i++) u32(); // let the state mix
  const rng: Rng = {
    next: () => u32() / 4294967296,
    int(lo, hi) {
      if (hi < lo) throw new Error(`empty range ${lo}..${hi}`);
      return lo + Math.floor(rng.next() * (hi - lo + 1));
    },
    chance: (p) => rng.next() < p,
    pick(list) {
      if (list.length === 0) throw new Error('pick from an empty list');
      return list[Math.floor(rng.next() * list.length)]!;
    },
    sample(list, k) {
      return rng.shuffle(list).slice(0, k);
    },
    shuffle(list) {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    fork: (label) => createRng(`${key}/${label}`),
  };
  return rng;
}
