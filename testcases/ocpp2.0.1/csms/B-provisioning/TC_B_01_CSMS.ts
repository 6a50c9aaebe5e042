/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_01_CSMS: the harness boots as a registered station (reusable state
 * Booted) and the CSMS must accept it with a usable heartbeat interval and a proper currentTime.
 * The interval must also be the one the CSMS is configured to hand out (B01.FR.02; the same check
 * as 1.6 TC_001_CSMS), so a CSMS answering some other interval does not pass.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_B_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Cold Boot Charging Station - Accepted',
  useCases: ['B01'],
  requirements: ['B01.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  detects: ['boot-always-pending', 'boot-without-interval', 'wrong-boot-interval', 'heartbeat-wrong-time'],
  async run(ctx) {
    const from = ctx.journal().length;
    await ctx.state('Booted');
    await ctx.step('Booted state step 2: BootNotificationResponse interval is the configured heartbeat interval', async () => {
      const entries = ctx.journal().slice(from);
      const call = entries.filter((e) => e.kind === 'callOut' && e.action === 'BootNotification').at(-1);
      const id = call?.kind === 'callOut' ? call.messageId : undefined;
      const answer = entries.find((e) => e.kind === 'resultIn' && e.messageId === id && e.connectionId === call?.connectionId);
      const interval = answer?.kind === 'resultIn' ? answer.payload['interval'] : undefined;
      ctx.check('BootNotificationResponse.interval is the configured heartbeat interval', interval === ctx.config.heartbeatIntervalS, {
        expected: `${ctx.config.heartbeatIntervalS} (configured heartbeatIntervalS: the interval the CSMS is configured to hand out)`,
        actual: interval ?? 'absent',
        ...(answer?.kind === 'resultIn' && answer.frameSeq !== undefined ? { frames: [answer.frameSeq] } : {}),
      });
    });
  },
});
