/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_26_CS — Offline Authorization, Unknown Id: with
 * OfflineTxForUnknownIdEnabled the station starts a transaction offline for an idToken it does not
 * know (Part 2 C15.FR.02); the queued events say offline; the CSMS then answers Invalid and, with
 * StopTxOnInvalidId false and MaxEnergyOnInvalidId 0, the station stops the energy (SuspendedEVSE,
 * C15.FR.06 / C15.FR.08); the same idToken presented again stops the transaction.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { callsIn, frames, journalEnd, obj } from '../_shared/journal.js';
import { answerTokens, localStart, observed, present, tokenOf } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_26_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Offline Authorization - Unknown Id',
  useCases: ['C15', 'C13'],
  requirements: ['C15.FR.02', 'C15.FR.06', 'C15.FR.08', 'C13.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: offline authorization of unknown ids (C-02) and a local start option.
  applies: { all: [{ item: 'C-02' }, localStart] },
  validations: [{ step: 1, checks: 'every queued TransactionEvent says offline true; one TransactionEvent reports chargingState SuspendedEVSE' }],
  detects: ['offline-unknown-id-refused', 'ignores-stop-tx-on-invalid-id-false'],
  async run(ctx) {
    await ready(ctx);
    const token = tokenOf(ctx, 'valid');
    await configure(ctx, [
      { component: 'LocalAuthListCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
      { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'true', ifImplemented: true },
      { component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'true' },
      { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', value: 'true' },
      { component: 'TxCtrlr', variable: 'MaxEnergyOnInvalidId', value: '0', ifImplemented: true },
      { component: 'TxCtrlr', variable: 'StopTxOnInvalidId', value: 'false' },
    ]);
    // "Unknown Id": earlier sessions cached the token; the station has to meet it as unknown.
    await ctx.step('Before: the idToken unknown to the station (ClearCacheRequest)', () => ctx.call('ClearCache', {}));
    // Step 2: the TransactionEvent with the idToken is answered Invalid.
    answerTokens(ctx, { [token.idToken]: { status: 'Invalid' } });
    const from = journalEnd(ctx);
    await ctx.step('Before: StartOfflineTransaction (with the unknown idToken)', () => ctx.state('StartOfflineTransaction', { idToken: token }));
    await ctx.step('Steps 1-2: the queued TransactionEvents say offline; the Invalid answer suspends the energy (SuspendedEVSE)', async () => {
      await ctx.expectCall('TransactionEvent', {
        from,
        step: 1,
        withinMs: ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs,
        anyOrder: 'Part 6 TC_C_26_CS step 1 note: "This will contain one or more TransactionEventRequest messages"',
        match: (p) => obj(p['transactionInfo'])?.['chargingState'] === 'SuspendedEVSE',
        describe: 'a TransactionEvent with chargingState SuspendedEVSE',
      });
      // Events built before the station was back (wall time of the reconnection) were queued offline.
      const back = ctx.journal().find((e) => e.index >= from && e.kind === 'connected');
      const onlineAtMs = back ? ctx.clock.wallMs() - (ctx.clock.monoMs() - back.monoMs) : Number.POSITIVE_INFINITY;
      const queued = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= from && Date.parse(String(e.payload['timestamp'])) <= onlineAtMs);
      ctx.check('the station queued TransactionEvents while offline', queued.length > 0, { expected: 'at least one', actual: queued.length, step: 1 });
      for (const e of queued) {
        ctx.check(`queued TransactionEvent seqNo ${String(e.payload['seqNo'])} offline`, e.payload['offline'] === true, { expected: true, actual: e.payload['offline'] ?? 'absent', frames: frames(observed(e)), step: 1 });
      }
    });
    await ctx.step('Steps 3-4: the idToken presented again, the cable unplugged; TransactionEvent StopAuthorized', async () => {
      const again = await present(ctx, token);
      await ctx.expectCall('TransactionEvent', { from: again, match: { triggerReason: 'StopAuthorized' }, describe: 'a TransactionEvent with triggerReason StopAuthorized' });
      await ctx.dut('unplug', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId });
    });
  },
});
