/**
 * Wire tests of the 2.0.1 CSMS defects of block E (transactions) added for the `_CSMS` cases of
 * issue #19: each scenario runs against the compliant simulator and against the one with the
 * defect (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { CallOutcome } from '../../../src/session/endpoint.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation, type TestStation } from './support.js';

const summary = (o: CallOutcome): unknown => (o.status === 'result' ? o.payload : o.status === 'error' ? o.errorCode : o.status);
const now = (): string => new Date().toISOString();

async function booted(url: string): Promise<TestStation> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  return station;
}

const event = (transactionId: string, seqNo: number, eventType: string, triggerReason: string, extra: JsonObject = {}, info: JsonObject = {}): JsonObject => ({
  eventType,
  timestamp: now(),
  triggerReason,
  seqNo,
  transactionInfo: { transactionId, ...info },
  ...extra,
});

/** The answers to a series of TransactionEvents on one booted connection. */
async function answers(url: string, events: JsonObject[]): Promise<unknown[]> {
  const station = await booted(url);
  const out: unknown[] = [];
  for (const e of events) out.push(summary(await station.call('TransactionEvent', e)));
  return out;
}

/** What the station received after the GetTransactionStatus trigger, with a transaction open. */
async function statusAsked(sim: CsmsSimulator, url: string, params: Record<string, unknown>): Promise<unknown> {
  const station = await booted(url);
  await station.call('TransactionEvent', event('TX-ENDED', 0, 'Started', 'CablePluggedIn', { evse: { id: 1, connectorId: 1 } }));
  await station.call('TransactionEvent', event('TX-ENDED', 1, 'Ended', 'EVCommunicationLost', {}, { stoppedReason: 'EVDisconnected' }));
  await station.call('TransactionEvent', event('TX-ON', 0, 'Started', 'CablePluggedIn', { evse: { id: 1, connectorId: 1 } }));
  await sim.perform('triggerGetTransactionStatus', params);
  return station.callsIn().at(-1) ?? 'nothing sent';
}

const evse = { evse: { id: 1, connectorId: 1 } };
const signed = {
  meterValue: [{ timestamp: now(), sampledValue: [{ value: 0, context: 'Transaction.Begin', signedMeterValue: { signedMeterData: 'AAAA', signingMethod: 'ECDSA', encodingMethod: 'OCMF', publicKey: 'BBBB' } }] }],
};

export const eCsmsCases: BlockDefectCase[] = [
  {
    defect: 'tx-start-without-idtoken-error',
    version: '2.0.1',
    observe: (_s, url) => answers(url, [event('TX-1', 0, 'Started', 'CablePluggedIn', evse, { chargingState: 'EVConnected' })]),
    expected: [[{}], ['PropertyConstraintViolation']],
  },
  {
    defect: 'signed-meter-value-error',
    version: '2.0.1',
    observe: (_s, url) => answers(url, [event('TX-1', 0, 'Started', 'CablePluggedIn', { ...evse, ...signed })]),
    expected: [[{}], ['FormatViolation']],
  },
  {
    defect: 'parking-bay-trigger-error',
    version: '2.0.1',
    observe: (_s, url) => answers(url, [event('TX-1', 0, 'Started', 'EVDetected', evse), event('TX-1', 1, 'Ended', 'EVDeparted', {}, { stoppedReason: 'Local' })]),
    expected: [
      [{}, {}],
      ['NotSupported', 'NotSupported'],
    ],
  },
  {
    defect: 'suspended-ev-error',
    version: '2.0.1',
    observe: (_s, url) => answers(url, [event('TX-1', 0, 'Started', 'CablePluggedIn', evse), event('TX-1', 1, 'Updated', 'ChargingStateChanged', {}, { chargingState: 'SuspendedEV' })]),
    expected: [
      [{}, {}],
      [{}, 'PropertyConstraintViolation'],
    ],
  },
  {
    defect: 'unusual-stopped-reason-error',
    version: '2.0.1',
    observe: (_s, url) =>
      answers(url, [
        event('TX-1', 0, 'Started', 'CablePluggedIn', evse),
        event('TX-1', 1, 'Ended', 'EVConnectTimeout', {}, { stoppedReason: 'Timeout' }),
        event('TX-2', 0, 'Started', 'CablePluggedIn', evse),
        event('TX-2', 1, 'Ended', 'StopAuthorized', {}, { stoppedReason: 'Local' }),
      ]),
    expected: [
      [{}, {}, {}, {}],
      [{}, 'PropertyConstraintViolation', {}, {}],
    ],
  },
  {
    defect: 'closes-tx-on-ev-communication-lost',
    version: '2.0.1',
    observe: (_s, url) =>
      answers(url, [
        event('TX-1', 0, 'Started', 'CablePluggedIn', evse),
        event('TX-1', 1, 'Updated', 'EVCommunicationLost', {}, { chargingState: 'Idle' }),
        event('TX-1', 2, 'Updated', 'CablePluggedIn', {}, { chargingState: 'EVConnected' }),
      ]),
    expected: [
      [{}, {}, {}],
      [{}, {}, 'PropertyConstraintViolation'],
    ],
  },
  {
    defect: 'rejects-events-after-ended',
    version: '2.0.1',
    observe: (_s, url) =>
      answers(url, [
        event('TX-1', 0, 'Started', 'CablePluggedIn', evse),
        event('TX-1', 3, 'Ended', 'EVCommunicationLost', { offline: true }, { stoppedReason: 'EVDisconnected' }),
        event('TX-1', 1, 'Updated', 'StopAuthorized', { offline: true }),
      ]),
    expected: [
      [{}, {}, {}],
      [{}, {}, 'PropertyConstraintViolation'],
    ],
  },
  {
    defect: 'rejects-seqno-reset',
    version: '2.0.1',
    observe: (_s, url) =>
      answers(url, [
        event('TX-1', 0, 'Started', 'CablePluggedIn', evse),
        event('TX-1', 1, 'Ended', 'EVCommunicationLost', {}, { stoppedReason: 'EVDisconnected' }),
        event('TX-2', 0, 'Started', 'CablePluggedIn', evse),
      ]),
    expected: [
      [{}, {}, {}],
      [{}, {}, 'PropertyConstraintViolation'],
    ],
  },
  {
    defect: 'offline-event-error',
    version: '2.0.1',
    observe: (_s, url) => answers(url, [event('TX-1', 0, 'Started', 'CablePluggedIn', evse), event('TX-1', 1, 'Updated', 'MeterValuePeriodic', { offline: true })]),
    expected: [
      [{}, {}],
      [{}, 'InternalError'],
    ],
  },
  {
    defect: 'transaction-status-wrong-id',
    version: '2.0.1',
    observe: (sim, url) => statusAsked(sim, url, { transactionId: 'TX-ON' }),
    expected: [
      { action: 'GetTransactionStatus', payload: { transactionId: 'TX-ON' } },
      { action: 'GetTransactionStatus', payload: { transactionId: 'TX-ENDED' } },
    ],
  },
  {
    defect: 'transaction-status-with-id',
    version: '2.0.1',
    observe: (sim, url) => statusAsked(sim, url, {}),
    expected: [
      { action: 'GetTransactionStatus', payload: {} },
      { action: 'GetTransactionStatus', payload: { transactionId: 'TX-ON' } },
    ],
  },
];
