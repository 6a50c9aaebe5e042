/**
 * The scenario TC_E_29_CS and TC_E_33_CS share (Part 6 §2.6, Part 2 E14): during the energy
 * transfer the OCTT keeps the station offline for <Configured RetryBackOffWaitMinimum_duration>
 * (longer than the meter value interval, so sampled values queue up), accepts it again and at once
 * asks GetTransactionStatus, with or without the transactionId; then the station empties its queue:
 * Updated events with meter values, offline true.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { openTransactionId } from '../_shared/journal.js';
import { acceptReconnect, backOffSettings, closeAndRefuse, holdTransactionEvents, meterSettings, offlineValues } from './offline-queue.js';

export interface QueuedWhileCharging {
  /** The GetTransactionStatusResponse of step 4. */
  status: JsonObject;
  back: { acceptedWallMs: number; from: number };
}

export async function askStatusAfterOffline(ctx: TestContext, withId: boolean): Promise<QueuedWhileCharging> {
  await ready(ctx);
  const v = offlineValues(ctx);
  await configure(ctx, [...meterSettings(v), ...backOffSettings(v.retryBackOffS)]);
  await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  const transactionId = openTransactionId(ctx);
  if (transactionId === undefined) ctx.inconclusive('the station reported no ongoing transaction');
  const release = holdTransactionEvents(ctx);
  await ctx.step('Step 1: the OCTT closes the connection and refuses reconnects', () => closeAndRefuse(ctx, 'Part 6 step 1: offline during the energy transfer'));
  // Step 2: the station's first attempt comes RetryBackOffWaitMinimum after the loss; we accept from just before it.
  let back = { acceptedWallMs: 0, from: 0 };
  await ctx.step(`Step 2: after ${v.retryBackOffS} s the OCTT accepts the reconnection`, async () => {
    await ctx.sleep(Math.max(0, v.retryBackOffS * 1000 - 250));
    back = await acceptReconnect(ctx);
  });
  let status: JsonObject = {};
  await ctx.step(`Steps 3-4: GetTransactionStatus ${withId ? 'with the transactionId' : 'without transactionId'} at once`, async () => {
    try {
      status = await ctx.callExpect('GetTransactionStatus', withId ? { transactionId } : {});
    } finally {
      release();
    }
  });
  return { status, back };
}
