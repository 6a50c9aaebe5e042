/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_30_CSMS: the CSMS is set to answer a station's first boot with
 * Pending (Rejected is allowed too). The simulated station cold-boots, is not accepted, and sends
 * StatusNotification anyway: the CSMS must refuse it with CALLERROR SecurityError (B02.FR.09,
 * B03.FR.07). The station then boots again so the next case finds it registered.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { connectorsOf, nowIso } from '../_shared/station.js';
import { callAndAnswer, freshConnection, outcomeText, sendBoot } from './support.js';

export default defineTestCase({
  id: 'TC_B_30_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Cold Boot Charging Station - Pending/Rejected - SecurityError',
  useCases: ['B02', 'B03'],
  requirements: ['B02.FR.09', 'B03.FR.07'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: the CSMS can be set to answer Pending first (C-44), or does not refuse unknown stations at the WebSocket (NOT AQ-6).
  applies: { any: [{ item: 'C-44' }, { not: { item: 'AQ-6' } }] },
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'BootNotificationResponse status Pending or Rejected' },
  ],
  detects: ['accepts-calls-while-pending'],
  async run(ctx) {
    await ctx.dut('setRegistrationPending');
    try {
      await freshConnection(ctx);
      await ctx.step('Steps 1-2: the station boots (PowerUp); the CSMS answers Pending or Rejected', async () => {
        const { outcome, answer, frames } = await sendBoot(ctx, 'PowerUp');
        const status = answer?.['status'];
        ctx.check('BootNotificationResponse.status is Pending or Rejected', status === 'Pending' || status === 'Rejected', { expected: 'Pending or Rejected', actual: outcomeText(outcome), frames, step: 2 });
      });
      await ctx.step('Steps 3-4: the station reports its connectors anyway; the CSMS answers CALLERROR SecurityError', async () => {
        const c = connectorsOf(ctx)[0] ?? { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
        const { outcome, frames } = await callAndAnswer(ctx, 'StatusNotification', { timestamp: nowIso(ctx), connectorStatus: 'Available', evseId: c.evseId, connectorId: c.connectorId });
        ctx.check('StatusNotificationRequest before acceptance is answered CALLERROR SecurityError', outcome.status === 'error' && outcome.errorCode === 'SecurityError', {
          expected: 'CALLERROR SecurityError',
          actual: outcomeText(outcome),
          frames,
        });
      });
    } finally {
      await ctx.dut('setRegistrationAccepted');
    }
  },
});
