/**
 * A replay script as a test case (issue #16), so it runs through the one programmatic entry
 * (engine/start-run.ts) like every case and lands in the same report: the harness plays the
 * recorded peer — it sends the recorded peer's CALLs and answers the DUT's CALLs with the
 * recorded answers — and checks each frame of the DUT against the recording, in order.
 */
import { defineTestCase, type TestCase } from '../engine/define.js';
import type { TestContext } from '../engine/context-types.js';
import type { JsonObject } from '../protocol/frames.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { InternalRpcError } from '../session/rpc-error.js';
import { describeDifferences, differences } from './compare.js';
import type { ReplayScript, ReplayStep } from './trace.js';

interface Call {
  step: ReplayStep;
  id: string;
  action: string;
  payload: JsonObject;
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function callOf(step: ReplayStep): Call | undefined {
  const f = step.frame;
  if (f?.[0] !== 2 || typeof f[1] !== 'string' || typeof f[2] !== 'string' || !isObject(f[3])) return undefined;
  return { step, id: f[1], action: f[2], payload: f[3] };
}

/** The recorded response (CALLRESULT / CALLERROR) to the CALL `id`, sent in `direction`. */
function responseTo(script: ReplayScript, id: string, direction: 'in' | 'out'): unknown[] | undefined {
  return script.steps.find((s) => s.direction === direction && (s.frame?.[0] === 3 || s.frame?.[0] === 4) && s.frame[1] === id)?.frame;
}

/** The id a replay case gets: REPLAY cases are not catalogue ids, so they pass as TC_REPLAY_<name>_<side>. */
export function replayCaseId(name: string, sut: Role): string {
  return `TC_REPLAY_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'TRACE'}_${sut === 'cs' ? 'CS' : 'CSMS'}`;
}

export function replayCase(script: ReplayScript, options: { name: string; version: OcppVersion; sut: Role; slackMs?: number }): TestCase {
  return defineTestCase({
    id: replayCaseId(options.name, options.sut),
    version: options.version,
    sut: options.sut,
    block: 'replay',
    title: `Replay of ${script.source}`,
    certification: [],
    detects: ['(replay: any deviation from the recording)'],
    run: (ctx) => replay(ctx, script, options.slackMs ?? 0),
  });
}

async function replay(ctx: TestContext, script: ReplayScript, slackMs: number): Promise<void> {
  // The DUT's CALLs are answered as recorded, per action in recorded order.
  const answers = new Map<string, unknown[][]>();
  for (const step of script.steps) {
    const call = step.direction === 'in' ? callOf(step) : undefined;
    const answer = call ? responseTo(script, call.id, 'out') : undefined;
    if (call && answer) answers.set(call.action, [...(answers.get(call.action) ?? []), answer]);
  }
  for (const [action, queue] of answers) {
    ctx.respond(action, () => {
      const next = queue.shift();
      if (next?.[0] === 3 && isObject(next[2])) return next[2];
      // A recorded CALLERROR is answered with one (its code is not carried: InternalError).
      throw new InternalRpcError(typeof next?.[3] === 'string' ? next[3] : 'recorded CALLERROR');
    });
  }
  await ctx.peer();
  let previousAt = 0;
  let connection = script.steps[0]?.connection;
  for (const [i, step] of script.steps.entries()) {
    if (step.connection !== undefined && connection !== undefined && step.connection !== connection) {
      // The recording reconnected here (a reset, a power cycle): the cause is off the wire, so the
      // replay makes the same break — the CSMS side closes and waits, the station side dials again.
      await ctx.step(`#${i + 1} the recording reconnects`, async () => {
        if (ctx.sut === 'cs') await ctx.closeConnection({ reason: 'replay: the recording reconnects here' });
        else await ctx.reconnect();
        await ctx.peer();
      });
    }
    connection = step.connection ?? connection;
    const call = callOf(step);
    const gapMs = Math.max(0, step.atMs - previousAt);
    previousAt = step.atMs;
    if (!call) continue; // responses are played or checked with their CALL
    const label = `#${i + 1} ${step.direction === 'out' ? 'send' : 'expect'} ${call.action}`;
    if (step.direction === 'in') {
      await ctx.step(label, async () => {
        const seen = await ctx.expectCall(call.action, { withinMs: Math.max(ctx.config.messageTimeoutMs, gapMs + ctx.toleranceMs + slackMs) });
        const diffs = differences(call.payload, seen.payload, script.ignore);
        ctx.check(`${call.action} as recorded`, diffs.length === 0, { expected: 'the recorded payload (timestamps, ids and ignored fields aside)', actual: diffs.length === 0 ? 'as recorded' : describeDifferences(diffs), ...(seen.frameSeq === undefined ? {} : { frames: [seen.frameSeq] }) });
      });
      continue;
    }
    await ctx.step(label, async () => {
      const outcome = await ctx.call(call.action, call.payload);
      const recorded = responseTo(script, call.id, 'in');
      if (recorded === undefined) return; // the recording has no answer to compare with
      if (recorded[0] === 3) {
        const diffs = outcome.status === 'result' ? differences(recorded[2], outcome.payload, script.ignore) : [];
        ctx.check(`${call.action} answered as recorded`, outcome.status === 'result' && diffs.length === 0, {
          expected: 'a CALLRESULT like the recorded one (timestamps, ids and ignored fields aside)',
          actual: outcome.status !== 'result' ? (outcome.status === 'error' ? `CALLERROR ${outcome.errorCode}` : outcome.status) : diffs.length === 0 ? 'as recorded' : describeDifferences(diffs),
        });
      } else {
        ctx.check(`${call.action} answered with the recorded CALLERROR`, outcome.status === 'error' && outcome.errorCode === recorded[2], {
          expected: `CALLERROR ${String(recorded[2])}`,
          actual: outcome.status === 'error' ? `CALLERROR ${outcome.errorCode}` : outcome.status,
        });
      }
    });
  }
}
