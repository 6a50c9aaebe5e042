/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_21_CSMS: the operator stops the ongoing transaction from the CSMS;
 * its RequestStopTransactionRequest must name the transaction the simulated station started, which
 * accepts and ends it (TransactionEvent Ended, RemoteStop, stoppedReason Remote).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, sendTransactionEvent, stationOf, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_21_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - StopAuthorized - Remote',
  useCases: ['E06', 'F03'],
  requirements: ['E06.FR.03', 'F03.FR.01', 'F03.FR.09', 'F03.FR.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  validations: [{ step: 1, checks: 'RequestStopTransactionRequest.transactionId is the transaction of the before state' }],
  detects: ['remote-stop-wrong-transaction', 'no-transaction-id'],
  async run(ctx) {
    const transactionId = stationOf(ctx).transaction?.transactionId;
    if (transactionId === undefined) ctx.inconclusive('no transaction is open after the before state EnergyTransferStarted');
    await ctx.step('The CSMS sends RequestStopTransactionRequest (steps 1-2)', async () => {
      const call = await triggered(ctx, {
        action: 'RequestStopTransaction',
        trigger: 'triggerRequestStopTransaction',
        params: { transactionId },
        respond: () => ({ status: 'Accepted' }),
      });
      ctx.check('RequestStopTransactionRequest.transactionId is the ongoing transaction', call.payload['transactionId'] === transactionId, {
        expected: transactionId,
        actual: call.payload['transactionId'] ?? 'absent',
        frames: framesOf(call),
        step: 1,
      });
    });
    await ctx.step('The station ends it: TransactionEvent Ended, RemoteStop (steps 3-4)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'RemoteStop', stoppedReason: 'Remote' });
    });
  },
});
