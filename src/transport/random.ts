/**
 * A small seeded PRNG (mulberry32) for fault injection: the same seed gives the same drops,
 * delays and corruptions, so a failing run can be replayed exactly (STYLE.md practice 3).
 * Not for anything secret.
 */
export type RandomSource = () => number;

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, max). */
export function randomInt(random: RandomSource, max: number): number {
  return Math.min(max - 1, Math.floor(random() * max));
}
