/**
 * OCPP 1.6 TC_002_CS — Cold Boot Charge Point - Pending. Derived from OCPP 1.6 edition 2 §4.2: while
 * Pending the charge point answers the Central System's requests but sends none of its own (only
 * BootNotification), and does not send the next BootNotification before the interval of the
 * BootNotification.conf; once Accepted it reports its connectors and heartbeats (errata v4.0
 * §3.22, §4.6). Shape of 2.0.1 Part 6 TC_B_02_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, fromNow, expectAcceptedBoot, framesOf, getConfiguration, noteConfigurationChange } from '../_shared/charge-point.js';
import { configuredMeterValueIntervalS } from '../_shared/configured.js';

export default defineTestCase({
  id: 'TC_002_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Cold Boot Charge Point',
  title: 'Cold Boot Charge Point - Pending',
  useCases: ['Boot Notification', 'Get Configuration', 'Change Configuration'],
  requirements: ['OCPP 1.6 §4.2', 'OCPP 1.6 §5.3', 'OCPP 1.6 §5.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 6, checks: 'ChangeConfiguration.conf status Accepted while Pending' },
    { step: 7, checks: 'the next BootNotification.req no sooner than the interval of the Pending answer, no other request before it' },
    { step: 9, checks: 'StatusNotification.req Available for connector 0 and every connector' },
    { step: 11, checks: 'Heartbeat.req every interval of the Accepted BootNotification.conf' },
  ],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_002_CS step 2 validates an own message of the Central System (BootNotification.conf status Pending); the harness plays the Central System and answers the first boot so: there is nothing of the charge point to judge in it' },
    { step: 3, reason: 'OCTT 1.6 document TC_002_CS step 3 validates an own message of the Central System (GetConfiguration.req with the key omitted); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 5, reason: 'OCTT 1.6 document TC_002_CS step 5 validates an own message of the Central System (ChangeConfiguration.req MeterValueSampleInterval); the harness plays the Central System and writes the configured meter value interval (extra.meterValueSampleIntervalS): there is nothing of the charge point to judge in it' },
    { step: 8, reason: 'OCTT 1.6 document TC_002_CS step 8 validates an own message of the Central System (BootNotification.conf status Accepted, interval the configured heartbeat interval); the harness plays the Central System and answers the retry so: there is nothing of the charge point to judge in it' },
  ],
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
      // Not a tool validation of the document, but an empty answer to "every key" is no answer.
      ctx.check('GetConfiguration.conf lists the configuration keys', keys.length > 0, { expected: 'at least one configurationKey', actual: `${keys.length} keys` });
      // Step 5 writes MeterValueSampleInterval (a required read-write Core key, 1.6 §9.1) with the
      // configured meter value interval; step 6 must be Accepted (put back after the case).
      const before = (await getConfiguration(ctx, ['MeterValueSampleInterval'])).get('MeterValueSampleInterval');
      const original = before?.value;
      if (original === undefined) return ctx.inconclusive('MeterValueSampleInterval cannot be read: it could not be put back after the case');
      const value = String(configuredMeterValueIntervalS(ctx));
      const res = await ctx.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      if (answer === 'Accepted') noteConfigurationChange(ctx, 'MeterValueSampleInterval', original);
      ctx.check('ChangeConfiguration.conf status', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 6 });
      accept = true;
    });

    const second = await ctx.step(`Next BootNotification.req not before ${retryS} s; nothing else in between`, async () => {
      const next = await ctx.expectGap('BootNotification', { after: pending, minMs: retryS * 1000, withinMs: retryS * 1000 + ctx.config.messageTimeoutMs, step: 7 });
      const between = ctx.journal().filter((e) => e.index > pending.index && e.index < next.index && e.kind === 'callIn' && e.action !== 'BootNotification');
      ctx.check('no request other than BootNotification while Pending', between.length === 0, {
        expected: 'only BootNotification.req',
        actual: between.length === 0 ? 'only BootNotification.req' : between.map((e) => ('action' in e ? e.action : e.kind)).join(', '),
        frames: [...framesOf(pending, next), ...between.flatMap((e) => ('frameSeq' in e && e.frameSeq !== undefined ? [e.frameSeq] : []))],
        step: 7,
      });
      bootExpected(ctx, false);
      return next;
    });
    await expectAcceptedBoot(ctx, second, { steps: { status: 9, heartbeat: 11 } });
  },
});
