/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_07_CSMS: with TxStopPoint PowerPathClosed, the driver stops the
 * charging session locally and the simulated station ends the transaction at once
 * (TransactionEvent Ended, StopAuthorized, stoppedReason Local); the CSMS must take it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_07_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - PowerPathClosed - Local stop',
  useCases: ['E06'],
  requirements: ['E06.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  detects: ['transaction-ended-error'],
  async run(ctx) {
    await ctx.step('The driver stops locally: TransactionEvent Ended (steps 1-2)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'StopAuthorized', stoppedReason: 'Local', idToken: ctx.config.idTokens.valid });
    });
  },
});
