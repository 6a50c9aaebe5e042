/**
 * Wire tests of the 2.0.1 CSMS defects of blocks B (provisioning, provisioning-requests) and C
 * (authorization) added for the `_CSMS` cases of issue #18: each scenario runs against the
 * compliant simulator and against the one with the defect (defects.test.ts runs them).
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
const status = (o: CallOutcome): unknown => (o.status === 'result' ? o.payload['status'] : summary(o));

/** What the station received last after a trigger on a booted 2.0.1 connection. */
async function sent(sim: CsmsSimulator, url: string, trigger: string, params: Record<string, unknown>): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  await sim.perform(trigger, params);
  return station.callsIn().at(-1) ?? 'nothing sent';
}

const authorize = async (url: string, idToken: string): Promise<unknown> => summary(await (await connectStation(url, '2.0.1')).call('Authorize', { idToken: { idToken, type: 'ISO14443' } }));
const two = [
  { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } },
  { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' } },
];
const evseOne = [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } }];
const profile = { configurationSlot: 1, ocppCsmsUrl: 'ws://csms.example.org/ocpp', messageTimeout: 30, securityProfile: 0, ocppInterface: 'Wired0' };
const connectionData = (ocppVersion: string) => ({ ocppVersion, ocppTransport: 'JSON', ocppCsmsUrl: 'ws://csms.example.org/ocpp', messageTimeout: 30, securityProfile: 0, ocppInterface: 'Wired0' });

export const provisioningAuthorizationCases: BlockDefectCase[] = [
  {
    defect: 'get-variables-first-only',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerGetVariables', { getVariableData: two }),
    expected: [{ action: 'GetVariables', payload: { getVariableData: two } }, { action: 'GetVariables', payload: { getVariableData: two.slice(0, 1) } }],
  },
  {
    defect: 'set-variables-first-only',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerSetVariables', { setVariableData: two.map((e) => ({ ...e, attributeValue: '1' })) }),
    expected: [
      { action: 'SetVariables', payload: { setVariableData: two.map((e) => ({ ...e, attributeValue: '1' })) } },
      { action: 'SetVariables', payload: { setVariableData: two.slice(0, 1).map((e) => ({ ...e, attributeValue: '1' })) } },
    ],
  },
  {
    defect: 'base-report-wrong-base',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerGetReport', { reportBase: 'SummaryInventory', requestId: 4 }),
    expected: [{ action: 'GetBaseReport', payload: { requestId: 4, reportBase: 'SummaryInventory' } }, { action: 'GetBaseReport', payload: { requestId: 4, reportBase: 'ConfigurationInventory' } }],
  },
  {
    defect: 'report-criteria-dropped',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerGetReport', { requestId: 5, componentCriteria: ['Problem'], componentVariable: evseOne }),
    expected: [{ action: 'GetReport', payload: { requestId: 5, componentVariable: evseOne, componentCriteria: ['Problem'] } }, { action: 'GetReport', payload: { requestId: 5, componentVariable: evseOne } }],
  },
  {
    defect: 'reset-evse-id-dropped',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerReset', { type: 'OnIdle', evseId: 1 }),
    expected: [{ action: 'Reset', payload: { type: 'OnIdle', evseId: 1 } }, { action: 'Reset', payload: { type: 'OnIdle' } }],
  },
  {
    defect: 'get-variables-ignores-items-per-message',
    version: '2.0.1',
    observe: async (sim, url) => {
      const limit = { component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'GetVariables' } };
      const station = await connectStation(url, '2.0.1', { answers: { GetVariables: { getVariableResult: [{ ...limit, attributeStatus: 'Accepted', attributeValue: '1' }] } } });
      await station.call('BootNotification', bootOf('2.0.1'));
      await sim.perform('triggerGetVariables', { getVariableData: [limit] });
      await sim.perform('triggerGetVariables', { getVariableData: two });
      return station.callsIn().slice(1).map((c) => (c.payload['getVariableData'] as unknown[]).length);
    },
    expected: [[1, 1], [2]],
  },
  {
    defect: 'network-profile-wrong-version',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerSetNetworkProfile', profile),
    expected: [
      { action: 'SetNetworkProfile', payload: { configurationSlot: 1, connectionData: connectionData('OCPP20') } },
      { action: 'SetNetworkProfile', payload: { configurationSlot: 1, connectionData: connectionData('OCPP16') } },
    ],
  },
  {
    defect: 'pending-kept-on-same-connection',
    version: '2.0.1',
    options: { bootPolicy: ['Pending', 'Accepted'] },
    observe: async (_sim, url) => {
      const station = await connectStation(url, '2.0.1');
      return [status(await station.call('BootNotification', bootOf('2.0.1'))), status(await station.call('BootNotification', bootOf('2.0.1')))];
    },
    expected: [['Pending', 'Accepted'], ['Pending', 'Pending']],
  },
  {
    defect: 'triggered-boot-kept-pending',
    version: '2.0.1',
    options: { bootPolicy: ['Pending', 'Accepted'] },
    observe: async (_sim, url) => {
      const station = await connectStation(url, '2.0.1');
      const triggered = { ...bootOf('2.0.1'), reason: 'Triggered' };
      return [status(await station.call('BootNotification', bootOf('2.0.1'))), status(await station.call('BootNotification', triggered))];
    },
    expected: [['Pending', 'Accepted'], ['Pending', 'Pending']],
  },
  {
    defect: 'master-pass-as-plain-token',
    version: '2.0.1',
    observe: (_sim, url) => authorize(url, '04AA55AA55AA55'),
    expected: [{ idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'MASTERPASS-01', type: 'Central' } } }, { idTokenInfo: { status: 'Accepted' } }],
  },
  {
    defect: 'clear-cache-as-local-list',
    version: '2.0.1',
    observe: (sim, url) => sent(sim, url, 'triggerClearCache', {}),
    expected: [{ action: 'ClearCache', payload: {} }, { action: 'SendLocalList', payload: { versionNumber: 1, updateType: 'Full' } }],
  },
];
