/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_27_CSMS: the CSMS sends a TriggerMessage (for a message the operator
 * chooses; the run asks for SignCombinedCertificate) and the simulated station answers
 * NotImplemented. Part 6 validates nothing more; our addition, to see that the CSMS handled the
 * answer: it still answers the station afterwards (a Heartbeat).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { isRfc3339, triggered } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_F_27_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - NotImplemented',
  useCases: ['F06'],
  requirements: ['F06.FR.08'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['ignores-trigger'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends TriggerMessage, answered NotImplemented', async () => {
      await triggered(ctx, { action: 'TriggerMessage', trigger: 'triggerTriggerMessage', params: { requestedMessage: 'SignCombinedCertificate' }, respond: () => ({ status: 'NotImplemented' }) });
    });
    await ctx.step('After the steps: the CSMS still answers the station', async () => {
      await ctx.callExpect('Heartbeat', {}, { match: (p) => isRfc3339(p['currentTime']), describe: 'currentTime as an RFC 3339 date-time with offset' });
    });
  },
});
