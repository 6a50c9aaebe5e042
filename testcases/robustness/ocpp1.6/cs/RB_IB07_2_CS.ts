/**
 * Robustness catalogue (beyond the official one), IB-07: After the CSMS closes with 1000 the station connects again.
 * Enforces OCPP-J 1.6 §5 (reconnect after a connection loss, whatever the close code).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectStillServing } from '../../_support/raw.js';

export default defineTestCase({
  id: 'RB_IB07_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'IB-07',
  title: "After the CSMS closes with 1000 the station connects again",
  certification: [],
  robustness: { ib: 'IB-07', clause: "OCPP-J 1.6 \u00a75 (reconnect after a connection loss, whatever the close code)", severity: 'critical', notCovered: "close codes 1001, 1011, 4xxx and an abrupt TCP drop, and the measured retry schedule, are not exercised here" },
  detects: ['no-reconnect'],
  async run(ctx) {
    await ctx.peer();
    const from = (ctx.journal().at(-1)?.index ?? -1) + 1;
    await ctx.step('Close the connection with 1000', () => ctx.closeConnection({ reason: 'robustness: clean close' }));
    const reconnected = await ctx.step('The station reconnects', async () => {
      const deadline = ctx.clock.monoMs() + ctx.config.connectTimeoutMs;
      const seen = (): boolean => ctx.journal().some((e) => e.index >= from && e.kind === 'connected');
      while (!seen() && ctx.clock.monoMs() < deadline) await ctx.sleep(100);
      const ok = seen();
      ctx.check('A new connection from the station', ok, { expected: `a reconnection within ${ctx.config.connectTimeoutMs} ms`, actual: ok ? 'reconnected' : 'none' });
      return ok;
    });
    if (reconnected) await expectStillServing(ctx);
  },
});
