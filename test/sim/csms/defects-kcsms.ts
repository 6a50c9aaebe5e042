/**
 * Wire tests of the CSMS smart-charging defects (2.0.1 block K, 1.6 Smart Charging;
 * ../../../src/sim/csms/charging-profiles.ts): the part of the request or answer each defect
 * changes, from the compliant simulator and from the one with the defect (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { CallOutcome } from '../../../src/session/endpoint.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { OcppVersion } from '../../../src/protocol/versions.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

const answer = (o: CallOutcome): unknown => (o.status === 'result' ? o.payload : o.status === 'error' ? o.errorCode : o.status);
const o = (v: unknown): JsonObject => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : {});

/** What `pick` takes from the last CALL the station received after `trigger` on a booted connection. */
async function picked(sim: CsmsSimulator, url: string, version: OcppVersion, trigger: string, params: Record<string, unknown>, pick: (payload: JsonObject) => unknown): Promise<unknown> {
  const station = await connectStation(url, version);
  await station.call('BootNotification', bootOf(version));
  await sim.perform(trigger, params);
  const last = station.callsIn().at(-1) as { payload?: JsonObject } | undefined;
  return last?.payload === undefined ? 'nothing sent' : pick(last.payload);
}

const profile201 = (p: JsonObject): JsonObject => o(p['chargingProfile']);
const schedule201 = (p: JsonObject): JsonObject => o((profile201(p)['chargingSchedule'] as unknown[] | undefined)?.[0]);
const set201 = { evseId: 1, chargingProfileId: 7, stackLevel: 2, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', validForS: 60, startSchedule: 'now' };

async function reported(url: string, action: string, payload: JsonObject): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  return answer(await station.call(action, payload));
}

const needs = { evseId: 1, chargingNeeds: { requestedEnergyTransfer: 'AC_three_phase', acChargingParameters: { energyAmount: 20000, evMinCurrent: 6, evMaxCurrent: 32, evMaxVoltage: 400 } } };

/** After the EV's charging needs (and optionally its schedule at `limit`): the CSMS's answers and the profile actions it sent. */
async function needsExchange(url: string, scheduleLimit?: number): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  // A TxProfile needs a transaction (K15: the needs come during one).
  await station.call('TransactionEvent', { eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'CablePluggedIn', seqNo: 0, transactionInfo: { transactionId: 'K-ISO-1' }, evse: { id: 1, connectorId: 1 } });
  const got: unknown[] = [answer(await station.call('NotifyEVChargingNeeds', needs))];
  await new Promise((r) => setTimeout(r, 150));
  if (scheduleLimit !== undefined) {
    got.push(answer(await station.call('NotifyEVChargingSchedule', { timeBase: new Date().toISOString(), evseId: 1, chargingSchedule: { id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: scheduleLimit }] } })));
    await new Promise((r) => setTimeout(r, 150));
  }
  got.push(station.callsIn().filter((c) => c.action === 'SetChargingProfile').length);
  return got;
}

export const kcsmsCases: BlockDefectCase[] = [
  {
    defect: 'ev-charging-needs-rejected',
    version: '2.0.1',
    observe: (_sim, url) => needsExchange(url),
    expected: [[{ status: 'Accepted' }, 1], [{ status: 'Rejected' }, 0]],
  },
  {
    defect: 'ev-charging-needs-no-profile',
    version: '2.0.1',
    observe: (_sim, url) => needsExchange(url),
    expected: [[{ status: 'Accepted' }, 1], [{ status: 'Accepted' }, 0]],
  },
  {
    defect: 'ev-schedule-always-accepted',
    version: '2.0.1',
    observe: (_sim, url) => needsExchange(url, 64),
    expected: [[{ status: 'Accepted' }, { status: 'Rejected' }, 2], [{ status: 'Accepted' }, { status: 'Accepted' }, 1]],
  },
  {
    defect: 'charging-profile-wrong-purpose',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerSetChargingProfile', set201, (p) => profile201(p)['chargingProfilePurpose']),
    expected: ['TxDefaultProfile', 'TxProfile'],
  },
  {
    defect: 'charging-profile-wrong-kind',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerSetChargingProfile', set201, (p) => profile201(p)['chargingProfileKind']),
    expected: ['Absolute', 'Relative'],
  },
  {
    defect: 'charging-profile-without-validity',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerSetChargingProfile', set201, (p) => [typeof profile201(p)['validFrom'], typeof profile201(p)['validTo'], typeof schedule201(p)['startSchedule']]),
    expected: [['string', 'string', 'string'], ['undefined', 'undefined', 'undefined']],
  },
  {
    defect: 'charging-profile-ignores-stack-level',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerSetChargingProfile', set201, (p) => profile201(p)['stackLevel']),
    expected: [2, 0],
  },
  {
    defect: 'charging-profile-fresh-id',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerSetChargingProfile', set201, (p) => profile201(p)['id'] === 7),
    expected: [true, false],
  },
  {
    defect: 'recurring-without-recurrency-kind',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerSetChargingProfile', { ...set201, chargingProfileKind: 'Recurring', recurrencyKind: 'Weekly' }, (p) => profile201(p)['recurrencyKind'] ?? 'absent'),
    expected: ['Weekly', 'absent'],
  },
  {
    defect: 'tx-profile-without-transaction-id',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerSetChargingProfile', { ...set201, chargingProfilePurpose: 'TxProfile', transactionId: 'TX-5' }, (p) => profile201(p)['transactionId'] ?? 'absent'),
    expected: ['TX-5', 'absent'],
  },
  {
    defect: 'remote-start-profile-with-transaction-id',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerRequestStartTransaction', { evseId: 1, chargingProfilePurpose: 'TxProfile' }, (p) => o(p['chargingProfile'])['transactionId'] === undefined),
    expected: [true, false],
  },
  {
    defect: 'smart-charging-wrong-evse',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerGetCompositeSchedule', { evseId: 1, durationS: 300 }, (p) => p['evseId']),
    expected: [1, 0],
  },
  {
    defect: 'smart-charging-wrong-evse',
    version: '1.6',
    observe: (sim, url) => picked(sim, url, '1.6', 'triggerSetChargingProfile', { connectorId: 0, chargingProfilePurpose: 'TxDefaultProfile' }, (p) => p['connectorId']),
    expected: [0, 1],
  },
  {
    defect: 'clear-profile-drops-stack-level',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerClearChargingProfile', { evseId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 3 }, (p) => o(p['chargingProfileCriteria'])['stackLevel'] ?? 'absent'),
    expected: [3, 'absent'],
  },
  {
    defect: 'clear-profile-by-criteria',
    version: '1.6',
    observe: (sim, url) => picked(sim, url, '1.6', 'triggerClearChargingProfile', { chargingProfileId: 12 }, (p) => Object.keys(p).sort()),
    expected: [['id'], ['chargingProfilePurpose', 'stackLevel']],
  },
  {
    defect: 'composite-schedule-drops-rate-unit',
    version: '1.6',
    observe: (sim, url) => picked(sim, url, '1.6', 'triggerGetCompositeSchedule', { connectorId: 1, durationS: 300, chargingRateUnit: 'W' }, (p) => p['chargingRateUnit'] ?? 'absent'),
    expected: ['W', 'absent'],
  },
  {
    defect: 'get-charging-profiles-drops-criteria',
    version: '2.0.1',
    observe: (sim, url) => picked(sim, url, '2.0.1', 'triggerGetChargingProfiles', { evseId: 1, stackLevel: 2 }, (p) => p['chargingProfile']),
    expected: [{ stackLevel: 2 }, {}],
  },
  {
    defect: 'smart-charging-notification-error',
    version: '2.0.1',
    observe: (_sim, url) => reported(url, 'NotifyChargingLimit', { chargingLimit: { chargingLimitSource: 'EMS' } }),
    expected: [{}, 'InternalError'],
  },
];
