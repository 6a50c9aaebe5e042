/**
 * The 2.0.1 EVSE model the station core owns (libocpp's EVSE manager): per EVSE the physical
 * outlet, the current authorization, the transaction with its seqNo, and the connector status
 * last reported. Status is derived from the outlet (Part 2 G01: Available / Occupied /
 * Unavailable / Faulted) and reported with StatusNotification, also into the device model's
 * Connector.AvailabilityState.
 */
import type { DeviceModel } from '../device-model.js';
import type { Outlet } from '../outlet.js';
import type { StationContext } from '../core/block.js';

export interface IdToken {
  idToken: string;
  type: string;
}

export type ChargingState = 'Charging' | 'EVConnected' | 'SuspendedEV' | 'SuspendedEVSE' | 'Idle';

export interface Tx {
  id: string;
  nextSeqNo: number;
  chargingState: ChargingState;
  idToken?: IdToken;
  groupId?: string;
  /** Whether the idToken was already reported in a TransactionEvent. */
  tokenReported: boolean;
  evseReported: boolean;
  remoteStartId?: number;
  /** Set when stop was authorized (Local / Remote / …) and the Ended event is still to come. */
  stopReason?: string;
  ended: boolean;
  /** The periodic (sampled) meter value timer of this transaction (block J). */
  meterAbort?: AbortController;
}

export interface Evse {
  outlet: Outlet;
  authorized?: { idToken: IdToken; groupId?: string; remoteStartId?: number };
  tx?: Tx;
  /** EVConnectionTimeOut running (block E). */
  connectionTimer?: AbortController;
  /** Last connectorStatus sent per connector (to report only changes after a reconnect). */
  reported: Map<number, string>;
  /** A reservation holds this EVSE (block H, reservation.ts): its otherwise Available connectors are Reserved. */
  reserved?: { id: number };
}

/** What a 2.0.1 control action addresses: the EVSE and the connector (default its first). */
export interface EvseTarget {
  evse: Evse;
  connectorId: number;
}

export const activeTx = (evse: Evse): Tx | undefined => (evse.tx && !evse.tx.ended ? evse.tx : undefined);

export class EvseModel {
  constructor(
    readonly all: readonly Evse[],
    private readonly core: StationContext,
    private readonly deviceModel: DeviceModel,
  ) {}

  byId(id: number): Evse | undefined {
    return this.all[id - 1];
  }

  /** The EVSE a control action names (`evseId`, default 1). */
  forParams(params: Record<string, unknown>): Evse | undefined {
    return this.byId(typeof params['evseId'] === 'number' ? params['evseId'] : 1);
  }

  statusOf(evse: Evse, connectorId: number): string {
    const o = evse.outlet;
    if (o.faulted) return 'Faulted';
    // Part 6 TC_G_11_CS step 4: once an Inoperative availability applies (the transaction ended),
    // the connector is Unavailable even while the EV is still plugged in.
    if (o.inoperative || o.inoperativeConnectors.has(connectorId)) return 'Unavailable';
    // A permanently attached cable (fixed-cable variant) without an EV at its end leaves the connector Available (TC_E_27_CS step 3).
    if (o.pluggedConnectorId === connectorId && (o.evSide || (o.stationSide && !o.fixedCable))) return 'Occupied';
    if (evse.reserved) return 'Reserved';
    return 'Available';
  }

  /** StatusNotification per connector: only changes, or all of them. */
  async reportStatuses(evse: Evse, all: boolean): Promise<void> {
    for (const connectorId of evse.outlet.connectorIds) {
      const status = this.statusOf(evse, connectorId);
      this.deviceModel.setInternal({ name: 'Connector', evse: { id: evse.outlet.id, connectorId } }, { name: 'AvailabilityState' }, status);
      if (!all && evse.reported.get(connectorId) === status) continue;
      const out = await this.core.send('StatusNotification', { timestamp: this.core.nowIso(), connectorStatus: status, evseId: evse.outlet.id, connectorId });
      if (out) evse.reported.set(connectorId, status);
    }
    if (evse.reserved && (evse.outlet.faulted || evse.outlet.inoperative)) this.core.bus.emit('evseUnusable', { evseId: evse.outlet.id });
  }

  async reportAllStatuses(all: boolean): Promise<void> {
    for (const evse of this.all) await this.reportStatuses(evse, all);
  }

  /** The authorization ends (and with it the wait for the cable). */
  deauthorize(evse: Evse): void {
    evse.authorized = undefined;
    evse.connectionTimer?.abort();
    evse.connectionTimer = undefined;
  }
}
