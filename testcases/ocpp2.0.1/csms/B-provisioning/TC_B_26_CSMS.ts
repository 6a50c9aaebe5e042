/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_26_CSMS: while the configured EVSE charges, the CSMS resets it OnIdle; the simulated station schedules the reset, the driver stops, the EV leaves and the transaction ends (the CSMS must take both events).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, sendTransactionEvent, stationOf } from '../_shared/station.js';
import { resetEvse } from './support.js';

export default defineTestCase({
  id: 'TC_B_26_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Reset EVSE - With Ongoing Transaction - OnIdle',
  useCases: ['B12'],
  requirements: ['B12.FR.07'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: the CSMS supports resetting a single EVSE (C-13).
  applies: { item: 'C-13' },
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 1, checks: 'ResetRequest: type OnIdle, evseId the configured evseId' },
  ],
  detects: ['reset-evse-id-dropped', 'reset-wrong-type'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS resets the configured EVSE OnIdle; the station answers Scheduled', () =>
      resetEvse(ctx, 'OnIdle', 'Scheduled', (call) => {
        ctx.check('ResetRequest.type is OnIdle', call.payload['type'] === 'OnIdle', { expected: 'OnIdle', actual: call.payload['type'], frames: framesOf(call), step: 1 });
        ctx.check('ResetRequest.evseId is the configured evseId', call.payload['evseId'] === ctx.config.evseId, { expected: ctx.config.evseId, actual: call.payload['evseId'] ?? 'absent', frames: framesOf(call), step: 1 });
      }),
    );
    await ctx.step('Steps 3-4: the driver stops the session', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'StopAuthorized', chargingState: 'EVConnected', idToken: ctx.config.idTokens.valid });
    });
    await ctx.step('Steps 5-6: the EV is unplugged and the transaction ends', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' });
      stationOf(ctx).evConnected = false;
    });
  },
});
