/**
 * OCPP 1.6 reusable and memory states for SUT = charge point (the harness plays the Central
 * System), as the OCTT 1.6 document (FINAL 2024-04) defines them, with its general pre- and post-
 * conditions (§1.3):
 *
 * - Booted: the general precondition — connected and accepted; once per run MinimumStatusDuration 0
 *   and an empty authorization cache (§1.3).
 * - §2.25 reusable states (./reusable-states.ts): GetConfiguration, Authorized, Charging (plug in,
 *   remote start), SetConnectorFaulted, SetChargePointFaulted, SetConnectorUnavailable,
 *   SetChargePointUnavailable, SetConnectorOccupied, Reserved.
 * - §2.26 memory states (./memory-states.ts): IdTagCached, IdTagLocalAuthList, CertificateInstalled,
 *   RenewChargePointCertificate, SetChargingProfile.
 * - Harness states kept for the cases that use them: Preparing (= SetConnectorOccupied),
 *   StopAuthorized (the idTag presented again: StopTransaction, Finishing), EVDisconnected (unplugged: Available).
 *
 * Helpers used by the cases (./charge-point.ts) keep a small ledger of what the harness changed on
 * the charge point; `restore` (./restore.ts) undoes exactly that after every case, then checks every
 * connector is Available.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { fromNow, ledgerOf, noteTransactionEnded, plugIn, presentIdTag, status, unplug } from './charge-point.js';
import { generalPreconditions } from './config-states.js';
import { certificateInstalledState, idTagCachedState, idTagLocalAuthListState, renewChargePointCertificateState, setChargingProfileState } from './memory-states.js';
import { restore } from './restore.js';
import {
  authorizedState,
  chargingState,
  connectorOf,
  getConfigurationState,
  idTagOf,
  reservedState,
  setChargePointFaultedState,
  setChargePointUnavailableState,
  setConnectorFaultedState,
  setConnectorOccupiedState,
  setConnectorUnavailableState,
} from './reusable-states.js';

// ---- the states -------------------------------------------------------------------------------

/**
 * Booted: connected and registered. At the start of a run the charge point may still be booting
 * (it connects when the harness starts listening): wait for its first BootNotification.req of the
 * run (searched from the start of the journal) and the StatusNotification.req of each connector.
 */
async function booted(ctx: TestContext): Promise<void> {
  await ctx.peer();
  const ledger = ledgerOf(ctx);
  if (ledger.knownBooted || ledger.bootExpected) {
    await generalPreconditions(ctx);
    return;
  }
  const boot = await ctx.maybeCall('BootNotification', { from: 0, withinMs: ctx.config.connectTimeoutMs });
  if (boot) {
    for (let c = 1; c <= ctx.config.numberOfEvses; c++) await ctx.maybeCall('StatusNotification', { from: boot.index + 1, match: { connectorId: c } });
    fromNow(ctx);
  }
  ledger.knownBooted = true;
  await generalPreconditions(ctx);
}

async function preparing(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await booted(ctx);
  const connectorId = connectorOf(ctx, params);
  await plugIn(ctx, connectorId);
  await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
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
    // §2.25 reusable states.
    GetConfiguration: async (ctx, params) => {
      await getConfigurationState(ctx, typeof params['key'] === 'string' ? params['key'] : 'AuthorizeRemoteTxRequests');
    },
    Authorized: async (ctx, params) => {
      await booted(ctx);
      await authorizedState(ctx, params);
    },
    Charging: async (ctx, params) => {
      await booted(ctx);
      await chargingState(ctx, params);
    },
    SetConnectorFaulted: setConnectorFaultedState,
    SetChargePointFaulted: setChargePointFaultedState,
    SetConnectorUnavailable: setConnectorUnavailableState,
    SetChargePointUnavailable: setChargePointUnavailableState,
    SetConnectorOccupied: setConnectorOccupiedState,
    Reserved: reservedState,
    // §2.26 memory states.
    IdTagCached: idTagCachedState,
    IdTagLocalAuthList: idTagLocalAuthListState,
    CertificateInstalled: certificateInstalledState,
    RenewChargePointCertificate: renewChargePointCertificateState,
    SetChargingProfile: setChargingProfileState,
    // Harness states.
    StopAuthorized: stopAuthorized,
    EVDisconnected: evDisconnected,
  },
  restore,
});
