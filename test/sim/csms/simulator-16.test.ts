import { expect } from 'chai';
import { boot16, cleanup, connectStation, errorCodeOf, resultOf, startCsms } from './support.js';

const now = (): string => new Date().toISOString();

describe('CSMS simulator, OCPP 1.6', () => {
  afterEach(cleanup);

  it('answers BootNotification per the boot policy', async () => {
    const { url } = await startCsms({ version: '1.6', bootPolicy: ['Pending', 'Accepted'], heartbeatIntervalS: 300, retryIntervalS: 5 });
    const station = await connectStation(url, '1.6');
    expect(resultOf(await station.call('BootNotification', boot16))).to.include({ status: 'Pending', interval: 5 });
    expect(resultOf(await station.call('BootNotification', boot16))).to.include({ status: 'Accepted', interval: 300 });
    expect(resultOf(await station.call('Heartbeat', {})).currentTime).to.match(/Z$/);
  });

  it('answers Authorize with idTagInfo and parentIdTag for the default tokens', async () => {
    const { url } = await startCsms({ version: '1.6' });
    const station = await connectStation(url, '1.6');
    const info = async (idTag: string): Promise<unknown> => resultOf(await station.call('Authorize', { idTag })).idTagInfo;
    expect(await info('04A1B2C3D4E5F6')).to.deep.equal({ status: 'Accepted', parentIdTag: 'GROUP-01' });
    expect(await info('04B10C4ED00001')).to.deep.equal({ status: 'Blocked' });
    expect(await info('04E0E1E2E3E4E5')).to.deep.equal({ status: 'Expired' });
    expect(await info('04FFEEDDCCBBAA')).to.deep.equal({ status: 'Invalid' });
    // 1.6 has no Unknown: an unknown idTag is Invalid.
    expect(await info('NEVER-SEEN')).to.deep.equal({ status: 'Invalid' });
  });

  it('numbers transactions, stops them, and remote-stops the ongoing one', async () => {
    const { url, sim } = await startCsms({ version: '1.6' });
    const station = await connectStation(url, '1.6');
    await station.call('BootNotification', boot16);
    const start = resultOf(await station.call('StartTransaction', { connectorId: 1, idTag: '04A1B2C3D4E5F6', meterStart: 0, timestamp: now() }));
    expect(start).to.deep.equal({ idTagInfo: { status: 'Accepted', parentIdTag: 'GROUP-01' }, transactionId: 1 });
    expect(resultOf(await station.call('MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: now(), sampledValue: [{ value: '10' }] }] }))).to.deep.equal({});
    expect(await sim.perform('triggerRequestStopTransaction', {})).to.include({ done: true });
    expect(station.callsIn().at(-1)).to.deep.equal({ action: 'RemoteStopTransaction', payload: { transactionId: 1 } });
    expect(resultOf(await station.call('StopTransaction', { transactionId: 1, idTag: '04A1B2C3D4E5F6', meterStop: 100, timestamp: now(), reason: 'Remote' }))).to.deep.include({ idTagInfo: { status: 'Accepted', parentIdTag: 'GROUP-01' } });
    const second = resultOf(await station.call('StartTransaction', { connectorId: 1, idTag: '04A1B2C3D4E5F7', meterStart: 100, timestamp: now() }));
    expect(second.transactionId).to.equal(2);
    const snap = sim.snapshot() as { transactions: Array<Record<string, unknown>> };
    expect(snap.transactions[0]).to.include({ transactionId: '1', ongoing: false, stoppedReason: 'Remote', meterStopWh: 100, messages: 3 });
  });

  it('sends the 1.6 form of each trigger', async () => {
    const { url, sim } = await startCsms({ version: '1.6' });
    const station = await connectStation(url, '1.6');
    await station.call('BootNotification', boot16);
    const sent: Array<[string, Record<string, unknown>, string, Record<string, unknown>]> = [
      ['triggerReset', { type: 'Hard' }, 'Reset', { type: 'Hard' }],
      ['triggerReset', {}, 'Reset', { type: 'Soft' }],
      ['triggerRequestStartTransaction', { connectorId: 1 }, 'RemoteStartTransaction', { connectorId: 1, idTag: '04A1B2C3D4E5F6' }],
      ['triggerChangeAvailability', { connectorId: 1, type: 'Inoperative' }, 'ChangeAvailability', { connectorId: 1, type: 'Inoperative' }],
      ['triggerSetVariables', { key: 'MeterValueSampleInterval', value: '30' }, 'ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '30' }],
      ['triggerGetVariables', {}, 'GetConfiguration', {}],
      ['triggerGetVariables', { key: ['HeartbeatInterval', 'NumberOfConnectors'] }, 'GetConfiguration', { key: ['HeartbeatInterval', 'NumberOfConnectors'] }],
      ['triggerGetReport', {}, 'GetConfiguration', {}],
      ['triggerTriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 1 }, 'TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 1 }],
      ['triggerUnlockConnector', {}, 'UnlockConnector', { connectorId: 1 }],
      ['triggerClearCache', {}, 'ClearCache', {}],
      ['triggerGetLocalListVersion', {}, 'GetLocalListVersion', {}],
    ];
    for (const [trigger, params, action, payload] of sent) {
      expect(await sim.perform(trigger, params), trigger).to.include({ done: true });
      expect(station.callsIn().at(-1), trigger).to.deep.equal({ action, payload });
    }
    expect(await sim.perform('triggerReserveNow', { connectorId: 1 })).to.include({ done: true });
    expect(station.callsIn().at(-1)?.payload).to.include({ connectorId: 1, idTag: '04A1B2C3D4E5F6', reservationId: 1 });
    expect(await sim.perform('triggerCancelReservation', {})).to.include({ done: true });
    expect(station.callsIn().at(-1)).to.deep.equal({ action: 'CancelReservation', payload: { reservationId: 1 } });
    for (const trigger of ['triggerSetChargingProfile', 'triggerSendLocalList', 'triggerDataTransfer']) {
      expect(await sim.perform(trigger, {}), trigger).to.include({ done: true });
    }
    expect(station.endpoint.findings.filter((f) => f.layer === 'schema' && f.direction === 'in')).to.deep.equal([]);
  });

  it('spells its CALLERRORs the 1.6 way', async () => {
    const { url } = await startCsms({ version: '1.6' });
    const station = await connectStation(url, '1.6');
    expect(errorCodeOf(await station.call('BootNotification', { chargePointVendor: 'x' }))).to.equal('OccurenceConstraintViolation');
    expect(errorCodeOf(await station.call('FancyNewAction', {}))).to.equal('NotImplemented');
  });
});
