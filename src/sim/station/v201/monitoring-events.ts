/**
 * Block N, the events the station raises from its own monitors (Part 2 N07, N08): a threshold
 * crossed (and cleared again), a delta reached (numeric: the absolute difference from the value at
 * the last event, errata 2025-01 §3.4; otherwise every change), a periodic report every `value`
 * seconds (clock-aligned or from now). Only monitors whose severity is at most the monitoring level
 * report (N05). Offline, an event is kept when its severity is at most
 * MonitoringCtrlr.OfflineQueuingSeverity and sent on reconnection, the others are dropped.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { VariableSpec } from '../device-model-data.js';
import type { Context201 } from './context.js';
import { activeTx } from './evse.js';
import { componentOf, variableOf, type Monitor, type MonitorStore } from './monitoring-store.js';

export const ctrlr = 'MonitoringCtrlr';

interface Pending {
  monitor: Monitor;
  data: JsonObject;
}

export class MonitoringEvents {
  /** The value at each monitor's last delta event, the threshold monitors now exceeded. */
  private readonly reference = new Map<number, number>();
  private readonly alerting = new Set<number>();
  private readonly queue: Pending[] = [];
  private readonly periodic = new Map<number, AbortController>();
  private eventId = 1;
  /** The transaction whose energy EVSE.Power last reported, per EVSE (monitoring.ts's tick keeps it). */
  readonly powerTx = new Map<number, string>();
  /** MonitoringCtrlr.ActiveMonitoringLevel: 8 by default, so the Debug (9) pre-configured monitors only show in reports. */
  level = 8;

  constructor(private readonly ctx: Context201, private readonly store: MonitorStore) {}

  private get has(): (defect: string) => boolean {
    return (d) => this.ctx.core.has(d);
  }

  /** A variable changed: every monitor on it decides whether that is an event. */
  changed(spec: VariableSpec, value: string): void {
    if (!this.ctx.deviceModel.bool(ctrlr, 'Enabled')) return;
    for (const m of this.store.of(spec)) this.evaluate(m, value);
  }

  /** A new or replaced monitor starts from the value the variable has now. */
  installed(m: Monitor): void {
    const now = Number(this.ctx.deviceModel.valueOfSpec(m.spec));
    this.reference.set(m.id, now);
    this.alerting.delete(m.id);
    this.periodic.get(m.id)?.abort();
    this.periodic.delete(m.id);
    this.restartPeriodic();
  }

  private evaluate(m: Monitor, value: string): void {
    if (m.transaction && !this.inTransaction(m.spec)) return;
    const n = Number(value);
    const isNumber = value.trim() !== '' && Number.isFinite(n);
    switch (m.type) {
      case 'UpperThreshold':
      case 'LowerThreshold': {
        if (!isNumber || this.has('no-threshold-event')) return;
        const over = m.type === 'UpperThreshold' ? n > m.value : n < m.value;
        const was = this.alerting.has(m.id);
        if (over === was) return;
        if (over) this.alerting.add(m.id);
        else this.alerting.delete(m.id);
        this.raise(m, 'Alerting', value, !over);
        return;
      }
      case 'Delta': {
        if (this.has('no-delta-event')) return;
        if (m.spec.dataType === 'integer' || m.spec.dataType === 'decimal') {
          const ref = this.reference.get(m.id) ?? 0;
          if (!isNumber || (Math.abs(n - ref) < m.value && !this.has('delta-ignores-value'))) return;
          // Defect: the reference stays at the first value, so every later change looks like a new delta.
          if (!this.has('delta-not-reset')) this.reference.set(m.id, n);
        }
        this.raise(m, 'Delta', value, false);
        return;
      }
      default:
        return;
    }
  }

  private inTransaction(spec: VariableSpec): boolean {
    const evses = spec.evse ? [this.ctx.evses.byId(spec.evse.id)] : this.ctx.evses.all;
    return evses.some((e) => e !== undefined && activeTx(e) !== undefined);
  }

  private raise(m: Monitor, trigger: 'Alerting' | 'Delta' | 'Periodic', actualValue: string, cleared: boolean): void {
    if (m.severity > this.level && !this.has('ignores-monitoring-level')) return;
    const evse = m.spec.evse ? this.ctx.evses.byId(m.spec.evse.id) : undefined;
    // The energy flow of a transaction ends with it: its last Power change still belongs to it.
    const txId = evse ? (activeTx(evse)?.id ?? (m.spec.variable === 'Power' ? this.powerTx.get(evse.outlet.id) : undefined)) : undefined;
    const data: JsonObject = {
      eventId: this.eventId++,
      timestamp: this.ctx.core.nowIso(),
      trigger,
      actualValue: actualValue.slice(0, 2500),
      ...(cleared ? { cleared: true } : {}),
      ...(txId === undefined ? {} : { transactionId: txId }),
      component: componentOf(m.spec),
      variable: variableOf(m.spec),
      variableMonitoringId: m.id,
      eventNotificationType: m.origin,
    };
    const pending = { monitor: m, data };
    if (this.ctx.core.online && this.ctx.core.accepted && this.queue.length === 0) void this.send([pending]);
    else this.keep(pending);
  }

  /** N07.FR.10/11: offline, queue what is severe enough (OfflineQueuingSeverity), drop the rest. */
  private keep(p: Pending): void {
    const limit = this.ctx.deviceModel.int(ctrlr, 'OfflineQueuingSeverity');
    const queues = this.has('offline-events-never-queued') ? false : this.has('offline-events-all-queued') ? true : p.monitor.severity <= limit;
    if (queues) this.queue.push(p);
  }

  private async send(items: Pending[]): Promise<void> {
    const outcome = await this.ctx.core.send('NotifyEvent', { generatedAt: this.ctx.core.nowIso(), seqNo: 0, eventData: items.map((p) => p.data) });
    if (outcome === undefined) for (const p of items) this.keep(p);
  }

  /** Called on every tick: send what was kept while offline, once the CSMS accepts us again. */
  flush(): void {
    if (this.queue.length === 0 || !this.ctx.core.online || !this.ctx.core.accepted) return;
    const items = this.queue.splice(0, this.queue.length);
    void this.send(items);
  }

  /** (Re)start one timer per periodic monitor (after a change of the monitors, a boot, the level). */
  restartPeriodic(): void {
    const ids = new Set(this.store.all().filter((m) => m.type === 'Periodic' || m.type === 'PeriodicClockAligned').map((m) => m.id));
    for (const [id, abort] of this.periodic) {
      if (ids.has(id)) continue;
      abort.abort();
      this.periodic.delete(id);
    }
    if (this.has('no-periodic-event')) return;
    for (const m of this.store.all()) {
      if (!ids.has(m.id) || this.periodic.has(m.id)) continue;
      const abort = new AbortController();
      this.periodic.set(m.id, abort);
      void this.runPeriodic(m, abort.signal);
    }
  }

  private async runPeriodic(m: Monitor, signal: AbortSignal): Promise<void> {
    const { core, deviceModel } = this.ctx;
    const periodMs = Math.max(1, m.value) * 1000;
    for (;;) {
      const wait = m.type === 'PeriodicClockAligned' ? periodMs - (Date.parse(core.nowIso()) % periodMs) : periodMs;
      if (!(await core.sleep(wait, signal))) return;
      const now = this.store.all().find((x) => x.id === m.id);
      if (now?.type !== m.type || now.value !== m.value) return;
      if (!deviceModel.bool(ctrlr, 'Enabled') || (now.transaction && !this.inTransaction(now.spec))) continue;
      this.raise(now, 'Periodic', deviceModel.valueOfSpec(now.spec), false);
    }
  }

  stopPeriodic(): void {
    for (const abort of this.periodic.values()) abort.abort();
    this.periodic.clear();
  }
}
