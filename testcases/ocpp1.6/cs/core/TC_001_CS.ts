/**
 * OCPP 1.6 TC_001_CS — Cold Boot Charge Point (OCTT 1.6 document, TC_001_CS): after a power cycle
 * the first BootNotification.req is answered Rejected (step 2); the charge point sends the next
 * one no sooner than the interval of that answer and nothing else in between (step 3, 1.6 §4.2:
 * while Rejected it "SHALL NOT send any OCPP message" but the retry); that one is Accepted with the
 * configured heartbeat interval (step 4), then StatusNotification.req Available for connector 0
 * and every connector (step 5, errata v4.0 §3.22) and a Heartbeat.req every interval (step 7, §4.6).
 */
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, expectAcceptedBoot, framesOf, fromNow } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_001_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Cold Boot Charge Point',
  title: 'Cold Boot Charge Point',
  useCases: ['Boot Notification', 'Heartbeat', 'Status Notification'],
  requirements: ['OCPP 1.6 §4.2', 'OCPP 1.6 §4.6', 'OCPP 1.6 errata v4.0 §3.22'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 3, checks: 'the next BootNotification.req no sooner than the interval of the Rejected answer, no other request before it' },
    { step: 5, checks: 'StatusNotification.req Available for connector 0 and every connector' },
    { step: 7, checks: 'Heartbeat.req every interval of the Accepted BootNotification.conf' },
  ],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_001_CS step 2 validates an own message of the Central System (BootNotification.conf status Rejected); the harness plays the Central System and answers the first boot so: there is nothing of the charge point to judge in it' },
    { step: 4, reason: 'OCTT 1.6 document TC_001_CS step 4 validates an own message of the Central System (BootNotification.conf status Accepted, interval the configured heartbeat interval); the harness answers the retry so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['no-status-after-boot', 'wrong-heartbeat-interval', 'invalid-boot-payload', 'ignores-boot-retry-interval', 'sends-before-boot-accepted'],
  async run(ctx) {
    // Long enough that an early retry stands out from the tolerance, short enough to keep the case quick.
    const retryS = Math.max(ctx.config.heartbeatIntervalS, Math.ceil((2 * ctx.toleranceMs) / 1000));
    let boots = 0;
    ctx.respond('BootNotification', () => {
      const first = boots++ === 0;
      return { status: first ? 'Rejected' : 'Accepted', currentTime: new Date().toISOString(), interval: first ? retryS : ctx.config.heartbeatIntervalS };
    });
    await ctx.step('Power on (reboot) the charge point', async () => {
      bootExpected(ctx, true);
      fromNow(ctx);
      await ctx.dut('powerCycle');
    });
    const rejected = await ctx.step(`Steps 1-2: BootNotification.req answered Rejected with interval ${retryS} s`, () =>
      ctx.expectCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs }),
    );
    const boot = await ctx.step(`Steps 3-4: the next BootNotification.req not before ${retryS} s, nothing else in between; answered Accepted`, async () => {
      const next: ObservedCall = await ctx.expectGap('BootNotification', { after: rejected, minMs: retryS * 1000, withinMs: retryS * 1000 + ctx.config.connectTimeoutMs, step: 3 });
      const between = ctx.journal().filter((e) => e.index > rejected.index && e.index < next.index && e.kind === 'callIn' && e.action !== 'BootNotification');
      ctx.check('no request other than BootNotification while Rejected', between.length === 0, {
        expected: 'only BootNotification.req',
        actual: between.length === 0 ? 'only BootNotification.req' : between.map((e) => ('action' in e ? e.action : e.kind)).join(', '),
        frames: [...framesOf(rejected, next), ...between.flatMap((e) => ('frameSeq' in e && e.frameSeq !== undefined ? [e.frameSeq] : []))],
        step: 3,
      });
      bootExpected(ctx, false);
      return next;
    });
    await expectAcceptedBoot(ctx, boot, { steps: { status: 5, heartbeat: 7 } });
  },
});
