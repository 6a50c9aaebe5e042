/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_13_CS — Start transaction options, Authorized,
 * Remote (Part 2 E01 S3, F02). TxStartPoint Authorized: an accepted RequestStartTransaction (no
 * cable) starts the transaction: Started, triggerReason RemoteStart, the idToken and remoteStartId.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { ready } from '../_shared/case-support.js';
import { expectTxEvent } from '../_shared/expect.js';
import { frames, journalEnd, obj, sessionOf, targetOf, txInfo } from '../_shared/journal.js';
import { checkEvent, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_13_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Start transaction options - Authorized - Remote',
  useCases: ['E01', 'F02'],
  requirements: ['E01.FR.03', 'F01.FR.03', 'F01.FR.04', 'F01.FR.06', 'F01.FR.19', 'F02.FR.01'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-09.2' },
  validations: [
    { step: 2, checks: 'RequestStartTransactionResponse status Accepted' },
    { step: 3, checks: 'AuthorizeRequest with the configured valid idToken (when AuthorizeRemoteStart is true)' },
    { step: 5, checks: 'TransactionEvent Started, triggerReason RemoteStart, configured valid idToken, transactionInfo.remoteStartId present' },
  ],
  detects: ['no-remote-start-trigger'],
  async run(ctx) {
    await ready(ctx);
    const settings = await configurePoints(ctx, [{ variable: 'TxStartPoint', needs: ['Authorized'] }], authConfiguration);
    const t = targetOf(ctx, {});
    const from = journalEnd(ctx);
    const remoteStartId = Math.floor(Math.random() * 1_000_000) + 1;
    await ctx.step('Steps 1-2: RequestStartTransaction, Accepted', async () => {
      const out = await ctx.call('RequestStartTransaction', { idToken: { idToken: t.idToken.idToken, type: t.idToken.type }, evseId: t.evseId, remoteStartId });
      const status = out.status === 'result' ? out.payload['status'] : undefined;
      ctx.check('RequestStartTransactionResponse status', status === 'Accepted', { expected: 'Accepted', actual: status ?? out.status, step: 2 });
      const s = sessionOf(ctx, t.evseId);
      s.authorized = true;
      s.method = 'remote';
      s.idToken = t.idToken;
    });
    if (settings.authorizeRemoteStart && settings.authEnabled) {
      await ctx.step('Steps 3-4: Authorize (AuthorizeRemoteStart is true)', async () => {
        const auth = await ctx.expectCall('Authorize', { from, describe: 'an Authorize for the remote start idToken', step: 3 });
        const got = obj(auth.payload['idToken']);
        ctx.check('AuthorizeRequest idToken.idToken', got?.['idToken'] === t.idToken.idToken, { expected: t.idToken.idToken, actual: got?.['idToken'] ?? 'absent', frames: frames(auth), step: 3 });
        ctx.check('AuthorizeRequest idToken.type', got?.['type'] === t.idToken.type, { expected: t.idToken.type, actual: got?.['type'] ?? 'absent', frames: frames(auth), step: 3 });
      });
    }
    await ctx.step('Steps 5-6: TransactionEvent Started for the remote start', async () => {
      const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the RequestStartTransaction');
      checkEvent(ctx, te, { step: 5, eventType: ['Started'], triggerReason: ['RemoteStart'], idToken: t.idToken });
      ctx.check('TransactionEvent transactionInfo.remoteStartId present', txInfo(te)['remoteStartId'] !== undefined, { expected: remoteStartId, actual: txInfo(te)['remoteStartId'] ?? 'absent', frames: frames(te), step: 5 });
    });
  },
});
