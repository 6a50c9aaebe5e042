/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_30_CS — online, LocalPreAuthorize true and
 * DisablePostAuthorize false: the configured expired idToken is in the Local Authorization List as
 * Expired; presented, the station still asks the CSMS with an AuthorizeRequest (Part 2 C14.FR.03)
 * and, answered Expired, starts nothing.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, journalMark, ready } from '../_shared/case-support.js';
import { emptyListAfter, listEnabled, listWith, noTransactionFor, postAuthorize, preAuthorize, presentAndAuthorize } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_30_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Online authorization through local authorization list - Expired',
  useCases: ['C14'],
  requirements: ['C14.FR.03'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  // Part 5: one of the local start authorization options C-30 (ISO 14443), C-31 (ISO 15693), C-32 (key code).
  applies: { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] },
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured expired idToken' },
  ],
  detects: ['local-list-all-accepted', 'local-list-no-post-authorize'],
  async run(ctx) {
    await ready(ctx);
    const token = idTokenOf(ctx, 'expired');
    await listWith(ctx, [listEnabled, preAuthorize, postAuthorize], token, 'Expired');
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const since = journalMark(ctx);
    await ctx.step('Manual action and steps 1-2: present the expired idToken, AuthorizeRequest answered Expired', () => presentAndAuthorize(ctx, token, { status: 'Expired' }, 1));
    await ctx.step('After the Expired answer: no transaction starts (C14.FR.03, not an official validation)', () => noTransactionFor(ctx, token, since));
    await emptyListAfter(ctx);
  },
});
