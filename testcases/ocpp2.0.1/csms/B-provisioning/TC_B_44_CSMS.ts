/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_44_CSMS: the CSMS sets a new network connection profile and the
 * simulated station answers Failed. The document validates no field; what the wire can show is
 * that the CSMS sends the SetNetworkProfileRequest for a slot when asked, and that it takes the
 * Failed answer without breaking the session (the station's next message is still answered).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';
import { callAndAnswer, outcomeText, setNetworkProfile } from './support.js';

export default defineTestCase({
  id: 'TC_B_44_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Set new NetworkConnectionProfile - Failed',
  useCases: ['B09'],
  requirements: ['B09.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends a new profile; the station answers Failed', async () => {
      const call = await setNetworkProfile(ctx, 'Failed');
      const slot = call.payload['configurationSlot'];
      ctx.check('SetNetworkProfileRequest names a configuration slot (an integer)', Number.isInteger(slot), { expected: 'an integer', actual: slot ?? 'absent', frames: framesOf(call) });
    });
    await ctx.step('After the Failed answer the session goes on: a Heartbeat is answered', async () => {
      const { outcome, frames } = await callAndAnswer(ctx, 'Heartbeat', {});
      ctx.check('HeartbeatRequest after the Failed answer gets a HeartbeatResponse', outcome.status === 'result', { expected: 'a CALLRESULT', actual: outcomeText(outcome), frames });
    });
  },
});
