/**
 * OCPP 1.6 TC_002_CS — Cold Boot Charge Point - Pending. Derived from OCPP 1.6 edition 2 §4.2: while
 * Pending the charge point answers the Central System's requests but sends none of its own (only
 * BootNotification), and does not send the next BootNotification before the interval of the
 * BootNotification.conf; once Accepted it reports its connectors and heartbeats (errata v4.0
 * §3.22, §4.6). Shape of 2.0.1 Part 6 TC_B_02_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, fromNow, expectAcceptedBoot, framesOf, getConfiguration, noteConfigurationChange } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_002_CS',
  version: '1.6',
  sut: 'cs',
  block: '01 Cold Boot',
  title: 'Cold Boot Charge Point - Pending',
  useCases: ['Boot Notification', 'Get Configuration', 'Change Configuration'],
  requirements: ['OCPP 1.6 §4.2', 'OCPP 1.6 §5.3', 'OCPP 1.6 §5.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['ignores-boot-retry-interval', 'sends-before-boot-accepted'],
  async run(ctx) {
    // Long enough that an early retry stands out from the tolerance, short enough to keep the case quick.
    const retryS = Math.max(ctx.config.heartbeatIntervalS, Math.ceil((2 * ctx.toleranceMs) / 1000));
    let accept = false;
    ctx.respond('BootNotification', () => ({
      status: accept ? 'Accepted' : 'Pending',
      currentTime: new Date().toISOString(),
      interval: accept ? ctx.config.heartbeatIntervalS : retryS,
    }));

    await ctx.step('Power on (reboot) the charge point', async () => {
      bootExpected(ctx, true);
      fromNow(ctx);
      await ctx.dut('powerCycle');
    });
    const pending = await ctx.step(`BootNotification.req answered Pending with interval ${retryS} s`, () =>
      ctx.expectCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs }),
    );

    await ctx.step('While Pending, the Central System reads and changes the configuration', async () => {
      const all = await ctx.callExpect('GetConfiguration', {});
      const keys = (all['configurationKey'] as Array<{ key: string }> | undefined) ?? [];
      ctx.check('GetConfiguration.conf lists the configuration keys', keys.length > 0, { expected: 'at least one configurationKey', actual: `${keys.length} keys` });
      const before = (await getConfiguration(ctx, ['MeterValueSampleInterval'])).get('MeterValueSampleInterval');
      if (before?.value !== undefined && !before.readonly) {
        const value = before.value === '10' ? '15' : '10';
        await ctx.callExpect('ChangeConfiguration', { key: 'MeterValueSampleInterval', value }, { match: { status: 'Accepted' } });
        noteConfigurationChange(ctx, 'MeterValueSampleInterval', before.value);
      }
      accept = true;
    });

    const second = await ctx.step(`Next BootNotification.req not before ${retryS} s; nothing else in between`, async () => {
      const next = await ctx.expectGap('BootNotification', { after: pending, minMs: retryS * 1000, withinMs: retryS * 1000 + ctx.config.messageTimeoutMs });
      const between = ctx.journal().filter((e) => e.index > pending.index && e.index < next.index && e.kind === 'callIn' && e.action !== 'BootNotification');
      ctx.check('no request other than BootNotification while Pending', between.length === 0, {
        expected: 'only BootNotification.req',
        actual: between.length === 0 ? 'only BootNotification.req' : between.map((e) => ('action' in e ? e.action : e.kind)).join(', '),
        frames: [...framesOf(pending, next), ...between.flatMap((e) => ('frameSeq' in e && e.frameSeq !== undefined ? [e.frameSeq] : []))],
      });
      bootExpected(ctx, false);
      return next;
    });
    await expectAcceptedBoot(ctx, second);
  },
});
