/**
 * The 1.6 connector model the station core owns: per connector the physical outlet, the current
 * authorization, the transaction (with the transactionId the Central System gave it), and the
 * 1.6 status vocabulary (Available, Preparing, Charging, SuspendedEV, SuspendedEVSE, Finishing,
 * Unavailable, Faulted; 1.6 §4.9) reported with StatusNotification. Connector 0 is the station.
 */
import type { StationContext } from '../core/block.js';
import type { Outlet } from '../outlet.js';

export interface Tx16 {
  localId: string;
  transactionId?: number;
  idTag: string;
  parentIdTag?: string;
  stopped: boolean;
  /** The MeterValueSampleInterval timer of this transaction (meter values). */
  meterAbort?: AbortController;
}

export interface Connector {
  outlet: Outlet;
  authorized?: { idTag: string; parentIdTag?: string; reservationId?: number };
  /** The reservation holding this connector (Reservation profile, 1.6 §5.13): status Reserved. */
  reservedFor?: { reservationId: number; idTag: string; parentIdTag?: string };
  tx?: Tx16;
  /** Transaction stopped but the cable is still in (status Finishing). */
  finishing: boolean;
  /** ConnectionTimeOut running. */
  timer?: AbortController;
  reported?: string;
}

export const activeTx16 = (c: Connector): Tx16 | undefined => (c.tx && !c.tx.stopped ? c.tx : undefined);

export class ConnectorModel {
  /** ChangeAvailability of connector 0 (the whole charge point). */
  stationInoperative = false;
  /** The charge point as a whole is in a fault (connector 0 Faulted). */
  stationFaulted = false;

  /**
   * Whether `idTag` (with its parentIdTag) may use connector `c` as far as reservations go: the
   * reservationId it takes up, `'refused'` for a connector reserved for someone else, undefined
   * when no reservation concerns it. The Reservation module sets it.
   */
  claim: (c: Connector, idTag: string, parentIdTag?: string) => number | 'refused' | undefined = () => undefined;

  constructor(
    readonly all: readonly Connector[],
    private readonly core: StationContext,
  ) {}

  byId(id: number): Connector | undefined {
    return this.all[id - 1];
  }

  statusOf(c: Connector): string {
    const o = c.outlet;
    if (o.faulted) return 'Faulted';
    const active = c.tx && !c.tx.stopped;
    if (active) {
      if (o.flowing) return this.core.has('suspended-evse-while-charging') ? 'SuspendedEVSE' : 'Charging';
      if (o.cableConnected && o.evSuspended) return 'SuspendedEV';
      if (o.cableConnected) return 'SuspendedEVSE';
      // The EV left but the transaction goes on (StopTransactionOnEVSideDisconnect false): the EV side does not take energy.
      if (o.stationSide && !o.evSide) return 'SuspendedEV';
      return 'Preparing';
    }
    if (o.inoperative || this.stationInoperative) return 'Unavailable';
    if (c.finishing) return 'Finishing';
    if (c.reservedFor && !c.authorized) return 'Reserved';
    if (o.evSide || o.stationSide || c.authorized) return 'Preparing';
    return 'Available';
  }

  /** StatusNotification of the connector when its status changed (or always, `force`). */
  async report(c: Connector, force: boolean): Promise<void> {
    const status = this.statusOf(c);
    if (!force && c.reported === status) return;
    const evGone = c.tx !== undefined && !c.tx.stopped && c.outlet.stationSide && !c.outlet.evSide;
    const out = await this.core.send('StatusNotification', { connectorId: c.outlet.id, errorCode: c.outlet.faulted ? 'OtherError' : 'NoError', ...(evGone ? { info: 'EV side disconnected' } : {}), status, timestamp: this.core.nowIso() });
    // Only a status the Central System got counts as reported: one lost to a closing connection is sent again on reconnection.
    if (out?.status === 'result' || out?.status === 'error') c.reported = status;
  }

  /** StatusNotification of connector 0. */
  async reportStation(): Promise<void> {
    const status = this.stationFaulted ? 'Faulted' : this.stationInoperative ? 'Unavailable' : 'Available';
    await this.core.send('StatusNotification', { connectorId: 0, errorCode: this.stationFaulted ? 'OtherError' : 'NoError', status, timestamp: this.core.nowIso() });
  }

  deauthorize(c: Connector): void {
    c.authorized = undefined;
    c.timer?.abort();
    c.timer = undefined;
  }
}
