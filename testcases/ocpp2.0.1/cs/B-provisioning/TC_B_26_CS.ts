// OCPP 2.0.1 Part 6 §2.3, TC_B_26_CS: Reset OnIdle of an EVSE during its transaction is
// Scheduled; the transaction then ends the ordinary way (StopAuthorized … ParkingBayUnoccupied).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { openTransactionId, stationReady } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_B_26_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset EVSE - With Ongoing Transaction - OnIdle',
  useCases: ['B12'],
  requirements: ['B12.FR.01', 'B12.FR.07'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-13' },
  states: ['EnergyTransferStarted'],
  validations: [{ step: 2, checks: 'Reset OnIdle with evseId <configured> during the transaction is Scheduled' }],
  detects: ['reset-evse-onidle-interrupts-tx', 'reset-evse-rejected'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Steps 1-2: Reset OnIdle of the configured EVSE is Scheduled', async () => {
      const res = await ctx.callExpect('Reset', { type: 'OnIdle', evseId: ctx.config.evseId });
      ctx.check('ResetResponse status', res['status'] === 'Scheduled', { expected: 'Scheduled', actual: res['status'] ?? 'absent', step: 2 });
    });
    // Steps 3-6: the reusable states end the transaction; as in TC_B_21_CS, the later ones run only
    // while the station still reports the transaction open (its TxStopPoint decides).
    await ctx.state('StopAuthorized');
    if (openTransactionId(ctx) !== undefined) {
      await ctx.state('EVConnectedPostSession');
      await ctx.state('EVDisconnected');
      if (openTransactionId(ctx) !== undefined) await ctx.state('ParkingBayUnoccupied');
    }
  },
});
