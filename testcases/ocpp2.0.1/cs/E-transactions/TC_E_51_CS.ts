/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_51_CS — Retry sending transaction message when failed - Success before reaching the max retry count - CallError.
 * The harness answers with CALLERROR InternalError the first transmission of a TransactionEvent and answers the second; the station
 * resends it once, MessageAttemptIntervalTransactionEvent after the failed one, and then no more
 * (Part 2 E13.FR.01-03). See retry.ts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { retryScenario } from './retry.js';

export default defineTestCase({
  id: 'TC_E_51_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Retry sending transaction message when failed - Success before reaching the max retry count - CallError',
  useCases: ['E13'],
  requirements: ['E13.FR.01', 'E13.FR.02', 'E13.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 5, checks: 'the refused TransactionEvent is sent 2 times, MessageAttemptIntervalTransactionEvent (+ MessageTimeout) apart, and not again over one more interval' },
  ],
  waivers: [
    { step: 1, reason: 'Part 6 TC_E_51_CS note: "Step 1, 2, 3, & 4 are optional". A TransactionEvent with triggerReason SignedDataReceived is taken as step 1 wherever it comes before step 5 and anything else is step 5, so there is no message that could fail the step-1 validation: it identifies the optional message, it does not judge it' },
    { step: 3, reason: 'Part 6 TC_E_51_CS note: "Step 1, 2, 3, & 4 are optional". A TransactionEvent with triggerReason ChargingStateChanged and chargingState SuspendedEVSE is taken as step 3 wherever it comes before step 5 and anything else is step 5, so there is no message that could fail the step-3 validation: it identifies the optional message, it does not judge it' },
  ],
  detects: ['no-message-retry', 'resends-answered-message'],
  async run(ctx) {
    await retryScenario(ctx, 'callError', { answerFrom: 2, callErrorGapWithTimeout: true });
  },
});
