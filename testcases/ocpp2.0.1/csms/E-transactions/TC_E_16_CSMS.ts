/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_16_CSMS: the simulated station starts a transaction with the
 * configured invalid idToken before it is authorized; the CSMS must answer Invalid or Unknown in
 * the TransactionEventResponse (E01.FR.11/12), and take the Ended event (Deauthorized,
 * stoppedReason DeAuthorized) the station sends when it deauthorizes the transaction.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';
import { checkTokenStatus } from './support.js';

export default defineTestCase({
  id: 'TC_E_16_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - Deauthorized - Invalid idToken',
  useCases: ['E06'],
  requirements: ['E06.FR.04', 'E01.FR.11', 'E01.FR.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [{ step: 2, checks: 'TransactionEventResponse idTokenInfo.status Invalid or Unknown' }],
  detects: ['accepts-invalid-token', 'transaction-event-without-idtokeninfo', 'unusual-stopped-reason-error'],
  async run(ctx) {
    await ctx.step('TransactionEvent Started, Authorized, with the invalid idToken (steps 1-2)', async () => {
      const response = await sendTransactionEvent(ctx, { eventType: 'Started', triggerReason: 'Authorized', idToken: ctx.config.idTokens.invalid });
      checkTokenStatus(ctx, response, ['Invalid', 'Unknown'], { where: 'TransactionEventResponse', step: 2 });
    });
    await ctx.step('The station deauthorizes: TransactionEvent Ended, Deauthorized (steps 3-4)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'Deauthorized', stoppedReason: 'DeAuthorized' });
    });
  },
});
