/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_02_CSMS: the CSMS is set to answer a station's first boot with
 * Pending. The simulated station cold-boots (fresh connection), is told Pending, waits the interval
 * it was given (or its configured heartbeat interval when that is 0) answering whatever the CSMS
 * asks meanwhile, boots again and must now be Accepted; then it reports its connectors.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportAllConnectors } from '../_shared/station.js';
import { freshConnection, outcomeText, sendBoot } from './support.js';

export default defineTestCase({
  id: 'TC_B_02_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Cold Boot Charging Station - Pending',
  useCases: ['B02', 'F06'],
  requirements: ['B02.FR.01', 'B02.FR.06'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: only when the CSMS implements the Pending mechanism (C-44).
  applies: { item: 'C-44' },
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'BootNotificationResponse status Pending' },
    { step: 3, checks: 'BootNotificationResponse to the second boot: status Accepted' },
  ],
  detects: ['pending-kept-on-same-connection'],
  async run(ctx) {
    await ctx.dut('setRegistrationPending');
    try {
      await freshConnection(ctx);
      const waitMs = await ctx.step('Steps 1-2: the station boots (PowerUp); the CSMS answers Pending', async () => {
        const { outcome, answer, frames } = await sendBoot(ctx, 'PowerUp');
        ctx.check('BootNotificationResponse.status is Pending', answer?.['status'] === 'Pending', { expected: 'Pending', actual: outcomeText(outcome), frames, step: 2 });
        const interval = answer?.['interval'];
        return (typeof interval === 'number' && interval > 0 ? interval : ctx.config.heartbeatIntervalS) * 1000;
      });
      // Part 6 note: the station waits the interval before booting again; the CSMS may ask for
      // reports or set variables meanwhile (the station's default answers take them).
      await ctx.sleep(waitMs);
      await ctx.step('Steps 3-4: after the interval the station boots again; the CSMS answers Accepted', async () => {
        const { outcome, answer, frames } = await sendBoot(ctx, 'PowerUp');
        ctx.check('BootNotificationResponse.status is Accepted', answer?.['status'] === 'Accepted', { expected: 'Accepted', actual: outcomeText(outcome), frames, step: 3 });
      });
    } finally {
      await ctx.dut('setRegistrationAccepted');
    }
    await ctx.step('Steps 5-6: the station reports all its connectors', () => reportAllConnectors(ctx));
  },
});
