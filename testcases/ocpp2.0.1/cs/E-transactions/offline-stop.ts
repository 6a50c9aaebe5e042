/**
 * The offline end of a session that TC_E_31/43/44/45_CS share (Part 6 §2.6, Part 2 E08, E12): while
 * the OCTT refuses the station, the manual actions stop the transaction (an idToken, when the
 * configured scenario is local), disconnect the EV and drive it out of the bay (only needed when
 * TxStopPoint holds ParkingBayOccupancy); and the checks on the queue the station sends back online.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { checkTransactionEvents } from '../_shared/case-support.js';
import { type CallInEntry, frames, obj, parkedEvses, sessionOf, str, targetOf, type IdTokenParam } from '../_shared/journal.js';
import { observed } from './offline-queue.js';

/** Present `token` (none: skip), unplug, drive out when the harness drove in; the per-case session follows. */
export async function endSessionOffline(ctx: TestContext, token: IdTokenParam | undefined): Promise<void> {
  const t = targetOf(ctx, {});
  const s = sessionOf(ctx, t.evseId);
  if (token) await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: token.idToken, type: token.type });
  await ctx.dut('unplug', { evseId: t.evseId, connectorId: t.connectorId });
  if (s.parked) {
    await ctx.dut('driveOut', { evseId: t.evseId });
    s.parked = false;
    parkedEvses.delete(t.evseId);
  }
  s.evConnected = false;
  s.disconnected = true;
  s.authorized = false;
  s.energy = false;
  s.stopAuthorized = true;
  s.postSession = true;
}

/** The scenario says whether the stop is local (an idToken) or only the EV's disconnection. */
export function stopsLocally(ctx: TestContext): boolean {
  return targetOf(ctx, {}).stopMethod === 'local';
}

/**
 * Part 6 "All messages: offline must be true; one of the messages: eventType Ended" (and Started,
 * when asked), for the transaction of `transactionId` (undefined: the one the queue is about);
 * then the Part 6 §2.1 rules over that transaction (seqNo without gaps, Started first, Ended last).
 */
export function checkOfflineSession(ctx: TestContext, queued: readonly CallInEntry[], want: { step: number; started?: boolean; transactionId?: string }): string | undefined {
  const step = want.step;
  const all = queued.flatMap((e) => frames(observed(e)));
  for (const e of queued) {
    ctx.check(`TransactionEvent seqNo ${String(e.payload['seqNo'])} offline`, e.payload['offline'] === true, { expected: true, actual: e.payload['offline'] ?? 'absent', frames: frames(observed(e)), step });
  }
  const idOf = (e: CallInEntry): string | undefined => str(obj(e.payload['transactionInfo'])?.['transactionId']);
  const first = queued.find((e) => e.payload['eventType'] === 'Ended') ?? queued[0];
  const transactionId = want.transactionId ?? (first ? idOf(first) : undefined);
  const mine = queued.filter((e) => idOf(e) === transactionId);
  if (want.started) {
    const started = mine.filter((e) => e.payload['eventType'] === 'Started');
    ctx.check('one of the queued TransactionEvents says eventType Started', started.length === 1, { expected: 'one Started', actual: `${started.length}`, frames: all, step });
  }
  const ended = mine.filter((e) => e.payload['eventType'] === 'Ended');
  ctx.check('one of the queued TransactionEvents says eventType Ended', ended.length === 1, { expected: 'one Ended', actual: `${ended.length}`, frames: all, step });
  if (transactionId !== undefined) checkTransactionEvents(ctx, transactionId, { ended: true });
  return transactionId;
}
