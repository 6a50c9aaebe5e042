/**
 * OCPP 1.6 reusable states for SUT = charge point (the harness plays the Central System),
 * modelled on the 2.0.1 Part 6 §2.2 reusable states but in 1.6 terms (OCPP 1.6 edition 2 §4.8,
 * §4.9, §4.10 and the ChargePointStatus vocabulary of §7.7):
 *
 * - Booted: the charge point is connected and accepted (the general precondition).
 * - Preparing: the cable is plugged in, no transaction (2.0.1 EVConnectedPreSession).
 * - Authorized: a valid idTag was presented locally, no cable yet.
 * - Charging: cable in and valid idTag presented, StartTransaction sent (2.0.1 EnergyTransferStarted).
 * - StopAuthorized: the same idTag presented again, StopTransaction sent, cable still in (Finishing).
 * - EVDisconnected: the cable is removed, the connector is Available again.
 *
 * Helpers used by the cases (./charge-point.ts) keep a small ledger of what the harness changed on the charge point
 * (configuration keys, cables plugged in, transactions started, connectors made inoperative);
 * `restore` (./restore.ts) undoes exactly that after every case, then checks every connector is Available.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { fromNow, ledgerOf, noteTransaction, noteTransactionEnded, plugIn, presentIdTag, status, transactionStatuses, unplug } from './charge-point.js';
import { restore } from './restore.js';

// ---- the states -------------------------------------------------------------------------------

function connectorOf(ctx: TestContext, params: Record<string, unknown>): number {
  return typeof params['connectorId'] === 'number' ? params['connectorId'] : ctx.config.connectorId;
}
function idTagOf(ctx: TestContext, params: Record<string, unknown>): string {
  return typeof params['idTag'] === 'string' ? params['idTag'] : ctx.config.idTokens.valid.idToken;
}

/**
 * Booted: connected and registered. At the start of a run the charge point may still be booting
 * (it connects when the harness starts listening): wait for its first BootNotification.req of the
 * run (searched from the start of the journal) and the StatusNotification.req of each connector.
 */
async function booted(ctx: TestContext): Promise<void> {
  await ctx.peer();
  const ledger = ledgerOf(ctx);
  if (ledger.knownBooted || ledger.bootExpected) return;
  const boot = await ctx.maybeCall('BootNotification', { from: 0, withinMs: ctx.config.connectTimeoutMs });
  if (boot) {
    for (let c = 1; c <= ctx.config.numberOfEvses; c++) await ctx.maybeCall('StatusNotification', { from: boot.index + 1, match: { connectorId: c } });
    fromNow(ctx);
  }
  ledger.knownBooted = true;
}

async function preparing(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await booted(ctx);
  const connectorId = connectorOf(ctx, params);
  await plugIn(ctx, connectorId);
  await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
}

async function authorized(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await booted(ctx);
  const connectorId = connectorOf(ctx, params);
  await presentIdTag(ctx, idTagOf(ctx, params), connectorId);
  await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
}

async function charging(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  const idTag = idTagOf(ctx, params);
  await preparing(ctx, params);
  await presentIdTag(ctx, idTag, connectorId);
  const [start] = await ctx.expectAll([
    { action: 'StartTransaction', match: { connectorId, idTag } },
    { action: 'StatusNotification', match: (p) => p['connectorId'] === connectorId && (transactionStatuses as readonly string[]).includes(String(p['status'])), describe: 'a transaction status' },
  ]);
  if (start) await noteTransaction(ctx, start);
}

async function stopAuthorized(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  await presentIdTag(ctx, idTagOf(ctx, params), connectorId);
  await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: status(connectorId, 'Finishing') }]);
  noteTransactionEnded(ctx, connectorId);
}

async function evDisconnected(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  await unplug(ctx, connectorId);
  await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Available') });
}

export default defineStates({
  version: '1.6',
  sut: 'cs',
  states: {
    Booted: booted,
    Preparing: preparing,
    Authorized: authorized,
    Charging: charging,
    StopAuthorized: stopAuthorized,
    EVDisconnected: evDisconnected,
  },
  restore,
});
