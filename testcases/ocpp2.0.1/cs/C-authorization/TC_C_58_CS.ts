/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_58_CS — LocalAuthListCtrlr.DisablePostAuthorize
 * true: the configured invalid idToken, Invalid in the Local Authorization List, is refused by the
 * station itself, with no AuthorizeRequest (Part 2 C14.FR.03 and the variable's definition) and no
 * transaction. (Part 6 prints this table's id as TC_C_28_CS; its title and Part 5 say TC_C_58.)
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, ready } from '../_shared/case-support.js';
import { emptyListAfter, listEnabled, listWith, preAuthorize, presentRefusedLocally } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_58_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Online authorization through local authorization list - LocalAuthListDisablePostAuthorize',
  useCases: ['C14'],
  requirements: ['C14.FR.03'],
  certification: [{ profile: 'Local Authorization List Management', need: 'C' }],
  // Part 5: LA-3 (DisablePostAuthorize) and one of the local start options C-30, C-31, C-32.
  applies: { all: [{ item: 'LA-3' }, { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] }] },
  validations: [
    { step: 1, checks: 'no AuthorizeRequest and the authorization is refused (no transaction with the idToken)' },
  ],
  detects: ['local-list-post-authorize'],
  async run(ctx) {
    await ready(ctx);
    const token = idTokenOf(ctx, 'invalid');
    // Prerequisite: DisablePostAuthorize is implemented, so it is set, not "(If implemented)".
    await listWith(ctx, [listEnabled, preAuthorize, { component: 'LocalAuthListCtrlr', variable: 'DisablePostAuthorize', value: 'true' }], token, 'Invalid');
    await ctx.step('Manual action and step 1: present the listed-invalid idToken, no AuthorizeRequest, refused', () => presentRefusedLocally(ctx, token, 1));
    await emptyListAfter(ctx);
  },
});
