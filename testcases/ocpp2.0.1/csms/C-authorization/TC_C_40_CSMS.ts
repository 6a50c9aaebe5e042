/**
 * OCPP 2.0.1 Part 6 §3.4 (C Authorization), TC_C_40_CSMS — the simulated station authorizes from
 * its Local Authorization List with two valid idTokens of one group: the first starts, the second
 * stops. The CSMS answers both TransactionEvents with status Accepted and the configured GroupId.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent, stationOf } from '../_shared/station.js';
import { checkGroupInfo, validToken2 } from './group-local-list.js';

export default defineTestCase({
  id: 'TC_C_40_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Authorization by GroupId - Success with Local Authorization List',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  states: ['EVConnectedPreSession'],
  validations: [
    { step: 2, checks: 'TransactionEventResponse (Authorized, valid idToken): status Accepted, groupIdToken the configured GroupId' },
    { step: 6, checks: 'TransactionEventResponse (StopAuthorized, second idToken of the group): status Accepted, groupIdToken the configured GroupId' },
  ],
  detects: ['group-id-missing'],
  async run(ctx) {
    const station = stationOf(ctx);
    const valid = ctx.config.idTokens.valid;
    const second = validToken2(ctx);
    await ctx.step('Steps 1-2: TransactionEvent Authorized with the valid idToken of the group', async () => {
      const res = await sendTransactionEvent(ctx, { eventType: station.transaction ? 'Updated' : 'Started', triggerReason: 'Authorized', idToken: valid });
      checkGroupInfo(ctx, res, 'TransactionEventResponse', 2);
      if (station.transaction) station.transaction.authorized = true;
    });
    await ctx.step('Step 3: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Steps 5-6: TransactionEvent StopAuthorized with the second idToken of the group', async () => {
      const res = await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'StopAuthorized', idToken: second });
      checkGroupInfo(ctx, res, 'TransactionEventResponse', 6);
      if (station.transaction) station.transaction.authorized = false;
    });
    await ctx.step('Steps 7-8: EVConnectedPostSession, EVDisconnected', () => ctx.state('EVDisconnected'));
  },
});
