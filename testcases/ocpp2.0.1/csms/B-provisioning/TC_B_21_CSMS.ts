/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_21_CSMS (with errata 2025-01 §6.2.4: evseId omitted): during a
 * charging session the CSMS asks for an OnIdle reset; the simulated station schedules it, the
 * driver stops and unplugs, the transaction ends (the CSMS must take the events), then the station
 * reboots with reason ScheduledReset and must be Accepted.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, reboot, reportStatus, sendTransactionEvent, stationOf, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_B_21_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Reset Charging Station - With Ongoing Transaction - OnIdle',
  useCases: ['B12'],
  requirements: ['B12.FR.01', 'B12.FR.03', 'E07.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 1, checks: 'The CSMS sends ResetRequest OnIdle; the station schedules it (steps 1-2)' },
    { step: 8, checks: 'The station performs the scheduled reset and boots (steps 7-10)' },
  ],
  detects: ['reset-wrong-type', 'transaction-ended-error'],
  async run(ctx) {
    await ctx.step('The CSMS sends ResetRequest OnIdle; the station schedules it (steps 1-2)', async () => {
      const call = await triggered(ctx, { action: 'Reset', trigger: 'triggerReset', params: { type: 'OnIdle' }, respond: () => ({ status: 'Scheduled' }) });
      ctx.check('ResetRequest.type is OnIdle', call.payload['type'] === 'OnIdle', { expected: 'OnIdle', actual: call.payload['type'], frames: framesOf(call) });
      ctx.check('ResetRequest.evseId is omitted', call.payload['evseId'] === undefined, { expected: 'absent', actual: call.payload['evseId'], frames: framesOf(call) });
    });
    await ctx.step('The driver stops the session (steps 3-4)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'StopAuthorized', chargingState: 'EVConnected', idToken: ctx.config.idTokens.valid });
    });
    await ctx.step('The EV is unplugged and the transaction ends (steps 5-6)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' });
      stationOf(ctx).evConnected = false;
      await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Available');
    });
    await ctx.step('The station performs the scheduled reset and boots (steps 7-10)', async () => {
      await reboot(ctx, 'ScheduledReset');
    });
  },
});
