/**
 * OCPP 2.0.1 Part 6 §2.10 (I Tariff and Cost), TC_I_01_CS — Show EV Driver running total cost
 * during charging - costUpdatedRequest: during a transaction the CSMS sends CostUpdated with the
 * running total cost (Part 2 I02.FR.02); the station answers it. What the display shows is not on
 * the wire; the steps validated are the authorization (steps 1, 3), and the CostUpdatedResponse
 * (step 9) must be a response, not a CALLERROR.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargingWithCost, configuredCosts } from './running-cost.js';

export default defineTestCase({
  id: 'TC_I_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'I',
  title: 'Show EV Driver running total cost during charging - costUpdatedRequest',
  useCases: ['I02'],
  requirements: ['I02.FR.02'],
  certification: [{ profile: 'Advanced User Interface', need: 'M' }],
  validations: [
    { step: 1, checks: 'AuthorizeRequest with the configured valid idToken and type' },
    { step: 3, checks: 'TransactionEvent triggerReason Authorized with the valid idToken; eventType Updated when the transaction had started, else Started' },
  ],
  detects: ['cost-updated-not-implemented'],
  async run(ctx) {
    const transactionId = await chargingWithCost(ctx);
    const { cost2 } = configuredCosts(ctx);
    // Steps 6-9 "repeated n times": twice, a TransactionEvent answered with the cost, then CostUpdated.
    for (const round of [1, 2]) {
      await ctx.step(`Steps 8-9 (round ${round}): CostUpdated with the running total cost is answered`, async () => {
        const res = await ctx.call('CostUpdated', { totalCost: cost2 * round, transactionId });
        ctx.check('CostUpdatedResponse received', res.status === 'result', { expected: 'a CostUpdatedResponse', actual: res.status === 'result' ? 'received' : `${res.status}${res.status === 'error' ? ` ${res.errorCode}` : ''}` });
      });
    }
  },
});
