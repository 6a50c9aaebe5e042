/**
 * TC_037_1_CS / TC_037_2_CS / TC_037_3_CS (OCTT 1.6 document §2.14.2-§2.14.4): a transaction
 * started while the charge point is offline (1.6 §3.5 offline authorization: LocalAuthorizeOffline,
 * AllowOfflineTxForUnknownId …) is queued and sent once the connection is back (1.6 §4.8
 * StartTransaction, §3.7 transaction messages queued). The connector reports Charging; when the
 * Central System answers the idTag Invalid, the charge point either stops the transaction
 * (StopTransactionOnInvalidId true: reason DeAuthorized, Finishing) or suspends the energy
 * transfer (false: SuspendedEVSE), 1.6 §9.1.32 StopTransactionOnInvalidId.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransaction, plugIn, presentIdTag, setConfiguration } from '../_shared/charge-point.js';
import { clearAuthorizationCache } from '../_shared/auth-cache.js';
import { offlineConfiguration, offlineMemoryStates, removeConnectivity, restoreConnectivity } from './_states-extra.js';

export interface OfflineStart {
  start: ObservedCall;
  transactionId: number | undefined;
}

/**
 * The configuration and memory states, the offline start, steps 1-4 (StartTransaction.req,
 * StatusNotification.req Charging), then the case's own steps (`then`).
 */
export async function offlineStart(ctx: TestContext, idTag: string, options: { stopOnInvalid?: boolean } = {}, then?: (started: OfflineStart) => Promise<void>): Promise<void> {
  await clearAuthorizationCache(ctx);
  const answers = await ctx.step('Configuration states: offline authorization on', async () => {
    const set = await offlineConfiguration(ctx, options.stopOnInvalid === undefined ? {} : { StopTransactionOnInvalidId: String(options.stopOnInvalid) });
    // "MaxEnergyOnInvalidId is 0. (If implemented)": a charge point without the key is not held to it.
    if (options.stopOnInvalid !== undefined) await setConfiguration(ctx, 'MaxEnergyOnInvalidId', '0');
    return set;
  });
  // The invalid idTag cannot be cached as usable (the Central System never accepts it): only the local list holds it.
  await offlineMemoryStates(ctx, answers, idTag, { cacheable: options.stopOnInvalid === undefined });
  const started = await startedOffline(ctx, idTag);
  if (then) await then(started);
}

async function startedOffline(ctx: TestContext, idTag: string): Promise<OfflineStart> {
  const connectorId = ctx.config.connectorId;
  await ctx.step('Remove connectivity; the EV driver starts a transaction offline (cable and idTag)', async () => {
    await removeConnectivity(ctx);
    await plugIn(ctx, connectorId);
    await presentIdTag(ctx, idTag, connectorId);
  });
  await ctx.step('Restore connectivity', () => restoreConnectivity(ctx));
  return ctx.step('Steps 1-4: StartTransaction.req, StatusNotification.req Charging', async () => {
    // The Charging reusable state (OCTT 1.6 §2.25) lets these two come either way round ("Steps 11 and 13 may be reversed").
    const [start, sn] = await ctx.expectAll([{ action: 'StartTransaction', match: { connectorId } }, { action: 'StatusNotification', match: { connectorId } }], { step: 3 });
    if (!start) return ctx.fail('no StartTransaction.req');
    const transactionId = await noteTransaction(ctx, start);
    ctx.check('idTag is the one presented offline', start.payload['idTag'] === idTag, { expected: idTag, actual: start.payload['idTag'], frames: framesOf(start), step: 3 });
    ctx.check('status is Charging', sn?.payload['status'] === 'Charging', { expected: 'Charging', actual: sn?.payload['status'], frames: framesOf(sn), step: 3 });
    return { start, transactionId };
  });
}
