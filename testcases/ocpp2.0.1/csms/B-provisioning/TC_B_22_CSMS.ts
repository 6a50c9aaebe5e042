/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_22_CSMS (with errata 2025-01 §6.2.5: evseId omitted): during a
 * charging session the CSMS asks for an Immediate reset; the simulated station accepts, ends the
 * transaction with stoppedReason ImmediateReset (the CSMS must take it), reboots with reason
 * RemoteReset and must be Accepted; the EV is still plugged in, so its connector is Occupied.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, reboot, sendTransactionEvent, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_B_22_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Reset Charging Station - With Ongoing Transaction - Immediate',
  useCases: ['B12'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 1, checks: 'The CSMS sends ResetRequest Immediate; the station accepts (steps 1-2)' },
    { step: 6, checks: 'The station reboots, boots and reports its connectors, the EV still plugged in (steps 5-8)' },
  ],
  detects: ['reset-wrong-type', 'transaction-ended-error'],
  async run(ctx) {
    await ctx.step('The CSMS sends ResetRequest Immediate; the station accepts (steps 1-2)', async () => {
      const call = await triggered(ctx, { action: 'Reset', trigger: 'triggerReset', params: { type: 'Immediate' }, respond: () => ({ status: 'Accepted' }) });
      ctx.check('ResetRequest.type is Immediate', call.payload['type'] === 'Immediate', { expected: 'Immediate', actual: call.payload['type'], frames: framesOf(call) });
      ctx.check('ResetRequest.evseId is omitted', call.payload['evseId'] === undefined, { expected: 'absent', actual: call.payload['evseId'], frames: framesOf(call) });
    });
    await ctx.step('The station ends the transaction because of the reset (steps 3-4)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'ResetCommand', chargingState: 'EVConnected', stoppedReason: 'ImmediateReset' });
    });
    await ctx.step('The station reboots, boots and reports its connectors, the EV still plugged in (steps 5-8)', async () => {
      await reboot(ctx, 'RemoteReset');
    });
  },
});
