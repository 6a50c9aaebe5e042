/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_32_CS — Store Authorization Data in the
 * Authorization Cache, persistent over reboot: a token cached as Accepted is still in the cache
 * after a reboot (Part 2 C10.FR.02), so with LocalPreAuthorize on it starts a session without an
 * AuthorizeRequest (C12.FR.02).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { cached, cacheSettings, checkAuthorizedEvent, checkNoAuthorize, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_32_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Store Authorization Data in the Authorization Cache - Persistent over reboot',
  useCases: ['C10'],
  requirements: ['C10.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [{ step: 2, checks: 'TransactionEvent (when TxStartPoint Authorized or a transaction runs): triggerReason Authorized and the valid idToken' }],
  detects: ['cache-lost-on-reboot'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    await cached(ctx, valid);
    // Part 6: LocalPreAuthorize is true (required here, not "if implemented").
    await configure(ctx, cacheSettings(true).map((s) => (s.variable === 'LocalPreAuthorize' ? { ...s, ifImplemented: false } : s)));
    await ctx.step('Step 1: Booted', () => ctx.state('Booted'));
    const from = journalEnd(ctx);
    await ctx.step('Steps 2-3: present the cached valid idToken; TransactionEvent when the transaction starts at Authorized', async () => {
      await ctx.state('Authorized', { idToken: valid });
      checkAuthorizedEvent(ctx, from, valid, 2);
    });
    await ctx.step('Step 4: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('Step 5: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('The cache kept the token over the reboot: no AuthorizeRequest for it', async () => {
      checkNoAuthorize(ctx, from, valid, 'C10.FR.02: the cache survives a reboot; C12.FR.02');
    });
  },
});
