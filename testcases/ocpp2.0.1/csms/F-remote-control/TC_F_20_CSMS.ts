/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_20_CSMS: the CSMS asks the station for a Heartbeat through
 * TriggerMessage; the simulated station accepts and sends it, and the CSMS answers with a proper
 * currentTime.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, isRfc3339, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_F_20_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - Heartbeat',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'The CSMS sends TriggerMessageRequest Heartbeat (steps 1-2)' },
  ],
  detects: ['trigger-message-wrong-message', 'ignores-trigger'],
  async run(ctx) {
    await ctx.step('The CSMS sends TriggerMessageRequest Heartbeat (steps 1-2)', async () => {
      const call = await triggered(ctx, {
        action: 'TriggerMessage',
        trigger: 'triggerTriggerMessage',
        params: { requestedMessage: 'Heartbeat' },
        respond: (payload) => ({ status: payload['requestedMessage'] === 'Heartbeat' ? 'Accepted' : 'Rejected' }),
      });
      ctx.check('TriggerMessageRequest.requestedMessage is Heartbeat', call.payload['requestedMessage'] === 'Heartbeat', {
        expected: 'Heartbeat',
        actual: call.payload['requestedMessage'],
        frames: framesOf(call),
      });
    });
    await ctx.step('The station sends the Heartbeat (steps 3-4)', async () => {
      await ctx.callExpect('Heartbeat', {}, { match: (p) => isRfc3339(p['currentTime']), describe: 'currentTime as an RFC 3339 date-time with offset' });
    });
  },
});
