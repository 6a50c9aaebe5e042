/**
 * The long frame fuzz (issue #12): the suite runs 10^5 frames (test/fuzz/pipeline.test.ts); this
 * runs as many as asked, from a seed, and prints the crash count and the first crashing frames.
 *
 *   npm run fuzz [-- --frames 1000000 --seed 1]
 *
 * Last line, exactly: `fuzz: <N> frames, <C> crashes`.
 */
import { fuzzFrames } from '../test/fuzz/frame-fuzz.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(v) && v >= 0 ? v : fallback;
}

const frames = arg('frames', 1_000_000);
const seed = arg('seed', Date.now() % 1_000_000_000);
const started = Date.now();
const result = fuzzFrames({ frames, seed });
for (const e of result.examples) console.log(`crash: ${e.error}\n  frame: ${e.text}`);
console.log(`seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`fuzz: ${result.frames} frames, ${result.crashes} crashes`);
if (result.crashes > 0) process.exitCode = 1;
