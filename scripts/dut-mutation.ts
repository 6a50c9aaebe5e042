/**
 * The DUT-mutation score (issue #10): how many single changes to what the DUT sends make a case
 * stop passing. Each selected case runs once clean against the compliant simulator through a
 * recording proxy; from the DUT frames its checks looked at, mutants are made of the fields its
 * checks name (scripts/dut-mutants.ts: what the trace says the document does not care about is
 * left out), a seeded
 * sample of them runs one per run through the mutating proxy, and a mutant the case still passes
 * is a survivor, listed with case, step and mutation.
 *
 *   npm run mutation -- [--only <glob>...] [--sample N] [--seed S] [--concurrency C]
 *
 * Last line, exactly: `mutation score: K/N killed (P%)`. Not part of `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../src/catalogue/loader.js';
import { selectCases } from '../src/catalogue/select.js';
import { runDemo } from '../src/cli/commands/demo.js';
import type { CliIo } from '../src/cli/io.js';
import type { CaseResult } from '../src/engine/run-model.js';
import type { OcppVersion, Role } from '../src/protocol/versions.js';
import { describeMutation, mutantsOf, mutateText, sample, sigCounter, type FrameSig, type Mutation, type RecordedFrame } from './dut-mutants.js';
import { officialSteps } from '../src/catalogue/trace.js';
import { equivalentDrop } from './dut-equivalents.js';
import { validatedChecks, validatedFrames } from './dut-trace-filter.js';
import { startMutatingProxy } from './dut-mutation-proxy.js';

interface Args {
  only: string[];
  sample: number | undefined;
  seed: number;
  concurrency: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { only: [], sample: undefined, seed: 1, concurrency: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--only') {
      args.only.push(...next().split(','));
      while (argv[i + 1] !== undefined && !String(argv[i + 1]).startsWith('--')) args.only.push(...String(argv[++i]).split(','));
    }
    else if (a === '--sample') args.sample = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--concurrency') args.concurrency = Math.max(1, Number(next()));
    else throw new Error(`unknown option ${a} (use --only, --sample, --seed, --concurrency)`);
  }
  return args;
}

const quiet: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };

interface Target {
  id: string;
  version: OcppVersion;
  sut: Role;
}

/** One run of one case through the proxy; the case's result and the DUT frames it relayed. */
async function runThrough(t: Target, mutation: Mutation | undefined): Promise<{ result: CaseResult | undefined; frames: RecordedFrame[]; applied: boolean }> {
  const frames: RecordedFrame[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-mutation-'));
  let applied = false;
  const proxies: Array<{ close(): Promise<void>; applied(): boolean }> = [];
  try {
    const runs = await runDemo(
      {
        versions: [t.version],
        suts: [t.sut],
        only: [t.id],
        defects: [],
        reportDir: dir,
        reporters: ['json'],
        via: async (url) => {
          const target = new URL(url);
          const proxy = await startMutatingProxy({
            upstream: `${target.protocol}//${target.host}`,
            dut: t.sut === 'cs' ? 'client' : 'upstream',
            ...(mutation ? { mutation } : {}),
            onDutFrame: (index, text) => frames.push({ index, text }),
          });
          proxies.push(proxy);
          return `${proxy.url}${target.pathname === '/' ? '' : target.pathname}`;
        },
      },
      quiet,
    );
    applied = proxies.some((p) => p.applied());
    return { result: runs[0]?.run?.tests.find((c) => c.id === t.id), frames, applied };
  } finally {
    for (const p of proxies) await p.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The step that looked at the mutated frame (by its text in the case trace), for a survivor. */
function stepOf(result: CaseResult | undefined, mutatedText: string | undefined): string {
  if (!result) return 'no result';
  const seq = mutatedText === undefined ? undefined : result.trace.find((f) => f.direction === 'in' && f.text === mutatedText)?.seq;
  const step = seq === undefined ? undefined : result.steps.find((s) => s.checks.some((c) => c.frames.includes(seq)));
  return step ? `step "${step.title}"` : 'no step looked at the frame';
}

/**
 * Part 6 §2.1: connector statuses and queued TransactionEvents after (dis)connecting "are allowed
 * to be sent in any order", so swapping two such frames is no mutant the document cares about.
 */
function anyOrderSwap(m: Mutation, frames: readonly RecordedFrame[]): boolean {
  if (m.kind !== 'swap-messages') return false;
  const action = (index: number): string | undefined => {
    const text = frames.find((f) => f.index === index)?.text;
    try {
      const frame = text === undefined ? undefined : (JSON.parse(text) as unknown[]);
      return frame?.[0] === 2 ? String(frame[2]) : undefined;
    } catch {
      return undefined;
    }
  };
  const statusish = new Set(['StatusNotification', 'NotifyEvent', 'TransactionEvent']);
  const a = action(m.frame);
  const b = action(m.frame + 1);
  return a !== undefined && b !== undefined && statusish.has(a) && statusish.has(b) && (a !== b || a !== 'TransactionEvent');
}

/** The value at `path` of a frame's payload (CALL or CALLRESULT), if the frame parses. */
function valueAt(text: string | undefined, path: ReadonlyArray<string | number>): unknown {
  try {
    const frame = JSON.parse(text ?? '') as unknown[];
    let at: unknown = frame[0] === 2 ? frame[3] : frame[0] === 3 ? frame[2] : undefined;
    for (const p of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[p] : undefined;
    return at;
  } catch {
    return undefined;
  }
}

async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i] as T, i);
      }
    }),
  );
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const targets: Target[] = [];
  for (const version of ['2.0.1', '1.6'] as const) {
    for (const sut of ['cs', 'csms'] as const) {
      const catalogue = await loadCatalogue(undefined, { version, sut });
      const selection = selectCases(catalogue.cases, { version, sut, ...(args.only.length ? { only: args.only } : {}) });
      for (const tc of selection.selected) targets.push({ id: tc.id, version, sut });
    }
  }
  process.stdout.write(`recording ${targets.length} case(s) through the proxy…\n`);
  const recorded = await pool(targets, args.concurrency, async (t) => ({ t, ...(await runThrough(t, undefined)) }));
  const all: Array<{ t: Target; m: Mutation; frames: RecordedFrame[] }> = [];
  for (const r of recorded) {
    if (r.result?.verdict !== 'pass') {
      process.stdout.write(`skipped ${r.t.id}: it does not pass clean through the proxy (${r.result?.verdict ?? 'no result'}: ${r.result?.message ?? ''})\n`);
      continue;
    }
    // The trace decides what the document cares about: only DUT frames a check of the case looked
    // at in a step that traces a validated step (scripts/dut-trace-filter.ts: not the boot before
    // it, its preparations, heartbeats or the restore after it), and of those only the fields the
    // case's checks name (in their description or expected value).
    const lookedAt = validatedFrames(r.result, officialSteps(r.t.id) ?? ['post']);
    const judgedText = new Set(r.result.trace.filter((f) => f.direction === 'in' && lookedAt.has(f.seq)).map((f) => f.text));
    // Fields named by checks of validated steps only: a preparation's check (a reusable state's own
    // chargingState, say) says nothing of what the document judges later.
    const checks = validatedChecks(r.result, officialSteps(r.t.id) ?? ['post']);
    const named = checks.map((c) => `${c.description} ${c.expected}`).join(' ');
    const expectedText = checks.map((c) => (typeof c.expected === 'string' ? c.expected : JSON.stringify(c.expected) ?? '')).join(' \n ');
    const expectedNumbers = new Set([...expectedText.matchAll(/-?\d+(?:\.\d+)?/g)].map((x) => Number(x[0])));
    const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const judged = r.frames.filter((f) => judgedText.has(f.text));
    // A number ±1 or a swapped id changes a verdict only where a check holds the field to its value;
    // a range or type check ("interval > 0", "remoteStartId is an integer": TC_B_20_CSMS step 4 and
    // TC_F_02_CSMS step 1 judge the status and the idToken alone) is not what such a mutant is about.
    const cared = (m: Mutation): boolean => {
      if (!('path' in m)) return true;
      if (!new RegExp(`\\b${String([...m.path].reverse().find((p) => typeof p === 'string') ?? '')}\\b`).test(named)) return false;
      if (m.kind !== 'number' && m.kind !== 'id') return true;
      const value = valueAt(r.frames.find((f) => f.index === m.frame)?.text, m.path);
      if (m.kind === 'number') return typeof value === 'number' && expectedNumbers.has(value);
      return (typeof value === 'string' || typeof value === 'number') && new RegExp(`(^|[^\\w-])${escape(String(value))}($|[^\\w-])`).test(expectedText);
    };
    // The harness's CALLs by message id, so a DUT CALLRESULT's schema (and its defaults) is known.
    const calls = new Map<string, string>();
    for (const f of r.result.trace) {
      if (f.direction !== 'out') continue;
      try {
        const frame = JSON.parse(f.text) as unknown[];
        if (frame[0] === 2 && typeof frame[1] === 'string' && typeof frame[2] === 'string') calls.set(frame[1], frame[2]);
      } catch {
        // not a frame of ours to name
      }
    }
    const equivalent = (frame: unknown, path: ReadonlyArray<string | number>, value: unknown): boolean => equivalentDrop(r.t.version, frame, path, value, (id) => calls.get(id));
    // A swap moves the next DUT frame on the wire too: the document orders the two only when both are
    // judged in validated steps, and both are CALLs of the DUT. A CALLRESULT answers the harness's CALL
    // and the DUT's own CALLs run in the other direction; OCPP-J 1.6 §4.1.1 (Synchronicity) limits
    // each direction to one CALL in flight and orders nothing across them, so an answer swapped with
    // the DUT's next CALL is a sequence a conforming peer may send.
    const judgedIndex = new Set(judged.map((f) => f.index));
    const isCall = (index: number): boolean => /^\[\s*2\s*,/.test(r.frames.find((f) => f.index === index)?.text ?? '');
    const ordered = (m: Mutation): boolean => m.kind !== 'swap-messages' || (judgedIndex.has(m.frame + 1) && isCall(m.frame) && isCall(m.frame + 1));
    // Each mutant names its frame as the n-th of its kind, so the proxy finds it even when timing
    // (a Heartbeat earlier or later) shifts the frame's index in the mutated run.
    const count = sigCounter();
    const sigs = new Map<number, FrameSig>(r.frames.map((f) => [f.index, count(f.text)]));
    const located = (m: Mutation): Mutation => {
      const at = sigs.get(m.frame);
      const next = m.kind === 'swap-messages' ? sigs.get(m.frame + 1) : undefined;
      return { ...m, ...(at ? { at } : {}), ...(next ? { next } : {}) };
    };
    for (const m of mutantsOf(judged, { equivalentDrop: equivalent }).filter((m) => ordered(m) && !anyOrderSwap(m, r.frames) && cared(m))) all.push({ t: r.t, m: located(m), frames: r.frames });
  }
  const chosen = args.sample === undefined ? all : sample(all, args.sample, args.seed);
  process.stdout.write(`${all.length} mutants; running ${chosen.length}${args.sample === undefined ? '' : ` (sample, seed ${args.seed})`}\n`);
  const outcomes = await pool(chosen, args.concurrency, async ({ t, m, frames }) => {
    const run = await runThrough(t, m);
    // The frame as the harness got it (for the survivor's step): mutated, or as sent when moved.
    const count = sigCounter();
    const sent = run.frames.find((f) => {
      const sig = count(f.text);
      return m.at ? sig.sig === m.at.sig && sig.nth === m.at.nth : f.index === m.frame;
    })?.text;
    const original = sent === undefined ? frames.find((f) => f.index === m.frame)?.text : m.kind === 'drop-message' || m.kind === 'swap-messages' ? sent : mutateText(sent, m);
    return { t, m, run, original };
  });
  let killed = 0;
  let counted = 0;
  const survivors: string[] = [];
  for (const o of outcomes) {
    if (!o.run.applied) continue; // the frame never came in this run: the mutant did not run
    counted++;
    if (o.run.result?.verdict !== 'pass') killed++;
    else survivors.push(`survivor: ${o.t.id} (${o.t.version} ${o.t.sut}) ${stepOf(o.run.result, o.original)}: ${describeMutation(o.m)}`);
  }
  for (const s of survivors) process.stdout.write(`${s}\n`);
  const notRun = outcomes.length - counted;
  if (notRun > 0) process.stdout.write(`${notRun} mutant(s) not counted: their frame did not come in the mutated run\n`);
  process.stdout.write(`took ${Math.round((Date.now() - started) / 1000)} s\n`);
  const pct = counted === 0 ? 0 : (killed / counted) * 100;
  process.stdout.write(`mutation score: ${killed}/${counted} killed (${pct.toFixed(1)}%)\n`);
}

await main();
