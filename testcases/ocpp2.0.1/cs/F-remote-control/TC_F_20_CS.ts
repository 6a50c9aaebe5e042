/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_20_CS — Trigger message, Heartbeat.
 * TriggerMessage(Heartbeat) must be Accepted and followed by a Heartbeat (Part 2 F06.FR.04/05/10).
 *
 * Our addition to the OCTT steps: the periodic heartbeat is moved far out for the duration of the
 * case (and put back afterwards), so the Heartbeat we then see can only be the triggered one.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready, fromNow } from '../_shared/case-support.js';

export default defineTestCase({
  id: 'TC_F_20_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - Heartbeat',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'TriggerMessage requestedMessage Heartbeat' },
  ],
  detects: ['trigger-message-ignored'],
  async run(ctx) {
    await ready(ctx);
    // Far beyond the wait below, so no periodic Heartbeat can stand in for the triggered one.
    const quietS = Math.ceil((ctx.config.messageTimeoutMs + ctx.toleranceMs) / 1000) * 10;
    await configure(ctx, [{ component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval', value: String(quietS) }]);
    await ctx.step('Steps 1-2: TriggerMessage requestedMessage Heartbeat', async () => {
      fromNow(ctx);
      await ctx.callExpect('TriggerMessage', { requestedMessage: 'Heartbeat' }, { match: { status: 'Accepted' } });
    });
    await ctx.step('Steps 3-4: the station sends a Heartbeat', async () => {
      await ctx.expectCall('Heartbeat');
    });
  },
});
