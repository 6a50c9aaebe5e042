/**
 * Proof scenarios of the 1.6 defects of issue #17 part 2 (the connector lock, DataTransfer, power,
 * faults, offline behaviour): each one's wire differs from the compliant run. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { booted, sleep, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const str = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const plug = (st: StationSimulator): Promise<unknown> => st.perform('plugIn', { connectorId: 1 });
const present = (st: StationSimulator, idToken: string): Promise<unknown> => st.perform('presentIdToken', { idToken, type: 'ISO14443' });

export function core16MoreScenarios({ wire, answer }: Helpers): Record<string, Scenario> {
  return {
  lock16: {
    run: async (csms, st) => {
      await booted(csms, st);
      const unknown = await answer(csms, 'UnlockConnector', { connectorId: 2 });
      await plug(st);
      await present(st, '04A1B2C3D4E5F6');
      await sleep(150);
      const withTx = await answer(csms, 'UnlockConnector', { connectorId: 1 });
      await sleep(150);
      await st.perform('unplug', { connectorId: 1 });
      await st.perform('jamConnectorLock', { connectorId: 1 });
      const jammed = await answer(csms, 'UnlockConnector', { connectorId: 1 });
      await st.perform('freeConnectorLock', { connectorId: 1 });
      await answer(csms, 'RemoteStartTransaction', { connectorId: 1, idTag: '04A1B2C3D4E5F6' });
      await sleep(100);
      await st.perform('plugInHalfway', { connectorId: 1 });
      await sleep(150);
      const codes = csms.calls.filter((c) => c.action === 'StatusNotification').map((c) => str(c.payload['errorCode'])).join(',');
      return `${unknown} ${withTx} ${jammed} ${codes} ${wire(csms)}`;
    },
  },
  dataTransfer16: {
    run: async (csms, st) => {
      await booted(csms, st);
      return answer(csms, 'DataTransfer', { vendorId: 'com.example.unknown' });
    },
  },
  power16: {
    run: async (csms, st) => {
      await booted(csms, st);
      await plug(st);
      await present(st, '04A1B2C3D4E5F6');
      await sleep(150);
      await st.perform('powerCycle', {});
      await sleep(600);
      await st.perform('unplug', { connectorId: 1 });
      await plug(st);
      await present(st, '04A1B2C3D4E5F6');
      await sleep(150);
      await answer(csms, 'Reset', { type: 'Soft' });
      await sleep(600);
      await st.perform('unplug', { connectorId: 1 });
      await answer(csms, 'ChangeAvailability', { connectorId: 0, type: 'Inoperative' });
      await st.perform('powerCycle', {});
      await sleep(600);
      return wire(csms);
    },
  },
  faulted16: {
    run: async (csms, st) => {
      await booted(csms, st);
      await st.perform('setFaulted', { connectorId: 1 });
      await present(st, '04A1B2C3D4E5F6');
      await plug(st);
      await sleep(150);
      return wire(csms);
    },
  },
  offline16: {
    station: { settings: { MeterValueSampleInterval: '1', AllowOfflineTxForUnknownId: 'true', StopTransactionOnInvalidId: 'false' } },
    run: async (csms, st) => {
      await booted(csms, st);
      await plug(st);
      await present(st, '04A1B2C3D4E5F6');
      await sleep(150);
      await st.perform('goOffline', {});
      await sleep(100);
      const offAt = Date.now();
      await sleep(1_300);
      await present(st, '04A1B2C3D4E5F6');
      const onAt = Date.now();
      await st.perform('goOnline', {});
      await sleep(500);
      const stamps = csms.calls.filter((c) => c.action === 'MeterValues').flatMap((c) => ((c.payload['meterValue'] as JsonObject[] | undefined) ?? []).map((m) => Date.parse(str(m['timestamp']))));
      const queued = stamps.filter((t) => t >= offAt && t <= onAt).length;
      await st.perform('unplug', { connectorId: 1 });
      await st.perform('goOffline', {});
      await sleep(100);
      await plug(st);
      await present(st, '04FFEEDDCCBBAA');
      await st.perform('goOnline', {});
      await sleep(500);
      return `${queued > 0} ${wire(csms).replace(/\|MeterValues/g, '')}`;
    },
  },
  };
}

export const core16MoreProofs: Record<string, string> = {
  'unlock-unknown-connector-failed': 'lock16',
  'unlock-keeps-transaction': 'lock16',
  'unlock-failure-hidden': 'lock16',
  'lock-failure-starts-transaction': 'lock16',
  'lock-failure-wrong-error-code': 'lock16',
  'data-transfer-call-error': 'dataTransfer16',
  'availability-not-persistent': 'power16',
  'reset-no-finishing-status': 'power16',
  'power-loss-transaction-forgotten': 'power16',
  'starts-while-faulted': 'faulted16',
  'offline-tx-refused': 'offline16',
  'offline-stop-lost': 'offline16',
  'meter-values-lost-offline': 'offline16',
  'ignores-stop-transaction-on-invalid-id': 'offline16',
};
