/**
 * OCPP 2.0.1 Part 6 §3.18: the cross-block reusable states for SUT = CSMS (Booted,
 * EVConnectedPreSession, Authorized, EnergyTransferStarted, StopAuthorized,
 * EVConnectedPostSession, EVDisconnected), our own `Idle` (the general preconditions of §3.1 for a
 * case that names no state), and `restore`, which brings the CSMS back to "station connected,
 * booted, idle, no transaction open" after every case. Block states live in `<block>/states.ts`.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { boot, connectorsOf, dropConnection, ensureBooted, idTokenOf, idTokenStatusIn, nowIso, reportAllConnectors, reportStatus, sendTransactionEvent, stationOf, transactionDurationMs } from './station.js';

// ---- the reusable states -----------------------------------------------------------------------

async function authorized(ctx: TestContext): Promise<void> {
  await ensureBooted(ctx);
  const station = stationOf(ctx);
  const valid = ctx.config.idTokens.valid;
  await ctx.callExpect('Authorize', { idToken: idTokenOf(valid) }, { match: idTokenStatusIn('Accepted'), describe: 'idTokenInfo.status Accepted' });
  await sendTransactionEvent(ctx, {
    eventType: station.transaction ? 'Updated' : 'Started',
    triggerReason: 'Authorized',
    idToken: valid,
    match: idTokenStatusIn('Accepted'),
    describe: 'idTokenInfo.status Accepted',
  });
  if (station.transaction) station.transaction.authorized = true;
}

async function evConnectedPreSession(ctx: TestContext): Promise<void> {
  await ensureBooted(ctx);
  const station = stationOf(ctx);
  station.evConnected = true;
  await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Occupied');
  await sendTransactionEvent(ctx, { eventType: station.transaction ? 'Updated' : 'Started', triggerReason: 'CablePluggedIn', chargingState: 'EVConnected', withEvse: true });
}

async function energyTransferStarted(ctx: TestContext): Promise<void> {
  const station = stationOf(ctx);
  if (!station.transaction?.authorized) await ctx.state('Authorized');
  if (!station.evConnected) {
    station.evConnected = true;
    await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Occupied');
    await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'CablePluggedIn', chargingState: 'EVConnected', withEvse: true });
  }
  await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'Charging' });
}

async function stopAuthorized(ctx: TestContext): Promise<void> {
  const station = stationOf(ctx);
  if (station.transaction?.chargingState !== 'Charging') await ctx.state('EnergyTransferStarted');
  const durationMs = transactionDurationMs(ctx);
  if (durationMs > 0) await ctx.sleep(durationMs);
  await sendTransactionEvent(ctx, {
    eventType: 'Updated',
    triggerReason: 'StopAuthorized',
    idToken: station.transaction?.idToken ?? ctx.config.idTokens.valid,
    match: idTokenStatusIn('Accepted'),
    describe: 'idTokenInfo.status Accepted',
  });
  if (station.transaction) station.transaction.authorized = false;
}

async function evConnectedPostSession(ctx: TestContext): Promise<void> {
  const station = stationOf(ctx);
  if (!station.transaction || station.transaction.authorized) await ctx.state('StopAuthorized');
  await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'EVConnected' });
}

async function evDisconnected(ctx: TestContext, params: Record<string, unknown> = {}): Promise<void> {
  const station = stationOf(ctx);
  if (station.transaction?.chargingState !== 'EVConnected' || station.transaction.authorized) await ctx.state('EVConnectedPostSession');
  station.evConnected = false;
  await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Available');
  // params.transactionGoesOn (TxStopPoint ParkingBayOccupancy, E06.FR.01): the unplugged cable does not end the transaction yet.
  if (params['transactionGoesOn'] === true) {
    await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'EVCommunicationLost', chargingState: 'Idle' });
    return;
  }
  await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' });
}

/** Table 704: after the configured transaction duration the EV suspends the energy transfer (SuspendedEV). */
async function energyTransferSuspended(ctx: TestContext): Promise<void> {
  const station = stationOf(ctx);
  if (station.transaction?.chargingState !== 'Charging') await ctx.state('EnergyTransferStarted');
  const durationMs = transactionDurationMs(ctx);
  if (durationMs > 0) await ctx.sleep(durationMs);
  await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'SuspendedEV' });
}

export default defineStates({
  version: '2.0.1',
  sut: 'csms',
  states: {
    /** Part 6 Table 698: the station power-cycles, boots (Accepted) and reports its connectors. */
    async Booted(ctx, params) {
      const endpoint = await ctx.peer();
      if (stationOf(ctx).bootedOn === endpoint) await dropConnection(ctx, 'power cycle');
      await ctx.peer();
      await boot(ctx, typeof params['reason'] === 'string' ? params['reason'] : 'PowerUp');
      await reportAllConnectors(ctx);
    },
    /** §3.1 general preconditions for a case that names no state: connected, booted, idle. */
    async Idle(ctx) {
      await ensureBooted(ctx);
    },
    EVConnectedPreSession: evConnectedPreSession,
    Authorized: authorized,
    EnergyTransferStarted: energyTransferStarted,
    EnergyTransferSuspended: energyTransferSuspended,
    StopAuthorized: stopAuthorized,
    EVConnectedPostSession: evConnectedPostSession,
    EVDisconnected: evDisconnected,
  },
  /**
   * Back to §3.1: connected and booted, no transaction left open (ended with TransactionEvent
   * Ended), the cable unplugged and every EVSE Available. A CSMS that refuses the Ended event
   * does not keep us from going on: the station has closed the transaction on its side.
   */
  async restore(ctx) {
    const station = stationOf(ctx);
    await ensureBooted(ctx);
    const tx = station.transaction;
    if (tx) {
      const plugged = station.evConnected;
      const ended = await ctx.call('TransactionEvent', {
        eventType: 'Ended',
        timestamp: nowIso(ctx),
        triggerReason: plugged ? 'EVCommunicationLost' : 'EVConnectTimeout',
        seqNo: tx.seqNo,
        transactionInfo: { transactionId: tx.transactionId, chargingState: 'Idle', stoppedReason: plugged ? 'EVDisconnected' : 'Timeout' },
      });
      station.transaction = undefined;
      if (ended.status === 'timeout' || ended.status === 'closed') throw new Error(`the CSMS did not answer the TransactionEvent Ended that closes transaction ${tx.transactionId}`);
    }
    station.evConnected = false;
    station.inoperative.clear();
    for (const c of connectorsOf(ctx)) {
      if (station.connectorStatus.get(`${c.evseId}/${c.connectorId}`) !== 'Available') await reportStatus(ctx, c.evseId, c.connectorId, 'Available');
    }
  },
});
