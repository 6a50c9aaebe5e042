/**
 * Robustness catalogue (beyond the official one), IB-23: A BootNotification interval of 0 does not make the station flood heartbeats.
 * Enforces OCPP 1.6 BootNotification.conf interval (0: the station chooses; it must not flood).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'RB_IB23_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'IB-23',
  title: "A BootNotification interval of 0 does not make the station flood heartbeats",
  certification: [],
  robustness: { ib: 'IB-23', clause: "OCPP 1.6 BootNotification.conf interval (0: the station chooses; it must not flood)", severity: 'major', notCovered: "intervals 1 and 86400 and TriggerMessage(Heartbeat) are not exercised" },
  detects: ['heartbeat-interval-zero-flood'],
  timeoutMs: 60000,
  async run(ctx) {
    ctx.respond('BootNotification', () => ({ status: 'Accepted', currentTime: new Date(ctx.clock.wallMs()).toISOString(), interval: 0 }));
    await ctx.step('Reset the station', () => ctx.callExpect('Reset', { type: 'Soft' }, { match: { status: 'Accepted' } }));
    const boot = await ctx.step('It boots again', () => ctx.expectCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs }));
    await ctx.step('Count heartbeats for 4 s', async () => {
      await ctx.sleep(4000);
      const beats = ctx.journal().filter((e) => e.index > boot.index && e.kind === 'callIn' && e.action === 'Heartbeat').length;
      ctx.check('At most 4 heartbeats in 4 s', beats <= 4, { expected: 'a sane interval (≤ 1 per second)', actual: `${beats} Heartbeat${beats === 1 ? '' : 's'}` });
    });
  },
});
