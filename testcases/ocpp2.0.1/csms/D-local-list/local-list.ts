/**
 * The harness-as-station's Local Authorization List for the block D `_CSMS` cases: the version it
 * holds (what Part 6 calls "currently configured in OCTT"), its answers to SendLocalList and
 * GetLocalListVersion, and the checks on the CSMS's SendLocalListRequest. The version is kept per
 * run (keyed by the run's configured values, like ../_shared/station.ts), so a Differential after
 * an earlier case's Full update is held against the version that update installed; a station
 * that was never sent a list holds version 0 (Part 2 D02.FR.02).
 */
import type { ConfiguredValues, JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf, obj } from '../_shared/station.js';

const held = new WeakMap<ConfiguredValues, number>();

export function heldVersion(ctx: TestContext): number {
  return held.get(ctx.config) ?? 0;
}

/** Answer GetLocalListVersion with `version` (default: what the station holds) and SendLocalList Accepted, remembering its version. */
export function actAsListHolder(ctx: TestContext, version?: number): void {
  ctx.respond('GetLocalListVersion', () => ({ versionNumber: version ?? heldVersion(ctx) }));
  ctx.respond('SendLocalList', (call) => {
    const v = call.payload['versionNumber'];
    if (typeof v === 'number') held.set(ctx.config, v);
    return { status: 'Accepted' };
  });
}

export const entriesOf = (call: ObservedCall): JsonObject[] =>
  Array.isArray(call.payload['localAuthorizationList']) ? (call.payload['localAuthorizationList'] as unknown[]).flatMap((e) => (obj(e) ? [obj(e) as JsonObject] : [])) : [];

export function checkUpdateType(ctx: TestContext, call: ObservedCall, expected: 'Full' | 'Differential', step: number): void {
  ctx.check('SendLocalListRequest updateType', call.payload['updateType'] === expected, { expected, actual: call.payload['updateType'] ?? 'absent', frames: framesOf(call), step });
}

export function checkVersionAbove(ctx: TestContext, call: ObservedCall, floor: number, what: string, step: number): void {
  const v = call.payload['versionNumber'];
  ctx.check('SendLocalListRequest versionNumber', typeof v === 'number' && v > floor, { expected: `bigger than ${floor} (${what})`, actual: v ?? 'absent', frames: framesOf(call), step });
}

/** Wait for the CSMS's SendLocalList after the trigger (a GetLocalListVersion before it is allowed: Part 6 steps 1-2). */
export async function triggeredSendLocalList(ctx: TestContext, params: Record<string, unknown>): Promise<ObservedCall> {
  await ctx.dut('triggerSendLocalList', params);
  return ctx.expectCall('SendLocalList', { describe: 'a SendLocalListRequest from the CSMS' });
}
