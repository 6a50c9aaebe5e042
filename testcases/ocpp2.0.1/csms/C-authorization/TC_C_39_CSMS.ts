/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_39_CSMS: two valid idTokens share the configured group id. With the
 * EV plugged in, the second token is authorized and the first starts the session; while charging,
 * the second token is presented again and stops it. Every answer must be Accepted and carry the
 * group (C09.FR.02, C09.FR.03), so the station can let one stop what the other started.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationOf } from '../_shared/station.js';
import { authorize, configuredToken, groupOf, statusOf, transactionEvent, type Judged } from './support.js';

export default defineTestCase({
  id: 'TC_C_39_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Authorization by GroupId - Success',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EVConnectedPreSession'],
  validations: [
    { step: 2, checks: 'AuthorizeResponse (valid idToken 2): status Accepted, groupIdToken.idToken the configured groupId' },
    { step: 4, checks: 'TransactionEventResponse (valid idToken): status Accepted, groupIdToken.idToken the configured groupId' },
    { step: 7, checks: 'AuthorizeResponse (valid idToken 2, while charging): status Accepted, groupIdToken.idToken the configured groupId' },
    { step: 9, checks: 'TransactionEventResponse (StopAuthorized, valid idToken 2): status Accepted, groupIdToken.idToken the configured groupId' },
  ],
  detects: ['group-id-missing', 'rejects-valid-token'],
  async run(ctx) {
    const second = configuredToken(ctx, 'validSameGroup');
    const judge = (what: string, j: Judged, step: number): void => {
      ctx.check(`${what}: idTokenInfo.status is Accepted`, statusOf(j) === 'Accepted', { expected: 'Accepted', actual: statusOf(j) ?? 'no idTokenInfo', frames: j.frames, step });
      ctx.check(`${what}: idTokenInfo.groupIdToken.idToken is the configured groupId`, groupOf(j) === ctx.config.groupId, { expected: ctx.config.groupId, actual: groupOf(j) ?? 'absent', frames: j.frames, step });
    };
    await ctx.step('Steps 1-2: Authorize the second valid idToken', async () => judge('AuthorizeResponse', await authorize(ctx, second), 2));
    await ctx.step('Steps 3-4: TransactionEvent (Authorized) with the first valid idToken', async () => {
      const station = stationOf(ctx);
      judge('TransactionEventResponse', await transactionEvent(ctx, { eventType: station.transaction ? 'Updated' : 'Started', triggerReason: 'Authorized', idToken: ctx.config.idTokens.valid }), 4);
      if (station.transaction) station.transaction.authorized = true;
    });
    await ctx.state('EnergyTransferStarted');
    await ctx.step('Steps 6-7: Authorize the second valid idToken while charging', async () => judge('AuthorizeResponse', await authorize(ctx, second), 7));
    await ctx.step('Steps 8-9: TransactionEvent (StopAuthorized) with the second valid idToken', async () => {
      judge('TransactionEventResponse', await transactionEvent(ctx, { eventType: 'Updated', triggerReason: 'StopAuthorized', idToken: second }), 9);
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = false;
    });
    await ctx.state('EVConnectedPostSession');
    await ctx.state('EVDisconnected');
  },
});
