/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_04_CSMS: remote start before the cable, but no EV is plugged in.
 * The CSMS's RequestStartTransactionRequest must carry the configured valid idToken; the
 * simulated station starts the transaction with RemoteStart and, after the configured transaction
 * duration, deauthorizes it with EVConnectTimeout. The CSMS must take every event.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { acceptRemoteStart, reportRemoteStart, sendTransactionEvent, stationOf, transactionDurationMs } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_F_04_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Remote start transaction - Remote start first - Cable plugin timeout',
  useCases: ['F02', 'E03'],
  requirements: ['E03.FR.04', 'E03.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'The CSMS sends RequestStartTransactionRequest (steps 1-2)' },
  ],
  detects: ['remote-start-without-idtoken'],
  async run(ctx) {
    const start = await ctx.step('The CSMS sends RequestStartTransactionRequest (steps 1-2)', () => acceptRemoteStart(ctx));
    await ctx.step('The station starts the transaction (steps 3-4)', () => reportRemoteStart(ctx, start, 'Started'));
    await ctx.step('No EV is plugged in: EVConnectTimeout (steps 5-6)', async () => {
      const durationMs = transactionDurationMs(ctx);
      if (durationMs > 0) await ctx.sleep(durationMs);
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'EVConnectTimeout' });
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = false;
    });
  },
});
