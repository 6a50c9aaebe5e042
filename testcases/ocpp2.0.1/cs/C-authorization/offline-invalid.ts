/**
 * The scenario TC_C_15/16/17/18_CS share (Part 6 §2.4): a token cached as Accepted is presented
 * while the OCTT keeps the station offline (closed connection, reconnects refused); the station
 * authorizes it from the cache (LocalAuthorizeOffline, C12) and starts charging; back online it
 * sends its queued TransactionEvents and the OCTT answers the one with the idToken Invalid. What
 * the station does then depends on StopTxOnInvalidId / MaxEnergyOnInvalidId; the cases judge it.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { configure, ready, type Setting } from '../_shared/case-support.js';
import { type CallInEntry, callsIn, frames, journalEnd, num, obj } from '../_shared/journal.js';
import { goOffline } from '../_shared/offline.js';
import { answerTokens, cached, cacheSettings, observed, present, tokenOf, type Token } from './auth-support.js';

export interface OfflineInvalidOptions {
  stopTxOnInvalidId: boolean;
  maxEnergyOnInvalidIdWh: number;
  /** Part 6 sets OfflineThreshold / RetryBackOff* (TC_C_15_CS, TC_C_18_CS). */
  backOff: boolean;
  /** Part 6 sets OfflineTxForUnknownIdEnabled true (if implemented): all but TC_C_16_CS. */
  unknownOffline: boolean;
  /** MaxEnergyOnInvalidId is required (not "if implemented"): TC_C_15_CS, TC_C_18_CS. */
  maxEnergyRequired: boolean;
  /** How long the OCTT keeps the station offline: 5 s, or <Configured Transaction Duration>. */
  offlineMs: number;
}

export interface OfflineInvalidRun {
  token: Token;
  /** Journal mark before the token was presented. */
  from: number;
  /** Every TransactionEvent since `from` (arrival order). */
  events: () => CallInEntry[];
}

/** <Configured RetryBackOffWaitMinimum_duration> (config `extra.retryBackOffWaitMinimumS`): short enough for the case, long enough for the manual action. */
function retryBackOffS(ctx: TestContext): number {
  return Math.max(1, Math.round(num(ctx.config.extra['retryBackOffWaitMinimumS']) ?? Math.max(1, ctx.config.heartbeatIntervalS / 2)));
}

export async function offlineInvalidScenario(ctx: TestContext, o: OfflineInvalidOptions): Promise<OfflineInvalidRun> {
  await ready(ctx);
  const token = tokenOf(ctx, 'valid');
  await cached(ctx, token);
  const backOffS = retryBackOffS(ctx);
  const settings: Setting[] = cacheSettings(true, [
    { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', value: 'true' },
    ...(o.unknownOffline ? [{ component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'true', ifImplemented: true }] : []),
    { component: 'TxCtrlr', variable: 'StopTxOnInvalidId', value: String(o.stopTxOnInvalidId) },
    { component: 'TxCtrlr', variable: 'MaxEnergyOnInvalidId', value: String(o.maxEnergyOnInvalidIdWh), ifImplemented: !o.maxEnergyRequired },
    ...(o.backOff
      ? [
          { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: String(backOffS + 60) },
          { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(backOffS) },
          { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
        ]
      : []),
  ]);
  await configure(ctx, settings);
  await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  // Step 4: the TransactionEvent with the idToken is answered Invalid.
  answerTokens(ctx, { [token.idToken]: { status: 'Invalid' } });
  let from = 0;
  await ctx.step('Step 1: the OCTT closes the connection and refuses reconnects; the cached valid idToken is presented', async () => {
    // The token is presented once the connection is really down (the manual action follows the close).
    await goOffline(ctx, 'Part 6: the station is offline while the idToken is presented');
    await ctx.sleep(100);
    from = journalEnd(ctx);
    await present(ctx, token);
    await ctx.sleep(o.offlineMs);
  });
  await ctx.step('Step 2: the OCTT accepts the reconnection; the station empties its transaction queue', async () => {
    ctx.refuseConnections(false);
    await ctx.expectCall('TransactionEvent', {
      from,
      withinMs: ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs,
      anyOrder: 'Part 6 step 2 note: "This will contain one or more TransactionEventRequest messages"',
      match: (p) => obj(p['idToken'])?.['idToken'] === token.idToken || p['offline'] === true,
      describe: 'the queued TransactionEvents after the reconnection',
    });
  });
  return { token, from, events: () => callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= from) };
}

/** "A message with (optional): triggerReason Authorized, the idToken, offline true". */
export function checkOfflineAuthorized(ctx: TestContext, run: OfflineInvalidRun, step: number, required: boolean): void {
  const hit = run.events().find((e) => e.payload['triggerReason'] === 'Authorized');
  if (!hit) {
    if (required) ctx.check('a TransactionEvent with triggerReason Authorized (offline)', false, { expected: 'one', actual: 'none', step });
    return;
  }
  const got = obj(hit.payload['idToken']);
  const f = frames(observed(hit));
  ctx.check('Authorized TransactionEvent idToken', got?.['idToken'] === run.token.idToken && got['type'] === run.token.type, { expected: `${run.token.idToken} / ${run.token.type}`, actual: got ?? 'absent', frames: f, step });
  ctx.check('Authorized TransactionEvent offline', hit.payload['offline'] === true, { expected: true, actual: hit.payload['offline'] ?? 'absent', frames: f, step });
}

/** "A message with: triggerReason ChargingStateChanged, offline true". */
export function checkOfflineCharging(ctx: TestContext, run: OfflineInvalidRun, step: number): void {
  const hit = run.events().find((e) => e.payload['triggerReason'] === 'ChargingStateChanged' && e.payload['offline'] === true);
  // A station may report the energy in the event that started the transaction (merged, Part 6 §2.18).
  const merged = run.events().find((e) => e.payload['offline'] === true && obj(e.payload['transactionInfo'])?.['chargingState'] === 'Charging');
  const found = hit ?? merged;
  ctx.check('a TransactionEvent with triggerReason ChargingStateChanged sent while offline (offline true)', found !== undefined, {
    expected: 'one, offline true',
    actual: found ? `${String(found.payload['triggerReason'])}, offline ${String(found.payload['offline'])}` : 'none',
    frames: found ? frames(observed(found)) : [],
    step,
  });
}
