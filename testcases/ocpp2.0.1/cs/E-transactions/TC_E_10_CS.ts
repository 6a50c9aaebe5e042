/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_10_CS — Start transaction options, Authorized,
 * Local (Part 2 E01 S3). TxStartPoint Authorized: presenting the idToken (no cable) leads to an
 * Authorize and a TransactionEvent Started with triggerReason Authorized and that idToken.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { ready } from '../_shared/case-support.js';
import { expectTxEvent } from '../_shared/expect.js';
import { frames, journalEnd, obj, sessionOf, targetOf } from '../_shared/journal.js';
import { anyOf, checkEvent, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Start transaction options - Authorized - Local',
  useCases: ['E01', 'C01', 'C02', 'C04', 'C06'],
  requirements: ['E01.FR.03', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-09.2 and (C-30 - C-35 or ISO 15118 support).
  applies: { all: [{ item: 'C-09.2' }, anyOf('C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35')] },
  validations: [
    { step: 1, checks: 'AuthorizeRequest with the configured valid idToken (unless authorization is off)' },
    { step: 3, checks: 'TransactionEvent Started, triggerReason Authorized, configured valid idToken' },
  ],
  detects: ['no-authorize', 'no-idtoken-after-authorize'],
  async run(ctx) {
    await ready(ctx);
    const settings = await configurePoints(ctx, [{ variable: 'TxStartPoint', needs: ['Authorized'] }], authConfiguration);
    const t = targetOf(ctx, {});
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: present the idToken; Authorize', async () => {
      await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: t.idToken.idToken, type: t.idToken.type });
      const s = sessionOf(ctx, t.evseId);
      s.authorized = true;
      s.method = 'local';
      s.idToken = t.idToken;
      // Step 1 "unless AuthEnabled is ReadOnly false" (or the token is pre-authorized locally).
      if (!settings.authEnabled || settings.localPreAuthorize) return;
      const auth = await ctx.expectCall('Authorize', { from, describe: 'an Authorize for the presented idToken', step: 1 });
      const got = obj(auth.payload['idToken']);
      ctx.check('AuthorizeRequest idToken.idToken', got?.['idToken'] === t.idToken.idToken, { expected: t.idToken.idToken, actual: got?.['idToken'] ?? 'absent', frames: frames(auth), step: 1 });
      ctx.check('AuthorizeRequest idToken.type', got?.['type'] === t.idToken.type, { expected: t.idToken.type, actual: got?.['type'] ?? 'absent', frames: frames(auth), step: 1 });
    });
    await ctx.step('Steps 3-4: TransactionEvent Started for the authorization', async () => {
      const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the idToken was presented');
      checkEvent(ctx, te, { step: 3, eventType: ['Started'], triggerReason: ['Authorized'], idToken: t.idToken });
    });
  },
});
