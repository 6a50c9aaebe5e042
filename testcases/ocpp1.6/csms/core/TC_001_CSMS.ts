/**
 * TC_001_CSMS Cold Boot Charge Point (OCPP 1.6 edition 2 §4.2 BootNotification, §4.6 Heartbeat,
 * §4.9 StatusNotification, §3.15 time notation; shape of 2.0.1 Part 6 TC_B_01_CSMS with the
 * Booted reusable state spelled out, as the OCA 1.6 document is not among our sources).
 *
 * The harness powers up as a Charge Point: BootNotification must be Accepted with the configured
 * heartbeat interval and the Central System's current time, the connector statuses acknowledged,
 * and a Heartbeat answered with the current time.
 */
import { checkDateTime, defineTestCase } from '../../../../src/engine/authoring.js';
import { bootNotification, chargePoint, disconnect, reportAllConnectors } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_001_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Cold Boot Charge Point',
  title: 'Cold Boot Charge Point',
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'BootNotification → Accepted with interval and currentTime' },
    { step: 2, checks: 'BootNotification → Accepted with interval and currentTime' },
    { step: 3, checks: 'StatusNotification for connector 0 and every connector → acknowledged' },
    { step: 5, checks: 'Heartbeat → currentTime' },
  ],
  detects: ['boot-always-pending', 'boot-without-interval', 'wrong-boot-interval', 'heartbeat-wrong-time'],
  async run(ctx) {
    await ctx.step('Power up: a fresh connection to the Central System', async () => {
      // A cold boot starts on a new connection; an accepted one left by an earlier case is closed.
      const model = chargePoint(ctx);
      if (model.bootedOn !== undefined && !model.bootedOn.closed) await disconnect(ctx, 'cold boot');
      await ctx.peer();
    });

    await ctx.step('1-2. BootNotification → Accepted with interval and currentTime', async () => {
      const answer = await bootNotification(ctx);
      const interval = answer.interval;
      // §4.2: with Accepted, interval is the heartbeat interval the Charge Point must adopt.
      ctx.check('BootNotification.conf interval is a positive number of seconds', typeof interval === 'number' && interval > 0, { expected: '> 0', actual: interval ?? 'absent' });
      ctx.check('BootNotification.conf interval is the configured heartbeat interval', interval === ctx.config.heartbeatIntervalS, {
        expected: `${ctx.config.heartbeatIntervalS} (configured heartbeatIntervalS: set it to the interval the Central System is configured to hand out)`,
        actual: interval ?? 'absent',
      });
      const time = typeof answer.currentTime === 'string' ? answer.currentTime : '';
      const problems = checkDateTime('1.6', time, '/currentTime').filter((f) => f.severity === 'error');
      ctx.check('BootNotification.conf currentTime is a date-time with a time zone (§3.14, §3.15)', time !== '' && problems.length === 0, {
        expected: 'yyyy-mm-ddThh:mm:ss[.fff](Z|±hh:mm)',
        actual: problems[0]?.message ?? (time || 'absent'),
      });
    });

    await ctx.step('3-4. StatusNotification for connector 0 and every connector → acknowledged', async () => {
      await reportAllConnectors(ctx);
    });

    await ctx.step('5-6. Heartbeat → currentTime', async () => {
      const answer = await ctx.callExpect('Heartbeat', {}, { match: (p) => typeof p.currentTime === 'string', describe: 'a currentTime' });
      const time = String(answer.currentTime);
      const problems = checkDateTime('1.6', time, '/currentTime').filter((f) => f.severity === 'error');
      ctx.check('Heartbeat.conf currentTime is a date-time with a time zone (§3.14, §3.15)', problems.length === 0, { expected: 'yyyy-mm-ddThh:mm:ss[.fff](Z|±hh:mm)', actual: problems[0]?.message ?? time });
    });
  },
});
