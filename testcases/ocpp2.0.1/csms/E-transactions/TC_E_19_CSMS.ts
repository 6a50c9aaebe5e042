/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_19_CSMS: with TxStopPoint ParkingBayOccupancy the transaction ends
 * when the EV leaves the bay (TransactionEvent Ended, EVDeparted, stoppedReason Local); the CSMS must
 * take it. The before state EVDisconnected is run with the transaction going on: under this stop
 * point (E06.FR.01) unplugging the cable does not end it, so its event is an Updated one.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_19_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - ParkingBayUnoccupied',
  useCases: ['E06'],
  requirements: ['E06.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['parking-bay-trigger-error', 'transaction-ended-error'],
  async run(ctx) {
    await ctx.step('Before: reusable state EVDisconnected (transaction still open)', () => ctx.state('EVDisconnected', { transactionGoesOn: true }));
    await ctx.step('The EV leaves the bay: TransactionEvent Ended, EVDeparted (steps 1-2)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'EVDeparted', stoppedReason: 'Local' });
    });
  },
});
