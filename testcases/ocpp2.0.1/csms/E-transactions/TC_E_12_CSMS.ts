/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_12_CSMS: the simulated station starts its transaction when the
 * parking bay sensor sees an EV (TxStartPoint ParkingBayOccupancy): TransactionEvent Started with
 * triggerReason EVDetected, no cable and no idToken yet. The CSMS must answer it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_12_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Start transaction options - ParkingBayOccupied',
  useCases: ['E01'],
  requirements: ['E01.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['parking-bay-trigger-error', 'tx-start-without-idtoken-error'],
  async run(ctx) {
    await ctx.step('An EV parks: TransactionEvent Started, EVDetected (steps 1-2)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Started', triggerReason: 'EVDetected' });
    });
  },
});
