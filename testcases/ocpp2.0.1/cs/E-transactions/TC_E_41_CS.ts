/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_41_CS — Retry sending transaction message when failed - Max retry count reached.
 * The harness never answers it; the station retries it MessageAttemptsTransactionEvent times in all, with the
 * growing interval, then stops (Part 2 E13.FR.01-04). See retry.ts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { retryScenario } from './retry.js';

export default defineTestCase({
  id: 'TC_E_41_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Retry sending transaction message when failed - Max retry count reached',
  useCases: ['E13'],
  requirements: ['E13.FR.01', 'E13.FR.02', 'E13.FR.03', 'E13.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  detects: ['no-message-retry'],
  async run(ctx) {
    await retryScenario(ctx, 'noReply');
  },
});
