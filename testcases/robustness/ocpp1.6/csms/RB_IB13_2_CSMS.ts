/**
 * Robustness catalogue (beyond the official one), IB-13: Crossing CALLs: the CSMS answers ours while its own CALL waits for our answer.
 * Enforces OCPP-J 1.6 §4.1.1 (one CALL in flight per direction: CALLs of both directions may cross).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'RB_IB13_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'IB-13',
  title: "Crossing CALLs: the CSMS answers ours while its own CALL waits for our answer",
  certification: [],
  robustness: { ib: 'IB-13', clause: "OCPP-J 1.6 \u00a74.1.1 (one CALL in flight per direction: CALLs of both directions may cross)", severity: 'critical', notCovered: "a second CALL of the DUT before the first is answered is flagged by the session layer on every case, not here" },
  states: ['Booted'],
  detects: ['blocks-while-own-call-pending'],
  async run(ctx) {
    const holdMs = 3000;
    ctx.respond('GetConfiguration', async (call) => {
      await ctx.sleep(holdMs).catch(() => undefined);
      void call;
      return { configurationKey: [], unknownKey: [] };
    });
    // The adapter waits until the CSMS's CALL is answered: start it now, await it at the end.
    const trigger = ctx.dut('triggerGetVariables');
    // Seen by the await at the end; a case that fails before it must not leave it unhandled.
    void trigger.catch(() => undefined);
    await ctx.step('The CSMS sends GetConfiguration', () => ctx.expectCall('GetConfiguration'));
    await ctx.step('While it waits for our answer, send Heartbeat', async () => {
      const outcome = await ctx.call('Heartbeat', {}, { timeoutMs: holdMs - 1000 });
      ctx.check('The CSMS answers Heartbeat before we answer its GetConfiguration', outcome.status === 'result', {
        expected: `a Heartbeat CALLRESULT within ${holdMs - 1000} ms`,
        actual: outcome.status === 'result' ? 'answered' : outcome.status === 'error' ? `CALLERROR ${outcome.errorCode}` : outcome.status === 'timeout' ? 'no answer' : 'the connection closed',
      });
    });
    await trigger;
  },
});
