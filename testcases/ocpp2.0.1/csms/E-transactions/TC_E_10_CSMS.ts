/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_10_CSMS: the simulated station starts its transaction on the
 * driver's authorization (TxStartPoint Authorized): Authorize, then TransactionEvent Started with
 * triggerReason Authorized and the idToken. The CSMS must accept the idToken both times.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, sendTransactionEvent, stationOf } from '../_shared/station.js';
import { checkTokenStatus } from './support.js';

export default defineTestCase({
  id: 'TC_E_10_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Start transaction options - Authorized - Local',
  useCases: ['E01'],
  requirements: ['E01.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'AuthorizeResponse idTokenInfo.status Accepted' },
    { step: 4, checks: 'TransactionEventResponse (Started, Authorized) idTokenInfo.status Accepted' },
  ],
  detects: ['rejects-valid-token', 'transaction-event-without-idtokeninfo'],
  async run(ctx) {
    const valid = ctx.config.idTokens.valid;
    await ctx.step('Authorize the valid idToken (steps 1-2)', async () => {
      const response = await ctx.callExpect('Authorize', { idToken: idTokenOf(valid) });
      checkTokenStatus(ctx, response, ['Accepted'], { where: 'AuthorizeResponse', step: 2 });
    });
    await ctx.step('TransactionEvent Started, Authorized (steps 3-4)', async () => {
      const response = await sendTransactionEvent(ctx, { eventType: 'Started', triggerReason: 'Authorized', idToken: valid });
      checkTokenStatus(ctx, response, ['Accepted'], { where: 'TransactionEventResponse', step: 4 });
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = true;
    });
  },
});
