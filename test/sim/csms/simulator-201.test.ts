import { expect } from 'chai';
import { rejectionOf } from '../../transport/support.js';
import { boot201, cleanup, connectStation, errorCodeOf, resultOf, startCsms } from './support.js';

const now = (): string => new Date().toISOString();
const txEvent = (eventType: string, seqNo: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventType,
  timestamp: now(),
  triggerReason: eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'StopAuthorized' : 'ChargingStateChanged',
  seqNo,
  transactionInfo: { transactionId: 'TX-1', ...(eventType === 'Ended' ? { stoppedReason: 'Local' } : {}) },
  ...extra,
});

describe('CSMS simulator, OCPP 2.0.1', () => {
  afterEach(cleanup);

  it('answers a boot with the policy sequence and the configured intervals', async () => {
    const { url, sim } = await startCsms({ version: '2.0.1', bootPolicy: ['Pending', 'Pending', 'Accepted'], heartbeatIntervalS: 42, retryIntervalS: 7 });
    const station = await connectStation(url, '2.0.1');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(resultOf(await station.call('BootNotification', boot201)));
    expect(answers.map((a) => a.status)).to.deep.equal(['Pending', 'Pending', 'Accepted', 'Accepted']);
    expect(answers.map((a) => a.interval)).to.deep.equal([7, 7, 42, 42]);
    expect(answers[0]?.currentTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(station.endpoint.findings.filter((f) => f.direction === 'in')).to.deep.equal([]);
    const snap = sim.snapshot() as { stations: Array<{ id: string; bootStatus: string; bootCount: number; model: string }> };
    expect(snap.stations[0]).to.include({ id: 'CP001', bootStatus: 'Accepted', bootCount: 4, model: 'test-station' });
  });

  it('answers Rejected with the retry interval', async () => {
    const { url } = await startCsms({ version: '2.0.1', bootPolicy: ['Rejected'], retryIntervalS: 30 });
    const station = await connectStation(url, '2.0.1');
    expect(resultOf(await station.call('BootNotification', boot201))).to.include({ status: 'Rejected', interval: 30 });
  });

  it('answers other CALLs with SecurityError while Pending, except what it triggered (B02.FR.09)', async () => {
    const { url, sim } = await startCsms({ version: '2.0.1', bootPolicy: ['Pending', 'Accepted'] });
    const station = await connectStation(url, '2.0.1');
    await station.call('BootNotification', boot201);
    expect(errorCodeOf(await station.call('Heartbeat', {}))).to.equal('SecurityError');
    const trigger = await sim.perform('triggerTriggerMessage', { requestedMessage: 'Heartbeat' });
    expect(trigger).to.include({ done: true });
    expect(resultOf(await station.call('Heartbeat', {}))).to.have.property('currentTime');
    await station.call('BootNotification', boot201);
    expect(resultOf(await station.call('StatusNotification', { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 }))).to.deep.equal({});
  });

  it('authorizes the default tokens like the harness configured values expect', async () => {
    const { url } = await startCsms({ version: '2.0.1' });
    const station = await connectStation(url, '2.0.1');
    const status = async (idToken: string): Promise<unknown> => resultOf(await station.call('Authorize', { idToken: { idToken, type: 'ISO14443' } })).idTokenInfo;
    expect(await status('04A1B2C3D4E5F6')).to.deep.equal({ status: 'Accepted', groupIdToken: { idToken: 'GROUP-01', type: 'Central' } });
    expect(await status('04A1B2C3D4E5F7')).to.deep.include({ status: 'Accepted' });
    expect(await status('04FFEEDDCCBBAA')).to.deep.equal({ status: 'Invalid' });
    expect(await status('04B10C4ED00001')).to.deep.equal({ status: 'Blocked' });
    expect(await status('04E0E1E2E3E4E5')).to.deep.equal({ status: 'Expired' });
    expect(await status('NEVER-SEEN')).to.deep.equal({ status: 'Unknown' });
  });

  it('keeps transaction bookkeeping and answers TransactionEvent with idTokenInfo when an idToken is present', async () => {
    const { url, sim } = await startCsms({ version: '2.0.1' });
    const station = await connectStation(url, '2.0.1');
    await station.call('BootNotification', boot201);
    const started = resultOf(await station.call('TransactionEvent', txEvent('Started', 0, { idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' }, evse: { id: 1, connectorId: 1 } })));
    expect(started.idTokenInfo).to.deep.include({ status: 'Accepted' });
    expect(resultOf(await station.call('TransactionEvent', txEvent('Updated', 1)))).to.deep.equal({});
    let snap = sim.snapshot() as { transactions: Array<Record<string, unknown>> };
    expect(snap.transactions[0]).to.include({ transactionId: 'TX-1', ongoing: true, evseId: 1, idToken: '04A1B2C3D4E5F6', messages: 2 });
    // A remote stop names the ongoing transaction from the bookkeeping.
    const stop = await sim.perform('triggerRequestStopTransaction', {});
    expect(stop).to.include({ done: true });
    expect(station.callsIn().at(-1)).to.deep.equal({ action: 'RequestStopTransaction', payload: { transactionId: 'TX-1' } });
    await station.call('TransactionEvent', txEvent('Ended', 2));
    snap = sim.snapshot() as { transactions: Array<Record<string, unknown>> };
    expect(snap.transactions[0]).to.include({ ongoing: false, stoppedReason: 'Local', lastSeqNo: 2 });
    expect(await sim.perform('triggerRequestStopTransaction', {})).to.include({ done: false });
  });

  it('answers every other station message schema-valid (DataTransfer UnknownVendorId by default)', async () => {
    const { url } = await startCsms({ version: '2.0.1' });
    const station = await connectStation(url, '2.0.1');
    await station.call('BootNotification', boot201);
    expect(resultOf(await station.call('DataTransfer', { vendorId: 'com.example' }))).to.deep.equal({ status: 'UnknownVendorId' });
    expect(resultOf(await station.call('NotifyEvent', { generatedAt: now(), seqNo: 0, eventData: [{ eventId: 1, timestamp: now(), trigger: 'Delta', actualValue: 'Available', eventNotificationType: 'HardWiredNotification', component: { name: 'Connector' }, variable: { name: 'AvailabilityState' } }] }))).to.deep.equal({});
    expect(resultOf(await station.call('SecurityEventNotification', { type: 'StartupOfTheDevice', timestamp: now() }))).to.deep.equal({});
    expect(resultOf(await station.call('FirmwareStatusNotification', { status: 'Idle' }))).to.deep.equal({});
    expect(resultOf(await station.call('MeterValues', { evseId: 0, meterValue: [{ timestamp: now(), sampledValue: [{ value: 1 }] }] }))).to.deep.equal({});
    expect(errorCodeOf(await station.call('MadeUpAction', {}))).to.equal('NotImplemented');
    expect(station.endpoint.findings.filter((f) => f.direction === 'in' && f.severity !== 'warning')).to.deep.equal([]);
  });

  it('answers a BootNotification that violates the schema with a CALLERROR', async () => {
    const { url } = await startCsms({ version: '2.0.1' });
    const station = await connectStation(url, '2.0.1');
    expect(errorCodeOf(await station.call('BootNotification', { reason: 'PowerUp' }))).to.equal('OccurrenceConstraintViolation');
  });

  it('sends every trigger with sensible defaults and reports what the station answered', async () => {
    const { url, sim } = await startCsms({ version: '2.0.1' });
    const station = await connectStation(url, '2.0.1');
    await station.call('BootNotification', boot201);
    const sent: Array<[string, Record<string, unknown>, string, Record<string, unknown>]> = [
      ['triggerReset', { type: 'Immediate' }, 'Reset', { type: 'Immediate' }],
      ['triggerRequestStartTransaction', { evseId: 1 }, 'RequestStartTransaction', { evseId: 1, remoteStartId: 1, idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' } }],
      ['triggerChangeAvailability', { evseId: 1, operationalStatus: 'Inoperative' }, 'ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } }],
      ['triggerSetVariables', { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: '123' }, 'SetVariables', { setVariableData: [{ attributeValue: '123', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] }],
      ['triggerGetVariables', { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' }, 'GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] }],
      ['triggerGetReport', {}, 'GetBaseReport', { requestId: 1, reportBase: 'FullInventory' }],
      ['triggerTriggerMessage', { requestedMessage: 'StatusNotification', evseId: 1, connectorId: 1 }, 'TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } }],
      ['triggerUnlockConnector', {}, 'UnlockConnector', { evseId: 1, connectorId: 1 }],
      ['triggerClearCache', {}, 'ClearCache', {}],
      ['triggerGetLocalListVersion', {}, 'GetLocalListVersion', {}],
      ['triggerDataTransfer', { messageId: 'ping' }, 'DataTransfer', { vendorId: 'org.ocpp-conform', messageId: 'ping' }],
      ['triggerCall', { action: 'GetTransactionStatus', payload: {} }, 'GetTransactionStatus', {}],
      ['triggerCancelReservation', { reservationId: 5 }, 'CancelReservation', { reservationId: 5 }],
    ];
    for (const [trigger, params, action, payload] of sent) {
      const result = await sim.perform(trigger, params);
      expect(result, trigger).to.include({ done: true });
      expect(station.callsIn().at(-1), trigger).to.deep.equal({ action, payload });
    }
    expect(await sim.perform('triggerReset', { type: 'OnIdle' })).to.deep.equal({ done: true, detail: 'Reset sent to CP001; the station answered Accepted' });
    for (const trigger of ['triggerSetChargingProfile', 'triggerReserveNow', 'triggerSendLocalList']) {
      expect(await sim.perform(trigger, { evseId: 1 }), trigger).to.include({ done: true });
    }
    const [profile, reserve, list] = station.callsIn().slice(-3);
    expect(profile?.payload).to.nested.include({ evseId: 1, 'chargingProfile.chargingProfilePurpose': 'TxDefaultProfile' });
    expect(reserve?.payload).to.deep.include({ evseId: 1, idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' } });
    expect(list?.payload).to.include({ versionNumber: 1, updateType: 'Full' });
    // Our own checks judged every CALL the simulator sent: none broke the schema.
    expect(station.endpoint.findings.filter((f) => f.layer === 'schema' && f.direction === 'in')).to.deep.equal([]);
  });

  it('says why a trigger cannot be sent', async () => {
    const { url, sim } = await startCsms({ version: '2.0.1' });
    expect(await sim.perform('triggerReset', {})).to.deep.equal({ done: false, reason: 'no station is connected to the CSMS simulator' });
    const station = await connectStation(url, '2.0.1');
    expect(station).to.exist;
    expect(await sim.perform('triggerReset', { type: 'Sideways' })).to.include({ done: false });
    expect(await sim.perform('triggerCancelReservation', {})).to.include({ done: false });
    expect(await sim.perform('noSuchAction', {})).to.include({ done: false });
    expect(await sim.perform('triggerReset', { stationId: 'CP999' })).to.deep.equal({ done: false, reason: 'station CP999 is not connected to the CSMS simulator' });
  });

  it('refuses an unknown station with 404 unless it accepts any', async () => {
    const { url } = await startCsms({ version: '2.0.1' });
    const err = await rejectionOf(connectStation(url, '2.0.1', { identity: 'STRANGER' }));
    expect(String(err)).to.contain('404');
    const open = await startCsms({ version: '2.0.1', acceptAnyStation: true });
    expect((await connectStation(open.url, '2.0.1', { identity: 'STRANGER' })).connection.info.subprotocol).to.equal('ocpp2.0.1');
  });

  it('checks the Basic auth password with security profile 1', async () => {
    const { url } = await startCsms({ version: '2.0.1', securityProfile: 1, password: 'right-password-16' });
    expect(String(await rejectionOf(connectStation(url, '2.0.1', { password: 'wrong-password-16' })))).to.contain('401');
    expect((await connectStation(url, '2.0.1', { password: 'right-password-16' })).connection.info.basicAuth).to.equal(true);
  });

  it('changes the boot policy through the control action and never puts a secret in the snapshot', async () => {
    const { url, sim } = await startCsms({ version: '2.0.1', securityProfile: 1, password: 'right-password-16' });
    expect(await sim.perform('setBootPolicy', { sequence: ['Rejected'] })).to.include({ done: true });
    const station = await connectStation(url, '2.0.1', { password: 'right-password-16' });
    expect(resultOf(await station.call('BootNotification', boot201)).status).to.equal('Rejected');
    expect(JSON.stringify(sim.snapshot())).not.to.contain('right-password-16');
    expect(await sim.perform('disconnectStation', {})).to.include({ done: true });
  });
});
