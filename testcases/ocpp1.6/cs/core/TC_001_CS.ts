/**
 * OCPP 1.6 TC_001_CS — Cold Boot Charge Point. The OCA 1.6 test document is not available: steps
 * and checks are derived from OCPP 1.6 edition 2 §4.2 (BootNotification), §4.6 (Heartbeat), the
 * errata sheet v4.0 §3.22 (StatusNotification for connector 0 and every connector after Accepted)
 * and §9.1.10 (HeartbeatInterval), in the shape of 2.0.1 Part 6 TC_B_01_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, fromNow, expectAcceptedBoot } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_001_CS',
  version: '1.6',
  sut: 'cs',
  block: '01 Cold Boot',
  title: 'Cold Boot Charge Point',
  useCases: ['Boot Notification', 'Heartbeat', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.2', 'OCPP 1.6 §4.6', 'OCPP 1.6 errata v4.0 §3.22'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['no-status-after-boot', 'wrong-heartbeat-interval', 'invalid-boot-payload'],
  async run(ctx) {
    await ctx.step('Power on (reboot) the charge point', async () => {
      bootExpected(ctx, true);
      fromNow(ctx);
      await ctx.dut('powerCycle');
    });
    const boot = await ctx.step('The charge point sends BootNotification.req; the harness answers Accepted', async () => {
      const call = await ctx.expectCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs });
      bootExpected(ctx, false);
      return call;
    });
    await expectAcceptedBoot(ctx, boot);
  },
});
