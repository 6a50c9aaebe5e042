/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_39_CS — Authorization by GroupId, Success: a
 * transaction started with one idToken is stopped by another valid idToken the CSMS gives the
 * same groupIdToken (Part 2 C09.FR.02, C09.FR.03, C09.FR.05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { checkAuthorizedEvent, checkToken, expectStopAuthorized, localStart, present, sessionStopped, tokenOf } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_39_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization by GroupId - Success',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.05'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: localStart,
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured valid idToken' },
    { step: 3, checks: 'TransactionEvent triggerReason Authorized with the valid idToken (eventType checked by the Authorized state)' },
    // Part 6 names the valid idToken in steps 6 and 8; the token presented there is the other one of the group.
    { step: 6, checks: 'AuthorizeRequest idToken is the other idToken of the group (the one presented)' },
    { step: 8, checks: 'TransactionEvent triggerReason StopAuthorized, idToken omitted or one of the two group idTokens' },
  ],
  detects: ['group-id-ignored'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    const other = tokenOf(ctx, 'validSameGroup');
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const first = journalEnd(ctx);
    await ctx.step('Steps 1-4: present the valid idToken; AuthorizeRequest and TransactionEvent answered Accepted with the group', async () => {
      await ctx.state('Authorized', { idToken: valid });
      const auth = await ctx.expectCall('Authorize', { from: first, step: 1, describe: 'an AuthorizeRequest for the valid idToken' });
      checkToken(ctx, auth, valid, 'AuthorizeRequest', 1);
      checkAuthorizedEvent(ctx, first, valid, 3);
    });
    await ctx.step('Step 5: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Steps 6-9: present the other idToken of the group; AuthorizeRequest; TransactionEvent StopAuthorized', async () => {
      const second = await present(ctx, other);
      const auth = await ctx.expectCall('Authorize', { from: second, step: 6, describe: 'an AuthorizeRequest for the other idToken of the group' });
      checkToken(ctx, auth, other, 'AuthorizeRequest', 6);
      await expectStopAuthorized(ctx, second, [other, valid], 8);
      await sessionStopped(ctx, ctx.config.evseId, second, { postSession: false });
    });
    await ctx.step('Step 10: EVConnectedPostSession', () => ctx.state('EVConnectedPostSession'));
    await ctx.step('Step 11: EVDisconnected', () => ctx.state('EVDisconnected'));
    await ctx.step('Step 12: ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied'));
  },
});
