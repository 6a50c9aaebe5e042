/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_27_CSMS: while the configured EVSE charges, the CSMS resets it Immediate; the simulated station accepts and ends the transaction (ImmediateReset), which the CSMS must take.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, sendTransactionEvent } from '../_shared/station.js';
import { resetEvse } from './support.js';

export default defineTestCase({
  id: 'TC_B_27_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Reset EVSE - With Ongoing Transaction - Immediate',
  useCases: ['B12'],
  requirements: [],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: the CSMS supports resetting a single EVSE (C-13).
  applies: { item: 'C-13' },
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 1, checks: 'ResetRequest: type Immediate, evseId the configured evseId' },
  ],
  detects: ['reset-evse-id-dropped', 'reset-wrong-type'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS resets the configured EVSE Immediate; the station answers Accepted', () =>
      resetEvse(ctx, 'Immediate', 'Accepted', (call) => {
        ctx.check('ResetRequest.type is Immediate', call.payload['type'] === 'Immediate', { expected: 'Immediate', actual: call.payload['type'], frames: framesOf(call), step: 1 });
        ctx.check('ResetRequest.evseId is the configured evseId', call.payload['evseId'] === ctx.config.evseId, { expected: ctx.config.evseId, actual: call.payload['evseId'] ?? 'absent', frames: framesOf(call), step: 1 });
      }),
    );
    await ctx.step('Steps 3-4: the EVSE resets: the transaction ends', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'ResetCommand', chargingState: 'EVConnected', stoppedReason: 'ImmediateReset' });
    });
  },
});
