/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_08_CSMS: with the EV plugged in, the simulated station authorizes
 * the configured valid idToken from its authorization cache (no AuthorizeRequest) and tells the
 * CSMS in a TransactionEvent Updated (Authorized); the CSMS must answer idTokenInfo Accepted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationOf } from '../_shared/station.js';
import { statusOf, transactionEvent } from './support.js';

export default defineTestCase({
  id: 'TC_C_08_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Authorization through authorization cache - Accepted',
  useCases: ['C12'],
  requirements: ['C12.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EVConnectedPreSession'],
  validations: [
    { step: 2, checks: 'TransactionEventResponse idTokenInfo.status Accepted' },
  ],
  detects: ['transaction-event-without-idtokeninfo', 'rejects-valid-token'],
  async run(ctx) {
    await ctx.step('Steps 1-2: TransactionEvent Updated (Authorized) with the cached valid idToken', async () => {
      const judged = await transactionEvent(ctx, { eventType: 'Updated', triggerReason: 'Authorized', idToken: ctx.config.idTokens.valid });
      ctx.check('TransactionEventResponse.idTokenInfo.status is Accepted', statusOf(judged) === 'Accepted', { expected: 'Accepted', actual: statusOf(judged) ?? 'no idTokenInfo', frames: judged.frames, step: 2 });
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = true;
    });
  },
});
