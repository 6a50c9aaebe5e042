/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_44_CS — Authorization by GroupId, Invalid status
 * with Authorization Cache: the valid and the invalid idToken of one group are cached; the valid
 * one starts from the cache, the invalid one is asked about again (C12.FR.05) and, answered
 * Invalid, does not stop the transaction (Part 2 C09.FR.02, C09.FR.03, C09.FR.07).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { cached, cacheSettings, checkAuthorizedEvent, disablePostAuthorize, infoWithGroup, tokenOf, withCache } from './auth-support.js';
import { notStoppedByGroup } from './group-not-stopped.js';

export default defineTestCase({
  id: 'TC_C_44_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization by GroupId - Invalid status with Authorization Cache',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    { step: 1, checks: 'TransactionEvent triggerReason Authorized with the valid idToken (eventType checked by the Authorized state)' },
    { step: 4, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured invalid idToken' },
  ],
  detects: ['group-stop-ignores-status', 'cache-no-post-authorize'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    const invalid = tokenOf(ctx, 'invalid');
    await cached(ctx, valid);
    // Cached as Invalid with the group; the OCTT keeps that answer (step 5).
    await cached(ctx, invalid, infoWithGroup(ctx, 'Invalid'));
    await configure(ctx, cacheSettings(true, [disablePostAuthorize(false)]));
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const first = journalEnd(ctx);
    await ctx.step('Steps 1-2: present the cached valid idToken; TransactionEvent answered Accepted with the group', async () => {
      await ctx.state('Authorized', { idToken: valid });
      checkAuthorizedEvent(ctx, first, valid, 1);
    });
    await ctx.step('Step 3: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await notStoppedByGroup(ctx, invalid, 4);
  },
});
