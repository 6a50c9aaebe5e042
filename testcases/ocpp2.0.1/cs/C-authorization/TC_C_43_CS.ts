/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_43_CS — GroupId through the Local Authorization
 * List with an invalid member (Part 2 C09.FR.02/03/07): the valid idToken starts the session; the
 * configured invalid idToken, listed Invalid with the same GroupId, is presented; the station asks
 * the CSMS (C14.FR.03), gets Invalid with the GroupId, and does not stop the transaction.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, journalMark, ready } from '../_shared/case-support.js';
import { obj } from '../_shared/journal.js';
import { groupInfo, groupSessionStarted } from './group-local-list.js';
import { checkToken, emptyListAfter, postAuthorize, quietSince } from './local-list-auth.js';

export default defineTestCase({
  id: 'TC_C_43_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization by GroupId - Invalid status with Local Authorization List',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  certification: [{ profile: 'Local Authorization List Management', need: 'M' }],
  // Part 5: one of the local start authorization options C-30 (ISO 14443), C-31 (ISO 15693), C-32 (key code).
  applies: { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] },
  validations: [
    { step: 1, checks: 'TransactionEventRequest triggerReason Authorized, the valid idToken, eventType Started (Updated when running)' },
    { step: 4, checks: 'AuthorizeRequest for the presented idToken of the group (Part 6 prints <valid_idtoken>; the token presented is the listed-invalid one)' },
  ],
  waivers: [
    { step: 6, reason: 'Part 6 TC_C_43_CS validates a "Step 6" TransactionEvent with triggerReason StopAuthorized, but its scenario has no step 6 and its note after step 5 says the OCTT checks that the station does NOT send a TransactionEvent: the validation contradicts the scenario (it repeats TC_C_40_CS step 4). We check the scenario: no TransactionEvent that stops the transaction after the Invalid answer' },
  ],
  detects: ['local-list-all-accepted'],
  async run(ctx) {
    await ready(ctx);
    const invalid = idTokenOf(ctx, 'invalid');
    await groupSessionStarted(ctx, invalid, 'Invalid', [postAuthorize]);
    await ctx.step('Manual action and steps 4-5: present the invalid idToken of the group, AuthorizeRequest answered Invalid', async () => {
      ctx.respond('Authorize', () => ({ idTokenInfo: groupInfo(ctx, 'Invalid') }));
      const since = journalMark(ctx);
      await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: invalid.idToken, type: invalid.type });
      const auth = await ctx.expectCall('Authorize', { from: since, describe: 'an AuthorizeRequest for the presented idToken', step: 4 });
      checkToken(ctx, auth, invalid, 'AuthorizeRequest', 4);
      await quietSince(ctx, since, [{ action: 'TransactionEvent', match: (p) => p['triggerReason'] === 'StopAuthorized' || p['eventType'] === 'Ended' || obj(p['idToken'])?.['idToken'] === invalid.idToken, describe: 'TransactionEvent stopping the transaction for the invalid idToken' }]);
    });
    await emptyListAfter(ctx);
  },
});
