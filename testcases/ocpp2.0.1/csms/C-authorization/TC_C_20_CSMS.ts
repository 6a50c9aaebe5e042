/**
 * OCPP 2.0.1 Part 6 §3.4, TC_C_20_CSMS: with the EV plugged in, the simulated station's cache says
 * the configured invalid idToken is valid, so it reports it in a TransactionEvent Updated
 * (Authorized) without asking; the CSMS, which knows better, must answer Invalid or Unknown.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { statusOf, transactionEvent } from './support.js';

export default defineTestCase({
  id: 'TC_C_20_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'C',
  title: 'Authorization through authorization cache - Invalid',
  useCases: ['C12'],
  requirements: ['C12.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EVConnectedPreSession'],
  validations: [
    { step: 2, checks: 'TransactionEventResponse idTokenInfo.status Invalid or Unknown' },
  ],
  detects: ['accepts-invalid-token', 'transaction-event-without-idtokeninfo'],
  async run(ctx) {
    await ctx.step('Steps 1-2: TransactionEvent Updated (Authorized) with the invalid idToken from the cache', async () => {
      const judged = await transactionEvent(ctx, { eventType: 'Updated', triggerReason: 'Authorized', idToken: ctx.config.idTokens.invalid });
      const status = statusOf(judged);
      ctx.check('TransactionEventResponse.idTokenInfo.status is Invalid or Unknown', status === 'Invalid' || status === 'Unknown', { expected: 'Invalid or Unknown', actual: status ?? 'no idTokenInfo', frames: judged.frames, step: 2 });
    });
  },
});
