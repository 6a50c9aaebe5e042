/** Helpers of the boot cases (TC_B_02/03/20/21/22_CS): answers and checks around a reboot. */
import type { JournalEntry, JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';

export const bootAnswer = (status: 'Accepted' | 'Pending' | 'Rejected', intervalS: number): JsonObject => ({ status, currentTime: new Date().toISOString(), interval: intervalS });

/** Long enough for a reboot: the station reconnects and boots. */
export const rebootWithinMs = (ctx: TestContext): number => ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs;

/**
 * "The Charging Station notifies the CSMS about the current state of all connectors": the configured
 * connector with `status`, every other EVSE Available, searched from `from`.
 */
export async function expectAllConnectors(ctx: TestContext, from: number, status = 'Available', step?: number): Promise<void> {
  for (let evseId = 1; evseId <= ctx.config.numberOfEvses; evseId++) {
    const mine = evseId === ctx.config.evseId;
    await expectConnectorStatus(ctx, mine ? status : 'Available', { evseId, ...(mine ? { connectorId: ctx.config.connectorId } : {}) }, { from, ...(step === undefined ? {} : { step }) });
  }
}

type CallIn = Extract<JournalEntry, { kind: 'callIn' | 'callOut' | 'sendIn' }>;

/** CALLs the station sent between two journal indexes (exclusive), other than `allowed`. */
export function callsBetween(ctx: TestContext, afterIndex: number, beforeIndex: number, allowed: readonly string[]): CallIn[] {
  return ctx.journal().filter((e): e is CallIn => e.kind === 'callIn' && e.index > afterIndex && e.index < beforeIndex && !allowed.includes(e.action));
}

export function checkNothingElseSent(ctx: TestContext, what: string, after: ObservedCall, beforeIndex: number, allowed: readonly string[]): void {
  const extra = callsBetween(ctx, after.index, beforeIndex, allowed);
  ctx.check(what, extra.length === 0, {
    expected: allowed.length === 0 ? 'no CALL at all' : `no CALL other than ${allowed.join(' / ')}`,
    actual: extra.length === 0 ? 'none' : extra.map((e) => e.action).join(', '),
    frames: extra.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])),
  });
}
