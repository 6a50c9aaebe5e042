/**
 * Block N, device model monitoring (Part 2 N02–N08): SetVariableMonitoring, ClearVariableMonitoring,
 * SetMonitoringBase, SetMonitoringLevel and GetMonitoringReport over the monitor store, and the
 * NotifyEvents its monitors raise. The station ships a hard-wired monitor (ChargingStation.Problem)
 * and pre-configured Delta monitors on ChargingStation and EVSE AvailabilityState; monitors are
 * kept over a reboot (they live in this block, not in the connection). EVSE.AvailabilityState
 * follows the EVSE's connectors and EVSE.Power the energy flow, so both can be monitored.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { DefectDecl } from '../../defect-registry.js';
import { v, type VariableSpec } from '../device-model-data.js';
import type { Block201, Context201 } from './context.js';
import { activeTx } from './evse.js';
import { ctrlr, MonitoringEvents } from './monitoring-events.js';
import { reportParts, selectMonitors } from './monitoring-report.js';
import { MonitorStore, type Monitor } from './monitoring-store.js';

/** How often EVSE.Power is brought up to date and kept events are flushed. */
const tickMs = 200;
/** Severity of the pre-configured monitors: the lowest (Debug), so a case's own monitors never collide with them; the default level (8) keeps their events off the wire. */
export const preconfiguredSeverity = 9;

const defects: readonly DefectDecl[] = [
  { name: 'monitor-not-stored', description: 'answers SetVariableMonitoring Accepted but keeps no custom monitor' },
  { name: 'monitoring-report-ignores-criteria', description: 'GetMonitoringReport reports monitors of every type, ignoring monitoringCriteria' },
  { name: 'monitoring-report-ignores-components', description: 'GetMonitoringReport reports the monitors of every component, ignoring componentVariable' },
  { name: 'monitoring-report-all-custom-only', description: 'GetMonitoringReport without monitoringCriteria and componentVariable reports only the custom monitors' },
  { name: 'monitoring-base-rejected', description: 'answers SetMonitoringBase Rejected for FactoryDefault and HardWiredOnly (only All is taken)' },
  { name: 'monitoring-base-keeps-custom', description: 'SetMonitoringBase HardWiredOnly / FactoryDefault leaves the custom monitors in place' },
  { name: 'hard-wired-only-keeps-preconfigured', description: 'SetMonitoringBase HardWiredOnly leaves the pre-configured monitors active' },
  { name: 'factory-default-not-restored', description: 'SetMonitoringBase FactoryDefault does not bring back a pre-configured monitor a custom one overruled' },
  { name: 'monitor-unknown-accepted', description: 'accepts a monitor on a component or variable it does not have' },
  { name: 'monitor-mismatch-accepted', description: 'accepts a monitor on a variable that exists, but not on the component named' },
  { name: 'monitor-unsupported-type-accepted', description: 'accepts a threshold monitor on a variable that is not numeric' },
  { name: 'monitor-negative-delta-accepted', description: 'accepts a Delta monitor with a negative value' },
  { name: 'monitor-out-of-range-accepted', description: 'accepts a threshold monitor outside the limits of its variable' },
  { name: 'monitor-duplicate-accepted', description: 'accepts a second monitor of the same type and severity on one component/variable' },
  { name: 'monitor-duplicate-ignores-severity', description: 'answers Duplicate to a second custom monitor of the same type on one component/variable, also when its severity differs' },
  { name: 'monitor-replace-adds', description: 'SetVariableMonitoring with the id of an existing monitor adds a new monitor instead of replacing it' },
  { name: 'ignores-monitoring-level', description: 'reports events of monitors whose severity is above the level SetMonitoringLevel set' },
  { name: 'monitoring-level-out-of-range-accepted', description: 'answers SetMonitoringLevel Accepted for a severity outside 0-9' },
  { name: 'clear-monitoring-keeps', description: 'answers ClearVariableMonitoring Accepted but keeps the monitors' },
  { name: 'clear-unknown-monitor-accepted', description: 'answers ClearVariableMonitoring Accepted for a monitor id it does not have' },
  { name: 'clear-hard-wired-monitor', description: 'clears a hard-wired monitor (Accepted instead of Rejected)' },
  { name: 'no-threshold-event', description: 'raises no NotifyEvent when a threshold monitor is crossed' },
  { name: 'no-delta-event', description: 'raises no NotifyEvent when a Delta monitor is triggered' },
  { name: 'delta-ignores-value', description: 'a numeric Delta monitor reports every change of its variable, also one smaller than its value' },
  { name: 'delta-not-reset', description: 'keeps comparing a numeric Delta monitor with the value it was installed at instead of the value of its last event' },
  { name: 'no-periodic-event', description: 'raises no NotifyEvent for Periodic / PeriodicClockAligned monitors' },
  { name: 'monitor-lost-on-reboot', description: 'keeps custom monitors in volatile memory: a reboot removes them' },
  { name: 'offline-events-never-queued', description: 'drops every monitoring event raised while offline, whatever OfflineQueuingSeverity says' },
  { name: 'offline-events-all-queued', description: 'queues every monitoring event raised while offline, also those less severe than OfflineQueuingSeverity' },
];

/** The monitors the station ships with (ids 1, 2, …). */
function shipped(ctx: Context201): Omit<Monitor, 'id'>[] {
  const spec = (component: string, variable: string, evseId?: number): VariableSpec | undefined => {
    const found = ctx.deviceModel.lookup({ name: component, ...(evseId === undefined ? {} : { evse: { id: evseId } }) }, { name: variable });
    return found.kind === 'found' ? found.spec : undefined;
  };
  const out: Omit<Monitor, 'id'>[] = [];
  const add = (s: VariableSpec | undefined, origin: Monitor['origin'], severity: number): void => {
    if (s) out.push({ spec: s, type: 'Delta', value: 1, severity, transaction: false, origin });
  };
  add(spec('ChargingStation', 'Problem'), 'HardWiredMonitor', 1);
  add(spec('ChargingStation', 'AvailabilityState'), 'PreconfiguredMonitor', preconfiguredSeverity);
  for (const evse of ctx.evses.all) add(spec('EVSE', 'AvailabilityState', evse.outlet.id), 'PreconfiguredMonitor', preconfiguredSeverity);
  return out;
}

/** EVSE.AvailabilityState from its connectors: Occupied when one is, else the first connector's state. */
function evseState(ctx: Context201, evseId: number): string | undefined {
  const evse = ctx.evses.byId(evseId);
  if (!evse) return undefined;
  const states = evse.outlet.connectorIds.map((c) => ctx.evses.statusOf(evse, c));
  return states.includes('Occupied') ? 'Occupied' : states[0];
}

export const monitoring: Block201 = {
  name: 'monitoring',
  variables: [
    v({ component: ctrlr, variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: ctrlr, variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
    v({ component: ctrlr, variable: 'ItemsPerMessage', variableInstance: 'SetVariableMonitoring', dataType: 'integer', mutability: 'ReadOnly', value: '10' }),
    v({ component: ctrlr, variable: 'BytesPerMessage', variableInstance: 'SetVariableMonitoring', dataType: 'integer', mutability: 'ReadOnly', value: '10000' }),
    v({ component: ctrlr, variable: 'ItemsPerMessage', variableInstance: 'ClearVariableMonitoring', dataType: 'integer', mutability: 'ReadOnly', value: '10' }),
    v({ component: ctrlr, variable: 'BytesPerMessage', variableInstance: 'ClearVariableMonitoring', dataType: 'integer', mutability: 'ReadOnly', value: '10000' }),
    v({ component: ctrlr, variable: 'OfflineQueuingSeverity', dataType: 'integer', mutability: 'ReadWrite', value: '4' }),
    v({ component: ctrlr, variable: 'ActiveMonitoringBase', dataType: 'OptionList', mutability: 'ReadOnly', value: 'All', valuesList: ['All', 'FactoryDefault', 'HardWiredOnly'] }),
    v({ component: ctrlr, variable: 'ActiveMonitoringLevel', dataType: 'integer', mutability: 'ReadOnly', value: '8' }),
    // Part 2 ChargingStation.Problem: the variable of the hard-wired monitor.
    v({ component: 'ChargingStation', variable: 'Problem', dataType: 'boolean', mutability: 'ReadOnly', value: 'false' }),
  ],
  defects,
  create: (ctx) => {
    const { core, deviceModel } = ctx;
    const store = new MonitorStore(deviceModel, shipped(ctx));
    const events = new MonitoringEvents(ctx, store);
    store.faults = {};
    const faults = (): void => {
      store.faults = {
        acceptUnknown: core.has('monitor-unknown-accepted'),
        acceptMismatch: core.has('monitor-mismatch-accepted'),
        acceptUnsupportedType: core.has('monitor-unsupported-type-accepted'),
        acceptNegativeDelta: core.has('monitor-negative-delta-accepted'),
        acceptOutOfRange: core.has('monitor-out-of-range-accepted'),
        acceptDuplicate: core.has('monitor-duplicate-accepted'),
        duplicateIgnoresSeverity: core.has('monitor-duplicate-ignores-severity'),
        notStored: core.has('monitor-not-stored'),
        replaceAdds: core.has('monitor-replace-adds'),
        clearKeeps: core.has('clear-monitoring-keeps'),
        clearUnknownAccepted: core.has('clear-unknown-monitor-accepted'),
        clearHardWired: core.has('clear-hard-wired-monitor'),
        baseKeepsCustom: core.has('monitoring-base-keeps-custom'),
        hardWiredOnlyKeepsPreconfigured: core.has('hard-wired-only-keeps-preconfigured'),
        factoryDefaultNotRestored: core.has('factory-default-not-restored'),
      };
    };
    deviceModel.onSpecChange((spec, value) => {
      if (spec.component === 'Connector' && spec.variable === 'AvailabilityState' && spec.evse) {
        const state = evseState(ctx, spec.evse.id);
        if (state) deviceModel.setInternal({ name: 'EVSE', evse: { id: spec.evse.id } }, { name: 'AvailabilityState' }, state);
      }
      events.changed(spec, value);
    });
    let ticking: AbortController | undefined;
    const tick = async (signal: AbortSignal): Promise<void> => {
      while (await core.sleep(tickMs, signal)) {
        for (const evse of ctx.evses.all) {
          const tx = activeTx(evse);
          if (tx) events.powerTx.set(evse.outlet.id, tx.id);
          deviceModel.setInternal({ name: 'EVSE', evse: { id: evse.outlet.id } }, { name: 'Power' }, String(evse.outlet.powerNowW));
          if (!tx) events.powerTx.delete(evse.outlet.id);
        }
        events.flush();
      }
    };
    core.bus.on('bootAccepted', () => {
      ticking?.abort();
      ticking = new AbortController();
      void tick(ticking.signal);
      events.restartPeriodic();
    });
    core.bus.on('powerDown', () => {
      if (core.has('monitor-lost-on-reboot')) store.dropCustom();
    });
    core.bus.on('powerOff', () => {
      ticking?.abort();
      events.stopPeriodic();
    });
    const setLevel = (severity: number): void => {
      events.level = severity;
      deviceModel.setInternal({ name: ctrlr }, { name: 'ActiveMonitoringLevel' }, String(severity));
    };
    return {
      handlers: {
        SetVariableMonitoring: (call) => {
          faults();
          const data = Array.isArray(call.payload['setMonitoringData']) ? (call.payload['setMonitoringData'] as JsonObject[]) : [];
          const results = data.map((d) => store.set(d));
          for (const r of results) if (r.monitor) events.installed(r.monitor);
          return { setMonitoringResult: results.map((r) => r.result) };
        },
        ClearVariableMonitoring: (call) => {
          faults();
          const ids = Array.isArray(call.payload['id']) ? call.payload['id'].filter((x): x is number => typeof x === 'number') : [];
          const clearMonitoringResult = store.clear(ids);
          events.restartPeriodic();
          return { clearMonitoringResult };
        },
        SetMonitoringBase: (call) => {
          faults();
          const base = String(call.payload['monitoringBase']);
          if (!['All', 'FactoryDefault', 'HardWiredOnly'].includes(base)) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
          if (base !== 'All' && core.has('monitoring-base-rejected')) return { status: 'Rejected' };
          store.setBase(base);
          for (const m of store.all()) events.installed(m);
          deviceModel.setInternal({ name: ctrlr }, { name: 'ActiveMonitoringBase' }, base);
          return { status: 'Accepted' };
        },
        SetMonitoringLevel: (call) => {
          const severity = typeof call.payload['severity'] === 'number' ? call.payload['severity'] : -1;
          // N05.FR.02: only the severities 0 (Danger) … 9 (Debug) exist.
          if (!Number.isInteger(severity) || severity < 0 || severity > 9) {
            if (!core.has('monitoring-level-out-of-range-accepted')) return { status: 'Rejected', statusInfo: { reasonCode: severity > 9 ? 'ValueTooHigh' : 'ValueTooLow' } };
            return { status: 'Accepted' };
          }
          setLevel(severity);
          return { status: 'Accepted' };
        },
        GetMonitoringReport: (call) => {
          faults();
          const requestId = Number(call.payload['requestId']);
          const chosen = selectMonitors(store.all(), call.payload, { ignoreCriteria: core.has('monitoring-report-ignores-criteria'), ignoreComponents: core.has('monitoring-report-ignores-components'), allCustomOnly: core.has('monitoring-report-all-custom-only') });
          if (chosen.length === 0) return { status: 'EmptyResultSet', statusInfo: { reasonCode: 'NotFound' } };
          const parts = reportParts(chosen, requestId, core.nowIso());
          call.after(async () => {
            for (const part of parts) await core.send('NotifyMonitoringReport', part);
          });
          return { status: 'Accepted' };
        },
      },
    };
  },
};
