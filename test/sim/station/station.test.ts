/** The compliant reference station on the wire, 2.0.1 and 1.6, against a tiny in-test CSMS. */
import { expect } from 'chai';
import type { JsonObject } from '../../../src/protocol/frames.js';
import { createStationSimulator } from '../../../src/sim/station/station-simulator.js';
import { actions, booted, errorFindings, sleep, waitFor, withStation } from './support.js';

const tx = (p: JsonObject): JsonObject => p['transactionInfo'] as JsonObject;

describe('station simulator 2.0.1', function () {
  this.timeout(15_000);

  it('boots Accepted, reports every connector, sends a security event, then heartbeats at the interval', async () => {
    await withStation('2.0.1', { csms: { boot: () => ({ status: 'Accepted', interval: 1 }) }, station: { evses: [1, 2] } }, async (csms, st) => {
      await booted(csms, st);
      await sleep(1_250);
      const seen = actions(csms);
      expect(seen.slice(0, 5)).to.deep.equal(['BootNotification', 'StatusNotification', 'StatusNotification', 'StatusNotification', 'SecurityEventNotification']);
      expect(csms.calls[0]?.payload['reason']).to.equal('PowerUp');
      const statuses = csms.calls.filter((c) => c.action === 'StatusNotification').map((c) => `${String(c.payload['evseId'])}/${String(c.payload['connectorId'])}:${String(c.payload['connectorStatus'])}`);
      expect(statuses).to.deep.equal(['1/1:Available', '2/1:Available', '2/2:Available']);
      const beats = csms.calls.filter((c) => c.action === 'Heartbeat');
      expect(beats).to.have.length(1);
      expect(beats[0]!.atMs - csms.calls[0]!.atMs).to.be.within(900, 1_400);
      expect(errorFindings(csms)).to.deep.equal([]);
    });
  });

  it('while Pending sends nothing but BootNotification and retries after the interval', async () => {
    await withStation('2.0.1', { csms: { boot: (n) => (n === 0 ? { status: 'Pending', interval: 1 } : { status: 'Accepted', interval: 60 }) } }, async (csms, st) => {
      await waitFor(() => st.registration === 'Accepted', 3_000);
      const boots = csms.calls.filter((c) => c.action === 'BootNotification');
      expect(actions(csms).slice(0, 2)).to.deep.equal(['BootNotification', 'BootNotification']);
      expect(boots[1]!.atMs - boots[0]!.atMs).to.be.within(900, 1_500);
    });
  });

  it('answers GetVariables while Pending', async () => {
    await withStation('2.0.1', { csms: { boot: () => ({ status: 'Pending', interval: 5 }) } }, async (csms, st) => {
      await waitFor(() => st.registration === 'Pending');
      const out = await csms.ep().call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] });
      expect(out.status).to.equal('result');
      expect(actions(csms)).to.deep.equal(['BootNotification']);
    });
  });

  it('plug-in first, authorize, stop locally, unplug: messages in order with seqNo from 0', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      const from = csms.calls.length;
      await st.perform('plugIn', { evseId: 1, connectorId: 1 });
      await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' });
      await sleep(150);
      await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' });
      await sleep(150);
      await st.perform('unplug', { evseId: 1 });
      await sleep(150);
      const seen = csms.calls.slice(from).map((c) =>
        c.action === 'TransactionEvent'
          ? `TE:${String(c.payload['eventType'])}:${String(c.payload['triggerReason'])}:${String(tx(c.payload)['chargingState'])}:${String(c.payload['seqNo'])}${tx(c.payload)['stoppedReason'] ? `:${String(tx(c.payload)['stoppedReason'])}` : ''}`
          : c.action === 'StatusNotification'
            ? `SN:${String(c.payload['connectorStatus'])}`
            : c.action,
      );
      expect(seen).to.deep.equal([
        'SN:Occupied',
        'Authorize',
        'TE:Started:Authorized:EVConnected:0',
        'TE:Updated:ChargingStateChanged:Charging:1',
        // Part 2 E07 / Part 6 TC_E_15_CS: TxStopPoint Authorized (the default has it) ends with one event.
        'TE:Ended:StopAuthorized:EVConnected:2:Local',
        'SN:Available',
      ]);
      const started = csms.calls.find((c) => c.payload['eventType'] === 'Started')!;
      expect(started.payload['idToken']).to.deep.equal({ idToken: '04A1B2C3D4E5F6', type: 'ISO14443' });
      expect(started.payload['evse']).to.deep.equal({ id: 1, connectorId: 1 });
      const ids = new Set(csms.calls.filter((c) => c.action === 'TransactionEvent').map((c) => tx(c.payload)['transactionId']));
      expect(ids.size).to.equal(1);
      expect(errorFindings(csms)).to.deep.equal([]);
    });
  });

  it('an Invalid token starts nothing (TC_C_02)', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      await st.perform('plugIn', {});
      const result = await st.perform('presentIdToken', { idToken: '04FFEEDDCCBBAA' });
      await sleep(200);
      expect(result).to.deep.include({ detail: 'Invalid' });
      expect(actions(csms)).to.not.include('TransactionEvent');
    });
  });

  it('remote start (RemoteStart + remoteStartId) and remote stop (RemoteStop, Remote)', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      await st.perform('plugIn', {});
      const start = await csms.ep().call('RequestStartTransaction', { idToken: { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' }, remoteStartId: 7, evseId: 1 });
      expect(start.status === 'result' && start.payload['status']).to.equal('Accepted');
      await waitFor(() => csms.calls.some((c) => c.payload['eventType'] === 'Started'));
      const started = csms.calls.find((c) => c.payload['eventType'] === 'Started')!;
      expect(started.payload['triggerReason']).to.equal('RemoteStart');
      expect(tx(started.payload)['remoteStartId']).to.equal(7);
      const stop = await csms.ep().call('RequestStopTransaction', { transactionId: tx(started.payload)['transactionId'] });
      expect(stop.status === 'result' && stop.payload['status']).to.equal('Accepted');
      await waitFor(() => csms.calls.some((c) => c.payload['eventType'] === 'Ended'));
      const ended = csms.calls.find((c) => c.payload['eventType'] === 'Ended')!;
      expect([ended.payload['triggerReason'], tx(ended.payload)['stoppedReason']]).to.deep.equal(['RemoteStop', 'Remote']);
      const unknown = await csms.ep().call('RequestStopTransaction', { transactionId: 'nope' });
      expect(unknown.status === 'result' && unknown.payload['status']).to.equal('Rejected');
    });
  });

  it('Reset Immediate reboots with reason RemoteReset; OnIdle during a transaction is Scheduled', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      await st.perform('plugIn', {});
      await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6' });
      const onIdle = await csms.ep().call('Reset', { type: 'OnIdle' });
      expect(onIdle.status === 'result' && onIdle.payload['status']).to.equal('Scheduled');
      const immediate = await csms.ep().call('Reset', { type: 'Immediate' });
      expect(immediate.status === 'result' && immediate.payload['status']).to.equal('Accepted');
      await waitFor(() => csms.calls.filter((c) => c.action === 'BootNotification').length === 2, 4_000);
      const ended = csms.calls.find((c) => c.payload['eventType'] === 'Ended')!;
      expect(tx(ended.payload)['stoppedReason']).to.equal('ImmediateReset');
      expect(csms.calls.filter((c) => c.action === 'BootNotification')[1]!.payload['reason']).to.equal('RemoteReset');
    });
  });

  it('Get/SetVariables attribute rules; a new HeartbeatInterval takes effect', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      const get = await csms.ep().call('GetVariables', {
        getVariableData: [
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
          { component: { name: 'NoSuchCtrlr' }, variable: { name: 'HeartbeatInterval' } },
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NoSuchVariable' } },
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeType: 'Target' },
        ],
      });
      expect(get.status).to.equal('result');
      const results = (get.status === 'result' ? (get.payload['getVariableResult'] as JsonObject[]) : []).map((r) => r['attributeStatus']);
      expect(results).to.deep.equal(['Accepted', 'UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType']);
      const set = await csms.ep().call('SetVariables', {
        setVariableData: [
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '1' },
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, attributeValue: '5' },
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: 'abc' },
          { component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, attributeValue: 'CP001' },
        ],
      });
      const setStatuses = (set.status === 'result' ? (set.payload['setVariableResult'] as JsonObject[]) : []).map((r) => r['attributeStatus']);
      expect(setStatuses).to.deep.equal(['Accepted', 'Rejected', 'Rejected', 'RebootRequired']);
      const before = csms.calls.length;
      await sleep(1_200);
      expect(csms.calls.slice(before).map((c) => c.action)).to.deep.equal(['Heartbeat']);
      expect(errorFindings(csms)).to.deep.equal([]);
    });
  });

  it('GetBaseReport FullInventory: Accepted, then NotifyReport parts with seqNo and tbc', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      const out = await csms.ep().call('GetBaseReport', { requestId: 3, reportBase: 'FullInventory' });
      expect(out.status === 'result' && out.payload['status']).to.equal('Accepted');
      await waitFor(() => csms.calls.some((c) => c.action === 'NotifyReport' && c.payload['tbc'] === false));
      const parts = csms.calls.filter((c) => c.action === 'NotifyReport');
      expect(parts.map((p) => p.payload['seqNo'])).to.deep.equal(parts.map((_, i) => i));
      expect(parts.length).to.be.greaterThan(1);
      expect(errorFindings(csms)).to.deep.equal([]);
    });
  });

  it('reconnects after a lost connection and sends the queued transaction messages in order', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      await st.perform('plugIn', {});
      await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6' });
      await sleep(100);
      await st.perform('goOffline', {});
      await waitFor(() => st.connectionState === 'offline');
      await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6' });
      // One queued event: the local stop ends the transaction in one Ended event (TxStopPoint Authorized).
      expect((st.snapshot() as { queueLength: number }).queueLength).to.equal(1);
      await st.perform('goOnline', {});
      await waitFor(() => csms.calls.some((c) => c.payload['eventType'] === 'Ended'));
      const seqNos = csms.calls.filter((c) => c.action === 'TransactionEvent').map((c) => c.payload['seqNo']);
      expect(seqNos).to.deep.equal([0, 1, 2]);
      expect(csms.calls.find((c) => c.payload['eventType'] === 'Ended')!.payload['offline']).to.equal(true);
      expect(csms.connections).to.equal(2);
      // The CSMS drops the link: the station comes back after the back-off.
      csms.ep().close();
      await waitFor(() => csms.connections === 3, 2_000);
    });
  });

  it('rejects unknown defects', () => {
    expect(() => createStationSimulator({ version: '2.0.1', csmsUrl: 'ws://127.0.0.1:1', defects: ['no-such-defect'] })).to.throw(/unknown station defect/);
    expect(() => createStationSimulator({ version: '1.6', csmsUrl: 'ws://127.0.0.1:1', defects: ['skips-seqno'] })).to.throw(/does not exist for OCPP 1.6/);
  });
});

describe('station simulator 1.6', function () {
  this.timeout(15_000);

  it('boots, reports connector 0 and every connector with NoError, heartbeats at the interval', async () => {
    await withStation('1.6', { csms: { boot: () => ({ status: 'Accepted', interval: 1 }) }, station: { connectors: 2 } }, async (csms, st) => {
      await booted(csms, st);
      await sleep(1_150);
      expect(csms.calls[0]!.payload).to.include({ chargePointVendor: 'ocpp-conform', chargePointModel: 'Reference Station' });
      const statuses = csms.calls.filter((c) => c.action === 'StatusNotification').map((c) => `${String(c.payload['connectorId'])}:${String(c.payload['status'])}:${String(c.payload['errorCode'])}`);
      expect(statuses).to.deep.equal(['0:Available:NoError', '1:Available:NoError', '2:Available:NoError']);
      expect(actions(csms).filter((a) => a === 'Heartbeat')).to.have.length(1);
      expect(errorFindings(csms)).to.deep.equal([]);
    });
  });

  it('plug-in first charging session: Preparing → StartTransaction → Charging → StopTransaction Local → Finishing → Available', async () => {
    await withStation('1.6', {}, async (csms, st) => {
      await booted(csms, st);
      const from = csms.calls.length;
      await st.perform('plugIn', { connectorId: 1 });
      await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6' });
      await sleep(150);
      await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6' });
      await sleep(150);
      await st.perform('unplug', { connectorId: 1 });
      await sleep(150);
      const seen = csms.calls.slice(from).map((c) => (c.action === 'StatusNotification' ? `SN:${String(c.payload['status'])}` : c.action === 'StopTransaction' ? `Stop:${String(c.payload['reason'])}:${String(c.payload['transactionId'])}` : c.action));
      expect(seen).to.deep.equal(['SN:Preparing', 'Authorize', 'StartTransaction', 'SN:Charging', 'Stop:Local:1', 'SN:Finishing', 'SN:Available']);
      expect(errorFindings(csms)).to.deep.equal([]);
    });
  });

  it('GetConfiguration / ChangeConfiguration rules', async () => {
    await withStation('1.6', {}, async (csms, st) => {
      await booted(csms, st);
      const get = await csms.ep().call('GetConfiguration', { key: ['HeartbeatInterval', 'NoSuchKey'] });
      expect(get.status === 'result' && get.payload).to.deep.equal({ configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '60' }], unknownKey: ['NoSuchKey'] });
      const statuses: unknown[] = [];
      for (const [key, value] of [['HeartbeatInterval', '1'], ['NumberOfConnectors', '3'], ['NoSuchKey', '1'], ['MeterValueSampleInterval', 'abc'], ['WebSocketPingInterval', '10']]) {
        const out = await csms.ep().call('ChangeConfiguration', { key, value });
        statuses.push(out.status === 'result' ? out.payload['status'] : out.status);
      }
      expect(statuses).to.deep.equal(['Accepted', 'Rejected', 'NotSupported', 'Rejected', 'RebootRequired']);
      const before = csms.calls.length;
      await sleep(1_150);
      expect(csms.calls.slice(before).map((c) => c.action)).to.deep.equal(['Heartbeat']);
    });
  });

  it('remote start first, plug in, remote stop; connectorId 0 is rejected', async () => {
    await withStation('1.6', {}, async (csms, st) => {
      await booted(csms, st);
      const zero = await csms.ep().call('RemoteStartTransaction', { connectorId: 0, idTag: '04A1B2C3D4E5F6' });
      expect(zero.status === 'result' && zero.payload['status']).to.equal('Rejected');
      const start = await csms.ep().call('RemoteStartTransaction', { connectorId: 1, idTag: '04A1B2C3D4E5F6' });
      expect(start.status === 'result' && start.payload['status']).to.equal('Accepted');
      await sleep(100);
      await st.perform('plugIn', { connectorId: 1 });
      await waitFor(() => actions(csms).includes('StartTransaction'));
      await sleep(100);
      const stop = await csms.ep().call('RemoteStopTransaction', { transactionId: 1 });
      expect(stop.status === 'result' && stop.payload['status']).to.equal('Accepted');
      await waitFor(() => actions(csms).includes('StopTransaction'));
      expect(csms.calls.find((c) => c.action === 'StopTransaction')!.payload['reason']).to.equal('Remote');
      const again = await csms.ep().call('RemoteStopTransaction', { transactionId: 99 });
      expect(again.status === 'result' && again.payload['status']).to.equal('Rejected');
    });
  });

  it('Hard reset reboots and boots again', async () => {
    await withStation('1.6', {}, async (csms, st) => {
      await booted(csms, st);
      const out = await csms.ep().call('Reset', { type: 'Hard' });
      expect(out.status === 'result' && out.payload['status']).to.equal('Accepted');
      await waitFor(() => actions(csms).filter((a) => a === 'BootNotification').length === 2, 3_000);
      expect(csms.connections).to.equal(2);
    });
  });
});
