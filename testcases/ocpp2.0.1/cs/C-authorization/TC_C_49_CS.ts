/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_49_CS — Stop Transaction with a Master Pass,
 * without UI: a station without a user interface stops every ongoing transaction when the master
 * pass is presented, stoppedReason MasterPass (Part 2 C16.FR.02).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { sessionOf } from '../_shared/journal.js';
import { answerTokens, checkToken, expectMasterPassStop, infoWithGroup, localStart, masterPassGroupId, masterPassSetting, present, sessionStopped, tokenOf } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_49_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Stop Transaction with a Master Pass - Without UI',
  useCases: ['C16'],
  requirements: ['C16.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a master pass for a station without a user interface (C-08) and a local start option.
  applies: { all: [{ item: 'C-08' }, localStart] },
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken is the configured master pass idToken' },
    { step: 3, checks: 'per EVSE: the stop event carries no idToken or the master pass; the transaction ends with stoppedReason MasterPass' },
  ],
  detects: ['master-pass-ignored', 'master-pass-wrong-reason'],
  async run(ctx) {
    await ready(ctx);
    const master = tokenOf(ctx, 'masterPass');
    await configure(ctx, [masterPassSetting(ctx)]);
    answerTokens(ctx, { [master.idToken]: infoWithGroup(ctx, 'Accepted', masterPassGroupId(ctx)) });
    // EVSE 1 with the valid idToken, EVSE 2 (when there is one) with the valid idToken2.
    const evseIds = ctx.config.numberOfEvses > 1 ? [ctx.config.evseId, ctx.config.evseId === 1 ? 2 : 1] : [ctx.config.evseId];
    const tokens = [tokenOf(ctx, 'valid'), ...(evseIds.length > 1 ? [tokenOf(ctx, 'validSameGroup')] : [])];
    for (const [i, evseId] of evseIds.entries()) {
      await ctx.step(`Before: EnergyTransferStarted on EVSE ${evseId}`, () => ctx.state('EnergyTransferStarted', { evseId, connectorId: 1, idToken: tokens[i] }));
    }
    let from = 0;
    await ctx.step('Steps 1-2: present the master pass; AuthorizeRequest answered Accepted with the MasterPassGroupId', async () => {
      from = await present(ctx, master);
      const auth = await ctx.expectCall('Authorize', { from, step: 1, describe: 'an AuthorizeRequest for the master pass' });
      checkToken(ctx, auth, master, 'AuthorizeRequest', 1);
    });
    await ctx.step('Steps 3-4: every transaction stops for the master pass', async () => {
      for (const evseId of evseIds) {
        const transactionId = sessionOf(ctx, evseId).transactionId;
        if (!transactionId) return ctx.fail(`EVSE ${evseId}: EnergyTransferStarted reported no transactionId`);
        await expectMasterPassStop(ctx, from, transactionId, master, 3);
        await sessionStopped(ctx, evseId, from, { postSession: false });
      }
    });
    for (const evseId of evseIds) {
      const p = { evseId, connectorId: 1 };
      await ctx.step(`Step 5: EVConnectedPostSession on EVSE ${evseId}`, () => ctx.state('EVConnectedPostSession', p));
      await ctx.step(`Step 6: EVDisconnected on EVSE ${evseId}`, () => ctx.state('EVDisconnected', p));
      await ctx.step(`Step 7: ParkingBayUnoccupied on EVSE ${evseId}`, () => ctx.state('ParkingBayUnoccupied', p));
    }
  },
});
