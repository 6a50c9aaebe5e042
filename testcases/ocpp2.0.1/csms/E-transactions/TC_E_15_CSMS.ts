/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_15_CSMS: with TxStopPoint Authorized the driver's local stop ends
 * the transaction at once (TransactionEvent Ended, StopAuthorized, stoppedReason Local, with the
 * idToken presented to stop); the CSMS must take it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent, stationOf } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_15_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - StopAuthorized - Local',
  useCases: ['E06'],
  requirements: ['E06.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  detects: ['transaction-ended-error'],
  async run(ctx) {
    await ctx.step('The driver stops locally: TransactionEvent Ended (steps 1-2)', async () => {
      const idToken = stationOf(ctx).transaction?.idToken ?? ctx.config.idTokens.valid;
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'StopAuthorized', stoppedReason: 'Local', idToken });
    });
  },
});
