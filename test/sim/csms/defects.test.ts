/**
 * Every CSMS defect visibly changes the wire: the same scenario runs against the compliant
 * simulator and against the simulator with only that defect, and what the station observed
 * differs in the way the defect describes.
 */
import { expect } from 'chai';
import { probeUpgrade } from '../../../src/transport/upgrade-probe.js';
import { csmsDefects, CsmsSimulator, type CsmsSimulatorOptions } from '../../../src/sim/csms/index.js';
import { robustnessDefects } from '../../../src/sim/robustness/wire-quirks.js';
import type { OcppVersion } from '../../../src/protocol/versions.js';
import type { CallOutcome } from '../../../src/session/endpoint.js';
import { bootOf, cleanup, connectStation, startCsms, type TestStation } from './support.js';
import { provisioningAuthorizationCases } from './defects-provisioning-authorization.js';
import { ncustCases } from './defects-ncust.js';
import { firmware16CsmsCases } from './defects-fw16.js';
import { lcsmsCases } from './defects-lcsms.js';
import { remoteControlCases } from './defects-f.js';
import { localListCases } from './defects-local-list.js';
import { eCsmsCases } from './defects-e-csms.js';
import { contractOcspCases } from './defects-c-ocsp.js';
import { availabilityCases } from './defects-g.js';
import { jpCases } from './defects-jp.js';
import { securityCases } from './defects-security.js';
import { security16Cases } from './defects-sec16.js';
import { sec16bCases } from './defects-sec16b.js';
import { kcsmsCases } from './defects-kcsms.js';
import { reservationCsmsCases } from './defects-hres.js';
import { hcsmsCases } from './defects-hcsms.js';

interface DefectCase {
  defect: string;
  version: OcppVersion;
  options?: Partial<CsmsSimulatorOptions>;
  /** Runs the scenario and returns what the station saw. */
  observe(sim: CsmsSimulator, url: string): Promise<unknown>;
  /** What the station sees against the compliant simulator, then with the defect. */
  expected: [unknown, unknown];
}

const now = (): string => new Date().toISOString();
const summary = (o: CallOutcome): unknown => (o.status === 'result' ? o.payload : o.status === 'error' ? o.errorCode : o.status);
const connect = async (url: string, version: OcppVersion, opts = {}): Promise<TestStation> => connectStation(url, version, opts);
const booted = async (url: string, version: OcppVersion): Promise<TestStation> => {
  const station = await connect(url, version);
  await station.call('BootNotification', bootOf(version));
  return station;
};
const connects = async (url: string, version: OcppVersion, opts: Record<string, unknown>): Promise<string> => {
  try {
    await connect(url, version, opts);
    return 'connected';
  } catch {
    return 'refused';
  }
};
const lastCall = async (sim: CsmsSimulator, url: string, version: OcppVersion, trigger: string, params: Record<string, unknown>, before?: (s: TestStation) => Promise<void>): Promise<unknown> => {
  const station = await booted(url, version);
  if (before) await before(station);
  await sim.perform(trigger, params);
  return station.callsIn().at(-1) ?? 'nothing sent';
};
const authorize201 = async (url: string, idToken: string): Promise<unknown> => {
  const station = await connect(url, '2.0.1');
  return summary(await station.call('Authorize', { idToken: { idToken, type: 'ISO14443' } }));
};
const authorize16 = async (url: string, idTag: string): Promise<unknown> => summary(await (await connect(url, '1.6')).call('Authorize', { idTag }));
const txEvent = (eventType: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventType,
  timestamp: now(),
  triggerReason: 'Authorized',
  seqNo: 0,
  transactionInfo: { transactionId: 'TX-9' },
  ...extra,
});
const startTx16 = async (s: TestStation): Promise<void> => {
  await s.call('StartTransaction', { connectorId: 1, idTag: '04A1B2C3D4E5F6', meterStart: 0, timestamp: now() });
};

const cases: DefectCase[] = [
  {
    defect: 'accepts-wrong-password',
    version: '2.0.1',
    options: { securityProfile: 1, password: 'right-password-16' },
    observe: (_sim, url) => connects(url, '2.0.1', { password: 'wrong-password-16' }),
    expected: ['refused', 'connected'],
  },
  {
    defect: 'accepts-unknown-station',
    version: '1.6',
    observe: (_sim, url) => connects(url, '1.6', { identity: 'STRANGER' }),
    expected: ['refused', 'connected'],
  },
  {
    defect: 'keeps-connection-without-subprotocol',
    version: '2.0.1',
    observe: async (_sim, url) => {
      const probe = await probeUpgrade({ url: `${url}/CP001`, subprotocols: ['ocpp1.5'], withinMs: 500 });
      return probe.upgraded ? (probe.closedAfterMs === undefined ? 'kept open' : 'closed') : 'refused';
    },
    expected: ['closed', 'kept open'],
  },
  {
    defect: 'subprotocol-first-offered-only',
    version: '2.0.1',
    observe: async (_sim, url) => {
      const station = await connect(url, '2.0.1', { subprotocols: ['ocpp1.6', 'ocpp2.0.1'] });
      try {
        return summary(await station.call('Heartbeat', {})) === 'closed' ? 'dropped' : 'served';
      } catch {
        return 'dropped';
      }
    },
    expected: ['served', 'dropped'],
  },
  {
    defect: 'unknown-action-internal-error',
    version: '2.0.1',
    observe: async (_sim, url) => summary(await (await connect(url, '2.0.1')).call('MadeUpAction', {})),
    expected: ['NotImplemented', 'InternalError'],
  },
  {
    defect: 'wrong-error-code-spelling',
    version: '2.0.1',
    observe: async (_sim, url) => summary(await (await connect(url, '2.0.1')).call('BootNotification', { reason: 'PowerUp' })),
    expected: ['OccurrenceConstraintViolation', 'OccurenceConstraintViolation'],
  },
  {
    defect: 'accepts-invalid-boot',
    version: '1.6',
    observe: async (_sim, url) => {
      const outcome = await (await connect(url, '1.6')).call('BootNotification', { chargePointVendor: 'x' });
      return outcome.status === 'result' ? outcome.payload.status : summary(outcome);
    },
    expected: ['OccurenceConstraintViolation', 'Accepted'],
  },
  {
    defect: 'boot-without-interval',
    version: '2.0.1',
    observe: async (_sim, url) => ((await connect(url, '2.0.1')).call('BootNotification', bootOf('2.0.1')).then((o) => (summary(o) as { interval: number }).interval)),
    expected: [60, 0],
  },
  {
    defect: 'wrong-boot-interval',
    version: '1.6',
    observe: async (_sim, url) => ((await connect(url, '1.6')).call('BootNotification', bootOf('1.6')).then((o) => (summary(o) as { interval: number }).interval)),
    expected: [60, 86_400],
  },
  {
    defect: 'boot-always-pending',
    version: '2.0.1',
    observe: async (_sim, url) => ((await connect(url, '2.0.1')).call('BootNotification', bootOf('2.0.1')).then((o) => (summary(o) as { status: string }).status)),
    expected: ['Accepted', 'Pending'],
  },
  {
    defect: 'accepts-calls-while-pending',
    version: '2.0.1',
    options: { bootPolicy: ['Pending'] },
    observe: async (_sim, url) => {
      const station = await booted(url, '2.0.1');
      const outcome = await station.call('StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
      return summary(outcome);
    },
    expected: ['SecurityError', {}],
  },
  {
    defect: 'heartbeat-wrong-time',
    version: '2.0.1',
    observe: async (_sim, url) => {
      const station = await connect(url, '2.0.1');
      const time = (summary(await station.call('Heartbeat', {})) as { currentTime: string }).currentTime;
      const formatFindings = station.endpoint.findings.filter((f) => f.code === 'format.dateTime').length;
      return [/Z$/.test(time), formatFindings];
    },
    expected: [[true, 0], [false, 1]],
  },
  { defect: 'rejects-valid-token', version: '2.0.1', observe: (_s, url) => authorize201(url, '04A1B2C3D4E5F6'), expected: [{ idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'GROUP-01', type: 'Central' } } }, { idTokenInfo: { status: 'Invalid', groupIdToken: { idToken: 'GROUP-01', type: 'Central' } } }] },
  { defect: 'accepts-invalid-token', version: '1.6', observe: (_s, url) => authorize16(url, '04FFEEDDCCBBAA'), expected: [{ idTagInfo: { status: 'Invalid' } }, { idTagInfo: { status: 'Accepted' } }] },
  { defect: 'accepts-blocked-token', version: '2.0.1', observe: (_s, url) => authorize201(url, '04B10C4ED00001'), expected: [{ idTokenInfo: { status: 'Blocked' } }, { idTokenInfo: { status: 'Accepted' } }] },
  { defect: 'blocked-token-invalid', version: '1.6', observe: (_s, url) => authorize16(url, '04B10C4ED00001'), expected: [{ idTagInfo: { status: 'Blocked' } }, { idTagInfo: { status: 'Invalid' } }] },
  { defect: 'accepts-expired-token', version: '1.6', observe: (_s, url) => authorize16(url, '04E0E1E2E3E4E5'), expected: [{ idTagInfo: { status: 'Expired' } }, { idTagInfo: { status: 'Accepted' } }] },
  { defect: 'group-id-missing', version: '1.6', observe: (_s, url) => authorize16(url, '04A1B2C3D4E5F7'), expected: [{ idTagInfo: { status: 'Accepted', parentIdTag: 'GROUP-01' } }, { idTagInfo: { status: 'Accepted' } }] },
  {
    defect: 'transaction-event-without-idtokeninfo',
    version: '2.0.1',
    observe: async (_s, url) => summary(await (await booted(url, '2.0.1')).call('TransactionEvent', txEvent('Started', { idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' } }))),
    expected: [{ idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'GROUP-01', type: 'Central' } } }, {}],
  },
  {
    defect: 'transaction-ended-error',
    version: '2.0.1',
    observe: async (_s, url) => summary(await (await booted(url, '2.0.1')).call('TransactionEvent', txEvent('Ended', { triggerReason: 'StopAuthorized', transactionInfo: { transactionId: 'TX-9', stoppedReason: 'Local' } }))),
    expected: [{}, 'InternalError'],
  },
  {
    defect: 'transaction-ended-error',
    version: '1.6',
    observe: async (_s, url) => {
      const station = await booted(url, '1.6');
      await startTx16(station);
      return summary(await station.call('StopTransaction', { transactionId: 1, meterStop: 5, timestamp: now() }));
    },
    expected: [{}, 'InternalError'],
  },
  {
    defect: 'transaction-id-zero',
    version: '1.6',
    observe: async (_s, url) => (summary(await (await booted(url, '1.6')).call('StartTransaction', { connectorId: 1, idTag: '04A1B2C3D4E5F6', meterStart: 0, timestamp: now() })) as { transactionId: number }).transactionId,
    expected: [1, 0],
  },
  // Issue #17 (1.6 Core CSMS cases): what a Central System must take from a Charge Point, and the shortcuts that break it.
  { defect: 'expired-token-invalid', version: '1.6', observe: (_s, url) => authorize16(url, '04E0E1E2E3E4E5'), expected: [{ idTagInfo: { status: 'Expired' } }, { idTagInfo: { status: 'Invalid' } }] },
  {
    defect: 'status-enum-limited',
    version: '1.6',
    observe: async (_s, url) => summary(await (await booted(url, '1.6')).call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'SuspendedEV' })),
    expected: [{}, 'PropertyConstraintViolation'],
  },
  {
    defect: 'preparing-to-available-error',
    version: '1.6',
    observe: async (_s, url) => {
      const station = await booted(url, '1.6');
      await station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
      return summary(await station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }));
    },
    expected: [{}, 'InternalError'],
  },
  {
    defect: 'stop-reason-limited',
    version: '1.6',
    observe: async (_s, url) => {
      const station = await booted(url, '1.6');
      await startTx16(station);
      return summary(await station.call('StopTransaction', { transactionId: 1, meterStop: 5, timestamp: now(), reason: 'EVDisconnected' }));
    },
    expected: [{}, 'PropertyConstraintViolation'],
  },
  {
    defect: 'start-requires-authorize',
    version: '1.6',
    observe: async (_s, url) => summary(await (await booted(url, '1.6')).call('StartTransaction', { connectorId: 1, idTag: '04A1B2C3D4E5F6', meterStart: 0, timestamp: now() })),
    expected: [{ idTagInfo: { status: 'Accepted', parentIdTag: 'GROUP-01' }, transactionId: 1 }, { idTagInfo: { status: 'Invalid' }, transactionId: 1 }],
  },
  {
    defect: 'data-transfer-callerror',
    version: '1.6',
    observe: async (_s, url) => summary(await (await booted(url, '1.6')).call('DataTransfer', { vendorId: 'com.example.unsupported' })),
    expected: [{ status: 'UnknownVendorId' }, 'NotImplemented'],
  },
  {
    defect: 'unlock-connector-zero',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerUnlockConnector', { connectorId: 1 }),
    expected: [{ action: 'UnlockConnector', payload: { connectorId: 1 } }, { action: 'UnlockConnector', payload: { connectorId: 0 } }],
  },
  {
    defect: 'unlock-connector-first-only',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerUnlockConnector', { connectorId: 2 }),
    expected: [{ action: 'UnlockConnector', payload: { connectorId: 2 } }, { action: 'UnlockConnector', payload: { connectorId: 1 } }],
  },
  {
    defect: 'clear-cache-extra-field',
    version: '1.6',
    // The station's endpoint refuses the schema-invalid CALL before a handler sees it: read the wire.
    observe: async (sim, url) => {
      const station = await booted(url, '1.6');
      await sim.perform('triggerClearCache', {});
      await new Promise((resolve) => setTimeout(resolve, 100));
      const frame = station.frames().filter(([direction, f]) => direction === 'in' && f[0] === 2).at(-1)?.[1];
      return frame === undefined ? 'nothing sent' : { action: frame[2], payload: frame[3] };
    },
    expected: [{ action: 'ClearCache', payload: {} }, { action: 'ClearCache', payload: { connectorId: 1 } }],
  },
  {
    defect: 'remote-stop-ongoing-only',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerRequestStopTransaction', { transactionId: 777 }, startTx16),
    expected: [{ action: 'RemoteStopTransaction', payload: { transactionId: 777 } }, { action: 'RemoteStopTransaction', payload: { transactionId: 1 } }],
  },
  {
    defect: 'meter-values-evse0-error',
    version: '2.0.1',
    observe: async (_s, url) => summary(await (await booted(url, '2.0.1')).call('MeterValues', { evseId: 0, meterValue: [{ timestamp: now(), sampledValue: [{ value: 1, context: 'Sample.Clock' }] }] })),
    expected: [{}, 'PropertyConstraintViolation'],
  },
  {
    defect: 'ignores-trigger',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerClearCache', {}),
    expected: [{ action: 'ClearCache', payload: {} }, 'nothing sent'],
  },
  {
    defect: 'reset-wrong-type',
    version: '2.0.1',
    observe: (sim, url) => lastCall(sim, url, '2.0.1', 'triggerReset', { type: 'OnIdle' }),
    expected: [{ action: 'Reset', payload: { type: 'OnIdle' } }, { action: 'Reset', payload: { type: 'Immediate' } }],
  },
  {
    defect: 'remote-start-without-idtoken',
    version: '2.0.1',
    observe: (sim, url) => lastCall(sim, url, '2.0.1', 'triggerRequestStartTransaction', { evseId: 1, remoteStartId: 7 }),
    expected: [
      { action: 'RequestStartTransaction', payload: { evseId: 1, remoteStartId: 7, idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' } } },
      { action: 'RequestStartTransaction', payload: { evseId: 1, remoteStartId: 7, idToken: { idToken: '', type: 'NoAuthorization' } } },
    ],
  },
  {
    defect: 'remote-start-without-idtoken',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerRequestStartTransaction', { connectorId: 1 }),
    expected: [{ action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag: '04A1B2C3D4E5F6' } }, { action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag: '' } }],
  },
  {
    defect: 'no-transaction-id',
    version: '2.0.1',
    observe: (sim, url) => lastCall(sim, url, '2.0.1', 'triggerRequestStopTransaction', {}, async (s) => void (await s.call('TransactionEvent', txEvent('Started')))),
    expected: [{ action: 'RequestStopTransaction', payload: { transactionId: 'TX-9' } }, { action: 'RequestStopTransaction', payload: { transactionId: '' } }],
  },
  {
    defect: 'remote-stop-wrong-transaction',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerRequestStopTransaction', {}, startTx16),
    expected: [{ action: 'RemoteStopTransaction', payload: { transactionId: 1 } }, { action: 'RemoteStopTransaction', payload: { transactionId: 1001 } }],
  },
  {
    defect: 'change-availability-without-evse',
    version: '2.0.1',
    observe: (sim, url) => lastCall(sim, url, '2.0.1', 'triggerChangeAvailability', { evseId: 1, operationalStatus: 'Operative' }),
    expected: [{ action: 'ChangeAvailability', payload: { operationalStatus: 'Operative', evse: { id: 1 } } }, { action: 'ChangeAvailability', payload: { operationalStatus: 'Operative' } }],
  },
  {
    defect: 'config-key-wrong-case',
    version: '2.0.1',
    observe: (sim, url) => lastCall(sim, url, '2.0.1', 'triggerSetVariables', { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: '123' }),
    expected: [
      { action: 'SetVariables', payload: { setVariableData: [{ attributeValue: '123', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] } },
      { action: 'SetVariables', payload: { setVariableData: [{ attributeValue: '123', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'offlinethreshold' } }] } },
    ],
  },
  {
    defect: 'config-key-wrong-case',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerSetVariables', { key: 'HeartbeatInterval', value: '30' }),
    expected: [{ action: 'ChangeConfiguration', payload: { key: 'HeartbeatInterval', value: '30' } }, { action: 'ChangeConfiguration', payload: { key: 'heartbeatinterval', value: '30' } }],
  },
  {
    defect: 'get-configuration-fixed-keys',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerGetVariables', {}),
    expected: [{ action: 'GetConfiguration', payload: {} }, { action: 'GetConfiguration', payload: { key: ['HeartbeatInterval'] } }],
  },
  {
    defect: 'local-list-wrong-update-type',
    version: '1.6',
    observe: async (sim, url) => ((await lastCall(sim, url, '1.6', 'triggerSendLocalList', { updateType: 'Full' })) as { payload: { updateType: string } }).payload.updateType,
    expected: ['Full', 'Differential'],
  },
  {
    defect: 'local-list-entries-without-idtaginfo',
    version: '1.6',
    observe: async (sim, url) => {
      const call = (await lastCall(sim, url, '1.6', 'triggerSendLocalList', { updateType: 'Full' })) as { payload: { localAuthorizationList?: Array<Record<string, unknown>> } };
      return (call.payload.localAuthorizationList ?? []).every((e) => e['idTagInfo'] !== undefined);
    },
    expected: [true, false],
  },
  {
    defect: 'get-local-list-version-with-payload',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerGetLocalListVersion', {}),
    // The test station's endpoint refuses the schema-invalid request (FormationViolation): none arrives.
    expected: [{ action: 'GetLocalListVersion', payload: {} }, 'nothing sent'],
  },
  {
    defect: 'trigger-message-no-connector',
    version: '1.6',
    observe: (sim, url) => lastCall(sim, url, '1.6', 'triggerTriggerMessage', { requestedMessage: 'MeterValues', connectorId: 2 }),
    expected: [{ action: 'TriggerMessage', payload: { requestedMessage: 'MeterValues', connectorId: 2 } }, { action: 'TriggerMessage', payload: { requestedMessage: 'MeterValues' } }],
  },
  {
    defect: 'trigger-message-wrong-message',
    version: '2.0.1',
    observe: (sim, url) => lastCall(sim, url, '2.0.1', 'triggerTriggerMessage', { requestedMessage: 'Heartbeat' }),
    expected: [{ action: 'TriggerMessage', payload: { requestedMessage: 'Heartbeat' } }, { action: 'TriggerMessage', payload: { requestedMessage: 'StatusNotification' } }],
  },
  ...provisioningAuthorizationCases,
  ...remoteControlCases,
  ...localListCases,
  ...eCsmsCases,
  ...contractOcspCases,
  ...availabilityCases,
  ...jpCases,
  ...securityCases,
  ...security16Cases,
  ...sec16bCases,
  ...kcsmsCases,
  ...ncustCases,
  ...firmware16CsmsCases,
  ...lcsmsCases,
  ...reservationCsmsCases,
  ...hcsmsCases,
];

describe('CSMS simulator defects', () => {
  afterEach(cleanup);

  it('every defect has a wire test, for each of its versions or at least one', () => {
    const tested = new Set(cases.map((c) => c.defect));
    // The robustness quirks change the wire in every RB_ case that names them: test/catalogue/robustness-proof.test.ts.
    const proven = new Set(robustnessDefects('csms').map((d) => d.name));
    expect(csmsDefects.map((d) => d.name).filter((n) => !tested.has(n) && !proven.has(n))).to.deep.equal([]);
    for (const c of cases) expect(csmsDefects.find((d) => d.name === c.defect)?.versions, c.defect).to.include(c.version);
  });

  for (const c of cases) {
    it(`${c.defect} (OCPP ${c.version}) changes what the station sees`, async () => {
      const compliant = await startCsms({ version: c.version, ...c.options });
      const good = await c.observe(compliant.sim, compliant.url);
      const defective = await startCsms({ version: c.version, ...c.options, defects: [c.defect] });
      const bad = await c.observe(defective.sim, defective.url);
      expect([good, bad]).to.deep.equal(c.expected);
      expect(bad).not.to.deep.equal(good);
    });
  }

  it('defects combine', async () => {
    const { url } = await startCsms({ version: '2.0.1', defects: ['boot-without-interval', 'heartbeat-wrong-time'] });
    const answer = await (await connect(url, '2.0.1')).call('BootNotification', bootOf('2.0.1'));
    const payload = summary(answer) as { interval: number; currentTime: string };
    expect(payload.interval).to.equal(0);
    expect(payload.currentTime).not.to.match(/Z$/);
  });

  it('refuses a defect of the station simulator or of another version', () => {
    expect(() => new CsmsSimulator({ version: '2.0.1', defects: ['transaction-id-zero'] })).to.throw(/not a CSMS defect of OCPP 2.0.1/);
    expect(() => new CsmsSimulator({ version: '1.6', defects: ['no-authorize'] })).to.throw(/not a CSMS defect/);
  });
});
