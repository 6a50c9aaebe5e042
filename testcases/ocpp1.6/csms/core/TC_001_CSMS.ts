/**
 * TC_001_CSMS Cold Boot Charge Point (OCTT 1.6 document §3.1.1, Table 117; OCPP 1.6 §4.2
 * BootNotification, §4.6 Heartbeat, §4.9 StatusNotification).
 *
 * The harness powers up as a Charge Point on a fresh connection: BootNotification must be
 * Accepted (step 2), the StatusNotification Available of connector 0 and every connector answered
 * (step 3), and the Heartbeat the Charge Point sends at the interval of step 2 answered with the
 * current time (step 5).
 */
import { checkDateTime, defineTestCase } from '../../../../src/engine/authoring.js';
import { bootNotification, chargePoint, disconnect, reportAllConnectors, request } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_001_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Cold Boot Charge Point',
  title: 'Cold Boot Charge Point',
  requirements: ['OCPP 1.6 §4.2', 'OCPP 1.6 §4.6', 'OCPP 1.6 §4.9'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'BootNotification.req sent on the new connection; its answer is judged at step 2' },
    { step: 2, checks: 'BootNotification.conf status Accepted' },
    { step: 3, checks: 'StatusNotification.req Available for connector 0 and every connector, each answered' },
    { step: 5, checks: 'the interval of step 2 is a usable heartbeat interval; Heartbeat.conf with an RFC 3339 currentTime' },
  ],
  detects: ['boot-always-pending', 'boot-without-interval', 'heartbeat-wrong-time'],
  async run(ctx) {
    await ctx.step('Power up: a fresh connection to the Central System', async () => {
      // A cold boot starts on a new connection; an accepted one left by an earlier case is closed.
      const model = chargePoint(ctx);
      if (model.bootedOn !== undefined && !model.bootedOn.closed) await disconnect(ctx, 'cold boot');
      await ctx.peer();
    });

    let interval: unknown;
    await ctx.step('Steps 1-2: BootNotification.req → BootNotification.conf status Accepted', async () => {
      const answer = await bootNotification(ctx, { step: 2 });
      interval = answer.interval;
      // §4.2: with Accepted, interval is the heartbeat interval; only the configured one is expected of it as a hint.
      ctx.check('BootNotification.conf interval is the configured heartbeat interval', interval === ctx.config.heartbeatIntervalS, {
        expected: `${ctx.config.heartbeatIntervalS} (configured heartbeatIntervalS)`,
        actual: interval ?? 'absent',
        severity: 'warning',
        step: 2,
      });
    });

    await ctx.step('Steps 3-4: StatusNotification.req Available per connector and connectorId 0 → answered', async () => {
      await reportAllConnectors(ctx, { step: 3 });
    });

    await ctx.step('Steps 5-6: Heartbeat.req at the interval of step 2 → Heartbeat.conf currentTime', async () => {
      // Step 5 has the Charge Point send a Heartbeat every `interval` seconds: it needs one > 0.
      ctx.check('BootNotification.conf interval is a positive number of seconds (the Heartbeat period of step 5)', typeof interval === 'number' && interval > 0, { expected: '> 0', actual: interval ?? 'absent', step: 5 });
      // The Central System's answer does not depend on when the Heartbeat comes; the first one is sent now.
      const answer = await request(ctx, 'Heartbeat', {}, { step: 5 });
      const time = typeof answer.payload.currentTime === 'string' ? answer.payload.currentTime : '';
      const problems = checkDateTime('1.6', time, '/currentTime').filter((f) => f.severity === 'error');
      ctx.check('Heartbeat.conf currentTime is a date-time with a time zone (OCPP 1.6 §3.14, §3.15)', time !== '' && problems.length === 0, {
        expected: 'yyyy-mm-ddThh:mm:ss[.fff](Z|±hh:mm)',
        actual: problems[0]?.message ?? (time || 'absent'),
        frames: answer.frames,
        step: 5,
      });
    });
  },
});
