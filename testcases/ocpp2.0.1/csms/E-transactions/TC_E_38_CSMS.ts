/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_38_CSMS: after the driver authorized, the EV is plugged in
 * (reusable state EVConnectedPreSession) but is not ready to take energy: TransactionEvent Updated,
 * ChargingStateChanged, SuspendedEV. The CSMS must take it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_38_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Local start transaction - EV not ready',
  useCases: ['E03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Authorized'],
  detects: ['suspended-ev-error'],
  async run(ctx) {
    await ctx.step('The EV is plugged in: reusable state EVConnectedPreSession (step 1)', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('The EV is not ready: TransactionEvent Updated, SuspendedEV (steps 2-3)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'SuspendedEV' });
    });
  },
});
