/**
 * Reusable states for OCPP 1.6 with the Central System under test, as the OCTT 1.6 test case
 * document (FINAL 2024-04) §3.22 defines them; the harness plays the Charge Point:
 * - Booted (Table 192): BootNotification.req with the configured vendor and model, status
 *   Accepted expected; then StatusNotification.req Available for connectorId 0 and every connector.
 *   Always sent, also when the Charge Point was accepted before (the state simulates a boot).
 * - Authorized (Table 193): Authorize.req with the configured valid idTag, Accepted expected.
 * - Charging (Table 194, before-state Authorized): StatusNotification.req Preparing on the
 *   configured connector, StartTransaction.req (configured valid idTag and connector, idTagInfo
 *   Accepted expected), StatusNotification.req Charging.
 * Preparing, Stopped and Unplugged are steps of our own that cases of other groups share (not
 * states of the document).
 *
 * `restore` brings the harness's charge point back to the §1.3 general preconditions after every
 * case: connected and accepted by the Central System, every connector Available, no open
 * transaction, its own configuration keys as at the start.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import {
  authorizeValid,
  bootNotification,
  chargePoint,
  connectorIds,
  defaultConfiguration,
  ensureBooted,
  reportAllConnectors,
  startTransaction,
  statusNotification,
  stopTransaction,
} from './charge-point.js';

const connectorOf = (ctx: TestContext, params: Record<string, unknown>): number =>
  typeof params.connectorId === 'number' ? params.connectorId : ctx.config.connectorId;

/** Plugged in: the connector is no longer free for someone else (OCPP 1.6 §4.9 Preparing); sent once. */
async function preparing(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  if (chargePoint(ctx).status.get(connectorId) === 'Preparing') return;
  await statusNotification(ctx, connectorId, 'Preparing');
}

export default defineStates({
  version: '1.6',
  sut: 'csms',
  states: {
    /** §3.22 Booted: BootNotification → Accepted, then connector 0 and each connector Available. */
    async Booted(ctx) {
      await ctx.peer();
      await bootNotification(ctx);
      await reportAllConnectors(ctx);
    },
    /** Our own: the EV is plugged in (StatusNotification Preparing). */
    async Preparing(ctx, params) {
      await preparing(ctx, params);
    },
    /** §3.22 Authorized: the configured valid idTag is presented, Authorize → Accepted. */
    async Authorized(ctx) {
      await ensureBooted(ctx);
      await authorizeValid(ctx);
    },
    /**
     * §3.22 Charging: Authorized first (unless this idTag is authorized already), then Preparing,
     * StartTransaction (idTagInfo Accepted) and Charging on the configured connector. `idTag` /
     * `connectorId` params choose others.
     */
    async Charging(ctx, params) {
      const model = chargePoint(ctx);
      const idTag = typeof params.idTag === 'string' ? params.idTag : ctx.config.idTokens.valid.idToken;
      await ensureBooted(ctx);
      if (model.authorizedIdTag !== idTag) await authorizeValid(ctx);
      await preparing(ctx, params);
      const tx = await startTransaction(ctx, idTag, connectorOf(ctx, params));
      await statusNotification(ctx, tx.connectorId, 'Charging');
    },
    /** Our own: the driver stops locally, StopTransaction (reason Local), StatusNotification Finishing. */
    async Stopped(ctx) {
      const tx = chargePoint(ctx).transaction;
      if (tx === undefined) return;
      await stopTransaction(ctx, 'Local');
      await statusNotification(ctx, tx.connectorId, 'Finishing');
    },
    /** Our own: the cable is removed, StatusNotification Available. */
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
