/**
 * Block G, availability: ChangeAvailability of the station, one EVSE or one connector (Part 2
 * G03/G04; Part 6 §2.8). An Inoperative change of an EVSE with a running transaction is answered
 * Scheduled and applied when the transaction ends; a request for what already is the case is
 * Accepted; after every applied change the station reports the connectors concerned (also when
 * nothing changed: Part 6 TC_G_12/13/15/16_CS post-scenario validations). The availability
 * persists over a reboot (availability-levels.ts). Faults (G01) and the connector lock (G05,
 * connector-lock.ts) are here too; connector status itself is the EVSE model's (evse.ts).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import { AvailabilityLevels, type Level } from './availability-levels.js';
import type { Block201, Context201 } from './context.js';
import { activeTx, type Evse } from './evse.js';

export const availability: Block201 = {
  name: 'availability',
  defects: [
    { name: 'availability-not-applied', description: 'accepts ChangeAvailability but does not change its status' },
    { name: 'operative-not-reported', description: 'applies ChangeAvailability Operative but sends no StatusNotification for the connectors that became Available' },
    { name: 'station-availability-no-connector-status', description: 'a ChangeAvailability of the whole station only changes ChargingStation.AvailabilityState: no StatusNotification for its connectors' },
    { name: 'same-availability-rejected', description: 'answers Rejected to a ChangeAvailability that asks for the availability the station, EVSE or connector already has' },
    { name: 'connector-availability-rejected', description: 'answers Rejected to every ChangeAvailability that addresses one connector (evse.connectorId)' },
    { name: 'availability-interrupts-tx', description: 'ChangeAvailability Inoperative during a transaction ends the transaction at once and answers Accepted instead of Scheduled' },
    { name: 'scheduled-availability-forgotten', description: 'answers Scheduled to ChangeAvailability Inoperative during a transaction but never applies it when the transaction ends' },
    { name: 'connector-availability-lost-on-reboot', description: 'forgets over a reboot that a connector was made Inoperative (reports it Available)' },
    { name: 'station-availability-lost-on-reboot', description: 'forgets over a reboot that the whole station was made Inoperative (reports its connectors Available)' },
  ],
  create: (ctx) => new Availability(ctx).instance(),
};

class Availability {
  private readonly levels: AvailabilityLevels;

  constructor(private readonly ctx: Context201) {
    this.levels = new AvailabilityLevels(ctx.evses);
    const { core, evses } = ctx;
    core.bus.on('transactionEnded', ({ evseId }) => {
      const evse = evses.byId(evseId);
      if (!evse || core.has('scheduled-availability-forgotten') || !this.levels.applyScheduled(evseId)) return undefined;
      this.apply();
      return evses.reportStatuses(evse, false);
    });
    core.bus.on('powerOff', () => {
      // What the station keeps over a reboot (Part 2 G03.FR.08, G04.FR.09), unless a defect forgets it.
      // reset.ts declares availability-lost-on-reboot (EVSE and connector); its listener runs after this one.
      const forget = {
        evses: core.has('availability-lost-on-reboot'),
        connectors: core.has('availability-lost-on-reboot') || core.has('connector-availability-lost-on-reboot'),
        station: core.has('station-availability-lost-on-reboot'),
      };
      this.levels.forget(forget);
      queueMicrotask(() => this.apply());
    });
  }

  instance(): ReturnType<Block201['create']> {
    return {
      handlers: { ChangeAvailability: (call) => this.changeAvailability(call) },
      actions: {
        setFaulted: async (_p, { evse }) => {
          evse.outlet.faulted = true;
          this.ctx.transactions.updateFlow(evse);
          await this.ctx.evses.reportStatuses(evse, false);
          return { done: true };
        },
        clearFault: async (_p, { evse }) => {
          evse.outlet.faulted = false;
          await this.ctx.evses.reportStatuses(evse, false);
          this.ctx.transactions.updateFlow(evse);
          return { done: true };
        },
      },
    };
  }

  private changeAvailability(call: InboundCall): JsonObject {
    const { core } = this.ctx;
    const inoperative = call.payload['operationalStatus'] === 'Inoperative';
    const level = this.levelOf(call.payload['evse']);
    if (level === undefined) return { status: 'Rejected' };
    if (level.kind === 'connector' && core.has('connector-availability-rejected')) return { status: 'Rejected' };
    if (this.levels.isInoperative(level) === inoperative && core.has('same-availability-rejected')) return { status: 'Rejected' };
    if (core.has('availability-not-applied')) return { status: 'Accepted' };
    const touched = this.levels.evsesOf(level);
    if (!inoperative) {
      this.levels.setOperative(level);
      this.after(call, level, touched, !core.has('operative-not-reported'));
      return { status: 'Accepted' };
    }
    const busy = touched.filter((evse) => this.busyFor(evse, level));
    if (busy.length > 0 && core.has('availability-interrupts-tx')) {
      for (const evse of busy) {
        evse.outlet.stopFlow();
        this.ctx.transactions.endTx(evse, 'AbnormalCondition', 'Other');
      }
    } else {
      for (const evse of busy) this.levels.schedule(level, evse.outlet.id);
    }
    const scheduled = busy.length > 0 && !core.has('availability-interrupts-tx');
    if (!scheduled || level.kind === 'station') this.levels.setInoperative(level);
    this.after(
      call,
      level,
      touched.filter((e) => !scheduled || !busy.includes(e)),
      true,
    );
    return { status: scheduled ? 'Scheduled' : 'Accepted' };
  }

  /** After the response: push the levels to the outlets and report the connectors of `report`. */
  private after(call: InboundCall, level: Level, report: Evse[], send: boolean): void {
    const { core, evses, deviceModel } = this.ctx;
    call.after(async () => {
      this.apply();
      for (const evse of this.levels.evsesOf(level)) this.ctx.transactions.updateFlow(evse);
      if (!send || (level.kind === 'station' && core.has('station-availability-no-connector-status'))) {
        for (const evse of report) for (const c of evse.outlet.connectorIds) deviceModel.setInternal({ name: 'Connector', evse: { id: evse.outlet.id, connectorId: c } }, { name: 'AvailabilityState' }, evses.statusOf(evse, c));
        return;
      }
      for (const evse of report) await evses.reportStatuses(evse, true);
    });
  }

  /** The request's target: the station (no evse, or evse.id 0), an EVSE, or one connector. Undefined: no such EVSE / connector. */
  private levelOf(target: unknown): Level | undefined {
    const t = target as { id?: unknown; connectorId?: unknown } | undefined;
    if (t === undefined || t.id === 0) return { kind: 'station' };
    const evse = typeof t.id === 'number' ? this.ctx.evses.byId(t.id) : undefined;
    if (!evse) return undefined;
    if (t.connectorId === undefined) return { kind: 'evse', evseId: evse.outlet.id };
    if (typeof t.connectorId !== 'number' || !evse.outlet.connectorIds.includes(t.connectorId)) return undefined;
    return { kind: 'connector', evseId: evse.outlet.id, connectorId: t.connectorId };
  }

  /** A running transaction the Inoperative change has to wait for (on the connector, for a connector). */
  private busyFor(evse: Evse, level: Level): boolean {
    if (!activeTx(evse)) return false;
    if (level.kind !== 'connector') return true;
    const plugged = evse.outlet.pluggedConnectorId;
    return plugged === undefined || plugged === level.connectorId;
  }

  private apply(): void {
    this.levels.apply();
    const state = this.levels.station ? 'Unavailable' : 'Available';
    this.ctx.deviceModel.setInternal({ name: 'ChargingStation' }, { name: 'AvailabilityState' }, state);
  }
}
