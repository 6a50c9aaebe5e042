/**
 * Which (case, defect) pairs the proof suite runs. The full matrix grows with the catalogue, so by
 * default every case is proven against one of its defects, picked by a seed that changes daily
 * (every defect is proven over the days, and each day's pick is reproducible by its seed);
 * `PROOF_MATRIX=full` (`npm run proof:full`) runs every pair.
 */
export interface MatrixChoice<T> {
  pairs: Array<{ tc: T; defect: string }>;
  total: number;
  seed: number;
  full: boolean;
}

/** FNV-1a over a string: a stable small hash to pick with. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The UTC day number: the default seed, so the sample rotates once a day. */
export function dailySeed(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 86_400_000);
}

export function defectMatrix<T extends { id: string; detects: readonly string[] }>(cases: readonly T[], env: NodeJS.ProcessEnv = process.env): MatrixChoice<T> {
  const full = env['PROOF_MATRIX'] === 'full';
  const seedText = env['PROOF_SEED'];
  const seed = seedText !== undefined && /^\d+$/.test(seedText) ? Number(seedText) : dailySeed();
  const all = cases.flatMap((tc) => tc.detects.map((defect) => ({ tc, defect })));
  if (full) return { pairs: all, total: all.length, seed, full };
  const pairs = cases.filter((tc) => tc.detects.length > 0).map((tc) => ({ tc, defect: tc.detects[hash(`${seed}:${tc.id}`) % tc.detects.length]! }));
  return { pairs, total: all.length, seed, full };
}

/** How many defect runs go at once: they mostly wait on the wire, not on the CPU. */
export function matrixConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['PROOF_CONCURRENCY'] ?? '');
  return Number.isInteger(n) && n > 0 ? n : 8;
}
