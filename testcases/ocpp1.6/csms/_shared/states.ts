/**
 * Reusable states for OCPP 1.6 with the Central System under test: the harness plays the Charge
 * Point. The OCA 1.6 test case document is not among our sources, so the states follow the shape
 * of the 2.0.1 Part 6 §3.18 CSMS reusable states (Booted, EVConnectedPreSession, Authorized,
 * EnergyTransferStarted, StopAuthorized, EVDisconnected) spelled in 1.6 messages (OCPP 1.6
 * edition 2 §4.1 Authorize, §4.2 BootNotification, §4.8 StartTransaction, §4.9
 * StatusNotification, §4.10 StopTransaction).
 *
 * `restore` brings the harness's charge point back to the general precondition of every case:
 * connected, accepted by the Central System, every connector Available, no open transaction,
 * its own configuration keys as at the start.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import {
  authorizeValid,
  chargePoint,
  connectorIds,
  defaultConfiguration,
  ensureBooted,
  startTransaction,
  statusNotification,
  stopTransaction,
} from './charge-point.js';

const connectorOf = (ctx: TestContext, params: Record<string, unknown>): number =>
  typeof params.connectorId === 'number' ? params.connectorId : ctx.config.connectorId;

/** Plugged in: the connector is no longer free for someone else (OCPP 1.6 §4.9 Preparing). */
async function preparing(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  if (chargePoint(ctx).status.get(connectorId) === 'Preparing') return;
  await statusNotification(ctx, connectorId, 'Preparing');
}

export default defineStates({
  version: '1.6',
  sut: 'csms',
  states: {
    /** Connected and accepted: BootNotification → Accepted, then connector 0 and each connector Available. */
    async Booted(ctx) {
      const model = chargePoint(ctx);
      const peer = await ctx.peer();
      if (model.bootedOn === peer && !peer.closed) {
        // The general restore keeps the charge point accepted between cases; no second boot.
        ctx.check('Charge Point accepted on the current connection', true, { expected: 'BootNotification Accepted on this connection', actual: 'accepted earlier on this connection' });
        return;
      }
      await ensureBooted(ctx);
    },
    /** The EV is plugged in: StatusNotification Preparing. */
    async Preparing(ctx, params) {
      await preparing(ctx, params);
    },
    /** The configured valid idTag is presented: Authorize → Accepted. */
    async Authorized(ctx) {
      await authorizeValid(ctx);
    },
    /**
     * Energy is flowing: plugged in and authorized when not yet, then StartTransaction (a
     * transactionId > 0, idTagInfo Accepted) and StatusNotification Charging.
     */
    async Charging(ctx, params) {
      const model = chargePoint(ctx);
      const idTag = typeof params.idTag === 'string' ? params.idTag : ctx.config.idTokens.valid.idToken;
      await preparing(ctx, params);
      if (model.authorizedIdTag !== idTag) await authorizeValid(ctx);
      const tx = await startTransaction(ctx, idTag, connectorOf(ctx, params));
      await statusNotification(ctx, tx.connectorId, 'Charging');
    },
    /** The driver stops locally: StopTransaction (reason Local), StatusNotification Finishing. */
    async Stopped(ctx) {
      const tx = chargePoint(ctx).transaction;
      if (tx === undefined) return;
      await stopTransaction(ctx, 'Local');
      await statusNotification(ctx, tx.connectorId, 'Finishing');
    },
    /** The cable is removed: StatusNotification Available. */
    async Unplugged(ctx, params) {
      await statusNotification(ctx, connectorOf(ctx, params), 'Available');
    },
  },

  async restore(ctx) {
    const model = chargePoint(ctx);
    await ensureBooted(ctx);
    const tx = model.transaction;
    if (tx !== undefined) {
      // Close our side of the transaction whatever the Central System answers: a CALLERROR here
      // was judged by the case that provoked it; only a silent Central System stops the run.
      model.transaction = undefined;
      const outcome = await ctx.call('StopTransaction', { transactionId: tx.transactionId, idTag: tx.idTag, meterStop: tx.meterStartWh + 1250, timestamp: new Date(ctx.clock.wallMs()).toISOString(), reason: 'Local' });
      if (outcome.status === 'timeout' || outcome.status === 'closed') throw new Error(`the Central System did not answer StopTransaction for transaction ${tx.transactionId} (${outcome.status})`);
      model.meterWh = tx.meterStartWh + 1250;
      await statusNotification(ctx, tx.connectorId, 'Finishing');
    }
    for (const id of connectorIds(ctx)) {
      const status = model.status.get(id);
      if (status !== undefined && status !== 'Available') await statusNotification(ctx, id, 'Available');
    }
    model.authorizedIdTag = undefined;
    model.configuration = defaultConfiguration(ctx.config);
  },
});
