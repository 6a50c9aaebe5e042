/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_42_CS — Authorization by GroupId, Not stopped by
 * GroupId: an idToken of the same group that the CSMS answers Invalid does not stop the
 * transaction (Part 2 C09.FR.11).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { answerTokens, checkAuthorizedEvent, checkToken, infoWithGroup, localStart, tokenOf } from './auth-support.js';
import { notStoppedByGroup } from './group-not-stopped.js';

export default defineTestCase({
  id: 'TC_C_42_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization by GroupId - Not stopped by GroupId',
  useCases: ['C09'],
  requirements: ['C09.FR.11'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: localStart,
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured valid idToken' },
    { step: 3, checks: 'TransactionEvent triggerReason Authorized with the valid idToken (eventType checked by the Authorized state)' },
    // Part 6 names the valid idToken; the token presented in step 6 is the invalid one.
    { step: 6, checks: 'AuthorizeRequest idToken is the invalid idToken presented' },
    { step: 'post', checks: 'the energy transfer is not stopped' },
  ],
  detects: ['group-stop-ignores-status'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    const invalid = tokenOf(ctx, 'invalid');
    // Step 7: Invalid, but with the configured groupIdToken.
    answerTokens(ctx, { [invalid.idToken]: infoWithGroup(ctx, 'Invalid') });
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const first = journalEnd(ctx);
    await ctx.step('Steps 1-4: present the valid idToken; AuthorizeRequest and TransactionEvent answered Accepted with the group', async () => {
      await ctx.state('Authorized', { idToken: valid });
      const auth = await ctx.expectCall('Authorize', { from: first, step: 1, describe: 'an AuthorizeRequest for the valid idToken' });
      checkToken(ctx, auth, valid, 'AuthorizeRequest', 1);
      checkAuthorizedEvent(ctx, first, valid, 3);
    });
    await ctx.step('Step 5: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await notStoppedByGroup(ctx, invalid, 6);
  },
});
