/**
 * Block E, the cable pulled out at the EV side only (Part 2 E09, E10) and the EV ending an ISO 15118
 * session (E15). With TxCtrlr.StopTxOnEVSideDisconnect true (or a stop point on the cable) the
 * transaction ends and the authorization drops (E09); with it false the transaction is suspended,
 * Idle, its authorization kept, and the EV may come back (E10) — the cable still in the station keeps
 * the connector Occupied. SessionStopReq(Terminate) stops the authorization: StopAuthorized, and the
 * end of the transaction when TxStopPoint holds Authorized, PowerPathClosed or EnergyTransfer.
 * Uses block E (transactions.ts) through the context only.
 */
import type { BlockInstance } from '../core/block.js';
import type { Block201, Context201, Services201 } from './context.js';
import { activeTx, type Evse, type EvseTarget } from './evse.js';
import { cableOutEnds } from './tx-points.js';

export const evSideDisconnect: Block201 = {
  name: 'ev-side-disconnect',
  defects: [
    { name: 'ev-side-disconnect-not-idle', description: 'after the cable is pulled out at the EV side reports chargingState EVConnected instead of Idle' },
    { name: 'ev-side-disconnect-ends-transaction', description: 'ends the transaction when the cable is pulled out at the EV side although TxCtrlr.StopTxOnEVSideDisconnect is false' },
    { name: 'ev-stop-wrong-reason', description: 'ends the transaction an ISO 15118 EV stopped (SessionStopReq) with stoppedReason Local instead of StoppedByEV' },
  ],
  quirks: [
    // Part 5 HFS-2 (TC_E_27_CS): the EV side is the only side the cable leaves; the same variant as 1.6's (connector-lock.ts).
    { name: 'fixed-cable', description: 'hardware variant: a fixed (tethered) cable instead of a socket, with no connector lock to open', pics: { 'HW-FixedCable': true, 'HFS-1': false, 'HFS-2': true } },
  ],
  create: (ctx) => {
    for (const evse of ctx.evses.all) evse.outlet.fixedCable = ctx.core.has('fixed-cable');
    return new EvSideDisconnect(ctx).instance();
  },
};

const done = { done: true } as const;

class EvSideDisconnect {
  constructor(private readonly ctx: Context201) {}

  instance(): BlockInstance<EvseTarget, Services201> {
    return {
      actions: {
        unplugEvSide: async (_p, { evse }) => (await this.evSideOut(evse), done),
        plugInEvSide: async (_p, { evse }) => (await this.evSideIn(evse), done),
        evStopsSession: async (_p, { evse }) => (this.evStops(evse), done),
      },
    };
  }

  private stopPoints(): string[] {
    return this.ctx.deviceModel.list('TxCtrlr', 'TxStopPoint');
  }

  private async evSideOut(evse: Evse): Promise<void> {
    const { core, deviceModel, evses, transactions } = this.ctx;
    const o = evse.outlet;
    const wasConnected = o.cableConnected;
    o.evSide = false;
    o.stopFlow();
    // The EV left: whether it was willing to charge goes with it (the next EV starts ready).
    o.evSuspended = false;
    if (!core.has('no-status-on-plug')) await evses.reportStatuses(evse, false);
    if (!wasConnected) return;
    const tx = activeTx(evse);
    if (!tx) return evses.deauthorize(evse);
    tx.chargingState = core.has('ev-side-disconnect-not-idle') ? 'EVConnected' : 'Idle';
    const stops = this.stopPoints();
    // Part 2 E06 / E10 as tx-points.ts reads them: the stop points on the cable end it; StopTxOnEVSideDisconnect deauthorizes.
    const stopOnEvSide = deviceModel.bool('TxCtrlr', 'StopTxOnEVSideDisconnect') && !core.has('ignores-stop-tx-on-ev-side-disconnect');
    let ends = cableOutEnds(stops, stopOnEvSide) || core.has('ev-side-disconnect-ends-transaction');
    if (core.has('ev-side-disconnect-not-ended') && !stopOnEvSide) ends = false;
    if (ends || tx.stopReason) {
      transactions.endTx(evse, 'EVCommunicationLost', tx.stopReason ?? 'EVDisconnected');
      evses.deauthorize(evse);
    } else if (stopOnEvSide) {
      // E10.FR.02 with a stop point off the cable (ParkingBayOccupancy): deauthorized, the transaction goes on.
      transactions.txEvent(evse, 'Updated', 'EVCommunicationLost');
      evses.deauthorize(evse);
    } else {
      // Part 2 E10.FR.01: suspended, the authorization kept for the EV's return.
      transactions.txEvent(evse, 'Updated', 'EVCommunicationLost');
      // E10.FR.02/03, a permanently attached cable (the `fixed-cable` variant): the EV must come back within EVConnectionTimeOut.
      if (core.has('fixed-cable')) this.awaitReturn(evse);
    }
  }

  /** The fixed cable's EV did not come back in time: deauthorized, and ended where TxStopPoint has Authorized (TC_E_27_CS). */
  private awaitReturn(evse: Evse): void {
    const { core, deviceModel, evses, transactions } = this.ctx;
    evse.connectionTimer?.abort();
    const seconds = deviceModel.int('TxCtrlr', 'EVConnectionTimeOut');
    if (seconds <= 0 || core.has('ignores-ev-connection-timeout')) return;
    const abort = new AbortController();
    evse.connectionTimer = abort;
    void core.sleep(seconds * 1000, abort.signal).then((elapsed) => {
      const tx = activeTx(evse);
      if (!elapsed || evse.outlet.evSide || !tx) return;
      evse.connectionTimer = undefined;
      evses.deauthorize(evse);
      if (this.stopPoints().includes('Authorized')) transactions.endTx(evse, 'EVConnectTimeout', 'Timeout');
      else transactions.txEvent(evse, 'Updated', 'EVConnectTimeout');
    });
  }

  private async evSideIn(evse: Evse): Promise<void> {
    const { core, evses, transactions } = this.ctx;
    const o = evse.outlet;
    if (o.cableConnected) return;
    o.evSide = true;
    // The EV that comes back negotiates anew (IEC 61851 state B, then C): ready for energy.
    o.evSuspended = false;
    if (o.pluggedConnectorId === undefined) o.pluggedConnectorId = o.connectorIds[0];
    if (!core.has('no-status-on-plug')) await evses.reportStatuses(evse, false);
    if (!o.cableConnected) return;
    evse.connectionTimer?.abort();
    evse.connectionTimer = undefined;
    const tx = activeTx(evse);
    if (tx) {
      // Part 2 E10.FR.03: the EV is back; the energy may flow again (block E reports ChargingStateChanged).
      tx.chargingState = 'EVConnected';
      transactions.txEvent(evse, 'Updated', 'CablePluggedIn');
    }
    transactions.updateFlow(evse);
  }

  private evStops(evse: Evse): void {
    const { core, evses, transactions } = this.ctx;
    const tx = activeTx(evse);
    if (!tx) return;
    evses.deauthorize(evse);
    evse.outlet.stopFlow();
    tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
    const stops = this.stopPoints();
    const reason = core.has('ev-stop-wrong-reason') ? 'Local' : 'StoppedByEV';
    tx.stopReason = reason;
    if (stops.includes('Authorized') || stops.includes('PowerPathClosed') || stops.includes('EnergyTransfer')) transactions.endTx(evse, 'StopAuthorized', reason);
    else transactions.txEvent(evse, 'Updated', 'StopAuthorized');
  }
}
