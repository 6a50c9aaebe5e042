/**
 * Proof scenarios of the 2.0.1 station defects of block N's monitoring (monitoring.ts): each one's
 * wire differs from the compliant run. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const evseAvail = { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } };
const heartbeat = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
const data = (cv: JsonObject, type: string, value: number, severity: number, extra: JsonObject = {}): JsonObject => ({ ...cv, ...extra, type, value, severity });
const setHeartbeat = (value: number): JsonObject => ({ setVariableData: [{ ...heartbeat, attributeValue: String(value) }] });

/** The monitoring messages the station sent: reports (monitor ids/types/severities) and events (trigger, variable, monitor id). */
function monitoringWire(csms: TestCsms): string {
  return csms.calls
    .filter((c) => c.action === 'NotifyEvent' || c.action === 'NotifyMonitoringReport')
    .map((c) => {
      if (c.action === 'NotifyMonitoringReport') {
        const monitors = (c.payload['monitor'] as JsonObject[] | undefined) ?? [];
        return `R${String(c.payload['seqNo'])}:${monitors.map((m) => `${String((m['component'] as JsonObject)['name'])}.${String((m['variable'] as JsonObject)['name'])}=${JSON.stringify(m['variableMonitoring'])}`).join(',')}`;
      }
      const events = (c.payload['eventData'] as JsonObject[] | undefined) ?? [];
      return `E:${events.map((e) => `${String(e['trigger'])}/${String((e['variable'] as JsonObject)['name'])}/${String(e['actualValue'])}/${String(e['variableMonitoringId'])}${e['cleared'] === true ? '/cleared' : ''}`).join(',')}`;
    })
    .join('|');
}

export function nmonScenarios(h: Helpers): Record<string, Scenario> {
  return {
    monitoring201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const out = [
          await h.answer(csms, 'SetVariableMonitoring', { setMonitoringData: [data(evseAvail, 'Delta', 1, 8), data(evseAvail, 'Delta', 1, 7), data(evseAvail, 'Delta', 1, 8)] }),
          await h.answer(csms, 'SetVariableMonitoring', {
            setMonitoringData: [
              data({ component: { name: 'EVSE', evse: { id: 99 } }, variable: { name: 'AvailabilityState' } }, 'Delta', 1, 8),
              data({ component: { name: 'ChargingStation' }, variable: { name: 'Power' } }, 'UpperThreshold', 10, 8),
              data(evseAvail, 'UpperThreshold', 10, 8),
              data(evseAvail, 'Delta', -1, 8),
              data({ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }, 'UpperThreshold', 1e9, 8),
            ],
          }),
          await h.answer(csms, 'SetVariableMonitoring', { setMonitoringData: [data(evseAvail, 'Delta', 1, 6, { id: 100 })] }),
          await h.answer(csms, 'GetMonitoringReport', { requestId: 1, monitoringCriteria: ['ThresholdMonitoring'] }),
          await h.answer(csms, 'GetMonitoringReport', { requestId: 2, componentVariable: [{ component: { name: 'ChargingStation' } }] }),
          await h.answer(csms, 'SetMonitoringLevel', { severity: 10 }),
          await h.answer(csms, 'ClearVariableMonitoring', { id: [1, 101, 4242] }),
          await h.answer(csms, 'GetMonitoringReport', { requestId: 3 }),
        ];
        await sleep(150);
        out.push(await h.answer(csms, 'SetVariableMonitoring', { setMonitoringData: [data(evseAvail, 'Delta', 1, 4, { id: 3 })] }));
        out.push(await h.answer(csms, 'SetMonitoringBase', { monitoringBase: 'FactoryDefault' }), await h.answer(csms, 'GetMonitoringReport', { requestId: 4 }));
        out.push(await h.answer(csms, 'SetMonitoringBase', { monitoringBase: 'HardWiredOnly' }), await h.answer(csms, 'GetMonitoringReport', { requestId: 5 }));
        await sleep(150);
        return `${out.join(' ')} ${monitoringWire(csms)}`;
      },
    },
    monitoringEvents201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SetVariableMonitoring', { setMonitoringData: [data(heartbeat, 'Delta', 10, 3), data(heartbeat, 'UpperThreshold', 100, 3), data(evseAvail, 'Periodic', 1, 3)] });
        await h.answer(csms, 'SetMonitoringLevel', { severity: 8 });
        for (const value of [75, 80, 150, 60]) {
          await h.answer(csms, 'SetVariables', setHeartbeat(value));
          await sleep(60);
        }
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await sleep(1_300);
        await h.answer(csms, 'SetVariableMonitoring', { setMonitoringData: [data(heartbeat, 'Delta', 1, 3, { id: 100 })] });
        await h.answer(csms, 'SetVariables', setHeartbeat(61));
        await sleep(100);
        // The periodic events depend on time: only whether there was one counts.
        return monitoringWire(csms).replace(/(\|?E:Periodic[^|]*)+/g, '|P');
      },
    },
    monitoringReboot201: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SetVariableMonitoring', { setMonitoringData: [data(evseAvail, 'Delta', 1, 5)] });
        await st.perform('powerCycle', {});
        await booted(csms, st);
        await sleep(300);
        return `${await h.answer(csms, 'GetMonitoringReport', { requestId: 9, monitoringCriteria: ['DeltaMonitoring'] })} ${(await sleep(150), monitoringWire(csms))}`;
      },
    },
    monitoringOffline201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const connector = { component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'AvailabilityState' } };
        await h.answer(csms, 'SetVariableMonitoring', { setMonitoringData: [data(evseAvail, 'Delta', 1, 2), data(connector, 'Delta', 1, 7)] });
        await st.perform('goOffline', {});
        await sleep(300);
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await sleep(100);
        await st.perform('goOnline', {});
        await sleep(1_000);
        return monitoringWire(csms);
      },
    },
  };
}

export const nmonProofs: Record<string, string> = {
  'monitor-not-stored': 'monitoring201',
  'monitoring-report-ignores-criteria': 'monitoring201',
  'monitoring-report-ignores-components': 'monitoring201',
  'monitoring-base-rejected': 'monitoring201',
  'monitoring-report-all-custom-only': 'monitoring201',
  'monitoring-base-keeps-custom': 'monitoring201',
  'factory-default-not-restored': 'monitoring201',
  'hard-wired-only-keeps-preconfigured': 'monitoring201',
  'monitor-unknown-accepted': 'monitoring201',
  'monitor-mismatch-accepted': 'monitoring201',
  'monitor-unsupported-type-accepted': 'monitoring201',
  'monitor-negative-delta-accepted': 'monitoring201',
  'monitor-out-of-range-accepted': 'monitoring201',
  'monitor-duplicate-accepted': 'monitoring201',
  'monitor-duplicate-ignores-severity': 'monitoring201',
  'monitor-replace-adds': 'monitoring201',
  'monitoring-level-out-of-range-accepted': 'monitoring201',
  'clear-monitoring-keeps': 'monitoring201',
  'clear-unknown-monitor-accepted': 'monitoring201',
  'clear-hard-wired-monitor': 'monitoring201',
  'ignores-monitoring-level': 'monitoringEvents201',
  'no-threshold-event': 'monitoringEvents201',
  'no-delta-event': 'monitoringEvents201',
  'delta-not-reset': 'monitoringEvents201',
  'delta-ignores-value': 'monitoringEvents201',
  'no-periodic-event': 'monitoringEvents201',
  'monitor-lost-on-reboot': 'monitoringReboot201',
  'offline-events-never-queued': 'monitoringOffline201',
  'offline-events-all-queued': 'monitoringOffline201',
};
