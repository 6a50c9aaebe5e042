/**
 * NotifyEvent expectations of the alert-event cases (Part 6 §2.15, N07/N08): wait for the event of
 * one monitor among whatever else the station reports ("Other eventData elements can be ignored",
 * "the Charging Station may also send other notifications").
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';

const asObj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);

export const otherEvents = 'Part 6 TC_N_20_CS: "Other eventData elements can be ignored"; the station may send other notifications meanwhile';

export function eventsOf(call: ObservedCall | JsonObject): JsonObject[] {
  const payload = 'payload' in call && asObj(call['payload']) ? (call['payload'] as JsonObject) : (call as JsonObject);
  return Array.isArray(payload['eventData']) ? (payload['eventData'] as unknown[]).map(asObj).filter((x): x is JsonObject => x !== undefined) : [];
}

export interface EventWanted {
  component: string;
  evseId?: number;
  variable: string;
  trigger?: string;
  monitorId?: number;
  cleared?: boolean;
}

export function eventMatches(e: JsonObject, want: EventWanted): boolean {
  const c = asObj(e['component']);
  if (c?.['name'] !== want.component || asObj(e['variable'])?.['name'] !== want.variable) return false;
  if (want.evseId !== undefined && asObj(c['evse'])?.['id'] !== want.evseId) return false;
  if (want.trigger !== undefined && e['trigger'] !== want.trigger) return false;
  if (want.monitorId !== undefined && e['variableMonitoringId'] !== want.monitorId) return false;
  if (want.cleared !== undefined && (e['cleared'] === true) !== want.cleared) return false;
  return true;
}

export const describeEvent = (w: EventWanted): string =>
  `NotifyEvent ${w.trigger ?? ''} ${w.component}${w.evseId === undefined ? '' : `[${w.evseId}]`}.${w.variable}${w.monitorId === undefined ? '' : ` monitor ${w.monitorId}`}${w.cleared ? ' cleared' : ''}`;

/**
 * The NotifyEvent (and its eventData element) for a monitor. `header`: generatedAt and seqNo 0
 * judged too, only where Part 6 lists them (TC_N_20_CS); elsewhere a report split with tbc may
 * carry the event in a later part ("If tbc is True … repeated", TC_N_45/56_CS).
 */
export async function expectEvent(ctx: TestContext, want: EventWanted, step: number, options: { withinMs?: number; from?: number; header?: boolean } = {}): Promise<{ call: ObservedCall; event: JsonObject }> {
  const { header, ...wait } = options;
  const call = await ctx.expectCall('NotifyEvent', { match: (p) => eventsOf(p).some((e) => eventMatches(e, want)), describe: describeEvent(want), anyOrder: otherEvents, step, ...wait });
  if (!header) return { call, event: eventsOf(call).find((e) => eventMatches(e, want)) ?? {} };
  const frames = call.frameSeq === undefined ? [] : [call.frameSeq];
  ctx.check('NotifyEvent generatedAt', typeof call.payload['generatedAt'] === 'string' && !Number.isNaN(Date.parse(String(call.payload['generatedAt']))), { expected: 'the time of generation', actual: call.payload['generatedAt'] ?? 'absent', frames, step });
  ctx.check('NotifyEvent seqNo', call.payload['seqNo'] === 0, { expected: 0, actual: call.payload['seqNo'] ?? 'absent', frames, step });
  return { call, event: eventsOf(call).find((e) => eventMatches(e, want)) ?? {} };
}

/** One field of an eventData element. */
export function checkEventField(ctx: TestContext, call: ObservedCall, what: string, ok: boolean, expected: unknown, actual: unknown, step: number): void {
  ctx.check(what, ok, { expected, actual: actual ?? 'absent', frames: call.frameSeq === undefined ? [] : [call.frameSeq], step });
}
