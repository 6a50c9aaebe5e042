/**
 * OCPP 1.6 TC_039_CS — Offline Transaction (OCTT 1.6 document §2.14.6): a whole transaction
 * (start, local stop, cable out) happens while the charge point is offline; once the connection
 * is back it sends the queued StartTransaction.req and then the StopTransaction.req (reason Local
 * or omitted) for the transactionId the Central System gave (1.6 §3.7, §4.8, §4.10).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransaction, noteTransactionEnded, plugIn, presentIdTag, unplug } from '../_shared/charge-point.js';
import { clearAuthorizationCache } from '../_shared/auth-cache.js';
import { checkLocalStopReason, offlineConfiguration, offlineMemoryStates, removeConnectivity, restoreConnectivity } from './_states-extra.js';

export default defineTestCase({
  id: 'TC_039_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Offline Transaction',
  useCases: ['Start Transaction', 'Stop Transaction', 'Local Authorization'],
  requirements: ['OCPP 1.6 §3.5', 'OCPP 1.6 §3.7', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  // Prerequisite: "The Charge Point supports local stop transaction."
  applies: { item: 'HW-LocalStop' },
  states: ['Booted'],
  validations: [{ step: 3, checks: 'after the reconnection: StartTransaction.req, then StopTransaction.req of its transactionId, reason Local or omitted' }],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_039_CS step 2 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['offline-tx-refused', 'offline-stop-lost'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    await clearAuthorizationCache(ctx);
    const answers = await ctx.step('Configuration states: offline authorization on', () => offlineConfiguration(ctx));
    await offlineMemoryStates(ctx, answers, idTag, { cacheable: true });
    await ctx.step('Remove connectivity; offline the driver starts and stops a transaction and unplugs', async () => {
      await removeConnectivity(ctx);
      await plugIn(ctx, connectorId);
      await presentIdTag(ctx, idTag, connectorId);
      await presentIdTag(ctx, idTag, connectorId);
      await unplug(ctx, connectorId);
    });
    await ctx.step('Restore connectivity', () => restoreConnectivity(ctx));
    await ctx.step('Steps 1-4: StartTransaction.req, then StopTransaction.req (Local or omitted)', async () => {
      const [start, stop] = await ctx.expectSequence([{ action: 'StartTransaction', match: { connectorId } }, { action: 'StopTransaction' }], { step: 3 });
      const transactionId = start ? await noteTransaction(ctx, start) : undefined;
      noteTransactionEnded(ctx, connectorId);
      ctx.check('StopTransaction.req names the transactionId of the StartTransaction.conf', transactionId !== undefined && stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(start, stop), step: 3 });
      checkLocalStopReason(ctx, stop, 3);
    });
  },
});
