/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_14_CS — Authorization through authorization cache,
 * GroupID equal to MasterPassGroupId: the master pass, known from the cache, stops the ongoing
 * transaction (Part 2 C12.FR.09, C16.FR.03) with triggerReason StopAuthorized and, when the event
 * ends it, stoppedReason MasterPass.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { frames, sessionOf } from '../_shared/journal.js';
import { cached, cacheSettings, expectMasterPassStop, expectStopAuthorized, infoWithGroup, masterPassGroupId, masterPassSetting, present, sessionStopped, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_14_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - GroupID equal to MasterPassGroupId.',
  useCases: ['C12'],
  requirements: ['C12.FR.09', 'C16.FR.03'],
  // Not in Part 5: no certification profile; it applies with a cache and a master pass.
  certification: [],
  applies: { all: [withCache, { any: [{ item: 'C-07' }, { item: 'C-08' }] }] },
  validations: [{ step: 2, checks: 'TransactionEvent triggerReason StopAuthorized with the master pass idToken; when Ended, stoppedReason MasterPass' }],
  detects: ['master-pass-ignored', 'master-pass-wrong-reason'],
  async run(ctx) {
    await ready(ctx);
    const master = tokenOf(ctx, 'masterPass');
    // The MasterPassGroupId first: with it the station caches the master pass without starting a session.
    await configure(ctx, [masterPassSetting(ctx)]);
    await cached(ctx, master, infoWithGroup(ctx, 'Accepted', masterPassGroupId(ctx)), false);
    await configure(ctx, cacheSettings(true));
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const transactionId = sessionOf(ctx, ctx.config.evseId).transactionId;
    if (!transactionId) return ctx.inconclusive('EnergyTransferStarted reported no transactionId');
    let from = 0;
    await ctx.step('Steps 1-2: present the cached master pass; TransactionEvent StopAuthorized (MasterPass when it ends)', async () => {
      from = await present(ctx, master);
      const te = await expectStopAuthorized(ctx, from, [master], 2);
      const reason = (te.payload['transactionInfo'] as { stoppedReason?: unknown } | undefined)?.stoppedReason;
      if (te.payload['eventType'] === 'Ended') ctx.check('transactionInfo.stoppedReason', reason === 'MasterPass', { expected: 'MasterPass', actual: reason ?? 'absent', frames: frames(te), step: 2 });
      await expectMasterPassStop(ctx, from, transactionId, master, 2);
      await sessionStopped(ctx, ctx.config.evseId, from, { postSession: false });
    });
    // Steps 3-5 only while the transaction still runs.
    if (sessionOf(ctx, ctx.config.evseId).txEnded) return;
    await ctx.step('Step 3: EVConnectedPostSession', () => ctx.state('EVConnectedPostSession'));
    await ctx.step('Step 4: EVDisconnected', () => ctx.state('EVDisconnected'));
    await ctx.step('Step 5: ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied'));
  },
});
