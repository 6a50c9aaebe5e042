/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_40_CS — Offline Behaviour, connection loss during
 * a transaction. The OCTT keeps the station offline for <Configured RetryBackOffWaitMinimum_duration>
 * during the energy transfer; the sampled meter values of that time are queued and, back online,
 * sent in order as Updated events with meter values and offline true (Part 2 E11.FR.01/02/06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { acceptReconnect, backOffSettings, checkQueued, closeAndRefuse, meterSettings, offlineValues, queuedEvents } from './offline-queue.js';

export default defineTestCase({
  id: 'TC_E_40_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Offline Behaviour - Connection loss during transaction',
  useCases: ['E11'],
  requirements: ['E11.FR.01', 'E11.FR.02', 'E11.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 3, checks: 'every queued TransactionEvent: eventType Updated, meterValue present, offline true' }],
  detects: ['no-offline-flag', 'drops-offline-transaction-events'],
  async run(ctx) {
    await ready(ctx);
    const v = offlineValues(ctx);
    await configure(ctx, [...meterSettings(v), { component: 'SampledDataCtrlr', variable: 'Enabled', value: 'true' }, ...backOffSettings(v.retryBackOffS)]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Step 1: the OCTT closes the connection and refuses reconnects', () => closeAndRefuse(ctx, 'Part 6 TC_E_40_CS step 1'));
    let back = { acceptedWallMs: 0, from: 0 };
    await ctx.step(`Step 2: after ${v.retryBackOffS} s the OCTT accepts the reconnection`, async () => {
      // The station's first attempt comes RetryBackOffWaitMinimum after the loss; we accept from just before it.
      await ctx.sleep(Math.max(0, v.retryBackOffS * 1000 - 250));
      back = await acceptReconnect(ctx);
    });
    await ctx.step('Steps 3-4: the station empties its queue', async () => {
      const queued = await queuedEvents(ctx, back, { step: 3 });
      checkQueued(ctx, queued, { step: 3, eventType: 'Updated', meterValues: true });
    });
  },
});
