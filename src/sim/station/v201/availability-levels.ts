/**
 * Block G state: the availability ChangeAvailability sets on the three levels it can address
 * (Part 6 §2.8: the Charging Station, one EVSE, one connector of an EVSE), which changes wait
 * for a transaction to end (answered Scheduled), and what of it reaches the outlets the EVSE
 * model derives connector status from. The levels live in the station, not in the connection:
 * they persist over a reboot (Part 6 TC_G_18/19/21_CS) unless a defect forgets them.
 */
import type { Evse, EvseModel } from './evse.js';

export type Level = { kind: 'station' } | { kind: 'evse'; evseId: number } | { kind: 'connector'; evseId: number; connectorId: number };

const key = (evseId: number, connectorId: number): string => `${evseId}/${connectorId}`;

export class AvailabilityLevels {
  /** The whole station was made Inoperative. */
  station = false;
  /** EVSEs made Inoperative as a whole. */
  private readonly evses = new Set<number>();
  /** Connectors made Inoperative one by one ("evseId/connectorId"). */
  private readonly connectors = new Set<string>();
  /** EVSEs a station-wide Inoperative does not reach yet: their transaction is still running. */
  private readonly exempt = new Set<number>();
  /** Per EVSE, the changes answered Scheduled, applied when its transaction ends. */
  private readonly scheduled = new Map<number, Array<() => void>>();

  constructor(private readonly model: EvseModel) {}

  /** Whether `level` is already Inoperative (true) or Operative (false), as far as it alone decides. */
  isInoperative(level: Level): boolean {
    if (level.kind === 'station') return this.station;
    const evse = this.model.byId(level.evseId);
    if (!evse) return false;
    if (level.kind === 'evse') return evse.outlet.inoperative;
    return evse.outlet.inoperative || evse.outlet.inoperativeConnectors.has(level.connectorId);
  }

  /** The EVSEs a level covers. */
  evsesOf(level: Level): Evse[] {
    if (level.kind === 'station') return [...this.model.all];
    const evse = this.model.byId(level.evseId);
    return evse ? [evse] : [];
  }

  /** Make the level Inoperative now (the EVSE's transaction, if any, is not waited for). */
  setInoperative(level: Level): void {
    if (level.kind === 'station') this.station = true;
    else if (level.kind === 'evse') this.evses.add(level.evseId);
    else this.connectors.add(key(level.evseId, level.connectorId));
  }

  /** Part 2 G03.FR.05 / G04.FR.06: the change waits for the transaction on `evseId`. */
  schedule(level: Level, evseId: number): void {
    if (level.kind === 'station') {
      this.station = true;
      this.exempt.add(evseId);
      this.add(evseId, () => this.exempt.delete(evseId));
      return;
    }
    this.add(evseId, () => this.setInoperative(level));
  }

  private add(evseId: number, change: () => void): void {
    this.scheduled.set(evseId, [...(this.scheduled.get(evseId) ?? []), change]);
  }

  /** Operative: the level and everything below it (an EVSE's connectors, the whole station's EVSEs). */
  setOperative(level: Level): void {
    if (level.kind === 'station') {
      this.station = false;
      this.evses.clear();
      this.connectors.clear();
      this.exempt.clear();
      this.scheduled.clear();
      return;
    }
    const evse = this.model.byId(level.evseId);
    if (level.kind === 'evse') {
      this.evses.delete(level.evseId);
      for (const c of evse?.outlet.connectorIds ?? []) this.connectors.delete(key(level.evseId, c));
    } else {
      this.connectors.delete(key(level.evseId, level.connectorId));
    }
    this.scheduled.delete(level.evseId);
    if (level.kind === 'evse') this.exempt.delete(level.evseId);
  }

  /** The transaction on `evseId` ended: its scheduled changes apply. Whether there were any. */
  applyScheduled(evseId: number): boolean {
    const pending = this.scheduled.get(evseId);
    if (!pending) return false;
    this.scheduled.delete(evseId);
    for (const change of pending) change();
    return true;
  }

  /** Forget what a reboot loses under a defect. */
  forget(what: { evses?: boolean; connectors?: boolean; station?: boolean }): void {
    if (what.evses) this.evses.clear();
    if (what.connectors) this.connectors.clear();
    if (what.station) {
      this.station = false;
      this.exempt.clear();
    }
    if (what.evses || what.connectors || what.station) this.scheduled.clear();
  }

  /** Push the levels into the outlets (Outlet.inoperative / inoperativeConnectors). */
  apply(): void {
    for (const evse of this.model.all) {
      const o = evse.outlet;
      o.inoperativeConnectors.clear();
      for (const c of o.connectorIds) if (this.connectors.has(key(o.id, c))) o.inoperativeConnectors.add(c);
      const allConnectors = o.connectorIds.length > 0 && o.connectorIds.every((c) => o.inoperativeConnectors.has(c));
      o.inoperative = (this.station && !this.exempt.has(o.id)) || this.evses.has(o.id) || allConnectors;
      o.scheduledInoperative = this.scheduled.has(o.id) ? true : undefined;
    }
  }
}
