/**
 * The physical side of one place to charge (a 2.0.1 EVSE, a 1.6 connector): bay, cable on both
 * ends, EV willingness to charge, faults, availability, and an energy register that only grows
 * while energy flows. Both version modules keep their OCPP state on top of it.
 */
import type { Clock } from '../../clock.js';

export class Outlet {
  parked = false;
  /** Cable in at the EV end. */
  evSide = false;
  /** Cable in at the station end (a fixed cable is always in). */
  stationSide = false;
  /** A permanently attached cable (the `fixed-cable` hardware variant): without an EV at its end the connector is free. */
  fixedCable = false;
  /** Which connector of the EVSE the cable is in (2.0.1); 1.6 outlets have one connector. */
  pluggedConnectorId: number | undefined;
  evSuspended = false;
  faulted = false;
  /** Operative/Inoperative as set by ChangeAvailability (persisting over reboots). */
  inoperative = false;
  /** ChangeAvailability answered Scheduled: applied when the transaction ends. */
  scheduledInoperative: boolean | undefined;
  /** 2.0.1: connectors of this EVSE made Inoperative one by one (ChangeAvailability with evse.connectorId). */
  readonly inoperativeConnectors = new Set<number>();

  private registerWh = 0;
  private flowingSinceMs: number | undefined;

  constructor(
    readonly id: number,
    readonly connectorIds: readonly number[],
    private readonly clock: Clock,
    private readonly powerW: number,
  ) {}

  get cableConnected(): boolean {
    return this.evSide && this.stationSide;
  }

  /** Energy.Active.Import.Register in Wh, rounded. */
  energyWh(): number {
    const flowing = this.flowingSinceMs === undefined ? 0 : ((this.clock.monoMs() - this.flowingSinceMs) * this.powerW) / 3_600_000;
    return Math.round(this.registerWh + flowing);
  }

  get flowing(): boolean {
    return this.flowingSinceMs !== undefined;
  }
  get powerNowW(): number {
    return this.flowing ? this.powerW : 0;
  }

  startFlow(): void {
    if (this.flowingSinceMs === undefined) this.flowingSinceMs = this.clock.monoMs();
  }
  stopFlow(): void {
    if (this.flowingSinceMs === undefined) return;
    this.registerWh += ((this.clock.monoMs() - this.flowingSinceMs) * this.powerW) / 3_600_000;
    this.flowingSinceMs = undefined;
  }

  /** A sampled value of one measurand, as both versions spell them. */
  sample(measurand: string): { value: number; unit?: string } | undefined {
    switch (measurand) {
      case 'Energy.Active.Import.Register':
        return { value: this.energyWh(), unit: 'Wh' };
      case 'Power.Active.Import':
        return { value: this.powerNowW, unit: 'W' };
      case 'Current.Import':
        return { value: Math.round((this.powerNowW / 230 / 3) * 10) / 10, unit: 'A' };
      case 'Voltage':
        return { value: 230, unit: 'V' };
      case 'SoC':
        return { value: 50, unit: 'Percent' };
      default:
        return undefined;
    }
  }
}
