/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_44_CS — Offline Behaviour, stop transaction during
 * the offline period. During the energy transfer the OCTT refuses the station; the same idToken stops
 * the transaction, the EV is disconnected and leaves; back online the station sends the queued
 * events, every one offline true, one of them Ended (Part 2 E08.FR.01/04/05/06/07/08).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { openTransactionId, sessionOf } from '../_shared/journal.js';
import { acceptReconnect, backOffSettings, closeAndRefuse, offlineValues, queuedEvents } from './offline-queue.js';
import { checkOfflineSession, endSessionOffline } from './offline-stop.js';

export default defineTestCase({
  id: 'TC_E_44_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Offline Behaviour - Stop transaction during offline period',
  useCases: ['E08'],
  requirements: ['E08.FR.01', 'E08.FR.04', 'E08.FR.05', 'E08.FR.06', 'E08.FR.07', 'E08.FR.08'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: "C-30 - C-35 or ISO 15118 support"; the profile alternative is no PICS item (a PICS condition names items only).
  applies: { any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35'].map((item) => ({ item })) },
  validations: [{ step: 3, checks: 'every queued TransactionEvent offline true; one of them eventType Ended' }],
  detects: ['no-offline-flag', 'drops-offline-transaction-events'],
  async run(ctx) {
    await ready(ctx);
    const v = offlineValues(ctx);
    await configure(ctx, backOffSettings(v.retryBackOffS));
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const transactionId = openTransactionId(ctx);
    if (transactionId === undefined) ctx.inconclusive('the station reported no ongoing transaction');
    const token = sessionOf(ctx, ctx.config.evseId).idToken ?? ctx.config.idTokens.valid;
    await ctx.step('Step 1: the OCTT closes the connection and refuses reconnects', () => closeAndRefuse(ctx, 'Part 6 TC_E_44_CS step 1'));
    await ctx.step('Manual actions: present the same idToken, disconnect the EV, drive out', () => endSessionOffline(ctx, token));
    let back = { acceptedWallMs: 0, from: 0 };
    await ctx.step('Step 2: the OCTT accepts the reconnection', async () => {
      back = await acceptReconnect(ctx);
    });
    await ctx.step('Steps 3-4: the station empties its queue', async () => {
      const queued = await queuedEvents(ctx, back, { step: 3 });
      checkOfflineSession(ctx, queued, { step: 3, transactionId });
    });
    sessionOf(ctx, ctx.config.evseId).txEnded = true;
  },
});
