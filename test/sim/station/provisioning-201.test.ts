/**
 * The 2.0.1 station's block B behaviour beyond Get/SetVariables (issue #18): custom reports by
 * component criteria and selection (device-model-reports.ts), the Reset of one EVSE (reset.ts),
 * SetNetworkProfile slots (network-profiles.ts), SecurityError while Rejected (station.ts).
 */
import { expect } from 'chai';
import type { JsonObject } from '../../../src/protocol/frames.js';
import { booted, errorFindings, sleep, waitFor, withStation, type TestCsms } from './support.js';

async function report(csms: TestCsms, requestId: number, request: JsonObject): Promise<{ status: unknown; names: string[] }> {
  const out = await csms.ep().call('GetReport', { requestId, ...request });
  const status = out.status === 'result' ? out.payload['status'] : out.status;
  if (status === 'Accepted') await waitFor(() => csms.calls.some((c) => c.action === 'NotifyReport' && c.payload['requestId'] === requestId && c.payload['tbc'] !== true));
  const names = csms.calls
    .filter((c) => c.action === 'NotifyReport' && c.payload['requestId'] === requestId)
    .flatMap((c) => (c.payload['reportData'] as JsonObject[]).map((d) => {
      const component = d['component'] as JsonObject;
      const variable = d['variable'] as JsonObject;
      const evse = component['evse'] as JsonObject | undefined;
      return `${String(component['name'])}${evse ? `[${String(evse['id'])}]` : ''}.${String(variable['name'])}${typeof variable['instance'] === 'string' ? `.${variable['instance']}` : ''}`;
    }));
  return { status, names };
}

describe('station simulator 2.0.1: block B reports, EVSE reset, network profiles', function () {
  this.timeout(15_000);

  it('GetReport: criteria alone report the criterion variables that are true; selection by instance and evse; unsupported criterion NotSupported', async () => {
    await withStation('2.0.1', { station: { evses: [1, 1] } }, async (csms, st) => {
      await booted(csms, st);
      // A controller switched off leaves the Enabled criterion's report; one switched on is in it.
      await csms.ep().call('SetVariables', { setVariableData: [{ component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' }, attributeValue: 'false' }] });
      const enabled = await report(csms, 1, { componentCriteria: ['Enabled'] });
      expect(enabled.status).to.equal('Accepted');
      expect(enabled.names.length).to.be.greaterThan(0);
      expect(enabled.names.every((n) => n.endsWith('.Enabled'))).to.equal(true);
      expect(enabled.names).to.not.include('AuthCacheCtrlr.Enabled');
      expect(enabled.names).to.include('SmartChargingCtrlr.Enabled');
      const allEvses = await report(csms, 2, { componentVariable: [{ component: { name: 'EVSE' }, variable: { name: 'AvailabilityState' } }] });
      expect(allEvses.names).to.deep.equal(['EVSE[1].AvailabilityState', 'EVSE[2].AvailabilityState']);
      const instances = await report(csms, 3, { componentVariable: [{ component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage' } }] });
      expect(instances.names).to.include.members(['DeviceDataCtrlr.ItemsPerMessage.GetReport', 'DeviceDataCtrlr.ItemsPerMessage.GetVariables']);
      const one = await report(csms, 4, { componentVariable: [{ component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'GetReport' } }] });
      expect(one.names).to.deep.equal(['DeviceDataCtrlr.ItemsPerMessage.GetReport']);
      expect((await report(csms, 5, { componentCriteria: ['Problem'], componentVariable: [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } }] })).status).to.equal('EmptyResultSet');
      expect((await report(csms, 6, { componentCriteria: ['Available', 'Active'] })).status).to.equal('NotSupported');
      expect(errorFindings(csms)).to.deep.equal([]);
    });
  });

  it('Reset of one EVSE: Accepted when idle, Scheduled (OnIdle) or the transaction ended (Immediate) while charging; no reboot', async () => {
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      const answer = async (payload: JsonObject): Promise<unknown> => {
        const out = await csms.ep().call('Reset', payload);
        return out.status === 'result' ? out.payload['status'] : out.status;
      };
      expect(await answer({ type: 'OnIdle', evseId: 1 })).to.equal('Accepted');
      expect(await answer({ type: 'OnIdle', evseId: 7 })).to.equal('Rejected');
      await st.perform('plugIn', { evseId: 1, connectorId: 1 });
      await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' });
      await sleep(200);
      expect(await answer({ type: 'OnIdle', evseId: 1 })).to.equal('Scheduled');
      expect(await answer({ type: 'Immediate', evseId: 1 })).to.equal('Accepted');
      await waitFor(() => csms.calls.some((c) => c.action === 'TransactionEvent' && c.payload['eventType'] === 'Ended'));
      const ended = csms.calls.find((c) => c.action === 'TransactionEvent' && c.payload['eventType'] === 'Ended')!;
      expect(ended.payload['triggerReason']).to.equal('ResetCommand');
      expect(ended.payload['transactionInfo']).to.include({ chargingState: 'EVConnected', stoppedReason: 'ImmediateReset' });
      await sleep(300);
      expect(csms.calls.filter((c) => c.action === 'BootNotification')).to.have.length(1);
    });
  });

  it('SetNetworkProfile: a slot of NetworkConfigurationPriority is Accepted, another one Rejected; CALLs while Rejected get SecurityError', async () => {
    const connectionData = { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://127.0.0.1:9/ocpp', messageTimeout: 30, securityProfile: 0, ocppInterface: 'Wired0' };
    await withStation('2.0.1', {}, async (csms, st) => {
      await booted(csms, st);
      const status = async (slot: number): Promise<unknown> => {
        const out = await csms.ep().call('SetNetworkProfile', { configurationSlot: slot, connectionData });
        return out.status === 'result' ? out.payload['status'] : out.status;
      };
      expect(await status(1)).to.equal('Accepted');
      expect(await status(999)).to.equal('Rejected');
    });
    await withStation('2.0.1', { csms: { boot: () => ({ status: 'Rejected', interval: 5 }) } }, async (csms) => {
      await waitFor(() => csms.calls.some((c) => c.action === 'BootNotification'));
      await sleep(100);
      const out = await csms.ep().call('GetBaseReport', { requestId: 1, reportBase: 'FullInventory' });
      expect(out.status === 'error' ? out.errorCode : out.status).to.equal('SecurityError');
    });
  });
});
