/**
 * The demo's shards (issue #14: demo under 30 s). One version/side of the catalogue is split
 * across several harness/simulator pairs that run at the same time; each pair is a complete,
 * independent run (own server, own simulator, own state), so no case shares anything with a
 * case of another shard. The shard results are merged into one run model, written as the one
 * report folder of that version/side, exactly as an unsharded run would have written it.
 *
 * Most of a demo case is waiting on the wire (timers, heartbeats, retries), not CPU, so
 * shards overlap well even on two cores.
 */
import { summarise, type RunResult } from '../engine/run-model.js';

/**
 * Rough wall time of the slow cases against the demo's simulators (ms, measured 2026-12-02),
 * so the longest cases start in different shards. Unknown cases count `defaultCaseMs`. Only
 * the balance depends on this table, never a verdict.
 */
const knownCaseMs: Readonly<Record<string, number>> = {
  TC_E_41_CS: 13_000,
  TC_B_57_CS: 8_000,
  TC_E_50_CS: 7_000,
  TC_E_39_CS: 7_000,
  TC_J_02_CS: 6_000,
  TC_J_01_CS: 6_000,
  TC_J_02_CSMS: 6_000,
  TC_J_01_CSMS: 6_000,
  TC_002_CS: 6_000,
  TC_001_CS: 4_500,
  TC_C_06_CS: 4_000,
  TC_C_07_CS: 4_000,
  TC_011_2_CS: 3_000,
  TC_004_2_CS: 3_000,
};
const defaultCaseMs = 1_500;
/** Below this many cases a version/side runs as one pair: a shard costs a server, a simulator and a start-up. */
export const casesPerShard = 5;
export const maxShards = 8;

/**
 * Split case ids into at most `maxShards` groups of similar expected wall time: longest first,
 * each to the group with the least time so far (the classic LPT rule). Each group keeps the
 * catalogue order of its cases; empty groups are dropped.
 */
export function planShards(ids: readonly string[], limit = maxShards): string[][] {
  const count = Math.max(1, Math.min(limit, Math.ceil(ids.length / casesPerShard)));
  if (count === 1) return ids.length === 0 ? [] : [[...ids]];
  const order = new Map(ids.map((id, i) => [id, i]));
  const cost = (id: string): number => knownCaseMs[id] ?? defaultCaseMs;
  const groups = Array.from({ length: count }, () => ({ ms: 0, ids: [] as string[] }));
  for (const id of [...ids].sort((a, b) => cost(b) - cost(a) || (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
    const lightest = groups.reduce((best, g) => (g.ms < best.ms ? g : best));
    lightest.ms += cost(id);
    lightest.ids.push(id);
  }
  return groups.filter((g) => g.ids.length > 0).map((g) => g.ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
}

/**
 * One run model from the shards' results: the first shard's run info, every case in the order
 * of `ids` (the catalogue order), the earliest start and latest end, the summary recounted.
 * `only` is the user's selection (each shard ran with its own id list).
 */
export function mergeShardRuns(runs: readonly RunResult[], ids: readonly string[], only: readonly string[]): RunResult {
  const first = runs[0];
  if (first === undefined) throw new Error('mergeShardRuns: no shard results');
  const order = new Map(ids.map((id, i) => [id, i]));
  const tests = runs.flatMap((r) => r.tests).sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  const startedAt = runs.map((r) => r.startedAt).sort()[0] ?? first.startedAt;
  const ends = runs.flatMap((r) => (r.endedAt === undefined ? [] : [r.endedAt])).sort();
  const endedAt = ends.at(-1);
  return {
    ...first,
    startedAt,
    ...(endedAt === undefined ? {} : { endedAt }),
    selection: { ...first.selection, only: [...only] },
    partial: runs.some((r) => r.partial),
    interrupted: runs.some((r) => r.interrupted),
    tests,
    summary: summarise(tests),
  };
}
