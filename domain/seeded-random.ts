/**
 * A small seeded pseudo-random generator (mulberry32): the same numbers for the same seed on every
 * machine, in [0, 1). For what must repeat exactly (the classifier's training order, generated
 * directories, fuzz runs), never for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
