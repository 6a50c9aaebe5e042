/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_04_CS — Local Stop Transaction, Different idToken:
 * an idToken other than the one that started the transaction, accepted by the CSMS but of no
 * common group, does not stop it (Part 2 C01.FR.02, C01.FR.03): no TransactionEvent with that
 * idToken, and no Ended event.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { callsIn, obj } from '../_shared/journal.js';
import { answerTokens, localStart, present, type Token } from './auth-support.js';
import { authConfiguration } from './rejected-token.js';

/** <a different idToken>: config `extra.differentIdToken` (an ISO 14443 UID no list or cache holds), else ours. */
function differentToken(ctx: { config: { extra: Record<string, unknown> } }): Token {
  const v = ctx.config.extra['differentIdToken'];
  return typeof v === 'string' && v !== '' ? { idToken: v, type: 'ISO14443' } : { idToken: '04D1FF0E2C3B4A', type: 'ISO14443' };
}

export default defineTestCase({
  id: 'TC_C_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Local Stop Transaction - Different idToken',
  useCases: ['C01', 'C04', 'E07'],
  requirements: ['C01.FR.02', 'C01.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: localStart,
  validations: [{ step: 'post', checks: 'no TransactionEvent Ended (and none with the different idToken) after it was presented' }],
  // The different idToken is Accepted yet must not appear in a TransactionEvent: the case's own note overrules the general rule.
  generalRules: { waive: [{ rule: 'tx-idtoken-after-authorization', clause: 'Part 6 TC_C_04_CS note: "The Charging Station SHALL NOT send a TransactionEventRequest message with an idToken field after receiving an idToken that is different"' }] },
  detects: ['stops-on-any-accepted-token'],
  async run(ctx) {
    await ready(ctx);
    const other = differentToken(ctx);
    await configure(ctx, authConfiguration);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    // Step 2: Accepted, without a groupIdToken (memory state: no group shared with the starting token).
    answerTokens(ctx, { [other.idToken]: { status: 'Accepted' } });
    let from = 0;
    await ctx.step('Steps 1-2: present a different idToken; AuthorizeRequest answered Accepted', async () => {
      from = await present(ctx, other);
      await ctx.expectCall('Authorize', { from, describe: 'an AuthorizeRequest for the different idToken' });
    });
    await ctx.step('Post scenario: the transaction goes on', async () => {
      await ctx.sleep(ctx.config.messageTimeoutMs);
      const events = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= from);
      const withToken = events.filter((e) => obj(e.payload['idToken'])?.['idToken'] === other.idToken);
      const ended = events.filter((e) => e.payload['eventType'] === 'Ended');
      const frames = (l: typeof events): number[] => l.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq]));
      ctx.check('no TransactionEvent with the different idToken', withToken.length === 0, { expected: 'none', actual: withToken.length === 0 ? 'none' : `${withToken.length}`, frames: frames(withToken) });
      ctx.check('no TransactionEvent Ended', ended.length === 0, { expected: 'none', actual: ended.length === 0 ? 'none' : `${ended.length}`, frames: frames(ended) });
    });
  },
});
