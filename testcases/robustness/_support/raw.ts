/**
 * What the robustness cases share: send one raw frame and judge the DUT's answer at byte level,
 * prove the DUT still serves afterwards, and the RPC framework error codes as each version
 * spells them (OCPP-J 1.6 §4.2.3 table, 2.0.1 Part 4 §4.3; 1.6 keeps the misspellings
 * FormationViolation and OccurenceConstraintViolation, errata "won't fix").
 */
import type { JsonObject, RawAnswer, TestContext } from '../../../src/engine/authoring.js';
import { describeAnswer, framesOf } from '../../../src/engine/authoring.js';

export type CodeKind = 'format' | 'occurrence' | 'type' | 'property' | 'protocol' | 'framework' | 'messageType' | 'notImplemented' | 'notSupported' | 'internal' | 'security' | 'generic';

const spelled16: Record<CodeKind, string | undefined> = {
  format: 'FormationViolation',
  occurrence: 'OccurenceConstraintViolation',
  type: 'TypeConstraintViolation',
  property: 'PropertyConstraintViolation',
  protocol: 'ProtocolError',
  // 1.6 has no RpcFrameworkError nor MessageTypeNotSupported: a broken frame is a ProtocolError / FormationViolation.
  framework: undefined,
  messageType: undefined,
  notImplemented: 'NotImplemented',
  notSupported: 'NotSupported',
  internal: 'InternalError',
  security: 'SecurityError',
  generic: 'GenericError',
};
const spelled201: Record<CodeKind, string> = {
  format: 'FormatViolation',
  occurrence: 'OccurrenceConstraintViolation',
  type: 'TypeConstraintViolation',
  property: 'PropertyConstraintViolation',
  protocol: 'ProtocolError',
  framework: 'RpcFrameworkError',
  messageType: 'MessageTypeNotSupported',
  notImplemented: 'NotImplemented',
  notSupported: 'NotSupported',
  internal: 'InternalError',
  security: 'SecurityError',
  generic: 'GenericError',
};

/** The codes of `kinds` as `ctx.version` spells them (kinds a version lacks are left out). */
export function codes(ctx: TestContext, ...kinds: CodeKind[]): string[] {
  const table = ctx.version === '1.6' ? spelled16 : spelled201;
  return kinds.map((k) => table[k]).filter((c): c is string => c !== undefined);
}

/** The schema-violation codes a receiver may answer a payload that breaks the schema with. */
export function schemaCodes(ctx: TestContext): string[] {
  return codes(ctx, 'format', 'occurrence', 'type', 'property', 'protocol');
}

/** A fresh message id for a raw frame (OCPP-J: a string of at most 36 characters). */
export function rawId(ctx: TestContext, tag: string): string {
  return `rb-${tag}-${Math.floor(ctx.clock.monoMs()) % 1_000_000}`.slice(0, 36);
}

/** Send `text` in a step and return the DUT's answer (response, close or nothing). */
export async function exchange(ctx: TestContext, title: string, text: string, withinMs?: number): Promise<RawAnswer> {
  return ctx.step(title, async () => {
    const sent = await ctx.sendRaw(text, { describe: title });
    return ctx.raw.answer(sent, withinMs === undefined ? {} : { withinMs });
  });
}

/** A raw CALL frame. */
export function callFrame(id: unknown, action: string, payload: unknown): string {
  return JSON.stringify([2, id, action, payload]);
}

/** The answer must be a CALLERROR with one of `allowed` (exact spelling), for the message id `id`. */
export function expectCallError(ctx: TestContext, answer: RawAnswer, allowed: readonly string[], id: string, why: string): void {
  const ok = answer.kind === 'error' && typeof answer.errorCode === 'string' && allowed.includes(answer.errorCode) && answer.messageId === id;
  ctx.check(`CALLERROR ${allowed.join(' or ')} (${why})`, ok, {
    expected: `[4, "${id}", ${allowed.map((c) => `"${c}"`).join(' | ')}, …]`,
    actual: describeAnswer(answer),
    frames: framesOf(answer),
  });
}

/** The answer must be a CALLRESULT for `id` (the DUT accepted the payload as valid). */
export function expectCallResult(ctx: TestContext, answer: RawAnswer, id: string, why: string): void {
  ctx.check(`CALLRESULT (${why})`, answer.kind === 'result' && answer.messageId === id, { expected: `[3, "${id}", {…}]`, actual: describeAnswer(answer), frames: framesOf(answer) });
}

/** A defined outcome: a CALLRESULT, or a CALLERROR with one of `allowed`; never silence, a close or another code. */
export function expectDefinedOutcome(ctx: TestContext, answer: RawAnswer, allowed: readonly string[], id: string, why: string): void {
  const ok = (answer.kind === 'result' && answer.messageId === id) || (answer.kind === 'error' && answer.messageId === id && typeof answer.errorCode === 'string' && allowed.includes(answer.errorCode));
  ctx.check(`A defined outcome (${why})`, ok, {
    expected: `[3, "${id}", {…}] or [4, "${id}", ${allowed.map((c) => `"${c}"`).join(' | ')}, …]`,
    actual: describeAnswer(answer),
    frames: framesOf(answer),
  });
}

/**
 * The DUT still serves (IB-08 "keeps serving a fresh connection afterwards"): a valid CALL on
 * the current connection — or, when the DUT closed it, on the next one — gets a CALLRESULT.
 */
export async function expectStillServing(ctx: TestContext): Promise<void> {
  await ctx.step('The DUT still answers a valid CALL', async () => {
    const { action, payload } = aliveProbe(ctx);
    await ctx.callExpect(action, payload);
  });
}

/** A harmless CALL that every DUT answers: Heartbeat to a CSMS, a read of the heartbeat interval from a station. */
export function aliveProbe(ctx: TestContext): { action: string; payload: JsonObject } {
  if (ctx.sut === 'csms') return { action: 'Heartbeat', payload: {} };
  if (ctx.version === '1.6') return { action: 'GetConfiguration', payload: { key: ['HeartbeatInterval'] } };
  return { action: 'GetVariables', payload: { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] } };
}

/**
 * The DUT's connection is not closed during `forMs`: `connectionId` (taken before the stimulus),
 * or the newest connection opened since journal index `from`.
 */
export async function expectConnectionKept(ctx: TestContext, which: { connectionId?: string; from?: number }, forMs: number, why: string): Promise<void> {
  await ctx.sleep(forMs);
  const entries = ctx.journal();
  const newest = [...entries].reverse().find((e) => e.kind === 'connected' && e.index >= (which.from ?? Infinity));
  const opened = which.connectionId ?? newest?.connectionId;
  const closed = opened === undefined ? undefined : entries.find((e) => e.kind === 'disconnected' && e.connectionId === opened);
  ctx.check(`The connection stays open (${why})`, opened !== undefined && closed === undefined, {
    expected: `no close for ${forMs} ms`,
    actual: opened === undefined ? 'no connection seen' : closed?.kind === 'disconnected' ? `closed with ${closed.code}${closed.reason ? ` (${closed.reason})` : ''}` : 'still open',
  });
}

/** Our answer to a 2.0.1 GetVariables: every requested variable Accepted with a placeholder value. */
export function getVariablesAnswer(payload: JsonObject): JsonObject {
  const asked = Array.isArray(payload['getVariableData']) ? (payload['getVariableData'] as JsonObject[]) : [];
  return {
    getVariableResult: asked.map((d) => ({ attributeStatus: 'Accepted', attributeValue: '0', component: d['component'] ?? { name: 'Unknown' }, variable: d['variable'] ?? { name: 'Unknown' } })),
  };
}

/** The charging schedule periods of a SetChargingProfile (1.6 csChargingProfiles, 2.0.1 chargingProfile). */
export function chargingPeriods(payload: JsonObject): JsonObject[] {
  const profile = (payload['csChargingProfiles'] ?? payload['chargingProfile']) as JsonObject | undefined;
  const raw = profile?.['chargingSchedule'];
  const schedules = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as JsonObject[];
  return schedules.flatMap((s) => (Array.isArray(s['chargingSchedulePeriod']) ? (s['chargingSchedulePeriod'] as JsonObject[]) : []));
}
