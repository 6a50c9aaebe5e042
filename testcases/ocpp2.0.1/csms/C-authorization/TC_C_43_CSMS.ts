/**
 * OCPP 2.0.1 Part 6 §3.4 (C Authorization), TC_C_43_CSMS — the simulated station with two idTokens
 * of one group in its Local Authorization List: the first starts (TransactionEvent Authorized), the
 * second is checked with Authorize and then stops (StopAuthorized). Part 6 requires status
 * Accepted and the configured GroupId in all three answers; the title's "Invalid status" is not
 * reflected in its steps, which we follow.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, sendTransactionEvent, stationOf } from '../_shared/station.js';
import { checkGroupInfo, validToken2 } from './group-local-list.js';

export default defineTestCase({
  id: 'TC_C_43_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Authorization by GroupId - Invalid status with Local Authorization List',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  states: ['EVConnectedPreSession'],
  validations: [
    { step: 1, checks: 'TransactionEventResponse (Authorized, valid idToken): status Accepted, groupIdToken the configured GroupId (printed as step 1)' },
    { step: 5, checks: 'AuthorizeResponse for the second idToken: status Accepted, groupIdToken the configured GroupId' },
    { step: 7, checks: 'TransactionEventResponse (StopAuthorized, second idToken): status Accepted, groupIdToken the configured GroupId' },
  ],
  detects: ['group-id-missing'],
  async run(ctx) {
    const station = stationOf(ctx);
    const valid = ctx.config.idTokens.valid;
    const second = validToken2(ctx);
    await ctx.step('Steps 1-2: TransactionEvent Authorized with the valid idToken of the group', async () => {
      const res = await sendTransactionEvent(ctx, { eventType: station.transaction ? 'Updated' : 'Started', triggerReason: 'Authorized', idToken: valid });
      checkGroupInfo(ctx, res, 'TransactionEventResponse', 1);
      if (station.transaction) station.transaction.authorized = true;
    });
    await ctx.step('Step 3: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Steps 4-5: Authorize the second idToken of the group', async () => {
      const res = await ctx.callExpect('Authorize', { idToken: idTokenOf(second) });
      checkGroupInfo(ctx, res, 'AuthorizeResponse', 5);
    });
    await ctx.step('Steps 6-7: TransactionEvent StopAuthorized with the second idToken', async () => {
      const res = await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'StopAuthorized', idToken: second });
      checkGroupInfo(ctx, res, 'TransactionEventResponse', 7);
      if (station.transaction) station.transaction.authorized = false;
    });
    await ctx.step('Steps 8-9: EVConnectedPostSession, EVDisconnected', () => ctx.state('EVDisconnected'));
  },
});
