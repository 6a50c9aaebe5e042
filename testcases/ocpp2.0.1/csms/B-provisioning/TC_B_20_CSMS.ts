/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_20_CSMS (with errata 2025-01 §6.2.3: evseId omitted): with no
 * transaction, the CSMS asks the station to reset OnIdle; the simulated station accepts, reboots
 * (new connection), boots with reason RemoteReset and must be Accepted again.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, reboot, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_B_20_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Reset Charging Station - Without ongoing transaction - OnIdle',
  useCases: ['B11'],
  requirements: ['B11.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 4, checks: 'The station reboots, boots and reports its connectors (steps 3-6)' },
  ],
  detects: ['reset-wrong-type'],
  async run(ctx) {
    await ctx.step('The CSMS sends ResetRequest OnIdle (steps 1-2)', async () => {
      const call = await triggered(ctx, { action: 'Reset', trigger: 'triggerReset', params: { type: 'OnIdle' }, respond: () => ({ status: 'Accepted' }) });
      ctx.check('ResetRequest.type is OnIdle', call.payload['type'] === 'OnIdle', { expected: 'OnIdle', actual: call.payload['type'], frames: framesOf(call) });
      ctx.check('ResetRequest.evseId is omitted', call.payload['evseId'] === undefined, { expected: 'absent', actual: call.payload['evseId'], frames: framesOf(call) });
    });
    await ctx.step('The station reboots, boots and reports its connectors (steps 3-6)', async () => {
      await reboot(ctx, 'RemoteReset');
    });
  },
});
