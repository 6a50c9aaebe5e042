/**
 * Wire tests of the 2.0.1 CSMS defects of block G (availability, issue #19): each scenario runs
 * against the compliant simulator and against the one with the defect (defects.test.ts runs them).
 */
import type { CsmsSimulator, CsmsSimulatorOptions } from '../../../src/sim/csms/index.js';
import type { CallOutcome } from '../../../src/session/endpoint.js';
import type { OcppVersion } from '../../../src/protocol/versions.js';
import { bootOf, connectStation } from './support.js';

export interface BlockDefectCase {
  defect: string;
  version: OcppVersion;
  options?: Partial<CsmsSimulatorOptions>;
  observe(sim: CsmsSimulator, url: string): Promise<unknown>;
  expected: [unknown, unknown];
}

const summary = (o: CallOutcome): unknown => (o.status === 'result' ? o.payload : o.status === 'error' ? o.errorCode : o.status);
const now = (): string => new Date().toISOString();

/** What the station received last after a ChangeAvailability trigger, optionally with a transaction running. */
async function sent(sim: CsmsSimulator, url: string, params: Record<string, unknown>, withTx = false): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  if (withTx) await station.call('TransactionEvent', { eventType: 'Started', timestamp: now(), triggerReason: 'CablePluggedIn', seqNo: 0, transactionInfo: { transactionId: 'TX-G1' }, evse: { id: 1, connectorId: 1 } });
  await sim.perform('triggerChangeAvailability', params);
  return station.callsIn().at(-1) ?? 'nothing sent';
}

async function answered(url: string, action: string, payload: Record<string, unknown>): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  return summary(await station.call(action, payload));
}

const change = (payload: Record<string, unknown>): unknown => ({ action: 'ChangeAvailability', payload });

export const availabilityCases: BlockDefectCase[] = [
  {
    defect: 'change-availability-station-as-evse-0',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, { operationalStatus: 'Inoperative' }),
    expected: [change({ operationalStatus: 'Inoperative' }), change({ operationalStatus: 'Inoperative', evse: { id: 0 } })],
  },
  {
    defect: 'change-availability-drops-connector',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, { operationalStatus: 'Inoperative', evseId: 1, connectorId: 1 }),
    expected: [change({ operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } }), change({ operationalStatus: 'Inoperative', evse: { id: 1 } })],
  },
  {
    defect: 'change-availability-always-inoperative',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, { operationalStatus: 'Operative', evseId: 1 }),
    expected: [change({ operationalStatus: 'Operative', evse: { id: 1 } }), change({ operationalStatus: 'Inoperative', evse: { id: 1 } })],
  },
  {
    defect: 'change-availability-tx-whole-station',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, { operationalStatus: 'Inoperative', evseId: 1 }, true),
    expected: [change({ operationalStatus: 'Inoperative', evse: { id: 1 } }), change({ operationalStatus: 'Inoperative' })],
  },
  {
    defect: 'status-notification-unavailable-error',
    version: '2.0.1',
    observe: (_sim, url) => answered(url, 'StatusNotification', { timestamp: now(), connectorStatus: 'Unavailable', evseId: 1, connectorId: 1 }),
    expected: [{}, 'PropertyConstraintViolation'],
  },
  {
    defect: 'notify-event-unknown-component-error',
    version: '2.0.1',
    observe: (_sim, url) =>
      answered(url, 'NotifyEvent', {
        generatedAt: now(),
        seqNo: 0,
        eventData: [{ eventId: 1, timestamp: now(), trigger: 'Delta', actualValue: 'true', eventNotificationType: 'HardWiredNotification', component: { name: 'ConnectorPlugRetentionLock', evse: { id: 1, connectorId: 1 } }, variable: { name: 'Problem' } }],
      }),
    expected: [{}, 'PropertyConstraintViolation'],
  },
];
