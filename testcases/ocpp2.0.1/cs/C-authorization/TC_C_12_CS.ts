/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_12_CS — Authorization through authorization cache,
 * Invalid & Accepted: a token cached as Invalid that the CSMS now accepts. With DisablePostAuthorize
 * off the station asks (Part 2 C12.FR.05), takes the new answer and charges.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { answerTokens, cached, cacheSettings, checkToken, disablePostAuthorize, infoWithGroup, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_12_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - Invalid & Accepted',
  useCases: ['C12'],
  requirements: ['C12.FR.05', 'C10.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    // Part 6 names the valid idToken; the token presented and asked about is the one cached as Invalid.
    { step: 1, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the presented idToken (cached as Invalid)' },
    { step: 'post', checks: 'energy transfer started (EnergyTransferStarted)' },
  ],
  detects: ['cache-no-post-authorize'],
  async run(ctx) {
    await ready(ctx);
    const token = tokenOf(ctx, 'invalid');
    await cached(ctx, token, { status: 'Invalid' });
    await configure(ctx, cacheSettings(true, [disablePostAuthorize(false)]));
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    // Step 2: from now on the CSMS accepts the token.
    answerTokens(ctx, { [token.idToken]: infoWithGroup(ctx, 'Accepted') });
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-4: present the idToken; AuthorizeRequest answered Accepted; (optional) TransactionEvent', async () => {
      await ctx.state('Authorized', { idToken: token });
      const auth = await ctx.expectCall('Authorize', { from, step: 1, describe: 'an AuthorizeRequest for the token cached as Invalid (C12.FR.05)' });
      checkToken(ctx, auth, token, 'AuthorizeRequest', 1);
    });
    await ctx.step('Step 5: EnergyTransferStarted (post scenario: energy transfer started)', () => ctx.state('EnergyTransferStarted', { idToken: token }));
  },
});
