/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_39_CSMS: the driver authorized (reusable state Authorized) but no EV
 * is plugged in before the configured EV connection timeout (extra.evConnectionTimeoutS): the
 * simulated station deauthorizes and ends the transaction (EVConnectTimeout, stoppedReason
 * Timeout). The CSMS must take it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';
import { evConnectionTimeoutMs } from './support.js';

export default defineTestCase({
  id: 'TC_E_39_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - Deauthorized - timeout',
  useCases: ['E03', 'E06'],
  requirements: ['E03.FR.04', 'E03.FR.05', 'E06.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Authorized'],
  detects: ['unusual-stopped-reason-error', 'transaction-ended-error'],
  async run(ctx) {
    await ctx.step('The EV connection timeout expires: TransactionEvent Ended, EVConnectTimeout (steps 1-2)', async () => {
      const waitMs = evConnectionTimeoutMs(ctx);
      if (waitMs > 0) await ctx.sleep(waitMs);
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'EVConnectTimeout', stoppedReason: 'Timeout' });
    });
  },
});
